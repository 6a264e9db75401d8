package server

import (
	"cmp"
	"slices"

	"github.com/arrs-planner/arrs/web/areas"
)

// sortByKey sorts a table's rows by the column a sort link names (parseSort has checked
// the key is one of keys), ties by code so the order is stable from one request to the
// next, the whole order reversed for a descending sort.
func sortByKey[T any](rows []T, st areas.SortState, keys map[string]func(a, b T) int, code func(T) string) {
	key := keys[st.Key]
	slices.SortStableFunc(rows, func(a, b T) int {
		c := key(a, b)
		if c == 0 {
			c = cmp.Compare(code(a), code(b))
		}
		if st.Desc {
			return -c
		}
		return c
	})
}
