package postgres

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/storetest"
)

// BenchmarkQueryActorDateRange loads DYAD_BENCH_EVENTS synthetic events
// (default 100,000: loading goes through the store API, one round trip a
// statement) into a new schema and times the actor + quarter query.
func BenchmarkQueryActorDateRange(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("DYAD_BENCH_EVENTS")); err == nil && v > 0 {
		n = v
	}
	s, err := newDB(b)(store.Options{Window: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	storetest.Load(b, s, n)
	c, _ := s.Counts(context.Background())
	b.Logf("loaded %+v in %s", c, time.Since(start).Round(time.Second))
	b.ResetTimer()
	storetest.BenchQuery(b, s)
}
