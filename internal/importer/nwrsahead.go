package importer

import (
	"encoding/csv"
	"errors"
	"io"
	"sync"
)

// aheadChunk and aheadChunks size the read-ahead: four 64 KiB chunks in flight.
const (
	aheadChunk  = 64 << 10
	aheadChunks = 4
)

// openTableAhead is openTable with the file's text read (and unzipped) ahead in
// another goroutine, so that unzipping, about half of reading a census file, runs on
// one core while the rows are parsed and checked on the other (issue 17). The limits
// hold as in openTable: the text's readers run as they do there, only elsewhere. stop
// ends the read-ahead and waits for it, so that nothing reads r once it returns; call
// it (once or more) before using what the readers saw, such as a hash r feeds.
func openTableAhead(file string, r io.Reader, required []string, maxRows int) (t *table, stop func(), err error) {
	g := &guard{}
	text, _, err := plainText(file, r, g, MaxUnpackedBytes)
	if err != nil {
		return nil, func() {}, err
	}
	a := newAhead(text)
	seen := &guard{} // the limits as the parser has met them, in order
	a.g = seen
	cr := csv.NewReader(a)
	cr.ReuseRecord = true
	t, err = openSource(file, &csvSource{file: file, cr: cr, g: seen}, "line", required, maxRows)
	if err != nil {
		a.stop()
		return nil, func() {}, err
	}
	cr.FieldsPerRecord = t.width
	return t, a.stop, nil
}

// ahead reads r in a goroutine into a few reused chunks. Its reader's guard is
// written there; the parser's guard (g) learns a limit only when the error reaches
// it through the channel, so the two goroutines share nothing else.
type ahead struct {
	chunks   chan aheadRead
	free     chan []byte
	done     chan struct{}
	finished chan struct{}
	once     sync.Once
	g        *guard
	cur      []byte // unread part of the chunk being read
	held     []byte // that chunk, to give back
	err      error  // the error after cur, once met
}

type aheadRead struct {
	b   []byte
	err error
}

func newAhead(r io.Reader) *ahead {
	a := &ahead{chunks: make(chan aheadRead, aheadChunks), free: make(chan []byte, aheadChunks),
		done: make(chan struct{}), finished: make(chan struct{})}
	for range aheadChunks {
		a.free <- make([]byte, aheadChunk)
	}
	go a.run(r)
	return a
}

// run reads r chunk by chunk until an error (io.EOF included) or stop.
func (a *ahead) run(r io.Reader) {
	defer close(a.finished)
	for {
		var buf []byte
		select {
		case buf = <-a.free:
		case <-a.done:
			return
		}
		n, err := r.Read(buf)
		for n == 0 && err == nil {
			n, err = r.Read(buf)
		}
		a.chunks <- aheadRead{b: buf[:n], err: err} // never blocks: as many slots as chunks
		if err != nil {
			return
		}
	}
}

func (a *ahead) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.err != nil {
			return 0, a.err
		}
		if a.held != nil {
			a.free <- a.held[:cap(a.held)]
			a.held = nil
		}
		c := <-a.chunks
		a.cur, a.held, a.err = c.b, c.b, c.err
		var limit *LimitError
		if errors.As(c.err, &limit) {
			a.g.stop(limit)
		}
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// stop ends the read-ahead and waits until it no longer reads.
func (a *ahead) stop() {
	a.once.Do(func() { close(a.done) })
	<-a.finished
}
