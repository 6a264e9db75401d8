package datacache

import (
	"context"
	"slices"
	"strings"
)

// Flat is every PCN's slice of c as of v (Get), one after the other in the order of the
// PCNs' codes, made once for each state of c's values and shared by callers, who must
// not change it. c then keeps each PCN's slice as a window on the joined one, so that
// England's inputs (some 120,000 staff records at 60 censuses) are held once rather
// than twice, per PCN and joined: the server's memory is bounded (issue 17).
func Flat[X any](ctx context.Context, c *PerPCN[[]X], v *Versions, read Reader[[]X]) ([]X, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	vals, err := c.get(ctx, v, read)
	if err != nil {
		return nil, err
	}
	if j, ok := c.joined.([]X); ok {
		return j, nil
	}
	flat, windows := flatten(vals)
	// A new map, not vals changed in place: a map Get returned never changes.
	c.vals, c.joined = windows, flat
	return flat, nil
}

// flatten joins the PCNs' slices in the order of their codes, and gives each PCN's
// slice again as a window on the joined one (capped, so that an append cannot run into
// the next PCN's).
func flatten[X any](byPCN map[string][]X) ([]X, map[string][]X) {
	codes := make([]string, 0, len(byPCN))
	n := 0
	for p, xs := range byPCN {
		codes = append(codes, p)
		n += len(xs)
	}
	slices.SortFunc(codes, strings.Compare)
	flat := make([]X, 0, n)
	windows := make(map[string][]X, len(byPCN))
	for _, p := range codes {
		from := len(flat)
		flat = append(flat, byPCN[p]...)
		windows[p] = flat[from:len(flat):len(flat)]
	}
	return flat, windows
}
