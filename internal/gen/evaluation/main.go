// Command evaluation regenerates dyad's own figures in EVALUATION.md: it codes
// every public test set in ../shared/data and the gold sets under
// ../shared/examples, and rewrites the part of EVALUATION.md between the
// markers "<!-- figures -->" and "<!-- /figures -->".
//
//	go run ./internal/gen/evaluation [-data ../shared] [-out EVALUATION.md]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/doc"
	"github.com/dyad-events/dyad/eval"
)

func main() {
	shared := flag.String("data", "../shared", "the shared data folder")
	out := flag.String("out", "EVALUATION.md", "the file whose figures section is rewritten")
	flag.Parse()
	if err := run(*shared, *out); err != nil {
		fmt.Fprintln(os.Stderr, "evaluation:", err)
		os.Exit(1)
	}
}

func run(shared, out string) error {
	c, err := coder.New(coder.Options{})
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "Measured %s on %d CPUs with `go run ./internal/gen/evaluation`.\n\n", time.Now().Format(dyad.DateLayout), runtime.NumCPU())

	fmt.Fprintln(&b, "### Gold sets (`dyad eval --gold DIR`)")
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, "| gold set | docs | dyad P / R / F1 | strict P / R / F1 | negated recall | CAMEO-root acc. |")
	fmt.Fprintln(&b, "|---|---|---|---|---|---|")
	// the shared gold sets, then the gold events we wrote for our own examples
	dirs, _ := filepath.Glob(filepath.Join(shared, "examples", "*"))
	dirs = append(dirs, "examples", filepath.Join("examples", "heldout"))
	for _, dir := range dirs {
		golds, errs := eval.ReadGoldDir(dir)
		if len(golds) == 0 {
			continue
		}
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, "evaluation:", e)
		}
		load := func(path string) (dyad.Document, error) {
			raw, err := os.ReadFile(path)
			if err != nil {
				return dyad.Document{}, err
			}
			return doc.ParsePlain(path, raw, doc.Options{})
		}
		preds, errs := eval.CodeGold(golds, load, c.Code)
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, "evaluation:", e)
		}
		r := eval.Score(golds, preds)
		name := filepath.Base(dir)
		switch dir {
		case "examples":
			name = "examples (this repository)"
		case filepath.Join("examples", "heldout"):
			name = "examples/heldout (gold written before coding)"
		}
		fmt.Fprintf(&b, "| `%s` | %d | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f | %.3f | %.3f |\n", name, len(golds),
			r.Dyad.Precision, r.Dyad.Recall, r.Dyad.F1, r.Strict.Precision, r.Strict.Recall, r.Strict.F1, r.NegatedRecall, r.CAMEORootAcc)
	}

	withStatements, err := coder.New(coder.Options{Statements: true})
	if err != nil {
		return err
	}
	for _, s := range eval.Sets {
		if s.Name == "conflibert-train" {
			continue // the development split is not reported
		}
		code := c.Code
		if s.Statements {
			code = withStatements.Code
		}
		r, err := s.Run(filepath.Join(shared, "data"), code)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		fmt.Fprintf(&b, "\n### `%s` (%d records)\n\n| figure | value | count |\n|---|---|---|\n", s.Name, r.Records)
		for _, f := range r.Figures {
			fmt.Fprintf(&b, "| %s | %.3f | %d / %d |\n", f.Name, f.Value, f.Num, f.Den)
		}
		fmt.Fprintf(&b, "\nConfusion (rows gold, columns dyad):\n\n```\n%s```\n", confusion(r.Confusion))
	}
	return rewrite(out, b.String())
}

func confusion(c eval.Confusion) string {
	var b strings.Builder
	short := func(s string) string {
		if len(s) > 4 {
			return s[:4]
		}
		return s
	}
	fmt.Fprintf(&b, "%5s", "")
	for _, col := range c.Labels {
		fmt.Fprintf(&b, " %4s", short(col))
	}
	b.WriteString("\n")
	for _, row := range c.Labels {
		fmt.Fprintf(&b, "%5s", short(row))
		for _, col := range c.Labels {
			fmt.Fprintf(&b, " %4d", c.Counts[row][col])
		}
		b.WriteString("\n")
	}
	return b.String()
}

const begin, end = "<!-- figures -->", "<!-- /figures -->"

func rewrite(path, section string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	text := string(raw)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		return fmt.Errorf("%s: no %q ... %q section", path, begin, end)
	}
	text = text[:i+len(begin)] + "\n" + section + "\n" + text[j:]
	return os.WriteFile(path, []byte(text), 0o644)
}
