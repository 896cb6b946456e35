package coder

// This file codes events that a noun carries rather than a verb: the
// subject "Israeli air strikes" of "killed 12 people" stands for Israel,
// and "Palestinian riots against Israeli policies are still continuing"
// reports riots by Palestinians against Israel although "continue" has no
// pattern of its own. The nouns and the verbs of occurrence are listed in
// data/grammar/nominal.tsv.

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/grammar"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/verbs"
)

// nominalNoun is what nominal.tsv says about one event noun.
type nominalNoun struct {
	force bool   // an armed action or its means: its owner acts in a verb of material conflict
	code  string // CAMEO code of the event the noun reports by itself, or "" for a mere means
}

// nominalWords is the content of nominal.tsv.
type nominalWords struct {
	occur map[string]bool        // "continue", "break out"
	nouns map[string]nominalNoun // "protest", "air strike"
}

// loadNominal reads a nominal word file (see data/grammar/nominal.tsv).
func loadNominal(fsys fs.FS, path string) (*nominalWords, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return parseNominal(f, path)
}

func parseNominal(r io.Reader, path string) (*nominalWords, error) {
	w := &nominalWords{occur: map[string]bool{}, nouns: map[string]nominalNoun{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		word := strings.ReplaceAll(strings.ToLower(fields[0]), "_", " ")
		switch {
		case len(fields) == 2 && fields[1] == "occur":
			w.occur[word] = true
		case len(fields) == 3 && (fields[1] == "force" || fields[1] == "event"):
			code := fields[2]
			if code == "-" {
				if fields[1] != "force" {
					return nil, fmt.Errorf("%s:%d: an event noun needs a CAMEO code", path, n)
				}
				code = ""
			}
			w.nouns[word] = nominalNoun{force: fields[1] == "force", code: code}
		default:
			return nil, fmt.Errorf("%s:%d: want \"verb occur\" or \"noun force|event CODE\", got %q", path, n, strings.TrimSpace(line))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return w, nil
}

// nominals is the embedded nominal.tsv, read once. A broken file disables
// nominal events (TestNominalFile reports it).
var nominals = sync.OnceValues(func() (*nominalWords, error) {
	return loadNominal(data.FS, "grammar/nominal.tsv")
})

func nominalTable() *nominalWords {
	w, err := nominals()
	if err != nil {
		return &nominalWords{}
	}
	return w
}

// nounOf returns what the table says about the head of noun phrase np: the
// compound of the head with the word before it ("air strike", "hunger
// strike") first, else the head alone.
func (st *docState) nounOf(s *sentence, np int) (nominalNoun, bool) {
	if np < 0 {
		return nominalNoun{}, false
	}
	n := s.an.NPs[np]
	toks := s.src.Tokens
	head := toks[n.End-1].Lemma
	nouns := nominalTable().nouns
	if n.End-2 >= n.Start {
		if nn, ok := nouns[toks[n.End-2].Lemma+" "+head]; ok {
			return nn, true
		}
	}
	nn, ok := nouns[head]
	return nn, ok
}

// eventSubject returns the noun phrase that heads the subject of predicate
// pi when it is an event noun of the table, or -1. The grammar takes the
// nearest noun phrase before the verb, which is sometimes the end of a
// phrase attached to the real head ("Palestinian riots against Israeli
// military policies are continuing", "Talks between Iran and the United
// States resumed"); the head is then the first noun phrase of the clause
// that is neither in a prepositional phrase nor an actor name modifying the
// noun after it ("US" in "US Predator attacks").
func (st *docState) eventSubject(s *sentence, pi int) int {
	an := s.an
	p := an.Preds[pi]
	if p.Kind != grammar.Finite {
		return -1
	}
	subj := p.Subject
	if _, ok := st.nounOf(s, subj); ok && an.NPs[subj].Actor < 0 {
		return subj
	}
	if subj >= 0 && an.NPs[subj].Actor >= 0 && an.NPs[subj].Prep == "" && !st.attached(s, subj) {
		return -1 // an actor subject of its own ("Syria ... attacked")
	}
	clause := an.Clauses[p.Clause]
	toks := s.src.Tokens
	for k := clause.Start; k < p.Start; k++ {
		np := an.NPAt(k)
		if np < 0 {
			continue
		}
		n := an.NPs[np]
		k = n.End - 1
		if n.Prep != "" || n.Possessor || n.Actor >= 0 && n.End < p.Start && an.NPAt(n.End) >= 0 {
			continue
		}
		if _, ok := st.nounOf(s, np); !ok || n.Actor >= 0 {
			return -1
		}
		// Between the head and the verb: phrases attached to it, an
		// appositive participle ("attacks, occurring every three days,
		// have killed"), never another finite verb.
		for j := n.End; j < p.Start; j++ {
			switch toks[j].Tag {
			case "VBD", "VBZ", "VBP", "MD":
				return -1
			}
		}
		return np
	}
	return -1
}

// attached reports whether noun phrase np continues a prepositional phrase
// before it ("between Iran and [the United States]", "between Armenian and
// [Azerbaijani troops]"): the grammar then took it for the subject.
func (st *docState) attached(s *sentence, np int) bool {
	an := s.an
	toks := s.src.Tokens
	n := an.NPs[np]
	k := n.Start - 1
	if k < 1 || !(toks[k].Tag == "CC" && strings.EqualFold(toks[k].Text, "and")) {
		return false
	}
	// "between Armenian and": an adjective right after the preposition
	j := k - 1
	for j >= 0 && an.NPAt(j) < 0 && (toks[j].Tag == "JJ" || toks[j].Tag == "NNP") {
		j--
	}
	if j >= 0 && j < k-1 && toks[j].Tag == "IN" {
		return true
	}
	prev := an.NPAt(k - 1)
	return prev >= 0 && an.NPs[prev].Prep != ""
}

// nominalConjuncts returns noun phrase np with the event nouns coordinated
// before it ("Syrian regime air strikes and [artillery fire]").
func (st *docState) nominalConjuncts(s *sentence, np int) []int {
	an := s.an
	toks := s.src.Tokens
	out := []int{np}
	for cur := an.NPs[np]; cur.Start >= 2; {
		sep := toks[cur.Start-1]
		if !(sep.Tag == "CC" && strings.EqualFold(sep.Text, "and")) && sep.Text != "," {
			break
		}
		prev := an.NPAt(cur.Start - 2)
		if prev < 0 || an.NPs[prev].Actor >= 0 || an.NPs[prev].Prep != "" {
			break
		}
		if _, ok := st.nounOf(s, prev); !ok {
			break
		}
		out = append([]int{prev}, out...)
		cur = an.NPs[prev]
	}
	return out
}

// nominalOwners returns who an event noun phrase names as its author:
// "Israeli air strikes", "Russia's shelling", "US Predator attacks",
// "protests by opposition supporters", "the missiles fired by the Israeli
// military". Of a coordination, the first named author counts for all.
func (st *docState) nominalOwners(s *sentence, np int) []dyad.Entity {
	an := s.an
	toks := s.src.Tokens
	cs := st.nominalConjuncts(s, np)
	// "Malian army drones and artillery fire": an actor coordinated before
	// the nouns acts with them
	if first := an.NPs[cs[0]]; first.Start >= 2 && toks[first.Start-1].Tag == "CC" && strings.EqualFold(toks[first.Start-1].Text, "and") {
		if prev := an.NPAt(first.Start - 2); prev >= 0 && an.NPs[prev].Actor >= 0 && an.NPs[prev].Prep == "" && !an.NPs[prev].Possessor {
			var out []dyad.Entity
			for _, c := range an.Conjuncts(prev) {
				out = append(out, st.npEntities(s, c, nil)...)
			}
			return out
		}
	}
	for _, c := range cs {
		if es := st.owner(s, c, true); len(es) > 0 {
			return es
		}
		// "the missiles fired by the Israeli military"
		n := an.NPs[c]
		if n.End+2 < len(toks) && toks[n.End].Tag == "VBN" && strings.EqualFold(toks[n.End+1].Text, "by") {
			if by := an.NPAt(n.End + 2); by >= 0 && an.NPs[by].Start == n.End+2 && an.NPs[by].Actor >= 0 {
				var out []dyad.Entity
				for _, b := range an.Conjuncts(by) {
					out = append(out, st.npEntities(s, b, nil)...)
				}
				return out
			}
		}
	}
	return nil
}

// nominalTargets returns the actors an event noun phrase names as its
// target or partner: "riots against Israeli policies", "strikes on Gaza",
// "talks with Iran", "clashes between A and B" (the actors in order; the
// caller takes the first as the actor when none is named before the noun),
// and for a force noun "shelling of Kharkiv" and "strikes in Gaza".
func (st *docState) nominalTargets(s *sentence, np int, force bool) []dyad.Entity {
	an := s.an
	toks := s.src.Tokens
	n := an.NPs[np]
	k := n.End
	if k+1 >= len(toks) || toks[k].Tag != "IN" {
		return nil
	}
	prep := strings.ToLower(toks[k].Text)
	switch prep {
	case "against", "on", "with", "between", "upon":
	case "of", "in":
		if !force {
			return nil
		}
	default:
		return nil
	}
	// the phrase: actors up to the next verb, comma or other preposition
	var out []dyad.Entity
	for j := k + 1; j < len(toks); j++ {
		t := toks[j]
		if t.Text == "," || strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" || t.Tag == "IN" && j > k+1 {
			break
		}
		q := an.NPAt(j)
		if q < 0 {
			// "between Armenian and Azerbaijani troops": a country adjective
			if e, ok := st.adjectiveCountry(s, j); ok && !sameAs(e, out) {
				out = append(out, e)
			}
			continue
		}
		var es []dyad.Entity
		if an.NPs[q].Actor >= 0 {
			es = st.coordinatedAdjectives(s, q, st.npEntities(s, q, nil))
		} else {
			es = st.owner(s, q, true) // "against Israeli policies"
		}
		for _, e := range es {
			// "Armenian and Azerbaijani troops": the adjective read alone
			// gives way to its reading with the troops' sector
			if i := slices.IndexFunc(out, func(x dyad.Entity) bool { return x.Name != "" && x.Name == e.Name }); i >= 0 {
				out[i] = e
				continue
			}
			out = append(out, e)
		}
		j = an.NPs[q].End - 1
	}
	return out
}

// forceActors resolves the subject of predicate pi when it is a force noun
// ("Israeli air strikes killed 12 people"): the owner it names acts. The
// caller asks only for verbs of material conflict.
func (st *docState) forceActors(s *sentence, pi int) []dyad.Entity {
	np := st.eventSubject(s, pi)
	if np < 0 {
		return nil
	}
	if nn, _ := st.nounOf(s, np); !nn.force {
		// the conjuncts may hold the force noun ("air strikes and fire")
		force := false
		for _, c := range st.nominalConjuncts(s, np) {
			if nc, _ := st.nounOf(s, c); nc.force {
				force = true
			}
		}
		if !force {
			return nil
		}
	}
	return bySector(st.nominalOwners(s, np), "MIL")
}

// nominal is an event carried by a noun subject of a verb of occurrence.
type nominal struct {
	m                 match
	actor, recipient  []dyad.Entity
	nounStart, verbAt int // token indexes of the noun phrase and the verb
}

// nominalEvent codes "Palestinian riots against Israeli policies are still
// continuing", "Clashes between Armenian and Azerbaijani troops erupted":
// every content verb of predicate pi is a verb of occurrence, its subject
// an event noun with a code of its own, and the noun phrase names who did
// it. Nouns inside a prepositional phrase ("after the protests") and nouns
// without a named author ("violence erupted") give no event.
func (st *docState) nominalEvent(s *sentence, pi int) (nominal, bool) {
	an := s.an
	p := an.Preds[pi]
	toks := s.src.Tokens
	words := nominalTable()
	if len(p.Heads) == 0 {
		return nominal{}, false
	}
	for _, h := range p.Heads {
		lemma := toks[h].Lemma
		if words.occur[lemma] {
			continue
		}
		// "broke out", "took place", "flared up"
		if h+1 < len(toks) && words.occur[lemma+" "+strings.ToLower(toks[h+1].Text)] {
			continue
		}
		return nominal{}, false
	}
	np := st.eventSubject(s, pi)
	if np < 0 {
		return nominal{}, false
	}
	nn, _ := st.nounOf(s, np)
	if nn.code == "" {
		return nominal{}, false
	}
	actor := st.nominalOwners(s, np)
	targets := st.nominalTargets(s, np, nn.force)
	if len(actor) == 0 {
		// "clashes between A and B": the first party is the actor
		if len(targets) < 2 || strings.ToLower(toks[an.NPs[np].End].Text) != "between" {
			return nominal{}, false
		}
		actor, targets = targets[:1], targets[1:]
	}
	switch {
	case nn.force:
		actor = bySector(actor, "MIL")
	case strings.HasPrefix(nn.code, "14"):
		actor = bySector(actor, "CVL")
	}
	head := p.Heads[len(p.Heads)-1]
	pat := &verbs.Pattern{Code: nn.code, Self: true, File: "(event noun)"}
	return nominal{
		m:         match{pat: pat, head: head, slot: -1, last: head},
		actor:     actor,
		recipient: withoutSelf(targets, actor),
		nounStart: an.NPs[np].Start,
		verbAt:    head,
	}, true
}

// forceAgent resolves the agent of a passive verb of material conflict
// that a force noun names: "were killed by Israeli air strikes", "two
// soldiers were killed in a Russian drone strike".
func (st *docState) forceAgent(s *sentence, pi int) []dyad.Entity {
	an := s.an
	p := an.Preds[pi]
	end := an.ClauseEnd(pi)
	for k := p.End; k < end; k++ {
		np := an.NPAt(k)
		if np < 0 || an.NPs[np].Start != k {
			continue
		}
		n := an.NPs[np]
		k = n.End - 1
		if n.Prep != "by" && n.Prep != "in" || n.Actor >= 0 {
			continue
		}
		if nn, ok := st.nounOf(s, np); ok && nn.force {
			return bySector(st.nominalOwners(s, np), "MIL")
		}
	}
	return nil
}

// bySector gives a country named by a single word the sector its event
// noun implies: protests and riots ("Palestinian riots", "Kenya's
// protests") are its people's (CVL), air strikes and shelling its
// military's (MIL), not its government's. An owner named with a sector
// ("Kenyan teachers", "the Syrian regime") keeps it.
func bySector(es []dyad.Entity, sector string) []dyad.Entity {
	out := make([]dyad.Entity, len(es))
	for i, e := range es {
		if e.Sector == "GOV" && e.Code != "" && !strings.ContainsAny(strings.TrimSpace(e.Text), " \t") {
			e.Sector, e.CAMEO = sector, kb.CAMEOCode(e.Code, sector)
		}
		out[i] = e
	}
	return out
}
