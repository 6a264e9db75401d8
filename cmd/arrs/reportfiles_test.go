package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/server"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The files `arrs report` writes are the pages' downloads, byte for byte, for the same
// data: an admin fetches each page's file from a server on the same database.

// pageFiles signs an admin in to a server on db and returns a getter of its files.
func pageFiles(t *testing.T, db *store.DB) func(path string) []byte {
	t.Helper()
	const password = "violet harbour lantern"
	hash, err := auth.HashPassword(password, auth.DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(context.Background(), auth.User{Email: "admin@test.nhs.uk", Name: "Test admin", PasswordHash: hash,
		Active: true, Grants: []auth.Grant{{Role: auth.Admin}}}, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil))).Routes())
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.PostForm(ts.URL+"/login", url.Values{"email": {"admin@test.nhs.uk"}, "password": {password}})
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in: %v %v", err, res)
	}
	res.Body.Close()
	return func(path string) []byte {
		t.Helper()
		res, err := c.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %v", path, res.StatusCode, err)
		}
		return body
	}
}

// sameFile fails the test unless the command writes the page's file.
func sameFile(t *testing.T, page []byte, args ...string) {
	t.Helper()
	out, _, err := runArrs(args...)
	if err != nil {
		t.Fatalf("%s: %v", strings.Join(args, " "), err)
	}
	if !bytes.Equal([]byte(out), page) {
		t.Errorf("%s: %d bytes differ from the page's %d:\n%.400s\nwant\n%.400s", strings.Join(args, " "), len(out), len(page), out, page)
	}
}

func TestReportPlanIsThePlanDownload(t *testing.T) {
	db := withSample(t)
	file := filepath.Join(t.TempDir(), "plan.csv")
	if err := os.WriteFile(file, []byte("pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"+
		"U79722,paramedic,2026/27 Q1,1.234567,0,\nU79722,clinical_pharmacist,2026/27 Q2,2,0.5,48000.50\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runArrs("import", "plans", file); err != nil {
		t.Fatal(err)
	}
	get := pageFiles(t, db)
	plans, err := db.PlansByPCN(context.Background(), "U79722")
	if err != nil || len(plans) != 1 {
		t.Fatalf("plans: %v %v", plans, err)
	}
	for _, format := range []string{"csv", "xlsx"} {
		page := get("/pcns/U79722/plan." + format)
		sameFile(t, page, "report", "plan", "--pcn", "U79722", "--format", format)
		sameFile(t, get("/pcns/U79722/plan."+format+"?version="+strconv.FormatInt(plans[0].ID, 10)),
			"report", "plan", "--pcn", "u79722", "--version", "1", "--format", format)
	}
	if !strings.Contains(string(get("/pcns/U79722/plan.csv")), "U79722,clinical_pharmacist,2026/27 Q2,2,0.5,48000.50") {
		t.Error("the plan file lacks its lines")
	}
	for args, want := range map[string]string{
		"--pcn U60057":               "no plan yet",
		"--pcn U79722 --version 2":   "no version 2",
		"--pcn U99999":               "no PCN U99999",
		"--pcn U79722 --format json": "csv or xlsx",
		"--version 1":                "needs --pcn",
	} {
		if _, _, err := runArrs(append([]string{"report", "plan"}, strings.Fields(args)...)...); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("report plan %s: %v, want %q", args, err, want)
		}
	}
}

func TestReportClaimsIsTheClaimsDownload(t *testing.T) {
	db := withSample(t)
	get := pageFiles(t, db)
	for _, format := range []string{"csv", "xlsx"} {
		page := get("/pcns/U79722/funding/claims." + format + "?year=2025/26")
		sameFile(t, page, "report", "claims", "--pcn", "U79722", "--year", "2025/26", "--format", format)
		sameFile(t, get("/pcns/U79722/funding/claims."+format), "report", "claims", "--pcn", "U79722", "--format", format)
	}
	if lines := strings.Count(string(get("/pcns/U79722/funding/claims.csv?year=2025/26")), "\n"); lines < 2 {
		t.Errorf("the claim schedule has %d lines: the test compares nothing", lines)
	}
	if _, _, err := runArrs("report", "claims", "--pcn", "U79722", "--year", "2025"); err == nil || !strings.Contains(err.Error(), "2025/26") {
		t.Errorf("a bad year: %v", err)
	}
}

func TestReportGapsICBIsTheICBDownload(t *testing.T) {
	db := withSample(t)
	get := pageFiles(t, db)
	for _, format := range []string{"csv", "xlsx"} {
		sameFile(t, get("/gaps/icbs/QOC."+format), "report", "gaps", "--icb", "QOC", "--format", format)
		sameFile(t, get("/gaps."+format+"?level=icb"), "report", "gaps", "--level", "icb", "--format", format)
	}
	if _, _, err := runArrs("report", "gaps", "--icb", "QXX"); err == nil || !strings.Contains(err.Error(), "unknown ICB QXX") {
		t.Errorf("an unknown ICB: %v", err)
	}
}

