package importer

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// excelize reads a part only as far as the zip's directory says it goes, ignoring
// archive/zip's checks, and its sheet iterator ends at the first XML error as if at the
// end of the sheet: a damaged workbook would lose rows silently. So every part is first
// unpacked through archive/zip to its end, which fails on a part longer or shorter than
// declared (ErrFormat, io.ErrUnexpectedEOF) or whose CRC is wrong (ErrChecksum), and
// every XML part is streamed through encoding/xml, which fails on a part cut short or
// broken. checkZip has bounded what this unpacks (MaxWorkbookUnpackedBytes in all), and
// nothing unpacked is kept.

// errNotClosed is an XML part that ends inside an element: cut short.
var errNotClosed = errors.New("XML ends inside an element")

// checkParts refuses a workbook with a part damaged.
func checkParts(file string, zr *zip.Reader) error {
	for _, f := range zr.File {
		if err := checkPart(f); err != nil {
			return workbookError(file, fmt.Sprintf("%s: a part is damaged (%s)", unreadableWorkbook, clip(f.Name)))
		}
	}
	return nil
}

// checkPart unpacks a part to its end, checking its size and CRC, and its XML when it
// is XML.
func checkPart(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("open %s: %w", f.Name, err)
	}
	defer rc.Close()
	if isXMLPart(f.Name) {
		if err := wellFormed(rc); err != nil {
			return fmt.Errorf("read %s: %w", f.Name, err)
		}
	}
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return fmt.Errorf("unpack %s: %w", f.Name, err)
	}
	return nil
}

// isXMLPart reports whether a part of the workbook is XML (its relationships too).
func isXMLPart(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".rels")
}

// wellFormed reads XML to its end: every element closed by its own end tag, in the
// encoding it declares (as excelize reads it). An empty part passes.
func wellFormed(r io.Reader) error {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	var open []xml.Name
	for {
		tok, err := d.RawToken()
		switch {
		case errors.Is(err, io.EOF) && len(open) > 0:
			return errNotClosed
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, t.Name)
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return fmt.Errorf("end tag %s:%s closes no open element", t.Name.Space, t.Name.Local)
			}
			open = open[:len(open)-1]
		}
	}
}
