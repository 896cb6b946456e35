package coder

// This file finds recipients that the words after a verb name indirectly:
// the author of a proposal ("rejected an Indian proposal"), the one a
// demand is put to ("demanded that the US cancel ..."), the object of a
// verb governed by the coded one ("threatened to cut off electricity to
// Nakhichevan"), and countries named only by an adjective ("Hungarian and
// Romanian officials").

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/grammar"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/text"
)

// owner returns the author named inside noun phrase np when its head noun
// is a proposal ("a U.S. request", "Reagan's statement", "calls by
// Belarus's rulers", "a fresh offer from Afghanistan") or an event noun
// ("two Israeli air raids"): an action on it is aimed at that author.
// anyHead drops the check on the head noun ("restrictions against German
// goods": the goods stand for their country).
func (st *docState) owner(s *sentence, np int, anyHead bool) []dyad.Entity {
	an := s.an
	if np < 0 || an.NPs[np].Actor >= 0 || an.NPs[np].Pronoun != 0 {
		return nil
	}
	n := an.NPs[np]
	toks := s.src.Tokens
	// "a U.S.-drafted text", "the Qatar-brokered deal": the hyphen names
	// the author, whatever the noun
	if es := st.hyphenAuthors(s, n.Start, n.End-1); len(es) > 0 {
		return es
	}
	head := toks[n.End-1].Lemma
	_, event := st.c.eventNouns[head]
	if !anyHead && !event && !st.c.words.Is(head, grammar.Proposal) {
		return nil
	}
	// "Belarus's rulers' calls", "Reagan's (latest) statement": a possessor
	pos := n.Start - 1
	for pos > 0 && isModifierTag(toks[pos].Tag) && an.NPAt(pos) < 0 {
		pos--
	}
	if pos >= 1 && toks[pos].Tag == "POS" {
		if own := an.NPAt(pos - 1); own >= 0 {
			if es := st.npEntities(s, own, nil); len(es) > 0 {
				return es
			}
		}
	}
	// "a U.S. request", "the European Union's plan": an actor right before
	// the noun (over adjectives: "a U.S. peace plan")
	k := n.Start - 1
	for k >= 0 && (toks[k].Tag == "JJ" || toks[k].Tag == "VBN") && an.NPAt(k) < 0 {
		k--
	}
	if k >= 0 && k < n.Start {
		if prev := an.NPAt(k); prev >= 0 && an.NPs[prev].End == k+1 && an.NPs[prev].Actor >= 0 && !an.NPs[prev].Possessor {
			var out []dyad.Entity
			for _, c := range an.Conjuncts(prev) {
				out = append(out, st.npEntities(s, c, nil)...)
			}
			return out
		}
	}
	// "an Indian proposal", "the Turkish and Greek sides": adjectives the
	// actor finder leaves alone because they modify a thing
	if es := st.adjectiveOwners(s, n.Start, n.End-1); len(es) > 0 {
		return es
	}
	// "calls by Belarus's rulers", "an offer from Kabul"
	if n.End+1 < len(toks) {
		switch strings.ToLower(toks[n.End].Text) {
		case "by", "from":
			if by := an.NPAt(n.End + 1); by >= 0 && an.NPs[by].Start == n.End+1 {
				var out []dyad.Entity
				for _, c := range an.Conjuncts(by) {
					out = append(out, st.npEntities(s, c, nil)...)
				}
				return out
			}
		}
	}
	return nil
}

// hyphenAuthors returns the authors named by hyphenated modifiers among
// tokens [from, to): "U.S.-drafted", "EU-sponsored", "Saudi-led" (a
// country or organisation, a hyphen and a participle of authorship.txt).
func (st *docState) hyphenAuthors(s *sentence, from, to int) []dyad.Entity {
	var out []dyad.Entity
	for k := from; k < to && k < len(s.src.Tokens); k++ {
		tok := s.src.Tokens[k]
		for i := strings.IndexByte(tok.Text, '-'); i > 0; {
			if st.c.kb.Authorship(tok.Text[i+1:]) {
				if e, ok := st.nameWord(tok.Text[:i]); ok && !sameAs(e, out) {
					e.Text, e.Start, e.End = tok.Text, tok.Start, tok.End
					out = append(out, e)
				}
				break
			}
			j := strings.IndexByte(tok.Text[i+1:], '-')
			if j < 0 {
				break
			}
			i += j + 1
		}
	}
	return out
}

