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
	// words holds the sentence's lemmas and lower-cased words (wordSet)
	words map[string]bool
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
	// "the Bush administration", "the Netanyahu government": a generic
	// body right after a named actor is that actor's
	for i := 1; i < len(out.mentions); i++ {
		m, prev := &out.mentions[i], out.mentions[i-1]
		if m.Code == "" && m.Kind == kb.Generic && prev.Code != "" && prev.End+1 == m.Start && body[prev.End] == ' ' &&
			(prev.Kind == kb.Person || prev.Kind == kb.Country) && !strings.HasSuffix(body[prev.Start:prev.End], "'s") {
			m.Code = prev.Code
			m.CAMEO = kb.CAMEOCode(prev.Code, m.Sector)
		}
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
	// adjectives caches country adjectives ("Indian") by spelling; nil
	// for a word that names no country
	adjectives map[string]*dyad.Entity
	// dateline is the country of the story's dateline, or ""
	dateline string
	// ownObject is set by codePred for the event it returns: its pattern's
	// slot took a noun phrase that is not an actor ("block the measures"),
	// so the event has an object of its own and takes no shared recipient.
	ownObject bool
}

// code returns the events of one sentence.
func (st *docState) code(s *sentence) []dyad.Event {
	an := s.an
	var out []dyad.Event
	if s.discarded != "" {
		return nil
	}
	seen := map[string]bool{}
	start := len(st.events)
	var shares []shareInfo // parallel to out
	for pi, p := range an.Preds {
		subject := p.Subject
		if p.Kind == grammar.Gerund {
			subject = an.AdverbialSubject(pi)
			if subject < 0 {
				subject = st.shortOf(s, pi)
			}
			if subject < 0 {
				continue
			}
		} else if p.Kind == grammar.Infinitive {
			// "Orban was the first foreign leader to congratulate Trump"
			if subject = st.ordinalSubject(s, pi); subject < 0 {
				continue
			}
		} else if p.Kind != grammar.Finite {
			continue
		}
		// Verbs of saying carry no event themselves, but some have patterns
		// of their own ("declared a ceasefire", "announced sanctions").
		if len(p.Heads) == 0 {
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
		shares = append(shares, shareInfo{frame: an.Frame(pi), ownObject: st.ownObject})
		st.events = append(st.events, ev)
	}
	// "during a state visit by Xi": visits a noun reports
	for _, ev := range st.visits(s, out) {
		ev.ID = fmt.Sprintf("%s:%d:%d", st.doc.ID, s.src.Index, len(out))
		out = append(out, ev)
		shares = append(shares, shareInfo{}) // a noun of the main clause
		st.events = append(st.events, ev)
	}
	if shareRecipients(out, shares) {
		// sharing may make two events the same: keep the first
		seen = map[string]bool{}
		kept := out[:0]
		for _, ev := range out {
			if key := eventKey(ev); !seen[key] {
				seen[key] = true
				ev.ID = fmt.Sprintf("%s:%d:%d", st.doc.ID, s.src.Index, len(kept))
				kept = append(kept, ev)
			}
		}
		out = kept
		st.events = append(st.events[:start], out...)
	}
	return out
}

// shareRecipients gives an event of the sentence that names no recipient the
// recipient of another event of the same actors in the sentence: verbs that
// share a subject share the one they are aimed at ("Manila summoned the
// Chinese ambassador and lodged a protest", "Amnesty condemned the killings
// by police and demanded an inquiry"). It reports whether it changed any.
// Verbs share only inside one frame of the sentence (not into a reported or
// relative clause: "blamed Hamas and said Washington would support ...";
// "Hungary, which opposed sending weapons to Kyiv, did not block ..."), and
// a verb with an object of its own ("block the measures") takes none.
// infos runs parallel to evs.
func shareRecipients(evs []dyad.Event, infos []shareInfo) bool {
	changed := false
	for i := range evs {
		if len(evs[i].Recipient) > 0 || len(evs[i].Actor) == 0 || infos[i].ownObject {
			continue
		}
		for j := range evs {
			if j != i && len(evs[j].Recipient) > 0 && sameActors(evs[i].Actor, evs[j].Actor) && infos[j].frame == infos[i].frame {
				evs[i].Recipient = append([]dyad.Entity{}, evs[j].Recipient...)
				changed = true
				break
			}
		}
	}
	return changed
}

// hasOwnObject reports whether the pattern's slot took a thing of its own
// ("block the measures", "support diplomatic efforts"): a noun phrase that
// is no actor, no pronoun, and neither a proposal nor an event noun, which
// point back at their author ("rejected the protest").
func (st *docState) hasOwnObject(s *sentence, m match) bool {
	if m.slot < 0 {
		return false
	}
	np := s.an.NPs[m.slot]
	if np.Actor >= 0 || np.Pronoun != 0 {
		return false
	}
	head := s.src.Tokens[np.End-1].Lemma
	_, event := st.c.eventNouns[head]
	return !event && !st.c.words.Is(head, grammar.Proposal)
}

// otherCountries drops the entities of es whose country is an actor's.
func otherCountries(es, actor []dyad.Entity) []dyad.Entity {
	var out []dyad.Entity
	for _, e := range es {
		own := false
		for _, a := range actor {
			own = own || e.Code != "" && e.Code == a.Code
		}
		if !own {
			out = append(out, e)
		}
	}
	return out
}

// shareInfo is what shareRecipients needs to know of the predicate behind
// an event.
type shareInfo struct {
	frame     int  // grammar.Analysis.Frame of the predicate
	ownObject bool // the pattern's slot took a noun phrase that is no actor
}

// sameActors reports whether two actor lists name the same countries.
func sameActors(a, b []dyad.Entity) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code || a[i].Code == "" {
			return false
		}
	}
	return true
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

