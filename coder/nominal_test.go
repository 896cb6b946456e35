package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// TestNominal: events carried by nouns. A force noun subject stands for the
// owner its noun phrase names ("Israeli air strikes killed"), and an event
// noun subject of a verb of occurrence reports its event ("riots ...
// continued") with the recipient named inside the noun phrase.
func TestNominal(t *testing.T) {
	tests := []struct {
		name, text         string
		typ, cameo         string
		actors, recipients string // sorted country codes, comma-separated
		negated            bool
		aux                string
	}{
		{"adjective owns the strikes", "Egyptian air strikes killed 14 militants in Libya on Sunday.",
			"ASSAULT", "", "EGY", "LBY", false, ""},
		{"coordinated force nouns", "Malian army drones and artillery fire hit the rebel-held town of Kidal.",
			"ASSAULT", "", "MLI", "MLI", false, ""},
		{"fired by the military", "The rockets fired by the Lebanese army struck a Syrian army depot.",
			"ASSAULT", "", "LBN", "SYR", false, ""},
		{"passive with the means", "Two Ukrainian soldiers were killed in a Russian drone strike near Kherson.",
			"ASSAULT", "", "RUS", "UKR", false, ""},
		{"riots continue", "Albanian riots against Serbian police checkpoints are still continuing.",
			"PROTEST", "145", "ALB", "SRB", false, ""},
		{"possessive protests enter a week", "Nigeria's protests against the fuel price rise entered a second week.",
			"PROTEST", "141", "NGA", "", false, ""},
		{"clashes between two adjectives", "Clashes between Kyrgyz and Tajik border guards erupted near Batken.",
			"ASSAULT", "190", "KGZ", "TJK", false, ""},
		{"talks resume", "Talks between Serbia and Kosovo resumed in Brussels on Thursday.",
			"CONSULT", "046", "SRB", "XKX", false, ""},
		{"by X", "Protests by Georgian opposition supporters spread to Batumi.",
			"PROTEST", "141", "GEO", "", false, ""},
		{"shelling of a city", "Azerbaijani shelling of Armenian border villages continued overnight.",
			"ASSAULT", "194", "AZE", "ARM", false, ""},
		{"negated occurrence", "The talks between Ethiopia and Egypt did not resume on Monday.",
			"CONSULT", "046", "ETH", "EGY", true, ""},
		{"past occurrence is background", "Chile's protests in 2019 lasted three months.",
			"PROTEST", "141", "CHL", "", false, "historical"},
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
				if e.Type == tt.typ && (tt.cameo == "" || e.CAMEO == tt.cameo) && a == tt.actors &&
					r == tt.recipients && e.Negated == tt.negated && e.Aux == tt.aux {
					return
				}
				got = append(got, e.Type+" "+e.CAMEO+" "+a+" -> "+r+" neg="+boolText(e.Negated)+" aux="+e.Aux)
			}
			t.Errorf("%q: want %s %s %s -> %s neg=%v aux=%s, got %v", tt.text, tt.typ, tt.cameo, tt.actors, tt.recipients,
				tt.negated, tt.aux, got)
		})
	}
}

// TestNominalPrecision: nouns that give no event: no named author, a verb
// that is no occurrence, a noun inside a prepositional phrase, a means
// that is no event by itself.
func TestNominalPrecision(t *testing.T) {
	tests := []string{
		"Last year's protests were the largest since 1990.",
		"Violent protests erupted in Accra on Tuesday.",
		"The protests continued after the Ghanaian president spoke.",
		"Talks on the Iranian nuclear programme resumed in Vienna.",
		"Protests against Israel's policies spread across Europe.",
		"Iranian missiles are capable of reaching Israel.",
		"Chinese exports continued to grow.",
		"After the Peruvian protests, the talks continued.",
	}
	c := newCoder(t)
	date := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	for _, text := range tests {
		evs, err := c.Code(dyad.Document{ID: "t", Date: date, Body: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			t.Errorf("%q: want no event, got %s %s %s -> %s", text, e.Type, e.CAMEO, codesOf(e.Actor), codesOf(e.Recipient))
		}
	}
}

// TestNominalFile: the embedded nominal.tsv parses and its codes exist.
func TestNominalFile(t *testing.T) {
	w, err := nominals()
	if err != nil {
		t.Fatal(err)
	}
	if len(w.occur) == 0 || len(w.nouns) == 0 {
		t.Fatalf("nominal.tsv: %d verbs, %d nouns", len(w.occur), len(w.nouns))
	}
	onto := ontology.Default()
	for noun, nn := range w.nouns {
		if nn.code == "" {
			continue
		}
		if _, ok := onto.Lookup(nn.code); !ok {
			t.Errorf("nominal.tsv: %s: unknown CAMEO code %s", noun, nn.code)
		}
	}
}

func TestParseNominalErrors(t *testing.T) {
	for _, bad := range []string{"protest event", "protest event -", "continue", "strike force 190 extra", "x occur y"} {
		if _, err := parseNominal(strings.NewReader(bad), "test.tsv"); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
	w, err := parseNominal(strings.NewReader("# c\nbreak_out occur\nair_strike force 195 # x\nmissile force -\n"), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !w.occur["break out"] || w.nouns["air strike"].code != "195" || !w.nouns["missile"].force || w.nouns["missile"].code != "" {
		t.Errorf("parsed %+v", w)
	}
}

func FuzzParseNominal(f *testing.F) {
	f.Add("continue occur\nriot event 145\nmissile force -\n")
	f.Add("# only a comment\n\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = parseNominal(strings.NewReader(s), "fuzz.tsv")
	})
}
