package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Browser is what an interactive viewer (dyad serve) needs beyond Store:
// one page of events in any order, single documents and events by id,
// actor autocompletion, and aggregates computed in the database. *SQLStore
// implements it; it is an interface of its own so that the fakes other
// packages write for Store need not grow.
type Browser interface {
	Store
	// EventPage returns one page of the events that match f (f.Limit is
	// ignored) in the order p.Sort names, and whether more follow.
	EventPage(ctx context.Context, f Filter, p Page) ([]Event, bool, error)
	// CountEvents counts the events that match f (f.Limit is ignored).
	CountEvents(ctx context.Context, f Filter) (int, error)
	// EventByID returns the event that the mention with this record id
	// belongs to, and all its mentions by date. ErrNotFound when no
	// mention has that id.
	EventByID(ctx context.Context, id string) (Event, []dyad.Event, error)
	// Document returns a stored document and its mentions in document
	// order. ErrNotFound when there is none.
	Document(ctx context.Context, id string) (dyad.Document, []dyad.Event, error)
	// Actors suggests actors for a partial input: codes that start with
	// it and names that contain it, most frequent first.
	Actors(ctx context.Context, q string, limit int) ([]ActorCount, error)
	// Timeline counts the events that match f per day, by quad class,
	// with their Goldstein sum.
	Timeline(ctx context.Context, f Filter) ([]DayCount, error)
	// Dyads counts the events that match f per actor and recipient
	// country (the codes of each event's representative mention).
	Dyads(ctx context.Context, f Filter) ([]DyadCount, error)
	// CheckText runs a full-text query alone, to tell a query the database
	// cannot parse (an error wrapping ErrBadText) from other failures.
	CheckText(ctx context.Context, text string) error
}

// ErrBadText says that the database could not run a full-text query.
var ErrBadText = errors.New("not a valid full-text query")

// ErrNotFound says that a document or event is not in the store.
var ErrNotFound = errors.New("not found")

// Sort orders of EventPage: a column, descending with a leading "-".
var Sorts = []string{"date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"}

// Page is one page of a sorted event list.
type Page struct {
	Sort   string // one of Sorts; "" is "date"
	Offset int
	Limit  int
}

