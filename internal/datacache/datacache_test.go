package datacache

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

// counter is a compute that counts its calls and returns its call number.
type counter struct{ calls atomic.Int32 }

func (c *counter) compute() (int, error) { return int(c.calls.Add(1)), nil }

func TestCacheComputesOncePerVersion(t *testing.T) {
	t.Parallel()
	var c Cache
	var n counter
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if v, err := Get(&c, 1, "k", n.compute); v != 1 || err != nil {
				t.Errorf("got %v %v", v, err)
			}
		})
	}
	wg.Wait()
	if n.calls.Load() != 1 {
		t.Errorf("computed %d times for one version, want 1", n.calls.Load())
	}
	if v, _ := Get(&c, 2, "k", n.compute); v != 2 {
		t.Errorf("a new version must recompute; got %d", v)
	}
}

// A key's new version recomputes that key alone: the others keep their values.
func TestEachKeyKeepsItsOwnVersion(t *testing.T) {
	t.Parallel()
	var c Cache
	var a, b counter
	Get(&c, 1, "a", a.compute)
	Get(&c, 5, "b", b.compute)
	Get(&c, 2, "a", a.compute) // a changed
	if v, _ := Get(&c, 5, "b", b.compute); v != 1 || b.calls.Load() != 1 {
		t.Errorf("b recomputed (%d calls) when only a's version moved", b.calls.Load())
	}
	if v, _ := Get(&c, 2, "a", a.compute); v != 2 || a.calls.Load() != 2 {
		t.Errorf("a: %d after %d calls", v, a.calls.Load())
	}
}

// Versions only grow, so a request that read the versions before another's write gets
// the value computed after it rather than recomputing an older state.
func TestAnOlderVersionTakesTheNewerValue(t *testing.T) {
	t.Parallel()
	var c Cache
	var n counter
	Get(&c, 7, "k", n.compute)
	if v, _ := Get(&c, 6, "k", n.compute); v != 1 || n.calls.Load() != 1 {
		t.Errorf("an older version recomputed: %d (%d calls)", v, n.calls.Load())
	}
}

// While a key is recomputed for its new version, every caller of that version waits
// for the one computation; callers of other keys do not wait at all.
func TestRecomputedOnceWhileOthersWait(t *testing.T) {
	t.Parallel()
	var c Cache
	Get(&c, 1, "k", func() (string, error) { return "old", nil })
	release := make(chan struct{})
	var calls atomic.Int32
	slow := func() (string, error) { calls.Add(1); <-release; return "new", nil }
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if v, err := Get(&c, 2, "k", slow); v != "new" || err != nil {
				t.Errorf("got %q %v", v, err)
			}
		})
	}
	// Another key is served while k's computation is held.
	if v, err := Get(&c, 1, "other", func() (string, error) { return "x", nil }); v != "x" || err != nil {
		t.Errorf("other: %q %v", v, err)
	}
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("computed %d times, want 1", calls.Load())
	}
}

func TestCacheDoesNotKeepErrors(t *testing.T) {
	t.Parallel()
	var c Cache
	fail := true
	compute := func() (string, error) {
		if fail {
			return "", errors.New("database down")
		}
		return "ok", nil
	}
	if _, err := Get(&c, 1, "k", compute); err == nil {
		t.Fatal("want the error")
	}
	fail = false
	if v, err := Get(&c, 1, "k", compute); v != "ok" || err != nil {
		t.Errorf("after a failure the next call must compute again: %q %v", v, err)
	}
}

// A computation that panics lets its waiters go with an error, and the next call
// computes again.
func TestAPanicReleasesTheWaiters(t *testing.T) {
	t.Parallel()
	var c Cache
	func() {
		defer func() { _ = recover() }()
		Get(&c, 1, "k", func() (int, error) { panic("boom") })
	}()
	if v, err := Get(&c, 1, "k", func() (int, error) { return 3, nil }); v != 3 || err != nil {
		t.Errorf("after a panic: %d %v", v, err)
	}
}

// The cache keeps at most MaxEntries keys, letting the least recently used go first.
func TestCacheIsBoundedLeastRecentlyUsedFirst(t *testing.T) {
	t.Parallel()
	var c Cache
	var hot counter
	Get(&c, 1, "hot", hot.compute)
	for i := range MaxEntries * 3 {
		Get(&c, 1, fmt.Sprint("what-if ", i), func() (int, error) { return i, nil })
		Get(&c, 1, "hot", hot.compute)
	}
	if len(c.entries) > MaxEntries || c.lru.Len() != len(c.entries) {
		t.Errorf("%d entries, %d in the LRU list", len(c.entries), c.lru.Len())
	}
	if hot.calls.Load() != 1 {
		t.Errorf("a key used all the time was let go: computed %d times", hot.calls.Load())
	}
	if _, ok := LastKnown[int](&c, "what-if 0"); ok {
		t.Error("the least recently used key is still known")
	}
}

func TestLastKnownOutlivesTheVersion(t *testing.T) {
	t.Parallel()
	var c Cache
	Get(&c, 1, "k", func() (string, error) { return "one", nil })
	Get(&c, 2, "other", func() (string, error) { return "two", nil })
	if v, ok := LastKnown[string](&c, "k"); !ok || v != "one" {
		t.Errorf("last known %q %v", v, ok)
	}
	if _, ok := LastKnown[int](&c, "k"); ok {
		t.Error("a value of another type is known")
	}
	// The database goes away: the next version fails, the last good value stays.
	if _, err := Get(&c, 3, "k", func() (string, error) { return "", errors.New("down") }); err == nil {
		t.Fatal("want the error")
	}
	if v, ok := LastKnown[string](&c, "k"); !ok || v != "one" {
		t.Errorf("after a failure, last known %q %v", v, ok)
	}
	if _, ok := LastKnown[string](&c, "never"); ok {
		t.Error("a key never computed is known")
	}
}

// Many goroutines on a few keys and versions: run with -race.
func TestCacheUnderConcurrency(t *testing.T) {
	t.Parallel()
	var c Cache
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 200 {
				key, v := fmt.Sprint("k", i%5), int64(i/20+g%3)
				got, err := Get(&c, v, key, func() (int64, error) { return v, nil })
				if err != nil || got < v {
					t.Errorf("%s at %d: %d %v", key, v, got, err)
					return
				}
				LastKnown[int64](&c, key)
			}
		})
	}
	wg.Wait()
}

func TestVersionsOf(t *testing.T) {
	t.Parallel()
	v := &Versions{National: 100, PCNSum: 30, ICBSum: 4,
		PCN: map[string]int64{"A": 10, "B": 20}, ICB: map[string]int64{"Q": 4}}
	for _, c := range []struct {
		d    Dep
		want int64
	}{
		{Dep{}, 100},
		{Dep{England: true}, 134},
		{Dep{PCNs: []string{"A"}}, 110},
		{Dep{PCNs: []string{"A", "B"}, ICBs: []string{"Q"}}, 134},
		{Dep{PCNs: []string{"new"}}, 100}, // a PCN with no row yet has never changed
	} {
		if got := v.Of(c.d); got != c.want {
			t.Errorf("Of(%+v) = %d, want %d", c.d, got, c.want)
		}
	}
}
