package coder

// This file resolves who an action is aimed at, and who stands behind a
// pronoun, a possessive, an event noun or "both sides".

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/grammar"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/text"
)

// exampleOf reports whether noun phrase n gives an example of the phrase
// before it: "such as doctors", "like doctors".
func exampleOf(toks []text.Token, n grammar.NP) bool {
	if n.PrepAt < 1 {
		return false
	}
	switch strings.ToLower(toks[n.PrepAt].Text) {
	case "as":
		return strings.EqualFold(toks[n.PrepAt-1].Text, "such")
	case "like":
		return true
	}
	return false
}

// fallbackRecipient finds a recipient for a pattern without a "+" slot: the
// first actor after the verb in its clause (not for patterns marked self,
// which expect none), else a partner named in a "with X" or "between X and
// Y" phrase elsewhere in the sentence ("our interaction with the United
// States, we are determined to deepen our bilateral partnership").
func (st *docState) fallbackRecipient(s *sentence, pi int, m match, actor []dyad.Entity, placeIsTarget bool) []dyad.Entity {
	an := s.an
	end := an.ClauseEnd(pi)
	aim := st.selfAim(m)
	if m.pat.Self && aim == aimNone {
		end = m.head
	}
	// "..., said a spokesman for the prime minister": the attribution after
	// the report names its source, not the one acted on
	for _, q := range an.Preds {
		if q.Report && q.Start > m.head && q.Start < end {
			end = q.Start
			break
		}
	}
	for k := m.head + 1; k < end; k++ {
		np := an.NPAt(k)
		if np < 0 || an.NPs[np].Start != k {
			continue
		}
		// Where it happened is not to whom ("held talks in Riyadh"), except
		// for force and aid: "struck targets in southern Lebanon" strikes
		// Lebanon, "delivered food in Haiti" helps Haiti.
		if prep := an.NPs[np].Prep; (grammar.Locative(prep) || prep == "during") && !placeIsTarget {
			continue
		}
		if an.IsSubject(np) {
			continue // "..., the foreign ministry said": another verb's subject
		}
		if exampleOf(s.src.Tokens, an.NPs[np]) {
			continue // "sent supplies and personnel such as doctors to Nepal": an example of the object
		}
		if topicOf(s, np) && !placeIsTarget {
			continue // "vetoed draft resolutions on Gaza": what the thing is about
		}
		if a := an.NPs[np].Actor; a >= 0 {
			if m.pat.Self && aim == aimPurpose && s.mentions[a].Place {
				continue // a protest's purpose names people, not where it went ("spread to Batumi")
			}
			if m.pat.Self && aim == aimPlace && s.mentions[a].Kind != kb.Country {
				continue // force falls on a country or its people, not on "assets held in the central bank"
			}
			r := withoutSelf(st.coordinatedAdjectives(s, np, st.listEntities(s, np, actor)), actor)
			if m.pat.Self && aim == aimPlace {
				r = otherCountries(r, actor) // troops on alert at home aim at no one
			}
			if len(r) > 0 {
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
	// "Russia congratulated Maduro, and China also sent its
	// congratulations": "also" repeats the last event of the kind, with
	// its recipient
	if st.also(s, pi, m.head) {
		if r := withoutSelf(st.lastRecipient(m.pat.Code), actor); len(r) > 0 {
			return r
		}
	}
	// "France would give 110 million euros" in a story about aid for
	// Sudan: aid with no recipient goes where the story's aid goes
	if st.aidCode(m.pat.Code) {
		if e, ok := st.aidTopic(s); ok {
			return withoutSelf([]dyad.Entity{e}, actor)
		}
	}
	// "would not recognise the result of the vote": the outcome's owner
	if recognitionCode(m.pat.Code) {
		if r := st.outcomeOwner(s, m.head, end, actor); len(r) > 0 {
			return r
		}
	}
	return nil
}

// aimKind says whether a self pattern, which names no one in its own
// words, may still find whom it is aimed at in the rest of its clause:
//   - aimPurpose: a strike, rally or blockade has no object, but its
//     purpose names its target ("began a hunger strike to demand reforms
//     from President X's government", "blocked roads in defiance of
//     Chinese authorities");
//   - aimPlace: force and force posture (not sanctions: "froze assets held
//     in Nigeria") fall on where they happen
//     ("remained on alert in the West Bank"), when that is another country.
type aimKind uint8

const (
	aimNone aimKind = iota
	aimPurpose
	aimPlace
)

// selfAim returns how the event of a matched pattern may find its target
// past the pattern's words.
func (st *docState) selfAim(m match) aimKind {
	info, ok := st.c.onto.Lookup(m.pat.Code)
	switch {
	case !ok:
		return aimNone
	case info.Type == "PROTEST":
		return aimPurpose
	case info.Type == "MOBILIZE", info.Type == "ASSAULT", info.Type == "COERCE":
		return aimPlace
	}
	return aimNone
}

// also reports whether "also" stands in predicate pi's verb group or
// between its subject and the verb ("China also sent", "has also
// condemned").
func (st *docState) also(s *sentence, pi, head int) bool {
	an := s.an
	from := an.Preds[pi].Start
	if subj := an.Preds[pi].Subject; subj >= 0 && an.NPs[subj].End <= from {
		from = an.NPs[subj].End
	}
	for k := from; k < head && k < len(s.src.Tokens); k++ {
		if strings.EqualFold(s.src.Tokens[k].Text, "also") {
			return true
		}
	}
	return false
}

// lastRecipient returns the recipients of the last event coded so far of
// the PLOVER type of CAMEO code, or nil.
func (st *docState) lastRecipient(code string) []dyad.Entity {
	info, ok := st.c.onto.Lookup(code)
	// a meeting's recipient is a participant, not whom all participants
	// address: "Modi, who also attended the summit" met no one in particular
	if !ok || info.Type == "" || info.Type == "CONSULT" {
		return nil
	}
	for i := len(st.events) - 1; i >= 0; i-- {
		if ev := st.events[i]; ev.Type == info.Type {
			return ev.Recipient
		}
	}
	return nil
}

// aidCode reports whether a CAMEO code is giving aid (07) or pledging it
// (033).
func (st *docState) aidCode(code string) bool {
	if strings.HasPrefix(code, "033") {
		return true
	}
	info, ok := st.c.onto.Lookup(code)
	return ok && info.Type == "AID"
}

// aidTopic returns the country a story's aid goes to, when that is clear:
// the one country named as the recipient of aid so far ("aid for Sudan",
// "humanitarian assistance to Haiti") or of aid events coded so far. Two
// such countries make it unclear.
func (st *docState) aidTopic(s *sentence) (dyad.Entity, bool) {
	var found []dyad.Entity
	add := func(e dyad.Entity) {
		if e.Code != "" && !slices.ContainsFunc(found, func(f dyad.Entity) bool { return f.Code == e.Code }) {
			found = append(found, e)
		}
	}
	for _, ev := range st.events {
		if st.aidCode(ev.CAMEO) {
			for _, r := range ev.Recipient {
				if r.Sector != "IGO" { // aid goes to a country, not to a donor body
					add(r)
				}
			}
		}
	}
	for _, ss := range st.sents {
		if ss.src.Start > s.src.Start {
			break
		}
		toks := ss.src.Tokens
		for k := 0; k+2 < len(toks); k++ {
			if types, ok := st.c.eventNouns[toks[k].Lemma]; !ok || !slices.Contains(strings.Split(types, ","), "AID") {
				continue
			}
			if p := strings.ToLower(toks[k+1].Text); p != "for" && p != "to" {
				continue
			}
			np := ss.an.NPAt(k + 2)
			if np < 0 || ss.an.NPs[np].Start != k+2 || ss.an.NPs[np].Actor < 0 {
				continue
			}
			if m := ss.mentions[ss.an.NPs[np].Actor]; m.Kind == kb.Country {
				add(m.Entity)
			}
		}
	}
	if len(found) != 1 {
		return dyad.Entity{}, false
	}
	return found[0], true
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
		// "the two leaders": a plural sector word after "two" or "both"
		// stands for the two parties named before
		if m := s.mentions[n.Actor]; m.Code == "" && n.Start > 0 &&
			st.c.words.Is(strings.ToLower(s.src.Tokens[n.Start-1].Text), grammar.PairDet) {
			if es := st.pairSpan(s, n.Start-1, n.End); len(es) > 0 {
				return es
			}
		}
		// "officials from Ghana", "diplomats from several countries,
		// including Chile and Peru": the phrase names where they are from
		if m := s.mentions[n.Actor]; m.Code == "" {
			if es, _ := st.origin(s, np); len(es) > 0 {
				return es
			}
			// "their governments", "its army", "the protesters' leaders":
			// the owner's
			if es := st.pronounOwner(s, np, m.Sector); len(es) > 0 {
				return es
			}
			if es := st.possessorOwner(s, np, m.Sector); len(es) > 0 {
				return es
			}
		}
		return []dyad.Entity{s.mentions[n.Actor].Entity}
	}
	if n.Pronoun == 0 {
		// "the Turkish and Greek sides (of Cyprus)": the parties the
		// adjectives name
		if h := s.src.Tokens[n.End-1].Lemma; st.c.words.Is(h, grammar.Pair|grammar.PairConflict) {
			if es := st.adjectiveOwners(s, n.Start, n.End-1); len(es) > 1 {
				return es
			}
		}
		if es := st.possessed(s, np); len(es) > 0 {
			return es
		}
		// "his office accused ...": the office stands for its owner
		if st.c.kb.OwnerNoun(s.src.Tokens[n.End-1].Text) {
			if es := st.pronounOwner(s, np, ""); len(es) > 0 {
				return es
			}
		}
		if es := st.ownedSubject(s, np); len(es) > 0 {
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
	}
	// "Libya said it would ...", "the rebels said they will ...": a
	// pronoun subject of reported speech is the speaker, when that fits.
	if e, ok := st.reportingSubject(s, np, exclude); ok && n.Pronoun&(grammar.ThirdSg|grammar.ThirdIt|grammar.ThirdPl) != 0 {
		if n.Pronoun&grammar.ThirdSg != 0 && e.kind == kb.Person || n.Pronoun&grammar.ThirdSg == 0 && e.kind != kb.Person {
			return as(e.Entity)
		}
	}
	kinds := []kb.Kind{kb.Person}
	switch {
	case n.Pronoun&grammar.ThirdSg != 0:
	case n.Pronoun&grammar.ThirdIt != 0:
		kinds = []kb.Kind{kb.Country, kb.Organisation, kb.Group}
	case n.Pronoun&grammar.ThirdPl != 0:
		kinds = []kb.Kind{kb.Country, kb.Organisation, kb.Group, kb.Generic}
	default:
		return nil
	}
	// A subject pronoun continues the topic: the subject of the clause
	// before ("North Korea has not replied to Washington, and it may ..."),
	// not merely the nearest name.
	if an.IsSubject(np) {
		e, ok, blocked := st.previousSubject(s, n.Start, exclude, kinds)
		if ok {
			return as(e)
		}
		if blocked {
			return nil
		}
	}
	if n.Pronoun&grammar.ThirdPl != 0 {
		return nil // "they" with no subject to continue is too vague
	}
	if e, ok := st.lastMention(tok.Start, exclude, kinds...); ok {
		return as(e)
	}
	// "expelled a Russian diplomat, accusing him of spying": with no person
	// named, "him" or "her" is the last actor noun of this sentence
	if n.Pronoun&grammar.ThirdSg != 0 && !an.IsSubject(np) {
		for mi := len(s.mentions) - 1; mi >= 0; mi-- {
			if m := s.mentions[mi]; m.End <= tok.Start && m.Code != "" && !sameAs(m.Entity, exclude) {
				return as(m.Entity)
			}
		}
	}
	return nil
}

// previousSubject returns the subject of the nearest main or coordinated
// clause before token tok of sentence s, else that of the previous
// sentence's first clause, when it is an actor mention of one of the kinds.
// blocked is true when the nearest such subject in this sentence is a noun
// dyad cannot resolve: the pronoun then stays unresolved.
func (st *docState) previousSubject(s *sentence, tok int, exclude []dyad.Entity, kinds []kb.Kind) (e dyad.Entity, ok, blocked bool) {
	subjectOf := func(ss *sentence, pi int) (dyad.Entity, bool) {
		an := ss.an
		p := an.Preds[pi]
		if p.Kind != grammar.Finite || p.Subject < 0 {
			return dyad.Entity{}, false
		}
		switch an.Clauses[p.Clause].Kind {
		case grammar.SubordClause, grammar.RelativeClause, grammar.QuoteClause:
			return dyad.Entity{}, false
		}
		np := an.NPs[p.Subject]
		if np.Actor < 0 || np.Pronoun != 0 {
			return dyad.Entity{}, false
		}
		m := ss.mentions[np.Actor]
		if !slices.Contains(kinds, m.Kind) || sameAs(m.Entity, exclude) || m.Code == "" {
			return dyad.Entity{}, false
		}
		return m.Entity, true
	}
	for pi := len(s.an.Preds) - 1; pi >= 0; pi-- {
		p := s.an.Preds[pi]
		if p.End > tok {
			continue
		}
		if e, ok := subjectOf(s, pi); ok {
			return e, true, false
		}
		// "Europe has made it clear it will not ...": the topic is a
		// subject we cannot resolve; do not reach past it
		if c := s.an.Clauses[p.Clause].Kind; p.Kind == grammar.Finite && p.Subject >= 0 && s.an.NPs[p.Subject].Pronoun == 0 &&
			s.an.NPs[p.Subject].Actor < 0 && c != grammar.SubordClause && c != grammar.RelativeClause && c != grammar.QuoteClause {
			return dyad.Entity{}, false, true
		}
	}
	for si := range st.sents {
		if st.sents[si] != s || si == 0 {
			continue
		}
		prev := st.sents[si-1]
		for pi := range prev.an.Preds {
			if e, ok := subjectOf(prev, pi); ok {
				return e, true, false
			}
		}
	}
	return dyad.Entity{}, false, false
}

// speakerMention is an actor with the kind of mention it came from.
type speakerMention struct {
	dyad.Entity
	kind kb.Kind
}

// reportingSubject returns the subject of the verb of saying that governs
// the clause of noun phrase np ("Libya said [it would ...]"), when it is an
// actor mention other than those in exclude.
func (st *docState) reportingSubject(s *sentence, np int, exclude []dyad.Entity) (speakerMention, bool) {
	an := s.an
	for pi, p := range an.Preds {
		if p.Subject != np {
			continue
		}
		gov := an.Governor(pi)
		if gov < 0 || !an.Preds[gov].Report {
			continue
		}
		subj := an.Preds[gov].Subject
		if subj < 0 || an.NPs[subj].Actor < 0 {
			continue
		}
		m := s.mentions[an.NPs[subj].Actor]
		if sameAs(m.Entity, exclude) {
			continue
		}
		return speakerMention{m.Entity, m.Kind}, true
	}
	return speakerMention{}, false
}

// possessed resolves a noun phrase that stands for an actor named inside
// it: "Taiwan's Vice Foreign Minister", "Iran's army", "a group of Yoruba
// leaders", "members of the opposition".
func (st *docState) possessed(s *sentence, np int) []dyad.Entity {
	an := s.an
	n := an.NPs[np]
	toks := s.src.Tokens
	// "tens of thousands of students": follow "of" to the first actor; "a
	// spokesman for Hamas": "for" after one who speaks for another
	speaksFor := st.c.words.Is(toks[n.End-1].Lemma, grammar.Spokesperson)
	for cur := n; cur.End+1 < len(toks) && (strings.EqualFold(toks[cur.End].Text, "of") || speaksFor && strings.EqualFold(toks[cur.End].Text, "for")); {
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

// pronounOwner resolves the possessive pronoun right before noun phrase
// np ("his office", "their governments") to its owners: "his" or "her"
// the last person named, "its" the last country or organisation, "their"
// the actors of the nearest plural or listed actor phrase before it in the
// sentence ("diplomats from A, B and C ... their governments"). A sector
// replaces the owners' own ("their governments" are governments).
func (st *docState) pronounOwner(s *sentence, np int, sector string) []dyad.Entity {
	an := s.an
	n := an.NPs[np]
	if n.Start == 0 {
		return nil
	}
	pro := an.NPAt(n.Start - 1)
	if pro < 0 || !an.NPs[pro].Possessor || an.NPs[pro].Pronoun == 0 || an.NPs[pro].End != n.Start {
		return nil
	}
	toks := s.src.Tokens
	off := toks[an.NPs[pro].Start].Start
	var owners []dyad.Entity
	switch class := an.NPs[pro].Pronoun; {
	case class&grammar.ThirdSg != 0:
		if e, ok := st.lastMention(off, nil, kb.Person); ok {
			owners = []dyad.Entity{e}
		}
	case class&grammar.ThirdIt != 0:
		if e, ok := st.lastMention(off, nil, kb.Country, kb.Organisation, kb.Group); ok {
			owners = []dyad.Entity{e}
		}
	case class&grammar.ThirdPl != 0:
		owners = st.pluralBefore(s, pro)
	}
	start, end := toks[an.NPs[pro].Start].Start, toks[n.End-1].End
	return st.ownedPhrase(owners, sector, start, end)
}

// possessorOwner resolves a sector phrase owned by another actor phrase
// ("the protesters' leaders") to the owner's country, placed as a sector
// word would be, with the sector of np.
func (st *docState) possessorOwner(s *sentence, np int, sector string) []dyad.Entity {
	an := s.an
	n := an.NPs[np]
	toks := s.src.Tokens
	if n.Start < 2 || toks[n.Start-1].Tag != "POS" {
		return nil
	}
	owner := an.NPAt(n.Start - 2)
	if owner < 0 || owner == np || an.NPs[owner].Actor < 0 {
		return nil
	}
	start, end := toks[an.NPs[owner].Start].Start, toks[n.End-1].End
	return st.ownedPhrase(st.placeGeneric(s, st.npEntities(s, owner, nil)), sector, start, end)
}

// ownedPhrase places the owners of a phrase ("his office", "the protesters'
// leaders") on the phrase's bytes [start, end), with the phrase's sector
// (an IGO keeps its own); owners without a country are left out.
func (st *docState) ownedPhrase(owners []dyad.Entity, sector string, start, end int) []dyad.Entity {
	var out []dyad.Entity
	for _, e := range owners {
		if e.Code == "" {
			continue
		}
		if sector != "" && e.Sector != "IGO" {
			e.Sector = sector
			e.CAMEO = kb.CAMEOCode(e.Code, sector)
		}
		e.Text, e.Start, e.End = st.doc.Body[start:end], start, end
		out = append(out, e)
	}
	return out
}

// pluralBefore returns the actors of the nearest phrase before noun phrase
// np in sentence s that names several: a coordinated list ("Chile and
// Peru"), or a plural sector phrase resolved to its countries ("diplomats
// from seven countries, including ...").
func (st *docState) pluralBefore(s *sentence, np int) []dyad.Entity {
	an := s.an
	for q := np - 1; q >= 0; q-- {
		n := an.NPs[q]
		if n.Actor < 0 || n.Pronoun != 0 {
			continue
		}
		if cs := an.Conjuncts(q); len(cs) > 1 {
			var out []dyad.Entity
			for _, c := range cs {
				out = append(out, st.npEntities(s, c, nil)...)
			}
			return out
		}
		if !s.mentions[n.Actor].Plural {
			continue
		}
		if es := st.npEntities(s, q, nil); anyCoded(es) {
			return es
		}
		return nil // "the rebels ... their": a group dyad cannot place
	}
	return nil
}

// ownedSubject resolves a plural subject noun right after an actor name:
// "Israeli army bulldozers demolished", "US Predator attacks have killed":
// the things belong to the actor before them, who did it.
func (st *docState) ownedSubject(s *sentence, np int) []dyad.Entity {
	an := s.an
	n := an.NPs[np]
	toks := s.src.Tokens
	// plural things, or a capitalised institution ("The United States
	// Treasury", "the U.S. Defense Department")
	switch toks[n.End-1].Tag {
	case "NNS", "NNP", "NNPS":
	default:
		return nil
	}
	if n.Start == 0 || !an.IsSubject(np) {
		return nil
	}
	owner := an.NPAt(n.Start - 1)
	if owner < 0 || an.NPs[owner].Actor < 0 || an.NPs[owner].End != n.Start || an.NPs[owner].Possessor {
		return nil
	}
	e := s.mentions[an.NPs[owner].Actor].Entity
	if e.Code == "" {
		return nil
	}
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

// topicOf reports whether noun phrase np is the topic of the noun before it:
// "on", "about", "over" or "regarding" right after a common noun ("draft
// resolutions on Gaza", "talks about Ukraine", "a dispute over Kashmir").
func topicOf(s *sentence, np int) bool {
	n := s.an.NPs[np]
	switch n.Prep {
	case "on", "about", "over", "regarding", "concerning":
	default:
		return false
	}
	if n.PrepAt < 1 {
		return false
	}
	prev := s.src.Tokens[n.PrepAt-1].Tag
	return prev == "NN" || prev == "NNS"
}

// placeGeneric gives a sector word without a country ("police",
// "protesters") the country where the sentence says things happen ("in
// Khartoum"), or else the one country the document has named so far; an
// institution that is domestic by nature ("the junta", "parliament")
// takes the story's main country. A phrase that says where its people are
// from ("diplomats from seven countries") borrows nothing.
func (st *docState) placeGeneric(s *sentence, es []dyad.Entity) []dyad.Entity {
	for i, e := range es {
		if e.Code != "" || e.Name != "" && !stateSector(e.Sector) {
			// a named reporter or activist the KB does not know keeps no
			// country rather than a guessed one; an official ("Labor
			// Minister Foo Bar") serves where the story is
			continue
		}
		if np := entityNP(s, e); np >= 0 {
			if _, named := st.origin(s, np); named {
				continue
			}
		}
		domestic := st.c.kb.Domestic(e.Text, e.Sector)
		if code := st.placeOf(s, fightingSector(e.Sector) && !domestic, domestic); code != "" {
			es[i].Code = code
			es[i].CAMEO = kb.CAMEOCode(code, e.Sector)
		}
	}
	return es
}

// stateSector reports whether a sector is one of a state's offices.
func stateSector(sector string) bool {
	switch sector {
	case "GOV", "LEG", "JUD", "MIL", "COP", "SPY", "ELI", "":
		return true
	}
	return false
}

// placeOf returns the country of an "in/at X" phrase in the sentence, else
// the only country named in the document up to this sentence, else, for a
// domestic institution or people (domestic.txt), the country of the
// story's dateline or, without one, the country named most so far; else "".
//
// Fighters (armed sectors) never take the story's country: in a story
// filed from Kyiv, "troops" may be either side's. Nor do others who often
// come from elsewhere ("diplomats", "a reporter", "the warring parties").
func (st *docState) placeOf(s *sentence, fighters, domestic bool) string {
	dateline := st.dateline
	if fighters || !domestic {
		dateline = ""
	}
	if dateline == "" && domestic {
		dateline = st.mostNamed(s)
	}
	an := s.an
	for _, np := range an.NPs {
		if np.Actor >= 0 && (np.Prep == "in" || np.Prep == "at" || np.Prep == "throughout" || np.Prep == "across") {
			if m := s.mentions[np.Actor]; m.Kind == kb.Country && m.Code != "" {
				return m.Code
			}
		}
	}
	// a town or region named anywhere in the sentence ("shelled the town of
	// Kherson, killing two civilians")
	for _, m := range s.mentions {
		if m.Place && m.Code != "" {
			return m.Code
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
				return dateline // several countries: where the story was filed
			}
			only = m.Code
		}
	}
	if only == "" {
		return dateline
	}
	return only
}

// mostNamed returns the country named most often in the document up to
// and including sentence s, or "" on a tie: the country a story is about.
func (st *docState) mostNamed(s *sentence) string {
	count := map[string]int{}
	for _, ss := range st.sents {
		if ss.src.Start > s.src.Start {
			break
		}
		for _, m := range ss.mentions {
			if m.Kind == kb.Country && m.Code != "" {
				count[m.Code]++
			}
		}
	}
	best, tie := "", false
	for code, n := range count {
		switch {
		case best == "" || n > count[best]:
			best, tie = code, false
		case n == count[best]:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// entityNP returns the noun phrase of sentence s in which entity e begins,
// or -1.
func entityNP(s *sentence, e dyad.Entity) int {
	for k, t := range s.src.Tokens {
		if t.Start == e.Start {
			return s.an.NPAt(k)
		}
		if t.Start > e.Start {
			break
		}
	}
	return -1
}

// origin reads the phrase after sector phrase np that says where its
// people are from: "officials from Ghana", "media outlets from European
// Union countries", "diplomats from seven countries, including Chile and
// Peru" (one actor a listed country, with the sector of np). named is true
// when there is such a phrase, even one dyad cannot resolve ("diplomats
// from seven countries"): then the story's country is not theirs.
func (st *docState) origin(s *sentence, np int) (es []dyad.Entity, named bool) {
	an := s.an
	toks := s.src.Tokens
	if np < 0 || an.NPs[np].Actor < 0 {
		return nil, false
	}
	generic := s.mentions[an.NPs[np].Actor].Entity
	end := compoundEnd(an, an.NPs[np].End) // "media outlets"
	if end+1 >= len(toks) {
		return nil, false
	}
	if p := strings.ToLower(toks[end].Text); p != "from" && p != "of" {
		return nil, false
	}
	from := end + 1
	if from+1 < len(toks) && toks[from].Tag == "CD" && an.NPAt(from) < 0 {
		from++ // "doctors from two American aid groups"
	}
	q := an.NPAt(from)
	if q < 0 || an.NPs[q].Start != from {
		return nil, false
	}
	qn := an.NPs[q]
	qn.End = compoundEnd(an, qn.End) // "European Union countries"
	own := func(list []dyad.Entity) []dyad.Entity {
		var out []dyad.Entity
		for _, e := range list {
			if e.Code == "" {
				continue
			}
			if generic.Sector != "" && e.Sector != "IGO" {
				e.Sector = generic.Sector
			}
			e.CAMEO = kb.CAMEOCode(e.Code, e.Sector)
			e.Text, e.Start, e.End = generic.Text, generic.Start, generic.End
			out = append(out, e)
		}
		return out
	}
	stateNoun := st.c.kb.StateNoun(st.doc.Body[toks[qn.Start].Start:toks[qn.End-1].End])
	if stateNoun {
		if list := st.included(s, qn.End); len(list) > 0 {
			return own(list), true
		}
	}
	if qn.Actor >= 0 && s.mentions[qn.Actor].Code != "" {
		return own([]dyad.Entity{s.mentions[qn.Actor].Entity}), true
	}
	return nil, stateNoun
}

// compoundEnd returns the end of the noun compound whose first part ends
// at token end: the tagger may split "media outlets" or "European Union
// countries" into an actor phrase and the bare nouns after it.
func compoundEnd(an *grammar.Analysis, end int) int {
	for end < len(an.Tokens) {
		q := an.NPAt(end)
		if q < 0 || an.NPs[q].Start != end || an.NPs[q].Actor >= 0 || an.NPs[q].Prep != "" || an.NPs[q].Pronoun != 0 {
			break
		}
		end = an.NPs[q].End
	}
	return end
}

// included returns the actors of an "including A, B and C" or "such as A
// and B" list starting at token k (after an optional comma).
func (st *docState) included(s *sentence, k int) []dyad.Entity {
	toks := s.src.Tokens
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	switch {
	case k < len(toks) && strings.EqualFold(toks[k].Text, "including"):
		k++
	case k+1 < len(toks) && strings.EqualFold(toks[k].Text, "such") && strings.EqualFold(toks[k+1].Text, "as"):
		k += 2
	default:
		return nil
	}
	if k >= len(toks) {
		return nil
	}
	first := s.an.NPAt(k)
	if first < 0 || s.an.NPs[first].Start != k || s.an.NPs[first].Actor < 0 {
		return nil
	}
	// the members: actor phrases joined by commas, the last by "and"
	out := []dyad.Entity{s.mentions[s.an.NPs[first].Actor].Entity}
	closed := 1
	for k = s.an.NPs[first].End; k+1 < len(toks); {
		and := strings.EqualFold(toks[k].Text, "and")
		if toks[k].Text != "," && !and {
			break
		}
		k++
		if !and && strings.EqualFold(toks[k].Text, "and") {
			and = true // "A, B, and C"
			k++
		}
		if k >= len(toks) {
			break
		}
		next := s.an.NPAt(k)
		if next < 0 || s.an.NPs[next].Start != k || s.an.NPs[next].Actor < 0 {
			break
		}
		out = append(out, s.mentions[s.an.NPs[next].Actor].Entity)
		if and {
			closed = len(out)
		}
		k = s.an.NPs[next].End
	}
	return out[:closed]
}

// fightingSector reports whether a sector is an armed force's, whose side
// a story's place does not tell.
func fightingSector(sector string) bool {
	switch sector {
	case "MIL", "REB", "INS", "UAF", "SEP":
		return true
	}
	return false
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
	kinds := strings.Split(types, ",")
	for i := len(st.events) - 1; i >= 0; i-- {
		ev := st.events[i]
		if !slices.Contains(kinds, ev.Type) || sameAs(ev.Actor[0], actor) || ev.Actor[0].Code == actor[0].Code {
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
	return st.pairSpan(s, n.Start, n.End)
}

// pairSpan is pair over the tokens [first, end).
func (st *docState) pairSpan(s *sentence, first, end int) []dyad.Entity {
	n := grammar.NP{Start: first, End: end}
	toks := s.src.Tokens
	w := st.c.words
	det := false
	for k := n.Start; k < n.End-1; k++ {
		if w.Is(strings.ToLower(toks[k].Text), grammar.PairDet) {
			det = true
		}
	}
	head := toks[n.End-1]
	// "the warring parties" are the parties to the fighting, named so by
	// the word before them; "both sides" by their noun
	warring := false
	for k := n.Start; k < n.End-1; k++ {
		warring = warring || w.Is(strings.ToLower(toks[k].Text), grammar.PairConflict)
	}
	conflict := warring || w.Is(head.Lemma, grammar.PairConflict)
	if !det || !(conflict || w.Is(head.Lemma, grammar.Pair)) || head.Tag != "NNS" {
		return nil
	}
	textStart, textEnd := toks[n.Start].Start, head.End
	both := func(a, r dyad.Entity) []dyad.Entity {
		for _, e := range []*dyad.Entity{&a, &r} {
			e.Text, e.Start, e.End = st.doc.Body[textStart:textEnd], textStart, textEnd
		}
		return []dyad.Entity{a, r}
	}
	// Two countries named earlier in the same sentence ("In a letter to
	// Trump, Aliyev wrote that the two countries ...").
	if !conflict {
		var seen []dyad.Entity
		for _, m := range s.mentions {
			if m.End <= textStart && m.Code != "" && !slices.ContainsFunc(seen, func(e dyad.Entity) bool { return e.Code == m.Code }) {
				seen = append(seen, m.Entity)
			}
		}
		if len(seen) >= 2 {
			return both(seen[len(seen)-2], seen[len(seen)-1])
		}
	}
	// Else the story's main pair: the two parties with the most events so
	// far, the earliest on a tie ("The two countries agreed in January ..."
	// at the end of a story about China and the Philippines). For "sides",
	// fights count first (material conflict, then verbal).
	for _, quads := range [][]int{{4}, {3}, {1, 2, 3, 4}} {
		if !conflict && len(quads) < 4 || warring && len(quads) == 4 {
			continue // "the warring parties" are no partners in talks or aid
		}
		if a, r, ok := st.mainPair(quads); ok {
			return both(a, r)
		}
		// a civil war's sides are one country's: "the warring parties"
		// in a story of the army fighting a militia
		if conflict && len(quads) < 4 {
			if a, r, ok := st.civilPair(quads); ok {
				return both(a, r)
			}
		}
	}
	return nil
}

// civilPair returns the actor and recipient of the first event of the
// quad classes between two actors of one country with different sectors
// ("the army fought the RSF"), or false.
func (st *docState) civilPair(quads []int) (a, r dyad.Entity, ok bool) {
	for _, ev := range st.events {
		if len(ev.Actor) == 0 || len(ev.Recipient) == 0 || !slices.Contains(quads, ev.QuadCode) {
			continue
		}
		x, y := ev.Actor[0], ev.Recipient[0]
		if x.Code != "" && x.Code == y.Code && x.Sector != y.Sector {
			return x, y, true
		}
	}
	return a, r, false
}

// mainPair returns the actor and recipient of the pair of countries (in
// either order) with the most events of the quad classes so far; the pair
// seen first wins a tie.
func (st *docState) mainPair(quads []int) (a, r dyad.Entity, ok bool) {
	type pairKey struct{ x, y string }
	count := map[pairKey]int{}
	first := map[pairKey]dyad.Event{}
	var order []pairKey
	for _, ev := range st.events {
		if len(ev.Actor) == 0 || len(ev.Recipient) == 0 || !slices.Contains(quads, ev.QuadCode) {
			continue
		}
		// a reciprocal event ("Armenian and Azerbaijani troops clashed")
		// has its members on both sides: its pair is the first member and
		// the first other one
		ri := otherMember(ev)
		if ri < 0 {
			continue
		}
		x, y := ev.Actor[0].Code, ev.Recipient[ri].Code
		if x == "" {
			continue
		}
		if x > y {
			x, y = y, x
		}
		k := pairKey{x, y}
		if count[k] == 0 {
			first[k] = ev
			order = append(order, k)
		}
		count[k]++
	}
	best := -1
	for i, k := range order {
		if best < 0 || count[k] > count[order[best]] {
			best = i
		}
	}
	if best < 0 {
		return a, r, false
	}
	ev := first[order[best]]
	return ev.Actor[0], ev.Recipient[otherMember(ev)], true
}

// otherMember returns the index of the first recipient of ev from another
// country than its first actor, or -1.
func otherMember(ev dyad.Event) int {
	return slices.IndexFunc(ev.Recipient, func(e dyad.Entity) bool { return e.Code != "" && e.Code != ev.Actor[0].Code })
}

// listMembers returns the noun phrases of the coordinated list that actor
// phrase np opens, in text order: "defended Iraq and Libya", "embargoes on
// Iran, Libya, and Sudan". (Conjuncts reads a list backwards from its last
// member; a verb's slot holds its first.) As there, a list must close with
// "and", and each member must be an actor phrase of the same clause with
// the same preposition or none. A member that is the subject of another
// verb ("met Peru and Chile said") ends the list.
func listMembers(an *grammar.Analysis, np int) []int {
	out := []int{np}
	if np < 0 || an.NPs[np].Actor < 0 || an.NPs[np].Possessor {
		return out
	}
	toks := an.Tokens
	closed := 1 // members up to the last one joined by "and"
	isAnd := func(k int) bool {
		return k < len(toks) && toks[k].Tag == "CC" && strings.EqualFold(toks[k].Text, "and")
	}
	for cur := np; ; {
		k := an.NPs[cur].End
		if k >= len(toks) || toks[k].Text != "," && !isAnd(k) {
			break
		}
		and := isAnd(k)
		k++
		if !and && isAnd(k) {
			and = true // the serial comma: "A, B, and C"
			k++
		}
		if k >= len(toks) {
			break
		}
		next := an.NPAt(k)
		if next < 0 {
			break
		}
		n := an.NPs[next]
		if n.Start != k || n.Actor < 0 || n.Possessor || n.Clause != an.NPs[np].Clause || an.IsSubject(next) ||
			n.Prep != "" && n.Prep != an.NPs[np].Prep {
			break
		}
		out = append(out, next)
		if and {
			closed = len(out)
		}
		cur = next
	}
	return out[:closed]
}

// listEntities resolves every member of the coordinated list of actor
// phrase np (listMembers), leaving out those in exclude. A later member of
// no known country adds nothing ("talks between Colombia and the rebels"
// are aimed at Colombia; an uncoded recipient beside it is no one).
func (st *docState) listEntities(s *sentence, np int, exclude []dyad.Entity) []dyad.Entity {
	var out, coded []dyad.Entity
	for i, c := range listMembers(s.an, np) {
		for _, e := range st.npEntities(s, c, exclude) {
			if i == 0 || e.Code != "" {
				out = append(out, e)
			}
			if e.Code != "" {
				coded = append(coded, e)
			}
		}
	}
	// "freed reporter X and former U.S. Marine Y": when the first member
	// has no country, the members that have one are the recipients
	if len(out) > 0 && out[0].Code == "" && len(coded) > 0 {
		return coded
	}
	return out
}
