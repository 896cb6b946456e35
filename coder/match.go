package coder

// This file matches verb patterns against the words after a verb.

import (
	"strings"

	"github.com/dyad-events/dyad/grammar"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/verbs"
)

// match is a verb pattern matched at one head.
type match struct {
	pat  *verbs.Pattern
	head int // token index of the head verb
	slot int // NP index that filled the "+" slot, or -1
	last int // last token index the pattern used
}

// matchAt tries the verb patterns of the head at token h against the words
// after it, up to the end of its clause, and returns the most specific one
// that matches.
func (st *docState) matchAt(s *sentence, h, end int) (match, bool) {
	toks := s.src.Tokens
	words := s.wordSet()
	for _, pat := range st.c.verbs.Candidates(toks[h].Lemma) {
		if !mayMatch(pat, words) {
			continue // a word the pattern needs is nowhere in the sentence
		}
		if m, ok := st.matchPattern(s, pat, h, end); ok {
			return m, true
		}
	}
	return match{}, false
}

// wordSet returns the lemmas and lower-cased words of the sentence, built
// once: most candidate patterns need a word the sentence does not have,
// and this rules them out before the matcher walks the tokens.
func (s *sentence) wordSet() map[string]bool {
	if s.words == nil {
		s.words = make(map[string]bool, 2*len(s.src.Tokens))
		for _, t := range s.src.Tokens {
			s.words[t.Lemma] = true
			s.words[strings.ToLower(t.Text)] = true
		}
	}
	return s.words
}

