package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/doc"
	"github.com/dyad-events/dyad/eval"
)

func init() {
	register(command{name: "eval", summary: "score dyad against gold events or a public test set", run: runEval})
}

func runEval(e *env, args []string) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	gold := fs.String("gold", "", "gold directory of NAME.txt + NAME.gold.json pairs")
	set := fs.String("set", "", "public test set: "+eval.SetNames())
	dataDir := fs.String("data", "../shared/data", "folder holding the public test sets (for --set)")
	var dictDirs, verbFiles stringList
	fs.Var(&dictDirs, "dict", "extra actor dictionary `DIR` in dyad's format (repeatable)")
	fs.Var(&verbFiles, "verbs", "extra verb-pattern `FILE` in dyad's format (repeatable)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	misses := fs.Bool("misses", false, "list every missed and extra event with its sentence")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			evalUsage(e.stdout, fs)
			return 0
		}
		fmt.Fprintf(e.stderr, "dyad eval: %v (see 'dyad eval -h')\n", err)
		return 2
	}
	if fs.NArg() > 0 || (*gold == "") == (*set == "") {
		fmt.Fprintln(e.stderr, "dyad eval: give exactly one of --gold DIR or --set NAME (see 'dyad eval -h')")
		return 2
	}
	setDef, ok := eval.LookupSet(*set)
	if *set != "" && !ok {
		fmt.Fprintf(e.stderr, "dyad eval: unknown set %q (known: %s)\n", *set, eval.SetNames())
		return 2
	}
	code, err := newEvalCoder(coder.Options{DictDirs: dictDirs, VerbFiles: verbFiles, Statements: setDef.Statements})
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval: %v\n", err)
		return 1
	}
	if *set != "" {
		return evalSet(e, setDef, *dataDir, code, *asJSON, *misses)
	}
	return evalGold(e, *gold, code, *asJSON, *misses)
}

// newEvalCoder builds the coder eval scores; tests replace it so that the
// scoring plumbing can be checked whatever the coder finds today.
var newEvalCoder = func(opts coder.Options) (eval.CodeFunc, error) {
	c, err := coder.New(opts)
	if err != nil {
		return nil, err
	}
	return c.Code, nil
}

// readPlainDoc reads a gold NAME.txt with package doc's reader, so that
// offsets agree with 'dyad code'.
func readPlainDoc(path string) (dyad.Document, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return dyad.Document{}, fmt.Errorf("read document: %w", err)
	}
	return doc.ParsePlain(path, raw, doc.Options{})
}

func evalGold(e *env, dir string, code eval.CodeFunc, asJSON, misses bool) int {
	golds, errs := eval.ReadGoldDir(dir)
	preds, codeErrs := eval.CodeGold(golds, readPlainDoc, code)
	for _, err := range append(errs, codeErrs...) {
		fmt.Fprintf(e.stderr, "dyad eval: %v\n", err)
	}
	if len(golds) == 0 {
		return 1
	}
	r := eval.Score(golds, preds)
	if asJSON {
		if err := writeJSON(e.stdout, r); err != nil {
			fmt.Fprintf(e.stderr, "dyad eval: %v\n", err)
			return 1
		}
	} else {
		r.WriteTable(e.stdout, misses)
	}
	if len(errs)+len(codeErrs) > 0 {
		return 1
	}
	return 0
}

func evalSet(e *env, set eval.Set, dataDir string, code eval.CodeFunc, asJSON, misses bool) int {
	rep, err := set.Run(dataDir, code)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval: %v\n", err)
		return 1
	}
	if asJSON {
		if err := writeJSON(e.stdout, rep); err != nil {
			fmt.Fprintf(e.stderr, "dyad eval: %v\n", err)
			return 1
		}
		return 0
	}
	rep.WriteTable(e.stdout)
	if misses {
		fmt.Fprintln(e.stdout, "\nwrong records (gold, predicted, id, text):")
		rep.WriteMisses(e.stdout)
	}
	return 0
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(v)
}

func evalUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "Usage: dyad eval --gold DIR [--json] [--misses]\n       dyad eval --set NAME [--data DIR] [--json] [--misses]")
	fmt.Fprintln(w, "\nScores dyad's events against gold files (shared/spec/gold-format.md) or a public test set.\n\nOptions:")
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprint(w, b.String())
}
