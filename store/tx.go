package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// writer is one writing transaction with its prepared statements.
type writer struct {
	ctx     context.Context
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	s       *SQLStore
	written []int64 // pks of the documents written, for the full-text index

	// Rows of the two tables that take several rows per mention or event,
	// inserted many per statement: a statement costs more than a row.
	entities, terms rowBuffer
	newTerms        rowBuffer      // terms a grown event may have already
	pendingTerms    map[int64]bool // events with rows in terms

	// fresh holds, per key, the mentions this batch wrote, so that a key
	// with no events nearby clusters without reading them back. A key
	// whose mentions were also removed in this batch is not in it.
	fresh   map[string][]member
	noFast  map[string]bool
	noFresh bool
	grown   map[int64]map[int64]bool // event pk -> documents growEvent added
}

// rowBuffer holds rows for one table until they are flushed.
type rowBuffer struct {
	insert string // "INSERT INTO table (a, b, c) VALUES "
	suffix string // after the rows, e.g. " ON CONFLICT DO NOTHING"
	width  int
	rows   [][]any
}

// settleTerms writes the buffered term rows when event pk has some, before
// its rows are deleted or re-dated.
func (w *writer) settleTerms(pk int64) error {
	if !w.pendingTerms[pk] {
		return nil
	}
	clear(w.pendingTerms)
	if err := w.flush(&w.terms); err != nil {
		return err
	}
	return w.flush(&w.newTerms)
}

func (w *writer) flush(b *rowBuffer) error {
	per := max(1, 900/b.width) // well under every database's parameter limit
	row := "(?" + strings.Repeat(", ?", b.width-1) + ")"
	for i := 0; i < len(b.rows); i += per {
		chunk := b.rows[i:min(i+per, len(b.rows))]
		args := make([]any, 0, len(chunk)*b.width)
		for _, r := range chunk {
			args = append(args, r...)
		}
		if err := w.exec(b.insert+row+strings.Repeat(", "+row, len(chunk)-1)+b.suffix, args...); err != nil {
			return err
		}
	}
	b.rows = b.rows[:0]
	return nil
}

func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, w.s.q(query))
	if err != nil {
		return nil, fmt.Errorf("prepare %q: %w", firstLine(query), err)
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writer) exec(query string, args ...any) error {
	st, err := w.stmt(query)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(w.ctx, args...); err != nil {
		return fmt.Errorf("%s: %w", firstLine(query), err)
	}
	return nil
}

// insert runs an INSERT ... RETURNING pk.
func (w *writer) insert(query string, args ...any) (int64, error) {
	st, err := w.stmt(query)
	if err != nil {
		return 0, err
	}
	var pk int64
	if err := st.QueryRowContext(w.ctx, args...).Scan(&pk); err != nil {
		return 0, fmt.Errorf("%s: %w", firstLine(query), err)
	}
	return pk, nil
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i > 0 {
		q = q[:i]
	}
	return q
}

func (s *SQLStore) inTx(ctx context.Context, fn func(*writer) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	w := &writer{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, s: s, pendingTerms: map[int64]bool{},
		fresh: map[string][]member{}, noFast: map[string]bool{}, grown: map[int64]map[int64]bool{},
		entities: rowBuffer{insert: `INSERT INTO mention_entities (mention_pk, role, idx, text, name, code, sector, cameo, start_offset, end_offset) VALUES `, width: 10},
		terms:    rowBuffer{insert: `INSERT INTO event_terms (event_pk, role, term, day) VALUES `, width: 4},
		newTerms: rowBuffer{insert: `INSERT INTO event_terms (event_pk, role, term, day) VALUES `, width: 4, suffix: ` ON CONFLICT DO NOTHING`},
	}
	defer func() {
		for _, st := range w.stmts {
			st.Close()
		}
	}()
	if s.d.LockWrites != "" {
		if _, err := tx.ExecContext(ctx, s.d.LockWrites); err != nil {
			tx.Rollback()
			return fmt.Errorf("lock: %w", err)
		}
	}
	err = fn(w)
	if err == nil {
		err = w.flush(&w.entities)
	}
	if err == nil {
		err = w.flush(&w.terms)
	}
	if err == nil {
		err = w.flush(&w.newTerms)
	}
	if err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