// mayMatch reports whether every literal element of pat has one of its
// words in words (what wordIn accepts: a lemma or a lower-cased word).
func mayMatch(pat *verbs.Pattern, words map[string]bool) bool {
	for _, el := range pat.Elems {
		if el.Slot {
			continue
		}
		found := false
		for _, w := range el.Words {
			if words[w] || words[strings.ToLower(w)] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// maxGap is how many tokens may stand between two pattern elements
// (determiners, adjectives, adverbs: "deepen our bilateral partnership").
const maxGap = 4

// A content word of a pattern is sought inside the noun phrase it
// modifies and across at most maxNounPreps prepositional phrases ("provided
// $5 million in aid"); one more means the word belongs to another phrase
// ("stopped work on the first day of a strike" is not stopping the strike).
// A preposition or a slot may lie beyond an object with a phrase of its own
// ("returned a pendant engraved with the image of Peter the Great to
// Russia"), up to maxPreps phrases. Time phrases ("on Tuesday") are free.
const (
	maxNounPreps = 1
	maxPreps     = 2
)

func (st *docState) matchPattern(s *sentence, pat *verbs.Pattern, h, end int) (match, bool) {
	toks := s.src.Tokens
	an := s.an
	m := match{pat: pat, head: h, slot: -1, last: h}
	pos := h + 1
	// object is the actor standing right after the head as its direct
	// object, skipped to reach the pattern's first word ("pressing Russia
	// for his release", "asked the UN for help"): the one acted on.
	object := -1
	if np := an.NPAt(h + 1); np >= 0 && an.NPs[np].Start == h+1 && an.NPs[np].Actor >= 0 &&
		an.NPs[np].Prep == "" && !an.NPs[np].Possessor {
		object = np
	}
	for ei, el := range pat.Elems {
		hit := -1
		// The gap is counted in words outside noun phrases plus whole noun
		// phrases, so that a long name ("Turkish President Recep Tayyip
		// Erdogan's invitation") counts as one.
		gap := 0
		sawActor := false // an actor noun phrase was skipped
		preps := 0        // prepositions skipped, time phrases aside
		for k := pos; k < end && gap <= maxGap; k++ {
			if k > pos {
				if blocksGap(toks[k-1]) {
					break
				}
				// Count the prepositional phrases skipped; see maxPreps.
				if st.opensPhrase(s, k-1) {
					preps++
					if preps > maxPreps {
						break
					}
				}
				// "criticised China over its policy": a literal is not
				// sought past an actor and a preposition after it, which
				// make the actor the object ("the Israeli decision" may
				// still be skipped into)
				if np := an.NPAt(k - 1); np >= 0 && an.NPs[np].Actor >= 0 {
					sawActor = true
				}
				if !el.Slot && sawActor && (toks[k-1].Tag == "IN" || toks[k-1].Tag == "TO") {
					break
				}
				if np := an.NPAt(k); np < 0 || np != an.NPAt(k-1) {
					gap++
				}
			}
			if el.Slot {
				// Any noun phrase fills the slot; only an actor becomes the
				// recipient ("praised the decision" has none of its own).
				if np := an.NPAt(k); np >= 0 && an.NPs[np].Start == k && !an.NPs[np].Possessor {
					if ei == 0 && grammar.Locative(an.NPs[np].Prep) && an.NPs[np].Actor >= 0 {
						// "met in New York": where, not whom; a pattern
						// without the slot, or the places force falls
						// on, take it from there
						continue
					}
					hit = k
					m.slot = np
					pos = skipAppositive(an, toks, an.NPs[np].End)
					break
				}
				continue
			}
			if wordIn(toks[k], el.Words) {
				if preps > maxNounPreps && !isPrep(toks[k]) {
					break
				}
				hit = k
				pos = k + 1
				if ei == 0 && object >= 0 && k >= an.NPs[object].End {
					m.slot = object
				}
				// "arrested dozens of protesters", "killing two civilians":
				// a literal that names an actor is the recipient too.
				if np := an.NPAt(k); m.slot < 0 && np >= 0 && !an.NPs[np].Possessor &&
					(an.NPs[np].Actor >= 0 || len(st.possessed(s, np)) > 0) {
					// "shelled the town of Kherson": the town stands for its owner
					m.slot = np
					// a multi-word literal goes on inside the phrase
					// ("withdraw its peacekeeping force from")
					if !(ei+1 < len(pat.Elems) && !pat.Elems[ei+1].Slot && k+1 < an.NPs[np].End && wordIn(toks[k+1], pat.Elems[ei+1].Words)) {
						pos = an.NPs[np].End
					}
				}
				break
			}
		}
		if hit < 0 {
			return match{}, false
		}
		m.last = pos - 1
	}
	return m, true
}

// skipAppositive returns the token after an appositive that follows a slot
// ending at end ("forced the UN refugee agency, UNHCR, out of the country"),
// or end when there is none: one noun phrase between two commas.
func skipAppositive(an *grammar.Analysis, toks []text.Token, end int) int {
	if end+2 >= len(toks) || toks[end].Text != "," {
		return end
	}
	q := an.NPAt(end + 1)
	if q < 0 || an.NPs[q].Start != end+1 || an.NPs[q].Actor < 0 {
		return end
	}
	if e := an.NPs[q].End; e < len(toks) && toks[e].Text == "," {
		return e + 1
	}
	return end
}

func isPrep(t text.Token) bool { return t.Tag == "IN" || t.Tag == "TO" }

// opensPhrase reports whether token i is a preposition that opens a
// prepositional phrase the matcher counts: not a time phrase ("on
// Tuesday", "in 2010"), which says when, not what, and not a quantity word
// ("more than 200", "about 50").
func (st *docState) opensPhrase(s *sentence, i int) bool {
	toks := s.src.Tokens
	if !isPrep(toks[i]) || st.c.words.Is(strings.ToLower(toks[i].Text), grammar.Quantity) {
		return false
	}
	k := i + 1
	for ; k < len(toks) && (toks[k].Tag == "DT" || toks[k].Tag == "JJ"); k++ {
	}
	return k >= len(toks) || !(st.c.words.Is(strings.ToLower(toks[k].Text), grammar.Time) || toks[k].Tag == "CD")
}

// blocksGap: a token that ends the stretch a pattern may skip over.
func blocksGap(t text.Token) bool {
	switch t.Text {
	case ",", ";", ":", ".", "(", ")":
		return true
	}
	// a verb of its own ends the stretch too: "pledged to expel exiled
	// leaders" does not make the leaders the pledge's recipient
	return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" || t.Tag == "TO" || t.Tag == "VB"
}

func wordIn(t text.Token, words []string) bool {
	for _, w := range words {
		if t.Lemma == w || strings.EqualFold(t.Text, w) {
			return true
		}
	}
	return false
}

// threatPattern stands in for a verb pattern when a warning's content
// has no pattern of its own ("vowed that Iran would pay").
var threatPattern = &verbs.Pattern{Code: "130", Self: true, File: "(warning)"}

// demandPattern stands in for a verb pattern when a reported obligation
// ("China must drop its barriers", the minister said) has no pattern of its
// own: a demand (CAMEO 100) by the speaker on the one obliged.
var demandPattern = &verbs.Pattern{Code: "100", Self: true, File: "(demand)"}

// willingPattern stands in for a verb pattern when readiness to act
// ("is ready to contribute troops") has no pattern of its own: an intent to
// cooperate, not specified (CAMEO 030).
var willingPattern = &verbs.Pattern{Code: "030", Self: true, File: "(willingness)"}

// refusalPattern stands in for a verb pattern when a refused action has no
// pattern of its own ("refused to allow the planes to land"): a rejection.
var refusalPattern = &verbs.Pattern{Code: "120", File: "(refusal)"}

// statementPattern stands in for a verb pattern on a verb of saying when
// statements are coded (Options.Statements): "X said ..." is CAMEO 010.
var statementPattern = &verbs.Pattern{Code: "010", Self: true, File: "(statement)"}
