package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestReading: clause reading that decides who acted, whether it happened,
// and when: a subject across a relative clause, a past tense after "and",
// subject pronouns continuing the topic, "the two leaders", naming verbs,
// background in the past perfect and dates of pledges.
func TestReading(t *testing.T) {
	tests := []struct {
		name, text         string
		typ                string // PLOVER type of the event looked for
		actors, recipients string // sorted country codes, comma-separated
		negated            bool
		aux, date          string
	}{
		{"subject across a relative clause",
			"Brazil's President Lula, who also attended the summit, did not criticise China over its trade policy.",
			"ACCUSE", "BRA", "CHN", true, "", "2023-06-14"},
		{"past tense after and",
			"Opposition leader Raila Odinga denied the report and called on Ruto to hold talks with the unions.",
			"REQUEST", "KEN", "KEN", false, "", "2023-06-14"},
		{"subject pronoun continues the topic",
			"Peru has not answered an offer of talks from Chile, and it may expel the ambassador soon.",
			"THREATEN", "PER", "", false, "hypothetical", "2023-06-14"},
		{"the two leaders",
			"Chilean President Gabriel Boric met Argentine President Alberto Fernandez in Santiago, and the two leaders agreed to expand trade.",
			"AGREE", "ARG,CHL", "ARG,CHL", false, "future", "2023-06-14"},
		{"past perfect is background",
			"Mexico had expelled the Ecuadorian ambassador in April.",
			"SANCTION", "MEX", "ECU", false, "historical", "2023-04"},
		{"reported obligation is a demand",
			"Sweden's foreign minister said on Tuesday that Hungary must end its delay.",
			"REQUEST", "SWE", "HUN", false, "", "2023-06-13"},
		{"refusal of an action without a pattern",
			"Serbia refused to let the Kosovo delegation land in Belgrade.",
			"REJECT", "SRB", "XKX", false, "", "2023-06-14"},
		{"conditional offer",
			"Norway would be ready to host talks between Colombia and the rebels.",
			"AGREE", "NOR", "COL", false, "hypothetical", "2023-06-14"},
		{"object of a participle inside the subject",
			"Ethiopian jets including two drones struck Eritrean positions near the border.",
			"ASSAULT", "ETH", "ERI", false, "", "2023-06-14"},
		{"things after an actor name act for it",
			"Turkish army tanks destroyed Syrian houses near the border town.",
			"", "TUR", "SYR", false, "", "2023-06-14"},
		{"an institution after a country name",
			"The Canadian Foreign Ministry has suspended military aid to Malian police.",
			"SANCTION", "CAN", "MLI", false, "", "2023-06-14"},
		{"abbreviation in brackets",
			"Human Rights Watch (HRW) has accused the Sudanese army of war crimes.",
			"ACCUSE", "HRW", "SDN", false, "", "2023-06-14"},
		{"the two countries of the story",
			"Peru expelled Chile's ambassador on Monday. Chile recalled its envoy from Peru. Brazil criticised Peru. The two countries agreed to hold talks.",
			"AGREE", "CHL,PER", "CHL,PER", false, "future", "2023-06-14"},
		{"coordinated verb after a reported aside",
			"Hanoi rejected the claim, saying the Chinese ships had entered its waters, and urged Beijing to withdraw them.",
			"REQUEST", "VNM", "CHN", false, "", "2023-06-14"},
		{"force at a thing named with a country adjective",
			"Chinese coast guard ships fired water cannon at Vietnamese fishing boats.",
			"ASSAULT", "CHN", "VNM", false, "", "2023-06-14"},
		{"coordinated verbs share their recipient",
			"Hanoi summoned the Chinese ambassador and lodged a formal protest.",
			"ACCUSE", "VNM", "CHN", false, "", "2023-06-14"},
		{"a spokesman speaks for his principal",
			"A spokesman for the Taliban accused Pakistan of shelling the border.",
			"ACCUSE", "AFG", "PAK", false, "", "2023-06-14"},
		{"do-support keeps the negated verb",
			"Tehran did not free the Swedish diplomat on Monday.",
			"RETREAT", "IRN", "SWE", true, "", "2023-06-12"},
		{"an aspect verb leaves the event to its gerund",
			"Swedish officials said they would keep pressing Iran for the diplomat's release.",
			"REQUEST", "SWE", "IRN", false, "future", "2023-06-14"},
		{"stopping an action negates it",
			"Canada stopped criticising China over its human rights record.",
			"ACCUSE", "CAN", "CHN", true, "", "2023-06-14"},
		{"a verb of stopping keeps its own pattern",
			"Norway stopped funding the Somali government.",
			"SANCTION", "NOR", "SOM", false, "", "2023-06-14"},
		{"a double negative in a warning is a threat",
			"Kenya warned that any attack by Somalia would not go unanswered.",
			"THREATEN", "KEN", "SOM", false, "", "2023-06-14"},
		{"a gerund aside belongs to the main clause's subject",
			"Nigerian leaders imposed sanctions on Mali and gave the soldiers who took power ten days to step down, warning that they could use force.",
			"THREATEN", "NGA", "MLI", false, "hypothetical", "2023-06-14"},
		{"a reciprocal verb goes both ways",
			"Indian and Pakistani troops exchanged fire along the border.",
			"ASSAULT", "IND,PAK", "IND,PAK", false, "", "2023-06-14"},
		{"a topic is not a recipient",
			"Chile rejected three draft resolutions on Bolivia.",
			"REJECT", "CHL", "", false, "", "2023-06-14"},
		{"a list of subjects of reported speech",
			"Oxfam said Chile and Argentina must leave the zone.",
			"REQUEST", "OXF", "ARG,CHL", false, "", "2023-06-14"},
		{"a participle opening the sentence modifies the name",
			"Ousted President Pedro Castillo has agreed to leave Peru.",
			"", "PER", "PER", false, "future", "2023-06-14"},
		{"a body named after its leader",
			"The Boric administration demanded that Bolivia reopen the border.",
			"REQUEST", "CHL", "BOL", false, "", "2023-06-14"},
		{"readiness without a pattern is an intent",
			"Uruguay is willing to send engineers to Haiti.",
			"AGREE", "URY", "HTI", false, "future", "2023-06-14"},
		{"a noun of organisation after the name",
			"The Colombian ELN movement rejected an invitation to talks with Bogota.",
			"REJECT", "COL", "COL", false, "", "2023-06-14"},
		{"a noun of organisation after a bracketed gloss",
			"The Mercosur (Southern Common Market) forum has agreed to open an office in Paraguay.",
			"AGREE", "MSC", "PRY", false, "future", "2023-06-14"},
		{"a participle of stance is not passive",
			"Chile is opposed to Bolivian mediation in the dispute with Peru.",
			"REJECT", "CHL", "BOL", false, "", "2023-06-14"},
		{"a reminder that someone must is a demand",
			"Chilean President Gabriel Boric issued a stern reminder to Bolivia that it must respect the border.",
			"REQUEST", "CHL", "BOL", false, "", "2023-06-14"},
		{"opponents of a government are its opposition",
			"Political opponents of the Bolivian government clashed with police in La Paz.",
			"PROTEST", "BOL", "BOL", false, "", "2023-06-14"},
		{"a government's protest is an official complaint",
			"The Chilean government protested against the Bolivian decision.",
			"ACCUSE", "CHL", "BOL", false, "", "2023-06-14"},
		{"what a gerund of alleging reports does not own the clause after it",
			"Chile accused Peru of making false claims by alleging Santiago armed the rebels, but said it was still determined to mend ties with Peru.",
			"AGREE", "CHL", "PER", false, "future", "2023-06-14"},
		{"a bare name coordinated with an adjective phrase shares its noun",
			"US and Peruvian activists staged a protest in Bolivia.",
			"PROTEST", "PER,USA", "", false, "", "2023-06-14"},
		{"countries agreeing that something should be done commit to it",
			"Senior Peruvian and Bolivian officials agreed on Monday that their countries should cooperate against smuggling.",
			"AGREE", "BOL,PER", "BOL,PER", false, "", "2023-06-12"},
		{"a fronted clause ends at its comma; an aside describes the subject",
			"As Boric spoke in Santiago, thousands of Peruvian protesters, waving flags, marched on the Chilean embassy.",
			"PROTEST", "PER", "CHL", false, "", "2023-06-14"},
		{"a modal perfect is a guess about the past, not a threat",
			"Chilean hackers may have launched cyber attacks on Peruvian government websites.",
			"COERCE", "CHL", "PER", false, "hypothetical", "2023-06-14"},
		{"coordination without a comma stays inside the subordinate clause",
			"Peru's parliament approved the bill after Bolivian police stormed the chamber and removed Peruvian opposition lawmakers.",
			"COERCE", "BOL", "PER", false, "", "2023-06-14"},
		{"in reported speech would is the speaker's will",
			"Peruvian officials said yesterday they would release three Bolivian prisoners.",
			"AGREE", "PER", "BOL", false, "future", "2023-06-13"},
		{"his country is the speaker's",
			"Chilean President Gabriel Boric said his country will not lift the ban on Bolivian imports.",
			"", "CHL", "BOL", true, "future", "2023-06-14"},
		{"a participle of activity is not passive",
			"Peruvian troops were engaged in ethnic cleansing in Ecuador.",
			"ASSAULT", "PER", "ECU", false, "", "2023-06-14"},
		{"a name described by its country",
			"Juan Perezz Olmedoo, Bolivia's leading human rights activist, condemned Chile.",
			"ACCUSE", "BOL", "CHL", false, "", "2023-06-14"},
		{"a past form after a passive shares its be",
			"A Peruvian journalist was shot and killed by Bolivian soldiers.",
			"ASSAULT", "BOL", "PER", false, "", "2023-06-14"},
		{"an oath to fight is a threat",
			"Ecuadorian rebels have sworn to fight the Colombian army.",
			"THREATEN", "ECU", "COL", false, "future", "2023-06-14"},
		{"the first to act",
			"Bolivian President Luis Arce was the first foreign leader to congratulate Peru's new president.",
			"SUPPORT", "BOL", "PER", false, "", "2023-06-14"},
		{"a pledge is dated when made",
			"Ghana promised to send troops to Mali next week.",
			"", "GHA", "MLI", false, "future", "2023-06-14"},
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
				a, r := codesOf(e.Actor), codesOf(e.Recipient)
				if (tt.typ == "" || e.Type == tt.typ) && a == tt.actors && r == tt.recipients &&
					e.Negated == tt.negated && e.Aux == tt.aux && e.Date == tt.date {
					return
				}
				got = append(got, e.Type+" "+a+" -> "+r+" neg="+boolText(e.Negated)+" aux="+e.Aux+" date="+e.Date)
			}
			t.Errorf("%q: want %s %s -> %s neg=%v aux=%s date=%s, got %v", tt.text, tt.typ, tt.actors, tt.recipients,
				tt.negated, tt.aux, tt.date, got)
		})
	}
}

