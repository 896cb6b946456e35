package coder

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/grammar"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/text"
	"github.com/dyad-events/dyad/verbs"
	"github.com/dyad-events/dyad/when"
)

// sentence is what the first pass learns about one sentence.
type sentence struct {
	src      *text.Sentence
	mentions []kb.Mention // actor mentions, indexed like the grammar's actor spans
	an       *grammar.Analysis
	// dates are the dates the sentence names, spans relative to its start
	dates []when.Found
	// historical: the sentence recalls the past as background
	historical bool
	// discarded names the rule that found the sentence not political, or ""
	discarded string
}

// read finds the actors of one sentence and its clause structure.
func (c *Coder) read(body string, s *text.Sentence, res *kb.Resolver, docDate time.Time) *sentence {
	found := res.Find(body, s.Span)
	out := &sentence{src: s}
	txt := s.Text(body)
	if off, rule := c.discards.Sentence(txt); off {
		out.discarded = rule
	}
	out.dates = c.dates.Dates(txt, docDate)
	out.historical = c.dates.Historical(txt, docDate)
	toks := s.Tokens
	spans := make([]grammar.ActorSpan, 0, len(found))
	t := 0
	for _, m := range found {
		if m.Kind == kb.Generic && !m.Plural && modifiesNoun(toks, m.End) {
			continue // "military intelligence", "police station": a modifier, not an actor
		}
		for t < len(toks) && toks[t].Start < m.Start {
			t++
		}
		first := t
		last := t
		for last < len(toks) && toks[last].End <= m.End {
			last++
		}
		if first >= len(toks) || last == first || toks[first].Start != m.Start {
			continue // a mention that does not sit on token boundaries
		}
		spans = append(spans, grammar.ActorSpan{Start: first, End: last})
		out.mentions = append(out.mentions, m)
		t = last
	}
	gt := make([]grammar.Token, len(toks))
	for i, tk := range toks {
		gt[i] = grammar.Token{Text: tk.Text, Tag: tk.Tag, Lemma: tk.Lemma}
	}
	out.an = c.words.Analyze(gt, spans)
	return out
}

// modifiesNoun reports whether the token starting at byte offset end is a
// common noun, so that a sector word just before it is its modifier.
func modifiesNoun(toks []text.Token, end int) bool {
	for i, t := range toks {
		if t.Start >= end {
			return (t.Tag == "NN" || t.Tag == "NNS") && i > 0 && toks[i-1].End == end || t.Start > end && (t.Tag == "NN" || t.Tag == "NNS")
		}
	}
	return false
}

// docState is the per-document state of the second pass.
type docState struct {
	c        *Coder
	doc      dyad.Document
	td       *text.Doc
	sents    []*sentence
	speakers map[int]*dyad.Entity // quotation index -> speaker (nil: none found)
	events   []dyad.Event         // coded so far, for addressee lookup
}

// code returns the events of one sentence.
func (st *docState) code(s *sentence) []dyad.Event {
	an := s.an
	var out []dyad.Event
	if s.discarded != "" {
		return nil
	}
	seen := map[string]bool{}
	for pi, p := range an.Preds {
		subject := p.Subject
		if p.Kind == grammar.Gerund {
			subject = an.AdverbialSubject(pi)
			if subject < 0 {
				continue
			}
		} else if p.Kind != grammar.Finite {
			continue
		}
		if p.Report || len(p.Heads) == 0 {
			continue
		}
		ev, ok := st.codePred(s, pi, subject)
		if !ok {
			continue
		}
		key := eventKey(ev)
		if seen[key] {
			continue
		}
		seen[key] = true
		ev.ID = fmt.Sprintf("%s:%d:%d", st.doc.ID, s.src.Index, len(out))
		out = append(out, ev)
		st.events = append(st.events, ev)
	}
	return out
}

