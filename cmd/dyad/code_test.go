package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/testshared"
)

func runCLI(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goodDoc = "date 2025-03-04\nUkrainian President Volodymyr Zelensky met French President Emmanuel Macron in Paris.\n"

// TestCodeBadInputs: each bad input gets one error line naming the file (and
// line for JSONL) and the problem; the rest of the batch is still coded and
// the exit status says some inputs were skipped.
func TestCodeBadInputs(t *testing.T) {
	big := append([]byte("date 2024-01-01\n"), bytes.Repeat([]byte("word "), 10<<20)...) // a 50 MB document
	dir := writeFiles(t, map[string][]byte{
		"good.txt":        []byte(goodDoc),
		"empty.txt":       nil,
		"nodate.txt":      []byte("Russia attacked Ukraine.\n"),
		"baddate.txt":     []byte("date 2024-13-45\nRussia attacked Ukraine.\n"),
		"latin1.txt":      []byte("date 2024-01-01\nCaf\xe9 talks\n"),
		"binary.txt":      []byte("date 2024-01-01\n\x00\x01\x02\x00"),
		"big.txt":         big,
		"lines.jsonl":     []byte(`{"id":"ok","date":"2025-03-04","text":"Egypt sent aid to Sudan."}` + "\n{not json\n"),
		"nodocs/README.x": []byte("nothing here"),
	})
	inputs := []string{"good.txt", "missing.txt", "empty.txt", "nodate.txt", "baddate.txt", "latin1.txt", "binary.txt", "big.txt", "lines.jsonl", "nodocs"}
	for i, in := range inputs {
		inputs[i] = filepath.Join(dir, in)
	}
	code, out, errs := runCLI("", append([]string{"code"}, inputs...)...)
	if code != 1 {
		t.Errorf("exit status %d, want 1 (some inputs skipped)", code)
	}
	wantErr := map[string]string{
		"missing.txt":   "missing.txt",
		"empty.txt":     "empty.txt",
		"nodate.txt":    "date",
		"baddate.txt":   "2024-13-45",
		"latin1.txt":    "UTF-8",
		"binary.txt":    "binary.txt",
		"big.txt":       "big.txt",
		"lines.jsonl:2": "lines.jsonl:2",
		"nodocs":        "nodocs",
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	for name, frag := range wantErr {
		found := false
		for _, l := range lines {
			if strings.Contains(l, name) && strings.Contains(l, frag) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error line naming %s (%q) in:\n%s", name, frag, errs)
		}
	}
	if len(lines) != len(wantErr) {
		t.Errorf("%d error lines, want %d (one per bad input):\n%s", len(lines), len(wantErr), errs)
	}
	docs := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev dyad.Event
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Fatalf("output line is not a record: %q: %v", l, err)
		}
		docs[ev.Doc] = true
	}
	if !docs["good"] || !docs["ok"] {
		t.Errorf("good documents not coded; got events for %v", docs)
	}
}

func TestCodeExitStatus(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{"good.txt": []byte(goodDoc)})
	if code, _, errs := runCLI("", "code", filepath.Join(dir, "good.txt")); code != 0 {
		t.Errorf("all good: exit %d, want 0 (%s)", code, errs)
	}
	if code, _, _ := runCLI("", "code", filepath.Join(dir, "missing.txt")); code != 2 {
		t.Errorf("nothing readable: exit %d, want 2", code)
	}
	if code, _, _ := runCLI("", "code"); code != 2 {
		t.Errorf("no input: exit %d, want 2", code)
	}
	if code, _, _ := runCLI("", "code", "--format", "xml", filepath.Join(dir, "good.txt")); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}

// TestCodeStdinAndDate: "-" reads standard input; --date dates a plain text
// without a header.
func TestCodeStdinAndDate(t *testing.T) {
	code, out, errs := runCLI("Egypt sent humanitarian aid to Sudan.\n", "code", "--date", "2025-06-12", "-")
	if code != 0 || !strings.Contains(out, `"doc_date":"2025-06-12"`) {
		t.Errorf("stdin with --date: exit %d, out %q, err %q", code, out, errs)
	}
	if code, _, _ := runCLI("", "code", "--date", "2025-02-30", "-"); code != 2 {
		t.Errorf("bad --date: exit %d, want 2", code)
	}
}

// TestCodeWorkersDeterministic: the output is the same whatever --workers is.
func TestCodeWorkersDeterministic(t *testing.T) {
	examples := filepath.Join(testshared.Root(t), "examples")
	_, one, _ := runCLI("", "code", "--workers", "1", examples)
	_, four, _ := runCLI("", "code", "--workers", "4", examples)
	if one == "" || one != four {
		t.Errorf("--workers 1 and 4 differ or are empty:\n%s\n---\n%s", one, four)
	}
}

func TestCodeFormats(t *testing.T) {
	examples := filepath.Join(testshared.Root(t), "examples")
	for _, f := range []string{"tsv", "table"} {
		code, out, errs := runCLI("", "code", "--format", f, examples)
		if code != 0 || !strings.Contains(out, "Zelensky") {
			t.Errorf("--format %s: exit %d, err %q, out %q", f, code, errs, out)
		}
	}
}
