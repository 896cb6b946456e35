package eval

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad"
)

// Figure is one named ratio of a set report.
type Figure struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Num   int     `json:"num"`
	Den   int     `json:"den"`
}

func figure(name string, num, den int) Figure {
	return Figure{Name: name, Value: ratio(num, den), Num: num, Den: den}
}

// Confusion counts gold label (row) against predicted label (column).
// "NONE" is the column of records where nothing was predicted.
type Confusion struct {
	Labels []string                  `json:"labels"`
	Counts map[string]map[string]int `json:"counts"` // gold -> predicted -> n
}

// NoEvent labels a record for which dyad predicted nothing usable.
const NoEvent = "NONE"

func newConfusion(labels ...string) Confusion {
	return Confusion{Labels: labels, Counts: map[string]map[string]int{}}
}

func (c *Confusion) add(gold, pred string) {
	if c.Counts[gold] == nil {
		c.Counts[gold] = map[string]int{}
	}
	c.Counts[gold][pred]++
	for _, l := range []string{gold, pred} {
		if !slices.Contains(c.Labels, l) {
			c.Labels = append(c.Labels, l)
		}
	}
}

// SetReport is the outcome of one adapter set.
type SetReport struct {
	Set       string    `json:"set"`
	Records   int       `json:"records"`
	Figures   []Figure  `json:"figures"`
	Confusion Confusion `json:"confusion"`
	Notes     []string  `json:"notes,omitempty"`
	// Errors are records the coder failed on (scored as no events).
	Errors []string `json:"errors,omitempty"`
	// Misses are the records scored wrong, for `dyad eval --misses`.
	Misses []RecordMiss `json:"misses,omitempty"`
}

// RecordMiss is one record of a public set that dyad got wrong: the gold
// label, what dyad predicted (NONE for no event) and the sentence.
type RecordMiss struct {
	ID   string `json:"id"`
	Gold string `json:"gold"`
	Pred string `json:"pred"`
	Text string `json:"text"`
}

// WriteMisses prints one line per wrong record: gold, predicted, id, text.
func (r SetReport) WriteMisses(w io.Writer) {
	for _, m := range r.Misses {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", m.Gold, m.Pred, m.ID, strings.Join(strings.Fields(m.Text), " "))
	}
}

// Figure returns the named figure.
func (r SetReport) Figure(name string) (Figure, bool) {
	for _, f := range r.Figures {
		if f.Name == name {
			return f, true
		}
	}
	return Figure{}, false
}

// WriteTable prints the figures, the confusion matrix (only labels that
// occur) and the notes.
func (r SetReport) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "set %s: %d records\n\n", r.Set, r.Records)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, f := range r.Figures {
		fmt.Fprintf(tw, "%s\t%.3f\t(%d/%d)\n", f.Name, f.Value, f.Num, f.Den)
	}
	tw.Flush()
	var used []string
	for _, l := range r.Confusion.Labels {
		n := 0
		for _, row := range r.Confusion.Counts {
			n += row[l]
		}
		if n > 0 || len(r.Confusion.Counts[l]) > 0 {
			used = append(used, l)
		}
	}
	if len(used) > 0 {
		fmt.Fprintln(w, "\nconfusion (rows gold, columns predicted):")
		tw = tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, "\t")
		for _, l := range used {
			fmt.Fprintf(tw, "%s\t", abbrev(l))
		}
		fmt.Fprintln(tw)
		for _, g := range used {
			fmt.Fprintf(tw, "%s\t", abbrev(g))
			for _, p := range used {
				fmt.Fprintf(tw, "%d\t", r.Confusion.Counts[g][p])
			}
			fmt.Fprintln(tw)
		}
		tw.Flush()
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "\nnote: %s", n)
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(w)
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "\n%d records failed to code; first: %s\n", len(r.Errors), r.Errors[0])
	}
}

// abbrev shortens a label to four letters for matrix headings.
func abbrev(l string) string {
	if len(l) > 4 {
		return l[:4]
	}
	return l
}

// codeSafely runs code and turns an error into a recorded message.
// A panic in the coder is recorded the same way: one bad record never stops
// the evaluation.
func codeSafely(code CodeFunc, d dyad.Document, errs *[]string) (events []dyad.Event) {
	defer func() {
		if r := recover(); r != nil {
			*errs = append(*errs, fmt.Sprintf("%s: coder panic: %v", d.ID, r))
			events = nil
		}
	}()
	events, err := code(d)
	if err != nil {
		*errs = append(*errs, fmt.Sprintf("%s: %v", d.ID, err))
		return nil
	}
	return events
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// codeSet normalises a list of actor codes for comparison: each becomes its
// countryKey (ISO country or "" for IGOs and other non-state codes); order
// and repeats do not matter.
func codeSet(codes []string) string {
	set := map[string]bool{}
	for _, c := range codes {
		set[countryKey(dyad.Entity{Code: c})] = true
	}
	return strings.Join(sortedKeys(set), ",")
}

func entityCodes(es []dyad.Entity) []string {
	var out []string
	for _, e := range es {
		if e.Sector == "IGO" {
			out = append(out, "IGO")
			continue
		}
		out = append(out, e.Code)
	}
	return out
}

// Set is a public test set `dyad eval --set` knows.
type Set struct {
	Name string
	Run  func(dataDir string, code CodeFunc) (SetReport, error)
	// Statements: the set's labels count CAMEO 01 statements as events, so
	// it is scored with coder.Options.Statements on.
	Statements bool
}

// Sets are the public test sets, in report order. conflibert-train is for
// development: tune on it, report the test split.
var Sets = []Set{
	{Name: "plover-gsr", Run: PloverGSR},
	{Name: "conflibert", Run: Conflibert, Statements: true},
	{Name: "conflibert-train", Run: ConflibertTrain, Statements: true},
	{Name: "petrarch-unit", Run: PetrarchUnit},
}

// LookupSet returns the set called name.
func LookupSet(name string) (Set, bool) {
	for _, s := range Sets {
		if s.Name == name {
			return s, true
		}
	}
	return Set{}, false
}

// SetNames lists the known sets' names, comma-separated.
func SetNames() string {
	var names []string
	for _, s := range Sets {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}