func TestReportCompareIsTheCompareDownload(t *testing.T) {
	db := withSample(t)
	file := filepath.Join(t.TempDir(), "plan.csv")
	if err := os.WriteFile(file, []byte("pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\nU60057,paramedic,2026/27 Q1,1,0,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runArrs("import", "plans", file); err != nil {
		t.Fatal(err)
	}
	get := pageFiles(t, db)
	for _, format := range []string{"csv", "xlsx"} {
		sameFile(t, get("/icbs/QOC/compare."+format), "report", "compare", "--icb", "qoc", "--format", format)
	}
	if page := string(get("/icbs/QOC/compare.csv")); !strings.Contains(page, "U60057,") || !strings.Contains(page, ",Version 1,draft,") {
		t.Errorf("the comparison lacks its rows:\n%s", page)
	}
	if _, _, err := runArrs("report", "compare", "--icb", "QXX"); err == nil || !strings.Contains(err.Error(), "unknown ICB QXX") {
		t.Errorf("an unknown ICB: %v", err)
	}
}

// `arrs report compare` seals a round past its closing day first, by the real clock,
// as the page does before its download: run before any page, it counts the round's
// answers in pulse_responses.
func TestReportCompareSealsRoundsDue(t *testing.T) {
	db := withSample(t)
	ctx := context.Background()
	today := workforce.Today(time.Now())
	groups := []workforce.RoleGroup{workforce.GroupPharmacy, workforce.GroupPharmacy, workforce.GroupNursing}
	round, links, err := db.OpenPulseRound(ctx, "U60057", today.AddDate(0, 0, -20), today.AddDate(0, 0, -1), groups, store.Actor{Name: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links[:2] {
		if err := db.AnswerPulse(ctx, l.Token, workforce.PulseAnswer{Scores: [4]int{4, 4, 4, 4}}, today.AddDate(0, 0, -5)); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := runArrs("report", "compare", "--icb", "QOC")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(recs[0], "pulse_responses")
	var got string
	for _, rec := range recs[1:] {
		if rec[0] == "U60057" && col >= 0 {
			got = rec[col]
		}
	}
	if got != "2" {
		t.Errorf("U60057's pulse_responses %q, want 2 (column %d)", got, col)
	}
	if rd, err := db.PulseRound(ctx, "U60057", round.ID); err != nil || !rd.Sealed {
		t.Errorf("the round after the report: %+v, %v", rd, err)
	}
}

// `arrs report funding` gives, to the penny, the demo PCN's funding page figures and,
// for its ICB, the sum of its PCNs' pages; `arrs report claims` sums to the committed.
func TestReportFundingIsTheFundingPages(t *testing.T) {
	db := withSample(t)
	ctx := context.Background()
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 2026/27: the sample's staff data starts at the census of 30 November 2025, so
	// 2025/26's committed and headroom are not known (TestReportFundingPartialYear).
	year := workforce.FinancialYear(2026)
	pageOf := func(p workforce.PCN) funding.PCNYear {
		t.Helper()
		res, _, err := funding.ForPCN(ctx, db, workforce.Today(time.Now()), p, year)
		if err != nil {
			t.Fatal(err)
		}
		y, _ := res.For(p.Code, year)
		return y
	}
	rows := func(level string) map[string][]string {
		return fundingRows(t, level, year.String())
	}
	money := func(f planning.Funding) []string {
		return []string{f.EntitlementPence.Decimal(), f.CommittedPence.Decimal(), f.PlannedPence.Decimal(), f.HeadroomPence.Decimal()}
	}
	demo, _ := tree.PCN("U60057")
	page := pageOf(demo)
	if got, want := rows("pcn")["U60057"], money(page.Funding); !slices.Equal(got[4:8], want) {
		t.Errorf("U60057: report %q, page %q", got, want)
	}
	var icb planning.Funding
	for _, p := range tree.PCNsOf(demo.ICBCode) {
		f := pageOf(p).Funding
		icb.EntitlementPence += f.EntitlementPence
		icb.CommittedPence += f.CommittedPence
		icb.PlannedPence += f.PlannedPence
		icb.HeadroomPence += f.HeadroomPence
	}
	if got, want := rows("icb")[demo.ICBCode], money(icb); !slices.Equal(got[4:8], want) || icb.CommittedPence == 0 {
		t.Errorf("%s: report %q, pages %q", demo.ICBCode, got, want)
	}
	out, _, err := runArrs("report", "claims", "--pcn", "U60057", "--year", year.String())
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	var sum workforce.Pence
	for _, r := range recs[1:] {
		p, ok := workforce.ParsePounds(r[9])
		if !ok {
			t.Fatalf("claimable %q", r[9])
		}
		sum += p
	}
	if sum != page.Funding.CommittedPence {
		t.Errorf("claims sum to %s, committed %s", sum.Decimal(), page.Funding.CommittedPence.Decimal())
	}
	if _, _, err := runArrs("report", "funding", "--stream", "core"); err == nil || !strings.Contains(err.Error(), "arrs, practice_gp or other") {
		t.Errorf("an unknown stream: %v", err)
	}
}
