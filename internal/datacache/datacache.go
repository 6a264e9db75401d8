// Package datacache keeps results computed from the database until its data changes.
// Each result is kept under a key for one data version (store.DB.DataVersion, which
// every write bumps), so a page asked for again between changes is a render, not a
// roll-up of the whole of England; concurrent requests for the same key wait for one
// computation. It also remembers each key's latest good value whatever its version,
// for the pages that must show while the database is unreachable.
package datacache

import (
	"fmt"
	"sync"
)

// MaxEntries bounds memory: what-if links make keys unbounded, so the cache starts
// again when it fills (the common keys are back within a request each).
const MaxEntries = 256

// Cache holds the results of one data version. The zero Cache is empty and ready.
type Cache struct {
	mu      sync.Mutex
	version int64
	entries map[string]*entry
	// last is each key's latest good value, whatever its version.
	last map[string]any
}

type entry struct {
	once  sync.Once
	value any
	err   error
}

// Get returns the value kept for key at data version v, computing it once. An error is
// not kept: the next call computes again.
func Get[T any](c *Cache, v int64, key string, compute func() (T, error)) (T, error) {
	c.mu.Lock()
	if c.version != v || len(c.entries) >= MaxEntries || c.entries == nil {
		c.version, c.entries = v, map[string]*entry{}
	}
	e, ok := c.entries[key]
	if !ok {
		e = &entry{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.value, e.err = compute() })
	if e.err != nil {
		c.forget(v, key, e)
		var zero T
		return zero, e.err
	}
	t, ok := e.value.(T)
	if !ok {
		var zero T
		return zero, fmt.Errorf("datacache: key %q holds %T", key, e.value)
	}
	c.remember(key, t)
	return t, nil
}

// LastKnown is the value a key last had, whatever the data version: for pages that
// must show without the database, which cannot tell the version.
func LastKnown[T any](c *Cache, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.last[key].(T)
	return t, ok
}

// remember keeps a key's latest good value (bounded as the entries are).
func (c *Cache) remember(key string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last == nil || len(c.last) >= MaxEntries {
		c.last = map[string]any{}
	}
	c.last[key] = v
}

// forget drops a failed entry so that the next request tries again.
func (c *Cache) forget(v int64, key string, e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version == v && c.entries[key] == e {
		delete(c.entries, key)
	}
}
