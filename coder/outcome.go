package coder

// This file finds whom recognising an election's outcome is aimed at:
// "said it would not recognise the result of the vote" names no one, but
// reports of reactions mean the winner the story is about.

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"

	"github.com/dyad-events/dyad"
)

// loadWordList reads a list of lemmas, one a line, "#" comments allowed.
func loadWordList(fsys fs.FS, path string) (map[string]bool, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			out[strings.ToLower(w)] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// recognitionCode reports whether a CAMEO code grants (or, negated,
// withholds) recognition.
func recognitionCode(code string) bool { return strings.HasPrefix(code, "054") }

// outcomeOwner returns the owner of an election outcome that the verb at
// head takes as its object ("recognise the result of the vote"): a country
// or person named on the outcome's noun phrases ("the Russian election",
// "the result of the vote in Belarus"), else the one the story's
// reactions are aimed at so far. It returns nil when the object is not an
// outcome or no owner is clear.
func (st *docState) outcomeOwner(s *sentence, head, end int, actor []dyad.Entity) []dyad.Entity {
	an := s.an
	obj := -1
	for k := head + 1; k < end; k++ {
		if np := an.NPAt(k); np >= 0 && an.NPs[np].Start == k {
			obj = np
			break
		}
	}
	// "his victory": the possessive pronoun may stand as a phrase of its own
	if obj >= 0 && s.src.Tokens[an.NPs[obj].Start].Tag == "PRP$" && an.NPs[obj].End == an.NPs[obj].Start+1 {
		if next := an.NPAt(an.NPs[obj].End); next >= 0 && an.NPs[next].Start == an.NPs[obj].End {
			obj = next
		}
	}
	if obj < 0 || an.NPs[obj].Actor >= 0 || !st.c.outcomes[s.src.Tokens[an.NPs[obj].End-1].Lemma] {
		return nil
	}
	// the outcome's own phrase and the phrases that hang on it ("of the
	// vote", "in Belarus") may name its owner
	for np := obj; np >= 0 && np < len(an.NPs) && an.NPs[np].Start < end; np++ {
		if np > obj && an.NPs[np].Start != an.NPs[np-1].End+1 {
			break // not a phrase hanging on the previous one
		}
		if an.NPs[np].Actor >= 0 {
			if r := withoutSelf(st.npEntities(s, np, actor), actor); len(r) > 0 {
				return r
			}
		}
		if r := withoutSelf(st.owner(s, np, true), actor); len(r) > 0 {
			return r
		}
		// "recognised his victory": the winner the pronoun stands for
		if r := withoutSelf(st.pronounOwner(s, np, ""), actor); len(r) > 0 {
			return r
		}
	}
	if e, ok := st.reactionTarget(actor); ok {
		return []dyad.Entity{e}
	}
	return nil
}

// reactionTarget returns the one the story's reactions are aimed at so
// far: the recipient most often congratulated, praised or recognised
// (CAMEO 05) by others. A tie makes it unclear.
func (st *docState) reactionTarget(actor []dyad.Entity) (dyad.Entity, bool) {
	counts := map[string]int{}
	first := map[string]dyad.Entity{}
	var order []string
	for _, ev := range st.events {
		if !strings.HasPrefix(ev.CAMEO, "05") {
			continue
		}
		for _, r := range withoutSelf(ev.Recipient, actor) {
			key := r.Name + "|" + r.Code
			if r.Code == "" {
				continue
			}
			if _, ok := first[key]; !ok {
				first[key] = r
				order = append(order, key)
			}
			counts[key]++
		}
	}
	best, n, tie := "", 0, false
	for _, k := range order {
		switch {
		case counts[k] > n:
			best, n, tie = k, counts[k], false
		case counts[k] == n:
			tie = true
		}
	}
	if best == "" || tie {
		return dyad.Entity{}, false
	}
	return first[best], true
}

// receipt is what data/verbs/receiving.tsv lists: verbs of receiving and
// the code prefixes of what a giver gives.
type receipt struct {
	verbs map[string]bool
	codes []string
}

func loadReceipt(fsys fs.FS, path string) (receipt, error) {
	rows, err := readFields(fsys, path, 2, "kind and value")
	if err != nil {
		return receipt{}, err
	}
	r := receipt{verbs: map[string]bool{}}
	for _, f := range rows {
		switch f[0] {
		case "verb":
			r.verbs[strings.ToLower(f[1])] = true
		case "code":
			r.codes = append(r.codes, f[1])
		default:
			return receipt{}, fmt.Errorf("read %s: unknown kind %q", path, f[0])
		}
	}
	return r, nil
}

// received reports whether match m is a receipt from its slot's actor
// ("received congratulations from Xi"): the roles are the other way round.
func (st *docState) received(s *sentence, m match) bool {
	if m.slot < 0 || s.an.NPs[m.slot].Prep != "from" || !st.c.receipt.verbs[s.src.Tokens[m.head].Lemma] {
		return false
	}
	for _, p := range st.c.receipt.codes {
		if strings.HasPrefix(m.pat.Code, p) {
			return true
		}
	}
	return false
}
