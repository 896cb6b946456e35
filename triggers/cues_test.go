package triggers

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/data"
)

func TestEmbeddedCues(t *testing.T) {
	cues, err := LoadCues(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]int{}
	seen := map[string]bool{}
	for _, c := range cues {
		sources[c.Source]++
		if seen[c.Source+c.Match] {
			t.Errorf("%s: %q twice", c.Origin, c.Match)
		}
		seen[c.Source+c.Match] = true
	}
	if sources[SourceReaction] < 2 || sources[SourcePhrase] < 20 {
		t.Errorf("cues by source: %v", sources)
	}
}

const cueHeader = "# comment\nsource\tmatch\tkind\tsubject\twords\n"

func TestParseCues(t *testing.T) {
	tests := []struct {
		name, text, want string // want: "" for no error
	}{
		{"ok", cueHeader + "reaction\t051\telection|inauguration\t\tcongratulat|felicitat\nphrase\twas sworn in\tinauguration\tbefore\t\n", ""},
		{"no header", "# only comments\n", "no header line"},
		{"bad header", "source\tmatch\tkind\tsubject\n", "header"},
		{"field count", cueHeader + "phrase\tdied\tdeath\tbefore\n", "x.tsv:3: 4 fields"},
		{"phrase words", cueHeader + "phrase\tdied\tdeath\tbefore\tdie\n", "no words column"},
		{"upper-case word", cueHeader + "reaction\t051\telection\t\tCongrat\n", "lower case"},
		{"empty word", cueHeader + "reaction\t051\telection\t\tcongrat||x\n", "not empty"},
		{"unknown kind", cueHeader + "phrase\tdied\tcoup\tbefore\t\n", "x.tsv:3: unknown kind \"coup\""},
		{"code not digits", cueHeader + "reaction\t05a\telection\t\t\n", "not a CAMEO code prefix"},
		{"empty code", cueHeader + "reaction\t\telection\t\t\n", "not a CAMEO code prefix"},
		{"reaction subject", cueHeader + "reaction\t051\telection\tbefore\t\n", "no subject column"},
		{"upper-case phrase", cueHeader + "phrase\tDied\tdeath\tbefore\t\n", "lower case"},
		{"quote in phrase", cueHeader + "phrase\tthe \"king\"\tdeath\tafter\t\n", "double quotes"},
		{"bad subject", cueHeader + "phrase\tdied\tdeath\tnear\t\n", "subject \"near\""},
		{"bad source", cueHeader + "rumour\tdied\tdeath\tbefore\t\n", "source \"rumour\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cues, err := ParseCues("x.tsv", tt.text)
			if tt.want == "" {
				if err != nil || len(cues) != 2 || cues[0].Kinds[1] != "inauguration" || cues[1].Subject != Before || len(cues[0].Words) != 2 {
					t.Errorf("got %+v, %v", cues, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestWordIndex(t *testing.T) {
	tests := []struct {
		text, phrase string
		want         int
	}{
		{"the king died on monday", "died", 9},
		{"the king died.", "died", 9},
		{"a studied approach; he died", "died", 23},
		{"a studied approach", "died", -1},
		{"re-elected", "elected", -1},
		{"", "died", -1},
	}
	if got := wordPrefixIndex("we congratulated them", "congratulat"); got != 3 {
		t.Errorf("wordPrefixIndex = %d, want 3", got)
	}
	if got := wordPrefixIndex("uncongratulated", "congratulat"); got != -1 {
		t.Errorf("wordPrefixIndex inside a word = %d, want -1", got)
	}
	for _, tt := range tests {
		if got := wordIndex(tt.text, tt.phrase); got != tt.want {
			t.Errorf("wordIndex(%q, %q) = %d, want %d", tt.text, tt.phrase, got, tt.want)
		}
	}
}

// FuzzParseCues feeds arbitrary text to the cue parser: it may refuse it,
// never panic, and what it accepts is well formed.
func FuzzParseCues(f *testing.F) {
	f.Add(cueHeader + "reaction\t051\telection\t\tcongratulat\nphrase\tdied\tdeath\tbefore\t\n")
	f.Add("source\tmatch\tkind\tsubject\twords\r\nphrase\tx\tattack|attack\tafter\t\r\n")
	f.Add("\n\n#\nsource\tmatch\tkind\tsubject\twords\nphrase\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, text string) {
		cues, err := ParseCues("fuzz.tsv", text)
		if err != nil {
			return
		}
		for _, c := range cues {
			if c.Match == "" || len(c.Kinds) == 0 {
				t.Errorf("accepted an empty cue: %+v", c)
			}
			_ = wordIndex(strings.ToLower(text), c.Match)
		}
	})
}
