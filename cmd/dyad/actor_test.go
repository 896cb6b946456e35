package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestActorCommand(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		wantJSON []dyad.Entity
		wantErr  string
	}{
		{[]string{"--date", "2022-05-01", "Kaja Kallas"}, 0,
			[]dyad.Entity{{Text: "Kaja Kallas", Name: "Kaja Kallas", Code: "EST", Sector: "GOV", CAMEO: "ESTGOV", Start: 0, End: 11}}, ""},
		{[]string{"--date", "2025-02-01", "Kaja", "Kallas"}, 0,
			[]dyad.Entity{{Text: "Kaja Kallas", Name: "Kaja Kallas", Code: "EUR", Sector: "IGO", CAMEO: "IGOEUR", Start: 0, End: 11}}, ""},
		{[]string{"--date", "2023-03-01", "Russia's foreign minister said"}, 0,
			[]dyad.Entity{{Text: "Russia's foreign minister", Name: "Sergei Lavrov", Code: "RUS", Sector: "GOV", CAMEO: "RUSGOV", Start: 0, End: 25}}, ""},
		{[]string{"--date", "2023-03-01", "the weather was fine"}, 1, nil, "no actor found"},
		{[]string{"--date", "2023-13-01", "Russia"}, 2, nil, "bad date"},
		{[]string{}, 2, nil, "no text"},
		{[]string{"--dict", "/no/such/dir", "Russia"}, 2, nil, "no/such/dir"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := runCLI("", append([]string{"actor"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errs)
			}
			if tt.wantErr != "" && !strings.Contains(errs, tt.wantErr) {
				t.Errorf("stderr %q, want %q", errs, tt.wantErr)
			}
			var got []dyad.Entity
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if line == "" {
					continue
				}
				var e dyad.Entity
				if err := json.Unmarshal([]byte(line), &e); err != nil {
					t.Fatalf("bad JSON %q: %v", line, err)
				}
				got = append(got, e)
			}
			if len(got) != len(tt.wantJSON) {
				t.Fatalf("got %v, want %v", got, tt.wantJSON)
			}
			for i := range got {
				if got[i] != tt.wantJSON[i] {
					t.Errorf("entity %d = %+v, want %+v", i, got[i], tt.wantJSON[i])
				}
			}
		})
	}
}

// TestActorUserDicts: --dict and --petrarch-actors add actors; a malformed
// line stops the command with file:line.
func TestActorUserDicts(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"good/people.tsv":   []byte("name\taliases\tcountry\tsector\toffice\tstart\tend\tnote\nZork Quux\tQuux\tAZE\tGOV\tpresident\t2020-01-01\t\t\n"),
		"bad/people.tsv":    []byte("name\taliases\tcountry\tsector\toffice\tstart\tend\tnote\nZork Quux\t\tAZE\tGOV\tpresident\t2020-13-01\t\t\n"),
		"x.actors":          []byte("FOO_BARSKY\n\t[RUSELI <100101]\n\t[RUSGOV >100101]\n"),
		"bad.actors":        []byte("+SYNONYM_FIRST\n"),
		"x.agents":          []byte("ZOO_KEEPER {ZOO_KEEPERS} [~AGR]\n"),
		"bad.agents":        []byte("ZOO_KEEPER [~\n"),
		"empty/placeholder": nil,
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		args []string
		code int
		want string // in stdout, or in stderr when code != 0
	}{
		{[]string{"--dict", p("good"), "--date", "2024-01-01", "Quux said"}, 0, `"name":"Zork Quux","code":"AZE","sector":"GOV"`},
		{[]string{"--dict", p("bad"), "Quux said"}, 2, "people.tsv:2: start: bad date"},
		{[]string{"--petrarch-actors", p("x.actors"), "--date", "2005-01-01", "Foo Barsky said"}, 0, `"code":"RUS","sector":"ELI","cameo":"RUSELI"`},
		{[]string{"--petrarch-actors", p("x.actors"), "--date", "2012-01-01", "Foo Barsky said"}, 0, `"code":"RUS","sector":"GOV","cameo":"RUSGOV"`},
		{[]string{"--petrarch-actors", p("bad.actors"), "Russia"}, 2, "bad.actors:1: synonym"},
		{[]string{"--petrarch-agents", p("x.agents"), "zoo keepers protested"}, 0, `"sector":"AGR"`},
		{[]string{"--petrarch-agents", p("bad.agents"), "Russia"}, 2, "bad.agents:1:"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := runCLI("", append([]string{"actor"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errs)
			}
			where := out
			if code != 0 {
				where = errs
			}
			if !strings.Contains(where, tt.want) {
				t.Errorf("got %q, want %q", where, tt.want)
			}
		})
	}
}

func TestActorsUnknown(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"a.txt": []byte("date 2024-01-01\nPresident Vladimir Putin met Zorbo Quaxley in Moscow. Zorbo Quaxley said talks went well.\n"),
		"b.txt": []byte("date 2024-01-02\nZorbo Quaxley later met Emmanuel Macron and Trixie Wumpus.\n"),
	})
	code, out, errs := runCLI("", "actors", "--unknown", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "3\tZorbo Quaxley\t") {
		t.Fatalf("output:\n%s", out)
	}
	for _, known := range []string{"Putin", "Macron", "Moscow\t"} {
		if strings.Contains(out, "\t"+known) {
			t.Errorf("known name %q listed:\n%s", known, out)
		}
	}
	if !strings.Contains(out, "Trixie Wumpus") {
		t.Errorf("Trixie Wumpus missing:\n%s", out)
	}
	code, out, _ = runCLI("", "actors", "--unknown", "--json", "--min", "2", dir)
	var n unknownName
	if code != 0 || json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &n) != nil || n.Name != "Zorbo Quaxley" || n.Count != 3 || n.Example == "" {
		t.Errorf("--json output %q", out)
	}
	if strings.Contains(out, "Trixie") {
		t.Errorf("--min 2 should drop names seen once: %q", out)
	}
	if code, _, errs := runCLI("", "actors", dir); code != 2 || !strings.Contains(errs, "--unknown") {
		t.Errorf("without --unknown: exit %d, %q", code, errs)
	}
}