// expulsion reports whether a CAMEO code expels people or missions from a
// country: 161 (expel diplomats), 166 (expel a mission), 174 (expel or deport
// individuals).
func expulsion(code string) bool {
	return strings.HasPrefix(code, "161") || strings.HasPrefix(code, "166") || strings.HasPrefix(code, "174")
}

// hostVictims gives victims named without a country by a gerund that
// continues a force event ("Ukraine attacked Moscow with drones, killing at
// least two people") the country that event was aimed at: the people killed
// are where the attack fell, not where the story was filed.
func (st *docState) hostVictims(s *sentence, pi int, recipient, actor []dyad.Entity) []dyad.Entity {
	if s.an.Preds[pi].Kind != grammar.Gerund || s.an.AdverbialSubject(pi) < 0 || len(st.events) == 0 {
		return recipient
	}
	host := st.events[len(st.events)-1]
	if host.TextInfo.Sentence != s.src.Index || host.QuadCode != 4 {
		return recipient
	}
	target := ""
	for _, e := range otherCountries(host.Recipient, actor) {
		if e.Code != "" {
			target = e.Code
			break
		}
	}
	if target == "" {
		return recipient
	}
	out := append([]dyad.Entity{}, recipient...)
	for i := range out {
		if out[i].Code == "" && !fightingSector(out[i].Sector) {
			out[i].Code, out[i].CAMEO = target, kb.CAMEOCode(target, out[i].Sector)
		}
	}
	return out
}

// patternEnd is where a verb's patterns must end, given its clause's end:
// a pattern may end on the complementizer that opens the next clause
// ("agreed that ...", "warned that ...").
func patternEnd(s *sentence, end int) int {
	if end < len(s.src.Tokens) && strings.EqualFold(s.src.Tokens[end].Text, "that") {
		return end + 1
	}
	return end
}

