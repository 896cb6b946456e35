package kb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/testshared"

	"github.com/dyad-events/dyad/data"
)

const petrarchActors = `# comment
<!-- an old-style
comment -->
BARACK_OBAMA_ [USAELI]
+PRESIDENT_OBAMA_
	[USAGOV 090120-170119]
FOO_BARSKY
	[RUSELI <100101]
	[RUSGOV >100101]
RURITANIA_ [RUR] # a made-up country
UN_WIDGET_AGENCY [IGOUNW]
NULL_ACTOR [---]
`

func TestParsePetrarchActors(t *testing.T) {
	as, err := ParsePetrarchActors("x.actors", petrarchActors)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 5 {
		t.Fatalf("got %d actors: %+v", len(as), as)
	}
	obama := as[0]
	if obama.Name != "BARACK OBAMA" || len(obama.Synonyms) != 1 || obama.Synonyms[0] != "PRESIDENT OBAMA" || len(obama.Codes) != 2 {
		t.Errorf("obama = %+v", obama)
	}
	if c := obama.Codes[1]; c.Code != "USAGOV" || !c.Start.Equal(time.Date(2009, 1, 20, 0, 0, 0, 0, time.UTC)) ||
		!c.End.Equal(time.Date(2017, 1, 20, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("dated code = %+v (the range includes its last day)", c)
	}
	if len(as[4].Codes) != 0 {
		t.Errorf("the null code [---] should give no code: %+v", as[4])
	}
}

func TestParsePetrarchErrors(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"+SYNONYM\n", "x.actors:1: synonym"},
		{"FOO [USAGOV\n", "x.actors:1: a '[' without ']'"},
		{"FOO [US$]\n", "x.actors:1: bad code"},
		{"\n\n    [USAGOV]\n", "x.actors:3: codes before any actor"},
		{"FOO [A] ] BAR\n", "x.actors:1: text"},
	} {
		_, err := ParsePetrarchActors("x.actors", tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.want)
		}
	}
	for _, tt := range []struct{ text, want string }{
		{"[~GOV]\n", "x.agents:1: want WORD"},
		{"EMBASSY {EMBASSIES [~GOV]\n", "x.agents:1: a '{' without '}'"},
		{"EMBASSY [~G]\n", "x.agents:1: bad agent code"},
		{"!X!MAN [~GOV]\n", "x.agents:1: unknown macro !X!"},
		{"!P = A, B\n", "x.agents:1: bad macro name"},
	} {
		_, err := ParsePetrarchAgents("x.agents", tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.want)
		}
	}
}

// TestPetrarchBadDates: a date that cannot be read leaves its code out with
// a warning instead of refusing the whole dictionary (Phoenix has a few).
func TestPetrarchBadDates(t *testing.T) {
	as, err := ParsePetrarchActors("x.actors", "FOO [USAGOV 2020] [USAGOV >20x0101]\n\t[USAGOV 100101-090101]\n\t[USAELI]\n\t[USAOPP < 950601]\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || len(as[0].Warnings) != 3 || len(as[0].Codes) != 2 {
		t.Fatalf("got %+v", as)
	}
	if w := as[0].Warnings[2].Error(); !strings.HasPrefix(w, "x.actors:2: bad date restriction: date range") {
		t.Errorf("warning %q", w)
	}
	if c := as[0].Codes[1]; c.Code != "USAOPP" || c.End.Year() != 1995 {
		t.Errorf("spaced restriction: %+v", c)
	}
}

func TestParsePetrarchAgents(t *testing.T) {
	as, err := ParsePetrarchAgents("x.agents", "!PERSON! = MAN, MEN\nCATTLE!PERSON! [~AGR]\nZOO_KEEPER [NGO~]\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		got = append(got, a.Word+"="+a.Sector)
	}
	if strings.Join(got, " ") != "cattleman=AGR cattlemen=AGR zoo keeper=NGO" {
		t.Errorf("agents = %v", got)
	}
}

// TestLoadPetrarch: PETRARCH names match in any capitalised case, with their
// date restrictions; dyad's own names win.
func TestLoadPetrarch(t *testing.T) {
	dir := t.TempDir()
	actors := filepath.Join(dir, "x.actors")
	agents := filepath.Join(dir, "x.agents")
	if err := os.WriteFile(actors, []byte(petrarchActors), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(agents, []byte("ZOO_KEEPERS [~AGR]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := LoadWith(data.FS, Options{PetrarchActors: []string{actors}, PetrarchAgents: []string{agents}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		date, doc string
		want      []want
	}{
		{"2005-01-01", "Foo Barsky spoke.", []want{{"Foo Barsky", "Foo Barsky", "RUS", "ELI", Person}}},
		{"2012-01-01", "FOO BARSKY spoke.", []want{{"FOO BARSKY", "Foo Barsky", "RUS", "GOV", Person}}},
		{"2012-01-01", "foo barsky spoke.", nil},
		{"2012-01-01", "Ruritania said.", []want{{"Ruritania", "Ruritania", "RUR", "", Person}}},
		{"2012-01-01", "The UN Widget Agency said.", []want{{"The UN Widget Agency", "Un Widget Agency", "UNW", "IGO", Organisation}}},
		// Our own data wins for names both know: Obama is ELI in 2020.
		{"2012-01-01", "Barack Obama spoke.", []want{{"Barack Obama", "Barack Obama", "USA", "GOV", Person}}},
		{"2012-01-01", "Zoo keepers protested.", []want{{"Zoo keepers", "", "", "AGR", Generic}}},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			expectMentions(t, findAll(t, k, tt.date, tt.doc), tt.want)
		})
	}
	if _, err := LoadWith(data.FS, Options{PetrarchActors: []string{filepath.Join(dir, "missing")}}); err == nil {
		t.Error("a missing PETRARCH file should fail")
	}
}

// TestPhoenixDictionaries loads the real PETRARCH dictionaries of
// ../shared when they are there.
func TestPhoenixDictionaries(t *testing.T) {
	root := sharedDir(t)
	actors := filepath.Join(root, "data/petrarch2/Phoenix.Countries.actors.txt")
	agents := filepath.Join(root, "data/petrarch2/Phoenix.agents.txt")
	validate := filepath.Join(root, "data/petrarch2/PETR.Validate.actors.txt")
	validAgents := filepath.Join(root, "data/petrarch2/PETR.Validate.agents.txt")
	start := time.Now()
	k, err := LoadWith(data.FS, Options{PetrarchActors: []string{actors, validate}, PetrarchAgents: []string{agents, validAgents}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded with Phoenix dictionaries in %v, %d warnings", time.Since(start), len(k.Warnings()))
	ms := findAll(t, k, "2001-06-01", "Hamid Karzai met Aragorn.")
	if len(ms) != 2 || ms[1].CAMEO != "RNG" {
		t.Errorf("got:%s", show(ms))
	}
}

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t testing.TB) string { return testshared.Dir(t) }

func FuzzParsePetrarch(f *testing.F) {
	f.Add(petrarchActors)
	f.Add("!PERSON! = MAN, MEN\nCATTLE!PERSON! [~AGR]\n")
	f.Add("A [B 1-2]\n<!-- x")
	f.Fuzz(func(t *testing.T, text string) {
		ParsePetrarchActors("f", text)
		ParsePetrarchAgents("f", text)
	})
}
