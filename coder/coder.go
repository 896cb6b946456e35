// Package coder turns documents into events: it runs the text pipeline,
// resolves actors, reads clause structure and matches verb patterns.
//
// A document is coded in two passes. The first reads every sentence: its
// tokens, actor mentions (resolved as of the document's date) and clause
// structure. The second codes events, because a quotation's speaker is often
// named only after the quotation closes ("...," the statement read).
package coder

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/discard"
	"github.com/dyad-events/dyad/grammar"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/ontology"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/verbs"
	"github.com/dyad-events/dyad/when"
)

// Options configures a Coder.
type Options struct {
	// DictDirs are extra user dictionary folders in dyad's own formats
	// (actor files as in data/kb, verb files as in data/verbs).
	DictDirs []string
	// VerbFiles are extra verb-pattern files in dyad's format.
	VerbFiles []string
	// PetrarchActors and PetrarchAgents are actor and agent dictionaries in
	// PETRARCH/TABARI format, with their date restrictions.
	PetrarchActors, PetrarchAgents []string
	// PetrarchVerbFiles are verb dictionaries in PETRARCH's CAMEO.2.0.txt
	// format; dyad's own patterns win where both have one.
	PetrarchVerbFiles []string
	// Statements also codes CAMEO 01 public statements ("said", "expressed
	// optimism", "denied responsibility"). PLOVER has no type for them, so
	// their records carry an empty event type: they are off by default and
	// meant for CAMEO-based comparisons (ConfliBERT's classes count them).
	Statements bool
}

// Coder codes documents. It is safe for concurrent use: all per-document
// state lives in values local to Code.
type Coder struct {
	text  *text.Pipeline
	kb    *kb.KB
	verbs *verbs.Dict
	onto  *ontology.Ontology
	words *grammar.Words
	dates *when.Resolver
	// discards recognise sport, business and fiction ("Liverpool beat
	// Chelsea 2-1"), which are not political events.
	discards *discard.Rules
	// intent maps a cooperative action's CAMEO code prefix to the 03x code
	// of the intention to do it.
	intent map[string]string
	// demand maps an action's code prefix to the CAMEO 10x code of demanding
	// it; threat to the 13x code of threatening it.
	demand, threat map[string]string
	// eventNouns maps a noun such as "strike" or "offer" to the PLOVER
	// types (comma-separated) of the events it can refer back to.
	eventNouns map[string]string
	// contexts maps a lemma to the PLOVER context it suggests.
	contexts map[string]string
	// statements: code CAMEO 01 statements too (Options.Statements).
	statements bool
	// senses recode actions whose meaning depends on the actor's sector
	// (data/grammar/actorsense.tsv).
	senses []senseRule
	// outcomes are nouns for what an election produces ("result",
	// "victory"): recognising one is aimed at its owner.
	outcomes map[string]bool
	// receipt turns "received congratulations from Xi" round
	// (data/verbs/receiving.tsv).
	receipt receipt
}

