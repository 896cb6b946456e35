package data

import (
	"io/fs"
	"testing"
)

// TestCoding: the coding view holds the coder's folders and nothing else.
func TestCoding(t *testing.T) {
	var dirs []string
	err := fs.WalkDir(Coding(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." {
			dirs = append(dirs, path)
			return fs.SkipDir
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"grammar", "kb", "ontology", "verbs"}
	if len(dirs) != len(want) {
		t.Fatalf("coding folders %v, want %v", dirs, want)
	}
	for i := range want {
		if dirs[i] != want[i] {
			t.Fatalf("coding folders %v, want %v", dirs, want)
		}
	}
	if _, err := fs.ReadFile(Coding(), "groups/README.md"); err == nil {
		t.Error("groups/ is visible in the coding view")
	}
	if _, err := fs.ReadFile(Coding(), "kb/countries.tsv"); err != nil {
		t.Errorf("kb/countries.tsv: %v", err)
	}
}
