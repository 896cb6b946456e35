package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestPatternReach: how far a verb pattern reaches for its words, and
// which verb of a group carries the event: an attempt is coded as the
// attempt, a content word is not sought across a second prepositional
// phrase, and a time phrase inside a verb group keeps the subject.
func TestPatternReach(t *testing.T) {
	tests := []struct {
		name, text string
		cameo      string // CAMEO code wanted; "" with notCAMEO: none of that code
		notCAMEO   string
		actors     string
		recipients string
	}{
		{"attempt to assassinate", "Iraqi gunmen attempted to assassinate the Kuwaiti ambassador.",
			"185", "", "IRQ", "KWT"},
		{"time phrase inside the verb group", "The Egyptian foreign minister will on Tuesday lead a delegation to Sudan.",
			"036", "", "EGY", "SDN"},
		{"one prepositional phrase may be skipped", "Japan provided $5 million in aid to Nepal.",
			"070", "", "JPN", "NPL"},
		{"a second prepositional phrase stops a content word", "Serbian workers stopped work on the first day of an open-ended strike.",
			"", "082", "", ""},
	}
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.CAMEO+" "+codesOf(e.Actor)+" -> "+codesOf(e.Recipient))
				if tt.notCAMEO != "" && e.CAMEO == tt.notCAMEO {
					t.Errorf("%q: coded %s, want no %s", tt.text, e.CAMEO, tt.notCAMEO)
				}
				if tt.cameo != "" && e.CAMEO == tt.cameo && codesOf(e.Actor) == tt.actors && codesOf(e.Recipient) == tt.recipients {
					return
				}
			}
			if tt.cameo != "" {
				t.Errorf("%q: want %s %s -> %s, got %v", tt.text, tt.cameo, tt.actors, tt.recipients, got)
			}
		})
	}
}
