package datacache

import (
	"context"
	"maps"
	"sync"
)

// PerPCN keeps one input of England's figures (a PCN's staff, its plan lines) per PCN,
// each at the PCN's version it was read at, so that after a save in one PCN only that
// PCN is read again (issue 17: England recomputed for the PCNs that changed, then
// re-summed). The zero PerPCN is empty and ready.
type PerPCN[T any] struct {
	mu       sync.Mutex
	read     bool  // once the whole of England was read
	national int64 // the national version of that read
	vals     map[string]T
	vers     map[string]int64
	// joined is what Joined last made of vals (nil: nothing since vals changed).
	joined any
	// fullReads and pcnReads count the reads of all of England and of single PCNs.
	fullReads, pcnReads int
}

// Reader reads the values of the PCNs named, or of every PCN for nil; a PCN with
// nothing to read may be absent from the map (its value is T's zero).
type Reader[T any] func(ctx context.Context, pcns []string) (map[string]T, error)

// Get returns every PCN's value as of v, read with read: all of England when nothing
// was read yet or national data moved since, else only the PCNs whose version in v is
// above the one their value was read at. v is read before the data, so a value is never
// older than its version says. The map returned is never changed afterwards (a later
// Get merges into a copy): callers must not change it either.
func (c *PerPCN[T]) Get(ctx context.Context, v *Versions, read Reader[T]) (map[string]T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.get(ctx, v, read)
}

// Joined is join of c's values as of v (Get), made once for each state of the values:
// England's inputs put back together (the PCNs' slices in one) are made again only
// after a PCN changed. join's result is shared: callers must not change it.
func Joined[T, J any](ctx context.Context, c *PerPCN[T], v *Versions, read Reader[T], join func(map[string]T) (J, error)) (J, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var zero J
	vals, err := c.get(ctx, v, read)
	if err != nil {
		return zero, err
	}
	if j, ok := c.joined.(J); ok {
		return j, nil
	}
	j, err := join(vals)
	if err != nil {
		return zero, err
	}
	c.joined = j
	return j, nil
}

// get is Get under c.mu.
func (c *PerPCN[T]) get(ctx context.Context, v *Versions, read Reader[T]) (map[string]T, error) {
	if !c.read || v.National > c.national {
		vals, err := read(ctx, nil)
		if err != nil {
			return nil, err
		}
		c.read, c.national, c.vals, c.vers, c.joined = true, v.National, vals, maps.Clone(v.PCN), nil
		c.fullReads++
		return vals, nil
	}
	changed := c.changed(v)
	if len(changed) == 0 {
		return c.vals, nil
	}
	got, err := read(ctx, changed)
	if err != nil {
		return nil, err
	}
	vals, vers := maps.Clone(c.vals), maps.Clone(c.vers)
	for _, p := range changed {
		delete(vals, p)
		if x, ok := got[p]; ok {
			vals[p] = x
		}
		vers[p] = v.PCN[p]
	}
	c.vals, c.vers, c.joined = vals, vers, nil
	c.pcnReads += len(changed)
	return vals, nil
}

// changed is the PCNs whose version in v is above the one their value was read at; a
// PCN missing from a map is at version 0.
func (c *PerPCN[T]) changed(v *Versions) []string {
	var out []string
	for p, n := range v.PCN {
		if n > c.vers[p] {
			out = append(out, p)
		}
	}
	return out
}

// Reads is how many times all of England was read, and how many PCNs were read one
// by one: what a test checks to see that a save in one PCN re-read that PCN alone.
func (c *PerPCN[T]) Reads() (england, pcns int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fullReads, c.pcnReads
}
