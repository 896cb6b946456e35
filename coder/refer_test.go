package coder

import (
	"testing"
	"time"
)

// TestRecipientLists: who an action is aimed at when the words after the
// verb name several actors or an actor's thing, and what is not a
// recipient: a list of countries after the verb, a possessor of the thing
// acted on, and the source named in an attribution after the report.
func TestRecipientLists(t *testing.T) {
	tests := []eventCase{
		{"list after the verb", "Ghana defended Togo and Benin against criticism of their elections.",
			"SUPPORT", "GHA", "BEN,TGO"},
		{"list with a serial comma", "Chile criticised Peru, Bolivia, and Ecuador over the fishing quotas.",
			"ACCUSE", "CHL", "BOL,ECU,PER"},
		{"list of a governed verb", "Norway agreed to lift its restrictions on trade with Iceland and Denmark.",
			"", "NOR", "DNK,ISL"},
		{"list of adjectives", "Kenyan police beat Somali and Ethiopian refugees near the camp.",
			"ASSAULT", "KEN", "ETH,SOM"},
		{"comma alone joins no list", "Ghana accused Togo, Benin's ally, of arming the rebels.",
			"ACCUSE", "GHA", "TGO"},
		{"list stops at another subject", "Egypt praised Sudan and Chad said it would send troops.",
			"SUPPORT", "EGY", "SDN"},
		{"possessor of the thing welcomed", "The Dutch government welcomed President Macron's latest peace statement.",
			"SUPPORT", "NLD", "FRA"},
		{"possessor of the decision protested", "Hundreds of Kurds marched in Berlin to protest against Turkey's decision to close the border.",
			"PROTEST", "", "TUR"},
		{"demand noun before the clause", "The World Health Organization repeated its demand on Monday that Brazil release the vaccine data.",
			"REQUEST", "", "BRA"},
		{"threat of force on an adjective's things", "Ethiopia threatened to bomb Eritrean villages along the border.",
			"THREATEN", "ETH", "ERI"},
		{"attribution is not the recipient", "Chile will withdraw its troops from the border zone, said a spokesman for the Peruvian president.",
			"", "CHL", ""},
	}
	checkEvents(t, time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC), true, tests)
}
