package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// hitCodes lists a kind's hits as "code>parent" ("code" for a region), in rank order.
func hitCodes(h store.SearchHits) string {
	var out []string
	for _, x := range h.Hits {
		s := x.Code
		if x.ParentCode != "" {
			s += ">" + x.ParentCode
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// Search finds each kind by code (exact or prefix, any case) and by any part of the
// name (a practice by its PCN's too), in the structure of its day, with its parent; an exact code ranks first; the
// wildcards of LIKE are plain characters; each kind keeps limit hits and counts them all.
func TestSearch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	shrewsburyPractices(t, db, dbURL)
	execAsOwner(t, dbURL, `
		INSERT INTO practices (code, name, postcode) VALUES
			('ZZ0010', 'SHREWSBURY 100% CARE', 'SY1 1ZZ'), ('ZZ0011', 'LONE_PRACTICE', 'SY1 2ZZ');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, x.pcn, s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0010', 'U60057'), ('ZZ0011', NULL)) AS x(code, pcn)
		CROSS JOIN (SELECT sub_icb_code, icb_code FROM pcn_spans WHERE pcn_code = 'U60057' AND valid_to IS NULL) s`)
	day := workforce.Date(2025, 12, 1)
	cases := []struct {
		text  string
		limit int
		want  map[store.SearchKind]string // kind → hitCodes
		total map[store.SearchKind]int
	}{
		{"Shrewsbury", 50, map[store.SearchKind]string{
			// Own name first (it starts with the text), then by their PCN's name.
			store.KindPCN: "U60057>QOC", store.KindPractice: "ZZ0010>U60057 ZZ0001>U60057 ZZ0002>U60057 ZZ0003>U60057 ZZ0004>U60057",
			store.KindICB: ""}, nil},
		{"qoc", 50, map[store.SearchKind]string{store.KindICB: "QOC>Y60"}, nil},
		{"E54000011", 50, map[store.SearchKind]string{store.KindICB: "QOC>Y60"}, nil},
		{"y60", 50, map[store.SearchKind]string{store.KindRegion: "Y60"}, nil},
		{"midlands", 50, map[store.SearchKind]string{store.KindRegion: "Y60"}, nil},
		{"u60057", 50, map[store.SearchKind]string{store.KindPCN: "U60057>QOC"}, nil},
		// % and _ are characters, not wildcards; a practice in no PCN has no parent.
		{"100%", 50, map[store.SearchKind]string{store.KindPractice: "ZZ0010>U60057"}, nil},
		{"%", 50, map[store.SearchKind]string{store.KindPractice: "ZZ0010>U60057"}, nil},
		{"_", 50, map[store.SearchKind]string{store.KindPractice: "ZZ0011"}, nil},
		// ZZ0004 left Shrewsbury on 1 January 2026: the day's PCN is its parent.
		{"dale surgery", 50, map[store.SearchKind]string{store.KindPractice: "ZZ0004>U60057"}, nil},
		// Exact code first, then code prefixes; two kept of the five.
		{"ZZ000", 2, map[store.SearchKind]string{store.KindPractice: "ZZ0001>U60057 ZZ0002>U60057"},
			map[store.SearchKind]int{store.KindPractice: 4}},
		{"SURGERY", 50, nil, map[store.SearchKind]int{store.KindPractice: 4}},
		{"no such organisation", 50, map[store.SearchKind]string{store.KindPCN: "", store.KindPractice: "", store.KindICB: "", store.KindRegion: ""}, nil},
		{"", 50, map[store.SearchKind]string{store.KindPCN: ""}, nil},
	}
	for _, c := range cases {
		got, err := db.Search(ctx, c.text, day, c.limit)
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		for kind, want := range c.want {
			if h := hitCodes(got[kind]); h != want {
				t.Errorf("%q: %s hits %q, want %q", c.text, kind, h, want)
			}
		}
		for kind, want := range c.total {
			if got[kind].Total != want {
				t.Errorf("%q: %d %s hits in all, want %d", c.text, got[kind].Total, kind, want)
			}
		}
	}
}

// A dissolved ICB is still found, with the day it closed; its PCNs are found under the
// ICB they are in on the day searched.
func TestSearchFindsDissolvedICBs(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	april2026(t, db)
	got, err := db.Search(ctx, "frimley", workforce.Date(2026, 12, 7), 50)
	if err != nil {
		t.Fatal(err)
	}
	icbs := got[store.KindICB]
	if len(icbs.Hits) != 1 || icbs.Hits[0].Code != "QNQ" || !icbs.Hits[0].Closed.Equal(workforce.Date(2026, 4, 1)) {
		t.Fatalf("Frimley ICB hits %+v, want QNQ closed on 1 April 2026", icbs.Hits)
	}
	before, err := db.Search(ctx, "QNQ", workforce.Date(2026, 3, 31), 50)
	if err != nil {
		t.Fatal(err)
	}
	if n := before[store.KindICB].Total; n != 1 {
		t.Errorf("QNQ on 31 March 2026: %d ICB hits", n)
	}
	for _, h := range got[store.KindPCN].Hits {
		if h.ParentCode == "QNQ" {
			t.Errorf("PCN %s placed in dissolved QNQ on 7 December 2026", h.Code)
		}
	}
}

// A practice's page reads its place, its list at the extract its PCN's list is read
// from, and its latest deprivation score; what is not held is unknown, not 0.
func TestPracticeOn(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	away := shrewsburyPractices(t, db, dbURL)
	execAsOwner(t, dbURL, `INSERT INTO practice_deprivation (practice_code, year, score, source) VALUES
		('ZZ0001', 2019, 20.5, 'IMD 2019'), ('ZZ0001', 2025, 18.25, 'IMD 2025')`)
	p, err := db.PracticeOn(ctx, "ZZ0001", workforce.Date(2026, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Placed || p.PCNCode != "U60057" || p.PCNName != "SHREWSBURY PCN" || p.ICBCode != "QOC" || p.SubICBName == "" ||
		!p.PatientsKnown || p.Patients != 11000 || !p.Extract.Equal(workforce.Date(2026, 2, 1)) ||
		!p.DeprivationKnown || p.Deprivation.Year != 2025 || p.Deprivation.Score != 18.25 {
		t.Errorf("ZZ0001 on 1 March 2026: %+v", p)
	}
	p, err = db.PracticeOn(ctx, "ZZ0002", workforce.Date(2026, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	if p.ICBCode != away || p.PatientsKnown || p.DeprivationKnown {
		t.Errorf("ZZ0002 (no February list, no score): %+v", p)
	}
	p, err = db.PracticeOn(ctx, "ZZ0004", workforce.Date(2026, 3, 1))
	if err != nil || p.PCNCode == "U60057" || p.PCNCode == "" {
		t.Errorf("ZZ0004 after it moved: %+v, %v", p, err)
	}
	if _, err := db.PracticeOn(ctx, "ZZ9999", time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an unknown practice: %v, want ErrNotFound", err)
	}
}
