package kb

import (
	"slices"
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

// A description set off by commas after a name ("Foo Bar, an aide to
// Azerbaijan's president,") has at most maxDescriptionLead words before the
// country it names and maxDescriptionTail after it; longer ones are clauses.
const (
	maxDescriptionLead = 4
	maxDescriptionTail = 6
)

// relativeWords open a relative clause, not a description: "Foo Bar, who
// met Russia's president," says nothing of Foo Bar's country. They are
// closed-class grammar words, not knowledge.
var relativeWords = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "that": true, "where": true, "when": true}

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

	// history holds the mentions found so far (the last maxHistory), for
	// Antecedent and "the two leaders"; place is the country or
	// organisation named last; titled are the people named so far with
	// their titles, for "the president".
	history []Mention
	places  []place // countries and organisations named, most recent last
	titled  []titledPerson
	pending []Mention // mentions of the sentence Find is reading
}

// maxHistory bounds the mentions a Resolver remembers.
const maxHistory = 256

// maxPlaces bounds the countries and organisations a Resolver remembers for
// "the president".
const maxPlaces = 8

type place struct {
	code  string
	order int
}

type titledPerson struct {
	m      Mention
	titles []string
	person int // people index, or -1
	order  int
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
		r.pending = out
		m, next, ok := r.chain(body, span, atoms, i)
		if ok {
			r.notePlace(m)
			out = append(out, m)
		}
		i = next
	}
	out = r.findUnknownSurnames(body, span, out)
	r.pending = nil
	out = r.appositives(body, span, out)
	for _, m := range out {
		r.remember(m)
	}
	return out
}

// notePlace remembers the country or organisation named last, as soon as
// it is read, for "the president" later in the same sentence.
func (r *Resolver) notePlace(m Mention) {
	// A place ("Gaza") is not the country "the president" then belongs to.
	if (m.Kind == Country || m.Kind == Organisation) && m.Code != "" && !m.Plural && !m.Place {
		r.order++
		r.places = slices.DeleteFunc(r.places, func(p place) bool { return p.code == m.Code })
		r.places = append(r.places, place{m.Code, r.order})
		if len(r.places) > maxPlaces {
			r.places = r.places[1:]
		}
	}
}

// remember records a mention for later references in the document.
func (r *Resolver) remember(m Mention) {
	r.order++
	if m.Kind == Person && m.Name != "" && len(m.Members) == 0 {
		r.last, r.hasLast = m, true
		r.titled = bounded(append(r.titled, titledPerson{m: m, titles: m.titles, person: m.person - 1, order: r.order}))
	}
	r.history = bounded(append(r.history, m))
}

// bounded keeps the last maxHistory items of a slice, moving them to its
// front only when it has grown to twice that, so remembering stays cheap.
func bounded[T any](s []T) []T {
	if len(s) < 2*maxHistory {
		return s
	}
	n := copy(s, s[len(s)-maxHistory:])
	return s[:n]
}

