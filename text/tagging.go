package text

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strings"

	"github.com/jdkato/prose/v3/tag"

	"github.com/dyad-events/dyad/data"
)

// loadLexicon reads data/grammar/lexicon.tsv: the tags of words the tagger
// gets systematically wrong in news text.
func loadLexicon() (tag.Lexicon, error) {
	lex := tag.Lexicon{}
	lexiconTSV, err := fs.ReadFile(data.FS, "grammar/lexicon.tsv")
	if err != nil {
		return nil, fmt.Errorf("read grammar/lexicon.tsv: %w", err)
	}
	err = readTSV("grammar/lexicon.tsv", lexiconTSV, 2, func(f []string) error {
		lex[f[0]] = f[1]
		return nil
	})
	return lex, err
}

// loadGoverns reads data/grammar/governs.tsv: verb forms that fix the tag
// of the verb after them ("did not free", "kept pressing").
func loadGoverns() (map[string]string, error) {
	const name = "grammar/governs.tsv"
	b, err := fs.ReadFile(data.FS, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	governs := map[string]string{}
	err = readTSV(name, b, 2, func(f []string) error {
		if f[1] != "VB" && f[1] != "VBG" {
			return fmt.Errorf("tag %q: want VB or VBG", f[1])
		}
		governs[strings.ToLower(f[0])] = f[1]
		return nil
	})
	return governs, err
}

// readTSV calls fn with the tab-separated fields of every line that is not
// blank or a # comment, checking that it has want fields.
func readTSV(name string, b []byte, want int, fn func([]string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != want {
			return fmt.Errorf("%s:%d: want %d tab-separated fields, got %q", name, line, want, text)
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// tagSentence tags one sentence's tokens in place. scratch is reusable space
// for the tagger's input; the grown slice is returned for the next call.
func (p *Pipeline) tagSentence(body string, toks []Token, scratch []tag.Token) []tag.Token {
	scratch = scratch[:0]
	for _, t := range toks {
		scratch = append(scratch, tag.Token{Text: tagForm(body, t)})
	}
	p.tagger.TagTokens(scratch)
	for i := range toks {
		toks[i].Tag = scratch[i].Tag
	}
	fixPastTense(toks)
	fixLoneParticiple(toks)
	fixGoverned(toks, p.governs)
	fixCoordinatedAdjective(toks)
	fixPossessedGerund(toks)
	fixCasualtyList(toks)
	fixCallOn(toks)
	return scratch
}

// fixCoordinatedAdjective retags a capitalised word read as a common noun
// before "and"/"or" and a capitalised adjective (or proper word) that
// modifies a common noun: "Thai and Cambodian troops". Coordination joins words of one kind, so it is an adjective of
// nationality like its partner.
func fixCoordinatedAdjective(toks []Token) {
	for i := 0; i+2 < len(toks); i++ {
		t := toks[i]
		if t.Tag != "NN" || t.Text == "" || t.Text[0] < 'A' || t.Text[0] > 'Z' {
			continue
		}
		cc, adj := toks[i+1], toks[i+2]
		if cc.Tag != "CC" || (adj.Tag != "JJ" && adj.Tag != "NNP") || adj.Text == "" || adj.Text[0] < 'A' || adj.Text[0] > 'Z' {
			continue
		}
		if i+3 < len(toks) && strings.HasPrefix(toks[i+3].Tag, "NN") && toks[i+3].Text != "" &&
			toks[i+3].Text[0] >= 'a' && toks[i+3].Text[0] <= 'z' {
			toks[i].Tag = "JJ"
		}
	}
}

// fixGoverned retags the verb after a word that fixes its form
// (governs.tsv): after do-support ("did not free", "does not recognise")
// a base verb, after an aspect verb ("kept pressing", "stopped funding")
// a gerund. The tagger reads such words as adjectives or nouns, which loses
// the event and, after "did not", its negation.
func fixGoverned(toks []Token, governs map[string]string) {
	for i := 0; i+1 < len(toks); i++ {
		want, ok := governs[strings.ToLower(toks[i].Text)]
		if !ok || !strings.HasPrefix(toks[i].Tag, "VB") {
			continue
		}
		k := i + 1
		for k < len(toks) && strings.HasPrefix(toks[k].Tag, "RB") {
			k++
		}
		if k >= len(toks) || !isLowerWord(toks[k].Text) {
			continue
		}
		t := &toks[k]
		switch want {
		case "VB":
			switch t.Tag {
			case "VBP", "VBD", "VBN", "VBZ":
				t.Tag = "VB"
			case "JJ", "NN":
				if k > i+1 { // "did not free"; "did nothing" keeps its noun
					t.Tag = "VB"
				}
			}
		case "VBG":
			if strings.HasSuffix(t.Text, "ing") && (t.Tag == "NN" || t.Tag == "JJ") {
				t.Tag = "VBG"
			}
		}
	}
}

// isLowerWord: the token is a word written in lower case (not a name).
func isLowerWord(w string) bool {
	return w != "" && w[0] >= 'a' && w[0] <= 'z'
}

// fixPastTense retags VBN as VBD between a subject-like word and an object:
// "Rebels killed three soldiers", "Police arrested the man". The tagger
// often reads a past tense after a plural noun as a participle, which later
// stages would take for a passive or a reduced relative clause. A real
// reduced relative ("the man arrested Monday", "troops killed in the
// attack") is followed by a name, a preposition or a verb, not by a
// determiner, number, pronoun or common noun, so it is left alone. A
// regular past form tagged as a present (VBP "freed") is a past tense too.
func fixPastTense(toks []Token) {
	for i := range toks {
		if toks[i].Tag == "VBP" && strings.HasSuffix(toks[i].Text, "ed") {
			toks[i].Tag = "VBD"
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Tag == "JJ" && strings.HasSuffix(strings.ToLower(toks[i].Text), "ed") {
			fixPastAdjective(toks, i)
			continue
		}
		if (toks[i].Tag == "VBN" || toks[i].Tag == "VBD") && (toks[i-1].Tag == "DT" || toks[i-1].Tag == "PRP$") {
			switch toks[i+1].Tag {
			case "JJ", "NN", "NNS", "NNP", "NNPS":
				// "the alleged violations", "its disputed border": after a
				// determiner a past form modifies the noun
				toks[i].Tag = "JJ"
				continue
			}
		}
		if toks[i].Tag != "VBN" {
			continue
		}
		switch toks[i-1].Tag {
		case "NN", "NNS", "NNP", "NNPS", "PRP":
		default:
			continue
		}
		switch toks[i+1].Tag {
		case "DT", "PRP$", "CD", "PRP", "NN", "NNS":
			toks[i].Tag = "VBD"
		}
	}
}

// fixLoneParticiple retags as a past tense the first participle with an
// object after it in a sentence that has no finite verb: "Juan Perez, the
// country's leading activist, condemned Chile" read with "condemned" as a
// participle has no verb of its own, and a sentence has one.
func fixLoneParticiple(toks []Token) {
	for _, t := range toks {
		switch t.Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Tag != "VBN" {
			continue
		}
		switch toks[i-1].Tag { // "the newly elected president" is a modifier
		case ",", "NN", "NNS", "NNP", "NNPS", "PRP":
		default:
			return
		}
		switch toks[i+1].Tag {
		case "DT", "PRP$", "CD", "PRP", "NN", "NNS", "NNP", "NNPS":
			toks[i].Tag = "VBD"
		}
		return
	}
}

// fixPastAdjective retags a past form read as an adjective (JJ, "-ed")
// that stands between a subject and an object as a past tense: "Border
// agents sexually abused migrants", "Police brutally assaulted the
// protesters". An adjective has a noun after it or stands after a
// determiner; one after a noun (and its adverbs) and before a determiner,
// pronoun, number or, behind an adverb, a noun is a verb.
func fixPastAdjective(toks []Token, i int) {
	k := i - 1
	for k > 0 && strings.HasPrefix(toks[k].Tag, "RB") {
		k--
	}
	adverb := k < i-1
	switch toks[k].Tag {
	case "NN", "NNS", "NNP", "NNPS", "PRP":
	default:
		return
	}
	switch toks[i+1].Tag {
	case "DT", "PRP$", "CD", "PRP":
		toks[i].Tag = "VBD"
	case "NN", "NNS", "NNP", "NNPS", "JJ":
		if adverb { // "agents sexually abused illegal migrants"
			toks[i].Tag = "VBD"
		}
	}
}

// fixCallOn retags "call" or "calls" read as a noun after a name or a
// plural noun and before "on" or "upon" as a verb: "China and Russia call
// on the US to lift sanctions". The noun ("a call on Russia to ...") has a
// determiner or adjective before it.
func fixCallOn(toks []Token) {
	for i := 1; i+1 < len(toks); i++ {
		low := strings.ToLower(toks[i].Text)
		if low != "call" && low != "calls" || toks[i].Tag != "NN" && toks[i].Tag != "NNS" {
			continue
		}
		next := strings.ToLower(toks[i+1].Text)
		if next != "on" && next != "upon" {
			continue
		}
		switch toks[i-1].Tag {
		case "NNP", "NNPS", "NNS", "PRP":
			if low == "calls" {
				toks[i].Tag = "VBZ"
			} else {
				toks[i].Tag = "VBP"
			}
		}
	}
}

// fixCasualtyList retags a past form after "dead and" (and a number) as an
// adjective: "left 18 people dead and 47 wounded" lists the casualties; the
// past form is no verb of the clause.
func fixCasualtyList(toks []Token) {
	for i := 2; i < len(toks); i++ {
		if toks[i].Tag != "VBN" && toks[i].Tag != "VBD" {
			continue
		}
		k := i - 1
		if toks[k].Tag == "CD" {
			k--
		}
		if k >= 1 && strings.EqualFold(toks[k].Text, "and") && strings.EqualFold(toks[k-1].Text, "dead") {
			toks[i].Tag = "JJ"
		}
	}
}

// fixPossessedGerund retags a gerund between a possessive and a noun or
// adjective as an adjective: "Algeria's leading rights activist", "the
// country's ruling party". A possessed word is a noun's modifier, never a
// verb of the clause.
func fixPossessedGerund(toks []Token) {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Tag != "VBG" || toks[i-1].Tag != "POS" {
			continue
		}
		switch toks[i+1].Tag {
		case "JJ", "NN", "NNS", "NNP", "NNPS":
			toks[i].Tag = "JJ"
		}
	}
}

// tagForm is the spelling the tagger sees for a token. The tagger was trained
// on the Penn Treebank, which writes an opening quotation mark as two
// backquotes, a closing one as two straight single quotes, dashes as two
// hyphens and apostrophes straight; shown a curly quote it guesses (“ as IN,
// ’s as NNP). The body is never rewritten, so offsets are untouched.
func tagForm(body string, t Token) string {
	switch t.Text {
	case "“", "«":
		return "``"
	case "”", "»":
		return "''"
	case "‘":
		return "`"
	case "’":
		return "'"
	case `"`:
		if opensQuote(body, t.Start, t.End) {
			return "``"
		}
		return "''"
	case "—", "–":
		return "--"
	}
	if strings.Contains(t.Text, "’") {
		return strings.ReplaceAll(t.Text, "’", "'")
	}
	return t.Text
}
