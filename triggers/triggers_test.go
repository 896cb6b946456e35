package triggers_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/internal/testshared"
	"github.com/dyad-events/dyad/internal/teststore"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/triggers"
	"github.com/dyad-events/dyad/when"
)

// ingest codes the documents of inputs into a new SQLite store.
func ingest(t *testing.T, inputs ...string) store.Store {
	t.Helper()
	return teststore.Ingest(t, inputs...)
}

func options(t *testing.T) triggers.Options {
	t.Helper()
	cues, err := triggers.LoadCues(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	dates, err := when.New()
	if err != nil {
		t.Fatal(err)
	}
	return triggers.Options{Cues: cues, KB: k, Dates: dates}
}

// want is one expected trigger, found by its subject's code.
type want struct {
	code, date, kind, name string
	strength               int
	reactors               []string // nil: not checked
	phrases                int      // -1: not checked
}

func check(t *testing.T, got []triggers.Trigger, wants []want, absent []string) {
	t.Helper()
	byCode := map[string]triggers.Trigger{}
	for _, tr := range got {
		if _, dup := byCode[tr.Subject.Code]; dup {
			t.Errorf("two triggers for %s: %+v", tr.Subject.Code, got)
		}
		byCode[tr.Subject.Code] = tr
	}
	for _, w := range wants {
		tr, ok := byCode[w.code]
		if !ok {
			t.Errorf("%s: no trigger (got %+v)", w.code, got)
			continue
		}
		if tr.Date != w.date || tr.Kind != w.kind || tr.Subject.Name != w.name || tr.Strength != w.strength {
			t.Errorf("%s: got %s %q %q strength %d, want %s %q %q strength %d",
				w.code, tr.Date, tr.Kind, tr.Subject.Name, tr.Strength, w.date, w.kind, w.name, w.strength)
		}
		if w.reactors != nil && !slices.Equal(tr.Reactors, w.reactors) {
			t.Errorf("%s: reactors %v, want %v", w.code, tr.Reactors, w.reactors)
		}
		if w.phrases >= 0 && tr.Phrases != w.phrases {
			t.Errorf("%s: %d phrases, want %d", w.code, tr.Phrases, w.phrases)
		}
		if len(tr.Evidence) == 0 {
			t.Errorf("%s: no evidence", w.code)
		}
	}
	for _, code := range absent {
		if tr, ok := byCode[code]; ok {
			t.Errorf("%s: unexpected trigger %+v", code, tr)
		}
	}
}

func TestFind(t *testing.T) {
	st := ingest(t, "testdata")
	opts := options(t)
	got, err := triggers.Find(context.Background(), st, opts)
	if err != nil {
		t.Fatal(err)
	}
	check(t, got, []want{
		// Four countries congratulate Sandu over two days; the first
		// congratulation dates the trigger, and "on her victory" makes it
		// an election rather than an inauguration.
		{code: "MDA", date: "2024-11-04", kind: "election", name: "Maia Sandu", strength: 4,
			reactors: []string{"DEU", "FRA", "ROU", "UKR"}, phrases: -1},
		// Four countries send condolences to Iran; "the death of
		// President Raisi" makes it a death and names the person, though
		// one condolence went to his successor.
		{code: "IRN", date: "2024-05-20", kind: "death", name: "Ebrahim Raisi", strength: 4,
			reactors: []string{"CHN", "PAK", "RUS", "TUR"}, phrases: 1},
	}, []string{"ARG", "BRA"}) // one praise of Milei by Brazil is not a trigger

	if got[0].Strength < got[len(got)-1].Strength {
		t.Errorf("not ranked by strength: %+v", got)
	}
}

func TestFindOptions(t *testing.T) {
	st := ingest(t, "testdata")
	tests := []struct {
		name    string
		set     func(*triggers.Options)
		want    []string // subject codes, in order
		wantErr string
	}{
		{name: "from", set: func(o *triggers.Options) { o.From = "2024-11-01" }, want: []string{"MDA"}},
		{name: "to", set: func(o *triggers.Options) { o.To = "2024-06-01" }, want: []string{"IRN"}},
		// Brazil's praise of Milei is no congratulation: without the words
		// a reaction's sentence must hold, it would be one.
		{name: "one reactor is enough", set: func(o *triggers.Options) { o.MinReactors = 1 }, want: []string{"MDA", "IRN"}},
		{name: "any praise", set: func(o *triggers.Options) { o.MinReactors = 1; o.Cues = withoutWords(o.Cues) }, want: []string{"MDA", "IRN", "ARG"}},
		{name: "many reactors", set: func(o *triggers.Options) { o.MinReactors = 5; o.Cues = reactionCues(o.Cues) }, want: nil},
		{name: "bad date", set: func(o *triggers.Options) { o.From = "2024-13-01" }, wantErr: "bad date"},
		{name: "no cues", set: func(o *triggers.Options) { o.Cues = nil }, wantErr: "no cues"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := options(t)
			tt.set(&opts)
			got, err := triggers.Find(context.Background(), st, opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, tr := range got {
				codes = append(codes, tr.Subject.Code)
			}
			if !slices.Equal(codes, tt.want) {
				t.Errorf("got %v, want %v", codes, tt.want)
			}
		})
	}
}

func withoutWords(cues []triggers.Cue) []triggers.Cue {
	out := slices.Clone(cues)
	for i := range out {
		out[i].Words = nil
	}
	return out
}

func reactionCues(cues []triggers.Cue) []triggers.Cue {
	return slices.DeleteFunc(slices.Clone(cues), func(c triggers.Cue) bool { return c.Source != triggers.SourceReaction })
}

// TestSeed checks the seed article: a congratulation of Trump "on his
// election" and Sandu, "who won the presidential election on November 3".
func TestSeed(t *testing.T) {
	seed := filepath.Join(testshared.Dir(t), "examples", "seed")
	st := ingest(t, seed)
	got, err := triggers.Find(context.Background(), st, options(t))
	if err != nil {
		t.Fatal(err)
	}
	check(t, got, []want{
		{code: "USA", date: "2024-11-06", kind: "election", name: "Donald Trump", strength: 1, reactors: []string{"AZE"}, phrases: 1},
		{code: "MDA", date: "2024-11-03", kind: "election", name: "Maia Sandu", strength: 0, phrases: 1},
	}, nil)
}
