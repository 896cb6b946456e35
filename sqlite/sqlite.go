// Package sqlite is the embedded event store: one SQLite file (through
// modernc.org/sqlite, pure Go, no cgo) in WAL mode, so that queries run
// while an ingest writes and a killed ingest loses at most its open
// transaction.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"

	"github.com/dyad-events/dyad/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is SQLite's part of the store: its schema and full-text search.
func Dialect() store.Dialect {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded folder is there at build time
	}
	return store.Dialect{
		Name:       "sqlite",
		Migrations: sub,
		TextDocs:   `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?`,
		TextIndexAdd: `INSERT INTO documents_fts (rowid, title, body)
			SELECT pk, title, body FROM documents WHERE pk IN (%s)`,
		TextIndexRemove: `INSERT INTO documents_fts (documents_fts, rowid, title, body)
			SELECT 'delete', pk, title, body FROM documents WHERE pk = ?`,
		RecordNumber: `CAST(json_extract(%[1]s, '$.%[2]s') AS REAL)`,
		OnClose:      `PRAGMA optimize`,
	}
}

// Open opens (creating it if needed) the store in the SQLite file at path.
func Open(ctx context.Context, path string, opts store.Options) (*store.SQLStore, error) {
	// Writing transactions start with BEGIN IMMEDIATE so that two writers
	// queue on busy_timeout instead of failing when one upgrades a read
	// lock; synchronous=NORMAL is durable in WAL mode against a killed
	// process (only a power cut can lose the last commits).
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-65536)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s, err := store.OpenSQL(ctx, db, Dialect(), opts)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}
