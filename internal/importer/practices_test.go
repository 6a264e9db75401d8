package importer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// practiceData is NHS England's November 2025 practice files (see its README.md),
// shared read-only beside the repository; the tests of the real files skip without it.
var practiceData = filepath.Join("..", "..", "..", "shared", "data", "practices_nov2025")

// realPractices reads one of the real files, checking its kind and its hash.
func realPractices(t *testing.T, name string, kind PracticeFileKind) *PracticeFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(practiceData, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("no %s: %v", name, err)
	}
	must(t, err)
	f, err := ReadPractices("renamed.txt", bytes.NewReader(data)) // the header, not the name, says what it is
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	sum := sha256.Sum256(data)
	if f.Kind != kind || f.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("%s: kind %q, hash %s; want %q and the file's hash", name, f.Kind, f.SHA256, kind)
	}
	return f
}

// totalsOf is each practice's list in a totals file.
func totalsOf(t *testing.T, f *PracticeFile) map[string]int {
	t.Helper()
	lists := map[string]int{}
	for _, p := range f.Files.Patients {
		if p.Sex != workforce.AllSexes || p.AgeBand != workforce.AllAges {
			t.Fatalf("a totals row of %s, %s", p.Sex, p.AgeBand)
		}
		lists[p.PracticeCode] += p.Patients
	}
	return lists
}

func TestReadPracticesRealTotals(t *testing.T) {
	t.Parallel()
	f := realPractices(t, "gp-reg-pat-prac-all.csv", PracticeTotalsFile)
	lists, sum := totalsOf(t, f), 0
	for _, n := range lists {
		sum += n
	}
	if len(lists) != 6200 || sum != 63_947_100 || f.Rows != 6200 || !f.Files.Extract.Equal(workforce.Date(2025, 11, 1)) {
		t.Errorf("%d practices, %d patients, %d rows, extract %s; want 6,200, 63,947,100, 6,200, 2025-11-01", len(lists), sum, f.Rows, f.Files.Extract)
	}
}

func TestReadPracticesRealMap(t *testing.T) {
	t.Parallel()
	f := realPractices(t, "gp-reg-pat-prac-map.csv", PracticeMapFile)
	lists := totalsOf(t, realPractices(t, "gp-reg-pat-prac-all.csv", PracticeTotalsFile))
	files := f.Files
	if len(files.Practices) != 6200 || len(files.Memberships) != 6200 || !files.Extract.Equal(workforce.Date(2025, 11, 1)) {
		t.Fatalf("%d practices, %d memberships, extract %s", len(files.Practices), len(files.Memberships), files.Extract)
	}
	unallocated, patients := 0, 0
	for _, m := range files.Memberships {
		if m.PCNCode == "" {
			unallocated++
			patients += lists[m.PracticeCode]
		}
		if !m.From.Equal(files.Extract) || m.SubICBCode == "" || m.ICBCode == "" {
			t.Errorf("membership %+v", m)
		}
	}
	if unallocated != 74 || patients != 240_203 {
		t.Errorf("%d practices in no PCN, with %d patients; want 74, 240,203", unallocated, patients)
	}
	pcns, cornwall := map[string]bool{}, 0
	for _, p := range files.Paths {
		pcns[p.PCN.Code] = true
		if p.PCN.Code == "U41591" { // Coast and Country PCN: practices in Cornwall and in Devon
			cornwall++
		}
	}
	if len(pcns) != 1297 || len(files.Paths) != 1330 || cornwall != 2 {
		t.Errorf("%d PCNs in %d paths, U41591 in %d; want 1,297 PCNs in 1,330 paths, U41591 in 2", len(pcns), len(files.Paths), cornwall)
	}
}

