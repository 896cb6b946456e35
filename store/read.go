package store

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// Counts returns the sizes of the store.
func (s *SQLStore) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM events)`).
		Scan(&c.Documents, &c.Mentions, &c.Events)
	if err != nil {
		return c, fmt.Errorf("count: %w", err)
	}
	return c, nil
}

// Stats counts events by type, top actors and month.
func (s *SQLStore) Stats(ctx context.Context, topActors int) (Stats, error) {
	var st Stats
	var err error
	if st.Counts, err = s.Counts(ctx); err != nil {
		return st, err
	}
	if st.ByType, err = s.countRows(ctx, `SELECT type, COUNT(*), SUM(mentions) FROM events GROUP BY type ORDER BY COUNT(*) DESC, type`); err != nil {
		return st, err
	}
	if topActors <= 0 {
		topActors = 20
	}
	if st.ByActor, err = s.countRows(ctx, s.q(`SELECT actor, COUNT(*), SUM(mentions) FROM events GROUP BY actor ORDER BY COUNT(*) DESC, actor LIMIT ?`), topActors); err != nil {
		return st, err
	}
	days, err := s.countRows(ctx, `SELECT CAST(first_day AS TEXT), COUNT(*), SUM(mentions) FROM events GROUP BY first_day ORDER BY first_day`)
	if err != nil {
		return st, err
	}
	for _, d := range days {
		var day int
		fmt.Sscan(d.Key, &day)
		month := dayDate(day)[:7]
		if n := len(st.ByMonth); n > 0 && st.ByMonth[n-1].Key == month {
			st.ByMonth[n-1].Events += d.Events
			st.ByMonth[n-1].Mentions += d.Mentions
			continue
		}
		st.ByMonth = append(st.ByMonth, Count{Key: month, Events: d.Events, Mentions: d.Mentions})
	}
	return st, nil
}

func (s *SQLStore) countRows(ctx context.Context, query string, args ...any) ([]Count, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	var out []Count
	for rows.Next() {
		var c Count
		var ev, m int64
		if err := rows.Scan(&c.Key, &ev, &m); err != nil {
			return nil, fmt.Errorf("stats: %w", err)
		}
		c.Events, c.Mentions = int(ev), int(m)
		out = append(out, c)
	}
	return out, rows.Err()
}

// pageSize is how many rows a query reads at a time.
const pageSize = 1000

// eventQuery is a filter as SQL: the rows to read events from, the
// conditions, and the two columns that order events by date.
type eventQuery struct {
	from    string // "events e", or the terms of an actor code joined to events
	conds   []string
	args    []any // of from's join (none) and then of conds
	day, pk string
}

// eventQuery turns a filter into SQL over events e. With a code for an
// actor or recipient, the rows are read through that code's terms, which
// the index on (role, term, day) holds in date order: the first page of
// "everything RUS did" is then read without sorting all of it.
func (s *SQLStore) eventQuery(f Filter) eventQuery {
	q := eventQuery{from: "events e", day: "e.first_day", pk: "e.pk"}
	from, hasFrom := f.fromDay()
	to, hasTo := f.toDay()
	driven := false
	termCond := func(role, x string) {
		x = strings.TrimSpace(x)
		alias := "t"
		var c string
		var a []any
		switch {
		case looksLikeCode(x) && !driven:
			driven = true
			q.from = "event_terms dt JOIN events e ON e.pk = dt.event_pk"
			q.day, q.pk = "dt.day", "dt.event_pk"
			alias = "dt"
			c = `dt.role = ? AND dt.term = ?`
			a = []any{role, x}
		case looksLikeCode(x):
			// A second code: a look-up of the primary key per event, as an
			// event's terms carry its first day.
			q.conds = append(q.conds, `EXISTS (SELECT 1 FROM event_terms t WHERE t.role = ? AND t.term = ? AND t.day = e.first_day AND t.event_pk = e.pk)`)
			q.args = append(q.args, role, x)
			return
		default:
			c = `e.pk IN (SELECT t.event_pk FROM event_terms t WHERE t.role = ? AND
				t.term IN (SELECT CAST(? AS TEXT) UNION ALL SELECT term FROM names WHERE term LIKE ? ESCAPE '\')`
			a = []any{role, strings.ToUpper(x), "n:%" + escapeLike(foldName(x)) + "%"}
		}
		// The day bounds are repeated on the terms so that the index on
		// (role, term, day) reads only the dates asked for.
		if hasFrom {
			c += ` AND ` + alias + `.day >= ?`
			a = append(a, from)
		}
		if hasTo {
			c += ` AND ` + alias + `.day <= ?`
			a = append(a, to)
		}
		if alias == "t" {
			c += ")"
		}
		q.conds = append(q.conds, c)
		q.args = append(q.args, a...)
	}
	if strings.TrimSpace(f.Actor) != "" {
		termCond(roleActor, f.Actor)
	}
	if strings.TrimSpace(f.Recipient) != "" {
		termCond(roleRecipient, f.Recipient)
	}
	add := func(cond string, args ...any) {
		q.conds = append(q.conds, cond)
		q.args = append(q.args, args...)
	}
	if f.Type != "" {
		add(`e.type = ?`, strings.ToUpper(f.Type))
	}
	if f.CAMEO != "" {
		add(`e.cameo LIKE ?`, f.CAMEO+"%")
	}
	if hasFrom {
		add(`e.first_day >= ?`, from)
	}
	if hasTo {
		add(`e.first_day <= ?`, to)
	}
	if f.Negated != nil {
		add(`e.negated = ?`, boolInt(*f.Negated))
	}
	if f.Text != "" {
		add(`e.pk IN (SELECT tm.event_pk FROM mentions tm WHERE tm.doc_pk IN (`+s.d.TextDocs+`))`, f.Text)
	}
	return q
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// Events yields the events that match f, ordered by first day.
func (s *SQLStore) Events(ctx context.Context, f Filter) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		if err := f.Validate(); err != nil {
			yield(Event{}, err)
			return
		}
		eq := s.eventQuery(f)
		lastDay, lastPK := 0, int64(0)
		seen := 0
		for first := true; ; first = false {
			n := pageSize
			if f.Limit > 0 {
				n = min(n, f.Limit-seen)
			}
			if n <= 0 {
				return
			}
			c, a := slices.Clone(eq.conds), slices.Clone(eq.args)
			if !first {
				c = append(c, fmt.Sprintf(`(%[1]s > ? OR (%[1]s = ? AND %[2]s > ?))`, eq.day, eq.pk))
				a = append(a, lastDay, lastDay, lastPK)
			}
			query := `SELECT e.pk, e.first_day, e.mentions, e.first_seen, e.last_seen, m.record
				FROM ` + eq.from + ` JOIN mentions m ON m.pk = e.rep_pk` + where(c) + ` ORDER BY ` + eq.day + `, ` + eq.pk + ` LIMIT ?`
			a = append(a, n)
			page, pks, err := s.eventPage(ctx, s.q(query), a)
			if err != nil {
				yield(Event{}, err)
				return
			}
			if err := s.addSources(ctx, page, pks); err != nil {
				yield(Event{}, err)
				return
			}
			for i := range page {
				if !yield(page[i].Event, nil) {
					return
				}
			}
			seen += len(page)
			if len(page) < n {
				return
			}
			lastDay, lastPK = page[len(page)-1].day, pks[len(pks)-1]
		}
	}
}