// ActorCount is an autocompletion suggestion: a code (with Name empty) or
// a name as the text resolved it (with the code of one of its mentions),
// and how many events it takes part in as actor or recipient.
type ActorCount struct {
	Name  string `json:"name"`
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// DayCount is one day of a timeline.
type DayCount struct {
	Date      string // YYYY-MM-DD
	Quad      [4]int // events of quad classes 1-4
	Events    int
	Goldstein float64 // the sum over the day's events
}

// DyadCount is how many events one actor country directed at one
// recipient country, and the sum of their Goldstein values.
type DyadCount struct {
	Actor, Recipient string
	Events           int
	Goldstein        float64
}

// recordNumber is SQL reading a number field of a stored record (JSON).
func (s *SQLStore) recordNumber(column, key string) string {
	format := s.d.RecordNumber
	if format == "" {
		format = `CAST(json_extract(%[1]s, '$.%[2]s') AS REAL)`
	}
	return fmt.Sprintf(format, column, key)
}

// EventPage returns one sorted page of events; see Browser.
func (s *SQLStore) EventPage(ctx context.Context, f Filter, p Page) ([]Event, bool, error) {
	f.Limit = 0
	if err := f.Validate(); err != nil {
		return nil, false, err
	}
	if p.Offset < 0 || p.Limit <= 0 {
		return nil, false, fmt.Errorf("bad page: offset %d, limit %d", p.Offset, p.Limit)
	}
	eq := s.eventQuery(f)
	desc, column := "", strings.TrimPrefix(p.Sort, "-")
	if strings.HasPrefix(p.Sort, "-") {
		desc = " DESC"
	}
	// Ties are broken by date then pk, in the same direction, so that
	// pages never overlap. The page is chosen first from the sort key
	// alone, and only its rows' records are read: sorting the whole
	// records of every matching event would cost far more.
	var key string
	switch column {
	case "", "date":
	case "goldstein":
		key = s.recordNumber("m.record", "goldstein")
	case "mentions":
		key = "e.mentions"
	default:
		return nil, false, fmt.Errorf("unknown sort %q (want one of %s)", p.Sort, strings.Join(Sorts, " "))
	}
	// By date, the indexes give the order and the page is read directly.
	query := `SELECT e.pk, e.first_day, e.mentions, e.first_seen, e.last_seen, m.record
		FROM ` + eq.from + ` JOIN mentions m ON m.pk = e.rep_pk` + where(eq.conds) +
		` ORDER BY ` + eq.day + desc + `, ` + eq.pk + desc + ` LIMIT ? OFFSET ?`
	if key != "" {
		from := eq.from
		if column == "goldstein" {
			from += " JOIN mentions m ON m.pk = e.rep_pk"
		}
		inner := `SELECT ` + eq.pk + ` AS pk, ` + key + ` AS k, ` + eq.day + ` AS d FROM ` + from + where(eq.conds) +
			` ORDER BY 2` + desc + `, 3` + desc + `, 1` + desc + ` LIMIT ? OFFSET ?`
		query = `SELECT e.pk, e.first_day, e.mentions, e.first_seen, e.last_seen, m.record
			FROM (` + inner + `) p JOIN events e ON e.pk = p.pk JOIN mentions m ON m.pk = e.rep_pk
			ORDER BY p.k` + desc + `, p.d` + desc + `, p.pk` + desc
	}
	args := append(slices.Clone(eq.args), p.Limit+1, p.Offset)
	page, pks, err := s.eventPage(ctx, s.q(query), args)
	if err != nil {
		return nil, false, err
	}
	more := len(page) > p.Limit
	if more {
		page, pks = page[:p.Limit], pks[:p.Limit]
	}
	if err := s.addSources(ctx, page, pks); err != nil {
		return nil, false, err
	}
	out := make([]Event, len(page))
	for i := range page {
		out[i] = page[i].Event
	}
	return out, more, nil
}

// CountEvents counts the events that match f.
func (s *SQLStore) CountEvents(ctx context.Context, f Filter) (int, error) {
	f.Limit = 0
	if err := f.Validate(); err != nil {
		return 0, err
	}
	eq := s.eventQuery(f)
	var n int64
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM `+eq.from+where(eq.conds)), eq.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return int(n), nil
}

// EventByID returns an event by the record id of any of its mentions.
func (s *SQLStore) EventByID(ctx context.Context, id string) (Event, []dyad.Event, error) {
	var eventPK sql.NullInt64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT event_pk FROM mentions WHERE id = ? ORDER BY pk LIMIT 1`), id).Scan(&eventPK)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Event{}, nil, fmt.Errorf("event %s: %w", id, ErrNotFound)
	case err != nil:
		return Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	case !eventPK.Valid:
		// Only between a write and its clustering, which share a
		// transaction: not seen by readers, but never trusted blindly.
		return Event{}, nil, fmt.Errorf("event %s: %w", id, ErrNotFound)
	}
	page, pks, err := s.eventPage(ctx, s.q(`SELECT e.pk, e.first_day, e.mentions, e.first_seen, e.last_seen, m.record
		FROM events e JOIN mentions m ON m.pk = e.rep_pk WHERE e.pk = ?`), []any{eventPK.Int64})
	if err != nil {
		return Event{}, nil, err
	}
	if len(page) == 0 {
		return Event{}, nil, fmt.Errorf("event %s: %w", id, ErrNotFound)
	}
	if err := s.addSources(ctx, page, pks); err != nil {
		return Event{}, nil, err
	}
	mentions, err := s.records(ctx, `SELECT record FROM mentions WHERE event_pk = ? ORDER BY day, pk`, eventPK.Int64)
	if err != nil {
		return Event{}, nil, fmt.Errorf("event %s: %w", id, err)
	}
	return page[0].Event, mentions, nil
}

