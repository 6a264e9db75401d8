package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// orgReader reads the files of one organisations change, remembering what each file
// states for the checks of the files after it.
type orgReader struct {
	fsys   fs.FS
	change *workforce.OrgChange
	icbs   map[string]workforce.ICB // from icbs_, by code
	icbsOf string                   // the icbs_ file's name, for messages
	pcnsOf string                   // the pcn_icb_ file's name, for messages
	// subICBs is each new sub-ICB location's ICB, as first stated: a location is in one
	// ICB, whichever file says so.
	subICBs map[string]orgPlace
	keys    map[string]rowKeys[string] // each file's keys so far, by file name
	sums    map[string][]byte          // each file's SHA-256, by name
}

// orgPlace is where a file first placed a sub-ICB location.
type orgPlace struct {
	icb, file string
	line      int
}

func newOrgReader(fsys fs.FS, day time.Time) *orgReader {
	return &orgReader{
		fsys:    fsys,
		change:  &workforce.OrgChange{Effective: day},
		icbs:    map[string]workforce.ICB{},
		subICBs: map[string]orgPlace{},
		keys:    map[string]rowKeys[string]{},
		sums:    map[string][]byte{},
	}
}

// readFile reads one file of kind k, hashing its bytes as they are read.
func (r *orgReader) readFile(k *orgKind, name string) error {
	f, err := r.fsys.Open(name)
	if err != nil {
		return fmt.Errorf("importer: %w", err)
	}
	defer f.Close()
	if err := orgFileSize(name, f); err != nil {
		return err
	}
	h := sha256.New()
	t, err := openTableWithin(name, io.TeeReader(f, h), k.columns, k.maxRows, MaxOrgChangeFileBytes)
	if err != nil {
		return err
	}
	if err := r.readRows(k, t); err != nil {
		return err
	}
	r.sums[name] = h.Sum(nil)
	return nil
}

func (r *orgReader) readRows(k *orgKind, t *table) error {
	err := eachRow(t, func() error {
		if err := r.checkDay(t); err != nil {
			return err
		}
		return k.row(r, t)
	})
	if err != nil {
		return err
	}
	if t.rows == 0 && !k.empty {
		return &RowError{File: t.file, Line: 2, Reason: "the file has a header but no rows"}
	}
	return nil
}

// orgFileSize refuses what is not a plain file (a folder, a device), and a file larger
// than MaxOrgChangeFileBytes before any of it is read: its text, plain or gzip, is
// larger still (gzip adds a few bytes at most); a smaller gzip file is bounded as it
// is unpacked.
func orgFileSize(name string, f fs.File) error {
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("importer: %w", err)
	}
	if !info.Mode().IsRegular() {
		return &RowError{File: name, Reason: "is not a plain file"}
	}
	if info.Size() > MaxOrgChangeFileBytes {
		return &LimitError{File: name, Limit: LimitUploadSize, Max: MaxOrgChangeFileBytes, Got: info.Size()}
	}
	return nil
}

// checkDay refuses a row whose effective_date, where the file has one, is not the day
// of the file's name.
func (r *orgReader) checkDay(t *table) error {
	if _, ok := t.cols["EFFECTIVE_DATE"]; !ok {
		return nil
	}
	d, err := dateOf(t, "effective_date")
	if err != nil {
		return err
	}
	if !d.Equal(r.change.Effective) {
		return t.fail("effective_date", "is "+d.Format(workforce.DateLayout)+", but the file's name says "+
			r.change.Effective.Format(workforce.DateLayout)+": the two must agree")
	}
	return nil
}

// unique refuses a key the file has on an earlier line; what names the key ("PCN U00070").
func (r *orgReader) unique(t *table, col, key, what string) error {
	keys := r.keys[t.file]
	if keys == nil {
		keys = rowKeys[string]{}
		r.keys[t.file] = keys
	}
	if first, dup := keys.seen(key, t.line); dup {
		return t.fail(col, what+" is listed twice: also on line "+strconv.Itoa(first))
	}
	return nil
}

// hash is the SHA-256 of the files read: over each in name order, its name, a NUL and
// its own SHA-256.
func (r *orgReader) hash() string {
	names := make([]string, 0, len(r.sums))
	for n := range r.sums {
		names = append(names, n)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		h.Write([]byte(n + "\x00"))
		h.Write(r.sums[n])
	}
	return hex.EncodeToString(h.Sum(nil))
}
