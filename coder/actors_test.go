package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestStoryActors: actors and recipients that the phrase itself or the
// story gives: a sector word's own "from X" phrase or "including" list,
// a domestic institution named without a country (the dateline's), a
// possessive pronoun's owner, a hyphenated author, aid with no recipient
// (the story's aid topic) and "also" (the last event of the kind).
func TestStoryActors(t *testing.T) {
	tests := []eventCase{
		{"from a country", "Officials from Ghana criticised Togo over the border closure.",
			"ACCUSE", "GHA", "TGO"},
		{"including list", "Bolivia expelled diplomats from four South American countries, including Brazil, Paraguay and Chile.",
			"SANCTION", "BOL", "BRA,CHL,PRY"},
		{"from an organisation's countries", "Belarus said it would block access to 40 media outlets from European Union countries.",
			"", "BLR", "EUR"},
		{"foreign origin borrows nothing", "LIMA, May 2 - Peru and Ecuador met. Colombia expelled diplomats from several countries.",
			"SANCTION", "COL", ""},
		{"domestic institution takes the dateline", "BAMAKO, Aug 3 - France and Algeria urged calm. The junta accused France of meddling.",
			"ACCUSE", "MLI", "FRA"},
		{"domestic institution takes the most named country", "Malawi held elections. Malawi and Zambia signed a trade deal in Malawi on Friday. The opposition accused Zambia of interference.",
			"ACCUSE", "MWI", "ZMB"},
		{"his office", "Slovak Prime Minister Robert Fico spoke on Monday, and his office accused Hungary of lying.",
			"ACCUSE", "SVK", "HUN"},
		{"their governments", "Ghana expelled diplomats from two countries, including Togo and Benin, because their governments had criticised Nigeria.",
			"ACCUSE", "BEN,TGO", "NGA"},
		{"hyphenated author", "Iran rejected a Qatar-brokered plan on Tuesday.",
			"REJECT", "IRN", "QAT"},
		{"hyphenated author of a text", "Russia and China vetoed a French-drafted text on Syria.",
			"REJECT", "CHN,RUS", "FRA"},
		{"aid topic", "Donors pledged millions in aid for Haiti. Canada would give 20 million dollars, officials said.",
			"AID", "CAN", "HTI"},
		{"also repeats the recipient", "Ghana praised Togo on Monday, and Benin also expressed support.",
			"SUPPORT", "BEN", "TGO"},
	}
	checkEvents(t, time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC), false, tests)
}

// TestStoryActorsPrecision: what the story must not give: troops of
// unknown side stay unresolved, aid in a story about aid for two countries
// has no recipient, and a sector word does not borrow the country of the
// attribution after it.
func TestStoryActorsPrecision(t *testing.T) {
	tests := []struct {
		name, text, typ, notCode string
	}{
		{"troops stay unresolved", "KYIV, May 2 - Russia and Ukraine traded accusations. Troops shelled the village.", "ASSAULT", "UKR"},
		{"two aid topics", "Donors sent aid to Chad and aid for Niger. Italy would give 5 million euros.", "AID", "TCD"},
		{"attribution is not the origin", "ANKARA, May 2 - Russia freed a Dutch-born reporter on Thursday, Turkish officials said.", "", "TUR"},
	}
	c := newCoder(t)
	date := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range evs {
				if tt.typ != "" && e.Type != tt.typ {
					continue
				}
				for _, x := range append(append([]dyad.Entity{}, e.Actor...), e.Recipient...) {
					if x.Code == tt.notCode {
						t.Errorf("%q: %s %s -> %s takes %s", tt.text, e.Type, codesOf(e.Actor), codesOf(e.Recipient), tt.notCode)
					}
				}
			}
		})
	}
}
