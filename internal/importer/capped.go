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

// lineCap stops a CSV's text at the first physical line longer than MaxLineBytes,
// before encoding/csv buffers it whole.
type lineCap struct {
	r    io.Reader
	run  int // bytes since the last line break
	line int // line breaks so far
	g    *guard
	file string
}

func (c *lineCap) Read(p []byte) (int, error) {
	if c.g.err != nil {
		return 0, c.g.err
	}
	n, err := c.r.Read(p)
	for rest := p[:n]; ; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			c.run += len(rest)
			break
		}
		if c.run += i; c.run > MaxLineBytes {
			break
		}
		c.run, c.line, rest = 0, c.line+1, rest[i+1:]
	}
	if c.run > MaxLineBytes {
		return 0, c.g.stop(&LimitError{File: c.file, Subject: "line " + strconv.Itoa(c.line+1), Limit: LimitLineLength, Max: MaxLineBytes})
	}
	return n, err
}
