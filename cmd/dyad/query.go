package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/dyad-events/dyad/record"
	"github.com/dyad-events/dyad/store"
)

func init() {
	register(command{name: "query", summary: "select stored events (or their mentions) by actor, type, date or text", run: runQuery})
}

func runQuery(e *env, args []string) int {
	fs := newFlagSet(e, "query", "[--db PATH|URL] [--actor X] [--recipient X] [--event TYPE] [--cameo PREFIX] [--from D] [--to D]\n"+
		"       [--negated true|false] [--text QUERY] [--mentions] [--format jsonl|table|csv|tsv] [--limit N]",
		"Prints the de-duplicated events of the store that match every option given, by date: each an event\n"+
			"record with \"mentions\" (how many sentences report it), \"sources\" (document ids), \"first_seen\" and\n"+
			"\"last_seen\" (publication dates). X is a country code (RUS), a CAMEO actor code (RUSMIL) or part of a\n"+
			"name (putin). --mentions prints the per-sentence records of those events instead.")
	db := addDBFlag(fs)
	var f store.Filter
	fs.StringVar(&f.Actor, "actor", "", "actor: country code, CAMEO actor code or part of a name (`X`)")
	fs.StringVar(&f.Recipient, "recipient", "", "recipient, as --actor (`X`)")
	fs.StringVar(&f.Type, "event", "", "PLOVER event `TYPE` (ASSAULT, CONSULT, ...)")
	fs.StringVar(&f.CAMEO, "cameo", "", "CAMEO event code `PREFIX` (19, 190, ...)")
	fs.StringVar(&f.From, "from", "", "events on or after `YYYY-MM-DD`")
	fs.StringVar(&f.To, "to", "", "events on or before `YYYY-MM-DD`")
	negated := fs.String("negated", "", "only negated (true) or only affirmed (false) events")
	fs.StringVar(&f.Text, "text", "", "full-text `QUERY` over the documents that report an event")
	mentions := fs.Bool("mentions", false, "print the mentions (per-sentence records) instead of the events")
	format := fs.String("format", "jsonl", "output `format`: jsonl, table, csv or tsv")
	fs.IntVar(&f.Limit, "limit", 0, "print at most `N` results (0: all)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "dyad query: unexpected argument %q (options go before, e.g. --actor %s)\n", fs.Arg(0), fs.Arg(0))
		return 2
	}
	if *negated != "" {
		b, err := strconv.ParseBool(*negated)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad query: --negated: want true or false, not %q\n", *negated)
			return 2
		}
		f.Negated = &b
	}
	if err := f.Validate(); err != nil {
		fmt.Fprintln(e.stderr, "dyad query:", err)
		return 2
	}
	switch *format {
	case "jsonl", "table", "csv", "tsv":
	default:
		fmt.Fprintf(e.stderr, "dyad query: unknown format %q (want jsonl, table, csv or tsv)\n", *format)
		return 2
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db, store.Options{Window: -1}, true)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad query:", err)
		return 2
	}
	defer st.Close()
	err = writeOutput(e, "", func(w io.Writer) error {
		if *mentions {
			return writeMentions(ctx, st, f, *format, w)
		}
		ew, err := newEventWriter(*format, w)
		if err != nil {
			return err
		}
		for ev, err := range st.Events(ctx, f) {
			if err != nil {
				return err
			}
			if err := ew.Write(ev); err != nil {
				return err
			}
		}
		return ew.Close()
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad query:", err)
		return 2
	}
	return 0
}

// writeMentions prints per-sentence records: the contract's JSONL, TSV and
// table through package record, and CSV as one-mention events.
func writeMentions(ctx context.Context, st store.Store, f store.Filter, format string, w io.Writer) error {
	if format == "csv" {
		ew, _ := newEventWriter("csv", w)
		for ev, err := range st.Mentions(ctx, f) {
			if err != nil {
				return err
			}
			if err := ew.Write(store.Event{Event: ev, Mentions: 1, Sources: []string{ev.Doc}, FirstSeen: ev.DocDate, LastSeen: ev.DocDate}); err != nil {
				return err
			}
		}
		return ew.Close()
	}
	rw, err := record.NewWriter(format, w)
	if err != nil {
		return err
	}
	for ev, err := range st.Mentions(ctx, f) {
		if err != nil {
			return err
		}
		if err := rw.Write(ev); err != nil {
			return err
		}
	}
	return rw.Close()
}
