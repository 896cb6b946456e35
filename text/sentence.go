package text

import (
	"bufio"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
)

// abbreviationsFile is the word list in data.FS; its header explains the
// kinds.
const abbreviationsFile = "grammar/abbreviations.txt"

// abbrevKind says how an abbreviation's period relates to a sentence end.
type abbrevKind int

const (
	notAbbrev    abbrevKind = iota
	titleAbbrev             // never ends a sentence: "Gen.", "St."
	numberAbbrev            // an abbreviation before a number: "No. 5", "Jan. 20"
	finalAbbrev             // may end a sentence: "Inc.", "U.S."
	initial                 // a person's initial: "W." in "George W. Bush"
)

// abbreviations decides where sentences start and end around abbreviations.
type abbreviations struct {
	kinds     map[string]abbrevKind
	continues map[string]bool // capitalised words that continue after a final abbreviation
}

func loadAbbreviations() (*abbreviations, error) {
	f, err := data.FS.Open(abbreviationsFile)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", abbreviationsFile, err)
	}
	defer f.Close()
	a := &abbreviations{kinds: map[string]abbrevKind{}, continues: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		kind, word, ok := strings.Cut(text, "\t")
		word = strings.TrimSpace(word)
		if !ok || word == "" {
			return nil, fmt.Errorf("%s:%d: want KIND<TAB>WORD, got %q", abbreviationsFile, line, text)
		}
		switch kind {
		case "title":
			a.kinds[word] = titleAbbrev
		case "number":
			a.kinds[word] = numberAbbrev
		case "final":
			a.kinds[word] = finalAbbrev
		case "continue":
			a.continues[word] = true
		default:
			return nil, fmt.Errorf("%s:%d: unknown kind %q", abbreviationsFile, line, kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", abbreviationsFile, err)
	}
	return a, nil
}

// known reports whether word (with its period) is a listed abbreviation or an
// initialism such as "F.B.I.".
func (a *abbreviations) known(word string) bool {
	return a.kinds[word] != notAbbrev || isInitialism(word)
}

// kind classifies word, the last word before a possible sentence end. prev
// is the word before it, which tells initials from initialisms.
func (a *abbreviations) kind(word, prev string) abbrevKind {
	if k := a.kinds[word]; k != notAbbrev {
		return k
	}
	if isInitial(word) {
		return initial
	}
	if isInitialism(word) {
		// "George H.W. Bush": initials after a name; "the F.B.I.": an
		// initialism that may end the sentence.
		if startsUpper(prev) && a.kinds[prev] == notAbbrev {
			return initial
		}
		return finalAbbrev
	}
	return notAbbrev
}

// continues reports whether next, the word after a final abbreviation, shows
// that the sentence goes on.
func (a *abbreviations) continuesAfter(next string) bool {
	if next == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsUpper(r) {
		return true // lower case, a digit or punctuation: "the U.S. officials", "U.S. 5"
	}
	if k := a.kinds[next]; k == titleAbbrev {
		return true // "U.S. Sen. John McCain"
	}
	return a.continues[letterStem(next)]
}

// continuesSentence decides, at a boundary between a sentence ending in last
// (whose previous word is prev) and one starting with next, whether the
// boundary is false.
func (a *abbreviations) continuesSentence(prev, last, next string) bool {
	if startsLower(next) {
		// `“We won!” he said.`, `Dr. who`: a sentence does not start in
		// lower case in news text.
		return true
	}
	switch a.kind(last, prev) {
	case titleAbbrev:
		return true
	case numberAbbrev:
		return startsDigit(next)
	case initial:
		return startsUpper(next)
	case finalAbbrev:
		return a.continuesAfter(next)
	}
	return false
}

// repair merges and splits prose's sentences of one paragraph where an
// abbreviation or a quotation mark fooled it.
//
// "U.S." (or any final abbreviation) before a capitalised word is a genuine
// ambiguity: "in the U.S. Army" goes on, "to the U.S. He said" does not. The
// sentence continues only when the next word is lower case, a number, a title
// or a listed continuation word ("Army", "Embassy", "President"); before any
// other capitalised word it is split.
func (a *abbreviations) repair(body string, spans []dyad.Span) []dyad.Span {
	// Merge pass.
	out := spans[:1]
	for _, s := range spans[1:] {
		cur := &out[len(out)-1]
		text := body[cur.Start:cur.End]
		prev, last := lastWords(text)
		next := firstWord(body[s.Start:s.End])
		if !hasWordChar(body[s.Start:s.End]) || a.continuesSentence(prev, last, next) ||
			a.tooShortToEnd(last, wordCount(text, 3)) {
			cur.End = s.End
			continue
		}
		out = append(out, s)
	}

	// Split pass: a final abbreviation inside a sentence, followed by a
	// capitalised word that does not continue it, ends the sentence.
	var result []dyad.Span
	for _, s := range out {
		start := s.Start
		var prev, word string
		var wordEnd, words int
		forEachWord(body, s, func(ws, we int) {
			next := trimOpening(body[ws:we])
			if word != "" && start < ws && endsWithPeriod(word) &&
				startsUpper(next) && a.splitsBefore(prev, word, next) &&
				!a.tooShortToEnd(word, words) {
				result = append(result, dyad.Span{Start: start, End: wordEnd})
				start, words = ws, 0
			}
			prev, word, wordEnd = word, trimOpening(body[ws:we]), we
			words++
		})
		result = append(result, dyad.Span{Start: start, End: s.End})
	}
	return result
}

// splitsBefore reports whether a capitalised next word after word (a word
// ending in a period inside a sentence) starts a new sentence.
func (a *abbreviations) splitsBefore(prev, word, next string) bool {
	return a.kind(word, prev) == finalAbbrev && !a.continuesAfter(next)
}

// tooShortToEnd reports whether a sentence of only words words that ends
// in the abbreviation last is too short to be one: "The U.S." before "Fish
// and Wildlife Service", or a headline's "U.S. Lifts Travel Ban".
func (a *abbreviations) tooShortToEnd(last string, words int) bool {
	return words <= 2 && a.kind(last, "") == finalAbbrev
}

// wordCount counts the white-space-separated words of text, stopping at
// limit.
func wordCount(text string, limit int) int {
	n, inWord := 0, false
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			inWord = true
			if n++; n >= limit {
				return n
			}
		}
	}
	return n
}

