package england

import "github.com/arrs-planner/arrs/internal/datacache"

// inputs is the kept inputs of one kind by key (a span of days, a census), at most
// maxInputs, the oldest made dropped first. Callers hold Layer.mu.
type inputs[T any] struct {
	byKey map[string]*datacache.PerPCN[T]
	order []string
}

func (in *inputs[T]) get(key string) *datacache.PerPCN[T] {
	if c, ok := in.byKey[key]; ok {
		return c
	}
	if in.byKey == nil {
		in.byKey = map[string]*datacache.PerPCN[T]{}
	}
	if len(in.order) == maxInputs {
		delete(in.byKey, in.order[0])
		in.order = in.order[1:]
	}
	c := &datacache.PerPCN[T]{}
	in.byKey[key], in.order = c, append(in.order, key)
	return c
}

// all is every kept input, for counting reads.
func (in *inputs[T]) all() []interface{ Reads() (int, int) } {
	var out []interface{ Reads() (int, int) }
	for _, k := range in.order {
		out = append(out, in.byKey[k])
	}
	return out
}
