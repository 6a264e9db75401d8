package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// orgChangeDirs are where the 1 April 2026 change may be found: embedded with the
// reference data, or in the shared data beside the repository.
var orgChangeDirs = []string{"../refdata/data/organisations_2026-04", "../../../shared/data/organisations_2026-04"}

func TestReadOrgChangeRealFolder(t *testing.T) {
	t.Parallel()
	i := slices.IndexFunc(orgChangeDirs, func(d string) bool { _, err := os.Stat(d); return err == nil })
	if i < 0 {
		t.Skip("no organisations_2026-04 folder here")
	}
	c, sum, err := ReadOrgChange(os.DirFS(orgChangeDirs[i]))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Effective.Equal(workforce.Date(2026, 4, 1)) {
		t.Errorf("effective %v, want 2026-04-01", c.Effective)
	}
	got := [4]int{len(c.ICBs), len(c.SubICBs), len(c.PCNs), len(c.Practices)}
	if got != [4]int{36, 28, 1297, 6200} {
		t.Errorf("ICBs, sub-ICB changes, PCNs, practices = %v, want [36 28 1297 6200]", got)
	}
	frimley := map[string]int{}
	for _, p := range c.PCNs {
		if p.OldICBCode == "QNQ" {
			frimley[p.ICBCode]++
		}
	}
	if n := frimley["QRL"] + frimley["S0E4D"] + frimley["S9B9J"]; n != 16 || len(frimley) != 3 {
		t.Errorf("Frimley's PCNs went to %v, want 16 PCNs to QRL, S0E4D and S9B9J", frimley)
	}
	unattached := 0
	for _, m := range c.Practices {
		if m.PCNCode == "" {
			unattached++
		}
	}
	if unattached != 74 {
		t.Errorf("%d practices in no PCN, want 74 (pcn_code U)", unattached)
	}
	if _, again, _ := ReadOrgChange(os.DirFS(orgChangeDirs[i])); again != sum || len(sum) != 64 {
		t.Errorf("hash %q then %q, want one SHA-256 hex", sum, again)
	}
}

const (
	orgICBsFile      = "icbs_2026-04-01.csv"
	orgChangesFile   = "icb_changes_2026-04-01.csv"
	orgPCNsFile      = "pcn_icb_2026-04-01.csv"
	orgPracticesFile = "practice_icb_2026-04-01.csv"
)

// orgFolder is a small valid change: Frimley's sub-ICB location split three ways, a PCN
// and practices in each part (one practice in no PCN, written "U", one blank).
func orgFolder() fstest.MapFS {
	const hiow, sas, tv = "NHS Hampshire and Isle of Wight Integrated Care Board", "NHS Surrey and Sussex ICB", "nhs thames valley integrated care board"
	return fstest.MapFS{
		"README.md":                        {Data: []byte("# not read\n")},
		"frimley_pcc_moves_2026-04-01.csv": {Data: []byte("not,read\n")},
		orgICBsFile: {Data: []byte("code,name,ons_code,region_code\r\n" +
			"QRL," + hiow + ",E54000067,Y59\r\n" +
			"S9B9J,\"NHS Surrey and Sussex, Integrated Care Board\",E54000069,Y59\r\n" +
			"S0E4D,NHS Thames Valley Integrated Care Board,,Y59\r\n")},
		orgChangesFile: {Data: []byte("effective_date,old_icb_code,old_sub_icb_code,new_icb_code,new_icb_name,new_icb_ons_code,new_sub_icb_code,new_sub_icb_name\n" +
			"2026-04-01,QNQ,D4U1Y,S0E4D," + tv + ",E54000070,U2G6B,NHS THAMES VALLEY ICB - U2G6B\n" +
			"2026-04-01,QNQ,D4U1Y,S9B9J," + sas + ",E54000069,92A,NHS SURREY AND SUSSEX ICB - 92A\n" +
			"2026-04-01,QNQ,D4U1Y,QRL," + hiow + ",E54000067,D9Y0V,NHS HAMPSHIRE AND ISLE OF WIGHT ICB - D9Y0V\n")},
		orgPCNsFile: {Data: []byte("pcn_code,pcn_name,old_sub_icb_code,old_icb_code,new_icb_code,new_icb_name,new_icb_ons_code,new_sub_icb_code,basis\n" +
			"U03055,ALDERSHOT PCN,D4U1Y,QNQ,QRL," + hiow + ",E54000067,D9Y0V,indicative\n" +
			"U14074,BRACKNELL PCN,D4U1Y,QNQ,S0E4D," + tv + ",E54000070,U2G6B,indicative\n" +
			"U17969,FARNHAM PCN,D4U1Y,QNQ,S9B9J," + sas + ",E54000069,92A,indicative\n")},
		orgPracticesFile: {Data: []byte("practice_code,practice_name,pcn_code,old_sub_icb_code,old_icb_code,new_icb_code,new_icb_name,new_icb_ons_code,new_sub_icb_code,registered_patients_nov2025,basis\n" +
			"H81001,A,U03055,D4U1Y,QNQ,QRL," + hiow + ",E54000067,D9Y0V,1000,x\n" +
			"K81002,B,U,D4U1Y,QNQ,S0E4D," + tv + ",E54000070,U2G6B,1000,x\n" +
			"K81003,C,,D4U1Y,QNQ,S0E4D," + tv + ",E54000070,U2G6B,1000,x\n")},
	}
}

