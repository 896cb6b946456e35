package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/dyad-events/dyad/store"
)

func init() {
	register(command{name: "stats", summary: "count stored events by type, actor and month", run: runStats})
}

func runStats(e *env, args []string) int {
	fs := newFlagSet(e, "stats", "[--db PATH|URL] [--top N] [--json]",
		"Prints the size of the store and its de-duplicated events counted by PLOVER type, by actor\n"+
			"(the N most frequent CAMEO actor codes) and by month, each with the mentions behind them.")
	db := addDBFlag(fs)
	top := fs.Int("top", 20, "show the `N` most frequent actors")
	asJSON := fs.Bool("json", false, "print one JSON object instead of tables")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "dyad stats: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db, store.Options{Window: -1}, true)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad stats:", err)
		return 2
	}
	defer st.Close()
	s, err := st.Stats(ctx, *top)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad stats:", err)
		return 2
	}
	if *asJSON {
		err = json.NewEncoder(e.stdout).Encode(map[string]any{
			"documents": s.Documents, "mentions": s.Mentions, "events": s.Events, "window_days": st.Window(),
			"by_type": nonNil(s.ByType), "by_actor": nonNil(s.ByActor), "by_month": nonNil(s.ByMonth),
		})
	} else {
		err = printStats(e.stdout, s, st.Window())
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad stats:", err)
		return 2
	}
	return 0
}

func nonNil(c []store.Count) []store.Count {
	if c == nil {
		return []store.Count{}
	}
	return c
}

func printStats(w io.Writer, s store.Stats, window int) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t%d\t\n", s.Documents)
	fmt.Fprintf(tw, "mentions\t%d\t\n", s.Mentions)
	fmt.Fprintf(tw, "events\t%d\t\n", s.Events)
	fmt.Fprintf(tw, "window\t%d days\t\n", window)
	for _, sec := range []struct {
		title string
		rows  []store.Count
	}{{"by type", s.ByType}, {"by actor", s.ByActor}, {"by month", s.ByMonth}} {
		fmt.Fprintf(tw, "\n%s\tevents\tmentions\t\n", sec.title)
		for _, c := range sec.rows {
			key := c.Key
			if key == "" {
				key = "-"
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t\n", key, c.Events, c.Mentions)
		}
	}
	return tw.Flush()
}
