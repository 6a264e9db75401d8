package store

import (
	"slices"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestByPCNOrdersByCodeKeepingFileOrder(t *testing.T) {
	var in []workforce.Staff
	for _, c := range []string{"U3", "U1", "U3", "U2", "U1", "U3"} {
		in = append(in, workforce.Staff{PCNCode: c})
	}
	if got, want := byPCN(in), []int{1, 4, 3, 0, 2, 5}; !slices.Equal(got, want) {
		t.Errorf("byPCN = %v, want %v", got, want)
	}
	if got := byPCN(nil); len(got) != 0 {
		t.Errorf("byPCN(nil) = %v", got)
	}
}
