package verbs

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-events/dyad/internal/testshared"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"

	"github.com/dyad-events/dyad/data"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		want *Pattern // nil with wantErr "" means: blank or comment
		err  string   // substring of the expected error
	}{
		{name: "blank", line: "   \t "},
		{name: "comment", line: "# 051 praise +"},
		{name: "simple", line: "051   congratulate +",
			want: &Pattern{Code: "051", Head: []string{"congratulate"}, Elems: []Elem{{Slot: true}}}},
		{name: "tabs and trailing literal", line: "051\tcongratulate\t+\ton",
			want: &Pattern{Code: "051", Head: []string{"congratulate"}, Elems: []Elem{{Slot: true}, {Words: []string{"on"}}}}},
		{name: "head alternatives", line: "051 praise|hail|commend +",
			want: &Pattern{Code: "051", Head: []string{"praise", "hail", "commend"}, Elems: []Elem{{Slot: true}}}},
		{name: "no slot", line: "036 agree to meet",
			want: &Pattern{Code: "036", Head: []string{"agree"}, Elems: []Elem{{Words: []string{"to"}}, {Words: []string{"meet"}}}}},
		{name: "mode", line: "042 visit +   mode=visit",
			want: &Pattern{Code: "042", Head: []string{"visit"}, Elems: []Elem{{Slot: true}}, Mode: "visit"}},
		{name: "context list and self", line: "030 expand cooperation context=economic;military self",
			want: &Pattern{Code: "030", Head: []string{"expand"}, Elems: []Elem{{Words: []string{"cooperation"}}},
				Context: []string{"economic", "military"}, Self: true}},
		{name: "inline comment", line: `1056 call on + to withdraw  # "called on Russia to withdraw"`,
			want: &Pattern{Code: "1056", Head: []string{"call"}, Elems: []Elem{
				{Words: []string{"on"}}, {Slot: true}, {Words: []string{"to"}}, {Words: []string{"withdraw"}}}}},
		{name: "hyphen and apostrophe", line: "0871 agree to cease-fire",
			want: &Pattern{Code: "0871", Head: []string{"agree"}, Elems: []Elem{{Words: []string{"to"}}, {Words: []string{"cease-fire"}}}}},
		{name: "windows line end handled by caller, tab spacing", line: "0311\tpledge economic cooperation with +",
			want: &Pattern{Code: "0311", Head: []string{"pledge"}, Elems: []Elem{
				{Words: []string{"economic"}}, {Words: []string{"cooperation"}}, {Words: []string{"with"}}, {Slot: true}}}},

		{name: "code only", line: "051", err: "no pattern"},
		{name: "code letters", line: "05a praise +", err: "digits only"},
		{name: "code too long", line: "05111 praise +", err: "2 to 4 digits"},
		{name: "code too short", line: "5 praise +", err: "2 to 4 digits"},
		{name: "slot head", line: "051 + praise", err: "head"},
		{name: "two slots", line: "045 mediate between + and +", err: "more than one"},
		{name: "upper case", line: "051 Praise +", err: "lower case"},
		{name: "empty alternative", line: "051 praise||hail +", err: "empty alternative"},
		{name: "slot alternative", line: "051 praise +|on", err: "cannot be an alternative"},
		{name: "repeated alternative", line: "051 praise|praise +", err: "repeated"},
		{name: "bad character", line: "051 praise* +", err: "unexpected character"},
		{name: "unknown attribute", line: "051 praise + goldstein=3", err: "unknown attribute"},
		{name: "element after attribute", line: "042 visit mode=visit +", err: "after an attribute"},
		{name: "empty mode", line: "042 visit + mode=", err: "empty value"},
		{name: "bad mode", line: "042 visit + mode=Visit", err: "lower-case"},
		{name: "mode twice", line: "042 visit + mode=visit mode=phone", err: "repeated"},
		{name: "empty context item", line: "042 visit + context=a;;b", err: "empty value"},
		{name: "attribute only", line: "042 mode=visit", err: "no pattern"},
		{name: "invalid utf8", line: "051 pr\xffaise +", err: "UTF-8"},
		{name: "empty word around underscore", line: "0256 urge + to pull__out", err: "empty word"},
		{name: "slot inside multi-word", line: "0256 urge +_to", err: "unexpected character"},
		{name: "too many expansions", line: "010 a_a|b_b " + strings.Repeat("c_c|d_d|e_e ", 6), err: "split it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := ParseLine(tt.line)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParseLine(%q) error = %v, want containing %q", tt.line, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseLine(%q): %v", tt.line, err)
			}
			var got *Pattern
			if tt.want == nil && len(ps) != 0 || tt.want != nil && len(ps) != 1 {
				t.Fatalf("ParseLine(%q) gave %d patterns", tt.line, len(ps))
			}
			if len(ps) == 1 {
				got = ps[0]
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseLine(%q)\n got %#v\nwant %#v", tt.line, got, tt.want)
			}
		})
	}
}

