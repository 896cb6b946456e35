package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestVisits: a visit a noun reports with its visitor is a CONSULT; planned,
// cancelled or objected-to visits are not.
func TestVisits(t *testing.T) {
	c := newCoder(t)
	date := time.Date(2024, 5, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, actors, recipients string // "" recipients: no visit event expected
	}{
		{"Hungary and Turkey signed five agreements during a state visit by Turkish President Recep Tayyip Erdogan.", "TUR", "HUN"},
		{"Japanese Prime Minister Fumio Kishida's visit to Kyiv lasted ten hours.", "JPN", "UKR"},
		{"Ahead of his planned visit to Kenya, Indian Prime Minister Narendra Modi spoke to reporters.", "", ""},
		{"Germany postponed a visit to Ankara by its defence minister.", "", ""},
	}
	for _, tt := range tests {
		evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range evs {
			if e.Mode == "visit" && e.Type == "CONSULT" && e.CAMEO == "042" {
				found = found || codesOf(e.Actor) == tt.actors && codesOf(e.Recipient) == tt.recipients
				if tt.actors == "" {
					t.Errorf("%q: unexpected visit %s -> %s", tt.text, codesOf(e.Actor), codesOf(e.Recipient))
				}
			}
		}
		if tt.actors != "" && !found {
			t.Errorf("%q: no visit %s -> %s in %v", tt.text, tt.actors, tt.recipients, evs)
		}
	}
}
