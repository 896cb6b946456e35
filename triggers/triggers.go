// Package triggers finds, in an event store, the happenings countries react
// to: elections won, leaders sworn in or dead, disasters, attacks. Each is a
// candidate for `dyad reactions --to NAME --since DATE`.
//
// Two kinds of sign point at a trigger (data/reactions/triggers.tsv says
// which):
//
//   - reactions: several countries congratulating, or sending condolences
//     to, the same recipient within a few days. The first reaction dates
//     the trigger and the number of countries that reacted is its strength;
//   - phrases in stored sentences ("won the presidential election", "the
//     death of"): the person or country named next to the phrase is
//     concerned, and a date written in the sentence, else the document's,
//     dates it.
//
// Signs about the same country, of compatible kinds, a few days apart,
// are one trigger.
package triggers

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/when"
)

// Defaults of Options.
const (
	DefaultWindow      = 3
	DefaultMinReactors = 2
	maxEvidence        = 5
)

// Options tune Find. The zero value works: every date, the embedded cues,
// subjects only as the store names them.
type Options struct {
	// From and To bound the trigger dates, inclusive, as YYYY-MM-DD.
	From, To string
	// Window is how many days apart two signs of one trigger may be
	// (DefaultWindow when 0).
	Window int
	// MinReactors is how many countries must react for reactions alone to
	// make a trigger (DefaultMinReactors when 0); a trigger with a phrase
	// needs none.
	MinReactors int
	// Cues are the signs to look for (LoadCues reads the embedded ones);
	// Find needs at least one.
	Cues []Cue
	// KB, when set, finds the person or country next to a phrase in
	// sentences the store holds no actor for, and tells people from
	// countries.
	KB *kb.KB
	// Dates, when set, dates a phrase by a date written in its sentence
	// ("won the election on November 3").
	Dates *when.Resolver
}

// Subject is the person or country a trigger concerns.
type Subject struct {
	Name   string `json:"name"`
	Code   string `json:"code"`
	Person bool   `json:"person"`
}

// Evidence is one sentence behind a trigger.
type Evidence struct {
	Doc      string `json:"doc"`
	Sentence int    `json:"sentence"`
	Date     string `json:"date"`
	Text     string `json:"text"`
	// Sign is what the sentence shows: "phrase: died" or "reaction: 051 by FRA".
	Sign string `json:"sign"`
}

// Trigger is one candidate happening.
type Trigger struct {
	Date    string   `json:"date"` // the earliest sign, YYYY-MM-DD
	Kind    string   `json:"kind"` // "election", "death or disaster or attack", ...
	Kinds   []string `json:"kinds"`
	Subject Subject  `json:"subject"`
	// Strength is how many countries reacted (Reactors).
	Strength int      `json:"strength"`
	Reactors []string `json:"reactors"`
	// Phrases is how many sentences say it happened in words.
	Phrases  int        `json:"phrases"`
	Evidence []Evidence `json:"evidence"`
}

// sign is one reaction or phrase that points at a trigger.
type sign struct {
	code    string // the country concerned
	name    string // how the sentence names the subject
	person  bool
	day     time.Time
	kinds   []string
	reactor string // for a reaction: the reacting country
	phrase  bool
	ev      Evidence
}

// Find returns the candidate triggers in st, strongest first: by the number
// of reacting countries, then by the number of phrases, then by date.
func Find(ctx context.Context, st store.Store, opts Options) ([]Trigger, error) {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.MinReactors <= 0 {
		opts.MinReactors = DefaultMinReactors
	}
	if len(opts.Cues) == 0 {
		return nil, fmt.Errorf("triggers: no cues (load %s with LoadCues)", CuesFile)
	}
	if err := (store.Filter{From: opts.From, To: opts.To}).Validate(); err != nil {
		return nil, err
	}
	f := finder{opts: opts}
	var signs []sign
	for _, c := range opts.Cues {
		if c.Source != SourceReaction {
			continue
		}
		s, err := f.reactions(ctx, st, c)
		if err != nil {
			return nil, err
		}
		signs = append(signs, s...)
	}
	s, err := f.phrases(ctx, st)
	if err != nil {
		return nil, err
	}
	signs = append(signs, s...)
	return f.merge(signs), nil
}

