package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Check recomputes every event from the stored mentions, the way a store
// built from scratch would cluster them, and reports the first difference
// from the stored events: the test oracle of the incremental clustering,
// and a way to audit a store.
func (s *SQLStore) Check(ctx context.Context) error {
	byKey := map[string][]member{}
	eventOf := map[int64]int64{} // mention pk -> event pk
	rows, err := s.db.QueryContext(ctx, `SELECT m.pk, m.doc_pk, m.day, m.doc_date, d.id, m.ord, m.terms, m.type, m.cameo, m.negated,
		m.aux, m.actor, m.recipient, m.key, COALESCE(m.event_pk, 0) FROM mentions m JOIN documents d ON d.pk = m.doc_pk`)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	for rows.Next() {
		var m member
		var terms, key string
		var ev int64
		if err := rows.Scan(&m.pk, &m.docPK, &m.day, &m.docDate, &m.docID, &m.ord, &terms, &m.typ, &m.cameo, &m.negated,
			&m.aux, &m.actor, &m.recipient, &key, &ev); err != nil {
			rows.Close()
			return fmt.Errorf("check: %w", err)
		}
		if terms != "" {
			m.terms = strings.Split(terms, "\n")
		}
		byKey[key] = append(byKey[key], m)
		eventOf[m.pk] = ev
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	type eventRow struct {
		key                                     string
		first, last, mentions, sources, negated int
		firstSeen, lastSeen, typ, cameo, aux    string
		actor, recipient                        string
		rep                                     int64
	}
	events := map[int64]eventRow{}
	rows, err = s.db.QueryContext(ctx, `SELECT pk, key, first_day, last_day, mentions, sources, negated, first_seen, last_seen,
		type, cameo, aux, actor, recipient, rep_pk FROM events`)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	for rows.Next() {
		var pk int64
		var e eventRow
		if err := rows.Scan(&pk, &e.key, &e.first, &e.last, &e.mentions, &e.sources, &e.negated, &e.firstSeen, &e.lastSeen,
			&e.typ, &e.cameo, &e.aux, &e.actor, &e.recipient, &e.rep); err != nil {
			rows.Close()
			return fmt.Errorf("check: %w", err)
		}
		events[pk] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	terms := map[int64][]string{}
	rows, err = s.db.QueryContext(ctx, `SELECT event_pk, role, term, day FROM event_terms`)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	for rows.Next() {
		var pk int64
		var role, term string
		var day int
		if err := rows.Scan(&pk, &role, &term, &day); err != nil {
			rows.Close()
			return fmt.Errorf("check: %w", err)
		}
		terms[pk] = append(terms[pk], fmt.Sprintf("%s:%s@%d", role, term, day))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	seen := map[int64]bool{}
	for key, ms := range byKey {
		for _, c := range clusterMembers(ms, s.window) {
			pk := eventOf[c.members[0].pk]
			for _, m := range c.members {
				if eventOf[m.pk] != pk {
					return fmt.Errorf("check: key %q: mentions %d and %d are one event but stored under events %d and %d",
						key, c.members[0].pk, m.pk, pk, eventOf[m.pk])
				}
			}
			e, ok := events[pk]
			if !ok {
				return fmt.Errorf("check: key %q: mention %d belongs to event %d, which is not stored", key, c.members[0].pk, pk)
			}
			if seen[pk] {
				return fmt.Errorf("check: event %d holds two clusters of key %q", pk, key)
			}
			seen[pk] = true
			r := c.rep()
			want := eventRow{key: key, first: c.firstDay, last: c.lastDay, mentions: len(c.members), sources: c.sources, negated: r.negated,
				firstSeen: c.firstSeen, lastSeen: c.lastSeen, typ: r.typ, cameo: r.cameo, aux: r.aux, actor: r.actor, recipient: r.recipient, rep: r.pk}
			if e != want {
				return fmt.Errorf("check: event %d is\n  %+v\nwant\n  %+v", pk, e, want)
			}
			var wantTerms []string
			for _, t := range c.terms {
				wantTerms = append(wantTerms, fmt.Sprintf("%s@%d", t, c.firstDay))
			}
			got := terms[pk]
			slices.Sort(got)
			if !slices.Equal(got, wantTerms) {
				return fmt.Errorf("check: event %d terms %q, want %q", pk, got, wantTerms)
			}
		}
	}
	for pk := range events {
		if !seen[pk] {
			return fmt.Errorf("check: event %d has no mentions", pk)
		}
	}
	for pk := range terms {
		if _, ok := events[pk]; !ok {
			return fmt.Errorf("check: terms of event %d, which is not stored", pk)
		}
	}
	return nil
}