// New loads the embedded knowledge (and any user dictionaries) and returns a
// Coder.
func New(opts Options) (*Coder, error) {
	tp, err := text.New()
	if err != nil {
		return nil, fmt.Errorf("text pipeline: %w", err)
	}
	k, err := kb.LoadWith(data.FS, kb.Options{Dirs: opts.DictDirs, PetrarchActors: opts.PetrarchActors, PetrarchAgents: opts.PetrarchAgents})
	if err != nil {
		return nil, err
	}
	vd, err := verbs.Load(data.FS, "verbs")
	if err != nil {
		return nil, err
	}
	if len(opts.VerbFiles) > 0 {
		extra, err := verbs.LoadFiles(opts.VerbFiles...)
		if err != nil {
			return nil, err
		}
		vd.Merge(extra)
	}
	for _, p := range opts.PetrarchVerbFiles {
		extra, err := verbs.LoadPetrarch(p)
		if err != nil {
			return nil, err
		}
		vd.Merge(extra)
	}
	dates, err := when.New()
	if err != nil {
		return nil, err
	}
	discards, err := discard.Default()
	if err != nil {
		return nil, err
	}
	words, err := grammar.LoadWords(data.FS, "grammar/words.tsv")
	if err != nil {
		return nil, err
	}
	intent, err := loadPairs(data.FS, "grammar/intent.tsv")
	if err != nil {
		return nil, err
	}
	contexts, err := loadPairs(data.FS, "grammar/contexts.tsv")
	if err != nil {
		return nil, err
	}
	demand, err := loadPairs(data.FS, "grammar/demand.tsv")
	if err != nil {
		return nil, err
	}
	senses, err := loadSenseRules(data.FS, "grammar/actorsense.tsv")
	if err != nil {
		return nil, err
	}
	threat, err := loadPairs(data.FS, "grammar/threat.tsv")
	if err != nil {
		return nil, err
	}
	eventNouns, err := loadPairs(data.FS, "grammar/eventnouns.tsv")
	if err != nil {
		return nil, err
	}
	outcomes, err := loadWordList(data.FS, "grammar/outcomes.txt")
	if err != nil {
		return nil, err
	}
	receipt, err := loadReceipt(data.FS, "verbs/receiving.tsv")
	if err != nil {
		return nil, err
	}
	return &Coder{outcomes: outcomes, receipt: receipt, text: tp, kb: k, verbs: vd, onto: ontology.Default(), words: words, dates: dates, discards: discards,
		intent: intent, demand: demand, threat: threat, contexts: contexts, eventNouns: eventNouns, statements: opts.Statements, senses: senses}, nil
}

// byPrefix maps a CAMEO code through one of the prefix tables (intent,
// demand, threat): the longest prefix with a line wins; ok is false when
// none has.
func byPrefix(table map[string]string, code string) (string, bool) {
	for n := len(code); n >= 2; n-- {
		if v, ok := table[code[:n]]; ok {
			return v, true
		}
	}
	return "", false
}

// lead returns the first paragraph of a body (at most 1,000 bytes): a
// document is a sports report or a review when its lead says so, not when a
// sports result closes a political round-up (those sentences are discarded
// one by one).
func lead(body string) string {
	body = strings.TrimLeft(body, " \t\r\n")
	if i := strings.Index(body, "\n\n"); i >= 0 {
		body = body[:i]
	}
	if len(body) > 1000 {
		body = body[:1000]
	}
	return body
}

// Warnings returns the problems loading worked around, such as unreadable
// lines of an outside (PETRARCH) dictionary that were left out.
func (c *Coder) Warnings() []error { return c.kb.Warnings() }

// WaitReady blocks until every matcher built in the background after New is
// in use, so that a measurement of throughput sees the steady state.
func (c *Coder) WaitReady() { c.kb.WaitReady() }

// Code returns the events of one document in text order.
func (c *Coder) Code(d dyad.Document) ([]dyad.Event, error) {
	if off, _ := c.discards.Document(lead(d.Body)); off {
		return nil, nil // a sports report or a film review: no political events
	}
	st := c.readDocument(d)
	var events []dyad.Event
	for _, s := range st.sents {
		events = append(events, st.code(s)...)
	}
	return events, nil
}

// readDocument is the first pass: every sentence's tokens, actors (resolved
// as of the document's date, coreference carried from sentence to sentence)
// and clause structure, ready for the second pass to code.
func (c *Coder) readDocument(d dyad.Document) *docState {
	td := c.text.Analyze(d.Body)
	res := c.kb.NewResolver(d.Date)
	sents := make([]*sentence, len(td.Sentences))
	for i := range td.Sentences {
		sents[i] = c.read(d.Body, &td.Sentences[i], res, d.Date)
	}
	return &docState{c: c, doc: d, td: td, sents: sents, speakers: map[int]*dyad.Entity{}, dateline: c.datelineCountry(d)}
}