// forEachWord calls fn with the bounds of each white-space-separated word of
// span, in order.
func forEachWord(body string, span dyad.Span, fn func(start, end int)) {
	start := -1
	for i, r := range body[span.Start:span.End] {
		i += span.Start
		if unicode.IsSpace(r) {
			if start >= 0 {
				fn(start, i)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		fn(start, span.End)
	}
}

// lastWords returns the last two white-space-separated words of text, with
// opening punctuation trimmed.
func lastWords(text string) (prev, last string) {
	var words [2]string
	end := len(text)
	for k := range words {
		for end > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		words[k] = text[start:end]
		end = start
	}
	return trimOpening(words[1]), trimOpening(words[0])
}

// firstWord returns the first white-space-separated word of text, with
// opening punctuation trimmed.
func firstWord(text string) string {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
		text = text[:i]
	}
	return trimOpening(text)
}

// trimOpening drops opening quotation marks and brackets from a word.
func trimOpening(w string) string {
	return strings.TrimLeft(w, "\"'([{“‘«")
}

// letterStem is the word's leading letters: "Secretary-General" ->
// "Secretary", "Army's" -> "Army", "Embassy," -> "Embassy".
func letterStem(w string) string {
	for i, r := range w {
		if !unicode.IsLetter(r) {
			return w[:i]
		}
	}
	return w
}

// isInitial reports whether w is one capital letter and a period: "W.".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w[size:] == "."
}

// isInitialism reports whether w is two or more single letters each followed
// by a period: "U.S.", "F.B.I.", "a.m.".
func isInitialism(w string) bool {
	n := 0
	for w != "" {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || len(w) <= size || w[size] != '.' {
			return false
		}
		w = w[size+1:]
		n++
	}
	return n >= 2
}

func endsWithPeriod(w string) bool { return strings.HasSuffix(w, ".") }

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func startsDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// hasWordChar reports whether s contains a letter or digit; a "sentence" of
// only punctuation (a stray closing quote) belongs to the one before it.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
