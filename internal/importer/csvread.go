package importer

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// maxPlainBytes bounds what a file may unpack to (a gzip bomb stops here): the full
// NWRS month is about 7 MB.
const maxPlainBytes = 1 << 30

// errTooLarge is the read error past maxPlainBytes.
var errTooLarge = errors.New("the file unpacks to more than 1 GB")

// capped reads at most left bytes, then fails.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// table reads a CSV file whose columns are found by header name, in any order.
type table struct {
	file string
	cr   *csv.Reader
	cols map[string]int // upper-cased header name → index
	idx  map[string]int // each required name, as the reader spells it → index
	row  []string
	line int
}

// maybeGunzip returns a reader of the plain text, unwrapping gzip when the first two
// bytes are its magic number, so that FILE may be plain or .gz whatever its name.
func maybeGunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("not a readable gzip file: %w", err)
		}
		return &capped{r: zr, left: maxPlainBytes}, nil
	}
	return br, nil
}

// openTable reads the header and checks that every required column is there.
func openTable(file string, r io.Reader, required []string) (*table, error) {
	plain, err := maybeGunzip(r)
	if err != nil {
		return nil, &RowError{File: file, Line: 1, Reason: err.Error()}
	}
	cr := csv.NewReader(plain)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &RowError{File: file, Line: 1, Reason: "the file is empty; expected a header row naming " + strings.Join(required, ", ")}
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	t := &table{file: file, cr: cr, cols: map[string]int{}, idx: map[string]int{}, line: 1}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		t.cols[strings.ToUpper(strings.TrimSpace(h))] = i
	}
	if len(header) == 1 && strings.Count(header[0], ";") > 0 {
		return nil, &RowError{File: file, Line: 1, Reason: "columns are separated by semicolons; save the file as comma-separated CSV"}
	}
	for _, name := range required {
		i, ok := t.cols[strings.ToUpper(name)]
		if !ok {
			return nil, &RowError{File: file, Line: 1, Column: name, Reason: "required column is missing from the header"}
		}
		t.idx[name] = i
	}
	cr.FieldsPerRecord = len(header)
	return t, nil
}

// next reads the next row; it returns false at the end of the file.
func (t *table) next() (bool, error) {
	row, err := t.cr.Read()
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, csvError(t.file, err)
	}
	t.row = row
	t.line, _ = t.cr.FieldPos(0)
	for i, f := range row {
		if !utf8.ValidString(f) {
			return false, &RowError{File: t.file, Line: t.line, Column: t.name(i), Reason: "text is not valid UTF-8; save the file as UTF-8"}
		}
	}
	return true, nil
}

// get returns the trimmed value of a required column, or of an optional one ("" when
// the header lacks it).
func (t *table) get(name string) string {
	i, ok := t.idx[name]
	if !ok {
		if i, ok = t.cols[strings.ToUpper(name)]; !ok {
			return ""
		}
	}
	return strings.TrimSpace(t.row[i])
}

func (t *table) name(i int) string {
	for n, j := range t.cols {
		if j == i {
			return n
		}
	}
	return ""
}

func (t *table) fail(col, reason string) error {
	return &RowError{File: t.file, Line: t.line, Column: col, Reason: reason}
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
