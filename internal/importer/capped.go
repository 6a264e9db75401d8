package importer

import (
	"bytes"
	"io"
	"strconv"
)

// guard holds the first limit a file's readers passed. encoding/csv may report another
// error for the line a limit cut short, so the table asks the guard first.
type guard struct{ err *LimitError }

// stop records e unless a limit was passed already, and returns the first.
func (g *guard) stop(e *LimitError) error {
	if g.err == nil {
		g.err = e
	}
	return g.err
}

// sizeCap reads at most max bytes of r, then stops with the limit if r holds more.
type sizeCap struct {
	r     io.Reader
	left  int64
	g     *guard
	limit LimitError // returned as is, Max filled in
}

func newSizeCap(r io.Reader, g *guard, file string, limit Limit, max int64) *sizeCap {
	return &sizeCap{r: r, left: max, g: g, limit: LimitError{File: file, Limit: limit, Max: max}}
}

func (c *sizeCap) Read(p []byte) (int, error) {
	if c.g.err != nil {
		return 0, c.g.err
	}
	if c.left <= 0 {
		var one [1]byte
		if n, err := io.ReadAtLeast(c.r, one[:], 1); n == 0 {
			return 0, err
		}
		e := c.limit
		return 0, c.g.stop(&e)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// within lowers the cap to max bytes in all, those read so far included: a practice
// file's limit is its kind's, known only once its header has been read.
func (c *sizeCap) within(max int64) {
	read := c.limit.Max - c.left
	c.limit.Max, c.left = max, max-read
}

// recordCap stops a CSV's text at the first record longer than MaxLineBytes, before
// encoding/csv buffers it whole, and at the blank line past MaxBlankLines, which
// encoding/csv skips without a row to count. A record is a line, or several when a
// quoted field holds line breaks: it follows RFC 4180's quotes as encoding/csv does
// (each '"' toggles, so an escaped "" toggles twice), and a record ends only at a '\n'
// outside quotes. Where the quotes are wrong encoding/csv stops with its own error first.
type recordCap struct {
	r      io.Reader
	run    int  // bytes of the record so far, line breaks within it included
	first  byte // the record's first byte, when run > 0
	line   int  // line breaks so far
	start  int  // line breaks before the record began
	blanks int  // blank lines so far ("" or "\r", as encoding/csv skips them)
	quoted bool // inside a quoted field
	g      *guard
	file   string
}

func (c *recordCap) Read(p []byte) (int, error) {
	if c.g.err != nil {
		return 0, c.g.err
	}
	n, err := c.r.Read(p)
	if e := c.scan(p[:n]); e != nil {
		return 0, c.g.stop(e)
	}
	return n, err
}

// scan counts b into the record; the limit passed, if any.
func (c *recordCap) scan(b []byte) *LimitError {
	for len(b) > 0 {
		if c.quoted { // to the closing quote: line breaks are the field's
			i := bytes.IndexByte(b, '"')
			seg := b
			if i >= 0 {
				seg, c.quoted = b[:i+1], false
			}
			c.line += bytes.Count(seg, newline)
			c.run += len(seg)
			b = b[len(seg):]
		} else {
			seg, rest, ends := bytes.Cut(b, newline)
			if q := bytes.IndexByte(seg, '"'); q >= 0 {
				seg, rest, ends, c.quoted = b[:q+1], b[q+1:], false, true
			}
			if c.run == 0 && len(seg) > 0 {
				c.first = seg[0]
			}
			c.run += len(seg)
			if ends && c.run <= MaxLineBytes {
				if c.blank() {
					return &LimitError{File: c.file, Limit: LimitBlankLines, Max: MaxBlankLines}
				}
				c.line++
				c.run, c.start = 0, c.line
			}
			b = rest
		}
		if c.run > MaxLineBytes {
			return c.tooLong()
		}
	}
	return nil
}

// blank counts the record ending as a blank line if it is one, and says whether that
// passes MaxBlankLines.
func (c *recordCap) blank() bool {
	if c.run == 0 || c.run == 1 && c.first == '\r' {
		c.blanks++
	}
	return c.blanks > MaxBlankLines
}

var newline = []byte{'\n'}

// tooLong is the limit passed by the record being read: "line 5", or "the record
// starting at line 5" when it spans lines.
func (c *recordCap) tooLong() *LimitError {
	subject := "line " + strconv.Itoa(c.start+1)
	if c.line > c.start {
		subject = "the record starting at " + subject
	}
	return &LimitError{File: c.file, Subject: subject, Limit: LimitLineLength, Max: MaxLineBytes}
}
