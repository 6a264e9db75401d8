package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// An Excel workbook is read in four steps, each bounded before the next: the upload
// into memory up to MaxWorkbookBytes; its zip directory checked (parts, each part's
// declared size, their total, and the total against the size of the upload); every part
// unpacked and checked whole, its XML too, and dropped (zipparts.go); only then
// excelize, with its own unzip limits set to ours, streaming the first sheet row by
// row and refusing a row past MaxSheetRows or wider than MaxColumns as soon as it is
// seen. Cells are read raw (numbers as stored, not as formatted) and never padded.

// unreadableWorkbook is the message for anything that is not a workbook excelize can
// read: not a zip, no workbook part, broken XML.
const unreadableWorkbook = "not a readable Excel (XLSX) workbook"

// openWorkbook returns a table over the first sheet of the workbook in r, and a function
// that closes the workbook.
func openWorkbook(file string, r io.Reader, required []string) (t *table, closeBook func(), err error) {
	data, err := readWorkbook(file, r)
	if err != nil {
		return nil, nil, err
	}
	if err := checkZip(file, data); err != nil {
		return nil, nil, err
	}
	defer func() {
		if recover() != nil {
			t, closeBook, err = nil, nil, workbookError(file, unreadableWorkbook)
		}
	}()
	book, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxWorkbookUnpackedBytes, UnzipXMLSizeLimit: MaxWorkbookPartBytes})
	if err != nil {
		return nil, nil, workbookError(file, unreadableWorkbook)
	}
	src, err := firstSheet(file, book)
	if err != nil {
		book.Close()
		return nil, nil, err
	}
	closeBook = func() { src.rows.Close(); book.Close() }
	if t, err = openSource(file, src, "row", required, MaxSheetRows); err != nil {
		closeBook()
		return nil, nil, err
	}
	return t, closeBook, nil
}

// readWorkbook reads a workbook into memory, up to MaxWorkbookBytes. A file that can
// say its size (an upload, a bytes.Reader) is refused before it is read.
func readWorkbook(file string, r io.Reader) ([]byte, error) {
	tooLarge := &LimitError{File: file, Subject: "the workbook", Limit: LimitUploadSize, Max: MaxWorkbookBytes}
	if size, ok := sizeOf(r); ok {
		if size > MaxWorkbookBytes {
			tooLarge.Got = size
			return nil, tooLarge
		}
		data := make([]byte, size)
		_, err := io.ReadFull(r, data)
		return data, err
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookBytes+1))
	if err == nil && len(data) > MaxWorkbookBytes {
		return nil, tooLarge
	}
	return data, err
}

// sizeOf is what is left to read of r, when r can seek.
func sizeOf(r io.Reader) (int64, bool) {
	s, ok := r.(io.Seeker)
	if !ok {
		return 0, false
	}
	at, err := s.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, false
	}
	end, err := s.Seek(0, io.SeekEnd)
	if _, err2 := s.Seek(at, io.SeekStart); err != nil || err2 != nil {
		return 0, false
	}
	return end - at, true
}

// checkZip refuses a workbook whose zip directory declares more than the limits allow,
// before any part is unpacked (a part's declared size bounds what archive/zip will
// unpack of it: it fails past it), then one with a part damaged (checkParts).
func checkZip(file string, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return workbookError(file, unreadableWorkbook)
	}
	if len(zr.File) > MaxWorkbookParts {
		return &LimitError{File: file, Subject: "the workbook", Limit: LimitWorkbookParts, Max: MaxWorkbookParts, Got: int64(len(zr.File))}
	}
	var total, decoded int64
	for _, f := range zr.File {
		size := declared(f)
		if size > MaxWorkbookPartBytes {
			return &LimitError{File: file, Subject: "the part " + Quote(f.Name) + " of the workbook", Limit: LimitUnpackedSize, Max: MaxWorkbookPartBytes, Got: size}
		}
		total += size
		if decodedWhole(f.Name) {
			decoded += size
		}
	}
	if decoded > MaxWorkbookDecodedBytes {
		return &LimitError{File: file, Subject: "the XML of the workbook other than its sheets", Limit: LimitUnpackedSize, Max: MaxWorkbookDecodedBytes, Got: decoded}
	}
	if limit := unpackedLimit(len(data)); total > limit {
		return &LimitError{File: file, Subject: "the workbook of " + sizeText(int64(len(data))), Limit: LimitUnpackedSize, Max: limit, Got: total}
	}
	return checkParts(file, zr)
}

// decodedWhole reports whether excelize may decode a part whole: any XML part but a
// sheet, which is streamed (the same test as excelize's for a sheet).
func decodedWhole(name string) bool {
	lower := strings.ToLower(strings.ReplaceAll(name, "\\", "/"))
	return isXMLPart(lower) && !strings.HasPrefix(lower, "xl/worksheets/sheet")
}

// declared is a part's declared unpacked size, at most math.MaxInt64.
func declared(f *zip.File) int64 {
	return int64(min(f.UncompressedSize64, math.MaxInt64))
}

// unpackedLimit is what a workbook of n bytes may unpack to: MaxWorkbookRatio times its
// size, at least 1 MB (a small workbook's fixed parts), at most MaxWorkbookUnpackedBytes.
func unpackedLimit(n int) int64 {
	return min(max(int64(n)*MaxWorkbookRatio, 1<<20), MaxWorkbookUnpackedBytes)
}

// firstSheet opens a row iterator on the workbook's first sheet.
func firstSheet(file string, book *excelize.File) (*sheetSource, error) {
	sheets := book.GetSheetList()
	if len(sheets) == 0 {
		return nil, workbookError(file, "the workbook has no sheet")
	}
	rows, err := book.Rows(sheets[0])
	if err != nil {
		return nil, workbookError(file, "the first sheet cannot be read")
	}
	return &sheetSource{file: file, rows: rows}, nil
}

// sheetSource yields a sheet's rows that hold something, each with its row number.
type sheetSource struct {
	file string
	rows *excelize.Rows
	n    int // row number of the last row read; a blank row counts
}

func (s *sheetSource) read() (cells []string, n int, err error) {
	defer func() {
		if recover() != nil {
			cells, n, err = nil, 0, workbookError(s.file, "the first sheet cannot be read")
		}
	}()
	for {
		if !s.rows.Next() {
			return nil, 0, s.end()
		}
		if s.n++; s.n > MaxSheetRows {
			return nil, 0, &LimitError{File: s.file, Subject: "the sheet", Limit: LimitRows, Max: MaxSheetRows}
		}
		cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, 0, &RowError{File: s.file, Line: s.n, Unit: "row", Reason: "the row cannot be read (a cell is outside the sheet); save the workbook again from Excel"}
		}
		if len(cells) > MaxColumns {
			return nil, 0, &LimitError{File: s.file, Subject: "row " + strconv.Itoa(s.n), Limit: LimitColumns, Max: MaxColumns, Got: int64(len(cells))}
		}
		if s.n == 1 || !blank(cells) {
			return cells, s.n, nil
		}
	}
}

// end is the error at the end of the rows: io.EOF, or why the sheet stopped early.
func (s *sheetSource) end() error {
	err := s.rows.Error()
	switch {
	case err == nil:
		return io.EOF
	case errors.Is(err, excelize.ErrMaxRows):
		return &LimitError{File: s.file, Subject: "the sheet", Limit: LimitRows, Max: MaxSheetRows}
	}
	return workbookError(s.file, "the first sheet cannot be read")
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// workbookError is a workbook refused as a whole.
func workbookError(file, reason string) error {
	return &RowError{File: file, Reason: reason}
}