type finder struct{ opts Options }

// reactions returns a sign per recipient and reacting country of every
// affirmed, factual event under the cue's CAMEO prefix.
func (f finder) reactions(ctx context.Context, st store.Store, c Cue) ([]sign, error) {
	affirmed := false
	var out []sign
	for ev, err := range st.Events(ctx, store.Filter{CAMEO: c.Match, From: f.opts.From, To: f.opts.To, Negated: &affirmed}) {
		if err != nil {
			return nil, fmt.Errorf("reactions %s: %w", c.Match, err)
		}
		if ev.Aux != dyad.AuxFact {
			continue // "will congratulate", "would send condolences": not yet a reaction
		}
		if len(c.Words) > 0 && !slices.ContainsFunc(c.Words, func(w string) bool { return wordPrefixIndex(strings.ToLower(ev.Text), w) >= 0 }) {
			continue // praise of a policy is not a congratulation
		}
		day, ok := parseDay(cmp.Or(ev.Date, ev.FirstSeen))
		if !ok {
			continue
		}
		for _, r := range ev.Recipient {
			if r.Code == "" {
				continue
			}
			for _, a := range ev.Actor {
				if a.Code == "" || a.Code == r.Code {
					continue // congratulations from home are not a country's reaction
				}
				out = append(out, sign{
					code: r.Code, name: r.Name, person: f.isPerson(r), day: day, kinds: c.Kinds, reactor: a.Code,
					ev: Evidence{Doc: ev.Doc, Sentence: ev.TextInfo.Sentence, Date: day.Format(dyad.DateLayout), Text: ev.Text,
						Sign: fmt.Sprintf("reaction: %s by %s", ev.CAMEO, a.Code)},
				})
			}
		}
	}
	return out, nil
}

// sentence is one stored sentence, with the actors the store's mentions of
// it name.
type sentence struct {
	doc     string
	index   int
	text    string
	start   int // offset of text in the document body
	docDate time.Time
	actors  []dyad.Entity
}

// phrases returns a sign for every phrase cue found in a stored sentence
// next to a person or country.
func (f finder) phrases(ctx context.Context, st store.Store) ([]sign, error) {
	type key struct {
		doc   string
		index int
	}
	sentences := map[key]*sentence{}
	var order []key
	var cues []Cue
	for _, c := range f.opts.Cues {
		if c.Source != SourcePhrase {
			continue
		}
		cues = append(cues, c)
		// The full-text query finds the documents; the sentences their
		// events were coded from are the ones the store can show.
		for m, err := range st.Mentions(ctx, store.Filter{Text: `"` + c.Match + `"`, From: f.opts.From, To: f.opts.To}) {
			if err != nil {
				return nil, fmt.Errorf("phrase %q: %w", c.Match, err)
			}
			k := key{m.Doc, m.TextInfo.Sentence}
			s, ok := sentences[k]
			if !ok {
				docDate, _ := parseDay(m.DocDate)
				s = &sentence{doc: m.Doc, index: m.TextInfo.Sentence, text: m.Text, start: m.TextInfo.Start, docDate: docDate}
				sentences[k] = s
				order = append(order, k)
			}
			s.actors = append(s.actors, m.Actor...)
			s.actors = append(s.actors, m.Recipient...)
		}
	}
	var out []sign
	for _, k := range order {
		s := sentences[k]
		lower := strings.ToLower(s.text)
		var cands []candidate
		resolved := false
		for _, c := range cues {
			at := wordIndex(lower, c.Match)
			if at < 0 {
				continue
			}
			if !resolved {
				cands, resolved = f.candidates(s), true
			}
			subj, ok := pick(cands, at, at+len(c.Match), c.Subject)
			if !ok {
				continue
			}
			day := f.phraseDay(s, at)
			out = append(out, sign{
				code: subj.Code, name: subj.Name, person: subj.person, day: day, kinds: c.Kinds, phrase: true,
				ev: Evidence{Doc: s.doc, Sentence: s.index, Date: day.Format(dyad.DateLayout), Text: s.text, Sign: "phrase: " + c.Match},
			})
		}
	}
	return out, nil
}

