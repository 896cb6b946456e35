package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/triggers"
	"github.com/dyad-events/dyad/when"
)

func init() {
	register(command{name: "triggers", summary: "find elections, deaths, disasters and attacks that countries reacted to", run: runTriggers})
}

func runTriggers(e *env, args []string) int {
	fs := newFlagSet(e, "triggers", "[--db PATH|URL] [--from D] [--to D] [--window DAYS] [--min-reactors N] [--format table|json] [--limit N]",
		"Lists candidate triggers found in the store, strongest first: elections won and inaugurations,\n"+
			"deaths of leaders, disasters and attacks, each with its date, its kind, the person or country\n"+
			"concerned, and how many countries reacted. Signs are reactions from several countries to one\n"+
			"recipient (congratulations, condolences) and phrases in stored sentences (\"was sworn in\"), as\n"+
			"data/reactions/triggers.tsv lists them. Use a trigger's subject and date as the --to and --since\n"+
			"of 'dyad reactions'.")
	db := addDBFlag(fs)
	var opts triggers.Options
	fs.StringVar(&opts.From, "from", "", "triggers on or after `YYYY-MM-DD`")
	fs.StringVar(&opts.To, "to", "", "triggers on or before `YYYY-MM-DD`")
	fs.IntVar(&opts.Window, "window", triggers.DefaultWindow, "signs of one trigger may be up to `DAYS` apart")
	fs.IntVar(&opts.MinReactors, "min-reactors", triggers.DefaultMinReactors, "reactions alone make a trigger when at least `N` countries react")
	format := fs.String("format", "table", "output `format`: table or json")
	limit := fs.Int("limit", 0, "print at most `N` triggers (0: all)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "dyad triggers: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := (store.Filter{From: opts.From, To: opts.To}).Validate(); err != nil {
		fmt.Fprintln(e.stderr, "dyad triggers:", err)
		return 2
	}
	switch {
	case *format != "table" && *format != "json":
		fmt.Fprintf(e.stderr, "dyad triggers: unknown format %q (want table or json)\n", *format)
		return 2
	case opts.Window < 1:
		fmt.Fprintln(e.stderr, "dyad triggers: --window: want at least 1 day")
		return 2
	case opts.MinReactors < 1:
		fmt.Fprintln(e.stderr, "dyad triggers: --min-reactors: want at least 1")
		return 2
	case *limit < 0:
		fmt.Fprintln(e.stderr, "dyad triggers: --limit: must not be negative")
		return 2
	}
	var err error
	if opts.Cues, err = triggers.LoadCues(data.FS); err != nil {
		fmt.Fprintln(e.stderr, "dyad triggers:", err)
		return 1
	}
	if opts.KB, err = kb.Default(); err != nil {
		fmt.Fprintln(e.stderr, "dyad triggers:", err)
		return 1
	}
	if opts.Dates, err = when.New(); err != nil {
		fmt.Fprintln(e.stderr, "dyad triggers:", err)
		return 1
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db, store.Options{Window: -1}, true)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad triggers:", err)
		return 2
	}
	defer st.Close()
	found, err := triggers.Find(ctx, st, opts)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad triggers:", err)
		return 2
	}
	if *limit > 0 && len(found) > *limit {
		found = found[:*limit]
	}
	err = writeOutput(e, "", func(w io.Writer) error {
		if *format == "json" {
			if found == nil {
				found = []triggers.Trigger{}
			}
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(map[string]any{"from": opts.From, "to": opts.To, "triggers": found})
		}
		return printTriggers(w, found)
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad triggers:", err)
		return 2
	}
	return 0
}

// printTriggers writes one line per trigger, with the first evidence
// sentence cut short so that the table stays readable.
func printTriggers(w io.Writer, found []triggers.Trigger) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tKIND\tSUBJECT\tCODE\tREACTORS\tPHRASES\tEVIDENCE")
	for _, t := range found {
		evidence := ""
		if len(t.Evidence) > 0 {
			ev := t.Evidence[0]
			evidence = fmt.Sprintf("%s#%d %s", ev.Doc, ev.Sentence, shorten(ev.Text, 70))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", t.Date, t.Kind, t.Subject.Name, t.Subject.Code, t.Strength, t.Phrases, evidence)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(found) == 0 {
		_, err := fmt.Fprintln(w, "no triggers found")
		return err
	}
	return nil
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
