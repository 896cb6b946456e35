package verbs

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Problem is one finding of Dict.Check. Warnings (a harmless repeat) do not
// stop the coder; errors (a conflict, an unknown code) should.
type Problem struct {
	Pattern *Pattern
	Msg     string
	Warning bool
}

func (p *Problem) Error() string {
	kind := "error"
	if p.Warning {
		kind = "warning"
	}
	return fmt.Sprintf("%s: %s: %s", p.Pattern.Where(), kind, p.Msg)
}

// IsWarning reports whether err is a Problem marked as a warning.
func IsWarning(err error) bool {
	var p *Problem
	return errors.As(err, &p) && p.Warning
}

// maxExpansions caps how many concrete word sequences one pattern may stand
// for when looking for overlaps, so a pathological line cannot stall Check.
const maxExpansions = 4096

// Check looks for
//   - codes that validCode rejects (nil validCode skips this),
//   - two patterns that can match the same words: with different codes this
//     is an error (which one wins would depend on file order), with the same
//     code a warning (one of them is redundant).
//
// Overlap is judged on the expanded alternatives, so "praise|hail +" and
// "hail +" are reported too. Problems come in file order.
func (d *Dict) Check(validCode func(string) bool) []error {
	var problems []error
	if validCode != nil {
		for _, p := range d.patterns {
			if !validCode(p.Code) {
				problems = append(problems, &Problem{Pattern: p, Msg: fmt.Sprintf("unknown CAMEO code %s", p.Code)})
			}
		}
	}

	type pair struct{ first, second *Pattern }
	firstOwner := map[string]*Pattern{}
	reported := map[pair]bool{}
	for _, p := range d.patterns {
		keys, truncated := p.expansions()
		if truncated {
			problems = append(problems, &Problem{Pattern: p, Warning: true,
				Msg: fmt.Sprintf("more than %d word combinations; overlap check incomplete", maxExpansions)})
		}
		for _, k := range keys {
			q, seen := firstOwner[k]
			if !seen {
				firstOwner[k] = p
				continue
			}
			if q == p || reported[pair{q, p}] {
				continue
			}
			reported[pair{q, p}] = true
			if q.Code == p.Code && q.Mode == p.Mode && sameStrings(q.Context, p.Context) {
				problems = append(problems, &Problem{Pattern: p, Warning: true,
					Msg: fmt.Sprintf("repeats %q from %s", strings.ReplaceAll(k, "\x00", " "), q.Where())})
			} else {
				problems = append(problems, &Problem{Pattern: p,
					Msg: fmt.Sprintf("%q conflicts with %s (code %s here, %s there)",
						strings.ReplaceAll(k, "\x00", " "), q.Where(), p.Code, q.Code)})
			}
		}
	}
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i].(*Problem).Pattern, problems[j].(*Problem).Pattern
		return a.order < b.order
	})
	return problems
}

// expansions lists every concrete word sequence the pattern stands for,
// words joined by NUL, the slot written as "+" ("agree to meet" and
// "agree to meet +" are different patterns).
func (p *Pattern) expansions() (keys []string, truncated bool) {
	seqs := [][]string{nil}
	grow := func(alts []string) {
		var next [][]string
		for _, s := range seqs {
			for _, a := range alts {
				if len(next) >= maxExpansions {
					truncated = true
					break
				}
				n := append(append([]string(nil), s...), a)
				next = append(next, n)
			}
		}
		seqs = next
	}
	grow(p.Head)
	for _, e := range p.Elems {
		if e.Slot {
			grow([]string{SlotMark})
		} else {
			grow(e.Words)
		}
	}
	for _, s := range seqs {
		keys = append(keys, strings.Join(s, "\x00"))
	}
	return keys, truncated
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
