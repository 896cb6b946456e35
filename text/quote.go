package text

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// How quotations are found
//
// Double quotation marks (“ ”, « » and straight ") make the outer
// quotations. Curly and guillemet marks say which way they face; a straight
// " is an opening mark when it follows white space (or a bracket or dash)
// and precedes a word, a closing mark in the mirror case, and otherwise
// simply toggles. Then, in order:
//
//   - a closing mark closes the open quotation, however many paragraphs back
//     it opened (a letter quoted over several paragraphs may open and close
//     only once);
//   - an opening mark at the very start of the paragraph right after the one
//     where the open quotation was last (re)opened continues it: the
//     newswire convention for a quotation running over paragraphs is to
//     leave the earlier paragraph unclosed and re-open the next;
//   - any other opening mark while a quotation is open means that quotation
//     was never closed: it ends at the end of the paragraph where it was last
//     (re)opened, or just before the new mark when that is in the same
//     paragraph;
//   - a closing mark with nothing open is ignored.
//
// Single marks (‘ ’ and straight ') are taken as a quotation only when
// clearly one: outside every double quotation, an opening mark after white
// space and before a letter, paired with the next closing mark in the same
// paragraph that follows a non-space and precedes no letter or digit. So the
// apostrophes of "Azerbaijan’s" and "don’t" never count, while "students’
// union" could close a quotation that is open. Nested quotations are not
// reported.

type markDir int

const (
	opening markDir = iota + 1
	closing
	either // a straight mark that faces neither way
)

type mark struct {
	dyad.Span
	dir      markDir
	single   bool
	straight bool
}

// findQuotes returns the quotations of body, in order and non-overlapping.
func findQuotes(body string, paras []dyad.Span) []Quote {
	if len(paras) == 0 {
		return nil
	}
	var doubles, singles []mark
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '"' && c != '\'' && c != 0xE2 && c != 0xC2 {
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		m := mark{Span: dyad.Span{Start: i, End: i + size}}
		switch r {
		case '"':
			m.straight = true
			m.dir = straightDir(body, m.Start, m.End)
			doubles = append(doubles, m)
		case '“', '«':
			m.dir = opening
			doubles = append(doubles, m)
		case '”', '»':
			m.dir = closing
			doubles = append(doubles, m)
		case '\'', '‘', '’':
			m.single, m.straight = true, r == '\''
			if m.dir = singleDir(body, m.Start, m.End, r); m.dir != 0 {
				singles = append(singles, m)
			}
		}
		i += size - 1
	}
	quotes := pairDoubles(body, paras, doubles)
	quotes = append(quotes, pairSingles(body, paras, singles, quotes)...)
	sort.Slice(quotes, func(i, j int) bool { return quotes[i].Open.Start < quotes[j].Open.Start })
	return quotes
}

// pairDoubles pairs the double marks into quotations (see the package notes
// above).
func pairDoubles(body string, paras []dyad.Span, marks []mark) []Quote {
	var (
		quotes   []Quote
		cur      Quote
		open     bool
		lastPara int // the paragraph where cur was last opened or re-opened
		pi       int // the paragraph of the current mark
	)
	emit := func(end int, closeMark dyad.Span) {
		start, end := trimSpace(body, cur.Open.End, max(end, cur.Open.End))
		if start < end {
			cur.Span = dyad.Span{Start: start, End: end}
			cur.Close = closeMark
			quotes = append(quotes, cur)
		}
		open = false
	}
	noMark := dyad.Span{Start: -1, End: -1}
	for _, m := range marks {
		for pi < len(paras)-1 && paras[pi].End <= m.Start {
			pi++
		}
		dir := m.dir
		if dir == either {
			dir = opening
			if open {
				dir = closing
			}
		}
		switch {
		case dir == closing && open:
			emit(m.Start, m.Span)
		case dir == closing:
			// A stray closing mark: nothing to close.
		case !open:
			cur, open, lastPara = Quote{Open: m.Span}, true, pi
		case pi == lastPara+1 && m.Start == paras[pi].Start:
			lastPara = pi // the newswire continuation of the open quotation
		default:
			if pi == lastPara {
				emit(m.Start, noMark)
			} else {
				emit(paras[lastPara].End, noMark)
			}
			cur, open, lastPara = Quote{Open: m.Span}, true, pi
		}
	}
	if open {
		emit(paras[lastPara].End, noMark)
	}
	return quotes
}

// pairSingles pairs clear single quotation marks within a paragraph, outside
// the double quotations.
func pairSingles(body string, paras []dyad.Span, marks []mark, doubles []Quote) []Quote {
	var quotes []Quote
	pending := -1 // index in marks of an unmatched opening mark
	pi, pendingPara := 0, -1
	for i, m := range marks {
		for pi < len(paras)-1 && paras[pi].End <= m.Start {
			pi++
		}
		if insideAny(doubles, m.Start) {
			continue
		}
		switch {
		case m.dir == opening:
			pending, pendingPara = i, pi
		case pending >= 0 && pendingPara == pi && marks[pending].straight == m.straight:
			open := marks[pending]
			start, end := trimSpace(body, open.End, m.Start)
			region := dyad.Span{Start: open.Start, End: m.End}
			if start < end && !overlapsAny(doubles, region) {
				quotes = append(quotes, Quote{Span: dyad.Span{Start: start, End: end}, Open: open.Span, Close: m.Span})
			}
			pending = -1
		}
	}
	return quotes
}

// insideAny reports whether offset lies in the region of one of quotes,
// which are in order and non-overlapping.
func insideAny(quotes []Quote, offset int) bool {
	return overlapsAny(quotes, dyad.Span{Start: offset, End: offset + 1})
}

// overlapsAny reports whether s overlaps the region of one of quotes, which
// are in order and non-overlapping.
func overlapsAny(quotes []Quote, s dyad.Span) bool {
	i := sort.Search(len(quotes), func(i int) bool { return quotes[i].Region().End > s.Start })
	return i < len(quotes) && quotes[i].Region().Overlaps(s)
}

// straightDir tells which way a straight double mark at [start, end) faces.
func straightDir(body string, start, end int) markDir {
	before, after := spaceBefore(body, start), spaceAfter(body, end)
	switch {
	case before && !after:
		return opening
	case after && !before:
		return closing
	}
	return either
}

// opensQuote reports whether the straight mark at [start, end) faces right,
// as an opening mark does.
func opensQuote(body string, start, end int) bool {
	return straightDir(body, start, end) == opening
}

// singleDir tells whether a single mark at [start, end) can open or close a
// quotation, or is an apostrophe (0).
func singleDir(body string, start, end int, r rune) markDir {
	next, _ := utf8.DecodeRuneInString(body[end:])
	if spaceBefore(body, start) {
		if r != '’' && unicode.IsLetter(next) {
			return opening
		}
		return 0
	}
	if r != '‘' && !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return closing
	}
	return 0
}

// spaceBefore reports whether start is preceded by the start of body, white
// space, an opening bracket or quotation mark, or a dash: what comes before
// an opening mark.
func spaceBefore(body string, start int) bool {
	if start <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(body[:start])
	return unicode.IsSpace(r) || strings.ContainsRune("([{“‘«—–-/", r)
}

// spaceAfter reports whether end is followed by the end of body, white space
// or punctuation that follows a closing mark.
func spaceAfter(body string, end int) bool {
	if end >= len(body) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(body[end:])
	return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}”’»—–-/", r)
}
