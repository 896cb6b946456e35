package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/storetest"
)

// benchEvents is how many events BenchmarkQueryActorDateRange stores:
// DYAD_BENCH_EVENTS, else 1,000,000.
func benchEvents() int {
	if n, err := strconv.Atoi(os.Getenv("DYAD_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchmarkQueryActorDateRange queries a store of a million synthetic
// events. Building that store takes minutes, so it is kept in the
// temporary folder between runs (delete dyad-bench-*.db to rebuild).
func BenchmarkQueryActorDateRange(b *testing.B) {
	n := benchEvents()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dyad-bench-%d.db", n))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		s, err := Open(context.Background(), tmp, store.Options{Window: -1})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		storetest.Load(b, s, n)
		c, _ := s.Counts(context.Background())
		s.Close()
		b.Logf("built %s in %s: %+v (%.0f mentions/s)", path, time.Since(start).Round(time.Second), c, float64(c.Mentions)/time.Since(start).Seconds())
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(context.Background(), path, store.Options{Window: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchQuery(b, s)
}

// BenchmarkPut measures the store alone: 6,200 synthetic documents (about
// as many as the benchmark corpus, with more mentions each) in batches of
// 500 into a new store.
func BenchmarkPut(b *testing.B) {
	docs := storetest.Synthetic(6200, 3, 30)
	mentions := 0
	for _, d := range docs {
		mentions += len(d.Events)
	}
	for i := 0; b.Loop(); i++ {
		s, err := Open(context.Background(), filepath.Join(b.TempDir(), fmt.Sprintf("put%d.db", i)), store.Options{Window: -1})
		if err != nil {
			b.Fatal(err)
		}
		for j := 0; j < len(docs); j += 500 {
			if _, err := s.Put(context.Background(), "bench", docs[j:min(j+500, len(docs))]); err != nil {
				b.Fatal(err)
			}
		}
		s.Close()
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(mentions*b.N)/b.Elapsed().Seconds(), "mentions/s")
}
