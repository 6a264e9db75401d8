package datacache

import (
	"context"
	"sync"
)

// current is the instance's latest reading of every organisation's version: reloading
// some 1,300 rows on every request would cost more than the sums that tell whether
// anything moved.
type current struct {
	mu sync.Mutex // held while reloading, so that one reload serves every request waiting
	v  *Versions
}

// Versions is the reading for sums (National, PCNSum and ICBSum of store.VersionSums;
// its maps unused): the instance's own copy while it is at least as new, else the
// organisations' versions reloaded with load, once however many requests ask. Any
// reading taken before a computation reads its data is safe to key it by: a newer one
// only recomputes sooner.
func (c *Cache) Versions(ctx context.Context, sums Versions, load func(context.Context) (pcn, icb map[string]int64, err error)) (*Versions, error) {
	c.now.mu.Lock()
	defer c.now.mu.Unlock()
	if v := c.now.v; v != nil && v.National >= sums.National && v.PCNSum >= sums.PCNSum && v.ICBSum >= sums.ICBSum {
		return v, nil // counters only grow: nothing moved since v was read
	}
	pcn, icb, err := load(ctx)
	if err != nil {
		return nil, err
	}
	// The maps may be newer than sums (a write in between): their own sums keep the
	// reading consistent.
	v := &Versions{National: sums.National, PCNSum: total(pcn), ICBSum: total(icb), PCN: pcn, ICB: icb}
	c.now.v = v
	return v, nil
}

func total(m map[string]int64) (n int64) {
	for _, v := range m {
		n += v
	}
	return n
}

// memo is one request's reading of the versions.
type memo struct {
	mu sync.Mutex
	v  *Versions
}

type memoKey struct{}

// WithMemo gives a request a slot for one reading of the versions (Memoised), so that
// a page of many cached figures asks the database once. Only for requests that write
// nothing before reading a figure, or that call Forget after writing.
func WithMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey{}, &memo{})
}

// Memoised is the request's reading of the versions, read once with read; without a
// slot (WithMemo), read every time. A failed read is not kept.
func Memoised(ctx context.Context, read func(context.Context) (*Versions, error)) (*Versions, error) {
	m, _ := ctx.Value(memoKey{}).(*memo)
	if m == nil {
		return read(ctx)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.v == nil {
		v, err := read(ctx)
		if err != nil {
			return nil, err
		}
		m.v = v
	}
	return m.v, nil
}

// Forget drops the request's reading after it wrote (a pulse round sealed on the way),
// so that the figures it reads next count the write.
func Forget(ctx context.Context) {
	if m, _ := ctx.Value(memoKey{}).(*memo); m != nil {
		m.mu.Lock()
		m.v = nil
		m.mu.Unlock()
	}
}
