package main

import (
	"context"
	"flag"
	"fmt"
	"iter"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/doc"
	"github.com/dyad-events/dyad/postgres"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/dyad-events/dyad/store"
)

func init() {
	register(command{name: "ingest", summary: "code documents into the event store (de-duplicated events)", run: runIngest})
}

// defaultDB is the store the store commands use without --db.
const defaultDB = "dyad.db"

// addDBFlag adds --db to a store command.
func addDBFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB, "the store: a SQLite file `PATH`, or a postgres://user@host/db URL")
}

// openStore opens the store --db names. Commands that only read refuse a
// SQLite file that is not there, rather than create an empty store.
func openStore(ctx context.Context, db string, opts store.Options, mustExist bool) (store.Store, error) {
	if postgres.IsURL(db) {
		return postgres.Open(ctx, db, opts)
	}
	if mustExist {
		if _, err := os.Stat(db); err != nil {
			return nil, fmt.Errorf("no store at %s (run 'dyad ingest --db %s INPUT...' first)", db, db)
		}
	}
	return sqlite.Open(ctx, db, opts)
}

// ingestBatch is how many documents go into one transaction: large enough
// to amortise a commit, small enough that a killed run redoes little.
const ingestBatch = 500

func runIngest(e *env, args []string) int {
	fs := newFlagSet(e, "ingest", "[--db PATH|URL] [--workers N] [--date YYYY-MM-DD] [--window DAYS] INPUT...",
		"Codes documents (plain .txt, JSONL, directories or -) and stores them, their event mentions and\n"+
			"the de-duplicated events in the store. Re-running is safe: unchanged documents are skipped,\n"+
			"changed ones replaced, and a run killed at any moment loses at most its open batch.")
	var cf codeFlags
	cf.add(fs)
	db := addDBFlag(fs)
	window := fs.Int("window", -1, "mentions of one event may be up to `DAYS` apart (default: the store's own, 1 for a new store)")
	batch := fs.Int("batch", ingestBatch, "documents per transaction")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "dyad ingest: no input (give files, directories or -)")
		return 2
	}
	opts, err := cf.readOptions()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad ingest:", err)
		return 2
	}
	opts.Stdin = e.stdin
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	in := &ingester{e: e, batch: max(*batch, 1), start: time.Now()}
	if in.version, err = dictVersion(cf); err != nil {
		fmt.Fprintln(e.stderr, "dyad ingest:", err)
		return 2
	}
	if in.st, err = openStore(ctx, *db, store.Options{Window: *window}, false); err != nil {
		fmt.Fprintln(e.stderr, "dyad ingest:", err)
		return 2
	}
	defer in.st.Close()
	c, err := ingestCoder(cf)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad ingest:", err)
		return 2
	}
	return in.run(ctx, c, doc.Read(fs.Args(), opts), cf.workers)
}

// defaultCoder is the coder with the built-in knowledge only, built once
// per process: building one takes a noticeable fraction of a second, and a
// Coder is safe for concurrent use.
var defaultCoder = sync.OnceValues(func() (*coder.Coder, error) { return coder.New(coder.Options{}) })

func ingestCoder(cf codeFlags) (*coder.Coder, error) {
	if len(cf.dictionaries()) == 0 {
		return defaultCoder()
	}
	return cf.coder()
}

// baseDictVersion is the version of the embedded data, computed once.
var baseDictVersion = sync.OnceValues(func() (string, error) { return store.DictVersion(data.Coding()) })

func dictVersion(cf codeFlags) (string, error) {
	extra := cf.dictionaries()
	if len(extra) == 0 {
		return baseDictVersion()
	}
	return store.DictVersion(data.Coding(), extra...)
}

// ingester codes documents on the coder's workers and writes them in
// batches on a goroutine of its own, so coding and writing overlap.
type ingester struct {
	e       *env
	st      store.Store
	version string
	batch   int
	start   time.Time

	mu   sync.Mutex // guards stderr and prog between the two goroutines
	prog *progress

	unchanged atomic.Int64 // skipped before coding: already stored as they are
	bad       int          // inputs that could not be read or coded
	totals    store.PutResult
	failed    int
}

