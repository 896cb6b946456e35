// Package testshared finds the public evaluation data that tests read from
// ../shared beside the repository, and skips a test with a clear message
// when it is absent, so the test command passes on a fresh clone.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data folder (the "shared" folder beside the
// repository root) or skips the test.
func Dir(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			shared := filepath.Join(d, "..", "shared")
			if st, err := os.Stat(shared); err == nil && st.IsDir() {
				return shared
			}
			t.Skipf("skipped: needs the public evaluation data at %s (absent on a fresh clone)", shared)
		}
		if filepath.Dir(d) == d {
			t.Skip("skipped: repository root (go.mod) not found")
		}
	}
}

// Root returns the repository root (the folder holding go.mod).
func Root(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatal("repository root (go.mod) not found")
		}
	}
}
