package browser

import (
	"context"
	"encoding/csv"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// needPages are issue 15's pages (need, the funnel, the weights, peers) that the
// every-page sweep does not already open, as an admin sees them once addNeedData has
// run: the ICB comparison, the dashboard and the PCN page (its decile charts) are
// among adminPages already.
var needPages = []string{
	"/need", "/need?icb=QOC", "/need/weights", "/admin/need-weights",
	"/pcns/U60057/peers", "/pcns/U60057/peers/edit",
	"/icbs/QOC/compare?denominator=list", "/gaps?denominator=need",
}

// needNarrowPages are the pages of issue 15 with charts and wide tables that must
// work on a phone (TestNarrowScreens): the funnels, the decile charts of the PCN page,
// the peers and the weights.
var needNarrowPages = []string{
	"/need", "/need?icb=QOC", "/need/weights", "/pcns/U60057", "/pcns/U60057/peers",
	"/icbs/QOC/compare?denominator=list", "/gaps?denominator=need",
}

// decilesNoReturn is the PCN whose rows the second census leaves out (West Mendip).
const decilesNoReturn = "U17153"

// addNeedData loads what need and the decile charts are worked out from, which the
// tests' reference data leaves out: the practice files of November 2025 (membership,
// lists, patients by age band and sex, deprivation scores), as the server's tests load
// them; then a second census, December 2025, made from the sample of November (every
// row again, but West Mendip's, which makes no return), as TestPCNDeciles makes it.
func addNeedData(t *testing.T, db *store.DB) {
	t.Helper()
	ctx, by := context.Background(), store.Actor{Name: "test"}
	for _, name := range refdata.PracticeFiles {
		f, err := refdata.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ingest.Practices(ctx, db, path.Base(name), f, by)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	sample, err := refdata.ReadFile(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.NWRS(ctx, db, "december.csv", strings.NewReader(decemberCensus(t, string(sample))), by, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// decemberCensus is the sample census as of December 2025, without West Mendip's rows.
func decemberCensus(t *testing.T, nov string) string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(nov)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	out := [][]string{rows[0]}
	for _, r := range rows[1:] {
		if r[col["PCN_CODE"]] != decilesNoReturn {
			r[col["CENSUS_MONTH"]] = "12"
			out = append(out, r)
		}
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.WriteAll(out); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestNeedJourney is issue 15's journey, with JavaScript, on the sample workforce of
// two censuses and the practice files (addNeedData). The ICB lead, on the ICB's page,
// follows "Staffing against need" to England's funnel with the ICB's networks
// highlighted and listed with where each lies; goes to the comparison and sees the
// same networks highlighted in its funnel and each one's ratio flagged; shows it by list
// size and back by need; follows the source of the weights to the weights' page. The
// lead opens Shrewsbury PCN's similar networks and chooses a peer group: a code that is
// no PCN first (refused: the error summary, focused, nothing saved), then two of the
// computed peers (saved, audited, shown above the computed 10); the dashboard says who
// chose it. Last, an admin raises the weight of men aged 75 and over, and the
// comparison's need-adjusted patients of Shrewsbury PCN change. Every page the
// every-page sweep does not check in the same state is checked by axe at 1280 px and
// at 375 px, where nothing may push it sideways.
func TestNeedJourney(t *testing.T) {
	st := newSite(t)
	addNeedData(t, st.db)
	n := needJourney{streamsJourney{journey: journey{t: t, ctx: newBrowser(t, true), base: st.url, js: true}, db: st.db}}
	n.signIn(demoLead, "/icbs/QOC", "01-home-lead")
	icbPCNs := n.funnel()
	n.comparison(icbPCNs)
	n.weightsSource()
	n.peerGroup()
	signOut(t, n.ctx)
	n.signIn(demoAdmin, "/", "14-home-admin")
	n.weightChanged()
}

// needJourney is the journey's way through the pages of need.
type needJourney struct{ streamsJourney }

// funnel: from the ICB's page to England's funnel with the ICB's networks highlighted,
// each listed with where it lies against the limits; it returns how many there are.
func (n needJourney) funnel() int {
	n.t.Helper()
	n.click(`a[data-testid="need-link"]`, "02-need-icb")
	if at := n.eval(`location.pathname + location.search`); !strings.HasPrefix(at, "/need?icb=QOC") {
		n.t.Errorf("Staffing against need led to %s, want /need?icb=QOC…", at)
	}
	listed := n.number(`document.querySelectorAll('#need-funnel-table tbody tr').length`)
	marked := n.number(`document.querySelectorAll('#need-funnel-chart [data-testid="funnel-highlight"]').length`)
	if listed == 0 || marked != listed {
		n.t.Errorf("England's funnel marks %d of the ICB's networks and lists %d", marked, listed)
	}
	n.seeIn(`#need-funnel-table thead`, "Where it lies", "the ICB's networks are listed with where each lies")
	n.seeIn(`[data-testid="need-funnel-table-U60057"]`, "SHREWSBURY PCN", "Shrewsbury PCN is among the ICB's networks")
	where := n.eval(`document.querySelector('[data-testid="need-funnel-table-U60057"] td:last-child')?.textContent.trim() ?? ''`)
	if !strings.Contains(where, "limits") && where != "No expected FTE" {
		n.t.Errorf("Shrewsbury PCN lies %q", where)
	}
	n.seeIn(`[data-testid="need-source"]`, "need-adjusted population", "the funnel says which denominator it uses")
	return marked
}

// comparison: back on the ICB's page, the lead opens the comparison, whose funnel
// marks the ICB's networks and whose table flags each one's ratio; then shows it by
// list size and back by need.
func (n needJourney) comparison(icbPCNs int) {
	n.t.Helper()
	n.open("/icbs/QOC", "03-icb-again")
	n.follow(`a[data-testid="compare-link"]`, "04-compare") // the every-page sweep checks it
	rows := n.number(`document.querySelectorAll('#compare tbody tr').length`)
	marked := n.number(`document.querySelectorAll('#cmp-funnel-plot-chart [data-testid="funnel-highlight"]').length`)
	if rows == 0 || marked != rows || marked != icbPCNs {
		n.t.Errorf("the comparison lists %d networks, its funnel marks %d, England's funnel %d", rows, marked, icbPCNs)
	}
	flags := n.number(`document.querySelectorAll('[data-testid$="-ratio-flag"]').length`)
	if flags == 0 {
		n.t.Error("no network's ratio is flagged in the comparison")
	}
	n.seeIn(`[data-testid="cmp-U60057-ratio-flag"]`, "99.8% limit", "Shrewsbury PCN's ratio says where it lies")
	n.seeIn(`[data-testid="cmp-outliers"]`, "PCNs in England beyond the 99.8% limits", "the funnel counts England's outliers")
	onNeed := n.eval(`document.querySelector('[data-testid="cmp-U60057-per10k"]')?.textContent.trim() ?? ''`)
	n.click(`a[data-testid="cmp-denominator-list"]`, "05-compare-by-list")
	if at := n.eval(`location.search`); !strings.Contains(at, "denominator=list") {
		n.t.Errorf("by list size: %s", at)
	}
	n.seeIn(`strong[data-testid="cmp-denominator-list"]`, "registered list size", "the page says it divides by list size")
	n.seeIn(`[data-testid="need-source"]`, "registered list size", "the source note says the rates divide by list size")
	if onList := n.eval(`document.querySelector('[data-testid="cmp-U60057-per10k"]')?.textContent.trim() ?? ''`); onList == onNeed {
		n.t.Errorf("FTE per 10,000 is %q on both denominators", onList)
	}
	n.follow(`a[data-testid="cmp-denominator-need"]`, "06-compare-by-need")
	if at := n.eval(`location.pathname + location.search`); at != "/icbs/QOC/compare" {
		n.t.Errorf("back by need: %s, want /icbs/QOC/compare", at)
	}
	n.seeIn(`strong[data-testid="cmp-denominator-need"]`, "need-adjusted population", "the page says it divides by need")
}

// weightsSource: the source note's link leads to the weights and their sources.
func (n needJourney) weightsSource() {
	n.t.Helper()
	n.follow(`[data-testid="need-source"] a`, "07-weights") // the every-page sweep checks it
	if at := n.eval(`location.pathname`); at != "/need/weights" {
		n.t.Errorf("the source link led to %s, want /need/weights", at)
	}
	n.see("Mukhtar", "the weights' page cites their source")
	n.see("10.3399/bjgp18X695981", "the weights' page gives the paper's DOI")
}

// peerGroup: the lead chooses a peer group for Shrewsbury PCN, a wrong code first.
func (n needJourney) peerGroup() {
	n.t.Helper()
	n.check("/pcns/U60057/peers", "08-peers")
	computed := strings.Fields(n.eval(`[...document.querySelectorAll('[data-testid="peers-computed"] tbody tr')].map(r => r.dataset.testid.replace('peer-', '')).filter(c => c !== 'self').join(' ')`))
	if len(computed) < 2 {
		n.t.Fatalf("the computed peers: %v", computed)
	}
	n.click(`a[data-testid="peers-edit"]`, "09-peers-form")
	n.retype("10-peers-wrong", "textarea#peers", "U47425\nUZZZZZ")
	n.refused(`main form[method=post] button[value="save"]`, "10-peers-refused", "UZZZZZ is not a PCN of England")
	if c := n.count(`SELECT count(*) FROM peer_groups WHERE pcn_code = 'U60057'`); c != 0 {
		n.t.Errorf("a wrong code was saved (%d groups)", c)
	}
	chosen := computed[:2]
	n.retype("11-peers-typed", "textarea#peers", strings.Join(chosen, "\n"))
	n.click(`main form[method=post] button[value="save"]`, "11-peers-saved")
	n.see("nhsuk-notification-banner", "the peer group's save is confirmed")
	lead := "Peer group chosen by Demo " + string(auth.ICBLead)
	n.seeIn(`[data-testid="peers-chosen"]`, lead, "the peers page says who chose the group")
	got := n.eval(`[...document.querySelectorAll('[data-testid="peers-custom"] tbody tr')].map(r => r.dataset.testid.replace('peer-custom-', '')).filter(c => c !== 'self').sort().join(' ')`)
	if slices.Sort(chosen); got != strings.Join(chosen, " ") {
		n.t.Errorf("the chosen group shows %q, want %q", got, strings.Join(chosen, " "))
	}
	if c := n.count(`SELECT count(*) FROM audit_log WHERE action = 'peer_group.save' AND entity_id = 'U60057'`); c != 1 {
		n.t.Errorf("the peer group's save is in the audit trail %d times, want once", c)
	}
	n.check("/pcns/U60057/dashboard", "12-dashboard")
	n.seeIn(`[data-testid="dash-peers-chosen"]`, lead, "the dashboard says who chose the peer group")
	for _, code := range chosen {
		n.seeIn(`[data-testid="dash-peers"]`, code, "the dashboard lists the chosen peers")
	}
}

// weightChanged: an admin raises the weight of men aged 75 and over, and the
// comparison's need-adjusted patients of Shrewsbury PCN change.
func (n needJourney) weightChanged() {
	n.t.Helper()
	const needCell = `document.querySelector('[data-testid="cmp-U60057-need"]')?.textContent.trim() ?? ''`
	n.open("/icbs/QOC/compare", "15-compare-before")
	before := n.eval(needCell)
	n.open("/need/weights", "16-weights")
	n.follow(`a[data-testid="edit-weights"]`, "17-weights-form") // the every-page sweep checks it
	oldest := n.eval(`[...document.querySelectorAll('input[id$="-male"]')].filter(i => /^age-\d+-male$/.test(i.id)).pop()?.id ?? ''`)
	if oldest == "" {
		n.t.Fatal("no weight for men on the form")
	}
	n.retype("18-weight-typed", "input#"+oldest, "9.5")
	n.click(`main form[method=post] button[type=submit]`, "18-weights-saved")
	n.see("nhsuk-notification-banner", "the weights' save is confirmed")
	n.open("/icbs/QOC/compare", "19-compare-after")
	if after := n.eval(needCell); before == "" || after == before {
		n.t.Errorf("Shrewsbury PCN's need-adjusted patients: %q before the weight changed, %q after", before, after)
	}
}

// retype empties a field and types text in it.
func (n needJourney) retype(name, selector, text string) {
	n.t.Helper()
	n.eval(fmt.Sprintf(`document.querySelector(%q).value = ''`, selector))
	n.do(name, chromedp.SendKeys(chromedp.CSS(selector), text))
}

// number evaluates an expression of the page that gives a whole number.
func (n needJourney) number(expr string) int {
	n.t.Helper()
	v, err := strconv.Atoi(n.eval(fmt.Sprintf(`String(%s)`, expr)))
	if err != nil {
		n.t.Fatalf("%s: %v", firstLines(expr, 1), err)
	}
	return v
}