func TestReadOrgChangeSmallFolder(t *testing.T) {
	t.Parallel()
	day := workforce.Date(2026, 4, 1)
	want := &workforce.OrgChange{
		Effective: day,
		ICBs: []workforce.ICB{
			{Code: "QRL", Name: "NHS Hampshire and Isle of Wight Integrated Care Board", ONSCode: "E54000067", RegionCode: "Y59"},
			{Code: "S9B9J", Name: "NHS Surrey and Sussex, Integrated Care Board", ONSCode: "E54000069", RegionCode: "Y59"},
			{Code: "S0E4D", Name: "NHS Thames Valley Integrated Care Board", RegionCode: "Y59"},
		},
		SubICBs: []workforce.SubICBChange{
			{OldICBCode: "QNQ", OldSubICBCode: "D4U1Y", New: workforce.SubICB{Code: "U2G6B", Name: "NHS THAMES VALLEY ICB - U2G6B", ICBCode: "S0E4D"}},
			{OldICBCode: "QNQ", OldSubICBCode: "D4U1Y", New: workforce.SubICB{Code: "92A", Name: "NHS SURREY AND SUSSEX ICB - 92A", ICBCode: "S9B9J"}},
			{OldICBCode: "QNQ", OldSubICBCode: "D4U1Y", New: workforce.SubICB{Code: "D9Y0V", Name: "NHS HAMPSHIRE AND ISLE OF WIGHT ICB - D9Y0V", ICBCode: "QRL"}},
		},
		PCNs: []workforce.PCNPlace{
			{PCNCode: "U03055", PCNName: "ALDERSHOT PCN", OldICBCode: "QNQ", SubICBCode: "D9Y0V", ICBCode: "QRL"},
			{PCNCode: "U14074", PCNName: "BRACKNELL PCN", OldICBCode: "QNQ", SubICBCode: "U2G6B", ICBCode: "S0E4D"},
			{PCNCode: "U17969", PCNName: "FARNHAM PCN", OldICBCode: "QNQ", SubICBCode: "92A", ICBCode: "S9B9J"},
		},
		Practices: []workforce.PracticeMembership{
			{PracticeCode: "H81001", PCNCode: "U03055", SubICBCode: "D9Y0V", ICBCode: "QRL", From: day},
			{PracticeCode: "K81002", SubICBCode: "U2G6B", ICBCode: "S0E4D", From: day},
			{PracticeCode: "K81003", SubICBCode: "U2G6B", ICBCode: "S0E4D", From: day},
		},
	}
	// A sub-folder of a larger tree, as an embedded folder is read.
	tree := fstest.MapFS{}
	for name, f := range orgFolder() {
		tree["data/organisations_2026-04/"+name] = f
	}
	sub, err := fs.Sub(tree, "data/organisations_2026-04")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ReadOrgChangeFolder(sub)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Change; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	lines := map[string]int{"U03055": 2, "U14074": 3, "U17969": 4} // where a refusal of a PCN says it is
	if f.PCNsFile != orgPCNsFile || !reflect.DeepEqual(f.PCNLines, lines) {
		t.Errorf("PCNs from %s on lines %v, want %s, %v", f.PCNsFile, f.PCNLines, orgPCNsFile, lines)
	}
	noPractices := orgFolder()
	delete(noPractices, orgPracticesFile)
	if got, _, err := ReadOrgChange(noPractices); err != nil || got.Practices != nil || len(got.PCNs) != 3 {
		t.Errorf("without practices: %+v, %v; want the PCNs and no practices", got, err)
	}
}