// TestNoSharedRecipient: verbs share a recipient only within one frame of
// the sentence and only when they have no object of their own; refusing to
// speak is no rejection.
func TestNoSharedRecipient(t *testing.T) {
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, typ, recipient string }{
		{"The Chilean envoy blamed Peru for the delay and said Santiago would continue to support regional efforts to end it.", "SUPPORT", "PER"},
		{"Austria, which has opposed sending tanks to Kyiv, did not block the measures this time.", "REJECT", "UKR"},
		{"A Kremlin spokesman declined to say whether further talks with Kyiv were planned.", "REJECT", ""},
	}
	for _, tt := range tests {
		evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if e.Type == tt.typ && (tt.recipient == "" || codesOf(e.Recipient) == tt.recipient) {
				t.Errorf("%q: coded %s %s -> %s", tt.text, codesOf(e.Actor), e.Type, codesOf(e.Recipient))
			}
		}
	}
}

// TestUnresolvedTopic: a pronoun whose topic is a subject dyad cannot
// resolve stays unresolved rather than borrowing the last country named.
func TestUnresolvedTopic(t *testing.T) {
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	text := "Chile has suspended military aid to Bolivia. The committee has made it clear it will not lift the embargo on Peru."
	evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.TextInfo.Sentence == 1 {
			t.Errorf("pronoun of an unresolved topic borrowed an actor: %s %s -> %s", codesOf(e.Actor), e.Type, codesOf(e.Recipient))
		}
	}
}

