package coder

import (
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/dyad-events/dyad"
)

// Result is one input's outcome in a batch: a coded document, or the error
// that kept an input from being read or coded.
type Result struct {
	Doc    dyad.Document
	Events []dyad.Event
	Err    error
}

// CodeAll codes a stream of documents with a pool of workers and hands the
// results to emit in input order, whatever the number of workers, so output
// is deterministic. A read error from docs is passed on as a Result with
// Err set; a document that fails to code (or panics) is reported the same
// way and the batch goes on. emit returning an error stops the batch.
func (c *Coder) CodeAll(docs iter.Seq2[dyad.Document, error], workers int, emit func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		res  Result
		done chan struct{}
	}
	jobs := make(chan *job, workers*4)
	order := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.res.Err == nil {
					j.res.Events, j.res.Err = c.codeSafely(j.res.Doc)
				}
				close(j.done)
			}
		}()
	}
	stop := make(chan struct{})
	go func() {
		defer close(order)
		defer close(jobs)
		for d, err := range docs {
			j := &job{res: Result{Doc: d, Err: err}, done: make(chan struct{})}
			select {
			case order <- j:
			case <-stop:
				return
			}
			jobs <- j
		}
	}()
	var emitErr error
	for j := range order {
		<-j.done
		if emitErr != nil {
			continue
		}
		if err := emit(j.res); err != nil {
			emitErr = err
			close(stop)
		}
	}
	wg.Wait()
	return emitErr
}

// codeSafely codes one document and turns a panic into an error naming it,
// so one pathological document never takes down a batch.
func (c *Coder) codeSafely(d dyad.Document) (evs []dyad.Event, err error) {
	defer func() {
		if r := recover(); r != nil {
			evs, err = nil, fmt.Errorf("%s: internal error while coding: %v", d.Origin, r)
		}
	}()
	return c.Code(d)
}