// Antecedent returns the last mention, ending at or before body offset
// before, that a pronoun can refer to: a named person for "he", "she",
// "him", "her", "his", "hers"; a plural mention, country, organisation or
// group for "they", "them", "their"; a country, organisation or group for
// "it" and "its". It only sees mentions Find has returned.
func (r *Resolver) Antecedent(pronoun string, before int) (Mention, bool) {
	var fits func(m Mention) bool
	switch strings.ToLower(pronoun) {
	case "he", "she", "him", "her", "his", "hers", "himself", "herself":
		fits = func(m Mention) bool { return m.Kind == Person && m.Name != "" && !m.Plural }
	case "they", "them", "their", "theirs", "themselves":
		fits = func(m Mention) bool {
			return m.Plural || m.Kind == Country || m.Kind == Organisation || m.Kind == Group
		}
	case "it", "its", "itself":
		fits = func(m Mention) bool {
			return !m.Plural && (m.Kind == Country || m.Kind == Organisation || m.Kind == Group)
		}
	default:
		return Mention{}, false
	}
	for i := len(r.history) - 1; i >= 0; i-- {
		if m := r.history[i]; m.End <= before && fits(m) {
			return m, true
		}
	}
	return Mention{}, false
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
	nameEnd    int  // end of an unknown name after a title, or 0
	nameStart  int  // start of the person's name when unknown first names precede it, else 0
	possessive bool // "Russia's foreign minister"
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
			if !isSpaceGap(gap) && !(c.anchor != nil && len(c.words) == 0 && c.person == nil && a.isSector() && isLedGap(gap)) {
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
		if personLike(tg.kind) {
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
			c.wordSecs = append(c.wordSecs, sectorRank{tg.sector, true}) // "Moscow police" are police
		}
		if tg.kind == tDemonym {
			pos++
			break
		}
	}
	// "the foreign minister of Azerbaijan [Jeyhun Bayramov]"
	if c.anchor == nil && c.person == nil && len(c.words) > 0 && pos < len(atoms) {
		a := &atoms[pos]
		// "opponents of the Maldives government": a country that modifies
		// a sector word after it starts an actor of its own
		modifies := false
		if pos+1 < len(atoms) && atoms[pos+1].isSector() {
			gap, _ := cutPossessive(body[a.end:atoms[pos+1].start]) // "opponents of Rwanda's Senate"
			modifies = isSpaceGap(gap)
		}
		if tg := primaryTarget(a.targets); !a.isSector() && !modifies && (tg.kind == tCountry || tg.kind == tOrg || tg.kind == tPlace) && isOfGap(body[c.end:a.start]) {
			c.anchor, c.anchorT, c.end = a, tg, a.end
			pos++
			if pos < len(atoms) && !atoms[pos].isSector() && personLike(primaryTarget(atoms[pos].targets).kind) &&
				isSpaceGap(body[c.end:atoms[pos].start]) && lastIsTitle(c.words) {
				c.person, c.end = &atoms[pos], atoms[pos].end
				pos++
			}
		}
	}
	// "President Foo Bar": an unknown name after a title.
	if c.person == nil && lastTakesName(c.words) && (c.anchor == nil || c.anchor.end < c.end) {
		limit := span.End
		if pos < len(atoms) {
			limit = atoms[pos].start
		}
		c.nameEnd = r.unknownName(body, c.end, limit)
		// "Defence Secretary Tom King": a capitalised title word right
		// after a name's first word is its surname, not a new title.
		for c.nameEnd > 0 && pos < len(atoms) && atoms[pos].isSector() && atoms[pos].start > c.nameEnd &&
			isSpaceGap(body[c.nameEnd:atoms[pos].start]) && isUpperStart(body[atoms[pos].start:atoms[pos].end]) &&
			!strings.Contains(body[atoms[pos].start:atoms[pos].end], " ") {
			c.nameEnd = atoms[pos].end
			pos++
			limit = span.End
			if pos < len(atoms) {
				limit = atoms[pos].start
			}
			if e := r.unknownName(body, c.nameEnd, limit); e > 0 {
				c.nameEnd = e
			}
		}
		// "President Mahmud Abbas": a first name the KB does not list
		// before a known surname joins the known person.
		if c.nameEnd > 0 && pos < len(atoms) && !atoms[pos].isSector() &&
			personLike(primaryTarget(atoms[pos].targets).kind) && isSpaceGap(body[c.nameEnd:atoms[pos].start]) {
			c.nameStart = c.end
			c.person, c.end, c.nameEnd = &atoms[pos], atoms[pos].end, 0
			pos++
		}
	}
	if pos == i {
		pos = i + 1
	}
	c.start = extendThe(body, span.Start, c.start)
	c.possessive = possessive
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
			case t.kind == tPlace:
				// "Kherson" is Ukraine with no sector; "Gaza residents"
				// takes the sector of its words.
			case t.kind == tDemonym:
				sector, plural = "", true
			case sector == "" && t.kind == tAdj && !hasNounOrTitle(c.words) && c.person == nil:
				return Mention{}, false // "Russian gas": the adjective modifies a thing
			case sector == "":
				sector = "GOV" // a state named as an actor is its government
			}
		}
	}
	var members []dyad.Entity
	fromTitle := false
	switch {
	case c.person != nil && primaryTarget(c.person.targets).kind == tPetrarch:
		kind = Person
		a := &r.kb.petrarch[primaryTarget(c.person.targets).idx]
		name = a.Name
		pc := a.codeAt(r.date)
		code, sector = petrarchEntity(pc)
		m := Mention{Kind: r.kb.petrarchKind(pc)}
		m.Text, m.Start, m.End = body[c.start:c.end], c.start, c.end
		m.Name, m.Code, m.Sector, m.CAMEO = name, code, sector, pc
		return m, true
	case c.person != nil:
		kind = Person
		tgs := c.person.targets
		if c.anchor != nil && code != "" {
			tgs = r.kb.servingIn(tgs, code)
		}
		if len(tgs) == 0 {
			// "Pakistan President Mohammad Zia": the country named before
			// the title wins over a namesake who served another country;
			// the name is one the KB does not know.
			from := c.person.start
			if c.nameStart > 0 {
				from = c.nameStart
			}
			name = strings.TrimSpace(body[from:c.person.end])
			if sector == "" {
				sector = "GOV"
			}
		} else if p, ok := r.pickPerson(tgs); ok {
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
	case c.anchor != nil && onlySingularTitles(c.words) && c.anchorT.kind != tDemonym && c.anchorT.kind != tPlace:
		// "Russia's foreign minister", "the Moldovan president": the holder
		// of that office on the date, when the phrase is definite. A
		// place's title ("Kharkiv's governor") names no national office
		// holder: it stays the country with the title's sector.
		fromTitle = true
		if c.possessive || startsWithThe(body[c.start:c.end]) {
			if p, ok := r.kb.holder(code, lowerASCII(c.words[len(c.words)-1].Word), r.date); ok {
				pp := &r.kb.people[p]
				kind, name = Person, pp.Name
				code, sector = pp.at(r.kb, r.date)
				r.order++
				r.seen[p] = r.order
			}
		}
	case c.anchor == nil:
		if onlySingularTitles(c.words) && startsWithThe(body[c.start:c.end]) {
			// "the president", "the foreign minister": the holder for the
			// country named last, or the last person with that title.
			return r.bareTitle(body, c)
		}
		if !hasNounOrTitle(c.words) || onlySingularTitles(c.words) {
			return Mention{}, false // "president" alone is nobody in particular
		}
		if plural && isPairWord(body, c.start) {
			members = r.lastPeople(2)
		}
		if sector == "" && len(members) == 0 {
			return Mention{}, false // "members", "spokesmen": nobody in particular
		}
	}
	m := Mention{Kind: kind, Plural: plural, fromTitle: fromTitle}
	m.Place = c.anchor != nil && c.anchorT.kind == tPlace && kind == Country
	m.Text, m.Start, m.End = body[c.start:c.end], c.start, c.end
	m.Name, m.Code, m.Sector = name, code, sector
	if len(members) > 0 {
		m.Kind, m.Members = Person, members
		m.Code = sharedCode(members)
	}
	m.CAMEO = r.kb.cameo(m.Code, m.Sector)
	if kind == Person && len(members) == 0 {
		for _, w := range c.words {
			if w.Type == wordTitle {
				m.titles = append(m.titles, lowerASCII(w.Word))
			}
		}
		if c.person != nil && name != "" {
			m.person = r.kb.personIndex[name] + 1
		} else if fromTitle && name != "" {
			m.person = r.kb.personIndex[name] + 1
		}
	}
	if kind == Person && c.person == nil && c.nameEnd > 0 && name != "" {
		r.unknown[lastWord(name)] = m
	}
	return m, true
}

