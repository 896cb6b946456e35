// Package discard recognises sentences and documents that use political
// verbs in a non-political sense (sport, business, markets, weather, film
// and game plots), so the coder can leave them out. The rules live in
// data/grammar/discards.txt, whose header documents the format.
//
// All phrases of all rules go into one case-insensitive Aho-Corasick
// automaton, built once; a text is scanned once, and only the rules that
// mention a phrase found in it are evaluated.
package discard

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/data"
	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

// DefaultFile is the shipped rule file in data.FS.
const DefaultFile = "grammar/discards.txt"

// scoreAlt is the special alternative that matches a sports score.
const scoreAlt = "<score>"

// scoreID stands for <score> among the phrase ids.
const scoreID = -1

// Rules is a loaded rule set. It is read-only after Load, so one Rules may
// serve many goroutines.
type Rules struct {
	phrases   []string // phrase id -> lower-case phrase
	automaton ahocorasick.AhoCorasick
	sentence  ruleSet
	document  ruleSet
}

// ruleSet is the rules of one kind, indexed by the phrases that can
// trigger them.
type ruleSet struct {
	rules    []*rule
	byPhrase map[int][]*rule // phrase id -> rules with it in a positive condition
}

// rule is one "sentence" or "document" line.
type rule struct {
	name  string // "file:line: text", for explanations
	all   []condition
	order int // position in its rule set
}

// condition holds when one of ids occurs (or, when negated, when none does).
type condition struct {
	ids     []int // phrase ids; scoreID for <score>
	negated bool
}

// Default loads the shipped rules from data.FS.
func Default() (*Rules, error) { return Load(data.FS, DefaultFile) }

// Load reads a rule file from fsys. Errors name every bad line as
// "file:line: problem".
func Load(fsys fs.FS, path string) (*Rules, error) {
	raw, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	p := parser{
		path:    path,
		ids:     map[string]int{},
		defines: map[string][]string{},
		rules: &Rules{
			sentence: ruleSet{byPhrase: map[int][]*rule{}},
			document: ruleSet{byPhrase: map[int][]*rule{}},
		},
	}
	var errs []string
	sc := bufio.NewScanner(strings.NewReader(string(raw)))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		if err := p.line(n, sc.Text()); err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", path, n, err))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("discard rules:\n%s", strings.Join(errs, "\n"))
	}
	r := p.rules
	builder := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{
		AsciiCaseInsensitive: true,
		MatchKind:            ahocorasick.StandardMatch, // overlapping: "shares fell" and "fell" both count
		DFA:                  true,
	})
	r.automaton = builder.Build(r.phrases)
	return r, nil
}

// parser holds the state of one Load.
type parser struct {
	path    string
	ids     map[string]int
	defines map[string][]string
	rules   *Rules
}

