package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"slices"
)

// migrate applies the dialect's schema migrations (*.sql files, in name
// order) that the database has not seen yet, each in its own transaction
// with its version recorded, so that two processes opening a new store at
// once apply each migration once.
func migrate(ctx context.Context, db *sql.DB, d Dialect) error {
	files, err := fs.Glob(d.Migrations, "*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	slices.Sort(files)
	if allApplied(ctx, db, d, files) {
		// The usual case, checked without a writing transaction so that
		// opening a store never waits for an ingest's batch to commit.
		return nil
	}
	for _, name := range files {
		if err := applyMigration(ctx, db, d, name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, d Dialect, name string) error {
	version := path.Base(name)
	body, err := fs.ReadFile(d.Migrations, name)
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if d.LockWrites != "" {
		if _, err := tx.ExecContext(ctx, d.LockWrites); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY)`); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, d.bind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, d.bind(`INSERT INTO schema_migrations (version) VALUES (?)`), version); err != nil {
		return err
	}
	return tx.Commit()
}

// allApplied reports whether every migration is recorded; any error means
// "not known", and the transactional path decides.
func allApplied(ctx context.Context, db *sql.DB, d Dialect, files []string) bool {
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return false
	}
	defer rows.Close()
	applied := map[string]bool{}
	for rows.Next() {
		var v string
		if rows.Scan(&v) != nil {
			return false
		}
		applied[v] = true
	}
	if rows.Err() != nil {
		return false
	}
	for _, f := range files {
		if !applied[path.Base(f)] {
			return false
		}
	}
	return true
}