// nameWord resolves a country or organisation named by one word or
// abbreviation ("U.S.", "Qatar", "Saudi", "EU") as the actor finder reads
// it before "officials".
func (st *docState) nameWord(word string) (dyad.Entity, bool) {
	if word == "" || !unicode.IsUpper([]rune(word)[0]) {
		return dyad.Entity{}, false
	}
	// the adjective cache, under keys no token spells
	key := "name " + word
	if st.adjectives == nil {
		st.adjectives = map[string]*dyad.Entity{}
	}
	e, seen := st.adjectives[key]
	if !seen {
		probe := word + " officials"
		ms := st.c.kb.NewResolver(st.doc.Date).Find(probe, dyad.Span{Start: 0, End: len(probe)})
		if len(ms) == 1 && (ms[0].Kind == kb.Country || ms[0].Kind == kb.Organisation) && ms[0].Code != "" && ms[0].Start == 0 && ms[0].End == len(probe) {
			found := ms[0].Entity
			e = &found
		}
		st.adjectives[key] = e
	}
	if e == nil {
		return dyad.Entity{}, false
	}
	return *e, true
}

// isModifierTag: an adjective or participle that may stand between a
// possessor and its noun ("Reagan's latest statement").
func isModifierTag(tag string) bool {
	switch tag {
	case "JJ", "JJR", "JJS", "VBN":
		return true
	}
	return false
}

// adjectiveOwners returns the countries named by adjectives among tokens
// [from, to) and by those coordinated with them just before ("Turkish and
// Greek" in "the Turkish and Greek sides").
func (st *docState) adjectiveOwners(s *sentence, from, to int) []dyad.Entity {
	toks := s.src.Tokens
	var out []dyad.Entity
	add := func(k int) {
		if e, ok := st.adjectiveCountry(s, k); ok && !sameAs(e, out) {
			out = append(out, e)
		}
	}
	for k := from; k < to; k++ {
		add(k)
	}
	if len(out) == 0 {
		return nil
	}
	// coordinated adjectives before: "Hungarian and", "Czech, Slovak and"
	for k := from - 1; k >= 1; k -= 2 {
		sep := toks[k]
		if !(sep.Tag == "CC" && strings.EqualFold(sep.Text, "and")) && sep.Text != "," {
			break
		}
		e, ok := st.adjectiveCountry(s, k-1)
		if !ok {
			break
		}
		out = append([]dyad.Entity{e}, out...)
	}
	return out
}

// adjectiveCountry resolves token k when it is a capitalised country
// adjective ("Indian", "Greek") that the actor finder did not take as an
// actor because it modifies a thing.
func (st *docState) adjectiveCountry(s *sentence, k int) (dyad.Entity, bool) {
	if k < 0 || k >= len(s.src.Tokens) || s.an.NPAt(k) >= 0 && s.an.NPs[s.an.NPAt(k)].Actor >= 0 {
		return dyad.Entity{}, false
	}
	tok := s.src.Tokens[k]
	if tok.Tag != "JJ" && tok.Tag != "NNP" && tok.Tag != "NNPS" || tok.Text == "" || !unicode.IsUpper([]rune(tok.Text)[0]) {
		return dyad.Entity{}, false
	}
	if st.adjectives == nil {
		st.adjectives = map[string]*dyad.Entity{}
	}
	e, seen := st.adjectives[tok.Text]
	if !seen {
		// Ask the actor finder about the adjective in a phrase it reads as
		// an actor: "Indian officials" is India's government.
		probe := tok.Text + " officials"
		ms := st.c.kb.NewResolver(st.doc.Date).Find(probe, dyad.Span{Start: 0, End: len(probe)})
		if len(ms) == 1 && ms[0].Kind == kb.Country && ms[0].Code != "" && ms[0].Start == 0 && ms[0].End == len(probe) && !ms[0].Place {
			found := ms[0].Entity
			e = &found
		}
		st.adjectives[tok.Text] = e
	}
	if e == nil {
		return dyad.Entity{}, false
	}
	out := *e
	out.Text, out.Start, out.End = tok.Text, tok.Start, tok.End
	return out, true
}

