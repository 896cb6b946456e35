package main

import (
	"fmt"

	"github.com/dyad-events/dyad/doc"
)

func init() {
	register(command{name: "explain", summary: "show how each sentence was read and coded", run: runExplain})
}

func runExplain(e *env, args []string) int {
	fs := newFlagSet(e, "explain", "[--date YYYY-MM-DD] INPUT...",
		"Prints, per sentence, the tagged tokens, the actors found, each verb group with its subject,\n"+
			"negation, modality and matching verb pattern, and the events coded: for growing dictionaries.")
	var cf codeFlags
	cf.add(fs)
	fs.BoolVar(&cf.statements, "statements", false, "also code CAMEO 01 public statements")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opts, err := cf.readOptions()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad explain:", err)
		return 2
	}
	opts.Stdin = e.stdin
	c, err := cf.coder()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad explain:", err)
		return 2
	}
	ok, bad := 0, 0
	for d, err := range doc.Read(fs.Args(), opts) {
		if err != nil {
			fmt.Fprintln(e.stderr, "dyad explain:", err)
			bad++
			continue
		}
		ok++
		fmt.Fprintf(e.stdout, "== %s (%s)\n", d.ID, d.Date.Format("2006-01-02"))
		if err := c.Explain(d, e.stdout); err != nil {
			fmt.Fprintln(e.stderr, "dyad explain:", err)
		}
	}
	return exitStatus(ok, bad)
}
