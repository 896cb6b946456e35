package store

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// FuzzFilter: filter values come from the command line; validating them
// and turning them into SQL never panics, and a filter that validates
// yields placeholders for every value (none is pasted into the SQL).
func FuzzFilter(f *testing.F) {
	f.Add("RUS", "putin", "ASSAULT", "19", "2024-01-01", "2024-02-30", "kharkiv")
	f.Add("100%_\\", "'; DROP TABLE events; --", "x", "1a", "", "2024", "\"")
	f.Fuzz(func(t *testing.T, actor, recipient, typ, cameo, from, to, text string) {
		flt := Filter{Actor: actor, Recipient: recipient, Type: typ, CAMEO: cameo, From: from, To: to, Text: text}
		if flt.Validate() != nil {
			return
		}
		s := &SQLStore{d: Dialect{TextDocs: "SELECT 1 WHERE ? = ?"}}
		eq := s.eventQuery(flt)
		q, args := eq.from+where(eq.conds), eq.args
		for _, v := range []string{actor, recipient, text} {
			if len(v) > 3 && containsOutsideArgs(q, v) {
				t.Errorf("value %q pasted into SQL %q", v, q)
			}
		}
		if want := countRune(q, '?'); want != len(args) && flt.Text == "" {
			t.Errorf("%d placeholders, %d args in %q", want, len(args), q)
		}
	})
}

// FuzzMentionDay: any date string gives a day and never panics.
func FuzzMentionDay(f *testing.F) {
	f.Add("2024-05-01", "2024-05-01")
	f.Add("2024-5", "")
	f.Add("99999", "0000-00-00")
	f.Fuzz(func(t *testing.T, date, docDate string) {
		day, prec := mentionDay(date, docDate)
		if prec == "" && len(date) == 10 {
			if d, err := time.Parse(dyad.DateLayout, date); err == nil && dayDate(day) != d.Format(dyad.DateLayout) {
				t.Errorf("%q: day %d is %s", date, day, dayDate(day))
			}
		}
	})
}

func containsOutsideArgs(q, v string) bool {
	for i := 0; i+len(v) <= len(q); i++ {
		if q[i:i+len(v)] == v {
			return true
		}
	}
	return false
}

func countRune(s string, r rune) int {
	n := 0
	for _, c := range s {
		if c == r {
			n++
		}
	}
	return n
}
