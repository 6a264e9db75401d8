package server

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestCacheComputesOncePerVersion(t *testing.T) {
	var c cache
	var calls atomic.Int32
	compute := func() (int, error) { calls.Add(1); return 42, nil }
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := cacheGet(&c, 1, "k", compute); v != 42 || err != nil {
				t.Errorf("got %v %v", v, err)
			}
		}()
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("computed %d times for one version, want 1", calls.Load())
	}
	cacheGet(&c, 2, "k", compute)
	if calls.Load() != 2 {
		t.Errorf("a new data version must recompute; computed %d times", calls.Load())
	}
}

func TestCacheDoesNotKeepErrors(t *testing.T) {
	var c cache
	fail := true
	compute := func() (string, error) {
		if fail {
			return "", errors.New("database down")
		}
		return "ok", nil
	}
	if _, err := cacheGet(&c, 1, "k", compute); err == nil {
		t.Fatal("want the error")
	}
	fail = false
	if v, err := cacheGet(&c, 1, "k", compute); v != "ok" || err != nil {
		t.Errorf("after a failure the next call must compute again: %q %v", v, err)
	}
}

func TestCacheIsBounded(t *testing.T) {
	var c cache
	for i := range maxCacheEntries * 3 {
		cacheGet(&c, 1, string(rune('a'+i%26))+string(rune(i)), func() (int, error) { return i, nil })
	}
	if len(c.entries) > maxCacheEntries {
		t.Errorf("%d entries", len(c.entries))
	}
}