func TestReadPracticesRealAges(t *testing.T) {
	t.Parallel()
	f := realPractices(t, "gp-reg-pat-prac-quin-age.csv.gz", PracticeAgesFile)
	lists := totalsOf(t, realPractices(t, "gp-reg-pat-prac-all.csv", PracticeTotalsFile))
	bands, totals := map[string]int{}, map[string]int{}
	for _, p := range f.Files.Patients {
		switch {
		case p.Sex != workforce.AllSexes && p.AgeBand != workforce.AllAges:
			bands[p.PracticeCode] += p.Patients
		case p.Sex == workforce.AllSexes && p.AgeBand == workforce.AllAges:
			totals[p.PracticeCode] += p.Patients
		}
	}
	same := 0
	for code, n := range lists {
		if bands[code] == n && totals[code] == n {
			same++
		}
	}
	t.Logf("%d of %d practices' sexes and bands sum to their totals file list", same, len(lists))
	if same != 6200 || len(f.Files.Patients) != 6200*43 || f.Rows != 329_079 {
		t.Errorf("%d practices match, %d GP rows of %d; want 6,200, 266,600, 329,079 (the README says 329,078: it is 329,079 rows past the header)", same, len(f.Files.Patients), f.Rows)
	}
}

func TestReadPracticesRealDeprivation(t *testing.T) {
	t.Parallel()
	f := realPractices(t, "practice_imd_2019_fingertips_93553.csv", PracticeDeprivationFile)
	practices := realPractices(t, "gp-reg-pat-prac-map.csv", PracticeMapFile).Files.Practices
	listed := map[string]bool{}
	for _, p := range practices {
		listed[p.Code] = true
	}
	covered := 0
	for _, d := range f.Files.Deprivation {
		if d.Year == 2019 && listed[d.PracticeCode] {
			covered++
			if d.Source != "OHID Fingertips indicator 93553, Deprivation score (IMD 2019)" || d.Score <= 0 {
				t.Errorf("%+v", d)
			}
		}
	}
	if covered != 6168 || len(f.Files.Deprivation) != 23_080 || !f.Files.Extract.IsZero() {
		t.Errorf("IMD 2019 of %d practices, %d scores; want 6,168, 23,080", covered, len(f.Files.Deprivation))
	}
}

func TestReadPracticesRealGzip(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join(practiceData, "gp-reg-pat-prac-all.csv"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip(err)
	}
	f, err := ReadPractices("all.csv", bytes.NewReader(gzipOf(t, string(data))))
	if err != nil || f.Kind != PracticeTotalsFile || len(f.Files.Patients) != 6200 {
		t.Fatalf("gzip of the totals file: %v", err)
	}
}

func gzipOf(tb testing.TB, s string) []byte {
	return gzipped(func() io.Reader { return strings.NewReader(s) })(tb)
}

const (
	mapHeader = "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME," +
		"ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME," +
		"ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME\n"
	totalsHeader = "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n"
	agesHeader   = "PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,POSTCODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS\n"
	imdHeader    = "\ufeffIndicatorID,Year,AreaCode,AreaName,IsAreaCurrent,Value\n"
)

// mapRow is a row of the mapping file for practice in pcn, in sub-ICB 11N of ICB QT6.
func mapRow(practice, pcn string) string {
	return "GP_PRAC_PAT_LIST,01Nov2025," + practice + ",STRATTON MEDICAL CENTRE,EX23 9BP," + pcn + ",COAST AND COUNTRY PCN," +
		"E38000089,11N,NHS Cornwall and the Isles of Scilly ICB - 11N,E54000036,QT6,\"NHS Cornwall, Isles of Scilly ICB\"," +
		"E40000006,Y58,South West,TPP\n"
}

func totalsRow(practice, patients string) string {
	return "GP_PRAC_PAT_LIST,2025-11-01,GP,11N,E38000089," + practice + ",EX23 9BP,ALL,ALL," + patients + "\n"
}

func ageRow(typ, code, sex, band, patients string) string {
	return "GP_PRAC_PAT_LIST,2025-11-01," + typ + "," + code + ",,EX23 9BP," + sex + "," + band + "," + patients + "\n"
}

