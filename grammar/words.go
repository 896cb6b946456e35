// Package grammar reads clause structure from POS-tagged tokens without a
// full parser: verb groups with their negation and modality, clause
// boundaries, subjects, passive voice and the words that follow each verb.
//
// It works on token indexes into one sentence; the coder maps them back to
// byte offsets. The word classes it relies on (negators, modals, "refused
// to", "plans to", verbs of saying, ...) live in data/grammar/words.tsv.
package grammar

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
)

// Class is a grammatical word class from data/grammar/words.tsv.
type Class uint64

// The word classes. A word may belong to several.
const (
	Neg Class = 1 << iota
	ModalFuture
	ModalHypo
	ChainNeg
	ChainFuture
	ChainHypo
	ChainPass
	AdjFuture
	AdjNeg
	Report
	DocNoun
	Subord
	SubordHypo
	Relative
	FirstSg
	FirstPl
	Second
	ThirdSg
	ThirdPl
	ThirdIt
	Time
	ModalOblig
	ChainOblig
	Demand
	Warn
	Pair
	PairDet
	PairConflict
	Quantity
	Proposal
	Naming
	Refusal
	Spokesperson
	Planned
	Aspect
	AspectStop
	Reciprocal
	NegAdj
	OrgHead
	Stance
	Activity
	SayNoun
	AspectTo
	Effort
	AdjFact
	Ordinal
)

var classNames = map[string]Class{
	"neg": Neg, "modal-future": ModalFuture, "modal-hypo": ModalHypo,
	"chain-neg": ChainNeg, "chain-future": ChainFuture, "chain-hypo": ChainHypo, "chain-pass": ChainPass,
	"adj-future": AdjFuture, "adj-fact": AdjFact, "ordinal": Ordinal, "adj-neg": AdjNeg, "report": Report, "docnoun": DocNoun,
	"subord": Subord, "subord-hypo": SubordHypo, "relative": Relative,
	"first-sg": FirstSg, "first-pl": FirstPl, "second": Second, "third-sg": ThirdSg, "third-pl": ThirdPl,
	"third-it": ThirdIt, "time": Time,
	"modal-oblig": ModalOblig, "chain-oblig": ChainOblig, "demand": Demand,
	"warn": Warn, "pair": Pair, "pair-det": PairDet, "pair-conflict": PairConflict, "quantity": Quantity,
	"proposal": Proposal, "naming": Naming, "refusal": Refusal, "spokesperson": Spokesperson,
	"aspect": Aspect, "aspect-stop": AspectStop, "reciprocal": Reciprocal, "neg-adj": NegAdj, "planned": Planned,
	"org-head": OrgHead, "stance": Stance, "activity": Activity, "say-noun": SayNoun, "aspect-to": AspectTo, "effort": Effort,
}

// Chain classes are verbs and adjectives that govern a "to VERB" complement
// and change how that VERB is reported.
const Chain = ChainNeg | ChainFuture | ChainHypo | ChainPass | ChainOblig | AdjFuture | AdjNeg

// Pronoun classes.
const Pronoun = FirstSg | FirstPl | Second | ThirdSg | ThirdPl | ThirdIt

// Words maps lower-case words and lemmas to their classes.
type Words struct {
	classes map[string]Class
}

// LoadWords reads a word-class file ("word<white space>class" per line).
func LoadWords(fsys fs.FS, path string) (*Words, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	w := &Words{classes: map[string]Class{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if len(fields) != 2 {
			return nil, fmt.Errorf("%s:%d: want \"word class\", got %q", path, n, strings.TrimSpace(line))
		}
		c, ok := classNames[fields[1]]
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown word class %q", path, n, fields[1])
		}
		word := strings.ReplaceAll(strings.ToLower(fields[0]), "_", " ")
		w.classes[word] |= c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return w, nil
}

// Class returns the classes of a word (matched lower-cased).
func (w *Words) Class(word string) Class {
	if c, ok := w.classes[word]; ok {
		return c
	}
	return w.classes[strings.ToLower(word)]
}

// Is reports whether word belongs to any of the classes in c.
func (w *Words) Is(word string, c Class) bool { return w.Class(word)&c != 0 }

// Locative reports whether a preposition says where something happened
// ("met in New York", "a fire in Dhaka"): its object is a place, not a
// participant.
func Locative(prep string) bool {
	switch prep {
	case "in", "inside", "near", "outside", "across", "throughout", "at":
		return true
	}
	return false
}
