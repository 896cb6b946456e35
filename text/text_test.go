package text

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/testshared"
)

var (
	pipelineOnce sync.Once
	pipeline     *Pipeline
	pipelineErr  error
)

// testPipeline loads the models once for all tests.
func testPipeline(t testing.TB) *Pipeline {
	t.Helper()
	pipelineOnce.Do(func() { pipeline, pipelineErr = New() })
	if pipelineErr != nil {
		t.Fatal(pipelineErr)
	}
	return pipeline
}

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t testing.TB) string { return testshared.Dir(t) }

func readShared(t testing.TB, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedDir(t), rel))
	if err != nil {
		t.Skipf("shared file %s absent: %v", rel, err)
	}
	return string(b)
}

var textElement = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)

// xmlTexts returns the contents of the <Text> elements of a PETRARCH file.
func xmlTexts(t testing.TB, rel string) []string {
	var out []string
	for _, m := range textElement.FindAllStringSubmatch(readShared(t, rel), -1) {
		out = append(out, m[1])
	}
	return out
}

// seedBody returns the body of the seed example: everything after
// " date 2024-11-06 ".
func seedBody(t testing.TB) string {
	raw := readShared(t, "examples/seed/000_2881ff98ad935c2a.txt")
	const marker = "date 2024-11-06 "
	i := strings.Index(raw, marker)
	if i < 0 {
		t.Fatalf("seed file has no %q", marker)
	}
	return raw[i+len(marker):]
}

