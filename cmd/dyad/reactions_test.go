package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/reactions"
)

// reactionsDB ingests the reactions package's test articles (a Moldovan
// election and the reactions to it) into a new store.
func reactionsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "dyad.db")
	if code, _, errs := runCLI("", "ingest", "--db", db, filepath.Join("..", "..", "reactions", "testdata")); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return db
}

func TestReactionsJSON(t *testing.T) {
	db := reactionsDB(t)
	tests := []struct {
		args []string
		want map[string]string // country -> status
	}{
		{[]string{"--to", "Maia Sandu", "--since", "2024-11-03", "--kind", "congratulate", "--expected", "FRA,HUN,GEO,ITA,MDA"},
			map[string]string{"FRA": "reacted", "HUN": "reacted", "GEO": "declined", "ITA": "silent"}},
		{[]string{"--to", "MDA", "--since", "2024-11-03", "--until", "2024-11-06", "--kind", "congratulate", "--expected", "HUN,POL"},
			map[string]string{"HUN": "declined", "POL": "reacted"}},
		{[]string{"--to", "Sandu", "--since", "2024-11-03", "--kind", "condemn", "--expected", "RUS,FRA"},
			map[string]string{"RUS": "reacted", "FRA": "silent"}},
	}
	for _, tc := range tests {
		code, out, errs := runCLI("", append([]string{"reactions", "--db", db, "--format", "json"}, tc.args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tc.args, code, errs)
			continue
		}
		var rep reactions.Report
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Errorf("%v: %v in %s", tc.args, err, out)
			continue
		}
		got := map[string]string{}
		for _, r := range rep.Reactions {
			got[r.Country] = string(r.Status)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%v: %v, want %v", tc.args, got, tc.want)
		}
		for c, s := range tc.want {
			if got[c] != s {
				t.Errorf("%v: %s is %q, want %q", tc.args, c, got[c], s)
			}
		}
	}
}

func TestReactionsTable(t *testing.T) {
	db := reactionsDB(t)
	code, out, errs := runCLI("", "reactions", "--db", db, "--to", "Maia Sandu", "--since", "2024-11-03", "--kind", "congratulate", "--expected", "HUN,ITA")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a title, a header and 2 rows:\n%s", out)
	}
	for _, w := range []string{"COUNTRY", "STATUS", "FIRST", "DELAY", "DECLINED", "ACTOR", "EVIDENCE"} {
		if !strings.Contains(lines[1], w) {
			t.Errorf("header %q has no %s", lines[1], w)
		}
	}
	hun := strings.Fields(lines[2])
	if len(hun) < 6 || hun[0] != "HUN" || hun[1] != "reacted" || hun[2] != "2024-11-08" || hun[3] != "5" || hun[4] != "2024-11-05" {
		t.Errorf("HUN row %q", lines[2])
	}
	if ita := strings.Fields(lines[3]); len(ita) < 2 || ita[0] != "ITA" || ita[1] != "silent" {
		t.Errorf("ITA row %q", lines[3])
	}
}

func TestReactionsErrors(t *testing.T) {
	db := reactionsDB(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad since", []string{"--to", "MDA", "--since", "2024-13-01"}, `dyad reactions: --since: bad date "2024-13-01" (want YYYY-MM-DD)`},
		{"bad until", []string{"--to", "MDA", "--until", "yesterday"}, `dyad reactions: --until: bad date "yesterday"`},
		{"no to", []string{"--since", "2024-11-03"}, "dyad reactions: --to is required"},
		{"unknown to", []string{"--to", "Nobody Inparticular"}, `dyad reactions: --to: unknown target "Nobody Inparticular"`},
		{"unknown code", []string{"--to", "QQQ"}, `dyad reactions: --to: unknown target "QQQ"`},
		{"kind", []string{"--to", "MDA", "--kind", "applaud"}, `dyad reactions: --kind: unknown kind "applaud"`},
		{"format", []string{"--to", "MDA", "--format", "xml"}, `dyad reactions: unknown format "xml"`},
		{"expected", []string{"--to", "MDA", "--expected", "NOSUCHGROUP"}, "dyad reactions: --expected:"},
		{"argument", []string{"--to", "MDA", "extra"}, `dyad reactions: unexpected argument "extra"`},
		{"window", []string{"--to", "MDA", "--since", "2024-11-05", "--until", "2024-11-01"}, "dyad reactions: until 2024-11-01 is before since 2024-11-05"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI("", append([]string{"reactions", "--db", db}, tc.args...)...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q; want exit 2 and no output", code, out)
			}
			if !strings.HasPrefix(errs, tc.want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("stderr %q, want one line starting %q", errs, tc.want)
			}
		})
	}
	code, _, errs := runCLI("", "reactions", "--db", filepath.Join(t.TempDir(), "none.db"), "--to", "MDA")
	if code != 2 || !strings.Contains(errs, "no store at") {
		t.Errorf("missing store: exit %d, %q", code, errs)
	}
}