// TestNamingVerbs: "call" used to name something is not an appeal or a
// phone call.
func TestNamingVerbs(t *testing.T) {
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Japan's defence minister called it a provocation.",
		"Lithuania summoned Belarus's envoy over what it called a campaign of harassment.",
	} {
		evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if e.EventText == "called" {
				t.Errorf("%q: naming verb coded as %s %s", text, e.Type, e.CAMEO)
			}
		}
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// TestDateline: actors named without a country take the country of the
// story's dateline when the story names several countries; fighters do not.
func TestDateline(t *testing.T) {
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	body := "LAGOS, June 14 (Reuters) - Ghana and Togo urged calm on Wednesday. Police arrested 30 protesters near the port. Troops shelled the rebel camp."
	evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	var arrest, shell bool
	for _, e := range evs {
		switch e.TextInfo.Sentence {
		case 1:
			arrest = true
			if codesOf(e.Actor) != "NGA" {
				t.Errorf("police in a Lagos story: actor %s, want NGA", codesOf(e.Actor))
			}
		case 2:
			shell = true
		}
	}
	if !arrest {
		t.Errorf("no arrest coded: %+v", evs)
	}
	if shell {
		t.Errorf("troops of unknown side coded from the dateline")
	}
	for _, tt := range []struct{ in, want string }{{"NEW DELHI", "New Delhi"}, {"Tokyo", "Tokyo"}, {"KYIV", "Kyiv"}} {
		if got := titleCase(tt.in); got != tt.want {
			t.Errorf("titleCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestActorSense: the actor's sector decides some verbs' sense
// (data/grammar/actorsense.tsv).
func TestActorSense(t *testing.T) {
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, notType string
	}{
		{"Senegalese riot police clashed with opposition supporters in Dakar.", "PROTEST"},
		{"Dutch peacekeeping troops arrived in Bosnia on Tuesday.", "CONSULT"},
	}
	for _, tt := range tests {
		evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if e.Type == tt.notType {
				t.Errorf("%q: coded %s %s; the actor's sector should change the sense", tt.text, e.Type, e.CAMEO)
			}
		}
	}
	rules := []senseRule{{prefix: "14", sectors: []string{"COP"}, code: "170"}, {prefix: "145", sectors: []string{"COP"}, code: "175"}}
	for _, tt := range []struct{ code, sector, want string }{{"145", "COP", "175"}, {"141", "COP", "170"}, {"145", "CVL", "145"}, {"190", "COP", "190"}} {
		if got := senseFor(rules, tt.code, []dyad.Entity{{Sector: tt.sector}}); got != tt.want {
			t.Errorf("senseFor(%s, %s) = %s, want %s", tt.code, tt.sector, got, tt.want)
		}
	}
	// A marked sector is the recipient's, never the actor's.
	rules = []senseRule{{prefix: "174", sectors: []string{">IGO"}, code: "166"}}
	for _, tt := range []struct{ code, sector, want string }{{"174", "IGO", "166"}, {"174", "GOV", "174"}, {"173", "IGO", "173"}} {
		if got := recipientSenseFor(rules, tt.code, []dyad.Entity{{Sector: tt.sector}}); got != tt.want {
			t.Errorf("recipientSenseFor(%s, %s) = %s, want %s", tt.code, tt.sector, got, tt.want)
		}
	}
	if got := senseFor(rules, "174", []dyad.Entity{{Sector: "IGO"}}); got != "174" {
		t.Errorf("an IGO actor took a recipient rule: %s", got)
	}
}