func (p *parser) line(n int, text string) error {
	if i := strings.IndexByte(text, '#'); i >= 0 {
		text = text[:i]
	}
	if !utf8.ValidString(text) {
		return fmt.Errorf("line is not valid UTF-8")
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	kind, rest, _ := strings.Cut(text, " ")
	if i := strings.IndexAny(kind, "\t"); i >= 0 {
		kind, rest = kind[:i], kind[i+1:]+" "+rest
	}
	rest = strings.TrimSpace(rest)
	switch kind {
	case "define":
		name, list, ok := strings.Cut(rest, " ")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.TrimSpace(list) == "" {
			return fmt.Errorf("want: define NAME ALT|ALT...")
		}
		if _, dup := p.defines[name]; dup {
			return fmt.Errorf("@%s defined twice", name)
		}
		alts, err := p.alternatives(list, false)
		if err != nil {
			return err
		}
		p.defines[name] = alts
		return nil
	case "sentence":
		return p.rule(&p.rules.sentence, n, rest)
	case "document":
		return p.rule(&p.rules.document, n, rest)
	}
	return fmt.Errorf("unknown kind %q (want define, sentence or document)", kind)
}

// alternatives splits "a|b|@name" into normalised phrases, expanding
// defines. With allowScore, "<score>" may appear.
func (p *parser) alternatives(list string, allowScore bool) ([]string, error) {
	var out []string
	for _, a := range strings.Split(list, "|") {
		a = strings.ToLower(strings.Join(strings.Fields(a), " "))
		switch {
		case a == "":
			return nil, fmt.Errorf("empty alternative in %q", strings.TrimSpace(list))
		case a == scoreAlt:
			if !allowScore {
				return nil, fmt.Errorf("%s is not allowed in a define", scoreAlt)
			}
		case strings.HasPrefix(a, "@"):
			d, ok := p.defines[a[1:]]
			if !ok {
				return nil, fmt.Errorf("%s is not defined (defines must come first)", a)
			}
			out = append(out, d...)
			continue
		case strings.ContainsAny(a, "<>&!@"):
			return nil, fmt.Errorf("alternative %q: unexpected character", a)
		}
		out = append(out, a)
	}
	return out, nil
}

func (p *parser) rule(set *ruleSet, n int, text string) error {
	if text == "" {
		return fmt.Errorf("rule has no condition")
	}
	r := &rule{name: fmt.Sprintf("%s:%d: %s", p.path, n, text)}
	hasWord := false
	for _, c := range strings.Split(text, "&") {
		c = strings.TrimSpace(c)
		var cond condition
		if strings.HasPrefix(c, "!") {
			cond.negated = true
			c = c[1:]
		}
		alts, err := p.alternatives(c, !cond.negated)
		if err != nil {
			return err
		}
		for _, a := range alts {
			if a == scoreAlt {
				cond.ids = append(cond.ids, scoreID)
				continue
			}
			cond.ids = append(cond.ids, p.id(a))
			if !cond.negated {
				hasWord = true
			}
		}
		r.all = append(r.all, cond)
	}
	if !hasWord {
		return fmt.Errorf("rule needs a positive condition with a word, not only %s", scoreAlt)
	}
	r.order = len(set.rules)
	set.rules = append(set.rules, r)
	seen := map[int]bool{}
	for _, c := range r.all {
		if c.negated {
			continue
		}
		for _, id := range c.ids {
			if id != scoreID && !seen[id] {
				seen[id] = true
				set.byPhrase[id] = append(set.byPhrase[id], r)
			}
		}
	}
	return nil
}

func (p *parser) id(phrase string) int {
	if id, ok := p.ids[phrase]; ok {
		return id
	}
	id := len(p.rules.phrases)
	p.ids[phrase] = id
	p.rules.phrases = append(p.rules.phrases, phrase)
	return id
}

// Sentence reports whether the sentence should be discarded, and the rule
// that fired ("file:line: rule text") for explanations.
func (r *Rules) Sentence(text string) (bool, string) {
	if r == nil {
		return false, ""
	}
	return r.check(&r.sentence, text)
}

// Document reports whether the whole document should be discarded, and the
// rule that fired.
func (r *Rules) Document(body string) (bool, string) {
	if r == nil {
		return false, ""
	}
	return r.check(&r.document, body)
}

func (r *Rules) check(set *ruleSet, text string) (bool, string) {
	if len(set.rules) == 0 || text == "" {
		return false, ""
	}
	found := r.find(text)
	if len(found) == 0 {
		return false, ""
	}
	score, scoreKnown := false, false
	has := func(id int) bool {
		if id == scoreID {
			if !scoreKnown {
				score, scoreKnown = hasScore(text), true
			}
			return score
		}
		return found[id]
	}
	// Rules in file order among those a found phrase can trigger, so the
	// rule reported is stable.
	best := -1
	for id := range found {
		for _, ru := range set.byPhrase[id] {
			if (best < 0 || ru.order < best) && ru.holds(has) {
				best = ru.order
			}
		}
	}
	if best < 0 {
		return false, ""
	}
	return true, set.rules[best].name
}

func (ru *rule) holds(has func(int) bool) bool {
	for _, c := range ru.all {
		any := false
		for _, id := range c.ids {
			if has(id) {
				any = true
				break
			}
		}
		if any == c.negated {
			return false
		}
	}
	return true
}

// find returns the ids of the phrases that occur in text as whole words.
func (r *Rules) find(text string) map[int]bool {
	var found map[int]bool
	it := r.automaton.IterOverlapping(text)
	for m := it.Next(); m != nil; m = it.Next() {
		if !wordBoundary(text, m.Start(), m.End()) {
			continue
		}
		if found == nil {
			found = map[int]bool{}
		}
		found[m.Pattern()] = true
	}
	return found
}

// wordBoundary reports whether text[start:end] is not part of a longer word.
func wordBoundary(text string, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(r) {
			return false
		}
	}
	if end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// isWordRune counts "-" as part of a word, so "winger" does not match in
// "right-winger" nor "final" in "semi-final".
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }

// hasScore looks for a sports score: one or two digits, a dash (hyphen, en
// dash or em dash, optionally between spaces), one or two digits, with no
// further digits, dashes, dots or slashes on either side (so dates such as
// 2024-11-06, ranges of thousands and "1.5-2" do not count).
func hasScore(text string) bool {
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && (isDigit(text[i-1]) || isNumberGlue(text[i-1])) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i > 2 {
			i = j
			continue
		}
		k := skipDash(text, j)
		if k == j {
			continue
		}
		l := k
		for l < len(text) && isDigit(text[l]) {
			l++
		}
		if l == k || l-k > 2 {
			continue
		}
		if l < len(text) && (isNumberGlue(text[l]) && l+1 < len(text) && isDigit(text[l+1]) || text[l] == '-' || isLetter(text[l])) {
			continue
		}
		return true
	}
	return false
}

// skipDash returns the index after " - ", "-", "–" or "—" at i, or i.
func skipDash(text string, i int) int {
	j := i
	if j < len(text) && text[j] == ' ' {
		j++
	}
	switch {
	case strings.HasPrefix(text[j:], "-"):
		j++
	case strings.HasPrefix(text[j:], "–"), strings.HasPrefix(text[j:], "—"):
		j += len("–")
	default:
		return i
	}
	if j < len(text) && text[j] == ' ' {
		j++
	}
	return j
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isLetter(c byte) bool     { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isNumberGlue(c byte) bool { return c == '.' || c == '/' || c == ',' || c == '-' || c == ':' }
