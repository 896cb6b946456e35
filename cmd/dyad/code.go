package main

import (
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/doc"
	"github.com/dyad-events/dyad/record"
)

func init() {
	register(command{name: "code", summary: "code news documents into event records", run: runCode})
}

// codeFlags are the options every command that codes text shares.
type codeFlags struct {
	date     string
	workers  int
	dictDirs stringList
	verbs    stringList
	petrarch stringList
	// PETRARCH/TABARI actor and agent dictionaries
	petrarchActors, petrarchAgents stringList
	// statements: also code CAMEO 01 statements (set by `dyad code` and
	// `dyad explain` only: a store holds PLOVER events)
	statements bool
}

func (f *codeFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&f.date, "date", "", "publication date `YYYY-MM-DD` for .txt files without a date header")
	fs.IntVar(&f.workers, "workers", 0, "documents coded in parallel (0: one per CPU)")
	fs.Var(&f.dictDirs, "dict", "extra actor dictionary `DIR` in dyad's format (repeatable)")
	fs.Var(&f.verbs, "verbs", "extra verb-pattern `FILE` in dyad's format (repeatable)")
	fs.Var(&f.petrarchActors, "petrarch-actors", "PETRARCH/TABARI actor dictionary `FILE`, date restrictions honoured (repeatable)")
	fs.Var(&f.petrarchAgents, "petrarch-agents", "PETRARCH agent dictionary `FILE` (repeatable)")
	fs.Var(&f.petrarch, "petrarch-verbs", "extra verb dictionary `FILE` in PETRARCH's CAMEO.2.0.txt format (repeatable)")
}

func (f *codeFlags) readOptions() (doc.Options, error) {
	var o doc.Options
	if f.date != "" {
		d, err := time.Parse(dyad.DateLayout, f.date)
		if err != nil {
			return o, fmt.Errorf("--date: bad date %q (want YYYY-MM-DD)", f.date)
		}
		o.DefaultDate = d
	}
	return o, nil
}

// dictionaries lists every user dictionary the flags name, so that a store
// can record which knowledge coded its events.
func (f *codeFlags) dictionaries() []string {
	var out []string
	for _, list := range []stringList{f.dictDirs, f.verbs, f.petrarch, f.petrarchActors, f.petrarchAgents} {
		out = append(out, list...)
	}
	return out
}

func (f *codeFlags) coder() (*coder.Coder, error) {
	c, err := coder.New(coder.Options{DictDirs: f.dictDirs, VerbFiles: f.verbs, PetrarchVerbFiles: f.petrarch,
		PetrarchActors: f.petrarchActors, PetrarchAgents: f.petrarchAgents, Statements: f.statements})
	if err != nil {
		return nil, err
	}
	for _, w := range c.Warnings() {
		slog.Warn("dictionary line left out", "problem", w)
	}
	return c, nil
}

func runCode(e *env, args []string) int {
	fs := newFlagSet(e, "code", "[--format jsonl|tsv|table] [--date YYYY-MM-DD] [--workers N] INPUT...",
		"Reads plain .txt documents (with a 'date YYYY-MM-DD' header), JSONL documents, directories\n"+
			"(recursively, in name order) or - for standard input, and writes one event record per line.")
	var cf codeFlags
	cf.add(fs)
	fs.BoolVar(&cf.statements, "statements", false, "also write CAMEO 01 public statements (\"said\", \"declined to comment\"); they have no PLOVER type, so their event field is empty")
	format := fs.String("format", "jsonl", "output `format`: jsonl, tsv or table")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "dyad code: no input (give files, directories or -)")
		return 2
	}
	opts, err := cf.readOptions()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad code:", err)
		return 2
	}
	opts.Stdin = e.stdin
	w, err := record.NewWriter(*format, e.stdout)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad code:", err)
		return 2
	}
	c, err := cf.coder()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad code:", err)
		return 2
	}
	prog := newProgress(e, "coded")
	var docs, bad int
	err = c.CodeAll(doc.Read(fs.Args(), opts), cf.workers, func(r coder.Result) error {
		if r.Err != nil {
			bad++
			prog.clear()
			fmt.Fprintln(e.stderr, "dyad code:", r.Err)
			return nil
		}
		docs++
		prog.add(1, len(r.Events))
		for _, ev := range r.Events {
			if err := w.Write(ev); err != nil {
				return err
			}
		}
		return nil
	})
	prog.done()
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad code: write:", err)
		return 2
	}
	return exitStatus(docs, bad)
}

// exitStatus: 0 when every input was coded, 1 when some were skipped, 2 when
// nothing could be read.
func exitStatus(ok, bad int) int {
	switch {
	case bad == 0:
		return 0
	case ok > 0:
		return 1
	}
	return 2
}
