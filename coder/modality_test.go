package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestModality covers the negation and modality forms gold-format.md and
// the issue name: each sentence must give an event between the two
// countries with the expected negated flag and aux mode.
func TestModality(t *testing.T) {
	tests := []struct {
		text    string
		negated bool
		aux     string
	}{
		{"Chile did not congratulate Peru on the election.", true, ""},
		{"Chile has not congratulated Peru on the election.", true, ""},
		{"Chile has yet to congratulate Peru on the election.", true, ""},
		{"Chile refused to meet Peru's foreign minister.", true, ""},
		{"Chile declined to meet Peru's foreign minister.", true, ""},
		{"Chile failed to meet Peru's foreign minister.", true, ""},
		{"Chile never met Peru's foreign minister.", true, ""},
		{"Chile will meet Peru's foreign minister on Friday.", false, "future"},
		{"Chile plans to meet Peru's foreign minister.", false, "future"},
		{"Chile is determined to meet Peru's foreign minister.", false, "future"},
		{"Chile is ready to meet Peru's foreign minister.", false, "future"},
		{"Chile was quick to meet Peru's foreign minister.", false, ""},
		{"Chile stopped short of recognising Peru's new government.", true, ""},
		{"Chile could meet Peru's foreign minister.", false, "hypothetical"},
		{"Chile said it would not congratulate Peru.", true, "future"},
		{"A spokesman said Chile had no plans to congratulate Peru.", true, "future"},
		{"Chile said it would meet Peru's foreign minister if the talks resumed.", false, "hypothetical"},
		{"Chile may meet Peru's foreign minister.", false, "hypothetical"},
		{"If the talks resume, Chile will meet Peru's foreign minister.", false, "hypothetical"},
		{"Chile met Peru's foreign minister in 2019.", false, "historical"},
		{"Chile met Peru's foreign minister on Tuesday.", false, ""},
	}
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		ok := false
		var got []string
		for _, e := range evs {
			if codesOf(e.Actor) == "CHL" && codesOf(e.Recipient) == "PER" {
				if e.Negated == tt.negated && e.Aux == tt.aux {
					ok = true
				}
				got = append(got, e.Type+" "+e.CAMEO+" neg="+boolText(e.Negated)+" aux="+e.Aux)
			}
		}
		if !ok {
			t.Errorf("%q: want CHL -> PER negated=%v aux=%q, got %v", tt.text, tt.negated, tt.aux, got)
		}
	}
}

// TestNotEvents: sentences that name actors but report no event.
func TestNotEvents(t *testing.T) {
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Chile's foreign ministry declined to comment on the report from Peru.",
		"Peru said the talks with Chile had been useful.",
		"Chile's national team beat Peru 2-1 in a World Cup qualifier.",
		// what an uncoded demander demands has not happened
		"Farmer groups in Peru are demanding that President Boluarte scrap the new water tax.",
		// a gapped passive has no agent: the wounded did not wound
		"Five Peruvian soldiers were killed and 12 wounded in Bolivia.",
		"A Chilean journalist was shot and wounded in Lima.",
		"A senior Chilean police official was shot and nearly killed in Lima.",
		"Sara Fischerr of Sweden won the women's event, beating Doris Guentherr of Austria in the final.",
		// other senses of shoot, hang and disappear
		"Peruvian senators quickly shot back that Chile was not doing enough.",
		"City authorities in Lima have hung giant pictures of the Chilean hostages.",
		"A former Peruvian army commander disappeared in Chile six weeks ago.",
		"A team of Chilean scientists demonstrated that removing a single gene halted the growth.",
		// one actor agreeing that something is so states a view
		"The Chilean minister agreed that more needed to be done.",
		// a kidnapping's "from" place is no kidnapper
		"A Chilean journalist was kidnapped from Lima.",
		"Italian skier Pietro Moroo captured the men's 15km event, beating out Swiss runner-up Hans Kurtt.",
	} {
		evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			t.Errorf("%q: no event expected, got %s %s -> %s (%s)", text, codesOf(e.Actor), e.Type, codesOf(e.Recipient), e.EventText)
		}
	}
}

// TestEventDates: the event's own date words, resolved against the
// document date and preferring the past.
func TestEventDates(t *testing.T) {
	c := newCoder(t)
	date := time.Date(2024, 11, 6, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct{ text, want string }{
		{"Chile congratulated Peru on November 3.", "2024-11-03"},
		{"Chile congratulated Peru on Monday.", "2024-11-04"},
		{"Chile congratulated Peru last week.", "2024"}, // Oct 28 - Nov 3: only the year is certain
		{"Chile congratulated Peru last month.", "2024-10"},
		{"Chile congratulated Peru.", "2024-11-06"},
		{"Chile congratulated Peru yesterday.", "2024-11-05"},
	}
	for _, tt := range tests {
		evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 || evs[0].Date != tt.want {
			var got string
			if len(evs) > 0 {
				got = evs[0].Date
			}
			t.Errorf("%q: date %q, want %q", tt.text, got, tt.want)
		}
	}
}