// bareTitle resolves "the president" or "the minister": to the holder of
// that office for the country or organisation named last that has one, or
// to the last person the title fits, whichever came later in the document.
func (r *Resolver) bareTitle(body string, c *chainState) (Mention, bool) {
	title := lowerASCII(c.words[len(c.words)-1].Word)
	var best Mention
	bestOrder := -1
	for i := len(r.places) - 1; i >= 0; i-- {
		if p, ok := r.kb.holder(r.places[i].code, title, r.date); ok {
			pp := &r.kb.people[p]
			best.Kind, best.Name = Person, pp.Name
			best.Code, best.Sector = pp.at(r.kb, r.date)
			bestOrder = r.places[i].order
			break
		}
	}
	for i := len(r.titled) - 1; i >= 0; i-- {
		t := r.titled[i]
		if t.order <= bestOrder {
			break
		}
		fits := titleAmong(t.titles, title)
		if !fits && t.person >= 0 {
			fits = r.kb.titleFits(t.person, title, r.date)
		}
		if fits {
			best, bestOrder = t.m, t.order
			break
		}
	}
	if bestOrder < 0 {
		return Mention{}, false
	}
	m := Mention{Kind: Person}
	m.Text, m.Start, m.End = body[c.start:c.end], c.start, c.end
	m.Name, m.Code, m.Sector = best.Name, best.Code, best.Sector
	m.CAMEO = r.kb.cameo(m.Code, m.Sector)
	return m, true
}

