package coder

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestRecipients: who an action is aimed at when the words after the verb
// name it only indirectly: the author of a proposal, the one a demand is
// put to, the object of a governed verb, the agent of a complained-of
// event, and countries named by coordinated adjectives.
func TestRecipients(t *testing.T) {
	tests := []eventCase{
		{"adjective author", "Kenya flatly rejected a Ugandan proposal to share the lake's fishing grounds.",
			"REJECT", "KEN", "UGA"},
		{"name before the noun", "Chile rejected a Peru request for new border talks on Monday.",
			"REJECT", "CHL", "PER"},
		{"author after by", "Ghana rejected renewed calls by Togo's government for a joint patrol.",
			"REJECT", "GHA", "TGO"},
		{"demand that", "Norway demanded on Monday that Russia release the fishing crew.",
			"REQUEST", "NOR", "RUS"},
		{"governed verb object", "Egypt threatened on Sunday to cut off gas supplies to Jordan.",
			"THREATEN", "EGY", "JOR"},
		{"governed verb against", "Brazil threatened to impose import restrictions against Argentine steel.",
			"THREATEN", "BRA", "ARG"},
		{"complaint over an event", "Pakistan complained to the United Nations over three Indian air raids.",
			"ACCUSE", "PAK", "IND"},
		{"thing on an adjective", "Canada agreed to lift its ban on Danish cheese.",
			"", "CAN", "DNK"},
		{"aid where it is given", "Sweden provided 5 million dollars for relief in Malawi.",
			"AID", "SWE", "MWI"},
		{"coordinated adjectives", "Senior Czech and Slovak officials agreed to hold talks with Austria on Friday.",
			"", "CZE,SVK", "AUT"},
	}
	checkEvents(t, time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC), false, tests)
}

func codesOf(es []dyad.Entity) string {
	var cs []string
	for _, e := range es {
		if !slices.Contains(cs, e.Code) {
			cs = append(cs, e.Code)
		}
	}
	slices.Sort(cs)
	return strings.Join(cs, ",")
}
