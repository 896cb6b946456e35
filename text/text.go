// Package text turns a document body into paragraphs, sentences, tokens with
// part-of-speech tags and lemmas, and quotation regions. Every piece carries
// UTF-8 byte offsets into the body, so later stages can point at the exact
// words an event came from.
//
// The heavy lifting is prose's (github.com/jdkato/prose/v3): its Punkt
// segmenter splits sentences, its tokenizer splits words and its averaged
// perceptron assigns Penn Treebank tags. Lemmas come from golem's English
// dictionary (github.com/aaaton/golem/v4/dicts/en). This package only wraps
// them and repairs what they get wrong on news text:
//
//   - paragraphs are found first (a blank line separates them), and sentences
//     are segmented one paragraph at a time, so no sentence crosses one;
//   - a post-pass merges and splits prose's sentences around abbreviations
//     (data/grammar/abbreviations.txt), initials and quotation marks;
//   - tokens are repaired around abbreviations, initials and dashes;
//   - curly quotes and apostrophes are shown to the tagger in the ASCII/Penn
//     form it was trained on, without touching the body or its offsets;
//   - lemmas are chosen by part of speech ("left" is "leave" as a verb).
//
// See quote.go for how quotations are paired.
package text

import (
	"sort"

	"github.com/dyad-events/dyad"
)

// Token is one word or punctuation mark.
type Token struct {
	dyad.Span        // byte offsets in the body; body[Start:End] == Text
	Text      string // the token as written in the body
	Tag       string // Penn Treebank part-of-speech tag
	// Lemma is the lower-case dictionary form ("congratulated" ->
	// "congratulate", "n't" -> "not", "was" -> "be"); for proper nouns
	// (NNP, NNPS) it is the text as written.
	Lemma string
}

// Sentence is one sentence of a paragraph.
type Sentence struct {
	Index     int // 0-based over the document
	dyad.Span     // the sentence text, without surrounding white space
	Paragraph int // 0-based paragraph index
	Tokens    []Token
}

// Text returns the sentence's text in body.
func (s Sentence) Text(body string) string { return s.Span.In(body) }

// Quote is one quotation: the words between an opening quotation mark and
// its closing one.
type Quote struct {
	dyad.Span // the quoted words, marks excluded, white space trimmed
	// Open and Close are the marks themselves. Close is {-1, -1} when the
	// quotation is never closed; it then runs to the end of its paragraph
	// (or of the last paragraph that re-opened it).
	Open, Close dyad.Span
}

// Closed reports whether the quotation has a closing mark.
func (q Quote) Closed() bool { return q.Close.Start >= 0 }

// Region returns the whole quotation, marks included.
func (q Quote) Region() dyad.Span {
	end := q.Span.End
	if q.Closed() {
		end = q.Close.End
	}
	return dyad.Span{Start: q.Open.Start, End: end}
}

// Doc is an analysed document body.
type Doc struct {
	Body       string
	Paragraphs []dyad.Span // trimmed paragraph texts, in order
	Sentences  []Sentence
	Quotes     []Quote // in order, non-overlapping; outer quotations only
}

// QuoteAt returns the quotation whose region (marks included) contains the
// byte offset.
func (d *Doc) QuoteAt(offset int) (Quote, bool) {
	i := sort.Search(len(d.Quotes), func(i int) bool { return d.Quotes[i].Region().End > offset })
	if i < len(d.Quotes) && d.Quotes[i].Region().Start <= offset {
		return d.Quotes[i], true
	}
	return Quote{}, false
}

// SentenceAt returns the index of the sentence containing the byte offset.
func (d *Doc) SentenceAt(offset int) (int, bool) {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > offset })
	if i < len(d.Sentences) && d.Sentences[i].Start <= offset {
		return i, true
	}
	return -1, false
}
