package reactions

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-events/dyad/data"
)

func TestEmbeddedKinds(t *testing.T) {
	k, err := LoadKinds(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := k.Names(), []string{"congratulate", "condolence", "support", "condemn", "any"}; !slices.Equal(got, want) {
		t.Errorf("kinds %v, want %v", got, want)
	}
	tests := []struct {
		kind, cameo string
		want        bool
	}{
		{"congratulate", "051", true},
		{"congratulate", "018", false},
		{"congratulate", "057", false},
		{"condolence", "018", true},
		{"condolence", "051", false},
		{"support", "0333", true},
		{"support", "073", true},
		{"support", "036", false},
		{"condemn", "1123", true},
		{"condemn", "111", true},
		{"condemn", "115", false},
		{"any", "018", true},
		{"any", "112", true},
		{"any", "190", false},
		{"nosuch", "051", false},
	}
	for _, tc := range tests {
		if got := k.Match(tc.kind, tc.cameo); got != tc.want {
			t.Errorf("Match(%s, %s) = %v, want %v", tc.kind, tc.cameo, got, tc.want)
		}
	}
}

func TestParseKindsErrors(t *testing.T) {
	const head = "# comment\nkind\tcameo\twhy\n"
	tests := []struct {
		name, text, want string
	}{
		{"no header", "congratulate\t051\tx\n", "k.tsv:1: want the header line"},
		{"few fields", head + "congratulate\n", "k.tsv:3: want kind<TAB>cameo<TAB>why"},
		{"upper case", head + "Congratulate\t051\tx\n", `k.tsv:3: kind "Congratulate" is not a lower-case word`},
		{"any", head + "any\t05\tx\n", `k.tsv:3: kind "any" is built in`},
		{"twice", head + "a\t051\tx\na\t018\tx\n", `k.tsv:4: kind "a" listed twice`},
		{"bad code", head + "a\t05x\tx\n", `k.tsv:3: "05x" is not a CAMEO event code prefix`},
		{"empty code", head + "a\t051||018\tx\n", `k.tsv:3: "" is not a CAMEO event code prefix`},
		{"empty", head, "k.tsv: no kinds"},
	}
	for _, tc := range tests {
		_, err := parseKinds("k.tsv", tc.text)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line starting %q", tc.name, err, tc.want)
		}
	}
	if _, err := LoadKinds(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "read reactions/kinds.tsv") {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzParseKinds: any file text gives kinds or an error, never a panic,
// and every loaded kind has prefixes that "any" covers.
func FuzzParseKinds(f *testing.F) {
	b, err := data.FS.ReadFile(KindsFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("kind\tcameo\na\t05|1\n")
	f.Add("kind\tcameo\r\n\r\n")
	f.Fuzz(func(t *testing.T, text string) {
		k, err := parseKinds("f.tsv", text)
		if err != nil {
			return
		}
		for _, name := range k.Names() {
			for _, p := range k.Prefixes(name) {
				if !k.Match(AnyKind, p) {
					t.Errorf("kind %s prefix %q not covered by any", name, p)
				}
			}
		}
	})
}