func TestParseLineExpandsMultiWordAlternatives(t *testing.T) {
	ps, err := ParseLine("0256 urge|ask|call_on + to withdraw|pull_out  self")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		if !p.Self {
			t.Errorf("%s lost the self attribute", p)
		}
		got = append(got, p.String())
	}
	want := []string{
		"0256\turge|ask + to withdraw self",
		"0256\turge|ask + to pull out self",
		"0256\tcall on + to withdraw self",
		"0256\tcall on + to pull out self",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("expansion\n got %q\nwant %q", got, want)
	}
}

func TestLoadReportsEveryBadLine(t *testing.T) {
	fsys := fstest.MapFS{
		"v/a.txt":    {Data: []byte("051 praise +\n05x bad +\n")},
		"v/b.txt":    {Data: []byte("# fine\n\n042 visit + nope=1\r\n")},
		"v/notes.md": {Data: []byte("not a pattern file")},
	}
	_, err := Load(fsys, "v")
	if err == nil {
		t.Fatal("Load: want error for malformed lines")
	}
	for _, want := range []string{"v/a.txt:2:", "v/b.txt:3:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestCandidatesOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"v/b.txt": {Data: []byte("051 congratulate +\n")},
		"v/a.txt": {Data: []byte(strings.Join([]string{
			"010 call",                   // 0
			"020 call on +",              // 11
			"1056 call on + to withdraw", // 31
			"0241 call for resignation",  // 20
			"021 call on + to",           // 21
			"022 call for",               // 10
			"051 praise|congratulate +",  // 1, a.txt loads before b.txt
		}, "\n"))},
	}
	d, err := Load(fsys, "v")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		head string
		want []string
	}{
		{"call", []string{"1056", "021", "0241", "020", "022", "010"}},
		{"congratulate", []string{"051", "051"}},
		{"Call", []string{"1056", "021", "0241", "020", "022", "010"}},
		{"nothing", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range d.Candidates(tt.head) {
			got = append(got, p.Code)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Candidates(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
	if c := d.Candidates("congratulate"); c[0].File != "v/a.txt" || c[1].File != "v/b.txt" {
		t.Errorf("congratulate ties not in file order: %s, %s", c[0].Where(), c[1].Where())
	}
	if d.Len() != 8 {
		t.Errorf("Len = %d, want 8", d.Len())
	}
	if got, want := d.Heads(), []string{"call", "congratulate", "praise"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Heads = %v, want %v", got, want)
	}
}

func TestMergeAndLoadFiles(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "user.txt")
	if err := os.WriteFile(file, []byte("042 visit + mode=visit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "more")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "x.txt"), []byte("043 host +\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	user, err := LoadFiles(file, sub)
	if err != nil {
		t.Fatal(err)
	}
	base, err := Parse("base.txt", "042 visit +\n")
	if err != nil {
		t.Fatal(err)
	}
	base.Merge(user)
	c := base.Candidates("visit")
	if len(c) != 2 || c[0].File != "base.txt" || c[1].Mode != "visit" {
		t.Fatalf("after Merge, Candidates(visit) = %v", c)
	}
	if len(base.Candidates("host")) != 1 {
		t.Errorf("pattern from directory not loaded")
	}
	if _, err := LoadFiles(filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("LoadFiles of a missing file: want error")
	}
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("042 Visit +\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFiles(bad); err == nil || !strings.Contains(err.Error(), "bad.txt:1:") {
		t.Errorf("LoadFiles(bad) error = %v, want file:line", err)
	}
}

func TestCheck(t *testing.T) {
	d, err := Parse("t.txt", strings.Join([]string{
		"051 praise|hail +",
		"051 hail +",                     // same code: warning
		"111 praise +",                   // different code: error
		"999 frobnicate +",               // unknown code
		"057 sign deal|accord with +",    // no overlap with the next: different element
		"057 sign agreement with +",      // fine
		"0311 sign deal with + on trade", // longer: fine
	}, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	valid := func(c string) bool { return c != "999" }
	var warnings, errs []string
	for _, e := range d.Check(valid) {
		var p *Problem
		if !errors.As(e, &p) {
			t.Fatalf("Check returned a non-Problem %v", e)
		}
		if IsWarning(e) {
			warnings = append(warnings, p.Pattern.Where())
		} else {
			errs = append(errs, p.Pattern.Where())
		}
	}
	if want := []string{"t.txt:2"}; !reflect.DeepEqual(warnings, want) {
		t.Errorf("warnings at %v, want %v", warnings, want)
	}
	if want := []string{"t.txt:3", "t.txt:4"}; !reflect.DeepEqual(errs, want) {
		t.Errorf("errors at %v, want %v", errs, want)
	}
}

func TestStringRoundTrip(t *testing.T) {
	for _, line := range []string{
		"051\tcongratulate + on",
		"030\texpand|deepen cooperation|tie mode=x context=economic;military self",
	} {
		ps, err := ParseLine(line)
		if err != nil {
			t.Fatal(err)
		}
		if p := ps[0]; p.String() != line {
			t.Errorf("String() = %q, want %q", p.String(), line)
		}
	}
}

// --- the embedded dictionary ---------------------------------------------

func loadEmbedded(t *testing.T) *Dict {
	t.Helper()
	d, err := Load(data.FS, "verbs")
	if err != nil {
		t.Fatalf("embedded verb patterns: %v", err)
	}
	return d
}

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t testing.TB) string { return testshared.Dir(t) }

func cameoCodes(t *testing.T) map[string]string {
	t.Helper()
	path := filepath.Join(sharedDir(t), "data", "cameo", "eventcodes.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("CAMEO code table not readable (%v): skipping", err)
	}
	defer f.Close()
	codes := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) >= 2 && cols[0] != "code" {
			codes[cols[0]] = cols[1]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return codes
}

func TestEmbeddedCodesExistAndNoConflicts(t *testing.T) {
	d := loadEmbedded(t)
	codes := cameoCodes(t)
	for _, e := range d.Check(func(c string) bool { _, ok := codes[c]; return ok }) {
		t.Error(e) // warnings too: the shipped dictionary should carry no redundant lines
	}
}

// surfaceWords are literals kept in their surface form because golem, which
// has no part-of-speech context, maps them to a wrong lemma ("as" -> "a",
// "willing" -> "will"); the coder also matches the lower-cased token text,
// so they still match.
var surfaceWords = map[string]bool{"as": true, "willing": true, "prepared": true}

func TestEmbeddedWordsAreLemmas(t *testing.T) {
	d := loadEmbedded(t)
	lem, err := golem.New(en.New())
	if err != nil {
		t.Fatal(err)
	}
	isLemma := func(w string) bool {
		for _, l := range lem.Lemmas(w) {
			if l == w {
				return true
			}
		}
		return false
	}
	for _, p := range d.Patterns() {
		for _, h := range p.Head {
			if !isLemma(h) {
				t.Errorf("%s: head %q is not a lemma (golem: %v)", p.Where(), h, lem.Lemmas(h))
			}
		}
		for _, e := range p.Elems {
			for _, w := range e.Words {
				if !isLemma(w) && !surfaceWords[w] {
					t.Errorf("%s: word %q is not a lemma (golem: %v)", p.Where(), w, lem.Lemmas(w))
				}
			}
		}
	}
}

func TestEmbeddedCoverage(t *testing.T) {
	d := loadEmbedded(t)
	codes := map[string]int{}
	roots := map[string]int{}
	for _, p := range d.Patterns() {
		codes[p.Code]++
		roots[p.Code[:2]]++
	}
	t.Logf("%d patterns, %d heads, %d distinct codes", d.Len(), len(d.Heads()), len(codes))
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		t.Logf("root %s: %d patterns", root, roots[root])
		if roots[root] == 0 {
			t.Errorf("root %s has no patterns", root)
		}
	}
	if d.Len() < 800 {
		t.Errorf("only %d patterns, want at least 800", d.Len())
	}
	if len(codes) < 150 {
		t.Errorf("only %d distinct codes, want at least 150", len(codes))
	}
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		"051 congratulate + on",
		"042 visit + mode=visit context=a;b self",
		"# comment",
		"",
		"1056 call on + to withdraw # x",
		"05x + ||",
		"0256 urge|ask|call_on + to withdraw|pull_out self",
		"051 a|b|c + d|e mode=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		ps, err := ParseLine(line)
		if err != nil {
			return
		}
		if len(ps) > maxLineExpansions {
			t.Fatalf("%q expanded to %d patterns", line, len(ps))
		}
		for _, p := range ps {
			// A parsed pattern must survive a round trip through its own syntax.
			qs, err := ParseLine(p.String())
			if err != nil {
				t.Fatalf("re-parse of %q (from %q): %v", p.String(), line, err)
			}
			if len(qs) != 1 || !reflect.DeepEqual(p, qs[0]) {
				t.Fatalf("round trip changed %q: %#v vs %#v", line, p, qs)
			}
			if len(p.Head) == 0 {
				t.Fatalf("pattern without head from %q", line)
			}
		}
	})
}
