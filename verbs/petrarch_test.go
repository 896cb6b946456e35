package verbs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/testshared"
)

const petrarchSnippet = `# a test dictionary
####### SYNONYM SETS #######
&WEAPON
+GUN
+ROCKET_LAUNCHER
+MI-24VM/HIND

&SECURITY
+SECURITY_
+PROTECTION

---  RUSH   [---]  ---
RUSH
HURRY {HURRIES HURRYING HURRIED }
- * (TO)                          [042:043]     # RUSH
- * AID                           [070]
- * &WEAPON                       [194]
- &MILITARY *                     [154]         # words before the verb
- $ * (TO {BANNED PARTIES}) $     [1722]
- * INCIDENTS                     [---]
~ a (a b ATTACK) SAY = a b 015

---  ASK   [---]  ---
ASK     [020]
+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]
PETITION
- * + (TO/FOR HELP)               [:0233]
- * OFF (FROM ^)                  [042]
- *SCEPTICAL                      [012]
- * &NOPE                         [190]
- * DOWN                          [080!]
SCRAP {SCRAPPING};shan   8/30/93
`

func writeTemp(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "verbs.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadPetrarchSnippet(t *testing.T) {
	d, rep, err := LoadPetrarchReport(writeTemp(t, petrarchSnippet))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Patterns() {
		got = append(got, p.String())
	}
	want := []string{
		"042\trush|hurry to",
		"070\trush|hurry aid",
		"194\trush|hurry gun|mi-24vm|hind",
		"194\trush|hurry rocket launcher",
		"1722\trush|hurry to banned parties",
		"020\task",
		"020\task for",
		"0233\task|petition|scrap + to|for help",
		"0233\task for + to|for help",
		"042\task|petition|scrap off from",
		"042\task for off from",
		"012\task|petition|scrap sceptical",
		"012\task for sceptical",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("patterns:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Blocks != 2 || rep.Synsets != 2 {
		t.Errorf("report %d blocks, %d synsets; want 2, 2", rep.Blocks, rep.Synsets)
	}
	wantSkips := map[string]int{
		"words or target before the verb (dyad reads only what follows it)": 1,
		"pattern with code [---]":                    1,
		"transformation (~) lines are not supported": 1,
		"unknown synonym set":                        1,
		"unreadable pattern code":                    1,
	}
	for reason, n := range wantSkips {
		if rep.Skipped[reason] != n {
			t.Errorf("skipped[%q] = %d; want %d (report: %s)", reason, rep.Skipped[reason], n, rep)
		}
	}
	if p := d.Candidates("hurry"); len(p) == 0 || p[0].File == "" || p[0].Line == 0 {
		t.Errorf("hurry candidates lack positions: %+v", p)
	}
}

func TestLoadPetrarchOddInput(t *testing.T) {
	for _, text := range []string{
		"",
		"--- [",
		"- * FOO [010]",
		"+LOOSE",
		"---  X  [010]  ---\n",
		"---  X  [01x]  ---\nX\n- * Y [010]\n",
		"&\n+A\n",
		"---  X  [010]  ---\nX Y Z\n- * \xff [010]\n",
		"---  X  [010]  ---\nX\n- * + + [010]\n- * [010\n- ** [010]\n",
	} {
		d, rep, err := LoadPetrarchReport(writeTemp(t, text))
		if err != nil || d == nil || rep == nil {
			t.Errorf("LoadPetrarchReport(%q) = %v, %v, %v", text, d, rep, err)
		}
	}
	if _, err := LoadPetrarch(filepath.Join(t.TempDir(), "missing.txt")); err == nil {
		t.Error("missing file: no error")
	}
}

// TestLoadPetrarchCAMEO loads PETRARCH2's own dictionary from ../shared and
// logs what was read and skipped.
func TestLoadPetrarchCAMEO(t *testing.T) {
	path := filepath.Join(testshared.Dir(t), "data", "petrarch2", "CAMEO.2.0.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("skipped: %v", err)
	}
	d, rep, err := LoadPetrarchReport(path)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, p := range d.Patterns() {
		codes[p.Code] = true
	}
	t.Logf("%s", rep)
	t.Logf("%d patterns, %d heads, %d distinct codes", d.Len(), len(d.Heads()), len(codes))
	if rep.Blocks < 390 || d.Len() < 4000 || len(codes) < 150 {
		t.Errorf("too little read: %s", rep)
	}
	if len(d.Candidates("attack")) == 0 {
		t.Error("no patterns for attack")
	}
	var errs, warns int
	for _, e := range d.Check(func(string) bool { return true }) {
		if IsWarning(e) {
			warns++
		} else {
			errs++
		}
	}
	t.Logf("Check: %d conflicts between codes, %d redundant patterns", errs, warns)
}

func FuzzParsePetrarch(f *testing.F) {
	f.Add(petrarchSnippet)
	f.Add("---  A [010] ---\nA\n- * &S [011]\n&S\n+&S\n")
	f.Fuzz(func(t *testing.T, text string) {
		d, rep := ParsePetrarch("f.txt", text)
		if d == nil || rep == nil {
			t.Fatal("nil result")
		}
		d.Candidates("a")
	})
}
