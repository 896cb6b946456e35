// Package postgres is the event store on a PostgreSQL server (through
// github.com/jackc/pgx/v5), for teams that share one store.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/dyad-events/dyad/store"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// writerLock is the advisory lock id writing transactions take turns on,
// so that concurrent ingests cluster one batch at a time.
const writerLock = 0x647961640001 // "dyad" 1

// Dialect is PostgreSQL's part of the store: its schema, placeholders and
// full-text search.
func Dialect() store.Dialect {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded folder is there at build time
	}
	return store.Dialect{
		Name:         "postgres",
		Migrations:   sub,
		Placeholders: store.DollarPlaceholders,
		TextDocs:     `SELECT pk FROM documents WHERE tsv @@ websearch_to_tsquery('simple', ?)`,
		RecordNumber: `CAST(CAST(%[1]s AS json) ->> '%[2]s' AS DOUBLE PRECISION)`,
		LockWrites:   fmt.Sprintf(`SELECT pg_advisory_xact_lock(%d)`, writerLock),
	}
}

// IsURL reports whether a --db value names a PostgreSQL server.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the store at a postgres:// URL, creating its tables if
// needed.
func Open(ctx context.Context, dsn string, opts store.Options) (*store.SQLStore, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	s, err := store.OpenSQL(ctx, db, Dialect(), opts)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	return s, nil
}