func sentenceTexts(d *Doc) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, s.Text(d.Body))
	}
	return out
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"empty", "", nil},
		{"blank", " \n\t\n ", nil},
		{"one", "One line.", []string{"One line."}},
		{"hard wrapped", "One line\nwrapped here.\n", []string{"One line\nwrapped here."}},
		{"blank line", "One.\n\nTwo.", []string{"One.", "Two."}},
		{"spaces in blank line", "One.\n \t \nTwo.\r\n\r\nThree.", []string{"One.", "Two.", "Three."}},
		{"many blank lines", "\n\nOne.\n\n\n\nTwo.\n\n", []string{"One.", "Two."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range paragraphs(tt.body) {
				got = append(got, p.In(tt.body))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs(%q) = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

func TestSentenceSplitting(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		name, body string
		want       []string
	}{
		{"plain", "Troops shelled the town. Civilians fled.",
			[]string{"Troops shelled the town.", "Civilians fled."}},
		{"U.S. mid-sentence", "He met officials in the U.S. on Monday. Then he left.",
			[]string{"He met officials in the U.S. on Monday.", "Then he left."}},
		{"U.S. at the end", "He went to the U.S. He met Obama.",
			[]string{"He went to the U.S.", "He met Obama."}},
		{"U.S. before a continuation", "The U.S. Army arrived. The U.N. Security Council met.",
			[]string{"The U.S. Army arrived.", "The U.N. Security Council met."}},
		{"U.S. starting a sentence", "The U.S. Fish and Wildlife Service returned 21 frogs.",
			[]string{"The U.S. Fish and Wildlife Service returned 21 frogs."}},
		{"titles", "Mr. Smith and Mrs. Jones met Dr. Who. Gen. Lee and Lt. Col. Smith spoke.",
			[]string{"Mr. Smith and Mrs. Jones met Dr. Who.", "Gen. Lee and Lt. Col. Smith spoke."}},
		{"politicians and dates", "Sen. John McCain, Rep. Pelosi and Gov. Brown came on Jan. 5 and Sept. 11. It rained.",
			[]string{"Sen. John McCain, Rep. Pelosi and Gov. Brown came on Jan. 5 and Sept. 11.", "It rained."}},
		{"companies and initials", "George W. Bush met No. 10 on Main St. yesterday. Apple Inc. and Ford Motor Co. and Acme Corp. and Foo Ltd. and Martin Luther King Jr. were there. Iran vs. Iraq was a war.",
			[]string{"George W. Bush met No. 10 on Main St. yesterday.", "Apple Inc. and Ford Motor Co. and Acme Corp. and Foo Ltd. and Martin Luther King Jr. were there.", "Iran vs. Iraq was a war."}},
		{"company at the end", "He works for Apple Inc. The company grew.",
			[]string{"He works for Apple Inc.", "The company grew."}},
		{"initialism at the end", "George H.W. Bush met the F.B.I. The agency declined.",
			[]string{"George H.W. Bush met the F.B.I.", "The agency declined."}},
		{"time before a weekday", "Troops must leave by 5 a.m. Tuesday or face attack.",
			[]string{"Troops must leave by 5 a.m. Tuesday or face attack."}},
		{"straight quote said", `"We will win," he said. "They will lose." He left.`,
			[]string{`"We will win," he said.`, `"They will lose."`, "He left."}},
		{"curly quote said", "“We will win,” the statement said. “They will lose.” He left.",
			[]string{"“We will win,” the statement said.", "“They will lose.”", "He left."}},
		{"exclamation in quote", "“We will win!” he said. He left.",
			[]string{"“We will win!” he said.", "He left."}},
		{"quote over sentences", "“We won. They lost,” he said.",
			[]string{"“We won.", "They lost,” he said."}},
		{"paragraph boundary", "He spoke\nat length.\n\nThen he left",
			[]string{"He spoke\nat length.", "Then he left"}},
		{"no paragraph crossing", "Talks were held in the U.S.\n\nArmy officials said so.",
			[]string{"Talks were held in the U.S.", "Army officials said so."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(p.Analyze(tt.body))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	p := testPipeline(t)
	type q struct {
		text   string
		closed bool
	}
	tests := []struct {
		name, body string
		want       []q
	}{
		{"curly", "He said “we will win” today.", []q{{"we will win", true}}},
		{"straight", `He said "we will win" and "they lose."`, []q{{"we will win", true}, {"they lose.", true}}},
		{"apostrophes are not quotes", "Azerbaijan’s leader didn’t go; Iran's did.", nil},
		{"single curly", "He called it ‘a disaster’ and the students’ union agreed.", []q{{"a disaster", true}}},
		{"single inside double ignored", "He said “it was ‘fine’ then” and left.", []q{{"it was ‘fine’ then", true}}},
		{"unclosed ends at paragraph", "He said “we will win.\n\nNext paragraph.", []q{{"we will win.", false}}},
		{"newswire continuation", "“We will fight.\n\n“We will win,” he said.\n\nAfter.",
			[]q{{"We will fight.\n\n“We will win,", true}}},
		{"continuation left unclosed", "“We will fight.\n\n“We will win.\n\nAfter.",
			[]q{{"We will fight.\n\n“We will win.", false}}},
		{"closed paragraphs later", "“One.\n\nTwo.\n\nThree,” it read.", []q{{"One.\n\nTwo.\n\nThree,", true}}},
		{"new quote mid-paragraph ends unclosed one", "“One.\n\nSays “two” here.",
			[]q{{"One.", false}, {"two", true}}},
		{"stray close ignored", "He said we will win” today.", nil},
		{"empty quote dropped", "He said “” today.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := p.Analyze(tt.body)
			var got []q
			for _, x := range d.Quotes {
				got = append(got, q{x.Span.In(tt.body), x.Closed()})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("quotes of %q = %+v, want %+v", tt.body, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d of %q = %+v, want %+v", i, tt.body, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestQuoteAt(t *testing.T) {
	p := testPipeline(t)
	body := "He said “we will win” today."
	d := p.Analyze(body)
	tests := []struct {
		word string
		in   bool
	}{{"He", false}, {"“", true}, {"will", true}, {"”", true}, {"today", false}}
	for _, tt := range tests {
		_, ok := d.QuoteAt(strings.Index(body, tt.word))
		if ok != tt.in {
			t.Errorf("QuoteAt(%q) = %v, want %v", tt.word, ok, tt.in)
		}
	}
}

func TestSeedExample(t *testing.T) {
	p := testPipeline(t)
	body := seedBody(t)
	d := p.Analyze(body)
	checkDoc(t, d)

	if len(d.Paragraphs) != 9 {
		t.Errorf("got %d paragraphs, want 9", len(d.Paragraphs))
	}
	letterStart := strings.Index(body, "“The Republic of Azerbaijan")
	letterEnd := strings.Index(body, "people,”") + len("people,")
	var letter, heartily *Quote
	for i, q := range d.Quotes {
		switch q.Span.In(body) {
		case "heartily":
			heartily = &d.Quotes[i]
		}
		if q.Open.Start == letterStart {
			letter = &d.Quotes[i]
		}
	}
	if heartily == nil {
		t.Errorf("no quote “heartily”; quotes: %+v", d.Quotes)
	}
	if letter == nil {
		t.Fatalf("no quote opening at the letter (offset %d); quotes: %+v", letterStart, d.Quotes)
	}
	if letter.End != letterEnd || !letter.Closed() {
		t.Errorf("letter quote ends at %d (closed %v), want %d closed", letter.End, letter.Closed(), letterEnd)
	}
	for _, q := range d.Quotes {
		if q != *letter && letter.Region().Overlaps(q.Region()) {
			t.Errorf("quote %q overlaps the letter", q.Span.In(body))
		}
	}
	if q, ok := d.QuoteAt(strings.Index(body, "bilateral partnership")); !ok || q != *letter {
		t.Errorf("QuoteAt inside the letter = %+v, %v", q, ok)
	}

	last := d.Sentences[len(d.Sentences)-1].Text(body)
	if !strings.HasPrefix(last, "Once again, I express") || !strings.HasSuffix(last, "the congratulations read.") {
		t.Errorf("last sentence = %q", last)
	}
	first := d.Sentences[0]
	if got := first.Tokens[0].Text; got != "Azerbaijani" {
		t.Errorf("first token = %q", got)
	}
}

func TestTokens(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		body string
		want string // tokens joined by spaces
	}{
		{"He didn't go.", "He did n't go ."},
		{"Azerbaijan's and Azerbaijan’s energy.", "Azerbaijan 's and Azerbaijan ’s energy ."},
		{"They won’t, I’m sure.", "They wo n’t , I ’m sure ."},
		{"He met Acme Corp. and Sept. 11 victims.", "He met Acme Corp. and Sept. 11 victims ."},
		{"George W. Bush spoke.", "George W. Bush spoke ."},
		{"It was Tom.", "It was Tom ."},
		{"He went to the U.S.", "He went to the U.S."},
		{"“We won.”", "“ We won . ”"},
		{"Beijing--which resisted—and Moscow – too.", "Beijing -- which resisted — and Moscow – too ."},
		{"{France is ready, he said on Monday.}", "{ France is ready , he said on Monday . }"},
		{"Bangladesh cannot accept more refugees.", "Bangladesh can not accept more refugees ."},
		{"$5 (or 10%) in U.S.-led talks.", "$ 5 ( or 10% ) in U.S.-led talks ."},
	}
	for _, tt := range tests {
		d := p.Analyze(tt.body)
		var got []string
		for _, s := range d.Sentences {
			for _, tok := range s.Tokens {
				got = append(got, tok.Text)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("tokens of %q = %q, want %q", tt.body, g, tt.want)
		}
	}
}

// tokenOf returns the first token with the given text.
func tokenOf(t *testing.T, d *Doc, text string) Token {
	t.Helper()
	for _, s := range d.Sentences {
		for _, tok := range s.Tokens {
			if tok.Text == text {
				return tok
			}
		}
	}
	t.Fatalf("no token %q in %q", text, d.Body)
	return Token{}
}

func TestTagsAndLemmas(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		body, word, tag, lemma string
	}{
		{"Aliyev did not congratulate Moldovan President Maia Sandu.", "congratulate", "VB", "congratulate"},
		{"Aliyev did not congratulate Moldovan President Maia Sandu.", "Sandu", "NNP", "Sandu"},
		{"Aliyev did not congratulate Moldovan President Maia Sandu.", "did", "VBD", "do"},
		{"Russian troops shelled the town on Monday.", "shelled", "VBD", "shell"},
		{"Russian troops shelled the town on Monday.", "troops", "NNS", "troop"},
		{"Aliyev has congratulated Donald Trump.", "congratulated", "VBN", "congratulate"},
		{"Obama met Putin in Moscow.", "met", "VBD", "meet"},
		{"Rebels killed three soldiers.", "killed", "VBD", "kill"},
		{"Police arrested the man.", "arrested", "VBD", "arrest"},
		{"The talks were held in Geneva.", "talks", "NNS", "talk"},
		{"The talks were held in Geneva.", "were", "VBD", "be"},
		{"He talks to Iran.", "talks", "VBZ", "talk"},
		{"He didn't go.", "n't", "RB", "not"},
		{"She won’t go.", "n’t", "RB", "not"},
		{"He left Kabul on Monday.", "left", "VBD", "leave"},
		{"The minister leaves tomorrow.", "leaves", "VBZ", "leave"},
		{"The leaves fell.", "leaves", "NNS", "leaf"},
		{"The leaves fell.", "fell", "VBD", "fall"},
		{"Police found the bodies.", "found", "VBD", "find"},
		{"Azerbaijan’s president spoke.", "’s", "POS", "'s"},
		{"“The Republic of Azerbaijan attaches importance.”", "“", "``", "“"},
		{"“The Republic of Azerbaijan attaches importance.”", "attaches", "VBZ", "attach"},
		{"The meeting ended.", "meeting", "NN", "meeting"},
		{"He is meeting Putin.", "meeting", "VBG", "meet"},
		{"State media reported it.", "media", "NNS", "media"},
		// do-support and aspect verbs fix the form of the verb after them
		{"Tehran did not free the French tourist.", "free", "VB", "free"},
		{"The president did nothing.", "nothing", "NN", "nothing"},
		{"Officials would keep pressing Cairo for answers.", "pressing", "VBG", "press"},
		{"Donors stopped funding the agency.", "funding", "VBG", "fund"},
		// coordination joins words of one kind
		{"ISLAMABAD, May 2 - Thai and Pakistani troops exchanged fire.", "Thai", "JJ", "thai"},
	}
	for _, tt := range tests {
		tok := tokenOf(t, p.Analyze(tt.body), tt.word)
		if tok.Tag != tt.tag || tok.Lemma != tt.lemma {
			t.Errorf("%q in %q: tag %s lemma %q, want %s %q", tt.word, tt.body, tok.Tag, tok.Lemma, tt.tag, tt.lemma)
		}
	}
}

// parseLeaf matches "(TAG word)" in a Penn Treebank parse.
var parseLeaf = regexp.MustCompile(`\(([^\s()]+) ([^\s()]+)\)`)

// TestTagAccuracy compares the tags with the hand parses of the GigaWord
// sample, skipping the AUX tags PETRARCH adds to the Penn set.
func TestTagAccuracy(t *testing.T) {
	p := testPipeline(t)
	xml := readShared(t, "data/petrarch2/GigaWord.sample.PETR.xml")
	pair := regexp.MustCompile(`(?s)<Text>(.*?)</Text>\s*<Parse>(.*?)</Parse>`)
	total, right := 0, 0
	for _, m := range pair.FindAllStringSubmatch(xml, -1) {
		d := p.Analyze(m[1])
		var toks []Token
		for _, s := range d.Sentences {
			toks = append(toks, s.Tokens...)
		}
		j := 0
		for _, leaf := range parseLeaf.FindAllStringSubmatch(m[2], -1) {
			gold, word := leaf[1], leaf[2]
			for j < len(toks) && toks[j].Text != word {
				j++
			}
			if j == len(toks) {
				break
			}
			if !strings.HasPrefix(gold, "AUX") {
				total++
				if toks[j].Tag == gold {
					right++
				}
			}
			j++
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("tag accuracy on the GigaWord sample: %d/%d = %.3f", right, total, acc)
	if total < 500 || acc < 0.93 {
		t.Errorf("tag accuracy %d/%d = %.3f, want >= 0.93 over >= 500 tokens", right, total, acc)
	}
}

// TestCorpusInvariants runs every text we can find through the checks the
// fuzz target makes, and checks that one-sentence texts stay one sentence.
func TestCorpusInvariants(t *testing.T) {
	p := testPipeline(t)
	var bodies []string
	bodies = append(bodies, seedBody(t))
	gigaword := xmlTexts(t, "data/petrarch2/GigaWord.sample.PETR.xml")
	bodies = append(bodies, gigaword...)
	bodies = append(bodies, xmlTexts(t, "data/petrarch2/PETR.UnitTest.records.xml")...)
	var oneSentence []string
	for _, line := range strings.Split(readShared(t, "data/conflibert_cameo/cameo_class/test.tsv"), "\n") {
		if text, _, ok := strings.Cut(line, "\t"); ok {
			oneSentence = append(oneSentence, text)
		}
	}
	bodies = append(bodies, oneSentence...)
	for _, body := range bodies {
		checkDoc(t, p.Analyze(body))
	}
	split := 0
	for _, body := range append(gigaword, oneSentence...) {
		if n := len(p.Analyze(body).Sentences); n > 1 {
			split++
			t.Logf("one sentence split into %d: %q", n, body)
		}
	}
	if split > 3 {
		t.Errorf("%d single sentences were split", split)
	}
}

func TestConcurrentUse(t *testing.T) {
	p := testPipeline(t)
	bodies := []string{
		"Rebels killed three soldiers. “We will win,” he said.",
		"The leaves fell in the U.S. Army base.\n\nHe left.",
		"Azerbaijan’s president didn’t call Sandu.",
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				checkDoc(t, p.Analyze(bodies[(g+i)%len(bodies)]))
			}
		})
	}
	wg.Wait()
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", "U.S.", "“", "”", `"`, "'", "‘a’", "He said “we\n\n“win", "Mr. Smith went to Washington.",
		"Beijing--which", "It was Tom.", "a.m. Tuesday", "\xe2\x80", "x\n \n\ny", "——", "--.",
		"George W. Bush met the F.B.I. The agency declined.", "“One.\n\nTwo.\n\nThree,” it read.",
	} {
		f.Add(s)
	}
	p := testPipeline(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkDoc(t, p.Analyze(body))
	})
}

// checkDoc checks the invariants every Doc must keep.
func checkDoc(t testing.TB, d *Doc) {
	t.Helper()
	body := d.Body
	inRange := func(what string, start, end int) bool {
		if start < 0 || end > len(body) || start > end {
			t.Errorf("%s [%d,%d) out of range for a body of %d bytes", what, start, end, len(body))
			return false
		}
		return true
	}
	prevEnd := 0
	for i, para := range d.Paragraphs {
		if !inRange("paragraph", para.Start, para.End) || para.Start < prevEnd || para.Start == para.End {
			t.Errorf("paragraph %d %v bad (previous ended at %d)", i, para, prevEnd)
			return
		}
		prevEnd = para.End
	}
	prevEnd = 0
	prevPara := 0
	for i, s := range d.Sentences {
		if s.Index != i {
			t.Errorf("sentence %d has Index %d", i, s.Index)
		}
		if !inRange("sentence", s.Start, s.End) || s.Start < prevEnd || s.Start == s.End {
			t.Errorf("sentence %d %v bad (previous ended at %d)", i, s.Span, prevEnd)
			return
		}
		if s.Paragraph < prevPara || s.Paragraph >= len(d.Paragraphs) || !d.Paragraphs[s.Paragraph].Contains(s.Span) {
			t.Errorf("sentence %d %v not inside its paragraph %d", i, s.Span, s.Paragraph)
		}
		prevEnd, prevPara = s.End, s.Paragraph
		tokEnd := s.Start
		for _, tok := range s.Tokens {
			if !inRange("token", tok.Start, tok.End) || tok.Start < tokEnd || tok.End > s.End || tok.Start == tok.End {
				t.Errorf("token %q %v bad in sentence %v", tok.Text, tok.Span, s.Span)
				return
			}
			if body[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q at %v but body has %q", tok.Text, tok.Span, body[tok.Start:tok.End])
			}
			if tok.Tag == "" {
				t.Errorf("token %q has no tag", tok.Text)
			}
			tokEnd = tok.End
		}
		if utf8.ValidString(s.Text(body)) && strings.TrimSpace(s.Text(body)) != "" && len(s.Tokens) == 0 {
			t.Errorf("sentence %q has no tokens", s.Text(body))
		}
	}
	prevEnd = 0
	for i, q := range d.Quotes {
		r := q.Region()
		if !inRange("quote", q.Start, q.End) || !inRange("quote region", r.Start, r.End) ||
			!inRange("open mark", q.Open.Start, q.Open.End) || r.Start < prevEnd ||
			!r.Contains(q.Span) || q.Open.End > q.Start {
			t.Errorf("quote %d %+v bad (previous ended at %d)", i, q, prevEnd)
			return
		}
		if q.Closed() && (!inRange("close mark", q.Close.Start, q.Close.End) || q.Close.Start < q.End) {
			t.Errorf("quote %d close mark %v bad", i, q.Close)
		}
		prevEnd = r.End
	}
}

// pathological are inputs with quadratic corners: prose's tokenizer is
// quadratic in the length of a word, and the quote and dash scans must stay
// linear. The test checks the output is well formed; how long they take is
// measured by BenchmarkPathological, never asserted.
var pathological = map[string]string{
	"periods":        strings.Repeat(".", 20_000),
	"dashes":         strings.Repeat("a—", 10_000),
	"straight marks": strings.Repeat(`" `, 10_000),
	"curly marks":    strings.Repeat("“a ‘b ", 4_000),
	"paragraphs":     strings.Repeat("“a\n\n", 4_000),
	"abbreviations":  strings.Repeat("U.S. ", 4_000),
	"one long word":  strings.Repeat("x", 40_000),
}

func TestPathologicalInputs(t *testing.T) {
	p := testPipeline(t)
	for _, body := range pathological {
		checkDoc(t, p.Analyze(body))
	}
}

func BenchmarkPathological(b *testing.B) {
	p := testPipeline(b)
	for name, body := range pathological {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for range b.N {
				p.Analyze(body)
			}
		})
	}
}
