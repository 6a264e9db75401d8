package importer

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rowSource yields a file's rows: a CSV file's records, or a workbook sheet's rows.
type rowSource interface {
	// read returns the next row and its line (or row) number; io.EOF after the last.
	read() ([]string, int, error)
}

// table reads a file whose columns are found by header name, in any order, within the
// limits of limits.go.
type table struct {
	file    string
	src     rowSource
	unit    string         // "line" for CSV, "row" for a sheet: how messages name a row
	cols    map[string]int // upper-cased header name → index
	idx     map[string]int // each required name, as the reader spells it → index
	row     []string
	line    int
	width   int  // of the header
	long    bool // the row's text is longer than shortRow bytes
	rows    int
	maxRows int
}

// csvSource reads CSV records, first asking the guard whether a limit cut the text.
type csvSource struct {
	file string
	cr   *csv.Reader
	g    *guard
}

func (s *csvSource) read() ([]string, int, error) {
	row, err := s.cr.Read()
	switch {
	case s.g.err != nil:
		return nil, 0, s.g.err
	case errors.Is(err, io.EOF):
		return nil, 0, io.EOF
	case err != nil:
		return nil, 0, csvError(s.file, err)
	}
	line, _ := s.cr.FieldPos(0)
	return row, line, nil
}

// plainText returns a reader of the file's text within the size limits (a file that can
// say its size, as an upload can, is refused before it is read), unwrapping gzip
// when the first two bytes are its magic number, so that FILE may be plain or .gz
// whatever its name; every record of the text is at most MaxLineBytes. The text, plain
// or unpacked, may be maxText bytes: the cap returned, which a reader may lower once it
// knows the kind of file (sizeCap.within).
func plainText(file string, r io.Reader, g *guard, maxText int64) (io.Reader, *sizeCap, error) {
	if err := checkSize(file, r); err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(newSizeCap(r, g, file, LimitUploadSize, MaxUploadBytes), 64<<10)
	magic, _ := br.Peek(2)
	if g.err != nil {
		return nil, nil, g.err
	}
	if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		text := newSizeCap(br, g, file, LimitUploadSize, maxText)
		return &recordCap{r: text, g: g, file: file}, text, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, nil, &RowError{File: file, Line: 1, Reason: fmt.Sprintf("not a readable gzip file: %v", err)}
	}
	text := newSizeCap(zr, g, file, LimitUnpackedSize, maxText)
	return &recordCap{r: text, g: g, file: file}, text, nil
}

// checkSize refuses a file that says it is larger than MaxUploadBytes (one that can
// seek, as an upload can), naming its size, before any of it is read.
func checkSize(file string, r io.Reader) error {
	if size, ok := sizeOf(r); ok && size > MaxUploadBytes {
		return &LimitError{File: file, Limit: LimitUploadSize, Max: MaxUploadBytes, Got: size}
	}
	return nil
}

// openTable reads a CSV file's header (maxRows rows may follow) and checks that every
// required column is there. Its text, plain or unpacked, may be MaxUnpackedBytes.
func openTable(file string, r io.Reader, required []string, maxRows int) (*table, error) {
	return openTableWithin(file, r, required, maxRows, MaxUnpackedBytes)
}

// openTableWithin is openTable for a kind of file whose text may be maxText bytes.
func openTableWithin(file string, r io.Reader, required []string, maxRows int, maxText int64) (*table, error) {
	g := &guard{}
	text, _, err := plainText(file, r, g, maxText)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(text)
	cr.ReuseRecord = true
	t, err := openSource(file, &csvSource{file: file, cr: cr, g: g}, "line", required, maxRows)
	if err != nil {
		return nil, err
	}
	cr.FieldsPerRecord = t.width
	return t, nil
}

// openSource reads the header row of src and checks that every required column is there.
func openSource(file string, src rowSource, unit string, required []string, maxRows int) (*table, error) {
	header, _, err := src.read()
	if errors.Is(err, io.EOF) {
		return nil, &RowError{File: file, Line: 1, Reason: "the file is empty; expected a header row naming " + strings.Join(required, ", "), Unit: unit}
	}
	if err != nil {
		return nil, err
	}
	t := &table{file: file, src: src, unit: unit, cols: map[string]int{}, idx: map[string]int{}, line: 1, width: len(header), maxRows: maxRows}
	if len(header) > MaxColumns {
		return nil, &LimitError{File: file, Subject: unit + " 1", Limit: LimitColumns, Max: MaxColumns, Got: int64(len(header))}
	}
	t.row = header
	if err := t.checkCells(); err != nil {
		return nil, err
	}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		t.cols[strings.ToUpper(strings.TrimSpace(h))] = i
	}
	if len(header) == 1 && strings.Count(header[0], ";") > 0 {
		return nil, t.fail("", "columns are separated by semicolons; save the file as comma-separated CSV")
	}
	for _, name := range required {
		i, ok := t.cols[strings.ToUpper(name)]
		if !ok {
			return nil, t.fail(name, "required column is missing from the header")
		}
		t.idx[name] = i
	}
	return t, nil
}

// next reads the next row; it returns false at the end of the file.
func (t *table) next() (bool, error) {
	row, line, err := t.src.read()
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if t.rows++; t.rows > t.maxRows {
		return false, &LimitError{File: t.file, Limit: LimitRows, Max: int64(t.maxRows)}
	}
	t.row, t.line = row, line
	size := 0
	for _, f := range row {
		size += len(f)
	}
	t.long = size > shortRow
	return true, t.checkCells()
}

// checkCells refuses a row with text that is not UTF-8 or longer than MaxCellChars.
func (t *table) checkCells() error {
	for i, f := range t.row {
		if !utf8.ValidString(f) {
			return t.fail(t.name(i), "text is not valid UTF-8; save the file as UTF-8")
		}
		if len(f) > MaxCellChars {
			if n := utf8.RuneCountInString(f); n > MaxCellChars {
				where := t.unit + " " + strconv.Itoa(t.line)
				if col := t.name(i); col != "" {
					where += ", column " + clip(col)
				}
				return &LimitError{File: t.file, Subject: where, Limit: LimitCellLength, Max: MaxCellChars, Got: int64(n)}
			}
		}
	}
	return nil
}

// get returns the trimmed value of a required column, or of an optional one ("" when
// the header lacks it, or the row ends before it).
func (t *table) get(name string) string {
	i, ok := t.idx[name]
	if !ok {
		if i, ok = t.cols[strings.ToUpper(name)]; !ok {
			return ""
		}
	}
	if i >= len(t.row) {
		return ""
	}
	v := strings.TrimSpace(t.row[i])
	if t.long {
		v = strings.Clone(v)
	}
	return v
}

// shortRow is the longest row whose values are kept as they are: encoding/csv slices a
// row's values out of one string, so a kept value holds its whole line. Past it, values
// are copied, so that a code kept from each of many wide rows (of ignored columns) holds
// only itself. An NWRS row is about 300 bytes.
const shortRow = 1024

func (t *table) name(i int) string {
	for n, j := range t.cols {
		if j == i {
			return n
		}
	}
	return ""
}

func (t *table) fail(col, reason string) error {
	return &RowError{File: t.file, Line: t.line, Column: col, Reason: reason, Unit: t.unit}
}

// csvError turns encoding/csv's parse errors into a RowError.
func csvError(file string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &RowError{File: file, Reason: err.Error()}
	}
	reason := pe.Err.Error()
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		reason = "wrong number of fields (the line is truncated or has extra commas)"
	} else if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
		reason = "badly quoted field: " + reason
	}
	return &RowError{File: file, Line: pe.StartLine, Reason: reason}
}
