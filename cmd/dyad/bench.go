package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/internal/benchcorpus"
	"github.com/dyad-events/dyad/record"
)

func init() {
	register(command{name: "bench", summary: "measure end-to-end coding throughput", run: runBench})
}

func runBench(e *env, args []string) int {
	fs := newFlagSet(e, "bench", "[--repeat N] [--workers N] [--data DIR]",
		"Codes the GigaWord sample of ../shared/data/petrarch2 repeated N times (read, code, write JSONL\n"+
			"to nowhere) and prints sentences and documents per second.")
	repeat := fs.Int("repeat", 200, "copies of the 76-sentence sample")
	workers := fs.Int("workers", 0, "documents coded in parallel (0: one per CPU)")
	dataDir := fs.String("data", "", "shared data `DIR` (default: ../shared above the working directory)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	shared, err := benchcorpus.FindShared(*dataDir)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad bench:", err)
		return 2
	}
	docs, sentences, err := benchcorpus.Corpus(shared, *repeat)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad bench:", err)
		return 2
	}
	c, err := coder.New(coder.Options{})
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad bench:", err)
		return 2
	}
	c.WaitReady() // measure the steady state, not the background build of the fast matcher
	w, _ := record.NewWriter("jsonl", io.Discard)
	var ms runtime.MemStats
	start := time.Now()
	events := 0
	err = c.CodeAll(slices2Seq(docs), *workers, func(r coder.Result) error {
		if r.Err != nil {
			return r.Err
		}
		events += len(r.Events)
		for _, ev := range r.Events {
			if err := w.Write(ev); err != nil {
				return err
			}
		}
		return nil
	})
	elapsed := time.Since(start)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad bench:", err)
		return 1
	}
	runtime.ReadMemStats(&ms)
	nw := *workers
	if nw <= 0 {
		nw = runtime.GOMAXPROCS(0)
	}
	fmt.Fprintf(e.stdout, "documents %d, sentences %d, events %d, workers %d, CPUs %d\n", len(docs), sentences, events, nw, runtime.NumCPU())
	fmt.Fprintf(e.stdout, "elapsed %s: %.0f sentences/s, %.0f documents/s; heap in use %.0f MiB, total allocated %.0f MiB\n",
		elapsed.Round(time.Millisecond), float64(sentences)/elapsed.Seconds(), float64(len(docs))/elapsed.Seconds(),
		float64(ms.HeapInuse)/(1<<20), float64(ms.TotalAlloc)/(1<<20))
	return 0
}

// slices2Seq turns a slice of documents into the stream CodeAll reads.
func slices2Seq(docs []dyad.Document) func(func(dyad.Document, error) bool) {
	return func(yield func(dyad.Document, error) bool) {
		for _, d := range slices.Clip(docs) {
			if !yield(d, nil) {
				return
			}
		}
	}
}
