// Package verbs reads dyad's verb-pattern dictionary: lines that map a verb
// (with the words that follow it and the place of the recipient) to a CAMEO
// event code. The coder asks the dictionary for the patterns of a clause's
// main verb and keeps the most specific one that matches.
//
// The file format is documented in data/verbs/README.md.
package verbs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Elem is one pattern element after the head: either a literal with its
// alternatives (lemmas, lower case) or the recipient slot.
type Elem struct {
	Words []string
	Slot  bool
}

// String writes the element back in file syntax.
func (e Elem) String() string {
	if e.Slot {
		return SlotMark
	}
	return strings.Join(e.Words, "|")
}

// Pattern is one dictionary line.
type Pattern struct {
	Code    string   // CAMEO event code, leading zeros kept
	Head    []string // alternative verb lemmas of the first element
	Elems   []Elem   // the elements after the head, in order
	Mode    string   // PLOVER mode, "" when the code's default applies
	Context []string // PLOVER contexts added by this pattern
	Self    bool     // no recipient expected (reflexive or intransitive)
	File    string   // where the line came from, for messages
	Line    int

	order  int // load order, to break specificity ties
	weight int // specificity, weighed when the dictionary is indexed
}

// Literal and slot weights for Specificity. A literal says much more about
// the event than the mere presence of a recipient does.
const (
	literalWeight  = 10
	functionWeight = 4 // a literal of function words only ("to", "on", "with")
	slotWeight     = 1
)

// Specificity ranks patterns of one head: each literal element counts ten,
// the recipient slot one. "congratulate + on" beats "congratulate +".
func (p *Pattern) Specificity() int {
	if p.weight > 0 {
		return p.weight
	}
	return p.specificity(nil)
}

// specificity weighs the elements; function words (from the dictionary's
// function-words.tsv) count less than content words.
func (p *Pattern) specificity(function map[string]bool) int {
	s := 0
	for _, e := range p.Elems {
		switch {
		case e.Slot:
			s += slotWeight
		case allIn(e.Words, function):
			s += functionWeight
		default:
			s += literalWeight
		}
	}
	return s
}

// HasSlot reports whether the pattern names a recipient position.
func (p *Pattern) HasSlot() bool {
	for _, e := range p.Elems {
		if e.Slot {
			return true
		}
	}
	return false
}

// String writes the pattern back in file syntax (without comment).
func (p *Pattern) String() string {
	var b strings.Builder
	b.WriteString(p.Code)
	b.WriteString("\t")
	b.WriteString(strings.Join(p.Head, "|"))
	for _, e := range p.Elems {
		b.WriteString(" ")
		b.WriteString(e.String())
	}
	if p.Mode != "" {
		b.WriteString(" mode=" + p.Mode)
	}
	if len(p.Context) > 0 {
		b.WriteString(" context=" + strings.Join(p.Context, ";"))
	}
	if p.Self {
		b.WriteString(" self")
	}
	return b.String()
}

// Where returns "file:line" for messages.
func (p *Pattern) Where() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Dict is a loaded verb-pattern dictionary. It is read-only after loading
// (Merge aside), so one Dict may serve many goroutines.
type Dict struct {
	// function holds the function words that weigh less in a pattern
	function map[string]bool
	patterns []*Pattern
	byHead   map[string][]*Pattern // sorted: most specific first, then load order
}

// Load reads every *.txt file directly under dir in fsys, in name order.
// Any malformed line makes the load fail; the error lists every bad line as
// "file:line: problem".
func Load(fsys fs.FS, dir string) (*Dict, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read verb patterns %s: %w", dir, err)
	}
	d := newDict()
	var errs []error
	for _, e := range entries { // fs.ReadDir sorts by name
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		name := path.Join(dir, e.Name())
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read verb patterns %s: %w", name, err)
		}
		errs = append(errs, d.add(name, string(b))...)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("verb patterns: %w", errors.Join(errs...))
	}
	if b, err := fs.ReadFile(fsys, path.Join(dir, "function-words.tsv")); err == nil {
		d.function = map[string]bool{}
		for _, line := range strings.Split(string(b), "\n") {
			if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
				d.function[strings.ToLower(w)] = true
			}
		}
	}
	d.index()
	return d, nil
}

func allIn(words []string, set map[string]bool) bool {
	if len(set) == 0 || len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !set[w] {
			return false
		}
	}
	return true
}

// LoadFiles reads user pattern files from disk, in the order given. A path
// that names a directory loads the *.txt files in it, in name order.
func LoadFiles(paths ...string) (*Dict, error) {
	d := newDict()
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read verb patterns: %w", err)
		}
		files := []string{p}
		if info.IsDir() {
			entries, err := os.ReadDir(p)
			if err != nil {
				return nil, fmt.Errorf("read verb patterns: %w", err)
			}
			files = files[:0]
			for _, e := range entries { // os.ReadDir sorts by name
				if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("read verb patterns: %w", err)
			}
			errs = append(errs, d.add(f, string(b))...)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("verb patterns: %w", errors.Join(errs...))
	}
	d.index()
	return d, nil
}

// Parse reads patterns from one file's text; name is used in messages.
func Parse(name, text string) (*Dict, error) {
	d := newDict()
	if errs := d.add(name, text); len(errs) > 0 {
		return nil, fmt.Errorf("verb patterns: %w", errors.Join(errs...))
	}
	d.index()
	return d, nil
}

func newDict() *Dict { return &Dict{byHead: map[string][]*Pattern{}} }

// add parses text line by line and appends the good patterns; it returns one
// error per bad line.
func (d *Dict) add(name, text string) []error {
	var errs []error
	for i, line := range strings.Split(text, "\n") {
		ps, err := ParseLine(strings.TrimSuffix(line, "\r"))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, i+1, err))
			continue
		}
		for _, p := range ps {
			p.File, p.Line = name, i+1
			p.order = len(d.patterns)
			d.patterns = append(d.patterns, p)
		}
	}
	return errs
}

// index rebuilds the per-head lists from d.patterns.
func (d *Dict) index() {
	d.byHead = make(map[string][]*Pattern)
	for _, p := range d.patterns {
		p.weight = p.specificity(d.function)
		for _, h := range p.Head {
			d.byHead[h] = append(d.byHead[h], p)
		}
	}
	for _, list := range d.byHead {
		sort.SliceStable(list, func(i, j int) bool {
			si, sj := list[i].Specificity(), list[j].Specificity()
			if si != sj {
				return si > sj
			}
			return list[i].order < list[j].order
		})
	}
}

// Merge adds o's patterns after d's (so on equal specificity d's win). It is
// meant for start-up, before the dictionary is shared between goroutines.
func (d *Dict) Merge(o *Dict) {
	if o == nil {
		return
	}
	for _, p := range o.patterns {
		q := *p
		q.order = len(d.patterns)
		d.patterns = append(d.patterns, &q)
	}
	d.index()
}

// Candidates returns the patterns whose head includes headLemma, most
// specific first, ties in load order. The slice is shared: do not modify it.
func (d *Dict) Candidates(headLemma string) []*Pattern {
	return d.byHead[strings.ToLower(headLemma)]
}

// Heads returns every head lemma, sorted.
func (d *Dict) Heads() []string {
	heads := make([]string, 0, len(d.byHead))
	for h := range d.byHead {
		heads = append(heads, h)
	}
	sort.Strings(heads)
	return heads
}

// Len returns the number of patterns (lines), not of head alternatives.
func (d *Dict) Len() int { return len(d.patterns) }

// Patterns returns all patterns in load order. The slice is shared.
func (d *Dict) Patterns() []*Pattern { return d.patterns }
