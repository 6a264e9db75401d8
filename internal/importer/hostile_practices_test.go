package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/fstest"
)

// Hostile practice files and organisations change folders (issue 12), each refused by
// its limit as the files of hostileFiles are.
func hostilePracticeFiles() []hostileFile {
	return []hostileFile{
		{"practice mapping: gzip bomb", practiceBomb(mapHeader, func(i int) string {
			return strings.Replace(mapRow(practiceN(i), "U41591"), ",TPP\n", ","+padding+"\n", 1)
		}, MaxPracticeMapBytes), readPractices, LimitUnpackedSize, "practices.csv: the file unpacks to more than 6 MB (the limit)"},
		{"practice totals: gzip bomb", practiceBomb(totalsHeader, func(i int) string {
			return strings.Replace(totalsRow(practiceN(i), "100"), "EX23 9BP", padding, 1)
		}, MaxPracticeTotalsBytes), readPractices, LimitUnpackedSize, "practices.csv: the file unpacks to more than 2 MB (the limit)"},
		{"practice 5-year ages: gzip bomb", practiceBomb(agesHeader, func(i int) string {
			sex, band := ageColumns.sexes[i%maxSexes], ageColumns.ages[i/maxSexes%maxBands]
			return strings.Replace(ageRow("GP", practiceN(i/(maxSexes*maxBands)), sex, band, "10"), "EX23 9BP", padding, 1)
		}, MaxPracticeAgeBytes), readPractices, LimitUnpackedSize, "practices.csv: the file unpacks to more than 44 MB (the limit)"},
		{"practice deprivation: gzip bomb", practiceBomb(imdHeader, func(i int) string {
			return fmt.Sprintf("93553,2019,%s,%s,1,25.1\n", practiceN(i), padding)
		}, MaxDeprivationBytes), readPractices, LimitUnpackedSize, "practices.csv: the file unpacks to more than 6 MB (the limit)"},
		{"practice 5-year ages: 94 MB of valid rows (4 MB gzip)", validAges(94 << 20), readPractices, LimitRows,
			"practices.csv: the file has more than 660,000 rows (the limit)"},
		{"practice 5-year ages: a line of 1 MB", text(agesHeader + ageRow("GP", "A81001", "MALE", "0_4", "10") + strings.Repeat("x", 1<<20) + "\n"),
			readPractices, LimitLineLength, "practices.csv: line 3 is longer than 65,536 characters (the limit)"},
		{"practice 5-year ages: gzip of blank lines", gzipped(func() io.Reader {
			return io.MultiReader(strings.NewReader(agesHeader), io.LimitReader(&cycle{s: "\r\n", left: 1 << 62}, 64<<20))
		}), readPractices, LimitBlankLines, "practices.csv: the file has more than 1,000 blank lines (the limit)"},
		{"organisations folder of 1,000 files", text("x"), readOrgFolderOf(1000), "",
			"the folder holds more than 20 files (the limit)"},
		{"organisations file of 40 MB", zeros(40 << 20), readOrgFolderWith(orgPracticesFile), LimitUploadSize,
			orgPracticesFile + ": the file is 40 MB, 36 MB more than the limit of 4 MB"},
		{"organisations file: gzip bomb", practiceBomb(orgPracticesHeader, func(i int) string {
			return "H" + practiceN(i)[1:] + ",A,U03055,D4U1Y,QNQ,QRL,x,,D9Y0V,1000," + padding + "\n"
		}, MaxOrgChangeFileBytes), readOrgFolderWith(orgPracticesFile), LimitUnpackedSize,
			orgPracticesFile + ": the file unpacks to more than 4 MB (the limit)"},
	}
}

func readPractices(data []byte) error {
	_, err := ReadPractices("practices.csv", bytes.NewReader(data))
	return err
}

// readOrgFolderWith reads the small valid change (orgFolder) with data as its file name.
func readOrgFolderWith(name string) func([]byte) error {
	return func(data []byte) error {
		m := orgFolder()
		m[name] = &fstest.MapFile{Data: data}
		_, _, err := ReadOrgChange(m)
		return err
	}
}