func eventKey(e dyad.Event) string {
	var b strings.Builder
	for _, a := range e.Actor {
		b.WriteString(a.Code + "/" + a.Name + ";")
	}
	b.WriteString("|" + e.CAMEO + "|")
	for _, r := range e.Recipient {
		b.WriteString(r.Code + "/" + r.Name + ";")
	}
	fmt.Fprintf(&b, "|%v|%s", e.Negated, e.Aux)
	return b.String()
}

// match is a verb pattern matched at one head.
type match struct {
	pat  *verbs.Pattern
	head int // token index of the head verb
	slot int // NP index that filled the "+" slot, or -1
	last int // last token index the pattern used
}

// codePred codes one predicate, if a verb pattern matches it and it has an
// actor.
func (st *docState) codePred(s *sentence, pi, subject int) (dyad.Event, bool) {
	an := s.an
	p := an.Preds[pi]
	end := an.ClauseEnd(pi)
	// Every content verb of the group may carry the event ("agreed to
	// meet": agree or meet); the most specific pattern wins, the outer verb
	// on a tie ("threatened to impose sanctions" is a threat).
	// Every content verb of the group may carry the event. A verb of
	// intent ("agreed to meet") gives way to a more specific pattern of the
	// verb it governs; any other outer verb decides ("threatened to reduce
	// cooperation" is a threat).
	var m match
	found := false
	for _, h := range p.Heads {
		hm, ok := st.matchAt(s, h, end)
		if ok && (!found || hm.pat.Specificity() > m.pat.Specificity()) {
			m, found = hm, true
		}
		if found && !st.c.words.Is(s.src.Tokens[h].Lemma, grammar.ChainFuture) {
			break
		}
	}
	warned := false
	if !found {
		// "Netanyahu vowed that Iran would pay": a warning about another
		// actor's fate is a threat to it, whatever the verb.
		gov := an.Governor(pi)
		if gov < 0 || !an.Warns(gov) || len(p.Heads) == 0 {
			return dyad.Event{}, false
		}
		m, found, warned = match{pat: threatPattern, head: p.Heads[len(p.Heads)-1], slot: -1, last: p.Heads[len(p.Heads)-1]}, true, true
	}
	code := m.pat.Code
	negated, aux := an.Modality(pi, m.head)
	toks := s.src.Tokens
	var actor, recipient []dyad.Entity

	// A demand: "Russia said Sudan must return the helicopter", "groups
	// demand that Mugabe abandon his policy", or "Iran must stop," the
	// minister said. The speaker demands; the one obliged is the recipient.
	if warned {
		for _, np := range an.Conjuncts(an.Preds[an.Governor(pi)].Subject) {
			actor = append(actor, st.npEntities(s, np, nil)...)
		}
		for _, np := range an.Conjuncts(subject) {
			recipient = append(recipient, st.npEntities(s, np, actor)...)
		}
		if len(withoutSelf(recipient, actor)) == 0 {
			return dyad.Event{}, false
		}
		aux = dyad.AuxFact
	} else if demander := st.demander(s, pi, m.head); len(demander) > 0 {
		if dc, ok := byPrefix(st.c.demand, code); ok {
			code = dc
		} else {
			code = "100"
		}
		actor = demander
		for _, np := range an.Conjuncts(subject) {
			recipient = append(recipient, st.npEntities(s, np, actor)...)
		}
		negated, aux = false, dyad.AuxFact
	} else if aux == dyad.AuxFuture || aux == dyad.AuxHypothetical && !an.Clauses[p.Clause].Hypo {
		// An intention to cooperate is AGREE (03x); an announced or
		// conditional conflictual action is a THREAT (13x).
		if ic, ok := byPrefix(st.c.intent, code); ok && aux == dyad.AuxFuture {
			code = ic
		} else if tc, ok := byPrefix(st.c.threat, code); ok {
			code = tc
		}
	}
	info, ok := st.c.onto.Lookup(code)
	if !ok || info.Type == "" {
		return dyad.Event{}, false // unknown code, or a CAMEO 01 statement: not a PLOVER event
	}

	// Who acts and who is acted on.
	switch {
	case len(actor) > 0:
		// set above (a demand)
	case p.Passive:
		actor = st.npEntities(s, an.Agent(pi), nil)
		recipient = st.npEntities(s, subject, actor)
	default:
		for _, np := range an.Conjuncts(subject) {
			actor = append(actor, st.npEntities(s, np, nil)...)
		}
		if m.slot >= 0 {
			recipient = st.npEntities(s, m.slot, actor)
		}
		// "condemned the strike": an event noun the pattern covered
		// points back at whoever struck
		for k := m.head + 1; len(recipient) == 0 && len(actor) > 0 && k <= m.last; k++ {
			if np := an.NPAt(k); np >= 0 && an.NPs[np].Start == k && an.NPs[np].Actor < 0 {
				recipient = st.eventNounReferent(s, np, actor)
			}
		}
	}
	actor = st.placeGeneric(s, actor)
	if len(actor) == 0 || !anyCoded(actor) {
		// no actor, or only actors of unknown country ("police"): an
		// event nobody can be held to is left out
		return dyad.Event{}, false
	}
	if len(recipient) == 0 {
		recipient = st.fallbackRecipient(s, pi, m, actor)
	}
	recipient = withoutSelf(st.placeGeneric(s, recipient), actor)
	if recipient == nil {
		recipient = []dyad.Entity{}
	}
	if info.Type == "CONSULT" && len(recipient) == 0 && len(actor) < 2 {
		return dyad.Event{}, false // "the cabinet met": a meeting needs someone to meet
	}
	if len(recipient) == 0 && len(actor) > 1 && info.Quad <= 2 {
		// "Jordan and Britain agreed to hold exercises": cooperation among
		// several actors is reciprocal, each the other's recipient
		recipient = append([]dyad.Entity{}, actor...)
	}

	mode := info.Mode
	if m.pat.Mode != "" {
		mode = m.pat.Mode
	}
	ctx := append([]string{}, info.Context...)
	for _, x := range m.pat.Context {
		ctx = addContext(ctx, x)
	}
	for _, x := range st.c.sentenceContexts(s) {
		ctx = addContext(ctx, x)
	}

	// The action words: the verb group up to the head, reaching back over a
	// group it is coordinated with ("are determined to expand and deepen").
	from := toks[p.Start].Start
	if p.Coordinated && pi > 0 {
		from = toks[an.Preds[pi-1].Start].Start
	}
	to := toks[m.head].End
	body := st.doc.Body
	docDate := st.doc.Date.Format(dyad.DateLayout)
	date := st.eventDate(s, pi, docDate)
	if s.historical && aux == dyad.AuxFact {
		aux = dyad.AuxHistorical
	}
	ev := dyad.Event{
		Doc:        st.doc.ID,
		Date:       date,
		DocDate:    docDate,
		Actor:      actor,
		Recipient:  recipient,
		Type:       info.Type,
		Mode:       mode,
		Context:    ctx,
		CAMEO:      info.Code,
		Goldstein:  info.Goldstein,
		QuadCode:   info.Quad,
		Negated:    negated,
		Aux:        aux,
		EventText:  body[from:to],
		EventStart: from,
		EventEnd:   to,
		Text:       s.src.Text(body),
		TextInfo:   dyad.TextInfo{Sentence: s.src.Index, Start: s.src.Start, End: s.src.End},
	}
	if qi, ok := st.quoteIndex(toks[m.head].Start); ok {
		if sp := st.speaker(qi); sp != nil {
			q := st.td.Quotes[qi]
			ev.Quote = &dyad.Quote{Speaker: *sp, Start: q.Start, End: q.End}
		}
	}
	return ev, true
}

