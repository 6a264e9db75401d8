package importer

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// BenchmarkHostileFiles reports, per hostile file, the time to refuse it (ns/op) and the
// peak of the heap above what it was before the read (peak-MB: objects live or not yet
// swept, sampled every 20 µs during one read after a collection). The bars (issue 9):
// under a second and under 50 MB. B/op counts garbage too.
//
//	go test -run '^$' -bench Hostile -benchmem -count 5 ./internal/importer/
func BenchmarkHostileFiles(b *testing.B) {
	for _, h := range hostileFiles() {
		b.Run(h.name, func(b *testing.B) {
			data := h.build(b) // not kept after: other files' data would set the GC's pace
			refuse := func() {
				if h.read(data) == nil {
					b.Fatal("read")
				}
			}
			runtime.GC()
			peak := peakHeap(refuse)
			b.ResetTimer()
			for b.Loop() {
				refuse()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

const heapObjects = "/memory/classes/heap/objects:bytes"

// peakHeap runs f and returns the most the heap's objects grew while it ran.
func peakHeap(f func()) uint64 {
	base := heapNow()
	var peak uint64
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			peak = max(peak, heapNow())
			select {
			case <-done:
				return
			case <-time.After(20 * time.Microsecond):
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	peak = max(peak, heapNow())
	if peak < base {
		return 0
	}
	return peak - base
}

func heapNow() uint64 {
	s := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
