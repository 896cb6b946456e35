package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestTableIsUpToDate regenerates cameo.tsv and compares it with the file in
// data/ontology, so a hand edit or a changed generator shows up.
func TestTableIsUpToDate(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	shared := filepath.Join(root, "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(shared, "cameo", "eventcodes.tsv")); err != nil {
		t.Skipf("shared CAMEO tables not available: %v", err)
	}
	out := filepath.Join(t.TempDir(), "cameo.tsv")
	if err := run(shared, out, filepath.Join(root, "data", "ontology", "overrides.tsv")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile(filepath.Join(root, "data", "ontology", "cameo.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("data/ontology/cameo.tsv differs from the generator's output: run go run ./internal/gen/ontology")
	}
}
