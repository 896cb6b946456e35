package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/storetest"
)

func newDB(t testing.TB) func(store.Options) (store.Store, error) {
	path := filepath.Join(t.TempDir(), "dyad.db")
	return func(opts store.Options) (store.Store, error) {
		return Open(context.Background(), path, opts)
	}
}

func TestStore(t *testing.T) { storetest.Run(t, newDB) }

func TestOpenBadPath(t *testing.T) {
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), store.Options{Window: -1}); err == nil {
		t.Error("no error for a path in a missing folder")
	}
}

// TestFullTextIndexIntact: the full-text index, kept by the store rather
// than by triggers, passes FTS5's own check after replacements.
func TestFullTextIndexIntact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dyad.db")
	s, err := Open(context.Background(), path, store.Options{Window: -1})
	if err != nil {
		t.Fatal(err)
	}
	docs := storetest.Synthetic(300, 2, 10)
	if _, err := s.Put(context.Background(), "v1", docs); err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		docs[i].Doc.Body += " changed"
	}
	if _, err := s.Put(context.Background(), "v1", append(docs[:100:100], docs[:50]...)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS5 integrity check: %v", err)
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'changed'`).Scan(&n); err != nil || n != 100 {
		t.Errorf("documents matching 'changed': %d, %v; want 100", n, err)
	}
}
