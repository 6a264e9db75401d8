package server

import (
	"context"
	"fmt"
	"sync"
)

// cache keeps the results of expensive computations (roll-ups of the whole of England)
// keyed by the database's data version, so a page is recomputed only after data
// changes. Concurrent requests for the same key wait for one computation.
type cache struct {
	mu      sync.Mutex
	version int64
	entries map[string]*cacheEntry
	// last is each key's latest good value, whatever its version, for the forms shown
	// again while the database is unreachable (outage.go).
	last map[string]any
}

type cacheEntry struct {
	once  sync.Once
	value any
	err   error
}

// maxCacheEntries bounds memory: what-if links make keys unbounded, so the cache
// starts again when it fills (the common keys are back within a request each).
const maxCacheEntries = 256

// get returns the cached value for key at data version v, computing it once.
func cacheGet[T any](c *cache, v int64, key string, compute func() (T, error)) (T, error) {
	c.mu.Lock()
	if c.version != v || len(c.entries) >= maxCacheEntries || c.entries == nil {
		c.version, c.entries = v, map[string]*cacheEntry{}
	}
	e, ok := c.entries[key]
	if !ok {
		e = &cacheEntry{}
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
		return zero, fmt.Errorf("cache: key %q holds %T", key, e.value)
	}
	c.remember(key, t)
	return t, nil
}

// remember keeps a key's latest good value (bounded as the entries are).
func (c *cache) remember(key string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last == nil || len(c.last) >= maxCacheEntries {
		c.last = map[string]any{}
	}
	c.last[key] = v
}

// lastKnown is the value a key last had, whatever the data version: for pages that
// must show without the database, which cannot tell the version.
func lastKnown[T any](c *cache, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.last[key].(T)
	return t, ok
}

// forget drops a failed entry so that the next request tries again.
func (c *cache) forget(v int64, key string, e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version == v && c.entries[key] == e {
		delete(c.entries, key)
	}
}

// cached runs compute at most once per data version for a key. compute gets a context
// that outlives the request's cancellation: other requests may be waiting on it.
func cached[T any](ctx context.Context, s *Server, key string, compute func(context.Context) (T, error)) (T, error) {
	v, err := s.db.DataVersion(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	detached := context.WithoutCancel(ctx)
	return cacheGet(&s.cache, v, key, func() (T, error) { return compute(detached) })
}
