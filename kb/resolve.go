package kb

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// nearYears is how close to a person's terms a date must be for a bare,
// ambiguous alias to count as "known around the date".
const nearYears = 4

// maxNameWords bounds an unknown name after a title ("President Foo Bar").
const maxNameWords = 4

// Resolver finds actors in the sentences of one document, in order. It
// remembers the people named so far, so that a later surname resolves to
// them. A Resolver is not safe for concurrent use: make one per document.
type Resolver struct {
	kb   *KB
	date time.Time

	seen    map[int]int        // people index -> order of its latest mention
	unknown map[string]Mention // last word of an unknown titled name -> its mention
	order   int
	buf     []byte // scratch for matching
	last    Mention
	hasLast bool
}

// NewResolver returns a Resolver for a document published on date.
func (k *KB) NewResolver(date time.Time) *Resolver {
	return &Resolver{kb: k, date: date, seen: map[int]int{}, unknown: map[string]Mention{}}
}

// LastPerson returns the most recent person mention Find returned, for the
// coder's pronoun and "the president" resolution.
func (r *Resolver) LastPerson() (Mention, bool) { return r.last, r.hasLast }

// Find returns the actors inside body[span] in text order, without overlaps,
// with offsets into body. Call it on the sentences of a document in order.
func (r *Resolver) Find(body string, span dyad.Span) []Mention {
	if span.Start < 0 || span.End > len(body) || span.Start >= span.End {
		return nil
	}
	atoms := r.kb.scan(body[span.Start:span.End], span.Start, &r.buf)
	var out []Mention
	for i := 0; i < len(atoms); {
		m, next, ok := r.chain(body, span, atoms, i)
		if ok {
			out = append(out, m)
		}
		i = next
	}
	out = r.findUnknownSurnames(body, span, out)
	for _, m := range out {
		if m.Kind == Person && m.Name != "" {
			r.last, r.hasLast = m, true
		}
	}
	return out
}

// chainState collects one run of adjacent atoms that make one actor:
// [mods] [country or organisation ['s]] [sector words] [person name]
// or [sector words] of [the] country [person name].
type chainState struct {
	start, end int
	anchor     *atom        // country, metonym, demonym or organisation
	anchorT    target       // its meaning
	words      []sectorWord // sector words, in order
	wordSecs   []sectorRank // sectors in text order, the metonym's included
	person     *atom
	nameEnd    int // end of an unknown name after a title, or 0
}

type sectorRank struct {
	sector string
	weak   bool
}

// chain reads the actor that starts at atoms[i] and returns it, the index of
// the next unread atom, and whether the atoms make an actor.
func (r *Resolver) chain(body string, span dyad.Span, atoms []atom, i int) (Mention, int, bool) {
	var c chainState
	c.start = atoms[i].start
	pos := i
	possessive := false
	for ; pos < len(atoms); pos++ {
		a := &atoms[pos]
		if pos > i {
			gap := body[c.end:a.start]
			if !possessive && c.anchor != nil && c.person == nil && len(c.words) == 0 {
				if g, ok := cutPossessive(gap); ok {
					gap, possessive = g, true
				}
			}
			if !isSpaceGap(gap) {
				break
			}
		}
		if a.isSector() {
			if c.person != nil {
				break
			}
			w := r.kb.sectors[a.sector]
			c.words = append(c.words, w)
			if w.Sector != "" {
				c.wordSecs = append(c.wordSecs, sectorRank{w.Sector, w.Weak})
			}
			c.end = a.end
			continue
		}
		tg := primaryTarget(a.targets)
		if tg.kind == tPerson {
			if c.person != nil {
				break
			}
			c.person, c.end = a, a.end
			pos++
			break
		}
		// An anchor: only one, before any sector word but modifiers.
		if c.anchor != nil || c.person != nil || !allMods(c.words) {
			break
		}
		c.anchor, c.anchorT, c.end = a, tg, a.end
		if tg.kind == tMetonym {
			c.wordSecs = append(c.wordSecs, sectorRank{tg.sector, false})
		}
		if tg.kind == tDemonym {
			pos++
			break
		}
	}
	// "the foreign minister of Azerbaijan [Jeyhun Bayramov]"
	if c.anchor == nil && c.person == nil && len(c.words) > 0 && pos < len(atoms) {
		a := &atoms[pos]
		if tg := primaryTarget(a.targets); !a.isSector() && (tg.kind == tCountry || tg.kind == tOrg) && isOfGap(body[c.end:a.start]) {
			c.anchor, c.anchorT, c.end = a, tg, a.end
			pos++
			if pos < len(atoms) && !atoms[pos].isSector() && primaryTarget(atoms[pos].targets).kind == tPerson &&
				isSpaceGap(body[c.end:atoms[pos].start]) && lastIsTitle(c.words) {
				c.person, c.end = &atoms[pos], atoms[pos].end
				pos++
			}
		}
	}
	// "President Foo Bar": an unknown name after a title.
	if c.person == nil && lastIsTitle(c.words) && (c.anchor == nil || c.anchor.end < c.end) {
		limit := span.End
		if pos < len(atoms) {
			limit = atoms[pos].start
		}
		c.nameEnd = r.unknownName(body, c.end, limit)
		// "President Mahmud Abbas": a first name the KB does not list
		// before a known surname joins the known person.
		if c.nameEnd > 0 && pos < len(atoms) && !atoms[pos].isSector() &&
			primaryTarget(atoms[pos].targets).kind == tPerson && isSpaceGap(body[c.nameEnd:atoms[pos].start]) {
			c.person, c.end, c.nameEnd = &atoms[pos], atoms[pos].end, 0
			pos++
		}
	}
	if pos == i {
		pos = i + 1
	}
	c.start = extendThe(body, span.Start, c.start)
	m, ok := r.mention(body, &c)
	return m, pos, ok
}

