package kb

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
	"golang.org/x/text/unicode/norm"
)

// build expands the names and sector words into their matching variants and
// compiles one automaton for both. It matches ASCII-case-insensitively;
// names are then checked against the exact spelling (proper nouns: "US" is
// not "us"), sector words are not ("Army", "army").
//
// The automaton sees a word-normalised copy of the text (see normalize) and
// every pattern starts and ends with a space, so that patterns only match
// whole words: without that, short patterns ("king", "media", "un") would
// match inside or at the start of most words and slow matching down many
// times, and leftmost-longest would prefer a longer pattern that ends
// inside a word over a shorter whole-word one.
func (k *KB) build() {
	for _, name := range sortedKeys(k.sources) {
		for _, v := range variants(name) {
			for _, s := range k.sources[name] {
				k.addTarget(normalize(v), s.target)
			}
		}
	}
	words := k.sectorKeys
	k.sectorKeys = map[string]int{}
	for _, w := range sortedKeys(words) {
		for _, v := range variants(w) {
			if key := lowerASCII(normalize(v)); key != "" {
				if _, ok := k.sectorKeys[key]; !ok {
					k.sectorKeys[key] = words[w]
				}
			}
		}
	}

	k.lowerIndex = map[string]int{}
	entryOf := func(lower string) *entry {
		i, ok := k.lowerIndex[lower]
		if !ok {
			i = len(k.entries)
			k.lowerIndex[lower] = i
			k.entries = append(k.entries, entry{sector: -1})
		}
		return &k.entries[i]
	}
	for _, key := range sortedKeys(k.names) {
		e := entryOf(lowerASCII(key))
		tgs := k.names[key]
		anyCase := true
		for _, t := range tgs {
			anyCase = anyCase && t.kind == tPetrarch
		}
		e.names = append(e.names, nameVariant{key: key, targets: tgs, anyCase: anyCase})
	}
	for _, key := range sortedKeys(k.sectorKeys) {
		entryOf(key).sector = k.sectorKeys[key]
	}
	k.patterns = make([]string, len(k.entries))
	for lower, i := range k.lowerIndex {
		k.patterns[i] = " " + lower + " "
	}
	opts := ahocorasick.Opts{AsciiCaseInsensitive: true, MatchKind: ahocorasick.LeftMostLongestMatch}
	nb := ahocorasick.NewAhoCorasickBuilder(opts)
	k.nfa = nb.Build(k.patterns)
	k.dfaReady = make(chan struct{})
	go func() {
		defer close(k.dfaReady)
		opts.DFA = true
		db := ahocorasick.NewAhoCorasickBuilder(opts)
		dfa := db.Build(k.patterns)
		k.dfa.Store(&dfa)
	}()
}

// entry is what one lower-case pattern stands for: names spelled with that
// key in some case, and/or a sector word.
type entry struct {
	names  []nameVariant
	sector int // sectors index, or -1
}

type nameVariant struct {
	key     string // exact normalised spelling
	targets []target
	anyCase bool // a PETRARCH name ("BARACK OBAMA"): any case with a capital first letter
}

// atomFor returns the atom a matched key makes: a name whose spelling is
// exactly key, else the entry's sector word.
func (e *entry) atomFor(key []byte) (atom, bool) {
	for _, v := range e.names {
		if v.key == string(key) {
			return atom{targets: v.targets, sector: -1}, true
		}
	}
	if r, _ := utf8.DecodeRune(key); len(e.names) > 0 && unicode.IsUpper(r) {
		for _, v := range e.names {
			if v.anyCase {
				return atom{targets: v.targets, sector: -1}, true
			}
		}
	}
	if e.sector >= 0 {
		return atom{sector: e.sector}, true
	}
	return atom{}, false
}

