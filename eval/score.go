package eval

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/dyad-events/dyad"
)

// CodeFunc codes one document; (*coder.Coder).Code is one.
type CodeFunc func(dyad.Document) ([]dyad.Event, error)

// Scores are precision, recall and F1 for one kind of key, micro-averaged
// over all documents.
//
// TP counts matched predicted keys (the precision numerator) and FN the
// required gold keys no prediction matched. Recall's numerator counts matched
// gold keys instead, which differs from TP only when several distinct
// predicted keys match one gold key (say SUPPORT and a root-05 code of
// another type between the same countries); so recall is not always
// TP/(TP+FN), and precision is always TP/(TP+FP).
type Scores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`

	goldMatched int // required gold keys matched by some prediction
}

// TypeScores are the per-PLOVER-type figures of the dyad key.
type TypeScores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Predicted counts the predicted keys of the type that were scored
	// (matches and false positives); Gold the required gold keys. A type
	// with no predictions has no precision to speak of.
	Predicted int `json:"predicted"`
	Gold      int `json:"gold"`
}

// Miss is a required gold key no prediction matched ("missed") or a
// predicted key that matched no gold key ("extra"), with its sentence.
type Miss struct {
	Kind     string `json:"kind"`
	Event    string `json:"event"`
	Sentence string `json:"sentence"`
}

// DocReport is one document's dyad-key counts and misses.
type DocReport struct {
	Doc    string `json:"doc"`
	TP     int    `json:"tp"`
	FP     int    `json:"fp"`
	FN     int    `json:"fn"`
	Misses []Miss `json:"misses"`
}

// Report is the outcome of scoring a gold set.
type Report struct {
	Dyad          Scores                `json:"dyad"`
	Strict        Scores                `json:"strict"`
	NegatedRecall float64               `json:"negated_recall"`
	CAMEORootAcc  float64               `json:"cameo_root_acc"`
	ByType        map[string]TypeScores `json:"by_type"`
	Docs          []DocReport           `json:"docs"`

	negated, negatedFound int // required negated gold keys; those matched
	pairs, pairsSameRoot  int // matched (predicted, required gold) dyad-key pairs; those with equal roots
}

// tally accumulates the counts behind Scores.
type tally struct{ tp, fp, fn, goldMatched int }

func (t tally) scores() Scores {
	s := Scores{TP: t.tp, FP: t.fp, FN: t.fn, goldMatched: t.goldMatched}
	s.Precision = ratio(t.tp, t.tp+t.fp)
	s.Recall = ratio(t.goldMatched, t.goldMatched+t.fn)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// goldEntry is one distinct gold key of a document. It is required when at
// least one gold event with that key is not optional.
type goldEntry struct {
	key      key
	required bool
	label    string // who -> whom, for miss lists
	evidence string
}

// predEntry is one distinct predicted key of a document.
type predEntry struct {
	key      key
	sentence string // the first predicted event with this key
}

func goldEntries(events []GoldEvent, strict bool) []goldEntry {
	var out []goldEntry
	index := map[identity]int{}
	for _, e := range events {
		k := goldKey(e, strict)
		if i, ok := index[k.id()]; ok {
			out[i].required = out[i].required || !e.Optional
			out[i].key.merge(k)
			continue
		}
		label := e.Source.Name + " -> "
		if e.Target != nil {
			label += e.Target.Name
		}
		index[k.id()] = len(out)
		out = append(out, goldEntry{key: k, required: !e.Optional, label: label, evidence: e.Evidence})
	}
	return out
}

func predEntries(events []dyad.Event, strict bool) []predEntry {
	var out []predEntry
	index := map[identity]int{}
	for _, e := range events {
		for _, k := range predictedKeys(e, strict) {
			if i, ok := index[k.id()]; ok {
				out[i].key.merge(k)
				continue
			}
			index[k.id()] = len(out)
			out = append(out, predEntry{key: k, sentence: e.Text})
		}
	}
	return out
}

// docOutcome is what comparing one document's key sets gives.
type docOutcome struct {
	total  tally
	byType map[string]*tally
	misses []Miss
	// filled for the dyad key only
	negated, negatedFound, pairs, pairsSameRoot int
}

// compare scores one document. Per the spec:
//   - a predicted key matching some required gold key is a true positive;
//     one matching only optional gold keys is dropped from precision
//     altogether; one matching nothing is a false positive ("extra");
//   - a required gold key matched by some predicted key counts for recall,
//     else it is a false negative ("missed"); optional gold keys never count;
//   - per-type figures split the same counts by the predicted key's type
//     (precision) and the gold key's type (recall), so they add up to the
//     totals;
//   - negated recall: required gold keys with negated=true that some
//     prediction matches, over all such keys;
//   - CAMEO-root accuracy: over every (predicted, required gold) pair of
//     matching dyad keys, the share whose CAMEO roots are equal (pairs that
//     matched by PLOVER type or intent may still differ in root).
func compare(golds []goldEntry, preds []predEntry) docOutcome {
	o := docOutcome{byType: map[string]*tally{}}
	typeTally := func(t string) *tally {
		if o.byType[t] == nil {
			o.byType[t] = &tally{}
		}
		return o.byType[t]
	}
	goldHit := make([]bool, len(golds))
	for _, p := range preds {
		matchedRequired, matchedOptional := false, false
		for i, g := range golds {
			if !matches(p.key, g.key) {
				continue
			}
			if g.required {
				matchedRequired = true
				goldHit[i] = true
				o.pairs++
				if sameRoot(p.key, g.key) {
					o.pairsSameRoot++
				}
			} else {
				matchedOptional = true
			}
		}
		switch {
		case matchedRequired:
			o.total.tp++
			typeTally(p.key.typ).tp++
		case matchedOptional:
			// neither a hit nor a false positive
		default:
			o.total.fp++
			typeTally(p.key.typ).fp++
			o.misses = append(o.misses, Miss{Kind: "extra", Event: describe(p.key), Sentence: p.sentence})
		}
	}
	for i, g := range golds {
		if !g.required {
			continue
		}
		if g.key.neg {
			o.negated++
		}
		if goldHit[i] {
			o.total.goldMatched++
			typeTally(g.key.typ).goldMatched++
			if g.key.neg {
				o.negatedFound++
			}
			continue
		}
		o.total.fn++
		typeTally(g.key.typ).fn++
		o.misses = append(o.misses, Miss{Kind: "missed", Event: g.label + ": " + describe(g.key), Sentence: g.evidence})
	}
	return o
}

// Score compares predictions (keyed by document name, the gold file's NAME)
// with the gold documents. Predictions for documents without gold are
// ignored; a gold document without predictions scores as all misses.
func Score(golds []GoldDoc, preds map[string][]dyad.Event) Report {
	r := Report{ByType: map[string]TypeScores{}}
	var dyadTotal, strictTotal tally
	byType := map[string]*tally{}
	for _, g := range golds {
		name := docName(g)
		d := compare(goldEntries(g.Events, false), predEntries(preds[name], false))
		s := compare(goldEntries(g.Events, true), predEntries(preds[name], true))
		add(&dyadTotal, d.total)
		add(&strictTotal, s.total)
		for t, c := range d.byType {
			if byType[t] == nil {
				byType[t] = &tally{}
			}
			add(byType[t], *c)
		}
		r.negated += d.negated
		r.negatedFound += d.negatedFound
		r.pairs += d.pairs
		r.pairsSameRoot += d.pairsSameRoot
		misses := d.misses
		if misses == nil {
			misses = []Miss{}
		}
		r.Docs = append(r.Docs, DocReport{Doc: name, TP: d.total.tp, FP: d.total.fp, FN: d.total.fn, Misses: misses})
	}
	r.Dyad, r.Strict = dyadTotal.scores(), strictTotal.scores()
	r.NegatedRecall = ratio(r.negatedFound, r.negated)
	r.CAMEORootAcc = ratio(r.pairsSameRoot, r.pairs)
	for t, c := range byType {
		s := c.scores()
		r.ByType[t] = TypeScores{Precision: s.Precision, Recall: s.Recall, F1: s.F1, Predicted: c.tp + c.fp, Gold: c.goldMatched + c.fn}
	}
	return r
}

func add(dst *tally, t tally) {
	dst.tp += t.tp
	dst.fp += t.fp
	dst.fn += t.fn
	dst.goldMatched += t.goldMatched
}

func docName(g GoldDoc) string {
	if g.Name != "" {
		return g.Name
	}
	return g.Doc
}

// WriteTable prints the report for people; with misses it lists every
// missed and extra event of every document under its counts.
func (r Report) WriteTable(w io.Writer, misses bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "key\tprecision\trecall\tF1\ttp\tfp\tfn\t")
	for _, row := range []struct {
		name string
		s    Scores
	}{{"dyad", r.Dyad}, {"strict", r.Strict}} {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", row.name, row.s.Precision, row.s.Recall, row.s.F1, row.s.TP, row.s.FP, row.s.FN)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nnegated recall: %s\nCAMEO-root accuracy: %s\n",
		fraction(r.negatedFound, r.negated), fraction(r.pairsSameRoot, r.pairs))

	if len(r.ByType) > 0 {
		fmt.Fprintln(w, "\nby PLOVER type (dyad key):")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "type\tpredicted\tgold\tprecision\trecall\tF1\t")
		for _, t := range dyad.PLOVERTypes {
			s, ok := r.ByType[t]
			if !ok {
				continue
			}
			// "-": no predicted (or no gold) keys of the type to score
			p, rc, f := fmt.Sprintf("%.3f", s.Precision), fmt.Sprintf("%.3f", s.Recall), fmt.Sprintf("%.3f", s.F1)
			if s.Predicted == 0 {
				p, f = "-", "-"
			}
			if s.Gold == 0 {
				rc, f = "-", "-"
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t\n", t, s.Predicted, s.Gold, p, rc, f)
		}
		tw.Flush()
	}

	fmt.Fprintln(w, "\nby document (dyad key):")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "doc\ttp\tfp\tfn")
	for _, d := range r.Docs {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", d.Doc, d.TP, d.FP, d.FN)
	}
	tw.Flush()
	if !misses {
		return
	}
	for _, d := range r.Docs {
		if len(d.Misses) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", d.Doc)
		for _, m := range d.Misses {
			fmt.Fprintf(w, "  %-6s %s\n         %q\n", m.Kind, m.Event, m.Sentence)
		}
	}
}

// fraction renders "0.500 (1/2)", or "n/a (0/0)" when nothing was counted.
func fraction(n, d int) string {
	if d == 0 {
		return "n/a (0/0)"
	}
	return fmt.Sprintf("%.3f (%d/%d)", ratio(n, d), n, d)
}

// CodeGold codes every gold document's text: load reads NAME.txt (ReadPlain
// when nil) and code codes it. The document id is set to the gold NAME so
// predictions line up with Score. A document that cannot be read or coded
// gets an error and no predictions (it then scores as all misses).
func CodeGold(golds []GoldDoc, load LoadFunc, code CodeFunc) (map[string][]dyad.Event, []error) {
	if load == nil {
		load = ReadPlain
	}
	preds := map[string][]dyad.Event{}
	var errs []error
	for _, g := range golds {
		d, err := load(g.TextPath)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		d.ID = docName(g)
		events, err := code(d)
		if err != nil {
			errs = append(errs, fmt.Errorf("code %s: %w", g.TextPath, err))
			continue
		}
		preds[d.ID] = events
	}
	return preds, errs
}
