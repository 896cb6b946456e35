package main

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/grammar"
	"github.com/dyad-events/dyad/groups"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/ontology"
	"github.com/dyad-events/dyad/verbs"
)

func init() {
	register(command{name: "dict", summary: "check the knowledge files (dyad dict check)", run: runDict})
}

func runDict(e *env, args []string) int {
	fs := newFlagSet(e, "dict", "check [--dict DIR] [--verbs FILE]",
		"Validates every embedded knowledge file, and any user files given, and prints counts.")
	var dirs, verbFiles stringList
	fs.Var(&dirs, "dict", "extra actor dictionary `DIR` to check with the embedded files (repeatable)")
	fs.Var(&verbFiles, "verbs", "extra verb-pattern `FILE` to check (repeatable)")
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprintln(e.stderr, "dyad dict: want 'dyad dict check'")
		return 2
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	problems := 0
	report := func(errs []error) {
		for _, err := range errs {
			fmt.Fprintln(e.stderr, err)
			problems++
		}
	}
	onto := ontology.Default()
	fmt.Fprintf(e.stdout, "ontology: %d CAMEO codes\n", len(onto.Codes()))

	k, err := kb.Load(data.FS, dirs...)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	st, errs := k.Check()
	report(errs)
	fmt.Fprintf(e.stdout, "kb: %d countries, %d places, %d sector words, %d people in %d offices (%d with uncertain dates), %d organisations and groups, %d titles, %d names\n",
		st.Countries, st.Places, st.SectorWords, st.People, st.Offices, st.Uncertain, st.Orgs, st.Titles, st.Names)

	vd, err := verbs.Load(data.FS, "verbs")
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	if len(verbFiles) > 0 {
		extra, err := verbs.LoadFiles(verbFiles...)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			return 1
		}
		vd.Merge(extra)
	}
	for _, err := range vd.Check(func(code string) bool { _, ok := onto.Lookup(code); return ok }) {
		if verbs.IsWarning(err) {
			fmt.Fprintln(e.stderr, "warning:", err)
			continue
		}
		report([]error{err})
	}
	codes := map[string]bool{}
	for _, p := range vd.Patterns() {
		codes[p.Code] = true
	}
	// The two-digit roots are categories; the event codes are the three- and
	// four-digit codes ("010 make statement, not specified below" stands
	// for the root).
	var events, covered int
	for _, c := range onto.Codes() {
		if c.Level > 1 {
			events++
			if codes[c.Code] {
				covered++
			}
		}
	}
	fmt.Fprintf(e.stdout, "verbs: %d patterns, %d heads, %d of %d CAMEO event codes covered (%.1f%%)\n",
		vd.Len(), len(vd.Heads()), covered, events, 100*float64(covered)/float64(max(events, 1)))

	g, err := groups.Load(data.FS)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	report(g.Check(func(code string) bool { _, ok := k.CountryName(code); return ok }))
	fmt.Fprintf(e.stdout, "groups: %s\n", strings.Join(g.Names(), ", "))

	if _, err := grammar.LoadWords(data.FS, "grammar/words.tsv"); err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	fmt.Fprintln(e.stdout, "grammar: words.tsv ok")
	if problems > 0 {
		fmt.Fprintf(e.stderr, "dyad dict check: %d problems\n", problems)
		return 1
	}
	fmt.Fprintln(e.stdout, "ok")
	return 0
}