// readOrgFolderOf reads the small valid change with n more files of data beside it.
func readOrgFolderOf(n int) func([]byte) error {
	return func(data []byte) error {
		m := orgFolder()
		for i := range n {
			m[fmt.Sprintf("notes_%d.txt", i)] = &fstest.MapFile{Data: data}
		}
		_, _, err := ReadOrgChange(m)
		return err
	}
}

const orgPracticesHeader = "practice_code,practice_name,pcn_code,old_sub_icb_code,old_icb_code,new_icb_code," +
	"new_icb_name,new_icb_ons_code,new_sub_icb_code,registered_patients_nov2025,basis\n"

// padding fills a column the reader ignores, to the most a cell may hold.
var padding = strings.Repeat("x", MaxCellChars)

// practiceN is the code of the i-th practice: A00000, A00001, …
func practiceN(i int) string { return fmt.Sprintf("A%05d", i) }

// practiceBomb is a gzip of header and rows row(0), row(1), … to twice max bytes.
func practiceBomb(header string, row func(i int) string, max int64) func(testing.TB) []byte {
	return gzipped(func() io.Reader {
		return rowsReader(header, func(i int, n int64) (string, bool) { return row(i), n < 2*max })
	})
}

// validAges is a gzip of a 5-year age file to size bytes, of genuine rows: each
// practice's 43 (both sexes in each band and all ages, and the total).
func validAges(size int64) func(testing.TB) []byte {
	var rows []string
	for _, sex := range ageColumns.sexes[:2] {
		for _, band := range ageColumns.ages {
			rows = append(rows, sex+","+band)
		}
	}
	rows = append(rows, "ALL,ALL")
	return gzipped(func() io.Reader {
		return rowsReader(agesHeader, func(i int, n int64) (string, bool) {
			return "GP_PRAC_PAT_LIST,2025-11-01,GP," + practiceN(i/len(rows)) + ",,CM3 5QP," + rows[i%len(rows)] + ",390\n", n < size
		})
	})
}

// rowsReader reads header, then row(i, bytes so far) for i = 0, 1, … while it says more.
func rowsReader(header string, row func(i int, n int64) (string, bool)) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		n, _ := w.WriteString(header)
		for i, size := 0, int64(n); ; i++ {
			r, more := row(i, size)
			if !more {
				break
			}
			n, _ = w.WriteString(r)
			size += int64(n)
		}
		w.Flush()
		pw.Close()
	}()
	return pr
}

// Blank lines, which encoding/csv skips, are counted up to MaxBlankLines ("\r\n" as
// "\n"); line breaks within a quoted field are not blank lines.
func TestCSVBlankLines(t *testing.T) {
	t.Parallel()
	row := "U60057,paramedic,2026/27 Q2,1,0,\n"
	cases := []struct {
		name, text, err string
	}{
		{"at the limit", planHeader + strings.Repeat("\n", MaxBlankLines/2) + row + strings.Repeat("\r\n", MaxBlankLines/2), ""},
		{"past the limit", planHeader + strings.Repeat("\r\n", MaxBlankLines) + "\n" + row, "plan.csv: the file has more than 1,000 blank lines (the limit)"},
		{"line breaks in a quoted field", planHeader + strings.Repeat("\n", MaxBlankLines/5) + `"U60057` + strings.Repeat("\n", MaxBlankLines*9/10) + `",paramedic,2026/27 Q2,1,0,` + "\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadPlans("plan.csv", strings.NewReader(c.text), known)
			if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.HasPrefix(err.Error(), c.err)) {
				t.Errorf("got %v, want %q", err, c.err)
			}
		})
	}
}

// A practice file's text is bounded by its kind's limit, known from its header, plain
// as gzip.
func TestReadPracticesKindSize(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(totalsHeader)
	for i := 0; b.Len() <= MaxPracticeTotalsBytes; i++ {
		b.WriteString(strings.Replace(totalsRow(practiceN(i), "100"), "EX23 9BP", strings.Repeat("x", 100), 1))
	}
	_, err := ReadPractices("all.csv", strings.NewReader(b.String()))
	if want := "all.csv: the file is larger than 2 MB (the limit)"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
