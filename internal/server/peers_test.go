package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"

	peersweb "github.com/arrs-planner/arrs/web/peers"
)

// TestPeers runs the peers' tests on one database with the practice files loaded
// (loading them takes seconds): first with no group saved, then saving one.
func TestPeers(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	loadNeedPractices(t, e.db)
	f, err := refdata.Open(refdata.SampleWorkforceFile) // QOC's and QSL's PCNs, November 2025
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(context.Background(), e.db, "sample.csv", f, capBy, nil, capNow); err != nil {
		t.Fatal(err)
	}
	peersDeterministic(t, e)
	peerGroupSaved(t, e)
}

// The demo PCN's 10 most similar networks are the same every time they are worked
// out, and the page lists them in that order after the PCN itself.
func peersDeterministic(t *testing.T, e *capEnv) {
	status, doc := e.get("director", "/pcns/U60057/peers")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	shown := rowCodes(doc, "peer-table", "peer-")
	if len(shown) != need.PeerCount+1 || shown[0] != "self" {
		t.Fatalf("rows %v: want the PCN, then %d peers", shown, need.PeerCount)
	}
	ctx := context.Background()
	rep, err := needreport.Compute(ctx, e.db, needreport.Options{Level: workforce.LevelPCN})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		res, err := needreport.On(ctx, e.db, rep.Day)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, p := range res.Peers("U60057", need.PeerCount) {
			codes = append(codes, p.Code)
		}
		if !slices.Equal(codes, shown[1:]) {
			t.Fatalf("worked out again: %v, the page shows %v", codes, shown[1:])
		}
	}
	// FTE per 10,000 is the need report's: its observed FTE over its need.
	row, _ := rep.PCN("U60057")
	if want := ui.FTE(row.Observed) + " | " + ui.Decimal(row.Observed*10000/row.Need, 2); row.Observed == 0 || !strings.HasSuffix(cellsText(doc, "peer-self"), want) {
		t.Errorf("the PCN's row %q, want it to end %q", cellsText(doc, "peer-self"), want)
	}
	if got := cellsText(doc, "peer-"+shown[1]); !strings.HasSuffix(got, "0.0 (no return) | 0.00") {
		t.Errorf("a network of another ICB, which made no return: %q", got)
	}
	if first := shown[1:4]; !slices.Equal(first, pinnedPeers) {
		t.Errorf("the nearest three are %v, want %v", first, pinnedPeers)
	}
	// The weights page's quintiles and k are of the same day, the latest census.
	if _, w := e.get("director", "/need/weights"); !strings.Contains(testID(w, "weights-day"), "of 30 November 2025, the date of the latest workforce census") {
		t.Errorf("the weights' day: %q", testID(w, "weights-day"))
	}
	// ICBs are named as on the day of the figures: Barnet 2 was in North Central London
	// on 30 November 2025 (West and North London from April 2026, after capNow's data).
	if _, barnet := e.get("admin", "/pcns/U33392/peers"); !strings.Contains(cellsText(barnet, "peer-self"), "NHS North Central London") {
		t.Errorf("Barnet 2's ICB on the day: %q", cellsText(barnet, "peer-self"))
	}
	for _, id := range []string{"peers-method", "need-source"} {
		if !capHas(doc, id) {
			t.Errorf("%s missing", id)
		}
	}
	if capHas(doc, "peers-custom") || capHas(doc, "peers-edit") {
		t.Error("a custom group, or its link, shown to a director with none saved")
	}
}

// pinnedPeers are U60057's three nearest networks on the reference data.
var pinnedPeers = []string{"U99463", "U52997", "U42007"}

