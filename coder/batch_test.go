package coder

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/benchcorpus"
	"github.com/dyad-events/dyad/internal/testshared"
	"github.com/dyad-events/dyad/record"
)

func seqOf(docs []dyad.Document, errAt int) func(func(dyad.Document, error) bool) {
	return func(yield func(dyad.Document, error) bool) {
		for i, d := range docs {
			var err error
			if i == errAt {
				err = errors.New("bad input")
			}
			if !yield(d, err) {
				return
			}
		}
	}
}

// TestCodeAllOrder: results come back in input order and equal, whatever the
// number of workers; a bad input is passed on and the rest is coded.
func TestCodeAllOrder(t *testing.T) {
	c := newCoder(t)
	root := testshared.Root(t)
	base := readDocs(t, root+"/examples")
	var docs []dyad.Document
	for i := range 20 {
		for _, d := range base {
			d.ID = fmt.Sprintf("%s#%d", d.ID, i)
			docs = append(docs, d)
		}
	}
	run := func(workers int) []Result {
		var out []Result
		if err := c.CodeAll(seqOf(docs, 3), workers, func(r Result) error { out = append(out, r); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	one := run(1)
	if len(one) != len(docs) {
		t.Fatalf("got %d results for %d documents", len(one), len(docs))
	}
	if one[3].Err == nil {
		t.Errorf("the bad input was not reported")
	}
	for i, r := range one {
		if i != 3 && (r.Err != nil || r.Doc.ID != docs[i].ID) {
			t.Fatalf("result %d: doc %q err %v, want doc %q", i, r.Doc.ID, r.Err, docs[i].ID)
		}
	}
	if many := run(4); !reflect.DeepEqual(one, many) {
		t.Errorf("4 workers gave different results from 1")
	}
}

func TestCodeAllStopsOnEmitError(t *testing.T) {
	c := newCoder(t)
	docs := readDocs(t, testshared.Root(t)+"/examples")
	stop := errors.New("stop")
	n := 0
	err := c.CodeAll(seqOf(docs, -1), 2, func(Result) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("CodeAll = %v after %d emits, want the emit error after 1", err, n)
	}
}

// BenchmarkCodeCorpus codes the GigaWord sample x 200 end to end (code and
// write JSONL) with all CPUs and reports sentences per second.
func BenchmarkCodeCorpus(b *testing.B) {
	docs, sentences, err := benchcorpus.Corpus(testshared.Dir(b), 200)
	if err != nil {
		b.Fatal(err)
	}
	c := newCoder(b)
	c.WaitReady()
	b.ResetTimer()
	for range b.N {
		w, _ := record.NewWriter("jsonl", io.Discard)
		err := c.CodeAll(seqOf(docs, -1), 0, func(r Result) error {
			for _, ev := range r.Events {
				if err := w.Write(ev); err != nil {
					return err
				}
			}
			return r.Err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
