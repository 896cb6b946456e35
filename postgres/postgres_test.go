package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/storetest"
)

// serverURL returns the test server's URL from DYAD_TEST_POSTGRES, or skips
// the test when it is unset or the server does not answer.
func serverURL(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("skipped: set DYAD_TEST_POSTGRES=postgres://... to run the PostgreSQL store tests (.ci/run starts a server)")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Skipf("skipped: DYAD_TEST_POSTGRES: %v", err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		t.Skipf("skipped: PostgreSQL at DYAD_TEST_POSTGRES is not reachable: %v", err)
	}
	return dsn
}

var schemaSeq atomic.Int64

// newDB gives each test a schema of its own, dropped afterwards, and a URL
// whose search_path points at it.
func newDB(t testing.TB) func(store.Options) (store.Store, error) {
	dsn := serverURL(t)
	schema := fmt.Sprintf("dyad_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return func(opts store.Options) (store.Store, error) {
		return Open(context.Background(), u.String(), opts)
	}
}

func TestStore(t *testing.T) { storetest.Run(t, newDB) }

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db": true, "dyad.db": false, "/tmp/postgres://x": false,
	} {
		if IsURL(in) != want {
			t.Errorf("IsURL(%q) = %v", in, !want)
		}
	}
}
