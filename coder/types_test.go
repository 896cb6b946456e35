package coder

import (
	"testing"
	"time"
)

// TestEventTypes: verb pattern families whose PLOVER type depends on the
// words after the verb (what is paid, cancelled, trained, prepared or
// opened), and announced actions coded as the threat of them.
func TestEventTypes(t *testing.T) {
	checkEvents(t, time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC), true, []eventCase{
		{"a nuclear test is a show of force",
			"Pakistan detonated three underground nuclear devices on Monday.",
			"MOBILIZE", "PAK", ""},
		{"shooting down a proposal rejects it",
			"Chilean officials shot down Bolivia's proposal for a corridor to the sea.",
			"REJECT", "CHL", "BOL"},
		{"compensation is restitution",
			"Kenya paid compensation to Tanzanian traders for goods seized at the border.",
			"RETREAT", "KEN", "TZA"},
		{"reparations are restitution",
			"Germany paid reparations to Namibia.",
			"RETREAT", "DEU", "NAM"},
		{"calling off one's own visit cuts relations",
			"The Chilean foreign minister cancelled a planned visit to Bolivia after the border incident.",
			"SANCTION", "CHL", "BOL"},
		{"skipping talks stays a rejection",
			"Bolivia cancelled talks with Chile.",
			"REJECT", "BOL", "CHL"},
		{"banning aid is a cut in aid",
			"Canada banned aid to Malian militias.",
			"SANCTION", "CAN", "MLI"},
		{"an announced boycott of contact is a threat",
			"Peruvian officials said they would boycott all contact with Chile.",
			"THREATEN", "PER", "CHL"},
		{"an announced election boycott is a threat",
			"The Bolivian opposition said it will boycott the elections unless the president resigns.",
			"THREATEN", "BOL", "BOL"}, // whoever must meet the condition is threatened
		{"rallying lobbies is support",
			"Qatar has mobilized pressure groups in Europe to back Gaza.",
			"SUPPORT", "QAT", ""},
		{"training hackers is a cyber build-up",
			"Iran has trained hundreds of hackers.",
			"MOBILIZE", "IRN", ""},
		{"preparing an offensive is a show of force",
			"The Ethiopian army prepared to attack Eritrean positions.",
			"MOBILIZE", "ETH", ""},
		{"gathering for a rally is a protest",
			"Thousands of Kenyans gathered for a rally in Nairobi.",
			"PROTEST", "KEN", ""},
		{"pressing someone to act is a demand",
			"Chilean authorities pressured miners to end their strike.",
			"REQUEST", "CHL", "CHL"},
		{"opening borders to people is aid",
			"Chad opened its borders to Sudanese refugees.",
			"AID", "TCD", "SDN"},
		{"a border opened to trade is no aid",
			"Turkey reopened its border to Syrian trucks.",
			"RETREAT", "TUR", ""},
		{"intelligence for someone's fighting is military aid",
			"Britain is providing battlefield intelligence to Ukraine.",
			"AID", "GBR", "UKR"},
		{"steps to widen freedoms are a concession",
			"President Tebboune has taken steps to expand political freedoms.",
			"CONCEDE", "DZA", ""},
		{"a signature drive to press a demand is dissent",
			"Chilean students collected signatures to force a referendum on the mining law.",
			"PROTEST", "CHL", ""},
		{"opposition groups are actors placed by their country",
			"Opposition groups in Kenya are demanding that President Ruto dissolve the cabinet.",
			"REQUEST", "KEN", "KEN"},
		{"weapons meant for use against someone are a threat",
			"North Korea is building missiles to use against Japan.",
			"THREATEN", "PRK", "JPN"},
	})
}
