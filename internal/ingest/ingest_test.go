package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var nov30 = workforce.Date(2025, 11, 30)

// testNow is the clock of the imports: December 2026 in London.
var testNow = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

func demoFile(t testing.TB) io.ReadCloser {
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	return f.(io.ReadCloser)
}

func sumFTE(rows []workforce.RoleFTE) (all, arrs float64, byStaffRole map[string]float64) {
	byStaffRole = map[string]float64{}
	for _, r := range rows {
		all += r.FTE
		if r.RoleCode != "" {
			arrs += r.FTE
		}
		byStaffRole[r.StaffRole] += r.FTE
	}
	return all, arrs, byStaffRole
}

// nationalByStaffRole reads NHS England's national Nov 2025 detail (FTE to 2 dp per
// detailed role and source) and the number of its rounded cells per staff role.
func nationalByStaffRole(t *testing.T) (map[string]float64, map[string]int) {
	f, err := os.Open("testdata/national_detailed_role_fte_nov2025.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	fte, cells := map[string]float64{}, map[string]int{}
	for _, r := range rows[1:] {
		v, _ := strconv.ParseFloat(r[4], 64)
		fte[r[1]] += v
		cells[r[1]]++
	}
	return fte, cells
}

func TestImportFullNovember2025(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	f := demoFile(t)
	defer f.Close()
	log, err := NWRS(ctx, db, "pcnwf_individual_nov2025.csv.gz", f, store.Actor{Name: "test"}, nil, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if log.Rows != 38696 || !log.Census.Equal(nov30) {
		t.Errorf("log: %+v", log)
	}
	rows, err := db.FTEByPCNRole(ctx, nov30)
	if err != nil {
		t.Fatal(err)
	}
	all, arrs, byRole := sumFTE(rows)
	if math.Abs(all-30576.0) > 0.1 {
		t.Errorf("England FTE = %.3f, want 30,576.0", all)
	}
	if math.Abs(arrs-26826.3) > 0.1 {
		t.Errorf("England ARRS FTE = %.3f, want 26,826.3", arrs)
	}
	national, cells := nationalByStaffRole(t)
	// NHS England's apprentices appear under two staff groups with the same role name.
	for role, want := range national {
		tolerance := 0.005*float64(cells[role]) + 1e-6
		if got := byRole[role]; math.Abs(got-want) > tolerance {
			t.Errorf("%s: imported %.4f FTE, NHS England publishes %.2f", role, got, want)
		}
	}
	if len(byRole) != len(national) {
		t.Errorf("imported %d staff roles, NHS England publishes %d", len(byRole), len(national))
	}
}

func TestReimportingTheSameMonthChangesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	sample := sampleText(t)
	if _, err := NWRS(ctx, db, "sample.csv", strings.NewReader(sample), store.Actor{Name: "test"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	before := staffTable(t, db)
	_, err := NWRS(ctx, db, "sample.csv", strings.NewReader(sample), store.Actor{Name: "test"}, nil, testNow)
	if !errors.Is(err, store.ErrAlreadyImported) {
		t.Errorf("the same file again: got %v, want ErrAlreadyImported", err)
	}
	// The same month in other bytes (CRLF line ends) reconciles to no change.
	log, err := NWRS(ctx, db, "sample-crlf.csv", strings.NewReader(strings.ReplaceAll(sample, "\n", "\r\n")), store.Actor{Name: "test"}, nil, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if log.Started != 0 || log.Ended != 0 || log.Unchanged == 0 {
		t.Errorf("re-import of the same month: %+v", log)
	}
	if after := staffTable(t, db); after != before {
		t.Error("re-importing the same month changed the staff records")
	}
}

func TestLaterSnapshotEndsLeavers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	sample := sampleText(t)
	if _, err := NWRS(ctx, db, "nov.csv", strings.NewReader(sample), store.Actor{Name: "test"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(sample), "\n")
	// December: the first data row's person leaves, the second changes FTE, a new
	// person starts; every other row stays.
	left, changed := lines[1], lines[2]
	dec := []string{lines[0]}
	for _, l := range lines[3:] {
		dec = append(dec, strings.Replace(l, ",2025,11,", ",2025,12,", 1))
	}
	dec = append(dec, setFTE(strings.Replace(changed, ",2025,11,", ",2025,12,", 1), "0.123456"))
	// The PCN recorded local details of the person whose FTE changes: they must survive.
	var n int
	if err := db.QueryRowForTest(ctx, `UPDATE staff SET band = '7', employer = 'Host practice', annual_cost_pence = 5500000
		WHERE unique_identifier = '`+field(changed, 15)+`' AND staff_role = '`+field(changed, 12)+`' RETURNING 1`, &n); err != nil {
		t.Fatal(err)
	}
	dec = append(dec, "NWRS Staff,2025,12,U60057,SHREWSBURY PCN,M2L0M,S,QOC,I,Y60,Midlands,Other Direct Patient Care staff,Paramedics,Paramedic,1,999999999")
	log, err := NWRS(ctx, db, "dec.csv", strings.NewReader(strings.Join(dec, "\n")), store.Actor{Name: "test"}, nil, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if log.Started != 2 || log.Ended != 2 {
		t.Errorf("December: started %d ended %d, want 2 and 2 (the leaver and the FTE change)", log.Started, log.Ended)
	}
	dec31 := workforce.Date(2025, 12, 31)
	pcn := field(left, 3)
	before, _ := db.StaffInPost(ctx, pcn, dec31.AddDate(0, 0, -1))
	after, _ := db.StaffInPost(ctx, pcn, dec31)
	if !hasPerson(before, field(left, 15)) || hasPerson(after, field(left, 15)) {
		t.Errorf("the leaver %s should be in post on 30 Dec and not on 31 Dec", field(left, 15))
	}
	inPost, _ := db.StaffInPost(ctx, field(changed, 3), dec31)
	for _, s := range inPost {
		if s.UniqueIdentifier == field(changed, 15) && s.StaffRole == field(changed, 12) && s.FTE != 0.123456 {
			t.Errorf("changed FTE: got %v", s.FTE)
		}
	}
	var band, employer string
	if err := db.QueryRowForTest(ctx, `SELECT band, employer FROM staff WHERE end_date IS NULL AND unique_identifier = '`+field(changed, 15)+`' AND staff_role = '`+field(changed, 12)+`'`, &band, &employer); err != nil || band != "7" || employer != "Host practice" {
		t.Errorf("the restarted record lost what the PCN recorded: band %q employer %q %v", band, employer, err)
	}
	if _, err := NWRS(ctx, db, "nov-again.csv", strings.NewReader(strings.ReplaceAll(sample, "\n", "\r\n")), store.Actor{Name: "test"}, nil, testNow); !errors.Is(err, store.ErrOlderCensus) {
		t.Errorf("an older census after a newer one: got %v, want ErrOlderCensus", err)
	}
}

func TestMalformedFilesWriteNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	sample := sampleText(t)
	lines := strings.Split(strings.TrimSpace(sample), "\n")
	bad := map[string]string{
		"missing column":   strings.Replace(sample, "DETAILED_STAFF_ROLE,", "", 1),
		"non-numeric FTE":  strings.Join(append(lines[:50:50], setFTE(lines[50], "x")), "\n"),
		"negative FTE":     strings.Join(append(lines[:50:50], setFTE(lines[50], "-1")), "\n"),
		"bad census month": strings.Join(append(lines[:50:50], strings.Replace(lines[50], ",2025,11,", ",2025,0,", 1)), "\n"),
		"truncated line":   strings.Join(append(lines[:50:50], lines[50][:30]), "\n"),
		"empty file":       "",
		"semicolons":       strings.ReplaceAll(sample, ",", ";"),
		"new PCN then bad": strings.Join(append(lines[:50:50], setField(lines[40], 3, "U99999"), setFTE(lines[50], "x")), "\n"),
	}
	before := staffTable(t, db)
	pcns := count(t, db, "pcns")
	for name, text := range bad {
		_, err := NWRS(ctx, db, name+".csv", strings.NewReader(text), store.Actor{Name: "test"}, nil, testNow)
		var re *importer.RowError
		if !errors.As(err, &re) || re.Line < 1 {
			t.Errorf("%s: want an error naming the line, got %v", name, err)
		}
	}
	if staffTable(t, db) != before || count(t, db, "nwrs_imports") != 0 || count(t, db, "pcns") != pcns {
		t.Error("a rejected file changed the database")
	}
}

func TestUnknownPCNIsCreatedFromTheFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	text := strings.Join([]string{
		"Data_source,CENSUS_YEAR,CENSUS_MONTH,PCN_CODE,PCN_NAME,SUB_ICB_CODE,SUB_ICB_NAME,ICB_CODE,ICB_NAME,COMM_REGION_CODE,COMM_REGION_NAME,STAFF_GROUP,STAFF_ROLE,DETAILED_STAFF_ROLE,FTE,UNIQUE_IDENTIFIER",
		"NWRS Staff,2025,11,U99999,BRAND NEW PCN,ZZZ,New sub-ICB,QZZ,NHS New ICB,Y60,Midlands,Other Direct Patient Care staff,Paramedics,Paramedic,1,1",
	}, "\n")
	log, err := NWRS(ctx, db, "new.csv", strings.NewReader(text), store.Actor{Name: "test"}, nil, testNow)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := tree.PCN("U99999")
	icb, icbOK := tree.ICB("QZZ")
	if log.PCNsCreated != 1 || !ok || p.Name != "BRAND NEW PCN" || !icbOK || icb.RegionCode != "Y60" {
		t.Errorf("created %d; PCN %+v; ICB %+v", log.PCNsCreated, p, icb)
	}
}

func sampleText(t testing.TB) string {
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n")
}

func field(line string, i int) string {
	r, _ := csv.NewReader(strings.NewReader(line)).Read()
	return r[i]
}

func setFTE(line, fte string) string {
	r, _ := csv.NewReader(strings.NewReader(line)).Read()
	r[14] = fte
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(r)
	w.Flush()
	return strings.TrimSpace(b.String())
}

func hasPerson(staff []workforce.Staff, id string) bool {
	for _, s := range staff {
		if s.UniqueIdentifier == id {
			return true
		}
	}
	return false
}

// staffTable fingerprints every staff record, to prove a step changed nothing.
func staffTable(t testing.TB, db *store.DB) string {
	var fp string
	err := db.QueryRowForTest(context.Background(), `
		SELECT count(*)::text || ':' || coalesce(md5(string_agg(
			concat_ws('|', id, pcn_code, role_code, staff_role, detailed_role, source, unique_identifier, fte, start_date, end_date), ',' ORDER BY id)), '')
		FROM staff`, &fp)
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

func count(t testing.TB, db *store.DB, table string) int {
	var n int
	if err := db.QueryRowForTest(context.Background(), "SELECT count(*) FROM "+table, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestScopedImportTouchesOnlyItsICBs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	sample := sampleText(t)
	if _, err := NWRS(ctx, db, "nov.csv", strings.NewReader(sample), store.Actor{Name: "test"}, nil, testNow); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(sample), "\n")
	var qoc []string
	for _, l := range lines[1:] {
		if field(l, 7) == "QOC" {
			qoc = append(qoc, l)
		}
	}
	// QOC's lead uploads QOC's rows less one leaver.
	file := strings.Join(append([]string{lines[0]}, qoc[1:]...), "\n")
	log, err := NWRS(ctx, db, "qoc.csv", strings.NewReader(file), store.Actor{Name: "lead"}, []string{"QOC"}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if log.Ended != 1 {
		t.Errorf("ended %d records, want only QOC's one leaver", log.Ended)
	}
	// The whole two-ICB file is refused for QOC's lead, naming the first QSL row.
	_, err = NWRS(ctx, db, "both.csv", strings.NewReader(sample), store.Actor{Name: "lead"}, []string{"QOC"}, testNow)
	var re *importer.RowError
	if !errors.As(err, &re) || re.Column != "PCN_CODE" || !strings.Contains(re.Reason, "not one of yours") {
		t.Errorf("another ICB's rows: %v", err)
	}
	// The national file may be loaded again to put things right after a mistake.
	log, err = NWRS(ctx, db, "nov-again.csv", strings.NewReader(sample), store.Actor{Name: "admin"}, nil, testNow)
	if err != nil || log.Started != 1 {
		t.Errorf("reloading the earlier national file: %+v %v", log, err)
	}
}
