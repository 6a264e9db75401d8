package datacache

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// orgs is a database of organisation versions that counts its reloads.
type orgs struct {
	mu    sync.Mutex
	pcn   map[string]int64
	loads atomic.Int32
}

func (o *orgs) load(context.Context) (map[string]int64, map[string]int64, error) {
	o.loads.Add(1)
	o.mu.Lock()
	defer o.mu.Unlock()
	out := map[string]int64{}
	for k, v := range o.pcn {
		out[k] = v
	}
	return out, map[string]int64{"Q": 1}, nil
}

// The organisations' versions are reloaded only when the sums moved, once however
// many requests ask at the same time.
func TestVersionsReloadOnlyWhenTheSumsMove(t *testing.T) {
	t.Parallel()
	var c Cache
	db := &orgs{pcn: map[string]int64{"A": 1, "B": 2}}
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			v, err := c.Versions(ctx, Versions{National: 5, PCNSum: 3, ICBSum: 1}, db.load)
			if err != nil || v.PCN["B"] != 2 || v.Of(Dep{England: true}) != 9 {
				t.Errorf("%+v %v", v, err)
			}
		})
	}
	wg.Wait()
	if db.loads.Load() != 1 {
		t.Errorf("loaded %d times for one reading", db.loads.Load())
	}
	db.mu.Lock()
	db.pcn["A"] = 2
	db.mu.Unlock()
	v, _ := c.Versions(ctx, Versions{National: 5, PCNSum: 4, ICBSum: 1}, db.load)
	if db.loads.Load() != 2 || v.Of(Dep{PCNs: []string{"A"}}) != 7 || v.Of(Dep{PCNs: []string{"B"}}) != 7 {
		t.Errorf("after A moved: %d loads, %+v", db.loads.Load(), v)
	}
	// A request that read the sums before A moved takes the newer reading.
	if old, _ := c.Versions(ctx, Versions{National: 5, PCNSum: 3, ICBSum: 1}, db.load); old != v || db.loads.Load() != 2 {
		t.Errorf("an older reading reloaded: %d loads", db.loads.Load())
	}
	// A national change needs no reload of the organisations.
	if v2, _ := c.Versions(ctx, Versions{National: 6, PCNSum: 4, ICBSum: 1}, db.load); v2.National != 6 {
		t.Errorf("national: %+v", v2)
	}
}

func TestMemoReadsOncePerRequest(t *testing.T) {
	t.Parallel()
	var reads atomic.Int32
	read := func(context.Context) (*Versions, error) {
		return &Versions{National: int64(reads.Add(1))}, nil
	}
	ctx := WithMemo(context.Background())
	for range 3 {
		if v, _ := Memoised(ctx, read); v.National != 1 {
			t.Errorf("read again within a request: %d", v.National)
		}
	}
	Forget(ctx)
	if v, _ := Memoised(ctx, read); v.National != 2 {
		t.Errorf("after Forget: %d", v.National)
	}
	if v, _ := Memoised(context.Background(), read); v.National != 3 {
		t.Errorf("without a slot every call reads: %d", v.National)
	}
	fail := func(context.Context) (*Versions, error) { return nil, errors.New("down") }
	ctx = WithMemo(context.Background())
	if _, err := Memoised(ctx, fail); err == nil {
		t.Fatal("want the error")
	}
	if v, err := Memoised(ctx, read); err != nil || v.National != 4 {
		t.Errorf("a failed read was kept: %v %v", v, err)
	}
}
