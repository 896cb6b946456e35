package text

import (
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// Pipeline holds the loaded models. Build one with New and share it: it is
// safe for concurrent use by many goroutines, since every model it holds is
// read-only after loading.
type Pipeline struct {
	segmenter *segment.Segmenter
	tokenizer *tokenize.Tokenizer
	tagger    *tag.Tagger
	abbrevs   *abbreviations
	lemmas    *lemmatizer
	governs   map[string]string // word -> tag of the verb it governs (governs.tsv)
}

// New loads the models and word lists.
func New() (*Pipeline, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("load sentence segmenter: %w", err)
	}
	abbrevs, err := loadAbbreviations()
	if err != nil {
		return nil, err
	}
	lexicon, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	governs, err := loadGoverns()
	if err != nil {
		return nil, err
	}
	tagger, err := tag.New(tag.WithLexicon(lexicon))
	if err != nil {
		return nil, fmt.Errorf("load part-of-speech tagger: %w", err)
	}
	lemmas, err := sharedLemmatizer()
	if err != nil {
		return nil, err
	}
	return &Pipeline{
		segmenter: seg,
		tokenizer: tokenize.New(),
		tagger:    tagger,
		abbrevs:   abbrevs,
		lemmas:    lemmas,
		governs:   governs,
	}, nil
}

// Analyze splits body into paragraphs, sentences and tokens, tags and
// lemmatises the tokens and finds the quotations. It never fails: any string,
// even invalid UTF-8, yields a Doc whose offsets fit the body.
func (p *Pipeline) Analyze(body string) *Doc {
	doc := &Doc{Body: body, Paragraphs: paragraphs(body)}

	// One backing array for every token of the document; each sentence gets
	// a capacity-limited window of it, so nothing a caller appends to one
	// sentence's tokens can overwrite the next sentence's.
	tokens := make([]Token, 0, len(body)/5+8)
	var scratch []tag.Token
	for pi, para := range doc.Paragraphs {
		for _, span := range p.sentences(body, para) {
			first := len(tokens)
			tokens = p.tokenize(body, span, tokens)
			sentTokens := tokens[first:len(tokens):len(tokens)]
			scratch = p.tagSentence(body, sentTokens, scratch)
			for i := range sentTokens {
				sentTokens[i].Lemma = p.lemmas.lemma(sentTokens[i].Text, sentTokens[i].Tag)
			}
			doc.Sentences = append(doc.Sentences, Sentence{
				Index:     len(doc.Sentences),
				Span:      span,
				Paragraph: pi,
				Tokens:    sentTokens,
			})
		}
	}
	doc.Quotes = findQuotes(body, doc.Paragraphs)
	return doc
}

// sentences segments one paragraph and repairs prose's boundaries.
func (p *Pipeline) sentences(body string, para dyad.Span) []dyad.Span {
	text := body[para.Start:para.End]
	raw := p.segmenter.Segment(text)
	spans := make([]dyad.Span, 0, len(raw))
	for _, s := range raw {
		start, end := para.Start+s.Start, para.Start+s.End()
		// Guard the invariants rather than trust them: spans stay inside
		// the paragraph, in order and non-overlapping.
		if n := len(spans); n > 0 && start < spans[n-1].End {
			start = spans[n-1].End
		}
		start, end = trimSpace(body, max(start, para.Start), min(end, para.End))
		if start < end {
			spans = append(spans, dyad.Span{Start: start, End: end})
		}
	}
	if len(spans) == 0 {
		return []dyad.Span{para}
	}
	// Whatever prose left between or around its sentences (it drops nothing
	// in practice, but a gap would lose words) joins the sentence before it.
	spans[0].Start = para.Start
	spans[len(spans)-1].End = para.End
	for i := 1; i < len(spans); i++ {
		if s, _ := trimSpace(body, spans[i-1].End, spans[i].Start); s < spans[i].Start {
			_, spans[i-1].End = trimSpace(body, spans[i-1].Start, spans[i].Start)
		}
	}
	return p.abbrevs.repair(body, spans)
}
