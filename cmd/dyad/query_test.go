package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/store"
)

// testStore ingests a small corpus into a new store for the read-only
// command tests.
func testStore(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "docs.jsonl")
	lines := []string{
		`{"id":"a","date":"2025-03-04","text":"Russian troops shelled the town of Kherson overnight. Ukraine accused Russia of targeting civilian infrastructure."}`,
		`{"id":"b","date":"2025-03-05","text":"Russian troops shelled the town of Kherson overnight."}`,
		`{"id":"c","date":"2025-04-20","text":"Egypt sent humanitarian aid to Sudan. Turkish President Recep Tayyip Erdogan met German Chancellor Olaf Scholz in Berlin."}`,
	}
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "dyad.db")
	if code, _, errs := runCLI("", "ingest", "--db", db, in); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return db
}

func queryEvents(t *testing.T, db string, args ...string) []store.Event {
	t.Helper()
	code, out, errs := runCLI("", append([]string{"query", "--db", db}, args...)...)
	if code != 0 {
		t.Fatalf("query %v: exit %d: %s", args, code, errs)
	}
	var evs []store.Event
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var ev store.Event
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		evs = append(evs, ev)
	}
	return evs
}

func TestQueryEvents(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{nil, 4},
		{[]string{"--actor", "RUS"}, 1},
		{[]string{"--actor", "RUSMIL", "--event", "ASSAULT"}, 1},
		{[]string{"--actor", "erdogan"}, 1},
		{[]string{"--recipient", "RUS"}, 1},
		{[]string{"--cameo", "07"}, 1},
		{[]string{"--from", "2025-04-01"}, 2},
		{[]string{"--to", "2025-03-31"}, 2},
		{[]string{"--negated", "true"}, 0},
		{[]string{"--negated", "false", "--limit", "3"}, 3},
		{[]string{"--text", "humanitarian"}, 2},
	}
	db := testStore(t)
	for _, tc := range tests {
		if got := len(queryEvents(t, db, tc.args...)); got != tc.want {
			t.Errorf("query %v: %d events, want %d", tc.args, got, tc.want)
		}
	}
	// The shelling is reported by a and b a day apart: one event.
	evs := queryEvents(t, db, "--event", "ASSAULT")
	if len(evs) != 1 || evs[0].Mentions != 2 || strings.Join(evs[0].Sources, ",") != "a,b" ||
		evs[0].FirstSeen != "2025-03-04" || evs[0].LastSeen != "2025-03-05" || evs[0].Actor[0].Code != "RUS" {
		t.Errorf("de-duplicated shelling: %+v", evs)
	}
}

func TestQueryMentionsAndFormats(t *testing.T) {
	db := testStore(t)
	code, out, errs := runCLI("", "query", "--db", db, "--event", "ASSAULT", "--mentions")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("--mentions: %d lines, want 2:\n%s", len(lines), out)
	}
	var ev dyad.Event
	if err := json.Unmarshal([]byte(lines[1]), &ev); err != nil || ev.Doc != "b" || strings.Contains(lines[1], `"mentions"`) {
		t.Errorf("--mentions record: %v %s", err, lines[1])
	}
	for _, format := range []string{"table", "tsv", "csv"} {
		for _, mentions := range []string{"--mentions=false", "--mentions=true"} {
			code, out, errs := runCLI("", "query", "--db", db, "--format", format, mentions)
			if code != 0 || !strings.Contains(out, "Kherson") {
				t.Errorf("--format %s %s: exit %d, %s\n%s", format, mentions, code, errs, out)
			}
		}
	}
	_, out, _ = runCLI("", "query", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 5 || len(rows[0]) != len(flatColumns) {
		t.Errorf("csv: %v, %d rows", err, len(rows))
	}
}

func TestQueryErrors(t *testing.T) {
	db := testStore(t)
	for _, args := range [][]string{
		{"--from", "yesterday"}, {"--event", "DANCE"}, {"--negated", "maybe"}, {"--format", "xml"},
		{"--cameo", "abc"}, {"RUS"}, {"--text", `"unbalanced`},
	} {
		code, _, errs := runCLI("", append([]string{"query", "--db", db}, args...)...)
		if code != 2 || !strings.HasPrefix(errs, "dyad query:") {
			t.Errorf("query %v: exit %d, stderr %q", args, code, errs)
		}
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	if code, _, errs := runCLI("", "query", "--db", missing); code != 2 || !strings.Contains(errs, "dyad ingest") {
		t.Errorf("missing store: exit %d, %q", code, errs)
	}
}

func TestStats(t *testing.T) {
	db := testStore(t)
	code, out, errs := runCLI("", "stats", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"documents", "events", "by type", "ASSAULT", "by actor", "RUSMIL", "by month", "2025-03"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lack %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI("", "stats", "--db", db, "--json")
	var s struct {
		Documents, Events int
		ByMonth           []store.Count `json:"by_month"`
	}
	if err := json.Unmarshal([]byte(out), &s); code != 0 || err != nil || s.Documents != 3 || s.Events != 4 || len(s.ByMonth) != 2 {
		t.Errorf("stats --json: exit %d, %v, %+v", code, err, s)
	}
}
