package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Has reports whether a document is stored with this hash and dictionaries
// version.
func (s *SQLStore) Has(ctx context.Context, id, hash, dictVersion string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM documents WHERE id = ? AND hash = ? AND dict_version = ?`),
		id, hash, dictVersion).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up document %s: %w", id, err)
	}
	return n > 0, nil
}

// touched collects the (key, day) pairs whose events must be recomputed.
type touched map[string][]int

func (t touched) add(key string, day int) { t[key] = append(t[key], day) }

// Put stores a batch in one transaction; see Store.
func (s *SQLStore) Put(ctx context.Context, dictVersion string, docs []Coded) (PutResult, error) {
	// Documents are checked before the transaction and normally all go in
	// at once. Only when the database rejects one is the batch redone with
	// a savepoint around each document, so that the bad one is rolled back
	// alone: savepoints are not free (SQLite's full-text index flushes at
	// every one of them).
	res, err := s.put(ctx, dictVersion, docs, false)
	if errors.Is(err, errDocFailed) {
		res, err = s.put(ctx, dictVersion, docs, true)
	}
	if err != nil {
		return PutResult{}, fmt.Errorf("store batch of %d documents: %w", len(docs), err)
	}
	return res, nil
}

// errDocFailed says that a document failed in a batch written without
// savepoints.
var errDocFailed = errors.New("a document failed")

func (s *SQLStore) put(ctx context.Context, dictVersion string, docs []Coded, savepoints bool) (PutResult, error) {
	var res PutResult
	err := s.inTx(ctx, func(w *writer) error {
		res = PutResult{}
		t := touched{}
		names := map[string]bool{}
		for i := range docs {
			d := &docs[i]
			if err := checkDoc(d.Doc); err != nil {
				res.Failed = append(res.Failed, DocError{ID: d.Doc.ID, Origin: d.Doc.Origin, Err: err})
				continue
			}
			if savepoints {
				// A rolled-back document's mentions would linger in
				// w.fresh: cluster from what the database holds.
				w.noFresh = true
				if _, err := w.tx.ExecContext(ctx, "SAVEPOINT doc"); err != nil {
					return fmt.Errorf("savepoint: %w", err)
				}
			}
			dt := touched{}
			nWritten, nEntities := len(w.written), len(w.entities.rows)
			outcome, n, err := s.putDoc(w, dictVersion, d, dt, names)
			switch {
			case err != nil && ctx.Err() != nil:
				return ctx.Err()
			case err != nil && !savepoints:
				return fmt.Errorf("%w: %s: %w", errDocFailed, d.Doc.ID, err)
			case err != nil:
				if _, rerr := w.tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT doc"); rerr != nil {
					return fmt.Errorf("roll back %s: %w (after %v)", d.Doc.ID, rerr, err)
				}
				w.written, w.entities.rows = w.written[:nWritten], w.entities.rows[:nEntities]
				res.Failed = append(res.Failed, DocError{ID: d.Doc.ID, Origin: d.Doc.Origin, Err: err})
			}
			if savepoints {
				if _, err := w.tx.ExecContext(ctx, "RELEASE SAVEPOINT doc"); err != nil {
					return fmt.Errorf("release savepoint: %w", err)
				}
			}
			if err != nil {
				continue
			}
			for k, days := range dt {
				t[k] = append(t[k], days...)
			}
			res.Mentions += n
			switch outcome {
			case added:
				res.Added++
			case replaced:
				res.Replaced++
			case unchanged:
				res.Unchanged++
			}
		}
		for name := range names {
			if err := w.exec(`INSERT INTO names (term) VALUES (?) ON CONFLICT (term) DO NOTHING`, name); err != nil {
				return err
			}
		}
		if err := s.indexText(w); err != nil {
			return err
		}
		return s.recluster(w, t)
	})
	return res, err
}

// indexText adds the documents written in this transaction to the
// full-text index, in a few large statements.
func (s *SQLStore) indexText(w *writer) error {
	if s.d.TextIndexAdd == "" {
		return nil
	}
	const chunk = 500
	for i := 0; i < len(w.written); i += chunk {
		pks := w.written[i:min(i+chunk, len(w.written))]
		args := make([]any, len(pks))
		for j, pk := range pks {
			args[j] = pk
		}
		q := fmt.Sprintf(s.d.TextIndexAdd, "?"+strings.Repeat(", ?", len(pks)-1))
		if _, err := w.tx.ExecContext(w.ctx, s.q(q), args...); err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
	}
	return nil
}

// checkDoc rejects what no database should be asked to store.
func checkDoc(d dyad.Document) error {
	if strings.TrimSpace(d.ID) == "" {
		return errors.New("document has no id")
	}
	for _, f := range []string{d.ID, d.Body, d.Title, d.URL, d.Source} {
		if !utf8.ValidString(f) || strings.IndexByte(f, 0) >= 0 {
			return errors.New("document text is not valid UTF-8 or holds NUL bytes")
		}
	}
	return nil
}

type putOutcome int

const (
	added putOutcome = iota
	replaced
	unchanged
)

// putDoc writes one document and its mentions, replacing an older version,
// and notes the keys and days whose events change.
func (s *SQLStore) putDoc(w *writer, dictVersion string, c *Coded, t touched, names map[string]bool) (putOutcome, int, error) {
	d := c.Doc
	hash := ContentHash(d)
	date := ""
	if !d.Date.IsZero() {
		date = d.Date.Format(dyad.DateLayout)
	}
	st, err := w.stmt(`SELECT pk, hash, dict_version FROM documents WHERE id = ?`)
	if err != nil {
		return 0, 0, err
	}
	var (
		pk              int64
		oldHash, oldVer string
		outcome         = added
	)
	err = st.QueryRowContext(w.ctx, d.ID).Scan(&pk, &oldHash, &oldVer)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		pk, err = w.insert(`INSERT INTO documents (id, date, url, title, source, body, hash, dict_version, origin)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`, d.ID, date, d.URL, d.Title, d.Source, d.Body, hash, dictVersion, d.Origin)
		if err != nil {
			return 0, 0, err
		}
		w.written = append(w.written, pk)
	case err != nil:
		return 0, 0, fmt.Errorf("look up document: %w", err)
	case oldHash == hash && oldVer == dictVersion:
		return unchanged, 0, nil
	default:
		outcome = replaced
		if err := s.removeMentions(w, pk, t); err != nil {
			return 0, 0, err
		}
		// A document written earlier in this batch is not in the index
		// yet: it is neither removed nor listed twice.
		if !slices.Contains(w.written, pk) {
			if s.d.TextIndexRemove != "" {
				if err := w.exec(s.d.TextIndexRemove, pk); err != nil {
					return 0, 0, err
				}
			}
			w.written = append(w.written, pk)
		}
		if err := w.exec(`UPDATE documents SET date = ?, url = ?, title = ?, source = ?, body = ?, hash = ?, dict_version = ?, origin = ?
			WHERE pk = ?`, date, d.URL, d.Title, d.Source, d.Body, hash, dictVersion, d.Origin, pk); err != nil {
			return 0, 0, err
		}
	}
	for ord, ev := range c.Events {
		if err := s.putMention(w, &d, pk, ord, ev, t, names); err != nil {
			return 0, 0, fmt.Errorf("mention %d (%s): %w", ord, ev.ID, err)
		}
	}
	return outcome, len(c.Events), nil
}

// removeMentions deletes a document's mentions before it is replaced.
func (s *SQLStore) removeMentions(w *writer, docPK int64, t touched) error {
	st, err := w.stmt(`SELECT key, day FROM mentions WHERE doc_pk = ?`)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(w.ctx, docPK)
	if err != nil {
		return fmt.Errorf("old mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key string
		var day int
		if err := rows.Scan(&key, &day); err != nil {
			return fmt.Errorf("old mentions: %w", err)
		}
		t.add(key, day)
		w.noFast[key] = true
		delete(w.fresh, key)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("old mentions: %w", err)
	}
	rows.Close()
	if err := w.flush(&w.entities); err != nil { // they may be this document's
		return err
	}
	if err := w.exec(`DELETE FROM mention_entities WHERE mention_pk IN (SELECT pk FROM mentions WHERE doc_pk = ?)`, docPK); err != nil {
		return err
	}
	return w.exec(`DELETE FROM mentions WHERE doc_pk = ?`, docPK)
}

func (s *SQLStore) putMention(w *writer, d *dyad.Document, docPK int64, ord int, ev dyad.Event, t touched, names map[string]bool) error {
	ev = ev.WithEmptyLists()
	record, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encode record: %w", err)
	}
	key := MentionKey(ev)
	day, _ := mentionDay(ev.Date, ev.DocDate)
	terms := mentionTerms(ev)
	for _, tm := range terms {
		if _, term := splitTerm(tm); strings.HasPrefix(term, "n:") {
			names[term] = true
		}
	}
	mpk, err := w.insert(`INSERT INTO mentions (doc_pk, ord, id, key, day, date, doc_date, type, cameo, negated, aux, actor, recipient, terms, record)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`,
		docPK, ord, ev.ID, key, day, ev.Date, ev.DocDate, ev.Type, ev.CAMEO, boolInt(ev.Negated), ev.Aux,
		codesLabel(ev.Actor), codesLabel(ev.Recipient), strings.Join(terms, "\n"), string(record))
	if err != nil {
		return err
	}
	for _, side := range []struct {
		role string
		es   []dyad.Entity
	}{{roleActor, ev.Actor}, {roleRecipient, ev.Recipient}} {
		for i, e := range side.es {
			w.entities.rows = append(w.entities.rows, []any{mpk, side.role, i, e.Text, e.Name, e.Code, e.Sector, e.CAMEO, e.Start, e.End})
		}
	}
	t.add(key, day)
	if !w.noFresh && !w.noFast[key] {
		w.fresh[key] = append(w.fresh[key], member{
			pk: mpk, docPK: docPK, day: day, docDate: ev.DocDate, docID: d.ID, ord: ord, terms: terms,
			typ: ev.Type, cameo: ev.CAMEO, aux: ev.Aux, actor: codesLabel(ev.Actor), recipient: codesLabel(ev.Recipient), negated: boolInt(ev.Negated),
		})
	}
	return nil
}
