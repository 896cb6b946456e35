package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestStatements: CAMEO 01 statements are coded only with
// Options.Statements, carry no PLOVER type, and a declined comment is 011.
func TestStatements(t *testing.T) {
	with, err := New(Options{Statements: true})
	if err != nil {
		t.Fatal(err)
	}
	without := newCoder(t)
	date := time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want string // CAMEO code of the first event with statements on
	}{
		{"The government of Chile declined to comment on the report.", "011"},
		{"Kenya's foreign ministry said on Tuesday that the talks would resume next month.", "010"},
		{"The Norwegian government issued a statement on the dispute.", "010"},
	}
	for _, tt := range tests {
		d := dyad.Document{ID: "s", Date: date, Body: tt.text}
		evs, err := with.Code(d)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 || evs[0].CAMEO != tt.want || evs[0].Type != "" || evs[0].Negated {
			t.Errorf("%q with statements: got %+v, want one %s statement without a PLOVER type", tt.text, evs, tt.want)
		}
		evs, err = without.Code(d)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 0 {
			t.Errorf("%q without statements: got %d events, want none", tt.text, len(evs))
		}
	}
}
