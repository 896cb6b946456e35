package coder

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/grammar"
	"github.com/dyad-events/dyad/kb"
)

// visits codes visits that a noun reports with its visitor: "during a state
// visit by Chinese President Xi Jinping", "Modi's visit to Moscow". The
// visitor is named by "by X" or a possessive; the host by "to Y", else a
// other country the sentence names ("Serbia and China signed agreements
// during a state visit by Xi").
// Nouns come from data/grammar/nominal.tsv (event nouns with a visit code,
// CAMEO 042/043).
func (st *docState) visits(s *sentence, coded []dyad.Event) []dyad.Event {
	an := s.an
	toks := s.src.Tokens
	var out []dyad.Event
	for np := range an.NPs {
		noun, ok := st.nounOf(s, np)
		if !ok || !strings.HasPrefix(noun.code, "042") && !strings.HasPrefix(noun.code, "043") {
			continue
		}
		n := an.NPs[np]
		// A visit is reported as happening "during/on/after a visit by X"
		// or as a subject ("X's visit to Moscow drew criticism"); as an
		// object it is planned, cancelled or postponed, which the verb's
		// own pattern codes.
		switch strings.ToLower(n.Prep) {
		case "during", "on", "after", "at", "in", "amid":
		case "":
			if !an.IsSubject(np) {
				continue
			}
		default:
			continue
		}
		if st.plannedVisit(s, np) {
			continue
		}
		var actor []dyad.Entity
		next := n.End
		if next+1 < len(toks) && strings.EqualFold(toks[next].Text, "by") {
			if by := an.NPAt(next + 1); by >= 0 && an.NPs[by].Actor >= 0 {
				actor = st.npEntities(s, by, nil)
				next = an.NPs[by].End
			}
		} else if n.Start >= 2 && toks[n.Start-1].Tag == "POS" {
			if own := an.NPAt(n.Start - 2); own >= 0 && an.NPs[own].Actor >= 0 {
				actor = st.npEntities(s, own, nil)
			}
		}
		if len(actor) == 0 || actor[0].Code == "" {
			continue
		}
		var host []dyad.Entity
		if next+1 < len(toks) && strings.EqualFold(toks[next].Text, "to") {
			if to := an.NPAt(next + 1); to >= 0 && an.NPs[to].Actor >= 0 {
				host = st.npEntities(s, to, actor)
			}
		}
		if len(host) == 0 {
			// "Serbia and China signed 28 agreements during a state visit
			// by Xi": the other country the sentence names hosts
			for _, m := range s.mentions {
				if m.Code != "" && m.Code != actor[0].Code && (m.Kind == kb.Country || m.Kind == kb.Person) {
					host = []dyad.Entity{m.Entity}
					break
				}
			}
		}
		host = withoutSelf(host, actor)
		if len(host) == 0 || host[0].Code == actor[0].Code {
			continue
		}
		info, ok := st.c.onto.Lookup(noun.code)
		if !ok || info.Type == "" {
			continue
		}
		dup := false
		for _, e := range coded {
			if e.Type == info.Type && sameActors(e.Actor, actor) && len(e.Recipient) > 0 && e.Recipient[0].Code == host[0].Code {
				dup = true
			}
		}
		if dup {
			continue
		}
		aux := dyad.AuxFact
		if s.historical {
			aux = dyad.AuxHistorical
		}
		start, end := toks[n.Start].Start, toks[n.End-1].End
		out = append(out, dyad.Event{
			Doc: st.doc.ID, Date: st.doc.Date.Format(dyad.DateLayout), DocDate: st.doc.Date.Format(dyad.DateLayout),
			Actor: actor, Recipient: host, Type: info.Type, Mode: "visit", Context: append([]string{}, info.Context...),
			CAMEO: info.Code, Goldstein: info.Goldstein, QuadCode: info.Quad, Aux: aux,
			EventText: st.doc.Body[start:end], EventStart: start, EventEnd: end,
			Text: s.src.Text(st.doc.Body), TextInfo: dyad.TextInfo{Sentence: s.src.Index, Start: s.src.Start, End: s.src.End},
		})
	}
	for i := range out {
		out[i].ID = fmt.Sprintf("%s:%d:v%d", st.doc.ID, s.src.Index, i)
	}
	return out
}

// plannedVisit reports whether the words before the noun say the visit has
// not happened yet ("a planned visit", "his upcoming trip"): the
// "adj-future" words of data/grammar/words.tsv and a few participles.
func (st *docState) plannedVisit(s *sentence, np int) bool {
	n := s.an.NPs[np]
	for k := n.Start; k < n.End-1; k++ {
		t := s.src.Tokens[k]
		if st.c.words.Is(strings.ToLower(t.Text), grammar.AdjFuture|grammar.Planned) {
			return true
		}
	}
	return false
}
