package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadToken(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, text string
		mode       os.FileMode
		want       string // "" means an error
	}{
		{"ok", "s3cret-token-0123456789\n", 0o600, "s3cret-token-0123456789"},
		{"first line only", "  s3cret-token-0123456789  \nsecond\n", 0o600, "s3cret-token-0123456789"},
		{"readable by others", "s3cret-token-0123456789\n", 0o644, ""},
		{"empty", "\n", 0o600, ""},
		{"short", "abc\n", 0o600, ""},
	}
	for _, tc := range tests {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.text), tc.mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(path, tc.mode) // WriteFile's mode is masked by the umask
		got, err := readToken(path)
		if (err != nil) != (tc.want == "") || got != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	if _, err := readToken(filepath.Join(dir, "missing")); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestServeBadArguments(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "extra"},
		{"serve", "--max-body", "0"},
		{"serve", "--db", filepath.Join(t.TempDir(), "none.db")},
		{"serve", "--token-file", filepath.Join(t.TempDir(), "none")},
	} {
		var out, errb bytes.Buffer
		if code := run(&env{stdout: &out, stderr: &errb}, args); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if lines := strings.Count(strings.TrimSpace(errb.String()), "\n"); lines != 0 || !strings.HasPrefix(errb.String(), "dyad serve:") {
			t.Errorf("%q: stderr %q, want one line", args, errb.String())
		}
	}
}
