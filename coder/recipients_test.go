package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestAimedAt: whom an event is aimed at when the verb's own pattern
// names no one: a protest's purpose, a threat's condition or place.
func TestAimedAt(t *testing.T) {
	checkEvents(t, time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC), false, []eventCase{
		{"a strike's purpose names its target",
			"Kenyan teachers began a strike on Monday to demand higher pay from President Ruto's government.",
			"PROTEST", "KEN", "KEN"},
		{"a blockade in defiance of someone",
			"Armenian farmers blocked the main highway in defiance of Azerbaijani border guards.",
			"PROTEST", "ARM", "AZE"},
		{"a protest's place is not its target",
			"Thousands of Georgians rallied in Tbilisi on Sunday.",
			"PROTEST", "GEO", ""},
		{"whoever must meet a threat's condition",
			"Iran threatened to leave the talks unless Germany lifts its embargo.",
			"THREATEN", "IRN", "DEU"},
		{"a threatened action's place",
			"Hezbollah threatened on Monday to resume attacks in Israel.",
			"THREATEN", "LBN", "ISR"},
		{"force posture in another country",
			"Israeli troops remained on alert in the occupied West Bank on Monday.",
			"MOBILIZE", "ISR", "PSE"},
		{"the warring parties of a war between two countries",
			"Armenian and Azerbaijani troops clashed on the border on Monday. The warring parties agreed to a ceasefire on Tuesday.",
			"AGREE", "ARM,AZE", "ARM,AZE"},
		{"the warring parties of a civil war",
			"Sudanese army troops attacked Sudanese rebels in Khartoum on Monday. The warring parties agreed to a ceasefire on Tuesday.",
			"AGREE", "SDN", "SDN"},
		{"where two leaders met is not whom they met",
			"Chilean President Gabriel Boric and Bolivian President Luis Arce met in Lima.",
			"CONSULT", "BOL,CHL", "BOL,CHL"},
		{"a patrol of one's own capital aims at no one",
			"Georgian riot police patrolled the streets of central Tbilisi on Sunday.",
			"MOBILIZE", "GEO", ""},
		{"a patrol of another country's towns aims at it",
			"Israeli troops patrolled Palestinian towns in the West Bank.",
			"MOBILIZE", "ISR", "PSE"},
		{"force posture at home aims at no one",
			"Russian troops remained on alert in Belgorod on Monday.",
			"MOBILIZE", "RUS", ""},
		{"rocket fire against a country's camps",
			"Vietnamese forces launched rocket fire against Cambodian guerrilla camps near the border.",
			"ASSAULT", "VNM", "KHM"},
		{"a demanded thing's author",
			"Poland's parliament demanded a full apology by Moscow for the massacre.",
			"REQUEST", "POL", "RUS"},
		{"forces of two countries drilling together cooperate",
			"French and Egyptian warships began joint naval drills in the Mediterranean on Monday.",
			"COOPERATE", "EGY,FRA", "EGY,FRA"},
		{"a joint patrol aimed at a third country is a show of force",
			"Chinese and Russian bombers flew a joint patrol over the Sea of Japan on Tuesday.",
			"MOBILIZE", "CHN,RUS", "JPN"},
	})
}

// TestHostVictims: victims named without a country by a gerund after an
// attack are where the attack fell, not where the story was filed.
func TestHostVictims(t *testing.T) {
	c := newCoder(t)
	body := "LIMA, June 14 - Peru attacked Bolivia with drones overnight, killing at least two people."
	evs, err := c.Code(dyad.Document{ID: "t", Date: time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC), Body: body})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range evs {
		if e.EventText != "killing" {
			continue
		}
		found = true
		if got := codesOf(e.Recipient); got != "BOL" {
			t.Errorf("victims of the attack: %s, want BOL", got)
		}
	}
	if !found {
		t.Errorf("no event for the killing: %+v", evs)
	}
}