// Document returns a stored document and its mentions.
func (s *SQLStore) Document(ctx context.Context, id string) (dyad.Document, []dyad.Event, error) {
	var (
		d    dyad.Document
		pk   int64
		date string
	)
	err := s.db.QueryRowContext(ctx, s.q(`SELECT pk, id, date, url, title, source, body, origin FROM documents WHERE id = ?`), id).
		Scan(&pk, &d.ID, &date, &d.URL, &d.Title, &d.Source, &d.Body, &d.Origin)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return d, nil, fmt.Errorf("document %s: %w", id, ErrNotFound)
	case err != nil:
		return d, nil, fmt.Errorf("document %s: %w", id, err)
	}
	if date != "" {
		if d.Date, err = time.Parse(dyad.DateLayout, date); err != nil {
			return d, nil, fmt.Errorf("document %s: stored date %q: %w", id, date, err)
		}
	}
	mentions, err := s.records(ctx, `SELECT record FROM mentions WHERE doc_pk = ? ORDER BY ord`, pk)
	if err != nil {
		return d, nil, fmt.Errorf("document %s: %w", id, err)
	}
	return d, mentions, nil
}

// records reads stored mention records.
func (s *SQLStore) records(ctx context.Context, query string, args ...any) ([]dyad.Event, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	out := []dyad.Event{}
	for rows.Next() {
		var record string
		if err := rows.Scan(&record); err != nil {
			return nil, fmt.Errorf("mentions: %w", err)
		}
		var ev dyad.Event
		if err := json.Unmarshal([]byte(record), &ev); err != nil {
			return nil, fmt.Errorf("stored record: %w", err)
		}
		out = append(out, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	return out, nil
}

// maxNameCandidates bounds how many matching names Actors counts: a
// one-letter input matches most names, and only the first few are shown.
const maxNameCandidates = 200

// Actors suggests codes and names; see Browser.
func (s *SQLStore) Actors(ctx context.Context, q string, limit int) ([]ActorCount, error) {
	q = strings.TrimSpace(q)
	if limit <= 0 {
		limit = 10
	}
	var out []ActorCount
	// Codes that start with q: a range of the (role, term) index per role,
	// which name terms ("n:...", lower case) never fall in.
	if code := strings.ToUpper(q); looksLikeCode(code) || q == "" {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT term, COUNT(DISTINCT event_pk) FROM event_terms
			WHERE role IN (?, ?) AND term >= ? AND term < ? AND term LIKE ? ESCAPE '\' AND term NOT LIKE 'n:%'
			GROUP BY term ORDER BY COUNT(DISTINCT event_pk) DESC, term LIMIT ?`),
			roleActor, roleRecipient, code, prefixEnd(code), escapeLike(code)+"%", limit)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		for rows.Next() {
			var a ActorCount
			var n int64
			if err := rows.Scan(&a.Code, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("actors: %w", err)
			}
			a.Count = int(n)
			out = append(out, a)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
	}
	if q == "" {
		return out, nil
	}
	// Names that contain q, counted through the index on (role, term).
	names, err := s.strings(ctx, `SELECT term FROM names WHERE term LIKE ? ESCAPE '\' ORDER BY term LIMIT ?`,
		"n:%"+escapeLike(foldName(q))+"%", maxNameCandidates)
	if err != nil {
		return nil, fmt.Errorf("actor names: %w", err)
	}
	type candidate struct {
		ActorCount
		eventPK int64 // one event that carries the name
	}
	var found []candidate
	for _, term := range names {
		var n, eventPK int64
		err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(DISTINCT event_pk), MIN(event_pk) FROM event_terms WHERE role IN (?, ?) AND term = ?`),
			roleActor, roleRecipient, term).Scan(&n, &eventPK)
		if err != nil || n == 0 {
			continue // a name no stored event carries any more
		}
		found = append(found, candidate{ActorCount{Name: strings.TrimPrefix(term, "n:"), Count: int(n)}, eventPK})
	}
	slices.SortStableFunc(found, func(a, b candidate) int { return cmp.Compare(b.Count, a.Count) })
	found = found[:min(len(found), limit)]
	// The name as written and its code, from one event that carries it.
	for i := range found {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT me.name, me.code FROM mentions m JOIN mention_entities me ON me.mention_pk = m.pk
			WHERE m.event_pk = ?`), found[i].eventPK)
		if err != nil {
			return nil, fmt.Errorf("actor names: %w", err)
		}
		for rows.Next() {
			var name, code string
			if err := rows.Scan(&name, &code); err != nil {
				rows.Close()
				return nil, fmt.Errorf("actor names: %w", err)
			}
			if foldName(name) == found[i].Name {
				found[i].Name, found[i].Code = name, code
				break
			}
		}
		rows.Close()
		out = append(out, found[i].ActorCount)
	}
	slices.SortStableFunc(out, func(a, b ActorCount) int { return cmp.Compare(b.Count, a.Count) })
	if out == nil {
		out = []ActorCount{}
	}
	return out[:min(len(out), limit)], nil
}