// TestReadOrgChangeHash: the hash is of the files read, by name and content, and of
// nothing else.
func TestReadOrgChangeHash(t *testing.T) {
	t.Parallel()
	hash := func(edit func(fstest.MapFS)) string {
		fsys := orgFolder()
		if edit != nil {
			edit(fsys)
		}
		_, sum, err := ReadOrgChange(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	base := hash(nil)
	if same := hash(func(m fstest.MapFS) { m["README.md"] = &fstest.MapFile{Data: []byte("changed")} }); same != base {
		t.Error("a file not read changed the hash")
	}
	for name, edit := range map[string]func(fstest.MapFS){
		"a practice's patients": func(m fstest.MapFS) { orgReplace(m, orgPracticesFile, ",1000,x\nK", ",1001,x\nK") },
		"no practices file":     func(m fstest.MapFS) { delete(m, orgPracticesFile) },
		"the day": func(m fstest.MapFS) {
			for _, f := range []string{orgICBsFile, orgPCNsFile, orgPracticesFile} {
				orgRename(m, f, strings.Replace(f, "04-01", "04-02", 1))
			}
			orgRename(m, orgChangesFile, "icb_changes_2026-04-02.csv")
			f := m["icb_changes_2026-04-02.csv"]
			f.Data = []byte(strings.ReplaceAll(string(f.Data), "2026-04-01", "2026-04-02"))
		},
	} {
		if hash(edit) == base {
			t.Errorf("%s: the hash did not change", name)
		}
	}
}

// orgCase is a folder refused: edits to orgFolder, and the start of the message.
type orgCase struct {
	name  string
	edits []func(fstest.MapFS)
	want  string
}

func TestReadOrgChangeRejects(t *testing.T) {
	t.Parallel()
	icbs, changes, pcns, practices := orgICBsFile, orgChangesFile, orgPCNsFile, orgPracticesFile
	cases := []orgCase{
		{"missing ICBs", orgEdits(orgDrop(icbs)), "the folder has no icbs_YYYY-MM-DD.csv file"},
		{"missing changes", orgEdits(orgDrop(changes)), "the folder has no icb_changes_YYYY-MM-DD.csv file"},
		{"missing PCNs", orgEdits(orgDrop(pcns)), "the folder has no pcn_icb_YYYY-MM-DD.csv file"},
		{"misnamed", orgEdits(orgRenameTo(icbs, "icbs_latest.csv")), "icbs_latest.csv: expected a name icbs_YYYY-MM-DD.csv"},
		{"a folder, not a file", orgEdits(orgDrop(icbs), orgAdd(icbs+"/x", "")), icbs + ": is not a plain file"},
		{"two of a kind", orgEdits(orgAdd("pcn_icb_2026-04-02.csv", "")), "pcn_icb_2026-04-02.csv: a second pcn_icb_ file besides " + pcns},
		{"days differ", orgEdits(orgRenameTo(pcns, "pcn_icb_2026-04-02.csv")),
			"pcn_icb_2026-04-02.csv: its name's day 2026-04-02 differs from icb_changes_2026-04-01.csv's"},
		{"effective date differs", orgEdits(orgReplaceIn(changes, "\n2026-04-01,QNQ,D4U1Y,S9B9J", "\n2026-04-02,QNQ,D4U1Y,S9B9J")),
			changes + ": line 3, column effective_date: is 2026-04-02, but the file's name says 2026-04-01"},
		{"too many files", orgEdits(orgManyFiles(MaxOrgChangeFiles - 5)), "the folder holds more than 20 files (the limit)"},
		{"file too big", orgEdits(orgAdd(practices, strings.Repeat("x", MaxOrgChangeFileBytes+1))),
			practices + ": the file is 4 MB, 1 byte more than the limit of 4 MB"},
		{"long line", orgEdits(orgAppendRow(pcns, strings.Repeat("x", MaxLineBytes+1))), pcns + ": line 5 is longer than 65,536 characters"},
		{"too many ICBs", orgEdits(orgAppendRows(icbs, MaxOrgChangeICBs, func(i int) string { return fmt.Sprintf("X%04d,ICB %d,,Y56", i, i) })),
			icbs + ": the file has more than 100 rows (the limit)"},
		{"too many PCNs", orgEdits(orgAppendRows(pcns, MaxOrgChangePCNs, func(i int) string { return fmt.Sprintf("U%05d,P,,QNQ,QRL,n,,D9Y0V,", 20000+i) })),
			pcns + ": the file has more than 5,000 rows (the limit)"},
		{"missing column", orgEdits(orgReplaceIn(pcns, "new_sub_icb_code", "sub_icb")), pcns + ": line 1, column new_sub_icb_code: required column is missing"},
		{"header only", orgEdits(orgAdd(pcns, "pcn_code,pcn_name,old_icb_code,new_icb_code,new_sub_icb_code\n")), pcns + ": line 2: the file has a header but no rows"},
		{"ICB code", orgEdits(orgReplaceIn(icbs, "S9B9J,", "S9B9,")), icbs + ": line 3, column code: expected an ODS code of 3 or 5 capital letters"},
		{"lower case ICB code", orgEdits(orgReplaceIn(icbs, "S9B9J,", "s9b9j,")), icbs + ": line 3, column code: expected an ODS code"},
		{"region code", orgEdits(orgReplaceIn(icbs, "E54000067,Y59", "E54000067,E40000005")), icbs + ": line 2, column region_code: expected"},
		{"ONS code", orgEdits(orgReplaceIn(icbs, "E54000067", "E38000067")), icbs + ": line 2, column ons_code: expected an ICB's ONS code"},
		{"empty name", orgEdits(orgReplaceIn(icbs, "QRL,NHS Hampshire and Isle of Wight Integrated Care Board", "QRL,")), icbs + ": line 2, column name: is empty"},
		{"duplicate ICB", orgEdits(orgAppendRow(icbs, "QRL,Again,,Y59")), icbs + ": line 5, column code: ICB QRL is listed twice: also on line 2"},
		{"unknown ICB of a change", orgEdits(orgReplaceIn(changes, ",S9B9J,", ",QNX,")), changes + ": line 3, column new_icb_code: ICB \"QNX\" is not in " + icbs},
		{"unknown ICB of a PCN", orgEdits(orgReplaceIn(pcns, "QNQ,QRL,", "QNQ,QNQ,")), pcns + ": line 2, column new_icb_code: ICB \"QNQ\" is not in " + icbs},
		{"unknown ICB of a practice", orgEdits(orgReplaceIn(practices, "QNQ,QRL,", "QNQ,QRX,")), practices + ": line 2, column new_icb_code: ICB \"QRX\" is not in"},
		{"duplicate change", orgEdits(orgAppendRow(changes, "2026-04-01,QNQ,D4U1Y,QRL,x,,D9Y0V,y")),
			changes + ": line 5, column new_icb_code: sub-ICB location D4U1Y's move to ICB QRL is listed twice: also on line 4"},
		{"duplicate PCN", orgEdits(orgAppendRow(pcns, "U14074,AGAIN,D4U1Y,QNQ,S0E4D,x,,U2G6B,")), pcns + ": line 5, column pcn_code: PCN U14074 is listed twice: also on line 3"},
		{"duplicate practice", orgEdits(orgAppendRow(practices, "K81002,B,,D4U1Y,QNQ,S0E4D,x,,U2G6B,1,x")),
			practices + ": line 5, column practice_code: practice K81002 is listed twice: also on line 3"},
		{"PCN code", orgEdits(orgReplaceIn(pcns, "U14074", "U1407")), pcns + ": line 3, column pcn_code: expected a PCN code"},
		{"practice code", orgEdits(orgReplaceIn(practices, "H81001", "H8100")), practices + ": line 2, column practice_code: expected a practice code"},
		{"practice's PCN not listed", orgEdits(orgReplaceIn(practices, ",U03055,", ",U99999,")), practices + ": line 2, column pcn_code: PCN U99999 is not in " + pcns},
		{"sub-ICB location in two ICBs", orgEdits(orgReplaceIn(pcns, "QNQ,S9B9J,NHS Surrey and Sussex ICB,E54000069,92A", "QNQ,QRL,x,,92A")),
			pcns + ": line 4, column new_icb_code: is QRL, but " + changes + " line 3 puts sub-ICB location 92A in ICB S9B9J"},
		{"ONS code contradicts icbs_", orgEdits(orgReplaceIn(pcns, ",E54000067,D9Y0V", ",E54000042,D9Y0V")),
			pcns + ": line 2, column new_icb_ons_code: is \"E54000042\", but " + icbs + " gives ICB QRL the ONS code E54000067"},
		{"empty new ICB name", orgEdits(orgReplaceIn(changes, "S9B9J,NHS Surrey and Sussex ICB,", "S9B9J,,")), changes + ": line 3, column new_icb_name: is empty"},
		{"empty old sub-ICB", orgEdits(orgReplaceIn(changes, "QNQ,D4U1Y,QRL", "QNQ,,QRL")), changes + ": line 4, column old_sub_icb_code: is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			fsys := orgFolder()
			for _, e := range c.edits {
				e(fsys)
			}
			_, _, err := ReadOrgChange(fsys)
			var rowErr *RowError
			var limitErr *LimitError
			if !errors.As(err, &rowErr) && !errors.As(err, &limitErr) {
				t.Fatalf("got %v, want a RowError or LimitError %q", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got  %q\nwant %q…", err, c.want)
			}
		})
	}
}

func orgEdits(e ...func(fstest.MapFS)) []func(fstest.MapFS) { return e }

func orgDrop(name string) func(fstest.MapFS) { return func(m fstest.MapFS) { delete(m, name) } }

func orgAdd(name, text string) func(fstest.MapFS) {
	return func(m fstest.MapFS) { m[name] = &fstest.MapFile{Data: []byte(text)} }
}

func orgRenameTo(from, to string) func(fstest.MapFS) {
	return func(m fstest.MapFS) { orgRename(m, from, to) }
}

func orgReplaceIn(name, old, repl string) func(fstest.MapFS) {
	return func(m fstest.MapFS) { orgReplace(m, name, old, repl) }
}

func orgAppendRow(name, row string) func(fstest.MapFS) {
	return func(m fstest.MapFS) { m[name].Data = append(m[name].Data, row+"\n"...) }
}

// appendRows appends enough rows of row(i) to pass the file's limit of max rows.
func orgAppendRows(name string, max int, row func(i int) string) func(fstest.MapFS) {
	return func(m fstest.MapFS) {
		var b strings.Builder
		for i := range max {
			b.WriteString(row(i) + "\n")
		}
		m[name].Data = append(m[name].Data, b.String()...)
	}
}

// manyFiles adds n files that are not read.
func orgManyFiles(n int) func(fstest.MapFS) {
	return func(m fstest.MapFS) {
		for i := range n {
			m[fmt.Sprintf("notes_%d.txt", i)] = &fstest.MapFile{}
		}
	}
}

func orgRename(m fstest.MapFS, from, to string) { m[to] = m[from]; delete(m, from) }

func orgReplace(m fstest.MapFS, name, old, repl string) {
	if !strings.Contains(string(m[name].Data), old) {
		panic(name + " has no " + old)
	}
	m[name].Data = []byte(strings.Replace(string(m[name].Data), old, repl, 1))
}
