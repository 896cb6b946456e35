package text

import (
	"io/fs"

	"fmt"
	"github.com/dyad-events/dyad/data"
	"strings"
	"sync"

	"github.com/aaaton/golem/v4/dicts/en"
)

// lemmatizer finds lemmas in golem's English dictionary.
//
// golem's own Lemmatizer is not used for the lookup because it cannot choose
// by part of speech: for a word with several base forms it returns the word
// itself in place of all but the first ("left" -> [left left], never
// "leave"), and its Lemmas sorts a shared slice in place, which is a data
// race between goroutines. The dictionary itself (lines of "base form
// form...") is golem's; this index keeps every base of every form, and
// whether each base has an -ing form, which marks it as a verb.
type lemmatizer struct {
	bases     []base
	forms     map[string][]int32 // form -> indexes into bases, in dictionary order
	overrides map[string][]override
}

type base struct {
	word   string
	verbal bool // the dictionary lists an -ing form for it
}

type override struct {
	tagPrefix string // "" matches every tag
	lemma     string
}

// sharedLemmatizer is built once per process: the index is read-only and
// takes a few tens of milliseconds to build.
var sharedLemmatizer = sync.OnceValues(func() (*lemmatizer, error) {
	dict, err := en.New().GetResource()
	if err != nil {
		return nil, fmt.Errorf("load golem English dictionary: %w", err)
	}
	l := &lemmatizer{forms: make(map[string][]int32, 100_000), overrides: map[string][]override{}}
	for line := range strings.SplitSeq(string(dict), "\n") {
		words := strings.Split(line, "\t")
		if len(words) < 2 || words[0] == "" {
			continue
		}
		b := base{word: words[0]}
		for _, w := range words[1:] {
			if strings.HasSuffix(w, "ing") && w != b.word {
				b.verbal = true
			}
		}
		idx := int32(len(l.bases))
		l.bases = append(l.bases, b)
		for _, w := range words {
			if !containsIndex(l.forms[w], idx) {
				l.forms[w] = append(l.forms[w], idx)
			}
		}
	}
	// data/grammar/lemmas.tsv overrides the dictionary for words whose lemma
	// depends on the part of speech in ways the rules in lemma() cannot see.
	lemmasTSV, err := fs.ReadFile(data.FS, "grammar/lemmas.tsv")
	if err != nil {
		return nil, fmt.Errorf("read grammar/lemmas.tsv: %w", err)
	}
	err = readTSV("grammar/lemmas.tsv", lemmasTSV, 3, func(f []string) error {
		prefix := f[1]
		if prefix == "*" {
			prefix = ""
		}
		l.overrides[f[0]] = append(l.overrides[f[0]], override{tagPrefix: prefix, lemma: f[2]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, nil
})

func containsIndex(s []int32, x int32) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// lemma returns the lemma of a token with the given text and tag.
func (l *lemmatizer) lemma(text, tag string) string {
	if tag == "NNP" || tag == "NNPS" {
		return text
	}
	word := strings.ToLower(text)
	if strings.Contains(word, "’") {
		word = strings.ReplaceAll(word, "’", "'")
	}
	for _, o := range l.overrides[word] {
		if strings.HasPrefix(tag, o.tagPrefix) {
			return o.lemma
		}
	}
	switch {
	case strings.HasPrefix(tag, "VB") || tag == "MD":
		return l.choose(word, true, tag == "VB" || tag == "VBP" || tag == "MD")
	case tag == "NNS":
		return l.choose(word, false, false)
	}
	// Singular nouns, adjectives, adverbs and the rest are their own lemma:
	// the dictionary would turn "data" into "datum" and "media" into
	// "medium" and adjectives such as "united" into verbs.
	return word
}

// choose picks among the dictionary's bases for word. For verbs it prefers a
// base with verb forms; baseForm says the tag is itself a base form (VB,
// VBP), where the word is its own lemma if the dictionary allows it, while
// for inflected tags (VBD, VBZ, NNS...) a base other than the word wins
// ("left" VBD -> "leave", "found" VBD -> "find"). For plural nouns it prefers
// a base that is not a verb ("lives" -> "life"). Ties go to the base sharing
// the longest prefix with the word, then to dictionary order.
func (l *lemmatizer) choose(word string, verb, baseForm bool) string {
	idx := l.forms[word]
	switch len(idx) {
	case 0:
		if verb && !baseForm {
			return l.regular(word)
		}
		return word
	case 1:
		return l.bases[idx[0]].word
	}
	best, bestScore := word, -1
	for _, i := range idx {
		b := l.bases[i]
		score := 0
		if b.verbal == verb {
			score += 4
		}
		if (b.word == word) == baseForm {
			score += 2
		}
		score = score*64 + commonPrefix(b.word, word)
		if score > bestScore {
			best, bestScore = b.word, score
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return min(n, 63)
}

// regular undoes a regular inflection that the dictionary does not list
// ("torched", "torching", "firebombed", "teargassed"): it returns the first
// stem that the dictionary knows as a base form, a verb before a noun, or
// the word itself when no stem is known, since a guessed stem would be a
// non-word.
func (l *lemmatizer) regular(word string) string {
	var stems []string
	switch {
	case strings.HasSuffix(word, "ied") && len(word) > 4:
		stems = append(stems, word[:len(word)-3]+"y")
	case strings.HasSuffix(word, "ed") && len(word) > 4:
		stem := word[:len(word)-2]
		stems = append(stems, stem, undouble(stem), stem+"e")
	case strings.HasSuffix(word, "ing") && len(word) > 5:
		stem := word[:len(word)-3]
		stems = append(stems, stem, undouble(stem), stem+"e")
	case strings.HasSuffix(word, "ies") && len(word) > 4:
		stems = append(stems, word[:len(word)-3]+"y")
	case strings.HasSuffix(word, "es") && len(word) > 4:
		stems = append(stems, word[:len(word)-2], word[:len(word)-1])
	case strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") && len(word) > 3:
		stems = append(stems, word[:len(word)-1])
	}
	fallback := ""
	for _, st := range stems {
		for _, i := range l.forms[st] {
			b := l.bases[i]
			if b.word != st {
				continue
			}
			if b.verbal {
				return st
			}
			if fallback == "" {
				fallback = st
			}
		}
	}
	if fallback != "" {
		return fallback
	}
	return word
}

// undouble drops a doubled final consonant ("teargass" -> "teargas",
// "stopp" -> "stop"); other stems come back unchanged.
func undouble(stem string) string {
	n := len(stem)
	if n >= 3 && stem[n-1] == stem[n-2] && !strings.ContainsRune("aeiou", rune(stem[n-1])) {
		return stem[:n-1]
	}
	return stem
}
