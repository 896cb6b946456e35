package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/eval"
)

func writeGoldDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const cliGold = `{"doc": "a", "date": "2024-11-06", "events": [
 {"source": {"name": "Ilham Aliyev", "country": "AZE", "role": "GOV"}, "type_plover": "SUPPORT", "type_cameo": "051",
  "target": {"name": "Donald Trump", "country": "USA", "role": "ELI"}, "negated": false, "evidence": "Aliyev congratulated Trump."}]}`

// stubCoder codes "X congratulated Y." documents with Aliyev and Trump as
// one SUPPORT event, and nothing else, so the CLI tests do not depend on
// what the real coder finds.
func stubCoder(coder.Options) (eval.CodeFunc, error) {
	return func(d dyad.Document) ([]dyad.Event, error) {
		if !strings.Contains(d.Body, "congratulated") {
			return nil, nil
		}
		return []dyad.Event{{
			Actor:     []dyad.Entity{{Code: "AZE", Sector: "GOV"}},
			Recipient: []dyad.Entity{{Code: "USA", Sector: "GOV"}},
			Type:      "SUPPORT", CAMEO: "051", Text: d.Body,
		}}, nil
	}, nil
}

func runEvalCLI(args ...string) (int, string, string) {
	saved := newEvalCoder
	newEvalCoder = stubCoder
	defer func() { newEvalCoder = saved }()
	var out, errb bytes.Buffer
	code := run(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, append([]string{"eval"}, args...))
	return code, out.String(), errb.String()
}

func TestEvalGoldJSON(t *testing.T) {
	dir := writeGoldDir(t, map[string]string{"a.gold.json": cliGold, "a.txt": "date 2024-11-06 Aliyev congratulated Trump."})
	code, out, errs := runEvalCLI("--gold", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var r struct {
		Dyad struct {
			Recall float64 `json:"recall"`
			TP     int     `json:"tp"`
		} `json:"dyad"`
		Strict struct {
			FN int `json:"fn"`
		} `json:"strict"`
		Docs []struct {
			Doc string `json:"doc"`
		} `json:"docs"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	// The stub's GOV recipient matches the dyad key, not the strict one (ELI).
	if len(r.Docs) != 1 || r.Docs[0].Doc != "a" || r.Dyad.TP != 1 || r.Dyad.Recall != 1 || r.Strict.FN != 1 {
		t.Errorf("report %+v", r)
	}
}

func TestEvalGoldTableAndBadFiles(t *testing.T) {
	dir := writeGoldDir(t, map[string]string{
		"a.gold.json": cliGold, "a.txt": "date 2024-11-06 Aliyev congratulated Trump.",
		"b.gold.json": "{", "b.txt": "date 2024-11-06 x",
	})
	code, out, errs := runEvalCLI("--gold", dir, "--misses")
	if code != 1 || !strings.Contains(errs, "b.gold.json: invalid JSON") {
		t.Errorf("exit %d, stderr %q: want 1 and the bad file named", code, errs)
	}
	if !strings.Contains(out, "dyad") || !strings.Contains(out, "1.000") {
		t.Errorf("table:\n%s", out)
	}
}

func TestEvalUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--gold", "x", "--set", "conflibert"},
		{"--bogus"},
		{"--set", "nope"},
		{"--gold", "x", "extra"},
	} {
		code, _, errs := runEvalCLI(args...)
		if code != 2 || strings.Count(errs, "\n") != 1 {
			t.Errorf("eval %q: exit %d, stderr %q; want 2 and one line", args, code, errs)
		}
	}
	if code, out, _ := runEvalCLI("-h"); code != 0 || !strings.Contains(out, "--gold") {
		t.Errorf("-h: exit %d, %q", code, out)
	}
}

func TestEvalSet(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	code, out, errs := runEvalCLI("--set", "petrarch-unit", "--data", data, "--json")
	if code != 0 || !strings.Contains(out, `"record_pass"`) {
		t.Errorf("exit %d, stderr %q, out %.200s", code, errs, out)
	}
}
