package store_test

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// execAsOwner runs setup statements on a test database as its owner: rows the
// importers would write (practices, their spans and lists) put in place by hand.
func execAsOwner(t *testing.T, dbURL string, sql string, args ...any) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// shrewsburyPractices gives U60057 (SHREWSBURY PCN, QOC) four practices of its own,
// whatever the reference data holds: ZZ0001 in QOC, ZZ0002 in another ICB (as 23
// PCNs' practices are), ZZ0003 with no list published, and ZZ0004, which leaves for
// another PCN on 1 January 2026. Lists are published on 1 November 2025 (all but
// ZZ0003) and 1 February 2026 (ZZ0001 and ZZ0004 only). It returns ZZ0002's ICB.
func shrewsburyPractices(t *testing.T, db *store.DB, dbURL string) (otherICB string) {
	t.Helper()
	execAsOwner(t, dbURL, `
		DELETE FROM practice_patients WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057');
		DELETE FROM practice_deprivation WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057');
		DELETE FROM practice_spans WHERE pcn_code = 'U60057';
		INSERT INTO practices (code, name, postcode) VALUES
			('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA'), ('ZZ0002', 'BORDER SURGERY', 'SY2 2BB'),
			('ZZ0003', 'CASTLE SURGERY', 'SY3 3CC'), ('ZZ0004', 'DALE SURGERY', 'SY4 4DD');
		WITH home AS (SELECT sub_icb_code, icb_code FROM pcn_spans WHERE pcn_code = 'U60057' AND valid_to IS NULL),
		     away AS (SELECT sub_icb_code, icb_code FROM sub_icb_spans WHERE icb_code <> 'QOC' AND valid_to IS NULL ORDER BY 1 LIMIT 1)
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from, valid_to)
		SELECT 'ZZ0001', 'U60057', sub_icb_code, icb_code, date '2019-07-01', NULL::date FROM home
		UNION ALL SELECT 'ZZ0002', 'U60057', sub_icb_code, icb_code, date '2019-07-01', NULL FROM away
		UNION ALL SELECT 'ZZ0003', 'U60057', sub_icb_code, icb_code, date '2019-07-01', NULL::date FROM home
		UNION ALL SELECT 'ZZ0004', 'U60057', sub_icb_code, icb_code, date '2019-07-01', date '2026-01-01' FROM home
		UNION ALL SELECT 'ZZ0004', (SELECT min(pcn_code) FROM pcn_spans WHERE icb_code = 'QOC' AND pcn_code <> 'U60057'),
			sub_icb_code, icb_code, date '2026-01-01', NULL FROM home;
		INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients) VALUES
			('ZZ0001', '2025-11-01', 'ALL', 'ALL', 10000), ('ZZ0002', '2025-11-01', 'ALL', 'ALL', 5000),
			('ZZ0004', '2025-11-01', 'ALL', 'ALL', 2000), ('ZZ0001', '2026-02-01', 'ALL', 'ALL', 11000),
			('ZZ0004', '2026-02-01', 'ALL', 'ALL', 2100), ('ZZ0001', '2025-11-01', 'MALE', '0_4', 300)`)
	var away string
	if err := db.QueryRowForTest(context.Background(), `SELECT icb_code FROM practice_spans WHERE practice_code = 'ZZ0002'`, &away); err != nil {
		t.Fatal(err)
	}
	return away
}

// A PCN page's practices are its members on the day, each with its list at the
// extract PCNsOn takes, so that their sum is the PCN's list; a practice with no
// figure is unknown, not 0, and one in another ICB says which.
func TestPracticesOfPCN(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	away := shrewsburyPractices(t, db, dbURL)
	cases := []struct {
		day     string
		want    []string // code:patients ("-" unknown)
		extract string
	}{
		{"2025-12-01", []string{"ZZ0001:10000", "ZZ0002:5000", "ZZ0003:-", "ZZ0004:2000"}, "2025-11-01"},
		// ZZ0004 has left; the February list has no row for ZZ0002.
		{"2026-03-01", []string{"ZZ0001:11000", "ZZ0002:-", "ZZ0003:-"}, "2026-02-01"},
		// Before any publication, the first one stands.
		{"2020-01-01", []string{"ZZ0001:10000", "ZZ0002:5000", "ZZ0003:-", "ZZ0004:2000"}, "2025-11-01"},
	}
	for _, c := range cases {
		day, _ := workforce.ParseDate(c.day)
		got, err := db.PracticesOfPCN(ctx, "U60057", day)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		sum := 0
		for _, m := range got {
			n := "-"
			if m.PatientsKnown {
				n = strconv.Itoa(m.Patients)
				sum += m.Patients
			}
			codes = append(codes, m.Code+":"+n)
			if m.Extract.Format("2006-01-02") != c.extract {
				t.Errorf("%s: %s's extract %v, want %s", c.day, m.Code, m.Extract, c.extract)
			}
			if m.OtherICB() != (m.Code == "ZZ0002") || (m.Code == "ZZ0002" && m.ICBCode != away) {
				t.Errorf("%s: %s in ICB %s (PCN's %s), other %v", c.day, m.Code, m.ICBCode, m.PCNICBCode, m.OtherICB())
			}
		}
		if !slices.Equal(codes, c.want) {
			t.Errorf("%s: practices %v, want %v", c.day, codes, c.want)
		}
		pcns, err := db.PCNsOn(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(pcns, func(p workforce.PCN) bool { return p.Code == "U60057" })
		if i < 0 || pcns[i].RegisteredPatients != sum || pcns[i].MemberPractices != len(got) {
			t.Errorf("%s: PCNsOn has %+v, want the practices' sum %d over %d", c.day, pcns[i], sum, len(got))
		}
	}
	none, err := db.PracticesOfPCN(ctx, "U00000", workforce.Date(2026, 1, 1))
	if err != nil || len(none) != 0 {
		t.Errorf("an unknown PCN has practices %v, %v", none, err)
	}
}