// candidate is an actor named in a sentence, with offsets into it.
type candidate struct {
	dyad.Entity
	person bool
}

// candidates lists the actors of a sentence: those of its stored mentions
// and, with a KB, those the resolver finds in it (which covers the words
// no event was coded from: "the king died").
func (f finder) candidates(s *sentence) []candidate {
	var out []candidate
	add := func(e dyad.Entity, person bool) {
		if e.Code == "" || e.Start < 0 || e.End > len(s.text) || e.Start >= e.End {
			return
		}
		for _, c := range out {
			if c.Start == e.Start && c.End == e.End {
				return
			}
		}
		out = append(out, candidate{Entity: e, person: person})
	}
	for _, a := range s.actors {
		a.Start -= s.start
		a.End -= s.start
		add(a, f.isPerson(a))
	}
	if f.opts.KB != nil && s.text != "" {
		for _, m := range f.opts.KB.NewResolver(s.docDate).Find(s.text, dyad.Span{Start: 0, End: len(s.text)}) {
			if m.Kind == kb.Person || m.Kind == kb.Country || m.Kind == kb.Organisation {
				add(m.Entity, m.Kind == kb.Person)
			}
		}
	}
	return out
}

// pick returns the actor nearest the phrase [start, end) on the side where
// the cue names its subject.
func pick(cands []candidate, start, end int, side string) (candidate, bool) {
	best, found := candidate{}, false
	for _, c := range cands {
		switch side {
		case Before:
			if c.End <= start && (!found || c.End > best.End) {
				best, found = c, true
			}
		case After:
			if c.Start >= end && (!found || c.Start < best.Start) {
				best, found = c, true
			}
		}
	}
	return best, found
}

// phraseDay dates a phrase: by the full date written nearest it in the
// sentence, when that is not after the document date, else by the
// document date.
func (f finder) phraseDay(s *sentence, at int) time.Time {
	if f.opts.Dates == nil {
		return s.docDate
	}
	best, bestDist := time.Time{}, -1
	for _, d := range f.opts.Dates.Dates(s.text, s.docDate) {
		day, ok := parseDay(d.Date)
		if !ok || day.After(s.docDate) {
			continue
		}
		dist := min(abs(d.Span.Start-at), abs(d.Span.End-at))
		if bestDist < 0 || dist < bestDist {
			best, bestDist = day, dist
		}
	}
	if bestDist < 0 {
		return s.docDate
	}
	return best
}

// isPerson tells a person from a country or an organisation by its name:
// a person's resolved name is not the canonical name of its code.
func (f finder) isPerson(e dyad.Entity) bool {
	if f.opts.KB == nil || e.Name == "" {
		return false
	}
	if name, ok := f.opts.KB.CountryName(e.Code); ok && name == e.Name {
		return false
	}
	if name, _, ok := f.opts.KB.OrganisationName(e.Code); ok && name == e.Name {
		return false
	}
	return true
}

// building is a trigger being assembled from its signs.
type building struct {
	code        string
	kinds       []string
	first, last time.Time
	reactors    []string
	phrases     int
	// names and phraseNames count the person names reactions (their
	// recipients) and phrases (their subjects) give: a phrase names the
	// person concerned ("the death of"), where condolences may go to a
	// successor.
	names, phraseNames map[string]int
	sentences          map[Evidence]bool // phrase sentences counted, by doc and index
	otherName          string
	evidence           []Evidence
}