func addContext(ctx []string, x string) []string {
	for _, y := range ctx {
		if y == x {
			return ctx
		}
	}
	return append(ctx, x)
}

// matchAt tries the verb patterns of the head at token h against the words
// after it, up to the end of its clause, and returns the most specific one
// that matches.
func (st *docState) matchAt(s *sentence, h, end int) (match, bool) {
	toks := s.src.Tokens
	for _, pat := range st.c.verbs.Candidates(toks[h].Lemma) {
		if m, ok := st.matchPattern(s, pat, h, end); ok {
			return m, true
		}
	}
	return match{}, false
}

// maxGap is how many tokens may stand between two pattern elements
// (determiners, adjectives, adverbs: "deepen our bilateral partnership").
const maxGap = 4

func (st *docState) matchPattern(s *sentence, pat *verbs.Pattern, h, end int) (match, bool) {
	toks := s.src.Tokens
	an := s.an
	m := match{pat: pat, head: h, slot: -1, last: h}
	pos := h + 1
	for _, el := range pat.Elems {
		hit := -1
		for k := pos; k < end && k <= pos+maxGap; k++ {
			if k > pos && blocksGap(toks[k-1]) {
				break
			}
			if el.Slot {
				// Any noun phrase fills the slot; only an actor becomes the
				// recipient ("praised the decision" has none of its own).
				if np := an.NPAt(k); np >= 0 && an.NPs[np].Start == k && !an.NPs[np].Possessor {
					hit = k
					m.slot = np
					pos = an.NPs[np].End
					break
				}
				continue
			}
			if wordIn(toks[k], el.Words) {
				hit = k
				pos = k + 1
				// "arrested dozens of protesters", "killing two civilians":
				// a literal that names an actor is the recipient too.
				if np := an.NPAt(k); m.slot < 0 && np >= 0 && an.NPs[np].Actor >= 0 && !an.NPs[np].Possessor {
					m.slot = np
					pos = an.NPs[np].End
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

// blocksGap: a token that ends the stretch a pattern may skip over.
func blocksGap(t text.Token) bool {
	switch t.Text {
	case ",", ";", ":", ".", "(", ")":
		return true
	}
	return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"
}

func wordIn(t text.Token, words []string) bool {
	for _, w := range words {
		if t.Lemma == w || strings.EqualFold(t.Text, w) {
			return true
		}
	}
	return false
}

// fallbackRecipient finds a recipient for a pattern without a "+" slot: the
// first actor after the verb in its clause (not for patterns marked self,
// which expect none), else a partner named in a "with X" or "between X and
// Y" phrase elsewhere in the sentence ("our interaction with the United
// States, we are determined to deepen our bilateral partnership").
func (st *docState) fallbackRecipient(s *sentence, pi int, m match, actor []dyad.Entity) []dyad.Entity {
	an := s.an
	end := an.ClauseEnd(pi)
	if m.pat.Self {
		end = m.head
	}
	for k := m.head + 1; k < end; k++ {
		np := an.NPAt(k)
		if np < 0 || an.NPs[np].Start != k {
			continue
		}
		if an.NPs[np].Actor >= 0 {
			if r := withoutSelf(st.npEntities(s, np, actor), actor); len(r) > 0 {
				return r
			}
		}
	}
	// A partner phrase counts when it stands in the predicate's own clause,
	// in the clause it is coordinated with, or before its subject (a fronted
	// phrase such as "Taking advantage of our interaction with X, we ...").
	clauses := map[int]bool{}
	for q := pi; q >= 0; q = an.CoordinatedWith(q) {
		clauses[an.Preds[q].Clause] = true
	}
	subjStart := -1
	if subj := an.Preds[pi].Subject; subj >= 0 {
		subjStart = an.NPs[subj].Start
	}
	for np := range an.NPs {
		n := an.NPs[np]
		if n.Actor < 0 || (n.Prep != "with" && n.Prep != "between") {
			continue
		}
		if !clauses[n.Clause] && n.End > subjStart {
			continue
		}
		if r := withoutSelf(st.npEntities(s, np, actor), actor); len(r) > 0 {
			return r
		}
	}
	return nil
}

// withoutSelf drops recipients that are the actor itself.
func withoutSelf(rs, actor []dyad.Entity) []dyad.Entity {
	var out []dyad.Entity
	for _, r := range rs {
		self := false
		for _, a := range actor {
			if r.Code == a.Code && r.Sector == a.Sector && r.Name == a.Name {
				self = true
			}
		}
		if !self {
			out = append(out, r)
		}
	}
	return out
}

// npEntities resolves a noun phrase to entities: an actor mention as found,
// a pronoun through the quotation's speaker or the last person named, and
// nothing for other nouns. exclude keeps an object pronoun from resolving to
// the subject ("Aliyev congratulates him").
func (st *docState) npEntities(s *sentence, np int, exclude []dyad.Entity) []dyad.Entity {
	an := s.an
	if np < 0 {
		return nil
	}
	n := an.NPs[np]
	if n.Actor >= 0 {
		return []dyad.Entity{s.mentions[n.Actor].Entity}
	}
	if n.Pronoun == 0 {
		if es := st.possessed(s, np); len(es) > 0 {
			return es
		}
		return st.pair(s, np)
	}
	tok := s.src.Tokens[n.Start]
	as := func(e dyad.Entity) []dyad.Entity {
		e.Text, e.Start, e.End = tok.Text, tok.Start, tok.End
		return []dyad.Entity{e}
	}
	qi, inQuote := st.quoteIndex(tok.Start)
	switch {
	case n.Pronoun&(grammar.FirstSg|grammar.FirstPl) != 0:
		if inQuote {
			if sp := st.speaker(qi); sp != nil {
				return as(*sp)
			}
		}
	case n.Pronoun&grammar.Second != 0:
		if inQuote {
			if ad := st.addressee(qi); ad != nil {
				return as(*ad)
			}
		}
	case n.Pronoun&grammar.ThirdSg != 0:
		if e, ok := st.lastMention(tok.Start, exclude, kb.Person); ok {
			return as(e)
		}
	case n.Pronoun&grammar.ThirdIt != 0:
		if e, ok := st.lastMention(tok.Start, exclude, kb.Country, kb.Organisation, kb.Group); ok {
			return as(e)
		}
	}
	return nil
}

// possessed resolves a noun phrase that stands for an actor named inside
// it: "Taiwan's Vice Foreign Minister", "Iran's army", "a group of Yoruba
// leaders", "members of the opposition".
func (st *docState) possessed(s *sentence, np int) []dyad.Entity {
	an := s.an
	n := an.NPs[np]
	toks := s.src.Tokens
	// "tens of thousands of students": follow "of" to the first actor
	for cur := n; cur.End+1 < len(toks) && strings.EqualFold(toks[cur.End].Text, "of"); {
		of := an.NPAt(cur.End + 1)
		if of < 0 || an.NPs[of].Start != cur.End+1 {
			break
		}
		if an.NPs[of].Actor >= 0 {
			e := s.mentions[an.NPs[of].Actor].Entity
			e.Text, e.Start = st.doc.Body[toks[n.Start].Start:e.End], toks[n.Start].Start
			return []dyad.Entity{e}
		}
		cur = an.NPs[of]
	}
	if n.Start < 2 || toks[n.Start-1].Tag != "POS" {
		return nil
	}
	owner := an.NPAt(n.Start - 2)
	if owner < 0 || an.NPs[owner].Actor < 0 {
		return nil
	}
	e := s.mentions[an.NPs[owner].Actor].Entity
	e.Text = st.doc.Body[e.Start:toks[n.End-1].End]
	e.End = toks[n.End-1].End
	return []dyad.Entity{e}
}

// quoteIndex returns the index of the quotation containing a byte offset.
func (st *docState) quoteIndex(off int) (int, bool) {
	for i, q := range st.td.Quotes {
		if q.Start <= off && off < q.End {
			return i, true
		}
		if q.Start > off {
			break
		}
	}
	return -1, false
}

// lastMention returns the last actor of one of the kinds named before
// offset off, skipping those in exclude.
func (st *docState) lastMention(off int, exclude []dyad.Entity, kinds ...kb.Kind) (dyad.Entity, bool) {
	for si := len(st.sents) - 1; si >= 0; si-- {
		s := st.sents[si]
		if s.src.Start >= off {
			continue
		}
		for mi := len(s.mentions) - 1; mi >= 0; mi-- {
			m := s.mentions[mi]
			if m.Start >= off || !slices.Contains(kinds, m.Kind) || sameAs(m.Entity, exclude) {
				continue
			}
			return m.Entity, true
		}
	}
	return dyad.Entity{}, false
}

func sameAs(e dyad.Entity, list []dyad.Entity) bool {
	for _, x := range list {
		if e.Name != "" && e.Name == x.Name {
			return true
		}
	}
	return false
}

func anyCoded(es []dyad.Entity) bool {
	for _, e := range es {
		if e.Code != "" {
			return true
		}
	}
	return false
}

// placeGeneric gives a sector word without a country ("police",
// "protesters") the country where the sentence says things happen ("in
// Khartoum"), or else the one country the document has named so far.
func (st *docState) placeGeneric(s *sentence, es []dyad.Entity) []dyad.Entity {
	for i, e := range es {
		if e.Code != "" {
			continue
		}
		if code := st.placeOf(s); code != "" {
			es[i].Code = code
			es[i].CAMEO = kb.CAMEOCode(code, e.Sector)
		}
	}
	return es
}

// placeOf returns the country of an "in/at X" phrase in the sentence, else
// the only country named in the document up to this sentence, else "".
func (st *docState) placeOf(s *sentence) string {
	an := s.an
	for _, np := range an.NPs {
		if np.Actor >= 0 && (np.Prep == "in" || np.Prep == "at" || np.Prep == "throughout" || np.Prep == "across") {
			if m := s.mentions[np.Actor]; m.Kind == kb.Country && m.Code != "" {
				return m.Code
			}
		}
	}
	only := ""
	for _, ss := range st.sents {
		if ss.src.Start > s.src.Start {
			break
		}
		for _, m := range ss.mentions {
			if m.Kind != kb.Country || m.Code == "" {
				continue
			}
			if only != "" && only != m.Code {
				return ""
			}
			only = m.Code
		}
	}
	return only
}

// demander returns who demands the action of predicate pi, when the
// sentence reports it as a demand: the subject of a governing verb of
// demanding, or of a verb of saying when the action "must" or "should"
// happen, or the speaker of a quotation that says so.
func (st *docState) demander(s *sentence, pi, head int) []dyad.Entity {
	an := s.an
	obliged := an.Obliged(pi, head)
	if gov := an.Governor(pi); gov >= 0 && (obliged || an.Demands(gov)) {
		var out []dyad.Entity
		for _, np := range an.Conjuncts(an.Preds[gov].Subject) {
			out = append(out, st.npEntities(s, np, nil)...)
		}
		return out
	}
	if obliged {
		if qi, ok := st.quoteIndex(s.src.Tokens[head].Start); ok {
			if sp := st.speaker(qi); sp != nil {
				return []dyad.Entity{*sp}
			}
		}
	}
	return nil
}

// threatPattern stands in for a verb pattern when a warning's content
// has no pattern of its own ("vowed that Iran would pay").
var threatPattern = &verbs.Pattern{Code: "130", Self: true, File: "(warning)"}

// eventNounReferent resolves "condemned the strike", "welcomed the offer":
// a definite event noun refers back to the last event of a fitting type,
// and the action is aimed at whoever did it.
func (st *docState) eventNounReferent(s *sentence, np int, actor []dyad.Entity) []dyad.Entity {
	n := s.an.NPs[np]
	toks := s.src.Tokens
	head := toks[n.End-1]
	types, ok := st.c.eventNouns[head.Lemma]
	if !ok {
		return nil
	}
	switch strings.ToLower(toks[n.Start].Text) {
	case "the", "this", "that", "these", "those", "its", "their", "his", "her":
	default:
		return nil
	}
	for i := len(st.events) - 1; i >= 0; i-- {
		ev := st.events[i]
		if !slices.Contains(strings.Split(types, ","), ev.Type) || sameAs(ev.Actor[0], actor) || ev.Actor[0].Code == actor[0].Code {
			continue
		}
		e := ev.Actor[0]
		e.Text, e.Start, e.End = st.doc.Body[toks[n.Start].Start:head.End], toks[n.Start].Start, head.End
		return []dyad.Entity{e}
	}
	return nil
}

// pair resolves "both sides", "the two countries" to the actor and the
// recipient of the last event that had both.
func (st *docState) pair(s *sentence, np int) []dyad.Entity {
	n := s.an.NPs[np]
	toks := s.src.Tokens
	w := st.c.words
	det := false
	for k := n.Start; k < n.End-1; k++ {
		if w.Is(strings.ToLower(toks[k].Text), grammar.PairDet) {
			det = true
		}
	}
	head := toks[n.End-1]
	conflict := w.Is(head.Lemma, grammar.PairConflict)
	if !det || !(conflict || w.Is(head.Lemma, grammar.Pair)) || head.Tag != "NNS" {
		return nil
	}
	start, end := toks[n.Start].Start, head.End
	both := func(a, r dyad.Entity) []dyad.Entity {
		for _, e := range []*dyad.Entity{&a, &r} {
			e.Text, e.Start, e.End = st.doc.Body[start:end], start, end
		}
		return []dyad.Entity{a, r}
	}
	// Two countries named earlier in the same sentence ("In a letter to
	// Trump, Aliyev wrote that the two countries ...").
	if !conflict {
		var seen []dyad.Entity
		for _, m := range s.mentions {
			if m.End <= start && m.Code != "" && !slices.ContainsFunc(seen, func(e dyad.Entity) bool { return e.Code == m.Code }) {
				seen = append(seen, m.Entity)
			}
		}
		if len(seen) >= 2 {
			return both(seen[len(seen)-2], seen[len(seen)-1])
		}
	}
	// Else the parties to the last event with two: for "sides", the last
	// fight (material conflict first, then verbal).
	for _, quads := range [][]int{{4}, {3}, {1, 2, 3, 4}} {
		if !conflict && len(quads) < 4 {
			continue
		}
		for i := len(st.events) - 1; i >= 0; i-- {
			ev := st.events[i]
			if len(ev.Actor) > 0 && len(ev.Recipient) > 0 && slices.Contains(quads, ev.QuadCode) && ev.Actor[0].Code != ev.Recipient[0].Code {
				return both(ev.Actor[0], ev.Recipient[0])
			}
		}
	}
	return nil
}

// eventDate returns the date the sentence gives for predicate pi: a date
// named in the predicate's own clause ("met Lavrov on Tuesday"), not one in
// a clause beside it ("Sandu, who won the election on November 3"); else the
// document's date.
func (st *docState) eventDate(s *sentence, pi int, docDate string) string {
	an := s.an
	clause := an.Clauses[an.Preds[pi].Clause]
	toks := s.src.Tokens
	if clause.Start >= len(toks) || clause.End <= clause.Start {
		return docDate
	}
	from, to := toks[clause.Start].Start-s.src.Start, toks[clause.End-1].End-s.src.Start
	for _, f := range s.dates {
		if f.Span.Start >= from && f.Span.End <= to {
			return f.Date
		}
	}
	return docDate
}
