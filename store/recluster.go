package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// recluster recomputes the events of every touched key around the touched
// days. Touched days closer than 2*window+1 are handled as one range, so a
// batch of many mentions of one key clusters once.
func (s *SQLStore) recluster(w *writer, t touched) error {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		days := t[key]
		slices.Sort(days)
		days = slices.Compact(days)
		start := 0
		for i := 1; i <= len(days); i++ {
			if i < len(days) && days[i]-days[i-1] <= 2*s.window+1 {
				continue
			}
			if err := s.reclusterRange(w, key, days[start], days[i-1]); err != nil {
				return fmt.Errorf("cluster %q: %w", key, err)
			}
			start = i
		}
	}
	return nil
}

// reclusterAll rebuilds every event, after the window changed.
func (s *SQLStore) reclusterAll(ctx context.Context, w *writer) error {
	for _, q := range []string{`DELETE FROM event_terms`, `DELETE FROM events`, `UPDATE mentions SET event_pk = NULL`} {
		if _, err := w.tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	rows, err := w.tx.QueryContext(ctx, `SELECT key, MIN(day), MAX(day) FROM mentions GROUP BY key`)
	if err != nil {
		return fmt.Errorf("keys: %w", err)
	}
	type span struct {
		key    string
		lo, hi int
	}
	var spans []span
	for rows.Next() {
		var sp span
		if err := rows.Scan(&sp.key, &sp.lo, &sp.hi); err != nil {
			rows.Close()
			return fmt.Errorf("keys: %w", err)
		}
		spans = append(spans, sp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("keys: %w", err)
	}
	for _, sp := range spans {
		if err := s.reclusterRange(w, sp.key, sp.lo, sp.hi); err != nil {
			return fmt.Errorf("cluster %q: %w", sp.key, err)
		}
	}
	return nil
}

// reclusterRange recomputes the events of key that a change of mentions on
// days [a, b] can affect. Events of one key are disjoint day ranges more
// than window days apart, so the affected ones are those starting in
// [a-window, b+window] and the last one starting before that if it reaches
// into it. Every stored mention of key in the span of those events and
// [a, b] belongs to one of them or is new; those mentions are clustered
// again and the events rewritten.
func (s *SQLStore) reclusterRange(w *writer, key string, a, b int) error {
	win := s.window
	lo, hi := a, b
	var stale []storedEvent
	st, err := w.stmt(`SELECT pk, first_day, last_day, mentions, sources, first_seen, last_seen, rep_pk FROM events
		WHERE key = ? AND first_day >= ? AND first_day <= ?
		UNION ALL SELECT * FROM (SELECT pk, first_day, last_day, mentions, sources, first_seen, last_seen, rep_pk FROM events
		WHERE key = ? AND first_day < ? ORDER BY first_day DESC LIMIT 1) AS prev`)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(w.ctx, key, a-win, b+win, key, a-win)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	for rows.Next() {
		var e storedEvent
		if err := rows.Scan(&e.pk, &e.firstDay, &e.lastDay, &e.mentions, &e.sources, &e.firstSeen, &e.lastSeen, &e.repPK); err != nil {
			rows.Close()
			return fmt.Errorf("events: %w", err)
		}
		if e.lastDay < a-win {
			continue
		}
		stale = append(stale, e)
		lo, hi = min(lo, e.firstDay), max(hi, e.lastDay)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	fresh, haveFresh := w.fresh[key]
	haveFresh = haveFresh && !w.noFresh
	if haveFresh {
		var in []member
		for _, m := range fresh {
			if m.day >= a && m.day <= b {
				in = append(in, m)
			}
		}
		fresh = in
	}
	if haveFresh && len(fresh) == 0 {
		// An earlier range of this key reached over these days and
		// clustered their mentions already.
		return nil
	}
	if haveFresh && len(stale) == 1 && joins(stale[0], fresh, win) {
		// The usual case for news: more reports of a known event. It
		// grows in place instead of being read back and written anew.
		return s.growEvent(w, key, stale[0], fresh)
	}
	for _, e := range stale {
		pk := e.pk
		if err := w.settleTerms(pk); err != nil {
			return err
		}
		if err := w.exec(`DELETE FROM event_terms WHERE event_pk = ?`, pk); err != nil {
			return err
		}
		if err := w.exec(`DELETE FROM events WHERE pk = ?`, pk); err != nil {
			return err
		}
		delete(w.grown, pk) // SQLite may give the pk to a new event
	}
	var members []member
	if haveFresh && len(stale) == 0 {
		// No event around: the only mentions of key in [a, b] are the ones
		// this batch wrote, and they are at hand.
		members = fresh
	} else {
		var err error
		if members, err = s.members(w, key, lo, hi); err != nil {
			return err
		}
	}
	if len(members) == 0 {
		return nil
	}
	for _, c := range clusterMembers(members, win) {
		if err := s.writeEvent(w, key, c); err != nil {
			return err
		}
	}
	if haveFresh {
		// This batch's mentions in [lo, hi] have their events now, even
		// those of later ranges that the stale events reached over.
		w.fresh[key] = slices.DeleteFunc(w.fresh[key], func(m member) bool { return m.day >= lo && m.day <= hi })
	}
	return nil
}

func (s *SQLStore) members(w *writer, key string, lo, hi int) ([]member, error) {
	st, err := w.stmt(`SELECT m.pk, m.doc_pk, m.day, m.doc_date, d.id, m.ord, m.terms, m.type, m.cameo, m.negated, m.aux, m.actor, m.recipient
		FROM mentions m JOIN documents d ON d.pk = m.doc_pk WHERE m.key = ? AND m.day >= ? AND m.day <= ?`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(w.ctx, key, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	var ms []member
	for rows.Next() {
		var m member
		var terms string
		if err := rows.Scan(&m.pk, &m.docPK, &m.day, &m.docDate, &m.docID, &m.ord, &terms,
			&m.typ, &m.cameo, &m.negated, &m.aux, &m.actor, &m.recipient); err != nil {
			return nil, fmt.Errorf("mentions: %w", err)
		}
		if terms != "" {
			m.terms = strings.Split(terms, "\n")
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}

func (s *SQLStore) writeEvent(w *writer, key string, c cluster) error {
	r := c.rep()
	pk, err := w.insert(`INSERT INTO events (key, first_day, last_day, type, cameo, negated, aux, actor, recipient,
		mentions, sources, first_seen, last_seen, rep_pk) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`,
		key, c.firstDay, c.lastDay, r.typ, r.cameo, r.negated, r.aux, r.actor, r.recipient,
		len(c.members), c.sources, c.firstSeen, c.lastSeen, r.pk)
	if err != nil {
		return err
	}
	for _, tm := range c.terms {
		role, term := splitTerm(tm)
		w.terms.rows = append(w.terms.rows, []any{pk, role, term, c.firstDay})
	}
	w.pendingTerms[pk] = true
	// Its sources, should a later range of this batch grow it.
	docs := make(map[int64]bool, c.sources)
	for _, m := range c.members {
		docs[m.docPK] = true
	}
	w.grown[pk] = docs
	// The events of one key are disjoint day ranges, so every mention of
	// the key in this one's range is one of its members.
	return w.exec(`UPDATE mentions SET event_pk = ? WHERE key = ? AND day >= ? AND day <= ?`, pk, key, c.firstDay, c.lastDay)
}

// storedEvent is the part of an events row that growing it needs.
type storedEvent struct {
	pk, repPK           int64
	firstDay, lastDay   int
	mentions, sources   int
	firstSeen, lastSeen string
}

// joins reports whether the new mentions and the event form one cluster:
// the event's day range and the new days chain with no gap over win. (The
// event's own mentions chain inside its range.) No mention of the key was
// removed in this batch, or fresh would not be used.
func joins(e storedEvent, fresh []member, win int) bool {
	days := make([]int, len(fresh))
	for i, m := range fresh {
		days[i] = m.day
	}
	slices.Sort(days)
	first, last := e.firstDay, e.lastDay
	// Days before the event chain towards it from the left, days after it
	// away from it to the right; each must be within win of the chain.
	i := sort.SearchInts(days, first)
	for j := i - 1; j >= 0; j-- {
		if first-days[j] > win {
			return false
		}
		first = days[j]
	}
	for _, d := range days[i:] {
		if d <= last {
			continue
		}
		if d-last > win {
			return false
		}
		last = d
	}
	return true
}

// growEvent adds new mentions of key to the event e they join.
func (s *SQLStore) growEvent(w *writer, key string, e storedEvent, fresh []member) error {
	slices.SortFunc(fresh, memberOrder)
	var rep member
	st, err := w.stmt(`SELECT m.day, m.doc_date, d.id, m.ord FROM mentions m JOIN documents d ON d.pk = m.doc_pk WHERE m.pk = ?`)
	if err != nil {
		return err
	}
	if err := st.QueryRowContext(w.ctx, e.repPK).Scan(&rep.day, &rep.docDate, &rep.docID, &rep.ord); err != nil {
		return fmt.Errorf("event %d representative: %w", e.pk, err)
	}
	rep.pk = e.repPK
	first, last := e.firstDay, e.lastDay
	// The documents of fresh mentions are new in this batch, so none is
	// among the event's sources unless this batch already put it there
	// (w.grown knows which).
	added := w.grown[e.pk]
	if added == nil {
		added = map[int64]bool{}
		w.grown[e.pk] = added
	}
	newDocs := 0
	var terms []string
	for _, m := range fresh {
		first, last = min(first, m.day), max(last, m.day)
		if !added[m.docPK] {
			added[m.docPK] = true
			newDocs++
		}
		if m.docDate < e.firstSeen {
			e.firstSeen = m.docDate
		}
		if m.docDate > e.lastSeen {
			e.lastSeen = m.docDate
		}
		terms = append(terms, m.terms...)
	}
	if first != e.firstDay {
		if err := w.settleTerms(e.pk); err != nil {
			return err
		}
		if err := w.exec(`UPDATE event_terms SET day = ? WHERE event_pk = ?`, first, e.pk); err != nil {
			return err
		}
	}
	if memberOrder(fresh[0], rep) < 0 {
		r := fresh[0]
		err = w.exec(`UPDATE events SET first_day = ?, last_day = ?, mentions = ?, sources = ?, first_seen = ?, last_seen = ?,
			rep_pk = ?, type = ?, cameo = ?, negated = ?, aux = ?, actor = ?, recipient = ? WHERE pk = ?`,
			first, last, e.mentions+len(fresh), e.sources+newDocs, e.firstSeen, e.lastSeen,
			r.pk, r.typ, r.cameo, r.negated, r.aux, r.actor, r.recipient, e.pk)
	} else {
		err = w.exec(`UPDATE events SET first_day = ?, last_day = ?, mentions = ?, sources = ?, first_seen = ?, last_seen = ? WHERE pk = ?`,
			first, last, e.mentions+len(fresh), e.sources+newDocs, e.firstSeen, e.lastSeen, e.pk)
	}
	if err != nil {
		return err
	}
	slices.Sort(terms)
	for _, tm := range slices.Compact(terms) {
		role, term := splitTerm(tm)
		w.newTerms.rows = append(w.newTerms.rows, []any{e.pk, role, term, first})
	}
	w.pendingTerms[e.pk] = true
	return w.exec(`UPDATE mentions SET event_pk = ? WHERE key = ? AND day >= ? AND day <= ? AND event_pk IS NULL`, e.pk, key, first, last)
}
