package datacache

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestCacheComputesOncePerVersion(t *testing.T) {
	t.Parallel()
	var c Cache
	var calls atomic.Int32
	compute := func() (int, error) { calls.Add(1); return 42, nil }
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := Get(&c, 1, "k", compute); v != 42 || err != nil {
				t.Errorf("got %v %v", v, err)
			}
		}()
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("computed %d times for one version, want 1", calls.Load())
	}
	Get(&c, 2, "k", compute)
	if calls.Load() != 2 {
		t.Errorf("a new data version must recompute; computed %d times", calls.Load())
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

func TestCacheIsBounded(t *testing.T) {
	t.Parallel()
	var c Cache
	for i := range MaxEntries * 3 {
		Get(&c, 1, string(rune('a'+i%26))+string(rune(i)), func() (int, error) { return i, nil })
	}
	if len(c.entries) > MaxEntries {
		t.Errorf("%d entries", len(c.entries))
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
}
