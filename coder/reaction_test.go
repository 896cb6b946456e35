package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestReactions: how news reports reactions to an election: refusing to
// recognise a result aims at its owner (the country named with the vote,
// else the one the story's reactions are aimed at), and "received
// congratulations from Y" is Y congratulating.
func TestReactions(t *testing.T) {
	tests := []struct {
		name, text         string
		cameo              string
		actors, recipients string
		negated            bool
	}{
		{"result owned by the story's winner",
			"Kenya's president congratulated Tinubu on his victory. Ghana also congratulated Tinubu. Chad said it would not recognise the result of the vote.",
			"054", "TCD", "NGA", true},
		{"result owned by the country named with the vote",
			"Poland said it would not recognise the outcome of the Belarusian election.",
			"054", "POL", "BLR", true},
		{"result without any owner in the story",
			"Poland said it would not recognise the result.",
			"054", "POL", "", true},
		{"recognising a victory",
			"Egypt's president congratulated Tebboune. Tunisia recognised his victory.",
			"054", "TUN", "DZA", false},
		{"congratulations received",
			"Tebboune received congratulations from Egyptian President Abdel Fattah al-Sisi.",
			"051", "EGY", "DZA", false},
		{"congratulatory call received",
			"Tebboune received a congratulatory call from the Emir of Qatar.",
			"051", "QAT", "DZA", false},
		{"a call received stays a call",
			"Tebboune received a call from the Emir of Qatar.",
			"041", "DZA", "QAT", false},
	}
	c := newCoder(t)
	date := time.Date(2024, 9, 9, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				a, r := codesOf(e.Actor), codesOf(e.Recipient)
				if e.CAMEO == tt.cameo && a == tt.actors && r == tt.recipients && e.Negated == tt.negated {
					return
				}
				got = append(got, e.CAMEO+" "+a+" -> "+r)
			}
			t.Errorf("%q: want %s %s -> %s negated=%v, got %v", tt.text, tt.cameo, tt.actors, tt.recipients, tt.negated, got)
		})
	}
}
