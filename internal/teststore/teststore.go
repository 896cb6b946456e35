// Package teststore fills a throw-away SQLite store for tests of the
// packages that read stores (reactions, triggers, http).
package teststore

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/doc"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/dyad-events/dyad/store"
)

// Coder is the default coder, built once per test binary.
var Coder = sync.OnceValues(func() (*coder.Coder, error) { return coder.New(coder.Options{}) })

// Ingest codes the documents of inputs (files or folders, as dyad code reads
// them) into a new SQLite store in a temporary folder, closed when the test
// ends.
func Ingest(t testing.TB, inputs ...string) store.Store {
	t.Helper()
	c, err := Coder()
	if err != nil {
		t.Fatal(err)
	}
	var batch []store.Coded
	for d, err := range doc.Read(inputs, doc.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		evs, err := c.Code(d)
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, store.Coded{Doc: d, Events: evs})
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"), store.Options{Window: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Put(ctx, "test", batch); err != nil {
		t.Fatal(err)
	}
	return st
}
