package http

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/dyad-events/dyad/sqlite"
	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/storetest"
)

// benchEvents is how many events BenchmarkAPIEvents stores:
// DYAD_BENCH_EVENTS, else 100,000.
func benchEvents() int {
	if n, err := strconv.Atoi(os.Getenv("DYAD_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// benchStore opens a SQLite store of n synthetic events, built through
// Store.Put on the first run and kept in the temporary folder (delete
// dyad-api-bench-*.db to rebuild).
func benchStore(b *testing.B, n int) store.Store {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dyad-api-bench-%d.db", n))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		s, err := sqlite.Open(context.Background(), tmp, store.Options{Window: -1})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		storetest.Load(b, s, n)
		c, _ := s.Counts(context.Background())
		s.Close()
		b.Logf("built %s in %s: %+v", path, time.Since(start).Round(time.Second), c)
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := sqlite.Open(context.Background(), path, store.Options{Window: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// benchQueries are the /api/events requests the explorer makes: the first
// page, actor and dyad filters, a type over a quarter, deeper and sorted
// pages, and a full-text filter.
var benchQueries = []struct{ name, query string }{
	{"FirstPage", ""},
	{"Actor", "actor=RUS"},
	{"DyadYear", "actor=RUS&recipient=UKR&from=2020-01-01&to=2020-12-31"},
	{"TypeQuarter", "type=ASSAULT&from=2020-01-01&to=2020-03-31"},
	{"NameActor", "actor=rus"},
	{"Page10Desc", "sort=-date&page=10"},
	{"ActorByMentions", "actor=RUS&sort=-mentions"},
	{"ActorByGoldstein", "actor=RUS&sort=goldstein"},
	{"Text", "text=UKR"},
}

// slowQueries are left out of the mix: sorting every event of the store by
// Goldstein value reads every stored record (no column holds the value);
// it is measured on its own.
var slowQueries = []struct{ name, query string }{
	{"ByGoldstein", "sort=-goldstein"},
}

// BenchmarkAPIEvents measures GET /api/events over loopback HTTP on a
// store of 100,000 events: each query on its own, and a mix of all of them
// in turn (without slowQueries), reporting the 50th, 95th and 99th
// percentile latencies.
func BenchmarkAPIEvents(b *testing.B) {
	st := benchStore(b, benchEvents())
	s, err := NewServer(st, Options{})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	call := func(query string) time.Duration {
		start := time.Now()
		resp, err := http.Get(ts.URL + "/api/events?" + query)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %s", query, resp.Status)
		}
		return time.Since(start)
	}
	report := func(b *testing.B, ds []time.Duration) {
		slices.Sort(ds)
		at := func(p float64) float64 {
			return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
		}
		b.ReportMetric(at(0.50), "p50-ms")
		b.ReportMetric(at(0.95), "p95-ms")
		b.ReportMetric(at(0.99), "p99-ms")
	}
	for _, q := range slices.Concat(benchQueries, slowQueries) {
		b.Run(q.name, func(b *testing.B) {
			var ds []time.Duration
			for b.Loop() {
				ds = append(ds, call(q.query))
			}
			report(b, ds)
		})
	}
	b.Run("Mix", func(b *testing.B) {
		var ds []time.Duration
		for i := 0; b.Loop(); i++ {
			ds = append(ds, call(benchQueries[i%len(benchQueries)].query))
		}
		report(b, ds)
	})
}
