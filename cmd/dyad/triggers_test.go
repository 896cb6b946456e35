package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/triggers"
)

// triggersStore ingests the articles of the triggers package's tests.
func triggersStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "dyad.db")
	if code, _, errs := runCLI("", "ingest", "--db", db, filepath.Join("..", "..", "triggers", "testdata")); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return db
}

func TestTriggersCommand(t *testing.T) {
	db := triggersStore(t)

	code, out, errs := runCLI("", "triggers", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Triggers []triggers.Trigger `json:"triggers"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	subjects := map[string]string{}
	for _, tr := range got.Triggers {
		subjects[tr.Subject.Name] = tr.Date + " " + tr.Kind
	}
	for name, want := range map[string]string{"Maia Sandu": "2024-11-04 election", "Ebrahim Raisi": "2024-05-20 death"} {
		if subjects[name] != want {
			t.Errorf("%s: got %q, want %q (all: %v)", name, subjects[name], want, subjects)
		}
	}

	code, out, errs = runCLI("", "triggers", "--db", db, "--from", "2024-11-01")
	if code != 0 {
		t.Fatalf("table: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "DATE") || !strings.Contains(out, "Maia Sandu") || strings.Contains(out, "Raisi") {
		t.Errorf("table:\n%s", out)
	}

	code, out, _ = runCLI("", "triggers", "--db", db, "--to", "2000-01-01")
	if code != 0 || !strings.Contains(out, "no triggers found") {
		t.Errorf("empty window: exit %d, output %q", code, out)
	}
}

func TestTriggersCommandErrors(t *testing.T) {
	db := triggersStore(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--from", "2024-02-30"}, "bad date"},
		{[]string{"--format", "csv"}, "unknown format"},
		{[]string{"--window", "0"}, "--window"},
		{[]string{"--min-reactors", "0"}, "--min-reactors"},
		{[]string{"--limit", "-1"}, "--limit"},
		{[]string{"extra"}, "unexpected argument"},
	}
	for _, tt := range tests {
		code, _, errs := runCLI("", append([]string{"triggers", "--db", db}, tt.args...)...)
		if code != 2 || !strings.Contains(errs, tt.want) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line with %q", tt.args, code, errs, tt.want)
		}
	}
	code, _, errs := runCLI("", "triggers", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code != 2 || !strings.Contains(errs, "no store") {
		t.Errorf("missing store: exit %d, %q", code, errs)
	}
}
