package coder

import (
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
)

// Explain writes, for each sentence of d, what every stage saw: tagged
// tokens, actors, verb groups with their subject, modality and the verb
// pattern that matched, and the events coded. It is for people growing the
// dictionaries ("why was this sentence not coded?").
func (c *Coder) Explain(d dyad.Document, w io.Writer) error {
	if off, rule := c.discards.Document(lead(d.Body)); off {
		fmt.Fprintf(w, "document discarded by %s\n", rule)
		return nil
	}
	st := c.readDocument(d)
	td, sents := st.td, st.sents
	for qi, q := range td.Quotes {
		sp := "?"
		if e := st.speaker(qi); e != nil {
			sp = e.Name + " (" + e.CAMEO + ")"
		}
		fmt.Fprintf(w, "quote %d [%d,%d) speaker %s\n", qi, q.Start, q.End, sp)
	}
	for _, s := range sents {
		fmt.Fprintf(w, "\n#%d %s\n", s.src.Index, s.src.Text(d.Body))
		var b strings.Builder
		for _, t := range s.src.Tokens {
			fmt.Fprintf(&b, "%s/%s/%s ", t.Text, t.Tag, t.Lemma)
		}
		fmt.Fprintf(w, "  tokens: %s\n", b.String())
		if s.discarded != "" {
			fmt.Fprintf(w, "  discarded by %s\n", s.discarded)
		}
		for _, f := range s.dates {
			fmt.Fprintf(w, "  date: %q -> %s\n", s.src.Text(d.Body)[f.Span.Start:f.Span.End], f.Date)
		}
		if s.historical {
			fmt.Fprintln(w, "  historical background")
		}
		for _, m := range s.mentions {
			fmt.Fprintf(w, "  actor: %q -> %s %s %s (%s)\n", m.Text, m.Name, m.Code, m.Sector, m.Kind)
		}
		an := s.an
		var nps []string
		for _, n := range an.NPs {
			words := make([]string, 0, n.End-n.Start)
			for k := n.Start; k < n.End; k++ {
				words = append(words, s.src.Tokens[k].Text)
			}
			np := "[" + strings.Join(words, " ") + "]"
			if n.Prep != "" {
				np = n.Prep + " " + np
			}
			if n.Actor >= 0 {
				np += "*"
			}
			if n.Possessor {
				np += "'s"
			}
			nps = append(nps, np)
		}
		fmt.Fprintf(w, "  phrases: %s\n", strings.Join(nps, " "))
		for pi, p := range an.Preds {
			words := make([]string, 0, p.End-p.Start)
			for k := p.Start; k < p.End; k++ {
				words = append(words, s.src.Tokens[k].Text)
			}
			subj := "-"
			if p.Subject >= 0 {
				np := an.NPs[p.Subject]
				subj = s.src.Tokens[np.Start].Text
				if np.End-np.Start > 1 {
					subj += "…" + s.src.Tokens[np.End-1].Text
				}
			}
			kind := [...]string{"finite", "infinitive", "participle", "gerund"}[p.Kind]
			fmt.Fprintf(w, "  verb %q kind=%s clause=%d passive=%v report=%v subject=%s", strings.Join(words, " "), kind, p.Clause, p.Passive, p.Report, subj)
			for _, h := range p.Heads {
				neg, aux := an.Modality(pi, h)
				m, ok := st.matchAt(s, h, patternEnd(s, an.ClauseEnd(pi)))
				pat := "no pattern"
				if ok {
					pat = fmt.Sprintf("%s %s (%s)", m.pat.Code, m.pat.String(), m.pat.Where())
				}
				fmt.Fprintf(w, " | head %s neg=%v aux=%q: %s", s.src.Tokens[h].Lemma, neg, aux, pat)
			}
			fmt.Fprintln(w)
		}
		for _, ev := range st.code(s) {
			fmt.Fprintf(w, "  EVENT %s %s %s -> %s neg=%v aux=%q %q\n", ev.Type, ev.CAMEO, names(ev.Actor), names(ev.Recipient), ev.Negated, ev.Aux, ev.EventText)
		}
	}
	return nil
}

func names(es []dyad.Entity) string {
	if len(es) == 0 {
		return "-"
	}
	var out []string
	for _, e := range es {
		n := e.Name
		if n == "" {
			n = e.Text
		}
		out = append(out, fmt.Sprintf("%s[%s %s]", n, e.Code, e.Sector))
	}
	return strings.Join(out, "+")
}
