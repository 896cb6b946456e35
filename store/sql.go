package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// Dialect is what differs between the SQL databases the store runs on. The
// rest (tables, clustering, queries) is one implementation in this package,
// so both backends behave the same and pass the same tests.
type Dialect struct {
	Name string
	// Migrations holds the schema as *.sql files, applied in name order.
	// Both schemas have the same tables and columns (see sqlite/migrations).
	Migrations fs.FS
	// Placeholders rewrites the "?" placeholders the engine writes into the
	// database's own ("$1"...); nil keeps them.
	Placeholders func(string) string
	// TextDocs is a SELECT of the pks of the documents that match a
	// full-text query given as its one placeholder.
	TextDocs string
	// TextIndexAdd, when set, adds documents to a full-text index kept
	// apart from the documents table: a statement whose %s stands for a
	// list of document pk placeholders, run once per batch (SQLite's FTS5
	// writes its index at every statement, so per-document triggers would
	// cost more than the rest of the batch).
	TextIndexAdd string
	// TextIndexRemove removes one document (its pk is the placeholder)
	// from that index before its text is replaced.
	TextIndexRemove string
	// RecordNumber reads a number field of a stored record (JSON text): a
	// format whose %[1]s is the column and %[2]s the field name. "" means
	// SQLite's CAST(json_extract(%[1]s, '$.%[2]s') AS REAL).
	RecordNumber string
	// LockWrites runs first in every writing transaction, to make writers
	// take turns; "" when the database does that by itself.
	LockWrites string
	// OnClose runs before the store is closed (housekeeping); may be "".
	OnClose string
}

func (d Dialect) bind(q string) string {
	if d.Placeholders == nil {
		return q
	}
	return d.Placeholders(q)
}

// DollarPlaceholders rewrites "?" into "$1", "$2"... (PostgreSQL). The
// engine's SQL has no "?" inside string literals.
func DollarPlaceholders(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SQLStore is the Store over database/sql that both backends use.
type SQLStore struct {
	db     *sql.DB
	d      Dialect
	window int
}

// OpenSQL migrates db to the dialect's schema and returns the store over
// it. It takes ownership of db: Close closes it.
func OpenSQL(ctx context.Context, db *sql.DB, d Dialect, opts Options) (*SQLStore, error) {
	if err := migrate(ctx, db, d); err != nil {
		return nil, err
	}
	s := &SQLStore{db: db, d: d}
	if err := s.setWindow(ctx, opts.Window); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *SQLStore) q(query string) string { return s.d.bind(query) }

// Window returns the clustering window in days.
func (s *SQLStore) Window() int { return s.window }

// Close closes the database.
func (s *SQLStore) Close() error {
	if s.d.OnClose != "" {
		s.db.Exec(s.d.OnClose) // housekeeping only; its failure loses nothing
	}
	return s.db.Close()
}

// setWindow reads the store's window, records want for a new store, and
// re-clusters everything when want differs from what the store was built
// with.
func (s *SQLStore) setWindow(ctx context.Context, want int) error {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE name = 'window'`).Scan(&v)
	if err == nil && (want < 0 || v == itoa(want)) {
		// Nothing to change: no writing transaction, so opening a store
		// never waits for an ingest's batch to commit.
		if _, err := fmt.Sscan(v, &s.window); err != nil {
			return fmt.Errorf("stored window %q: %w", v, err)
		}
		return nil
	}
	return s.inTx(ctx, func(w *writer) error {
		var v string
		err := w.tx.QueryRowContext(ctx, s.q(`SELECT value FROM meta WHERE name = 'window'`)).Scan(&v)
		have := -1
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("read window: %w", err)
		default:
			if _, err := fmt.Sscan(v, &have); err != nil {
				return fmt.Errorf("stored window %q: %w", v, err)
			}
		}
		switch {
		case want < 0 && have >= 0:
			s.window = have
			return nil
		case want < 0:
			want = DefaultWindow
		case want == have:
			s.window = have
			return nil
		}
		s.window = want
		if _, err := w.tx.ExecContext(ctx, s.q(`INSERT INTO meta (name, value) VALUES ('window', ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`), itoa(want)); err != nil {
			return fmt.Errorf("record window: %w", err)
		}
		if have < 0 {
			return nil
		}
		return s.reclusterAll(ctx, w)
	})
}