// loadNeedPractices loads the practice files of November 2025 (membership, lists, age
// bands and deprivation scores), which the tests' reference data leaves out.
func loadNeedPractices(t *testing.T, db *store.DB) {
	t.Helper()
	for _, name := range refdata.PracticeFiles {
		f, err := refdata.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ingest.Practices(context.Background(), db, path.Base(name), f, capBy)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// rowCodes is the codes of a table's rows, by their test ids (prefix + code).
func rowCodes(doc *goquery.Document, table, prefix string) []string {
	var codes []string
	doc.Find(`[data-testid="` + table + `"] tbody tr`).Each(func(_ int, s *goquery.Selection) {
		codes = append(codes, strings.TrimPrefix(s.AttrOr("data-testid", ""), prefix))
	})
	return codes
}

// A lead of the PCN's ICB saves a peer group: bad codes are shown again with 422 and
// write nothing; the group saved is audited, shown on the dashboard saying who chose
// it and above the computed 10 on the peers page; a save at a stale version is 409;
// "Use the 10 most similar instead" removes it.
func peerGroupSaved(t *testing.T, e *capEnv) {
	const edit = "/pcns/U60057/peers/edit"
	status, doc := e.get("lead", edit)
	if typed := strings.Fields(doc.Find("textarea#peers").Text()); status != http.StatusOK || len(typed) != need.PeerCount || capHas(doc, "reset") {
		t.Fatalf("form: status %d, prefilled %v", status, typed)
	}
	if hint := textOf(doc, "#peers-hint"); !strings.HasSuffix(hint, "for example "+pinnedPeers[0]+".") {
		t.Errorf("hint %q: want another network's code as the example", hint)
	}
	for typed, msg := range map[string]string{
		"":                            "Enter the codes of the PCNs",
		"U47425\nU60057":              "U60057 is",
		"U47425\nU47425":              "entered more than once",
		"U47425\nUZZZZZ":              "UZZZZZ is not a PCN of England",
		strings.Repeat("U47425,", 21): "Enter 20 PCN codes or fewer",
		strings.Repeat("U", 401):      "400 characters or fewer",
		"U47425\n<script>":            "letters and digits",
	} {
		status, doc := e.post("lead", edit, url.Values{"version": {"0"}, "action": {"save"}, "peers": {typed}})
		if status != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), msg) || !strings.Contains(textOf(doc, "#peers-error"), msg) {
			t.Errorf("%q: status %d, summary %q", typed, status, capErrors(doc))
		}
	}
	if _, doc := e.post("lead", edit, url.Values{"version": {"0"}, "action": {"save"}, "peers": {strings.Repeat("U", 1000)}}); len(doc.Find("textarea#peers").Text()) != 400 ||
		!strings.Contains(capErrors(doc), "you entered 1000, and only the first 400 are shown") {
		t.Errorf("an over-long box echoed %d characters: %q", len(doc.Find("textarea#peers").Text()), capErrors(doc))
	}
	if status, doc := e.post("lead", edit, url.Values{"version": {"3"}, "action": {"save"}, "peers": {"U47425"}}); status != http.StatusConflict ||
		!strings.Contains(testID(doc, "conflict"), "No peer group has ever been saved") || strings.Contains(testID(doc, "conflict"), "removed") {
		t.Errorf("a stale version with none ever saved: %d %q", status, testID(doc, "conflict"))
	}
	if _, err := e.db.PeerGroup(context.Background(), "U60057"); !errors.Is(err, store.ErrNotFound) || len(e.audits("peer_group.save")) != 0 {
		t.Fatalf("a refused form wrote: %v", err)
	}
	res, err := e.as("lead").PostForm(e.ts.URL+edit, url.Values{"version": {"0"}, "action": {peersweb.ActionReset}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if _, page := e.get("lead", "/pcns/U60057/peers"); !strings.Contains(textOf(page, ".nhsuk-notification-banner"), "No peer group was saved") || len(e.audits("peer_group.delete")) != 0 {
		t.Errorf("resetting with none saved says %q", textOf(page, ".nhsuk-notification-banner"))
	}

	good := url.Values{"version": {"0"}, "action": {"save"}, "peers": {"u47425, U00070"}}
	req, _ := http.NewRequest(http.MethodPost, e.ts.URL+edit, strings.NewReader(good.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err = e.as("lead").Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("a cross-site post: %d", res.StatusCode)
	}
	res, err = e.as("lead").PostForm(e.ts.URL+edit, good)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/pcns/U60057/peers" {
		t.Fatalf("save: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	audits := e.audits("peer_group.save")
	if len(audits) != 1 || audits[0].Actor != "lead@test.nhs.uk" || audits[0].PCN != "U60057" || !strings.Contains(audits[0].AfterJSON, `["U00070", "U47425"]`) {
		t.Errorf("audit: %+v", audits)
	}
	if status, doc := e.post("lead", edit, url.Values{"version": {"0"}, "action": {"save"}, "peers": {"U00000"}}); status != http.StatusConflict || !capHas(doc, "conflict") {
		t.Errorf("stale save: %d", status)
	}

	_, dash := e.get("director", "/pcns/U60057/dashboard")
	if key := "ARRS FTE per 10,000 need-adjusted patients"; !strings.Contains(textOf(dash, "#dash-workforce-summary"), key) {
		t.Errorf("the dashboard's rate is not named %q: %q", key, textOf(dash, "#dash-workforce-summary"))
	}
	if got := testID(dash, "dash-peers-chosen"); !strings.HasPrefix(got, "Peer group chosen by Test lead on ") {
		t.Errorf("dashboard says %q", got)
	}
	if got := rowCodes(dash, "dash-peers-table", "dash-peer-"); !slices.Equal(got, []string{"self", "U00070", "U47425"}) {
		t.Errorf("dashboard rows %v", got)
	}
	if dash.Find(`[data-testid="dash-peers-link"]`).AttrOr("href", "") != "/pcns/U60057/peers" {
		t.Error("no link to the peers page")
	}
	_, page := e.get("director", "/pcns/U60057/peers")
	if got := rowCodes(page, "peer-custom-table", "peer-custom-"); !slices.Equal(got, []string{"self", "U00070", "U47425"}) || !capHas(page, "peer-table") {
		t.Errorf("peers page: custom %v, computed shown %v", got, capHas(page, "peer-table"))
	}

	if status, _ := e.post("manager", edit, url.Values{"version": {"1"}, "action": {peersweb.ActionReset}}); status != http.StatusForbidden {
		t.Errorf("the PCN's manager removed it: %d", status)
	}
	if status, _ := e.post("lead", edit, url.Values{"version": {"1"}, "action": {peersweb.ActionReset}}); status != http.StatusSeeOther {
		t.Errorf("reset: %d", status)
	}
	if _, err := e.db.PeerGroup(context.Background(), "U60057"); !errors.Is(err, store.ErrNotFound) || len(e.audits("peer_group.delete")) != 1 {
		t.Errorf("after reset: %v", err)
	}
	if _, doc := e.post("lead", edit, url.Values{"version": {"1"}, "action": {"save"}, "peers": {"U47425"}}); !strings.Contains(testID(doc, "conflict"), "removed since you opened the form") {
		t.Errorf("a save of a group removed meanwhile: %q", testID(doc, "conflict"))
	}
	if _, dash := e.get("director", "/pcns/U60057/dashboard"); capHas(dash, "dash-peers-chosen") || len(rowCodes(dash, "dash-peers-table", "dash-peer-")) != need.PeerCount+1 {
		t.Error("the dashboard still shows the chosen group")
	}
}

// textOf is the text of the elements sel finds.
func textOf(doc *goquery.Document, sel string) string {
	return strings.Join(strings.Fields(doc.Find(sel).Text()), " ")
}