// spaced prefixes every pattern with the space that marks a word start.
func spaced(keys []string) []string {
	out := make([]string, len(keys))
	for i, key := range keys {
		out[i] = " " + key
	}
	return out
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// normalize maps every byte of a rune that is not part of a word to a space
// and keeps word bytes, so offsets in the result are offsets in s: "U.S."
// becomes "U S ", "Azerbaijan’s" becomes "Azerbaijan   s".
func normalize(s string) string {
	b := make([]byte, len(s))
	normalizeInto(b, s)
	return string(b)
}

// asciiNorm maps each ASCII byte to itself when it is a letter or digit,
// else to a space.
var asciiNorm = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = ' '
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			t[c] = byte(c)
		}
	}
	return t
}()

func normalizeInto(dst []byte, s string) {
	dst = dst[:len(s)]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst[i] = asciiNorm[c]
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		keep := r != utf8.RuneError && isWordRune(r)
		for j := i; j < i+n; j++ {
			if keep {
				dst[j] = s[j]
			} else {
				dst[j] = ' '
			}
		}
		i += n
	}
}

func (k *KB) addTarget(pattern string, tg target) {
	for _, t := range k.names[pattern] {
		if t == tg {
			return
		}
	}
	k.names[pattern] = append(k.names[pattern], tg)
}

// sortedKeys gives the automaton a deterministic pattern order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

// variants returns a name and the spellings news text also uses for it:
// straight and curly apostrophes, and the name without diacritics
// ("Erdoğan" -> "Erdogan", "Élysée" -> "Elysee").
func variants(name string) []string {
	out := []string{name}
	addv := func(v string) {
		for _, o := range out {
			if o == v {
				return
			}
		}
		out = append(out, v)
	}
	addv(fold(name))
	for _, v := range out {
		if strings.ContainsRune(v, '\'') {
			addv(strings.ReplaceAll(v, "'", "\u2019"))
		}
		if strings.ContainsRune(v, '\u2019') {
			addv(strings.ReplaceAll(v, "\u2019", "'"))
		}
	}
	return out
}

// fold removes combining marks after canonical decomposition.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// atom is one dictionary match in a text, in body offsets.
type atom struct {
	start, end int
	targets    []target // the meanings of a name match
	sector     int      // sectors index of a sector-word match, else -1
}

func (a atom) isSector() bool { return a.sector >= 0 }

// scan finds the dictionary atoms of text (which starts at body offset base)
// in text order, whole words only, without overlaps.
//
// The automaton's iterator reports, for each position where a pattern
// starts, the longest pattern there; matches nested in an accepted one are
// dropped. When the longest pattern does not fit (it ends inside a word, as
// "Saudi Arabian" in "Saudi Arabians", or its case is wrong for a name), the
// longest shorter pattern at the same start that ends on a word boundary is
// taken instead.
func (k *KB) scan(text string, base int, scratch *[]byte) []atom {
	// buf[i+1] is text[i] normalised; buf[0] and the last byte are the
	// spaces that let a first and a last word match.
	if cap(*scratch) < len(text)+2 {
		*scratch = make([]byte, len(text)+2)
	}
	buf := (*scratch)[:len(text)+2]
	buf[0], buf[len(buf)-1] = ' ', ' '
	normalizeInto(buf[1:], text)
	var out []atom
	lastEnd := 0
	it := k.automaton().IterByte(buf)
	for m := it.Next(); m != nil; m = it.Next() {
		// The match covers a space before and after the words: buf[s]
		// is the first, the words are text[s:e].
		s, e := m.Start(), m.End()-2
		if s < lastEnd || !startsWord(text, s) {
			continue
		}
		a, ok := k.entries[m.Pattern()].atomFor(buf[s+1 : e+1])
		if !ok || !endsWord(text, s, e) {
			ok = false
			for j := e - 1; j > s; j-- {
				if buf[j+1] == ' ' && buf[j] != ' ' {
					if i, found := k.lowerIndex[lowerASCII(string(buf[s+1:j+1]))]; found {
						if a, ok = k.entries[i].atomFor(buf[s+1 : j+1]); ok {
							e = j
							break
						}
					}
				}
			}
			if !ok {
				continue
			}
		}
		if !a.isSector() && allPersonLike(a.targets) && partOfHyphenated(text, s, e) {
			// "Zia" in "Zia-Ul-Haq" is not Khaleda Zia: a person's name
			// must cover a whole hyphenated token.
			continue
		}
		if !a.isSector() && allPersonLike(a.targets) && afterOtherFirstName(text, s, e, out, base) {
			// "Hazem Qassem" is not Naim Qassem: a one-word name right
			// after a capitalised word that is no title or known name
			// belongs to someone else with that surname.
			continue
		}
		if !a.isSector() && isBlocked(a.targets) {
			// A notactors.txt phrase has done its job by winning.
			lastEnd = e
			continue
		}
		a.start, a.end = s+base, e+base
		out = append(out, a)
		lastEnd = e
	}
	return out
}

