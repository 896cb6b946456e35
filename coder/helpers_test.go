package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// eventCase is a sentence and the event it must yield: its PLOVER type (any
// when ""), and the sorted, comma-separated country codes of its actors
// (any when "" and anyActor) and recipients.
type eventCase struct {
	name, text         string
	typ                string
	actors, recipients string
}

// checkEvents codes each case's text as of date and fails the case when no
// event has the type and codes it asks for. anyActor lets an empty actors
// field match any actor.
func checkEvents(t *testing.T, date time.Time, anyActor bool, cases []eventCase) {
	t.Helper()
	c := newCoder(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				a, r := codesOf(e.Actor), codesOf(e.Recipient)
				if (tt.typ == "" || e.Type == tt.typ) && (a == tt.actors || anyActor && tt.actors == "") && r == tt.recipients {
					return
				}
				got = append(got, e.Type+" "+a+" -> "+r)
			}
			t.Errorf("%q: want %s %s -> %s, got %v", tt.text, tt.typ, tt.actors, tt.recipients, got)
		})
	}
}