type pagedEvent struct {
	Event
	day int
}

func (s *SQLStore) eventPage(ctx context.Context, query string, args []any) ([]pagedEvent, []int64, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	var page []pagedEvent
	var pks []int64
	for rows.Next() {
		var pe pagedEvent
		var pk int64
		var record string
		if err := rows.Scan(&pk, &pe.day, &pe.Mentions, &pe.FirstSeen, &pe.LastSeen, &record); err != nil {
			return nil, nil, fmt.Errorf("query events: %w", err)
		}
		if err := json.Unmarshal([]byte(record), &pe.Event.Event); err != nil {
			return nil, nil, fmt.Errorf("event %d: stored record: %w", pk, err)
		}
		page = append(page, pe)
		pks = append(pks, pk)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("query events: %w", err)
	}
	return page, pks, nil
}

// addSources fills in the documents each event of a page was reported in.
func (s *SQLStore) addSources(ctx context.Context, page []pagedEvent, pks []int64) error {
	if len(pks) == 0 {
		return nil
	}
	index := make(map[int64]int, len(pks))
	args := make([]any, len(pks))
	for i, pk := range pks {
		index[pk] = i
		args[i] = pk
	}
	query := `SELECT DISTINCT m.event_pk, d.id FROM mentions m JOIN documents d ON d.pk = m.doc_pk
		WHERE m.event_pk IN (?` + strings.Repeat(", ?", len(pks)-1) + `)`
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return fmt.Errorf("event sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var id string
		if err := rows.Scan(&pk, &id); err != nil {
			return fmt.Errorf("event sources: %w", err)
		}
		if i, ok := index[pk]; ok {
			page[i].Sources = append(page[i].Sources, id)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("event sources: %w", err)
	}
	for i := range page {
		slices.Sort(page[i].Sources)
		if page[i].Sources == nil {
			page[i].Sources = []string{}
		}
	}
	return nil
}

// Mentions yields the mentions of the events that match f, by day. With a
// text query, only the mentions from matching documents.
func (s *SQLStore) Mentions(ctx context.Context, f Filter) iter.Seq2[dyad.Event, error] {
	return func(yield func(dyad.Event, error) bool) {
		if err := f.Validate(); err != nil {
			yield(dyad.Event{}, err)
			return
		}
		eq := s.eventQuery(f)
		var conds []string
		var args []any
		if len(eq.conds) > 0 {
			conds = append(conds, `m.event_pk IN (SELECT e.pk FROM `+eq.from+where(eq.conds)+`)`)
			args = append(args, eq.args...)
		}
		if f.Text != "" {
			conds = append(conds, `m.doc_pk IN (`+s.d.TextDocs+`)`)
			args = append(args, f.Text)
		}
		lastDay, lastPK := 0, int64(0)
		seen := 0
		for first := true; ; first = false {
			n := pageSize
			if f.Limit > 0 {
				n = min(n, f.Limit-seen)
			}
			if n <= 0 {
				return
			}
			c, a := slices.Clone(conds), slices.Clone(args)
			if !first {
				c = append(c, `(m.day > ? OR (m.day = ? AND m.pk > ?))`)
				a = append(a, lastDay, lastDay, lastPK)
			}
			a = append(a, n)
			rows, err := s.db.QueryContext(ctx, s.q(`SELECT m.pk, m.day, m.record FROM mentions m`+where(c)+` ORDER BY m.day, m.pk LIMIT ?`), a...)
			if err != nil {
				yield(dyad.Event{}, fmt.Errorf("query mentions: %w", err))
				return
			}
			var page []dyad.Event
			for rows.Next() {
				var record string
				if err := rows.Scan(&lastPK, &lastDay, &record); err != nil {
					rows.Close()
					yield(dyad.Event{}, fmt.Errorf("query mentions: %w", err))
					return
				}
				var ev dyad.Event
				if err := json.Unmarshal([]byte(record), &ev); err != nil {
					rows.Close()
					yield(dyad.Event{}, fmt.Errorf("mention %d: stored record: %w", lastPK, err))
					return
				}
				page = append(page, ev)
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				yield(dyad.Event{}, fmt.Errorf("query mentions: %w", err))
				return
			}
			for _, ev := range page {
				if !yield(ev, nil) {
					return
				}
			}
			seen += len(page)
			if len(page) < n {
				return
			}
		}
	}
}
