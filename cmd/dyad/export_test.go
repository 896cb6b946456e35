package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/store"
	"github.com/parquet-go/parquet-go"
)

func TestExportFormats(t *testing.T) {
	db := testStore(t)
	dir := t.TempDir()
	for _, format := range []string{"gdelt", "plover-jsonl", "csv", "parquet"} {
		out := filepath.Join(dir, "events."+format)
		code, _, errs := runCLI("", "export", "--db", db, "--format", format, "--out", out)
		if code != 0 || !strings.Contains(errs, "4 events written") {
			t.Errorf("export %s: exit %d: %s", format, code, errs)
			continue
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		switch format {
		case "parquet":
			rows, err := parquet.Read[flatEvent](f, st.Size())
			if err != nil || len(rows) != 4 {
				t.Errorf("parquet: %v, %d rows", err, len(rows))
			} else if rows[0].Event == "" || rows[0].Mentions < 1 {
				t.Errorf("parquet row: %+v", rows[0])
			}
		case "csv":
			rows, err := csv.NewReader(f).ReadAll()
			if err != nil || len(rows) != 5 {
				t.Errorf("csv: %v, %d rows", err, len(rows))
			}
		case "gdelt":
			sc := bufio.NewScanner(f)
			n := 0
			for sc.Scan() {
				if cells := strings.Split(sc.Text(), "\t"); len(cells) != len(gdeltColumns) {
					t.Errorf("gdelt line %d: %d cells, want %d", n, len(cells), len(gdeltColumns))
				}
				n++
			}
			if n != 5 {
				t.Errorf("gdelt: %d lines, want 5", n)
			}
		case "plover-jsonl":
			sc := bufio.NewScanner(f)
			n := 0
			for sc.Scan() {
				if !strings.Contains(sc.Text(), `"mentions":`) || !strings.Contains(sc.Text(), `"sources":`) {
					t.Errorf("jsonl line without mentions/sources: %s", sc.Text())
				}
				n++
			}
			if n != 4 {
				t.Errorf("jsonl: %d lines, want 4", n)
			}
		}
		f.Close()
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestExportErrors(t *testing.T) {
	db := testStore(t)
	for _, args := range [][]string{{}, {"--format", "xml"}, {"--format", "csv", "extra"}} {
		if code, _, _ := runCLI("", append([]string{"export", "--db", db}, args...)...); code != 2 {
			t.Errorf("export %v: exit %d, want 2", args, code)
		}
	}
	out := filepath.Join(t.TempDir(), "no", "such", "dir", "x.csv")
	if code, _, _ := runCLI("", "export", "--db", db, "--format", "csv", "--out", out); code != 2 {
		t.Errorf("unwritable --out: exit %d, want 2", code)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed export left %s", out)
	}
}

func TestEventWritersAgree(t *testing.T) {
	if len(flatColumns) != len(flatten(store.Event{}).cells()) {
		t.Errorf("%d flat columns, %d cells", len(flatColumns), len(flatten(store.Event{}).cells()))
	}
	if len(gdeltColumns) != len(gdeltCells(store.Event{})) {
		t.Errorf("%d gdelt columns, %d cells", len(gdeltColumns), len(gdeltCells(store.Event{})))
	}
}
