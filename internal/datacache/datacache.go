// Package datacache keeps results computed from the database until the data they depend
// on changes. Each result is kept under a key with the version of its own dependencies
// (Versions.Of a Dep: national data, England, or some PCNs and ICBs), so a save in one
// PCN recomputes the figures of that PCN and of England, not every key; a page asked
// for again between changes is a render, not a roll-up of the whole of England.
// Concurrent requests for the same key wait for one computation. It also remembers each
// key's latest good value whatever its version, for the pages that must show while the
// database is unreachable.
package datacache

import (
	"container/list"
	"errors"
	"fmt"
	"sync"
)

// MaxEntries bounds memory: what-if links make keys unbounded, so the least recently
// used key goes when the cache is full.
const MaxEntries = 256

// Cache holds one result per key, each at the version it was computed for. The zero
// Cache is empty and ready.
type Cache struct {
	mu      sync.Mutex
	entries map[string]*entry
	lru     list.List // of *entry, the most recently used first
	// now is the instance's latest reading of the versions (Versions).
	now current
}

type entry struct {
	key  string
	ver  int64
	elem *list.Element
	// done is closed once value and err are set; they are read only after it.
	done  chan struct{}
	value any
	err   error
	// Under Cache.mu: failed once the computation failed (the next Get computes again);
	// last is the key's latest good value, carried from entry to entry.
	failed bool
	last   any
}

// errPanicked is what waiters get when the computation they waited on panicked.
var errPanicked = errors.New("datacache: the computation panicked")

// Get returns the value kept for key at version v, computing it once. Versions only
// grow (Versions.Of), so a value kept for a version at or above v is fresh enough and
// is returned; an older one is recomputed, for this key alone, by the first caller
// while the others wait. A key must always be asked for with the same Dep, or its
// versions cannot be compared. An error is not kept: the next call computes again.
func Get[T any](c *Cache, v int64, key string, compute func() (T, error)) (T, error) {
	e, mine := c.claim(v, key)
	if mine {
		c.fill(e, func() (any, error) { return compute() })
	}
	<-e.done
	var zero T
	if e.err != nil {
		return zero, e.err
	}
	t, ok := e.value.(T)
	if !ok {
		return zero, fmt.Errorf("datacache: key %q holds %T", key, e.value)
	}
	return t, nil
}

// claim finds key's entry fresh for version v, or starts a new one that the caller
// must fill (mine).
func (c *Cache) claim(v int64, key string) (e *entry, mine bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]*entry{}
	}
	old := c.entries[key]
	if old != nil && !old.failed && old.ver >= v {
		c.lru.MoveToFront(old.elem)
		return old, false
	}
	e = &entry{key: key, ver: v, done: make(chan struct{})}
	if old != nil {
		e.last = old.last
		c.lru.Remove(old.elem)
	}
	e.elem = c.lru.PushFront(e)
	c.entries[key] = e
	for c.lru.Len() > MaxEntries {
		c.drop(c.lru.Back().Value.(*entry))
	}
	return e, true
}

// drop forgets an entry; whoever waits on it still gets its value.
func (c *Cache) drop(e *entry) {
	c.lru.Remove(e.elem)
	if c.entries[e.key] == e {
		delete(c.entries, e.key)
	}
}

// fill computes e's value. If compute panics, the waiters get errPanicked and the
// panic goes on up.
func (c *Cache) fill(e *entry, compute func() (any, error)) {
	e.err = errPanicked
	defer c.finish(e)
	e.value, e.err = compute()
}

// finish publishes e's result to its waiters and remembers a good value.
func (c *Cache) finish(e *entry) {
	c.mu.Lock()
	if e.err == nil {
		e.last = e.value
	} else {
		e.failed = true
	}
	c.mu.Unlock()
	close(e.done)
}

// LastKnown is the value a key last had, whatever its version: for pages that must
// show without the database, which cannot tell the version. A key the cache has let go
// (MaxEntries) is not known.
func LastKnown[T any](c *Cache, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var last any
	if e := c.entries[key]; e != nil {
		last = e.last
	}
	t, ok := last.(T)
	return t, ok
}