// codePred codes one predicate, if a verb pattern matches it and it has an
// actor.
func (st *docState) codePred(s *sentence, pi, subject int) (dyad.Event, bool) {
	an := s.an
	p := an.Preds[pi]
	end := patternEnd(s, an.ClauseEnd(pi))
	// Every content verb of the group may carry the event ("agreed to
	// meet": agree or meet); the most specific pattern wins, the outer verb
	// on a tie ("threatened to impose sanctions" is a threat).
	// Every content verb of the group may carry the event. A verb of
	// intent ("agreed to meet") gives way to a more specific pattern of the
	// verb it governs; any other outer verb decides ("threatened to reduce
	// cooperation" is a threat).
	var m match
	var pledge *verbs.Pattern // the outer verb's own 03x pattern ("pledged to ...")
	found := false
	for i, h := range p.Heads {
		hm, ok := st.matchAt(s, h, end)
		if ok && i == 0 && strings.HasPrefix(hm.pat.Code, "03") {
			pledge = hm.pat
		}
		if ok && (!found || hm.pat.Specificity() > m.pat.Specificity()) {
			m, found = hm, true
		}
		if found && !st.c.words.Is(s.src.Tokens[h].Lemma, grammar.ChainFuture) {
			break
		}
	}
	// "Palestinian riots against Israeli policies are still continuing": an
	// event noun subject of a verb of occurrence carries the event, with
	// the actor and recipient its noun phrase names (nominal.go).
	var nom *nominal
	if !found {
		if n, ok := st.nominalEvent(s, pi); ok {
			m, found, nom = n.m, true, &n
		}
	}
	warned := false
	if !found && st.c.statements && p.Report {
		// With Options.Statements, a verb of saying is itself a CAMEO 010
		// statement by its subject.
		h := p.End - 1
		m, found = match{pat: statementPattern, head: h, slot: -1, last: h}, true
	}
	if !found && len(p.Heads) > 0 {
		last := p.Heads[len(p.Heads)-1]
		switch {
		case len(st.demander(s, pi, last)) > 0:
			// "the minister said China must drop its barriers": a
			// reported obligation is a demand whatever the verb
			m, found = match{pat: demandPattern, head: last, slot: -1, last: last}, true
		case st.willing(s, pi) >= 0:
			// "Norway is willing to send material": readiness to act with
			// no pattern of its own is an intent to cooperate (030)
			w := st.willing(s, pi)
			m, found = match{pat: willingPattern, head: w, slot: -1, last: w}, true
		case st.refusal(s, pi) >= 0 && !p.Report:
			// "declined to say whether ...": refusing to speak is
			// declining comment (011), no PLOVER event
			// "refused to allow the planes to land": a refusal of an
			// action with no pattern is a rejection
			r := st.refusal(s, pi)
			m, found = match{pat: refusalPattern, head: r, slot: -1, last: r}, true
		}
	}
	if !found {
		// "Netanyahu vowed that Iran would pay": a warning about another
		// actor's fate is a threat to it, whatever the verb.
		gov := an.Governor(pi)
		if gov < 0 || !an.Warns(gov) || len(p.Heads) == 0 {
			return dyad.Event{}, false
		}
		m, found, warned = match{pat: threatPattern, head: p.Heads[len(p.Heads)-1], slot: -1, last: p.Heads[len(p.Heads)-1]}, true, true
	}
	if st.naming(s, pi, m.head) {
		return dyad.Event{}, false // "what he called a campaign", "calling it a provocation"
	}
	code := m.pat.Code
	negated, aux := an.Modality(pi, m.head)
	if p.Kind == grammar.Gerund && st.shortOf(s, pi) >= 0 {
		negated = true // "stopped short of recognising him": it did not happen
	}
	if aux == dyad.AuxHypothetical && st.futureInPast(s, pi) {
		// "Obrador said he would not congratulate Biden": in speech
		// reported in the past, "would" is the past of "will"
		aux = dyad.AuxFuture
	}
	if m.pat == refusalPattern {
		negated = false // the rejection is what happened
	}
	if negated && strings.HasPrefix(code, "01") {
		// "declined to comment", "did not say": declining comment (011) is
		// the statement made
		code, negated = "011", false
	}
	toks := s.src.Tokens
	var actor, recipient []dyad.Entity
	datePred := pi // the predicate whose clause dates the event
	if gov := an.Governor(pi); aux == dyad.AuxFuture && gov >= 0 && an.Preds[gov].Report {
		// "Peskov said on Wednesday that Putin had no plans to
		// congratulate": a stated intention or refusal is dated by the saying
		datePred = gov
	}

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
		// "warned that the harassment of Russian journalists would not go
		// unanswered": one's own people are what the warning protects,
		// not whom it threatens
		recipient = otherCountries(recipient, actor)
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
		if gov := an.Governor(pi); gov >= 0 {
			datePred = gov // the demand is made when it is said
		}
		for _, np := range an.Conjuncts(subject) {
			recipient = append(recipient, st.npEntities(s, np, actor)...)
		}
		negated, aux = false, dyad.AuxFact
	} else if gov := an.Governor(pi); gov >= 0 && an.Demands(gov) {
		// "opposition groups demand that Mugabe abandon his policy", with
		// no coded demander: what is demanded has not happened
		return dyad.Event{}, false
	} else if !negated && (aux == dyad.AuxFuture || aux == dyad.AuxHypothetical && !an.Clauses[p.Clause].Hypo && !an.PerfectModal(pi)) {
		// (a refused future action stays that action, negated: "will not
		// congratulate" is no intent to cooperate)
		// An intention to cooperate is AGREE (03x); an announced or
		// conditional conflictual action is a THREAT (13x).
		if ic, ok := byPrefix(st.c.intent, code); ok && (aux == dyad.AuxFuture || st.conditionalOffer(s, pi)) {
			code = ic
		} else if tc, ok := byPrefix(st.c.threat, code); ok {
			code = tc
		} else if pledge != nil && m.pat != pledge {
			// "pledged to send police officers to Haiti": a promise whose
			// action has neither an intent nor a threat code is a promise
			code = pledge.Code
		}
	}
	if aux != dyad.AuxHypothetical && !negated && st.conditional(s, pi) && !strings.HasPrefix(code, "13") {
		// (a threat stays what it is: "threatened to walk out if the
		// talks fail" was made; the condition is part of what it threatens)
		// "If the talks resume, Chile will meet Peru": the main clause of a
		// condition is hypothetical too
		aux = dyad.AuxHypothetical
	}
	if aux == dyad.AuxFact && strings.HasPrefix(code, "03") && !s.historical {
		// an intent to cooperate (plans to, pledged, agreed to) is about
		// the future
		aux = dyad.AuxFuture
	}
	info, ok := st.c.onto.Lookup(code)
	if !ok || info.Type == "" && !st.c.statements && !hasJointRule(st.c.senses, code) {
		return dyad.Event{}, false // unknown code, or a CAMEO 01 statement: not a PLOVER event
	}

	// Who acts and who is acted on.
	switch {
	case len(actor) > 0:
		// set above (a demand)
	case nom != nil:
		actor, recipient = nom.actor, nom.recipient
	case p.Passive:
		actor = st.npEntities(s, an.Agent(pi), nil)
		// "were killed in a Russian drone strike": the owner of the means
		// (nominal.go)
		if len(actor) == 0 && info.Quad == 4 {
			actor = st.forceAgent(s, pi)
		}
		// "two inspectors were expelled from North Korea": an expulsion's
		// "from" country is the one that expels
		if len(actor) == 0 && expulsion(info.Code) && m.slot >= 0 && an.NPs[m.slot].Prep == "from" {
			for _, e := range st.npEntities(s, m.slot, nil) {
				if e.Code != "" && (e.Sector == "GOV" || e.Sector == "") {
					actor = append(actor, e)
				}
			}
		}
		recipient = st.npEntities(s, subject, actor)
	default:
		cs := an.Conjuncts(subject)
		for _, np := range cs {
			actor = append(actor, st.coordinatedAdjectives(s, np, st.npEntities(s, np, nil))...)
		}
		actor = st.attributiveNames(s, cs, actor)
		// "Israeli air strikes killed 12 people": a force noun subject
		// stands for the owner it names (nominal.go)
		if len(actor) == 0 && info.Quad == 4 {
			actor = st.forceActors(s, pi)
		}
		if m.slot >= 0 {
			recipient = st.coordinatedAdjectives(s, m.slot, st.listEntities(s, m.slot, actor))
		}
		// "received congratulations from Xi": Xi congratulated the subject
		if st.received(s, m) && len(recipient) > 0 {
			actor, recipient = recipient, actor
		}
		// "rejected an Indian proposal": the proposal's author
		if len(withoutSelf(recipient, actor)) == 0 && len(actor) > 0 {
			recipient = withoutSelf(st.objectOwner(s, m, end, info.Quad == 4 || info.Type == "REQUEST"), actor)
		}
		// "demanded that the US cancel ...": the one the demand is put to
		if len(recipient) == 0 && len(actor) > 0 && (info.Type == "REQUEST" || st.c.words.Is(toks[m.head].Lemma, grammar.Demand)) {
			recipient = withoutSelf(st.complementSubject(s, m.head), actor)
		}
		// "complained to the UN over Israeli raids": the raiders
		if (info.Type == "ACCUSE" || info.Type == "PROTEST") && len(actor) > 0 {
			if t := withoutSelf(st.complaintTarget(s, m, end), actor); len(t) > 0 {
				recipient = t
			}
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
	recoded := false
	if sc := senseFor(st.c.senses, info.Code, actor); sc != info.Code {
		// "security forces stormed the chamber": the actor decides the sense
		if si, ok := st.c.onto.Lookup(sc); ok && si.Type != "" {
			info, recoded = si, true
		}
	}
	if len(recipient) == 0 && !p.Passive {
		// "threatened to cut off electricity to Nakhichevan": the verb it
		// governs names the recipient
		// (a threatened action's place is whom it threatens: "threatened to
		// impose a curfew in Algiers")
		recipient = st.governedRecipient(s, pi, m, actor, placeIsTarget(info.Quad, info.Type) || info.Type == "THREATEN")
	}
	if len(recipient) == 0 {
		recipient = st.fallbackRecipient(s, pi, m, actor, placeIsTarget(info.Quad, info.Type))
	}
	if len(recipient) == 0 && info.Type == "THREATEN" {
		// "threatened to strike unless Israel rescinded the annexation":
		// whoever must meet the condition is the one threatened
		recipient = withoutSelf(st.conditionSubject(s), actor)
	}
	recipient = st.hostVictims(s, pi, recipient, actor)
	recipient = withoutSelf(st.placeGeneric(s, recipient), actor)
	if info.Type == "MOBILIZE" {
		// "police patrolled the streets of Tbilisi": a show of force in
		// one's own country is aimed at no one; its people may be aimed at
		recipient = slices.DeleteFunc(recipient, func(e dyad.Entity) bool {
			return (e.Sector == "" || e.Sector == "GOV") && len(otherCountries([]dyad.Entity{e}, actor)) == 0
		})
	}
	if recipient == nil {
		recipient = []dyad.Entity{}
	}
	if info.Type == "CONSULT" && len(recipient) == 0 && len(actor) < 2 {
		return dyad.Event{}, false // "the cabinet met": a meeting needs someone to meet
	}
	if len(recipient) == 0 && len(actor) > 1 && (info.Quad <= 2 || st.c.words.Is(toks[m.head].Lemma, grammar.Reciprocal)) {
		// "Jordan and Britain agreed to hold exercises": cooperation among
		// several actors is reciprocal, each the other's recipient; so is
		// a verb of mutual action ("Thai and Cambodian troops exchanged
		// fire", "clashed")
		recipient = append([]dyad.Entity{}, actor...)
	}

	if rc := recipientSenseFor(st.c.senses, info.Code, recipient); rc != info.Code {
		if ri, ok := st.c.onto.Lookup(rc); ok && ri.Type != "" {
			info, recoded = ri, true
		}
	}
	if jc := jointSenseFor(st.c.senses, info.Code, actor, recipient); jc != info.Code {
		if ji, ok := st.c.onto.Lookup(jc); ok && ji.Type != "" {
			info, recoded = ji, true
			if len(recipient) == 0 {
				recipient = append([]dyad.Entity{}, actor...) // reciprocal, as above
			}
		}
	}

	if info.Type == "" && !st.c.statements {
		return dyad.Event{}, false // a statement that no joint sense made an event
	}

	mode := info.Mode
	if m.pat.Mode != "" && !recoded {
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
	if nom != nil {
		from = toks[nom.nounStart].Start // "riots ... are still continuing"
	}
	to := toks[m.head].End
	if m.head < p.End-1 && m.last >= p.End-1 {
		// a chain verb whose pattern spells out the verb it governs
		// ("attempted to assassinate"): the whole group carries it
		to = toks[p.End-1].End
	}
	body := st.doc.Body
	docDate := st.doc.Date.Format(dyad.DateLayout)
	date := st.eventDate(s, datePred, docDate, aux)
	if aux == dyad.AuxFact && (s.historical || st.pastPerfect(s, pi)) {
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
	st.ownObject = st.hasOwnObject(s, m)
	return ev, true
}

// shortOf returns the subject of the verb before "short of" when gerund
// predicate pi follows it ("Germany stopped short of recognising Maduro",
// "fell short of endorsing"): that subject did not do it. Else -1.
func (st *docState) shortOf(s *sentence, pi int) int {
	an := s.an
	p := an.Preds[pi]
	toks := s.src.Tokens
	if pi == 0 || p.Start < 3 || !strings.EqualFold(toks[p.Start-1].Text, "of") || !strings.EqualFold(toks[p.Start-2].Text, "short") {
		return -1
	}
	prev := an.Preds[pi-1]
	if prev.Kind != grammar.Finite || prev.End != p.Start-2 {
		return -1
	}
	return prev.Subject
}

// ordinalSubject returns the subject of "be" when infinitive predicate pi
// follows "be (among) the first/last/only (N)": "Orban was the first foreign
// leader to congratulate Trump" says Orban congratulated him. Else -1.
func (st *docState) ordinalSubject(s *sentence, pi int) int {
	an := s.an
	p := an.Preds[pi]
	if pi == 0 {
		return -1
	}
	be := an.Preds[pi-1]
	if be.Kind != grammar.Finite || be.Subject < 0 || s.src.Tokens[be.End-1].Lemma != "be" || p.Start-be.End > 6 {
		return -1
	}
	for k := be.End; k < p.Start; k++ {
		t := s.src.Tokens[k]
		if t.Text == "," || isVerbTag(t.Tag) {
			return -1
		}
		if st.c.words.Is(strings.ToLower(t.Text), grammar.Ordinal) {
			return be.Subject
		}
	}
	return -1
}

// futureInPast reports whether predicate pi's "would" is the future of a
// report in the past tense ("said it would respond"), with no condition in
// the sentence ("would defend Taiwan if China attacked" stays hypothetical).
func (st *docState) futureInPast(s *sentence, pi int) bool {
	an := s.an
	p := an.Preds[pi]
	would := false
	for k := p.Start; k < p.End; k++ {
		if strings.EqualFold(s.src.Tokens[k].Text, "would") {
			would = true
		}
	}
	if !would {
		return false
	}
	gov := an.Governor(pi)
	if gov < 0 || !an.Preds[gov].Report || len(an.Preds[gov].Heads) == 0 || s.src.Tokens[an.Preds[gov].Heads[0]].Tag != "VBD" {
		return false
	}
	for _, c := range an.Clauses {
		if c.Hypo {
			return false
		}
	}
	return true
}

// conditional reports whether predicate pi is in the main (or a
// coordinated) clause of a sentence with an "if"/"unless" clause.
func (st *docState) conditional(s *sentence, pi int) bool {
	an := s.an
	switch an.Clauses[an.Preds[pi].Clause].Kind {
	case grammar.MainClause, grammar.CoordClause:
	default:
		return false
	}
	for _, c := range an.Clauses {
		if c.Hypo && c.Kind == grammar.SubordClause {
			return true
		}
	}
	return false
}

// conditionSubject returns the subject of the sentence's "if"/"unless"
// clause, or nil.
func (st *docState) conditionSubject(s *sentence) []dyad.Entity {
	an := s.an
	for ci, c := range an.Clauses {
		if !c.Hypo || c.Kind != grammar.SubordClause {
			continue
		}
		for _, q := range an.Preds {
			if q.Clause == ci && q.Subject >= 0 {
				return st.npEntities(s, q.Subject, nil)
			}
		}
	}
	return nil
}

// refusal returns the token of a refusal verb ("refused", "declined")
// governing the infinitive of predicate pi, or -1.
func (st *docState) refusal(s *sentence, pi int) int {
	p := s.an.Preds[pi]
	toks := s.src.Tokens
	for k := p.Start; k+1 < p.End; k++ {
		if isVerbTag(toks[k].Tag) && st.c.words.Is(toks[k].Lemma, grammar.Refusal) && toks[k+1].Tag == "TO" {
			return k
		}
	}
	return -1
}

// willing returns the token of an adjective of readiness ("willing",
// "ready", "prepared": the adj-future class) governing the infinitive of
// predicate pi, or -1.
func (st *docState) willing(s *sentence, pi int) int {
	p := s.an.Preds[pi]
	toks := s.src.Tokens
	for k := p.Start; k+1 < p.End; k++ {
		if st.c.words.Is(strings.ToLower(toks[k].Text), grammar.AdjFuture) && toks[k+1].Tag == "TO" {
			return k
		}
	}
	return -1
}

// conditionalOffer reports whether a hypothetical predicate is an offer:
// "would be ready to host talks", "would meet the mediator if he gave them
// a veto". An offer to cooperate is AGREE like a pledge; a mere "could" is
// not.
func (st *docState) conditionalOffer(s *sentence, pi int) bool {
	an := s.an
	p := an.Preds[pi]
	for k := p.Start; k < p.End; k++ {
		if st.c.words.Is(strings.ToLower(s.src.Tokens[k].Text), grammar.AdjFuture) || st.c.words.Is(s.src.Tokens[k].Lemma, grammar.ChainFuture) {
			return true
		}
	}
	for _, c := range an.Clauses {
		if c.Hypo && c.Kind == grammar.SubordClause {
			return true
		}
	}
	return false
}

func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") }

// pastPerfect reports whether predicate pi is a past perfect ("had
// clashed") outside reported speech: news told in the past perfect is
// background to the story ("He had clashed with Trump in February"), while
// "police said they had arrested 20" is the news itself.
func (st *docState) pastPerfect(s *sentence, pi int) bool {
	an := s.an
	p := an.Preds[pi]
	if an.Governor(pi) >= 0 || an.Clauses[p.Clause].Kind == grammar.ReportedClause {
		return false
	}
	if _, inQuote := st.quoteIndex(s.src.Tokens[p.Start].Start); inQuote {
		return false
	}
	toks := s.src.Tokens
	for k := p.Start; k+1 < p.End; k++ {
		if toks[k].Lemma == "have" && toks[k].Tag == "VBD" && toks[k+1].Tag == "VBN" {
			return true
		}
	}
	return false
}

// naming reports whether head h, a verb of the naming class, is used to
// name or describe rather than act: "what X called ..." or a double object
// ("calling it a provocation", "dubbed the plan a betrayal").
func (st *docState) naming(s *sentence, pi, h int) bool {
	toks := s.src.Tokens
	an := s.an
	if !st.c.words.Is(toks[h].Lemma, grammar.Naming) {
		return false
	}
	if subj := an.Preds[pi].Subject; subj >= 0 && an.NPs[subj].Start > 0 &&
		strings.EqualFold(toks[an.NPs[subj].Start-1].Text, "what") {
		return true
	}
	first := an.NPAt(h + 1)
	if first < 0 || an.NPs[first].Start != h+1 {
		return false
	}
	next := an.NPs[first].End
	second := -1
	if next < len(toks) {
		second = an.NPAt(next)
	}
	return second >= 0 && second != first && an.NPs[second].Start == next && an.NPs[second].Prep == ""
}

func addContext(ctx []string, x string) []string {
	for _, y := range ctx {
		if y == x {
			return ctx
		}
	}
	return append(ctx, x)
}

// eventDate returns the date the sentence gives for predicate pi: a date
// named in the predicate's own clause ("met Lavrov on Tuesday"), not one in
// a clause beside it ("Sandu, who won the election on November 3"); else the
// document's date.
func (st *docState) eventDate(s *sentence, pi int, docDate, aux string) string {
	an := s.an
	clause := an.Clauses[an.Preds[pi].Clause]
	toks := s.src.Tokens
	if clause.Start >= len(toks) || clause.End <= clause.Start {
		return docDate
	}
	from, to := toks[clause.Start].Start-s.src.Start, toks[clause.End-1].End-s.src.Start
	for _, f := range s.dates {
		if f.Span.Start < from || f.Span.End > to {
			continue
		}
		// An event reported is not in the future: "will visit on Friday"
		// and "promised to meet next week" are pledges made now; the date
		// belongs to what is pledged.
		if f.First.After(st.doc.Date) || aux == dyad.AuxFuture && len(f.Date) < len(docDate) {
			continue
		}
		return f.Date
	}
	return docDate
}
