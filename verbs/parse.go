package verbs

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SlotMark is the pattern element that stands for the recipient actor.
const SlotMark = "+"

// maxCodeDigits bounds CAMEO codes: roots have 2 digits, leaves 4.
const (
	minCodeDigits = 2
	maxCodeDigits = 4
)

// maxLineExpansions bounds how many patterns one line may stand for, so a line
// full of multi-word alternatives cannot blow up the dictionary.
const maxLineExpansions = 256

// ParseLine parses one line of a verb-pattern file into the patterns it
// stands for. Blank lines and comment lines give (nil, nil). The returned
// patterns have no File or Line set: the caller knows where the line came
// from.
//
// A line is
//
//	CODE  head [element ...]  [attr ...]  [# comment]
//
// where attributes are the trailing fields that contain "=" or are the
// single word "self". Once an attribute has been seen, every later field must
// be one too, so a stray word can never silently become part of the pattern.
//
// An alternative may join several words with "_" ("withdraw|pull_out"); such
// a line expands into one pattern per multi-word alternative, plus one for
// the single-word alternatives together, so that every Elem holds single
// words only.
func ParseLine(line string) ([]*Pattern, error) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	if !utf8.ValidString(line) {
		return nil, errors.New("line is not valid UTF-8")
	}
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return nil, nil
	}
	code := fields[0]
	if err := checkCode(code); err != nil {
		return nil, err
	}

	rest := fields[1:]
	attrStart := len(rest)
	for i, f := range rest {
		if isAttr(f) {
			attrStart = i
			break
		}
	}
	words, attrs := rest[:attrStart], rest[attrStart:]
	if len(words) == 0 {
		return nil, fmt.Errorf("code %s has no pattern", code)
	}
	if words[0] == SlotMark {
		return nil, errors.New("the head must be a verb, not the recipient slot +")
	}

	// Each field gives one or more variants, each variant a run of elements.
	variants := make([][][]Elem, 0, len(words))
	slots, total := 0, 1
	for i, w := range words {
		if w == SlotMark {
			slots++
			if slots > 1 {
				return nil, errors.New("more than one recipient slot +")
			}
			variants = append(variants, [][]Elem{{{Slot: true}}})
			continue
		}
		v, err := parseField(w)
		if err != nil {
			if i == 0 {
				return nil, fmt.Errorf("head %q: %w", w, err)
			}
			return nil, fmt.Errorf("element %q: %w", w, err)
		}
		total *= len(v)
		if total > maxLineExpansions {
			return nil, fmt.Errorf("line expands to more than %d patterns; split it", maxLineExpansions)
		}
		variants = append(variants, v)
	}

	var attr Pattern
	for _, a := range attrs {
		if err := attr.setAttr(a); err != nil {
			return nil, err
		}
	}

	var out []*Pattern
	var build func(i int, elems []Elem)
	build = func(i int, elems []Elem) {
		if i == len(variants) {
			p := &Pattern{Code: code, Head: elems[0].Words, Mode: attr.Mode, Context: attr.Context, Self: attr.Self}
			if len(elems) > 1 {
				p.Elems = append([]Elem(nil), elems[1:]...)
			}
			out = append(out, p)
			return
		}
		for _, run := range variants[i] {
			build(i+1, append(elems[:len(elems):len(elems)], run...))
		}
	}
	build(0, nil)
	return out, nil
}

// parseField splits one field into its variants: the single-word
// alternatives together as one element, and each "_"-joined alternative as
// its own run of elements.
func parseField(field string) ([][]Elem, error) {
	alts, err := parseAlternatives(field)
	if err != nil {
		return nil, err
	}
	var single []string
	var multi [][]Elem
	for _, a := range alts {
		if !strings.Contains(a, "_") {
			single = append(single, a)
			continue
		}
		var run []Elem
		for _, w := range strings.Split(a, "_") {
			if w == "" {
				return nil, fmt.Errorf("alternative %q: empty word around _", a)
			}
			if err := checkWord(w); err != nil {
				return nil, err
			}
			run = append(run, Elem{Words: []string{w}})
		}
		multi = append(multi, run)
	}
	var out [][]Elem
	if len(single) > 0 {
		out = append(out, []Elem{{Words: single}})
	}
	return append(out, multi...), nil
}

func checkCode(code string) error {
	if len(code) < minCodeDigits || len(code) > maxCodeDigits {
		return fmt.Errorf("code %q: want %d to %d digits", code, minCodeDigits, maxCodeDigits)
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return fmt.Errorf("code %q: want digits only", code)
		}
	}
	return nil
}

func isAttr(field string) bool {
	return field == "self" || strings.Contains(field, "=")
}

// parseAlternatives splits "praise|hail" into its words and checks that each
// is a plausible lower-case lemma.
func parseAlternatives(field string) ([]string, error) {
	parts := strings.Split(field, "|")
	seen := make(map[string]bool, len(parts))
	for _, w := range parts {
		if w == "" {
			return nil, errors.New("empty alternative")
		}
		if w == SlotMark {
			return nil, errors.New("the recipient slot + cannot be an alternative")
		}
		if !strings.Contains(w, "_") {
			if err := checkWord(w); err != nil {
				return nil, err
			}
		}
		if seen[w] {
			return nil, fmt.Errorf("alternative %q repeated", w)
		}
		seen[w] = true
	}
	return parts, nil
}

// checkWord accepts lower-case words made of letters and digits, with inner
// hyphens, apostrophes or dots ("cease-fire", "n't", "u.n").
func checkWord(w string) error {
	for i, r := range w {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) {
				return fmt.Errorf("word %q: write lemmas in lower case", w)
			}
		case unicode.IsDigit(r):
		case r == '-' || r == '\'' || r == '.':
			if i == 0 && r == '-' {
				return fmt.Errorf("word %q: cannot start with %q", w, r)
			}
		default:
			return fmt.Errorf("word %q: unexpected character %q", w, r)
		}
	}
	return nil
}

// setAttr applies one attribute field ("mode=visit", "context=a;b", "self").
func (p *Pattern) setAttr(field string) error {
	if field == "self" {
		if p.Self {
			return errors.New("attribute self repeated")
		}
		p.Self = true
		return nil
	}
	key, value, ok := strings.Cut(field, "=")
	if !ok {
		// Only reachable for a plain word after an attribute.
		return fmt.Errorf("pattern element %q after an attribute", field)
	}
	switch key {
	case "mode":
		if p.Mode != "" {
			return errors.New("attribute mode repeated")
		}
		if err := checkName(value); err != nil {
			return fmt.Errorf("mode: %w", err)
		}
		p.Mode = value
	case "context":
		if p.Context != nil {
			return errors.New("attribute context repeated")
		}
		seen := map[string]bool{}
		for _, c := range strings.Split(value, ";") {
			if err := checkName(c); err != nil {
				return fmt.Errorf("context: %w", err)
			}
			if seen[c] {
				return fmt.Errorf("context %q repeated", c)
			}
			seen[c] = true
			p.Context = append(p.Context, c)
		}
	default:
		return fmt.Errorf("unknown attribute %q (known: mode=, context=, self)", key)
	}
	return nil
}

// checkName accepts PLOVER mode and context names: lower-case letters,
// digits, "_" and "-".
func checkName(v string) error {
	if v == "" {
		return errors.New("empty value")
	}
	for _, r := range v {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return fmt.Errorf("value %q: want lower-case letters, digits, _ or -", v)
		}
	}
	return nil
}