// isPairWord reports whether "the two", "both" or "the pair of" comes right
// before start: "the two leaders", "both presidents".
func isPairWord(body string, start int) bool {
	before := strings.ToLower(body[max(0, start-12):start])
	for _, w := range []string{"the two ", "both ", "both the "} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// lastPeople returns the entities of the last n distinct named people.
func (r *Resolver) lastPeople(n int) []dyad.Entity {
	var out []dyad.Entity
	all := append(slices.Clip(r.history), r.pending...)
	for i := len(all) - 1; i >= 0 && len(out) < n; i-- {
		m := all[i]
		if m.Kind != Person || m.Name == "" || m.Plural {
			continue
		}
		dup := false
		for _, e := range out {
			dup = dup || e.Name == m.Name
		}
		if !dup {
			out = append(out, m.Entity)
		}
	}
	if len(out) < n {
		return nil
	}
	slices.Reverse(out)
	return out
}

// sharedCode is the code all members share, or "".
func sharedCode(es []dyad.Entity) string {
	for _, e := range es[1:] {
		if e.Code != es[0].Code {
			return ""
		}
	}
	return es[0].Code
}

// titleAmong reports whether a title is one a person was named with, or the
// end of one ("minister" in "foreign minister"; "the minister" is any).
func titleAmong(titles []string, title string) bool {
	title = officeKey(title)
	for _, t := range titles {
		t = officeKey(t)
		if t == title || strings.HasSuffix(t, " "+title) || genericTitles[title] && strings.Contains(t, title) {
			return true
		}
	}
	return false
}

func startsWithThe(s string) bool {
	return strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "The ")
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
		if personLike(best.kind) && !personLike(t.kind) {
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

// personLike reports whether a target is a named actor that ends a chain:
// a person, or a PETRARCH actor.
func personLike(k targetKind) bool { return k == tPerson || k == tPetrarch }

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

// lastTakesName reports whether an unknown name may follow the words: after
// a title ("President Foo Bar") or a singular person noun ("reporter Evan
// Gershkovich").
func lastTakesName(ws []sectorWord) bool {
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	return last.Type == wordTitle || last.Type == wordPerson && !last.Plural
}

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

// appositives joins a name and a title set off by commas into one actor:
// "Maia Sandu, Moldova's president, said", "Moldova's president, Maia
// Sandu, said" and "Foo Bar, Moldova's president, said" (a name the KB does
// not know takes the title's country and sector). The title's own mention
// is dropped: it is the same actor.
func (r *Resolver) appositives(body string, span dyad.Span, ms []Mention) []Mention {
	closes := func(end int) bool { // the appositive ends at a comma or the sentence end
		rest := strings.TrimLeft(body[end:span.End], " \t")
		return rest == "" || strings.ContainsRune(",.;:", rune(rest[0]))
	}
	commaGap := func(a, b int) bool { return a <= b && strings.TrimSpace(body[a:b]) == "," }
	adopt := func(p *Mention, t Mention) {
		if p.Code == "" && t.Code != "" {
			p.Code, p.Sector = t.Code, t.Sector
			p.CAMEO = r.kb.cameo(p.Code, p.Sector)
		}
		p.titles = append(p.titles, t.titles...)
	}
	var out []Mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		switch {
		case i+1 < len(ms) && m.Kind == Person && m.Name != "" && !m.fromTitle && ms[i+1].fromTitle &&
			commaGap(m.End, ms[i+1].Start) && closes(ms[i+1].End):
			adopt(&m, ms[i+1]) // "Maia Sandu, Moldova's president,"
			out = append(out, m)
			i++
			continue
		case i+1 < len(ms) && m.fromTitle && ms[i+1].Kind == Person && !ms[i+1].fromTitle && ms[i+1].Name != "" &&
			commaGap(m.End, ms[i+1].Start) && closes(ms[i+1].End):
			p := ms[i+1] // "Moldova's president, Maia Sandu,"
			adopt(&p, m)
			out = append(out, p)
			i++
			continue
		case m.Code != "" && (m.Kind != Person || m.fromTitle && !commaGap(prevMentionEnd(out, span), m.Start)):
			// "Foo Bar, Algeria's leading rights activist,": a name the KB
			// lacks, described by a phrase that names a country.
			if p, next, ok := r.describedName(body, span, prevMentionEnd(out, span), ms, i); ok {
				out = append(out, p)
				if next > i {
					i = next - 1 // the description is the same actor
				} else {
					out = append(out, m)
				}
				continue
			}
		case m.fromTitle && closes(m.End):
			// "Foo Bar, Moldova's president,": a name the KB lacks.
			prevEnd := span.Start
			if len(out) > 0 {
				prevEnd = out[len(out)-1].End
			}
			if s, e, ok := r.nameBefore(body, prevEnd, m.Start); ok {
				p := Mention{Kind: Person}
				p.Text, p.Start, p.End = body[s:e], s, e
				p.Name, p.Code, p.Sector = body[s:e], m.Code, m.Sector
				p.CAMEO = r.kb.cameo(p.Code, p.Sector)
				p.titles = m.titles
				out = append(out, p)
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// describedName reads "Foo Bar, <description>," where the description
// starts at most a few words before ms[i], a country or organisation, and
// ends at the next comma or the sentence end: the name the KB lacks takes
// the country's code. "Algeria's leading rights activist" is one actor, the
// country's activist: the person takes the sector of the head noun and the
// description's mentions are dropped (next is the index after them). "an
// aide to Azerbaijan's president" keeps its mentions (next is 0): the aide
// only takes the country and its sector.
func (r *Resolver) describedName(body string, span dyad.Span, prevEnd int, ms []Mention, i int) (Mention, int, bool) {
	m := ms[i]
	comma := strings.LastIndexByte(body[prevEnd:m.Start], ',')
	if comma < 0 {
		return Mention{}, 0, false
	}
	comma += prevEnd
	lead := strings.Fields(body[comma+1 : m.Start])
	if len(lead) > maxDescriptionLead || strings.ContainsAny(body[comma+1:m.Start], "\"()[];:") {
		return Mention{}, 0, false
	}
	for _, w := range lead {
		if relativeWords[lowerASCII(w)] {
			return Mention{}, 0, false // "Foo Bar, who met Russia's president,"
		}
	}
	end := span.End
	if k := strings.IndexAny(body[m.End:span.End], ",;"); k >= 0 {
		end = m.End + k
	}
	if rest := strings.TrimSpace(body[m.End:end]); len(strings.Fields(rest)) > maxDescriptionTail ||
		strings.ContainsAny(rest, "\"()[]:") {
		return Mention{}, 0, false
	}
	s, e, ok := r.nameBefore(body, prevEnd, comma+1)
	if !ok {
		return Mention{}, 0, false
	}
	p := Mention{Kind: Person}
	p.Text, p.Start, p.End = body[s:e], s, e
	p.Name, p.Code, p.Sector = body[s:e], m.Code, m.Sector
	next := 0
	if m.fromTitle && len(lead) == 0 {
		// "Foo Bar, Moldova's president,": the title is the same actor.
		p.titles, next = m.titles, i+1
	}
	// "Algeria's [...] activist": the head noun after the possessive.
	if j := i + 1; j < len(ms) && ms[j].End <= end && ms[j].Code == "" && ms[j].Sector != "" && len(lead) <= 1 {
		if _, poss := cutPossessive(body[m.End:ms[j].Start]); poss && strings.TrimSpace(body[ms[j].End:end]) == "" {
			p.Sector, next = ms[j].Sector, j+1
		}
	}
	p.CAMEO = r.kb.cameo(p.Code, p.Sector)
	return p, next, true
}

// prevMentionEnd is where the last mention kept ends, or the sentence start.
func prevMentionEnd(out []Mention, span dyad.Span) int {
	if len(out) > 0 {
		return out[len(out)-1].End
	}
	return span.Start
}

// nameBefore finds a run of two to maxNameWords capitalised words ending
// right before ", " at comma (the title's start), not before from.
func (r *Resolver) nameBefore(body string, from, titleStart int) (int, int, bool) {
	gap := body[from:titleStart]
	i := strings.LastIndexByte(gap, ',')
	if i < 0 || strings.TrimSpace(gap[i+1:]) != "" {
		return 0, 0, false
	}
	end := from + i
	words := strings.Fields(body[from:end])
	n := 0
	for j := len(words) - 1; j >= 0 && n < maxNameWords; j-- {
		w := strings.TrimRight(words[j], ".")
		if !isUpperStart(w) || r.kb.notNames[w] || strings.ContainsAny(w, ",;:\"()") {
			break
		}
		n++
	}
	if n < 2 {
		return 0, 0, false
	}
	// The run must not be the start of a longer capitalised phrase's tail
	// that began a sentence ("The", "On Monday") — notnames covers those.
	s := end
	for k := 0; k < n; k++ {
		s = strings.LastIndexAny(body[from:s], " \t\n") + from
		if s < from {
			s = from
			break
		}
	}
	s = strings.IndexFunc(body[s:end], func(c rune) bool { return !unicode.IsSpace(c) }) + s
	if s < from || s >= end {
		return 0, 0, false
	}
	return s, end, true
}

// isLedGap reports whether a gap is "-led " between a country or
// organisation and the group it leads: "Saudi-led coalition",
// "Vietnamese-led forces" are that country's.
func isLedGap(gap string) bool {
	rest, ok := strings.CutPrefix(gap, "-led")
	return ok && rest != "" && isSpaceGap(rest)
}