// objectOwner looks at the noun phrases right after the head (up to the
// end of the pattern, or the first few words) for a proposal or event noun
// whose author is named: "rejected a U.S. request", "agreed to US
// mediation".
//
// With force or a demand (things true), a thing named with a country
// adjective, or with its author after "by" or "from", as the direct object
// stands for that country too: "demolished Palestinian homes", "shelled
// Ukrainian positions", "demanded an admission by Moscow".
func (st *docState) objectOwner(s *sentence, m match, end int, things bool) []dyad.Entity {
	an := s.an
	toks := s.src.Tokens
	// "threatened to shell Iraqi towns": a threat of force falls on the
	// country of the things it names, like the force itself
	things = things || strings.HasPrefix(m.pat.Code, "13")
	last := m.last
	if last < m.head+maxGap {
		last = m.head + maxGap
	}
	for k := m.head + 1; k <= last && k < end; k++ {
		// the pattern's own words do not block ("threatened to shell")
		if k > m.head+1 && k-1 >= m.last && blocksGap(toks[k-1]) {
			break
		}
		np := an.NPAt(k)
		if np < 0 || an.NPs[np].Start != k || an.NPs[np].Actor >= 0 {
			continue
		}
		// "lifted the ban on Cypriot ships": what an action falls on stands
		// for its country
		if es := st.owner(s, np, thingOwnerPrep(an.NPs[np].Prep) || things && (an.NPs[np].Prep == "" || an.NPs[np].Prep == "at")); len(es) > 0 {
			return es
		}
		k = an.NPs[np].End - 1
	}
	return nil
}

// thingOwnerPrep: a preposition after which a thing named with a country
// adjective stands for that country ("tariffs on Chinese goods",
// "restrictions against German steel").
func thingOwnerPrep(prep string) bool { return prep == "on" || prep == "against" }

// placeIsTarget: for force and for aid, where it happens is whom it is
// aimed at ("shelled targets in Lebanon", "delivered aid in Haiti").
func placeIsTarget(quad int, typ string) bool { return quad == 4 || typ == "AID" }

// complaintTarget: "complained to the United Nations over two Israeli air
// raids" is aimed at whoever raided, not at the addressee. It returns the
// author of an event or proposal noun in an "over/about/against" phrase of
// the clause after the head.
func (st *docState) complaintTarget(s *sentence, m match, end int) []dyad.Entity {
	an := s.an
	for k := m.head + 1; k < end; k++ {
		np := an.NPAt(k)
		if np < 0 || an.NPs[np].Start != k {
			continue
		}
		if complaintWord(s.src.Tokens, an.NPs[np].Start-1) {
			// "against Turkey's decision": the thing its possessor owns
			target := np
			if an.NPs[np].Possessor {
				target = possessedNP(an, np, end)
			}
			if es := st.owner(s, target, false); len(es) > 0 {
				return es
			}
		}
		k = an.NPs[np].End - 1
	}
	return nil
}

// complaintWord reports whether token i introduces what a complaint is
// about: "over", "about", "against" (the preposition itself: "over three
// raids" is no quantity here), or the word "protest" with or without "of"
// or "at" ("to protest Assad's failure", "in protest of the decision").
func complaintWord(toks []text.Token, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	switch low := strings.ToLower(toks[i].Text); low {
	case "over", "about", "against":
		return true
	case "of", "at":
		return i > 0 && toks[i-1].Lemma == "protest"
	}
	return toks[i].Lemma == "protest"
}

// possessedNP returns the noun phrase that possessor phrase np qualifies
// ("Turkey's [latest] decision"), or -1.
func possessedNP(an *grammar.Analysis, np, end int) int {
	for k := an.NPs[np].End; k < end && k <= an.NPs[np].End+3; k++ {
		if q := an.NPAt(k); q >= 0 && q != np && an.NPs[q].Start == k {
			return q
		}
	}
	return -1
}