// startsWord reports whether a match at s starts a word: it does when it
// begins with punctuation, or when the rune before is no letter or digit.
// A lower-case prefix joined by a hyphen ("pro-Russian", "anti-government")
// makes the match part of a word too.
func startsWord(text string, s int) bool {
	first, _ := utf8.DecodeRuneInString(text[s:])
	if !isWordRune(first) || s == 0 {
		return true
	}
	prev, size := utf8.DecodeLastRuneInString(text[:s])
	if isWordRune(prev) {
		return false
	}
	if prev == '-' {
		w := s - size
		i := w
		for i > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:i])
			if !isWordRune(r) {
				break
			}
			i -= n
		}
		if i < w {
			r, _ := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// endsWord reports whether a match text[s:e] ends a word.
func endsWord(text string, s, e int) bool {
	if e >= len(text) || !isWordRune(lastRune(text[s:e])) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[e:])
	return !isWordRune(next)
}

// lowerASCII lower-cases ASCII letters only, as the sector automaton does.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func isBlocked(tgs []target) bool {
	for _, t := range tgs {
		if t.kind == tBlock {
			return true
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// allPersonLike reports whether every meaning of a name is a person.
func allPersonLike(tgs []target) bool {
	for _, t := range tgs {
		if !personLike(t.kind) {
			return false
		}
	}
	return len(tgs) > 0
}

// afterOtherFirstName reports whether the one-word match text[s:e] follows
// a capitalised word of letters (not "Mr." or "U.S.") that no earlier
// match covers: a first name the KB does not know, so another person.
func afterOtherFirstName(text string, s, e int, out []atom, base int) bool {
	if strings.ContainsAny(text[s:e], " -") || s < 2 || text[s-1] != ' ' {
		return false
	}
	w := s - 1
	for w > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:w])
		if !unicode.IsLetter(r) {
			break
		}
		w -= size
	}
	word := text[w : s-1]
	if word == "" || w > 0 && !unicode.IsSpace(rune(text[w-1])) {
		return false // "Mr. Qassem", "al-Qassem": not a bare first name
	}
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) || strings.ToUpper(word) == word {
		return false // lower case, or an acronym ("UN Qassem" is odd anyway)
	}
	if n := len(out); n > 0 && out[n-1].end-base >= w-1 {
		// a title or a name the KB knows ("President Qassem"), or a title
		// right before the first name ("President Mahmud Abbas": a
		// spelling of the known person's first name)
		return false
	}
	// a sentence's first word is capitalised anyway ("Later Aliyev left")
	k := w - 1
	for k > 0 && unicode.IsSpace(rune(text[k])) {
		k--
	}
	if k <= 0 || strings.ContainsRune(".!?\"'“”:", rune(text[k])) {
		return false
	}
	return true
}

// partOfHyphenated reports whether text[s:e] is joined by a hyphen to a
// word before or after it ("Zia" in "Zia-Ul-Haq", "Haq" in "Ul-Haq").
func partOfHyphenated(text string, s, e int) bool {
	if e+1 < len(text) && text[e] == '-' {
		if r, _ := utf8.DecodeRuneInString(text[e+1:]); isWordRune(r) {
			return true
		}
	}
	if s >= 2 && text[s-1] == '-' {
		if r, _ := utf8.DecodeLastRuneInString(text[:s-1]); isWordRune(r) {
			return true
		}
	}
	return false
}