// mention turns a chain into a Mention.
func (r *Resolver) mention(body string, c *chainState) (Mention, bool) {
	sector := chainSector(c.wordSecs)
	plural := len(c.words) > 0 && c.words[len(c.words)-1].Plural
	code, name := "", ""
	kind := Generic
	if c.anchor != nil {
		switch t := c.anchorT; t.kind {
		case tOrg:
			o := r.kb.orgs[t.idx]
			code, name, kind, sector = o.Code, o.Name, o.Kind, o.Sector
		default:
			ct := r.kb.countries[t.idx]
			code, name, kind = ct.Code, ct.Name, Country
			switch {
			case t.kind == tDemonym:
				sector, plural = "", true
			case sector == "" && t.kind == tAdj && !hasNounOrTitle(c.words):
				return Mention{}, false // "Russian gas": the adjective modifies a thing
			case sector == "":
				sector = "GOV" // a state named as an actor is its government
			}
		}
	}
	switch {
	case c.person != nil:
		kind = Person
		if p, ok := r.pickPerson(c.person.targets); ok {
			pp := &r.kb.people[p]
			name = pp.Name
			code, sector = pp.at(r.kb, r.date)
			r.order++
			r.seen[p] = r.order
		} else {
			name = "" // an ambiguous alias: keep only what the words around it say
		}
	case c.nameEnd > 0:
		kind = Person
		name = strings.TrimSpace(body[c.end:c.nameEnd])
		c.end = c.nameEnd
	case c.anchor == nil:
		if !hasNounOrTitle(c.words) || onlySingularTitles(c.words) {
			return Mention{}, false // "the president" is the coder's to resolve
		}
		if sector == "" {
			return Mention{}, false // "members", "spokesmen": nobody in particular
		}
	}
	m := Mention{Kind: kind, Plural: plural}
	m.Text, m.Start, m.End = body[c.start:c.end], c.start, c.end
	m.Name, m.Code, m.Sector = name, code, sector
	m.CAMEO = CAMEOCode(code, sector)
	if kind == Person && c.person == nil && name != "" {
		r.unknown[lastWord(name)] = m
	}
	return m, true
}

// pickPerson chooses among the people an alias names: a single candidate;
// else the only one named earlier in the document; else the one in office
// on the date (or, when none is, the one whose terms are nearest, within
// nearYears); else the most recently named; else none. List order never
// decides.
func (r *Resolver) pickPerson(tgs []target) (int, bool) {
	var cands []int
	for _, t := range tgs {
		if t.kind == tPerson {
			cands = append(cands, t.idx)
		}
	}
	if len(cands) == 1 {
		return cands[0], true
	}
	var seen []int
	for _, c := range cands {
		if _, ok := r.seen[c]; ok {
			seen = append(seen, c)
		}
	}
	if len(seen) == 1 {
		return seen[0], true
	}
	pool := cands
	if len(seen) > 1 {
		pool = seen
	}
	var active []int
	for _, c := range pool {
		if r.kb.people[c].active(r.date) {
			active = append(active, c)
		}
	}
	if len(active) == 0 {
		limit := time.Duration(nearYears) * 365 * 24 * time.Hour
		for _, c := range pool {
			if r.kb.people[c].nearness(r.date) <= limit {
				active = append(active, c)
			}
		}
	}
	if len(active) == 1 {
		return active[0], true
	}
	if len(active) > 1 {
		pool = active
	}
	best, bestOrder := -1, 0
	for _, c := range pool {
		if o, ok := r.seen[c]; ok && o > bestOrder {
			best, bestOrder = c, o
		}
	}
	return best, best >= 0
}

