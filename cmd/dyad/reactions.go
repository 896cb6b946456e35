package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/groups"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/reactions"
	"github.com/dyad-events/dyad/store"
)

func init() {
	register(command{name: "reactions", summary: "who reacted to a person or country, how fast, and who declined or stayed silent", run: runReactions})
}

func runReactions(e *env, args []string) int {
	fs := newFlagSet(e, "reactions", "[--db PATH|URL] --to NAME|CODE [--since D] [--until D] [--kind KIND]\n"+
		"       [--expected all|GROUP|neighbours|CODES] [--format table|json]",
		"For each expected country, whether it reacted to the target (a matching stored event: its first date,\n"+
			"the delay in days since --since, who, and the sentence), declined (only negated matching events:\n"+
			"\"did not congratulate\") or stayed silent. A country that declined and later reacted shows both\n"+
			"dates. --to is a country or organisation code, or a name the knowledge base resolves as of --since;\n"+
			"for a person, events aimed at their country as a state count too. --kind is defined in\n"+
			"data/reactions/kinds.tsv; --expected defaults to every state with a leader in the knowledge base.")
	db := addDBFlag(fs)
	to := fs.String("to", "", "the target: a person, country or organisation `NAME`, or a code (MDA)")
	since := fs.String("since", "", "the trigger's date, `YYYY-MM-DD`: events on or after it; delays count from it")
	until := fs.String("until", "", "events on or before `YYYY-MM-DD`")
	kind := fs.String("kind", reactions.AnyKind, "the `KIND` of reaction: congratulate, condolence, support, condemn or any")
	expected := fs.String("expected", "all", "the countries to report on: all, a group (g7, g20, eu, nato, un), neighbours, or `CODES` (A,B,C)")
	format := fs.String("format", "table", "output `format`: table or json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(e.stderr, "dyad reactions:", err)
		return 2
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("unexpected argument %q (options go before, e.g. --to %q)", fs.Arg(0), fs.Arg(0)))
	}
	if strings.TrimSpace(*to) == "" {
		return fail(errors.New("--to is required (a name such as \"Maia Sandu\" or a code such as MDA)"))
	}
	var q reactions.Query
	var err error
	if q.Since, err = parseDay("since", *since); err != nil {
		return fail(err)
	}
	if q.Until, err = parseDay("until", *until); err != nil {
		return fail(err)
	}
	if *format != "table" && *format != "json" {
		return fail(fmt.Errorf("unknown format %q (want table or json)", *format))
	}
	q.To, q.Kind = *to, *kind
	kinds, err := reactions.LoadKinds(data.FS)
	if err != nil {
		return fail(err)
	}
	if !kinds.Has(q.Kind) {
		return fail(fmt.Errorf("--kind: unknown kind %q (want one of %s)", q.Kind, strings.Join(kinds.Names(), ", ")))
	}
	k, err := kb.Default()
	if err != nil {
		return fail(err)
	}
	asOf := q.Since
	if asOf.IsZero() {
		asOf = time.Now().UTC().Truncate(24 * time.Hour)
	}
	target, err := reactions.Resolve(k, q.To, asOf)
	if err != nil {
		return fail(fmt.Errorf("--to: %w", err))
	}
	g, err := groups.Load(data.FS)
	if err != nil {
		return fail(err)
	}
	// Membership as of the trigger: who was in the EU then, not now.
	if q.Expected, err = g.ExpandAt(*expected, target.Code, q.Since); err != nil {
		return fail(fmt.Errorf("--expected: %w", err))
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db, store.Options{Window: -1}, true)
	if err != nil {
		return fail(err)
	}
	defer st.Close()
	rep, err := reactions.Compute(ctx, st, k, kinds, q)
	if err != nil {
		return fail(err)
	}
	err = writeOutput(e, "", func(w io.Writer) error {
		if *format == "json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		}
		return writeReactionsTable(w, rep)
	})
	if err != nil {
		return fail(err)
	}
	return 0
}

// parseDay reads an optional date flag.
func parseDay(flag, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dyad.DateLayout, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("--%s: bad date %q (want YYYY-MM-DD)", flag, v)
	}
	return t, nil
}

// evidenceWidth is how much of the first evidence sentence the table shows.
const evidenceWidth = 80

func writeReactionsTable(w io.Writer, rep reactions.Report) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "# reactions (%s) to %s (%s)", rep.Kind, rep.To.Name, rep.To.CAMEO)
	if rep.Since != "" || rep.Until != "" {
		fmt.Fprintf(tw, " from %s to %s", orDash(rep.Since), orDash(rep.Until))
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "COUNTRY\tSTATUS\tFIRST\tDELAY\tDECLINED\tACTOR\tEVIDENCE")
	for _, r := range rep.Reactions {
		delay, actor, evidence := "", "", ""
		if r.DelayDays != nil {
			delay = strconv.Itoa(*r.DelayDays)
		}
		if r.Actor != nil {
			actor = fmt.Sprintf("%s (%s)", r.Actor.Name, r.Actor.CAMEO)
		}
		if len(r.Evidence) > 0 {
			evidence = cut(tableCell(r.Evidence[0].Text), evidenceWidth)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Country, r.Status, orDash(r.FirstDate), orDash(delay),
			orDash(r.DeclinedDate), orDash(actor), evidence)
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// tableCell keeps a cell on one line and away from tabwriter's escapes.
func tableCell(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r'
	}), " ")
}

// cut shortens s to at most n runes, marking the cut.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