func TestReadPracticesFormats(t *testing.T) {
	t.Parallel()
	body := mapHeader + mapRow("L82008", "U41591") + mapRow("Y07767", "U")
	variants := map[string]string{
		"LF":               body,
		"CRLF":             strings.ReplaceAll(body, "\n", "\r\n"),
		"BOM and CRLF":     "\ufeff" + strings.ReplaceAll(body, "\n", "\r\n"),
		"no final newline": strings.TrimSuffix(body, "\n"),
		"gzip":             string(gzipOf(t, body)),
	}
	for name, text := range variants {
		f, err := ReadPractices("map.csv", strings.NewReader(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		nov := workforce.Date(2025, 11, 1)
		want := []workforce.PracticeMembership{
			{PracticeCode: "L82008", PCNCode: "U41591", SubICBCode: "11N", ICBCode: "QT6", From: nov},
			{PracticeCode: "Y07767", PCNCode: "", SubICBCode: "11N", ICBCode: "QT6", From: nov},
		}
		if f.Kind != PracticeMapFile || len(f.Files.Memberships) != 2 || f.Files.Memberships[0] != want[0] || f.Files.Memberships[1] != want[1] {
			t.Errorf("%s: %q %+v", name, f.Kind, f.Files.Memberships)
		}
		if p := f.Files.Practices[0]; p != (workforce.Practice{Code: "L82008", Name: "STRATTON MEDICAL CENTRE", Postcode: "EX23 9BP"}) {
			t.Errorf("%s: practice %+v", name, p)
		}
		wantPath := workforce.OrgPath{
			PCN:    workforce.PCN{Code: "U41591", Name: "COAST AND COUNTRY PCN", SubICBCode: "11N", ICBCode: "QT6"},
			SubICB: workforce.SubICB{Code: "11N", ONSCode: "E38000089", Name: "NHS Cornwall and the Isles of Scilly ICB - 11N", ICBCode: "QT6"},
			ICB:    workforce.ICB{Code: "QT6", ONSCode: "E54000036", Name: "NHS Cornwall, Isles of Scilly ICB", RegionCode: "Y58"},
			Region: workforce.Region{Code: "Y58", ONSCode: "E40000006", Name: "South West"},
		}
		if len(f.Files.Paths) != 1 || f.Files.Paths[0] != wantPath {
			t.Errorf("%s: paths %+v", name, f.Files.Paths)
		}
	}
}

// A PCN whose practices sit in two sub-ICB locations, or two ICBs, has a path for each.
func TestReadPracticesPCNAcrossICBs(t *testing.T) {
	t.Parallel()
	devon := strings.NewReplacer("E38000089", "E38000230", "11N,NHS Cornwall and the Isles of Scilly ICB - 11N", "15N,NHS Devon ICB - 15N",
		"E54000036,QT6,\"NHS Cornwall, Isles of Scilly ICB\"", "E54000037,QJK,NHS Devon ICB").Replace(mapRow("L83001", "U41591"))
	text := mapHeader + mapRow("L82008", "U41591") + devon + mapRow("L82009", "U41591")
	f, err := ReadPractices("map.csv", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if p := f.Files.Paths; len(p) != 2 || p[0].SubICB.Code != "11N" || p[1].SubICB.Code != "15N" || p[1].ICB.Code != "QJK" || p[1].PCN.ICBCode != "QJK" {
		t.Errorf("paths %+v", p)
	}
	if m := f.Files.Memberships[1]; m.SubICBCode != "15N" || m.ICBCode != "QJK" || m.PCNCode != "U41591" {
		t.Errorf("membership %+v", m)
	}
}

func TestReadPracticesAgesKeepsPractices(t *testing.T) {
	t.Parallel()
	text := agesHeader + ageRow("GP", "L82008", "MALE", "0_4", "10") + ageRow("PCN", "U41591", "MALE", "0_4", "900") +
		ageRow("Comm Region", "Y58", "FEMALE", "95+", "12345") + ageRow("GP", "L82008", "female", "95+", "3") + ageRow("GP", "L82008", "ALL", "ALL", "13")
	f, err := ReadPractices("ages.csv", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []workforce.PracticePatients{
		{PracticeCode: "L82008", Extract: workforce.Date(2025, 11, 1), Sex: workforce.SexMale, AgeBand: "0_4", Patients: 10},
		{PracticeCode: "L82008", Extract: workforce.Date(2025, 11, 1), Sex: workforce.SexFemale, AgeBand: "95+", Patients: 3},
		{PracticeCode: "L82008", Extract: workforce.Date(2025, 11, 1), Sex: workforce.AllSexes, AgeBand: workforce.AllAges, Patients: 13},
	}
	if f.Kind != PracticeAgesFile || f.Rows != 5 || len(f.Files.Patients) != len(want) {
		t.Fatalf("%q, %d rows: %+v", f.Kind, f.Rows, f.Files.Patients)
	}
	for i := range want {
		if f.Files.Patients[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, f.Files.Patients[i], want[i])
		}
	}
}

func TestReadPracticesDeprivation(t *testing.T) {
	t.Parallel()
	text := imdHeader + "93553,2015,A81001,The Densham Surgery,1,29.14031034\r\n93553,2019,A81001,The Densham Surgery,1,\r\n" +
		"93553,2019,Y07767,\"Surgery, The\",0,0\r\n"
	f, err := ReadPractices("imd.csv", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []workforce.Deprivation{
		{PracticeCode: "A81001", Year: 2015, Score: 29.14031034, Source: "OHID Fingertips indicator 93553, Deprivation score (IMD 2015)"},
		{PracticeCode: "Y07767", Year: 2019, Score: 0, Source: "OHID Fingertips indicator 93553, Deprivation score (IMD 2019)"},
	}
	if f.Kind != PracticeDeprivationFile || len(f.Files.Deprivation) != 2 || f.Files.Deprivation[0] != want[0] || f.Files.Deprivation[1] != want[1] {
		t.Errorf("%q %+v (an empty Value is no data, not a row)", f.Kind, f.Files.Deprivation)
	}
}

func TestReadPracticesRejects(t *testing.T) {
	t.Parallel()
	m, tot, ages, imd := mapHeader+mapRow("L82008", "U41591"), totalsHeader+totalsRow("A81001", "3779"), agesHeader, imdHeader
	swap := func(row, old, new string) string { return strings.Replace(row, old, new, 1) }
	cases := []rejectCase{
		{"empty file", "", 1, "", "the file is empty; expected the header row of an NHS England GP practice file"},
		{"unknown header", "pcn_code,weighted_population,effective_date\nU60057,1,2025-01-01\n", 1, "", "the header is not that of an NHS England GP practice file"},
		{"header fitting two kinds", "EXTRACT_DATE,SEX,NUMBER_OF_PATIENTS\n2025-11-01,ALL,1\n", 1, "", "the header is not that of"},
		{"semicolons", "EXTRACT_DATE;CODE;SEX\n", 1, "", "semicolons"},
		{"map missing PCN_CODE", strings.Replace(mapHeader, ",PCN_CODE", ",PCN", 1) + mapRow("L82008", "U41591"), 1, "PCN_CODE", "required column is missing"},
		{"totals missing NUMBER_OF_PATIENTS", strings.Replace(totalsHeader, "NUMBER_OF_PATIENTS", "N", 1), 1, "NUMBER_OF_PATIENTS", "missing"},
		{"ages missing AGE_GROUP_5", strings.Replace(agesHeader, "AGE_GROUP_5", "AGE", 1), 1, "AGE_GROUP_5", "missing"},
		{"deprivation missing Value", "IndicatorID,Year,AreaCode,AreaName\n", 1, "Value", "missing"},
		{"header only", totalsHeader, 2, "", "no rows"},
		{"truncated line", tot + "GP_PRAC_PAT_LIST,2025-11-01,GP\n", 3, "", "wrong number of fields"},

		{"map: bad practice code", m + mapRow("A8100", "U41591"), 3, "PRACTICE_CODE", `expected a practice code such as A81001 (a capital letter and 5 capitals or digits), found "A8100"`},
		{"map: lower-case practice code", m + mapRow("a81001", "U41591"), 3, "PRACTICE_CODE", "expected a practice code"},
		{"map: duplicate practice", m + mapRow("L82009", "U") + mapRow("L82008", "U"), 4, "PRACTICE_CODE", "practice L82008 is also on line 2"},
		{"map: bad PCN code", m + mapRow("L82009", "U4159"), 3, "PCN_CODE", `found "U4159"`},
		{"map: empty practice name", m + swap(mapRow("L82009", "U"), "STRATTON MEDICAL CENTRE", ""), 3, "PRACTICE_NAME", "is empty"},
		{"map: mixed extract dates", m + swap(mapRow("L82009", "U"), "01Nov2025", "01Oct2025"), 3, "EXTRACT_DATE", "2025-10-01 differs from line 2's 2025-11-01"},
		{"map: unparsable date", swap(m, "01Nov2025", "31Nov2025"), 2, "EXTRACT_DATE", `found "31Nov2025"`},
		{"map: date out of range", swap(m, "01Nov2025", "01Nov1899"), 2, "EXTRACT_DATE", "expected a date"},
		{"map: bad ICB code", swap(m, "QT6", "Q"), 2, "ICB_CODE", `expected the ODS code of the ICB (such as QWO), found "Q"`},
		{"map: bad ONS code", swap(m, "E38000089", "E3800008"), 2, "ONS_SUB_ICB_LOCATION_CODE", "expected an ONS code"},
		{"map: empty region name", swap(m, "South West", ""), 2, "COMM_REGION_NAME", "is empty"},
		{"map: a PCN with two names", m + swap(mapRow("L82009", "U41591"), "COAST AND COUNTRY PCN", "COAST PCN"), 3, "PCN_NAME",
			`PCN U41591's name is "COAST PCN" here but "COAST AND COUNTRY PCN" on line 2; a code names one organisation`},
		{"map: an ICB in two regions", m + swap(mapRow("L82009", "U41591"), "E40000006,Y58,South West", "E40000008,Y60,Midlands"), 3, "COMM_REGION_CODE", "ICB QT6's region is \"Y60\" here but \"Y58\""},
		{"map: a sub-ICB with two ONS codes", m + swap(mapRow("L82009", "U"), "E38000089", "E38000090"), 3, "ONS_SUB_ICB_LOCATION_CODE", "sub-ICB location 11N's ONS code"},

		{"totals: negative patients", tot + totalsRow("A81002", "-1"), 3, "NUMBER_OF_PATIENTS", "is negative (-1)"},
		{"totals: fractional patients", tot + totalsRow("A81002", "1.5"), 3, "NUMBER_OF_PATIENTS", `expected a whole number of patients such as 3779 (no thousands separators), found "1.5"`},
		{"totals: thousands separator", tot + totalsRow("A81002", `"1,500"`), 3, "NUMBER_OF_PATIENTS", "expected a whole number"},
		{"totals: empty patients", tot + totalsRow("A81002", ""), 3, "NUMBER_OF_PATIENTS", "is empty"},
		{"totals: too many patients", tot + totalsRow("A81002", "1000001"), 3, "NUMBER_OF_PATIENTS", "is 1000001, more than 1,000,000 patients"},
		{"totals: past int", tot + totalsRow("A81002", "99999999999999999999999"), 3, "NUMBER_OF_PATIENTS", "more than 1,000,000 patients"},
		{"totals: duplicate practice", tot + totalsRow("A81002", "1") + totalsRow("A81001", "1"), 4, "CODE", "practice A81001 (SEX ALL, AGE ALL) is also on line 2; each appears once"},
		{"totals: a single-year file", tot + swap(totalsRow("A81002", "1"), "ALL,ALL", "ALL,0"), 3, "AGE", `expected ALL, found "0"`},
		{"totals: a sex", tot + swap(totalsRow("A81002", "1"), "ALL,ALL", "MALE,ALL"), 3, "SEX", `expected ALL, found "MALE"`},
		{"totals: empty type", tot + swap(totalsRow("A81002", "1"), ",GP,", ",,"), 3, "TYPE", "is empty"},
		{"totals: no practice rows", totalsHeader + swap(totalsRow("A81002", "1"), ",GP,", ",PCN,"), 0, "TYPE", "no practice rows (TYPE GP)"},
		{"totals: mixed extract dates", tot + swap(totalsRow("A81002", "1"), "2025-11-01", "2025-10-01"), 3, "EXTRACT_DATE", "differs from line 2's"},

		{"ages: unknown sex", ages + ageRow("GP", "L82008", "M", "0_4", "1"), 2, "SEX", `expected MALE, FEMALE, ALL, found "M"`},
		{"ages: unknown band", ages + ageRow("GP", "L82008", "MALE", "0-4", "1"), 2, "AGE_GROUP_5", `expected 0_4, 5_9,`},
		{"ages: duplicate", ages + ageRow("GP", "L82008", "MALE", "0_4", "1") + ageRow("GP", "L82008", "FEMALE", "0_4", "1") + ageRow("GP", "L82008", "male", "0_4", "2"),
			4, "ORG_CODE", "practice L82008 (SEX MALE, AGE_GROUP_5 0_4) is also on line 2"},
		{"ages: bad practice code", ages + ageRow("GP", "U41591x", "MALE", "0_4", "1"), 2, "ORG_CODE", "expected a practice code"},
		{"ages: mixed extract on a PCN row", ages + ageRow("GP", "L82008", "MALE", "0_4", "1") + swap(ageRow("PCN", "U41591", "MALE", "0_4", "1"), "2025-11-01", "2025-11-02"),
			3, "EXTRACT_DATE", "2025-11-02 differs"},

		{"imd: another indicator", imd + "93554,2019,A81001,X,1,20\n", 2, "IndicatorID", `expected 93553 (Deprivation score (IMD) of GP practices), found "93554"`},
		{"imd: bad year", imd + "93553,1889,A81001,X,1,20\n", 2, "Year", `expected a year from 1990 to 2100, found "1889"`},
		{"imd: bad area", imd + "93553,2019,E92000001,England,1,20\n", 2, "AreaCode", "expected a practice code"},
		{"imd: score over 100", imd + "93553,2019,A81001,X,1,100.5\n", 2, "Value", `expected a deprivation score from 0 to 100, found "100.5"`},
		{"imd: negative score", imd + "93553,2019,A81001,X,1,-1\n", 2, "Value", "expected a deprivation score"},
		{"imd: NaN", imd + "93553,2019,A81001,X,1,NaN\n", 2, "Value", "expected a deprivation score"},
		{"imd: duplicate", imd + "93553,2019,A81001,X,1,20\n93553,2015,A81001,X,1,20\n93553,2019,A81001,X,1,21\n", 4, "AreaCode", "practice A81001 in 2019 is also on line 2"},
		{"imd: no values", imd + "93553,2019,A81001,X,1,\n", 0, "Value", "no values"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f, err := ReadPractices("bad.csv", strings.NewReader(c.text))
			if f != nil {
				t.Error("a rejected file must return nothing")
			}
			c.check(t, err)
		})
	}
}

// A practice file past its row limit, or a header past the column limit, is refused
// by the limit.
func TestReadPracticesLimits(t *testing.T) {
	t.Parallel()
	many := func(header string, n int, row func(i int) string) func() io.Reader {
		return func() io.Reader {
			pr, pw := io.Pipe()
			go func() {
				w := bufio.NewWriter(pw)
				w.WriteString(header)
				for i := range n {
					w.WriteString(row(i))
				}
				w.Flush()
				pw.Close()
			}()
			return pr
		}
	}
	cases := []struct {
		name string
		text func() io.Reader
		msg  string
	}{
		{"mapping", many(mapHeader, MaxPracticeRows+1, func(i int) string { return mapRow(fmt.Sprintf("A%05d", i), "U") }),
			"big.csv: the file has more than 20,000 rows (the limit)"},
		{"totals", many(totalsHeader, MaxPracticeRows+1, func(i int) string { return totalsRow(fmt.Sprintf("A%05d", i), "1") }),
			"big.csv: the file has more than 20,000 rows (the limit)"},
		{"ages", many(agesHeader, MaxPracticeAgeRows+1, func(int) string { return "P,2025-11-01,PCN,U1,,,MALE,0_4,1\n" }),
			"big.csv: the file has more than 660,000 rows (the limit)"},
		{"ages of a practice a row", many(agesHeader, MaxPracticeRows+1, func(i int) string { return ageRow("GP", fmt.Sprintf("A%05d", i), "ALL", "ALL", "1") }),
			"big.csv: the file names more than 20,000 practices (the limit)"},
		{"deprivation", many(imdHeader, MaxDeprivationRows+1, func(i int) string { return fmt.Sprintf("93553,%d,A%05d,X,1,\n", 1990+i/100_000, i%100_000) }),
			"big.csv: the file has more than 100,000 rows (the limit)"},
		{"columns", many(strings.TrimSuffix(totalsHeader, "\n")+strings.Repeat(",x", MaxColumns)+"\n", 0, nil),
			"big.csv: line 1 has 266 columns, 10 more than the limit of 256 columns"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadPractices("big.csv", bytes.NewReader(gzipped(c.text)(t)))
			var le *LimitError
			if !errors.As(err, &le) || err.Error() != c.msg {
				t.Errorf("got %v, want %q", err, c.msg)
			}
		})
	}
}