// complementSubject returns who a demand is put to when it names them as
// the subject of its complement: "demanded (Friday) that the US cancel",
// "is pushing hard for the US (to) support".
func (st *docState) complementSubject(s *sentence, head int) []dyad.Entity {
	an := s.an
	toks := s.src.Tokens
	// skip adverbs and a time phrase ("demanded Friday that", "called
	// again on Tuesday for")
	k := st.skipTime(s, head+1)
	// "reiterated its demand (today) that Israel ease ...": the demand noun
	// the verb takes stands between it and the clause
	np := an.NPAt(k)
	if np >= 0 && an.NPs[np].Start == k && an.NPs[np].Pronoun != 0 && an.NPs[np].Possessor {
		np = -1
		if e := an.NPs[an.NPAt(k)].End; e < len(toks) {
			np = an.NPAt(e) // "its demand"
		}
	}
	if np >= 0 && an.NPs[np].Actor < 0 && an.NPs[np].Pronoun == 0 &&
		st.c.words.Is(toks[an.NPs[np].End-1].Lemma, grammar.Demand|grammar.Proposal) {
		k = st.skipTime(s, an.NPs[np].End)
	}
	if k+1 >= len(toks) {
		return nil
	}
	low := strings.ToLower(toks[k].Text)
	if low != "that" && low != "for" {
		return nil
	}
	np = an.NPAt(k + 1)
	if np < 0 || an.NPs[np].Start != k+1 || an.NPs[np].Actor < 0 {
		return nil
	}
	if low == "for" {
		// "for the US to support" or "for the US support": a clause, not
		// "called for Iran's help"
		after := an.NPs[np].End
		if after >= len(toks) || !(toks[after].Tag == "TO" || strings.HasPrefix(toks[after].Tag, "VB") || toks[after].Tag == "NN" && toks[after].Text == toks[after].Lemma && after+1 < len(toks) && (toks[after+1].Tag == "PRP$" || toks[after+1].Tag == "DT")) {
			return nil
		}
	}
	var out []dyad.Entity
	for _, c := range an.Conjuncts(np) {
		out = append(out, st.npEntities(s, c, nil)...)
	}
	return out
}

// skipTime returns the first token from k on that is not an adverb or
// part of a time phrase ("hard", "on Friday", "today", "again").
func (st *docState) skipTime(s *sentence, k int) int {
	toks := s.src.Tokens
	for k < len(toks) {
		t := toks[k]
		low := strings.ToLower(t.Text)
		switch {
		case strings.HasPrefix(t.Tag, "RB") || st.c.words.Is(low, grammar.Time) || isWeekday(t.Text):
			k++
			continue
		case (low == "on" || low == "this" || low == "last" || low == "next") && k+1 < len(toks) &&
			(isWeekday(toks[k+1].Text) || st.c.words.Is(strings.ToLower(toks[k+1].Text), grammar.Time)):
			k++
			continue
		}
		return k
	}
	return k
}

func isWeekday(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}