// prefixEnd is the least string above every string that starts with an
// ASCII prefix ("RU" -> "RV"); "~" bounds every code from above.
func prefixEnd(prefix string) string {
	for i := 0; i < len(prefix); i++ {
		if prefix[i] >= utf8.RuneSelf {
			return prefix + string(utf8.MaxRune)
		}
	}
	if prefix == "" || prefix[len(prefix)-1] >= '~' {
		return prefix + "~"
	}
	return prefix[:len(prefix)-1] + string(prefix[len(prefix)-1]+1)
}

func (s *SQLStore) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Timeline counts events per day and quad class; see Browser.
func (s *SQLStore) Timeline(ctx context.Context, f Filter) ([]DayCount, error) {
	f.Limit = 0
	if err := f.Validate(); err != nil {
		return nil, err
	}
	eq := s.eventQuery(f)
	quad := s.recordNumber("m.record", "quad_code")
	query := `SELECT ` + eq.day + `, ` + quad + `, COUNT(*), SUM(` + s.recordNumber("m.record", "goldstein") + `)
		FROM ` + eq.from + ` JOIN mentions m ON m.pk = e.rep_pk` + where(eq.conds) +
		` GROUP BY ` + eq.day + `, ` + quad + ` ORDER BY ` + eq.day
	rows, err := s.db.QueryContext(ctx, s.q(query), eq.args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []DayCount
	for rows.Next() {
		var (
			day       int
			q         sql.NullFloat64
			n         int64
			goldstein sql.NullFloat64
		)
		if err := rows.Scan(&day, &q, &n, &goldstein); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		date := dayDate(day)
		if len(out) == 0 || out[len(out)-1].Date != date {
			out = append(out, DayCount{Date: date})
		}
		d := &out[len(out)-1]
		if c := int(q.Float64); c >= 1 && c <= 4 {
			d.Quad[c-1] += int(n)
		}
		d.Events += int(n)
		d.Goldstein += goldstein.Float64
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return out, nil
}

// Dyads counts events per actor and recipient country; see Browser.
func (s *SQLStore) Dyads(ctx context.Context, f Filter) ([]DyadCount, error) {
	f.Limit = 0
	if err := f.Validate(); err != nil {
		return nil, err
	}
	eq := s.eventQuery(f)
	query := `SELECT a.code, r.code, COUNT(*), SUM(` + s.recordNumber("m.record", "goldstein") + `)
		FROM ` + eq.from + ` JOIN mentions m ON m.pk = e.rep_pk
		JOIN mention_entities a ON a.mention_pk = e.rep_pk AND a.role = 'A'
		JOIN mention_entities r ON r.mention_pk = e.rep_pk AND r.role = 'R'` +
		where(append(slices.Clone(eq.conds), `a.code <> ''`, `r.code <> ''`)) +
		` GROUP BY a.code, r.code ORDER BY COUNT(*) DESC, a.code, r.code`
	rows, err := s.db.QueryContext(ctx, s.q(query), eq.args...)
	if err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	defer rows.Close()
	var out []DyadCount
	for rows.Next() {
		var (
			d         DyadCount
			n         int64
			goldstein sql.NullFloat64
		)
		if err := rows.Scan(&d.Actor, &d.Recipient, &n, &goldstein); err != nil {
			return nil, fmt.Errorf("dyads: %w", err)
		}
		d.Events, d.Goldstein = int(n), goldstein.Float64
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	return out, nil
}

// CheckText runs a full-text query alone; see Browser.
func (s *SQLStore) CheckText(ctx context.Context, text string) error {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT 1 FROM (`+s.d.TextDocs+`) t LIMIT 1`), text)
	if err == nil {
		for rows.Next() {
		}
		err = rows.Err()
		rows.Close()
	}
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("%w: %v", ErrBadText, err)
	}
	return err
}
