package coder

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/grammar"
)

// speaker returns whose words quotation qi are, or nil when no one can be
// named. It looks, in order, for an attribution after the closing mark
// ("...," Aliyev said / said Aliyev), one before the opening mark (Aliyev
// said: "..."), and else takes the quotation's author to be the last actor
// who did something before it: a letter or statement ("the letter read")
// speaks for whoever sent it.
func (st *docState) speaker(qi int) *dyad.Entity {
	if sp, ok := st.speakers[qi]; ok {
		return sp
	}
	st.speakers[qi] = nil // guards against recursion through pronouns
	q := st.td.Quotes[qi]
	var sp *dyad.Entity
	if q.Close.End > q.Close.Start {
		sp = st.attribution(qi, q.Close.End, true)
	}
	if sp == nil {
		sp = st.attribution(qi, q.Open.Start, false)
	}
	if sp == nil {
		if e, ok := st.lastSubject(q.Open.Start); ok {
			sp = &e
		}
	}
	st.speakers[qi] = sp
	return sp
}

// attribution looks for a verb of saying right after (after=true) or right
// before a quotation mark at byte offset off, in the sentence holding it,
// and returns its subject when that is an actor. A speaking text ("the
// letter read") gives the author instead.
func (st *docState) attribution(qi, off int, after bool) *dyad.Entity {
	for _, s := range st.sents {
		if off < s.src.Start || off > s.src.End {
			continue
		}
		an := s.an
		toks := s.src.Tokens
		// "..., according to the foreign ministry."
		for k := 0; after && k+2 < len(toks); k++ {
			if toks[k].Start >= off && strings.EqualFold(toks[k].Text, "according") && strings.EqualFold(toks[k+1].Text, "to") {
				if np := an.NPAt(k + 2); np >= 0 {
					if es := st.npEntities(s, np, nil); len(es) > 0 {
						return &es[0]
					}
				}
			}
		}
		for pi, p := range an.Preds {
			if !p.Report {
				continue
			}
			pos := toks[p.Start].Start
			if after && pos < off || !after && pos > off {
				continue
			}
			// "said Aliyev": subject after the verb
			subj := p.Subject
			if after && (subj < 0 || an.NPs[subj].Start < p.Start && toks[an.NPs[subj].Start].Start < off) {
				subj = -1
				if p.End < len(toks) {
					subj = an.NPAt(p.End)
				}
			}
			if subj < 0 {
				continue
			}
			if es := st.npEntities(s, subj, nil); len(es) > 0 {
				e := es[0]
				return &e
			}
			if st.isDocNoun(s, subj) {
				if e, ok := st.lastSubject(st.td.Quotes[qi].Open.Start); ok {
					return &e
				}
			}
			_ = pi
		}
	}
	return nil
}

func (st *docState) isDocNoun(s *sentence, np int) bool {
	n := s.an.NPs[np]
	head := s.src.Tokens[n.End-1]
	return st.c.words.Is(head.Lemma, grammar.DocNoun) || st.c.words.Is(strings.ToLower(head.Text), grammar.DocNoun)
}

// lastSubject returns the last actor that was the subject of a verb before
// byte offset off, outside quotations and relative clauses (in "Aliyev did
// not congratulate Sandu, who won", Aliyev is the one acting).
func (st *docState) lastSubject(off int) (dyad.Entity, bool) {
	for si := len(st.sents) - 1; si >= 0; si-- {
		s := st.sents[si]
		if s.src.Start >= off {
			continue
		}
		an := s.an
		for pi := len(an.Preds) - 1; pi >= 0; pi-- {
			p := an.Preds[pi]
			if p.Subject < 0 || p.Passive || an.Clauses[p.Clause].Kind == grammar.RelativeClause {
				continue
			}
			np := an.NPs[p.Subject]
			if np.Actor < 0 {
				continue
			}
			tok := s.src.Tokens[np.Start]
			if tok.Start >= off {
				continue
			}
			if _, inQuote := st.quoteIndex(tok.Start); inQuote {
				continue
			}
			return s.mentions[np.Actor].Entity, true
		}
	}
	return dyad.Entity{}, false
}

// addressee returns whom quotation qi speaks to ("you"): the recipient of the
// speaker's last event before the quotation, or of the last event at all.
func (st *docState) addressee(qi int) *dyad.Entity {
	q := st.td.Quotes[qi]
	sp := st.speaker(qi)
	var fallback *dyad.Entity
	for i := len(st.events) - 1; i >= 0; i-- {
		ev := st.events[i]
		if ev.TextInfo.Start >= q.Open.Start || len(ev.Recipient) == 0 {
			continue
		}
		if sp != nil && len(ev.Actor) > 0 && ev.Actor[0].Name == sp.Name {
			r := ev.Recipient[0]
			return &r
		}
		if fallback == nil {
			r := ev.Recipient[0]
			fallback = &r
		}
	}
	return fallback
}

// sentenceContexts returns the PLOVER contexts that words of the sentence
// suggest ("election").
func (c *Coder) sentenceContexts(s *sentence) []string {
	var out []string
	for _, t := range s.src.Tokens {
		if x, ok := c.contexts[t.Lemma]; ok {
			out = addContext(out, x)
		}
	}
	return out
}

func loadPairs(fsys fs.FS, path string) (map[string]string, error) {
	rows, err := readFields(fsys, path, 2, "two fields")
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, f := range rows {
		m[f[0]] = f[1]
	}
	return m, nil
}

// readFields reads a data file of white-space separated fields, n per line,
// with "#" comments and blank lines; want names the layout for errors.
func readFields(fsys fs.FS, path string, n int, want string) ([][]string, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		if len(fields) != n {
			return nil, fmt.Errorf("%s:%d: want %s, got %d fields", path, line, want, len(fields))
		}
		rows = append(rows, fields)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
}
