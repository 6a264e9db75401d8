package refdata

import (
	"io/fs"
	"math"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestLoad(t *testing.T) {
	t.Parallel()
	ref, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string][2]int{
		"regions":   {len(ref.Regions), 7},
		"icbs":      {len(ref.ICBs), 42},
		"sub-icbs":  {len(ref.SubICBs), 106},
		"pcns":      {len(ref.PCNs), 1297},
		"roles":     {len(ref.Roles), 23},
		"targets":   {len(ref.Targets), 1},
		"band caps": {len(ref.BandCaps), 21},
	}
	for what, c := range counts {
		if c[0] != c[1] {
			t.Errorf("%s: got %d, want %d", what, c[0], c[1])
		}
	}
	roles := map[string]bool{}
	for _, r := range ref.Roles {
		roles[r.Code] = true
	}
	for staffRole, code := range ref.NWRSRoleMap {
		if !roles[code] {
			t.Errorf("NWRS role %q maps to unknown role %q", staffRole, code)
		}
	}
	for _, c := range ref.Caps {
		if !roles[c.RoleCode] {
			t.Errorf("cap for unknown role %q", c.RoleCode)
		}
	}
	if len(ref.Series) < 1000 {
		t.Errorf("national series: %d points", len(ref.Series))
	}
}

func TestFinancialYearStart(t *testing.T) {
	t.Parallel()
	if d, ok := financialYearStart("2025/26"); !ok || d.Format("2006-01-02") != "2025-04-01" {
		t.Errorf("2025/26: %v %v", d, ok)
	}
	for _, bad := range []string{"2025/27", "2025", "25/26", "abcd/ef"} {
		if _, ok := financialYearStart(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

// The bulletin's national series, mapped with the NWRS role mapping, must give the same
// ARRS total for Nov 2025 as the individual-level file (26,826.3 FTE).
func TestSeriesMapsLikeTheIndividualFile(t *testing.T) {
	t.Parallel()
	ref, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var arrs float64
	for _, p := range ref.Series {
		if p.Month.Format("2006-01") == "2025-11" && workforce.ARRSRoleFor(p.StaffRole, ref.NWRSRoleMap) != "" {
			arrs += p.FTE
		}
	}
	if math.Abs(arrs-26826.3) > 1 {
		t.Errorf("Nov 2025 ARRS FTE from the series = %.1f, want 26,826.3 ±1 (rounded cells)", arrs)
	}
}

// Every role of the catalogue has a cap on 1 April 2025, its own or its band's
// (DOMAIN.md, "Caps follow Agenda for Change bands"): none is priced at £0.
func TestEveryRoleHasACap(t *testing.T) {
	t.Parallel()
	ref, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	day := workforce.Date(2025, 4, 1)
	capped := map[string]bool{}
	for _, c := range ref.Caps {
		if !c.EffectiveFrom.After(day) {
			capped["role:"+c.RoleCode] = true
		}
	}
	for _, b := range ref.BandCaps {
		if !b.EffectiveFrom.After(day) {
			capped["band:"+b.Band] = true
		}
	}
	for _, r := range ref.Roles {
		band, _ := workforce.Staff{RoleCode: r.Code}.CapBand()
		if !capped["role:"+r.Code] && !capped["band:"+band] {
			t.Errorf("role %s (cap band %q) has no cap on %s", r.Code, band, day.Format("2006-01-02"))
		}
	}
}

// Every PCN sits in the ICB of its sub-ICB location: the shipped file once placed 52R
// (Nottingham and Nottinghamshire) and 71E (Lincolnshire) in QK1, so 35 PCNs sat in one
// ICB while their sub-ICB sat in another.
func TestPCNsSitInTheirSubICBsICB(t *testing.T) {
	t.Parallel()
	ref, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	icbOf := map[string]string{}
	for _, s := range ref.SubICBs {
		icbOf[s.Code] = s.ICBCode
	}
	for _, p := range ref.PCNs {
		if got, ok := icbOf[p.SubICBCode]; !ok || got != p.ICBCode {
			t.Errorf("PCN %s is in ICB %s but its sub-ICB %s is in %q", p.Code, p.ICBCode, p.SubICBCode, got)
		}
	}
}

// The seed's practice files and change folders are embedded, and the fingerprint of
// the data is stable.
func TestOrganisationFiles(t *testing.T) {
	t.Parallel()
	for _, name := range PracticeFiles {
		if b, err := ReadFile(name); err != nil || len(b) == 0 {
			t.Errorf("%s: %d bytes, %v", name, len(b), err)
		}
	}
	for _, dir := range OrgChangeDirs {
		fsys, err := Dir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fs.Stat(fsys, "icbs_2026-04-01.csv"); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
	}
	a, errA := Fingerprint()
	b, errB := Fingerprint()
	if errA != nil || errB != nil || a != b || len(a) != 64 {
		t.Errorf("fingerprint %q, then %q (%v, %v)", a, b, errA, errB)
	}
	ref, err := Load()
	if err != nil || len(ref.SHA256) != 64 {
		t.Errorf("the reference lists' hash %q (%v)", ref.SHA256, err)
	}
}
