package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir is ../shared beside the repository root (the folder with
// go.mod); tests that need it skip when it is absent.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Skip(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(shared); err != nil {
				t.Skipf("shared data not available at %s", shared)
			}
			return shared
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("repository root (go.mod) not found")
		}
		dir = up
	}
}
