package importer

// chunked is a list that grows a chunk at a time rather than by copying itself whole:
// the rows kept from a large file cost no more than themselves, without the copies
// (and garbage) of append's regrowth, which for the 5-year age file came to four times
// the rows.
type chunked[T any] struct {
	size  int // of a chunk
	parts [][]T
	n     int
}

func newChunked[T any](size int) *chunked[T] { return &chunked[T]{size: size} }

// add appends v and returns its place.
func (c *chunked[T]) add(v T) int {
	if c.n%c.size == 0 {
		c.parts = append(c.parts, make([]T, 0, c.size))
	}
	last := &c.parts[len(c.parts)-1]
	*last = append(*last, v)
	c.n++
	return c.n - 1
}

// at is the element at place i.
func (c *chunked[T]) at(i int) *T { return &c.parts[i/c.size][i%c.size] }

// len is the number of elements.
func (c *chunked[T]) len() int { return c.n }