// merge joins signs into triggers: a sign joins a trigger about the same
// country whose kinds it shares and whose last sign is at most Window days
// before it; the trigger keeps the kinds both allow.
func (f finder) merge(signs []sign) []Trigger {
	slices.SortStableFunc(signs, func(a, b sign) int {
		return cmp.Or(a.day.Compare(b.day), cmp.Compare(a.code, b.code), boolOrder(b.phrase, a.phrase))
	})
	var bs []*building
	open := map[string][]*building{} // by country: its triggers a sign may still join
	window := time.Duration(f.opts.Window) * 24 * time.Hour
	for _, s := range signs {
		var b *building
		// Signs come by date, so a trigger whose last sign is more than
		// the window back is closed for good.
		open[s.code] = slices.DeleteFunc(open[s.code], func(c *building) bool { return s.day.Sub(c.last) > window })
		for _, c := range open[s.code] {
			if overlaps(c.kinds, s.kinds) {
				b = c
				break
			}
		}
		if b == nil {
			b = &building{code: s.code, kinds: slices.Clone(s.kinds), first: s.day, names: map[string]int{}, phraseNames: map[string]int{}, sentences: map[Evidence]bool{}}
			bs = append(bs, b)
			open[s.code] = append(open[s.code], b)
		}
		b.kinds = slices.DeleteFunc(b.kinds, func(k string) bool { return !slices.Contains(s.kinds, k) })
		b.last = s.day
		switch {
		case s.person && s.phrase:
			b.phraseNames[s.name]++
		case s.person:
			b.names[s.name]++
		case b.otherName == "":
			b.otherName = s.name
		}
		if at := (Evidence{Doc: s.ev.Doc, Sentence: s.ev.Sentence}); s.phrase && !b.sentences[at] {
			b.sentences[at] = true
			b.phrases++
		}
		if s.reactor != "" && !slices.Contains(b.reactors, s.reactor) {
			b.reactors = append(b.reactors, s.reactor)
		}
		if len(b.evidence) < maxEvidence && !slices.ContainsFunc(b.evidence, func(e Evidence) bool { return e.Doc == s.ev.Doc && e.Sentence == s.ev.Sentence }) {
			b.evidence = append(b.evidence, s.ev)
		}
	}
	var out []Trigger
	for _, b := range bs {
		if b.phrases == 0 && len(b.reactors) < f.opts.MinReactors {
			continue
		}
		slices.Sort(b.reactors)
		out = append(out, Trigger{
			Date: b.first.Format(dyad.DateLayout), Kind: strings.Join(b.kinds, " or "), Kinds: b.kinds,
			Subject: f.subject(b), Strength: len(b.reactors), Reactors: b.reactors, Phrases: b.phrases,
			Evidence: b.evidence,
		})
	}
	slices.SortStableFunc(out, func(a, b Trigger) int {
		return cmp.Or(cmp.Compare(b.Strength, a.Strength), cmp.Compare(b.Phrases, a.Phrases), cmp.Compare(a.Date, b.Date), cmp.Compare(a.Subject.Code, b.Subject.Code))
	})
	return out
}

// subject names a trigger by the person its phrases name most often, else
// by the person its reactions go to most often, else by its country.
func (f finder) subject(b *building) Subject {
	for _, names := range []map[string]int{b.phraseNames, b.names} {
		if best, ok := mostFrequent(names); ok {
			return Subject{Name: best, Code: b.code, Person: true}
		}
	}
	name := b.otherName
	if f.opts.KB != nil {
		if cn, ok := f.opts.KB.CountryName(b.code); ok {
			name = cn
		}
	}
	return Subject{Name: name, Code: b.code}
}

// mostFrequent returns the most frequent name, the first in sort order
// among equals.
func mostFrequent(names map[string]int) (string, bool) {
	best, n := "", 0
	for name, c := range names {
		if c > n || (c == n && name < best) {
			best, n = name, c
		}
	}
	return best, n > 0
}

// wordIndex returns where phrase occurs in text as whole words, or -1.
func wordIndex(text, phrase string) int { return index(text, phrase, true) }

// wordPrefixIndex returns where a word beginning with prefix occurs in
// text, or -1.
func wordPrefixIndex(text, prefix string) int { return index(text, prefix, false) }

// index finds s in text starting a word and, when whole, ending one.
func index(text, s string, whole bool) int {
	phrase := s
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(phrase)
		if (i == 0 || !isWordByte(text[i-1])) && (!whole || end == len(text) || !isWordByte(text[end])) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b >= 0x80
}

func overlaps(a, b []string) bool {
	return slices.ContainsFunc(a, func(k string) bool { return slices.Contains(b, k) })
}

func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse(dyad.DateLayout, s)
	return t, err == nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