func (in *ingester) say(format string, args ...any) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.prog.clear()
	fmt.Fprintf(in.e.stderr, "dyad ingest: "+format+"\n", args...)
}

func (in *ingester) run(sigCtx context.Context, c *coder.Coder, docs iter.Seq2[dyad.Document, error], workers int) int {
	in.prog = newProgress(in.e, "ingested")
	ctx, cancel := context.WithCancelCause(sigCtx)
	defer cancel(nil)
	batches := make(chan []store.Coded, 1)
	var writeErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for b := range batches {
			if writeErr != nil {
				continue
			}
			res, err := in.st.Put(ctx, in.version, b)
			if err != nil {
				writeErr = err
				cancel(err)
				continue
			}
			for _, f := range res.Failed {
				in.say("%v", f)
			}
			in.totals.Added += res.Added
			in.totals.Replaced += res.Replaced
			in.totals.Unchanged += res.Unchanged
			in.totals.Mentions += res.Mentions
			in.failed += len(res.Failed)
		}
	}()
	var pending []store.Coded
	err := c.CodeAll(in.skipStored(ctx, docs), workers, func(r coder.Result) error {
		if err := ctx.Err(); err != nil {
			return context.Cause(ctx)
		}
		if r.Err != nil {
			in.bad++
			in.say("%v", r.Err)
			return nil
		}
		in.mu.Lock()
		in.prog.add(1, len(r.Events))
		in.mu.Unlock()
		pending = append(pending, store.Coded{Doc: r.Doc, Events: r.Events})
		if len(pending) >= in.batch {
			batches <- pending
			pending = nil
		}
		return nil
	})
	if err == nil && ctx.Err() == nil && len(pending) > 0 {
		batches <- pending
	}
	close(batches)
	wg.Wait()
	in.mu.Lock()
	in.prog.done()
	in.mu.Unlock()
	if writeErr != nil {
		err = writeErr
	}
	interrupted := sigCtx.Err() != nil
	in.summary(interrupted)
	switch {
	case interrupted:
		fmt.Fprintln(in.e.stderr, "dyad ingest: interrupted; the batches committed so far are stored, run again to finish")
		return 1
	case err != nil:
		fmt.Fprintln(in.e.stderr, "dyad ingest:", err)
		return 2
	}
	ok := in.totals.Added + in.totals.Replaced + in.totals.Unchanged + int(in.unchanged.Load())
	return exitStatus(ok, in.bad+in.failed)
}

// skipStored passes on the documents the store does not already hold as
// they are, so that a re-run codes only what is new or changed.
func (in *ingester) skipStored(ctx context.Context, docs iter.Seq2[dyad.Document, error]) iter.Seq2[dyad.Document, error] {
	if c, err := in.st.Counts(ctx); err == nil && c.Documents == 0 {
		return docs // a new store: nothing to look up
	}
	return func(yield func(dyad.Document, error) bool) {
		for d, err := range docs {
			if err == nil && d.ID != "" {
				// A failed look-up just means the document is coded again;
				// Put decides for good.
				if ok, herr := in.st.Has(ctx, d.ID, store.ContentHash(d), in.version); herr == nil && ok {
					in.unchanged.Add(1)
					continue
				}
			}
			if !yield(d, err) {
				return
			}
		}
	}
}

func (in *ingester) summary(interrupted bool) {
	t := in.totals
	c, err := in.st.Counts(context.Background())
	state := ""
	if err == nil {
		state = fmt.Sprintf("; store: %d documents, %d mentions, %d events", c.Documents, c.Mentions, c.Events)
	}
	verb := "done"
	if interrupted {
		verb = "stopped"
	}
	fmt.Fprintf(in.e.stderr, "dyad ingest: %s: %d documents added, %d replaced, %d unchanged, %d skipped (bad input); %d mentions written%s (window %d days, dictionaries %s) in %s\n",
		verb, t.Added, t.Replaced, t.Unchanged+int(in.unchanged.Load()), in.bad+in.failed, t.Mentions, state,
		in.st.Window(), in.version, time.Since(in.start).Round(time.Millisecond))
}