// unknownName returns the end of the capitalised words that follow a title
// at from ("President Foo Bar said"), or 0 when none do. The name stops
// before limit (the next dictionary atom) and at words that never start or
// continue a name.
func (r *Resolver) unknownName(body string, from, limit int) int {
	end, pos := 0, from
	for n := 0; n < maxNameWords; n++ {
		s := pos
		for s < limit {
			c, size := utf8.DecodeRuneInString(body[s:limit])
			if c != ' ' && c != '\u00a0' {
				break
			}
			s += size
		}
		if s == pos || s >= limit {
			break
		}
		first, _ := utf8.DecodeRuneInString(body[s:limit])
		if !unicode.IsUpper(first) {
			break
		}
		e := s
		for e < limit {
			c, size := utf8.DecodeRuneInString(body[e:limit])
			if !(isWordRune(c) || unicode.Is(unicode.Mn, c) || c == '-' || c == '.' || c == '\'' || c == '\u2019') {
				break
			}
			e += size
		}
		word := strings.TrimRight(body[s:e], ".'\u2019-")
		if word == "" || r.kb.notNames[word] {
			break
		}
		// A possessive ends the name: "President Foo's visit".
		if i := strings.IndexAny(word, "'\u2019"); i > 0 && (strings.HasSuffix(word, "'s") || strings.HasSuffix(word, "\u2019s")) {
			end = s + i
			break
		}
		// Keep an initial's dot ("George W. Bush") but not a sentence's.
		if strings.HasSuffix(body[s:e], ".") && utf8.RuneCountInString(word) > 1 {
			e = s + len(word)
		}
		end, pos = e, e
	}
	if end > 0 && end <= from {
		return 0
	}
	return end
}

// findUnknownSurnames adds, outside the found mentions, the later bare
// surnames of people an earlier title introduced ("Prime Minister Jane
// Doe ... Doe said").
func (r *Resolver) findUnknownSurnames(body string, span dyad.Span, found []Mention) []Mention {
	if len(r.unknown) == 0 {
		return found
	}
	text := body[span.Start:span.End]
	added := false
	for surname, tmpl := range r.unknown {
		for off := 0; ; {
			i := strings.Index(text[off:], surname)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(surname)
			off = e
			if !startsWord(text, s) || !endsWord(text, s, e) {
				continue
			}
			m := tmpl
			m.Start, m.End = span.Start+s, span.Start+e
			m.Text = body[m.Start:m.End]
			if overlapsAny(found, m) {
				continue
			}
			found = append(found, m)
			added = true
		}
	}
	if added {
		sort.Slice(found, func(i, j int) bool { return found[i].Start < found[j].Start })
	}
	return found
}

func overlapsAny(ms []Mention, m Mention) bool {
	for _, o := range ms {
		if o.Span().Overlaps(m.Span()) {
			return true
		}
	}
	return false
}

// primaryTarget picks the meaning a name has in a chain when it has several:
// countries and organisations before people (Check reports such clashes).
func primaryTarget(tgs []target) target {
	if len(tgs) == 0 {
		return target{kind: tSector}
	}
	best := tgs[0]
	for _, t := range tgs[1:] {
		if (best.kind == tPerson) && t.kind != tPerson {
			best = t
		}
	}
	return best
}

// chainSector is the first strong sector in text order, else the first
// weak one: "government troops" is MIL, "military officials" MIL, "former
// president" ELI, "Kremlin spokesman" GOV.
func chainSector(secs []sectorRank) string {
	weak := ""
	for _, s := range secs {
		if !s.weak {
			return s.sector
		}
		if weak == "" {
			weak = s.sector
		}
	}
	return weak
}

func allMods(ws []sectorWord) bool {
	for _, w := range ws {
		if w.Type != wordMod {
			return false
		}
	}
	return true
}

func hasNounOrTitle(ws []sectorWord) bool {
	for _, w := range ws {
		if w.Type != wordMod {
			return true
		}
	}
	return false
}

func lastIsTitle(ws []sectorWord) bool { return len(ws) > 0 && ws[len(ws)-1].Type == wordTitle }

// onlySingularTitles reports whether the head word is a singular title ("the
// president", "the former prime minister").
func onlySingularTitles(ws []sectorWord) bool {
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	return last.Type == wordTitle && !last.Plural
}

// cutPossessive strips "'s", "’s", "'" or "’" from the start of a gap.
func cutPossessive(gap string) (string, bool) {
	for _, p := range []string{"'s", "\u2019s", "'", "\u2019"} {
		if rest, ok := strings.CutPrefix(gap, p); ok {
			return rest, true
		}
	}
	return gap, false
}

// isSpaceGap reports whether two atoms are separated by white space only,
// within one paragraph.
func isSpaceGap(gap string) bool {
	if gap == "" || strings.Contains(gap, "\n\n") {
		return false
	}
	for _, c := range gap {
		if !unicode.IsSpace(c) {
			return false
		}
	}
	return true
}

// isOfGap reports whether a gap is " of " or " of the ".
func isOfGap(gap string) bool {
	f := strings.Fields(gap)
	return (len(f) == 1 && f[0] == "of") || (len(f) == 2 && f[0] == "of" && f[1] == "the")
}

// extendThe moves start back over a preceding "the " or "The ", when it lies
// inside the sentence.
func extendThe(body string, min, start int) int {
	for _, the := range []string{"the ", "The "} {
		s := start - len(the)
		if s >= min && body[s:start] == the && (s == min || !isWordRune(lastRune(body[:s]))) {
			return s
		}
	}
	return start
}

func lastWord(name string) string {
	f := strings.Fields(name)
	return f[len(f)-1]
}