// governedRecipient finds the recipient through the verbs the head governs
// ("threatened to cut off electricity to Nakhichevan", "offered to hand
// over to Great Britain", "agreed to lift embargoes on Iran, Libya and
// Sudan"): the slot of a pattern of the governed verb, else the first
// actor after it in the clause, with those coordinated with it.
func (st *docState) governedRecipient(s *sentence, pi int, m match, actor []dyad.Entity, placeIsTarget bool) []dyad.Entity {
	an := s.an
	toks := s.src.Tokens
	var governed []int
	for _, h := range an.Preds[pi].Heads {
		if h > m.head {
			governed = append(governed, h)
		}
	}
	// "threatened today to impose": an infinitive right after the group
	for q := pi + 1; q < len(an.Preds) && len(governed) == 0; q++ {
		p := an.Preds[q]
		if p.Kind != grammar.Infinitive || an.Preds[q].Clause != an.Preds[pi].Clause || len(p.Heads) == 0 {
			break
		}
		if st.skipTime(s, an.Preds[pi].End) < p.Start {
			break
		}
		governed = append(governed, p.Heads...)
	}
	end := an.ClauseEnd(pi)
	for _, g := range governed {
		if gm, ok := st.matchAt(s, g, end); ok && gm.slot >= 0 {
			var out []dyad.Entity
			for _, c := range listMembers(an, gm.slot) {
				out = append(out, st.npEntities(s, c, actor)...)
			}
			if out = withoutSelf(out, actor); len(out) > 0 {
				return out
			}
			if es := withoutSelf(st.owner(s, gm.slot, true), actor); len(es) > 0 && thingOwnerPrep(an.NPs[gm.slot].Prep) {
				return es
			}
		}
		for k := g + 1; k < end; k++ {
			// the governed verb's own words end at a comma or another verb
			// ("agreed to resign without returning to Kyrgyzstan")
			if k > g+1 && (toks[k-1].Text == "," || strings.HasPrefix(toks[k].Tag, "VB") || toks[k].Tag == "MD") {
				break
			}
			np := an.NPAt(k)
			if np < 0 || an.NPs[np].Start != k {
				continue
			}
			n := an.NPs[np]
			k = n.End - 1
			switch n.Prep {
			case "in", "inside", "near", "outside", "across", "throughout", "during", "at", "since", "until", "after", "before":
				if !placeIsTarget || n.Prep != "in" {
					continue
				}
			}
			if n.Actor < 0 {
				// "restrictions against German goods"
				if thingOwnerPrep(n.Prep) {
					if es := withoutSelf(st.owner(s, np, true), actor); len(es) > 0 {
						return es
					}
				}
				continue
			}
			if n.Prep == "" && !placeIsTarget && s.mentions[n.Actor].Kind == kb.Generic {
				continue // "agreed to set up a company": what is made, not whom it is for
			}
			var out []dyad.Entity
			for _, c := range listMembers(an, np) {
				out = append(out, st.npEntities(s, c, actor)...)
			}
			if out = withoutSelf(out, actor); len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// attributiveNames gives a bare country name coordinated with an adjective
// phrase the sector of that phrase's noun: in "US and Iraqi troops" the US
// are troops too, not the US government. cs are the subject's conjuncts and
// es the entities they gave, one each or more.
func (st *docState) attributiveNames(s *sentence, cs []int, es []dyad.Entity) []dyad.Entity {
	an := s.an
	toks := s.src.Tokens
	if len(cs) < 2 || len(es) < 2 {
		return es
	}
	last := an.NPs[cs[len(cs)-1]]
	if last.Actor < 0 || toks[last.Start].Tag != "JJ" && toks[last.Start].Tag != "NNP" {
		return es
	}
	lm := s.mentions[last.Actor]
	if lm.Kind != kb.Country || lm.Sector == "" || lm.Sector == "GOV" || last.End-last.Start < 2 {
		return es
	}
	out := append([]dyad.Entity{}, es...)
	for i := range out {
		e := &out[i]
		if e.Sector != "GOV" || e.Code == lm.Code {
			continue
		}
		// a bare name: "US", "the US", written right before "and" or ","
		np := entityNP(s, *e)
		if np < 0 || an.NPs[np].Actor < 0 || s.mentions[an.NPs[np].Actor].Kind != kb.Country {
			continue
		}
		n := an.NPs[np]
		if n.End >= len(toks) || !(toks[n.End].Text == "," || strings.EqualFold(toks[n.End].Text, "and")) {
			continue
		}
		bare := true
		for k := n.Start; k < n.End-1; k++ {
			bare = bare && toks[k].Tag == "DT"
		}
		if bare {
			e.Sector, e.CAMEO = lm.Sector, kb.CAMEOCode(e.Code, lm.Sector)
		}
	}
	return out
}

// coordinatedAdjectives adds the countries of adjectives coordinated before
// an actor named with an adjective: "Senior Hungarian and Romanian
// officials" are Hungary's officials too.
func (st *docState) coordinatedAdjectives(s *sentence, np int, es []dyad.Entity) []dyad.Entity {
	an := s.an
	if np < 0 || an.NPs[np].Actor < 0 || len(es) != 1 {
		return es
	}
	toks := s.src.Tokens
	n := an.NPs[np]
	m := s.mentions[n.Actor]
	if m.Kind != kb.Country {
		return es
	}
	// only when the mention begins with an adjective, like its partners
	if t := toks[n.Start]; t.Tag != "JJ" && t.Tag != "NNP" && t.Tag != "NNPS" {
		return es
	}
	out := es
	for k := n.Start - 1; k >= 1; k -= 2 {
		sep := toks[k]
		if !(sep.Tag == "CC" && strings.EqualFold(sep.Text, "and")) && !(sep.Text == "," && len(out) > 1) {
			break
		}
		e, ok := st.adjectiveCountry(s, k-1)
		if !ok || e.Code == es[0].Code {
			break
		}
		e.Sector, e.CAMEO = es[0].Sector, kb.CAMEOCode(e.Code, es[0].Sector)
		out = append([]dyad.Entity{e}, out...)
	}
	return out
}
