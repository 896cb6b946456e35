package text

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// tokenize appends the tokens of the sentence span to out.
//
// prose's tokenizer does the splitting. Words made only of ASCII letters and
// digits (most of them) are appended directly: prose never splits those, and
// skipping it there roughly halves the cost. Its output is then repaired
// around abbreviations, initials, sentence-final periods and dashes.
func (p *Pipeline) tokenize(body string, span dyad.Span, out []Token) []Token {
	first := len(out)
	forEachWord(body, span, func(ws, we int) {
		w := body[ws:we]
		if isPlainWord(w) {
			// "cannot" is "can" and "not", as the Penn Treebank writes it:
			// the tagger and the negation rules expect the two words
			if len(w) == 6 && strings.EqualFold(w, "cannot") {
				out = append(out, Token{Span: dyad.Span{Start: ws, End: ws + 3}, Text: w[:3]},
					Token{Span: dyad.Span{Start: ws + 3, End: we}, Text: w[3:]})
				return
			}
			out = append(out, Token{Span: dyad.Span{Start: ws, End: we}, Text: w})
			return
		}
		if len(w) > maxTokenizedWord {
			// prose's tokenizer is quadratic in the length of a word (it
			// peels punctuation one mark at a time and re-runs a regexp on
			// the rest), so a 100 kB run of periods would take minutes.
			out = appendSplitAtDashes(out, w, ws)
			return
		}
		for _, t := range p.tokenizer.Tokenize(w) {
			out = appendSplitAtDashes(out, t.Text, ws+t.Start)
		}
	})
	n := p.repairTokens(body, out[first:])
	out = out[:first+n]
	return p.splitFinalPeriod(out, first)
}

// maxTokenizedWord is the longest white-space-separated word handed to
// prose's tokenizer; longer ones (long URLs, garbage) stay whole.
const maxTokenizedWord = 256

// isPlainWord reports whether w is only ASCII letters and digits.
func isPlainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// appendSplitAtDashes appends the token text at offset start, split around
// any dashes inside it ("Beijing--which", "Moscow—the capital"): the Penn
// Treebank tokenizes them apart, so that is what the tagger expects. A run
// of dashes stays one token. Curly braces are split off the same way:
// prose keeps "{France" whole, and editors' braces around a sentence would
// otherwise hide its first and last words.
func appendSplitAtDashes(out []Token, text string, start int) []Token {
	emit := func(from, to int) {
		if from < to {
			out = append(out, Token{Span: dyad.Span{Start: start + from, End: start + to}, Text: text[from:to]})
		}
	}
	from := 0 // start of the pending word
	for i := 0; i < len(text); {
		n := dashAt(text, i)
		if n == 0 {
			i++
			continue
		}
		end := i + n
		for m := dashAt(text, end); m > 0; m = dashAt(text, end) {
			end += m
		}
		if i == 0 && end == len(text) {
			break // the token is only dashes
		}
		emit(from, i)
		emit(i, end)
		from, i = end, end
	}
	emit(from, len(text))
	return out
}

// dashAt returns the byte length of the dash at text[i:] ("--", an em or en
// dash) or of a curly brace, or 0.
func dashAt(text string, i int) int {
	switch {
	case i >= len(text):
		return 0
	case text[i] == '{', text[i] == '}':
		return 1
	case strings.HasPrefix(text[i:], "--"):
		return 2
	case strings.HasPrefix(text[i:], "—"), strings.HasPrefix(text[i:], "–"):
		return len("—")
	}
	return 0
}

// repairTokens rejoins a word and the period prose split from it when
// together they are a listed abbreviation ("Sept." "Corp.") or an initial
// before a capitalised word ("W." in "George W. Bush"). It works in place
// and returns the new number of tokens.
func (p *Pipeline) repairTokens(body string, toks []Token) int {
	n := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == t.End {
			joined := body[t.Start:toks[i+1].End]
			if p.abbrevs.kinds[joined] != notAbbrev ||
				isInitial(joined) && i+2 < len(toks) && startsUpper(toks[i+2].Text) {
				t = Token{Span: dyad.Span{Start: t.Start, End: toks[i+1].End}, Text: joined}
				i++
			}
		}
		toks[n] = t
		n++
	}
	return n
}

// splitFinalPeriod splits the sentence-final period from the last word of
// toks[first:] when prose kept them together although the word is no
// abbreviation: its tokenizer keeps every "Xyz." whole ("Mr.", but also
// "said Tom."), so the full stop would be lost.
func (p *Pipeline) splitFinalPeriod(toks []Token, first int) []Token {
	last := len(toks) - 1
	for last >= first && isClosingPunct(toks[last].Text) {
		last--
	}
	if last < first {
		return toks
	}
	t := toks[last]
	if len(t.Text) < 2 || !strings.HasSuffix(t.Text, ".") || p.abbrevs.known(t.Text) ||
		strings.HasSuffix(t.Text, "..") {
		return toks
	}
	word := Token{Span: dyad.Span{Start: t.Start, End: t.End - 1}, Text: t.Text[:len(t.Text)-1]}
	stop := Token{Span: dyad.Span{Start: t.End - 1, End: t.End}, Text: "."}
	toks = append(toks, Token{})
	copy(toks[last+2:], toks[last+1:])
	toks[last], toks[last+1] = word, stop
	return toks
}

// isClosingPunct reports whether a token is a closing quotation mark or
// bracket.
func isClosingPunct(s string) bool {
	switch s {
	case "”", "’", `"`, "'", ")", "]", "}", "»":
		return true
	}
	return false
}
