package verbs

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Reading PETRARCH verb dictionaries (the CAMEO.2.0.txt format) for users
// who maintain one. The file is translated into dyad patterns:
//
//   - A verb block ("--- ABANDON [---] ---" and its member verbs) gives the
//     heads: every member verb, lower-cased ("ABANDON", "+CALL_OFF" for a
//     phrasal verb, which becomes head "call" followed by the literal "off").
//     Irregular forms in braces are ignored: dyad matches lemmas.
//   - The block code, or a member's own code ("ASK [020]"), gives a pattern
//     for the bare verb; "[---]" gives none.
//   - A pattern line "- * {NOUN PHRASE} (PREP PHRASE) [code] # comment" gives
//     one dyad line: the words after "*" in order, lower-cased as given (no
//     lemmatising: PETRARCH writes the forms it expects, and dyad matches a
//     literal against a token's lemma or its lower-cased text), with braces
//     and parentheses dropped, "+" (target) as the recipient slot, "$"
//     (source) dropped, "_" kept as dyad's multi-word join, trailing "_"
//     removed, "A/B" read as alternatives, "^" (skip a phrase) dropped as
//     dyad's matcher allows short gaps anyway, and "&SYN" expanded to the
//     synonym set's members.
//   - Patterns with code "[---]" (PETRARCH's "not an event here") are
//     skipped: dyad has no null patterns.
//   - Paired codes "[062:062]" take the first code ("[:190]" the second).
//   - Patterns with words or the target before "*" are skipped: dyad's
//     matcher only reads what follows the verb, and dropping a subject
//     constraint ("- &MILITARY * [154]") would turn it into a code for the
//     bare verb. "$" alone before "*" is fine.
//   - Transformation lines ("~ ...") and anything else not understood are
//     skipped.
//
// Skipped lines are counted by reason in the PetrarchReport; only an
// unreadable file is an error.

// PetrarchReport says what LoadPetrarchReport read and what it skipped.
type PetrarchReport struct {
	Blocks   int            // verb blocks
	Synsets  int            // &SYN synonym sets
	Lines    int            // pattern lines translated (each may give several patterns)
	Patterns int            // dyad patterns produced
	Skipped  map[string]int // reason -> lines skipped
	Examples map[string]string
}

// String summarises the report in one line per skip reason.
func (r *PetrarchReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d blocks, %d synsets, %d pattern lines, %d patterns", r.Blocks, r.Synsets, r.Lines, r.Patterns)
	reasons := make([]string, 0, len(r.Skipped))
	for k := range r.Skipped {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		fmt.Fprintf(&b, "\nskipped %d: %s (e.g. %s)", r.Skipped[k], k, r.Examples[k])
	}
	return b.String()
}

func (r *PetrarchReport) skip(where, reason string) {
	if r.Skipped == nil {
		r.Skipped, r.Examples = map[string]int{}, map[string]string{}
	}
	if r.Skipped[reason] == 0 {
		r.Examples[reason] = where
	}
	r.Skipped[reason]++
}

// LoadPetrarch reads a PETRARCH verb dictionary from disk. Lines it cannot
// translate are skipped (see LoadPetrarchReport for the counts).
func LoadPetrarch(path string) (*Dict, error) {
	d, _, err := LoadPetrarchReport(path)
	return d, err
}

// LoadPetrarchReport is LoadPetrarch with the report of skipped lines.
func LoadPetrarchReport(path string) (*Dict, *PetrarchReport, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read PETRARCH verbs %s: %w", path, err)
	}
	d, rep := ParsePetrarch(path, string(b))
	return d, rep, nil
}

// petrarchBlock is one verb block while reading.
type petrarchBlock struct {
	name     string
	code     string // "" for [---]
	line     int
	members  []petrarchMember
	patterns []petrarchPattern
}

type petrarchMember struct {
	lemma string // lower case, "_" joins a phrasal verb
	code  string
	line  int
}

type petrarchPattern struct {
	tokens []string // after "*", markers and words as in the file
	code   string
	line   int
}

// ParsePetrarch translates the text of a PETRARCH verb dictionary; name is
// used in pattern positions and messages. It never fails: what it cannot
// read is counted in the report.
func ParsePetrarch(name, text string) (*Dict, *PetrarchReport) {
	rep := &PetrarchReport{}
	synsets := map[string][]string{}
	var blocks []*petrarchBlock
	var block *petrarchBlock
	var synset string // the synset being read, "" inside a verb block

	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		where := fmt.Sprintf("%s:%d", name, n)
		line := raw
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !utf8.ValidString(line) {
			rep.skip(where, "line is not valid UTF-8")
			continue
		}
		switch {
		case strings.HasPrefix(line, "---"):
			b, ok := parseBlockHeader(line)
			if !ok {
				rep.skip(where, "unreadable block header")
				block, synset = nil, ""
				continue
			}
			b.line = n
			blocks = append(blocks, b)
			block, synset = b, ""
			rep.Blocks++
		case strings.HasPrefix(line, "&"):
			f := strings.Fields(line)
			if len(f) != 1 || len(f[0]) < 2 {
				rep.skip(where, "unreadable synonym set name")
				continue
			}
			synset, block = strings.ToUpper(strings.TrimSuffix(f[0][1:], "_")), nil
			if _, dup := synsets[synset]; !dup {
				rep.Synsets++
			}
			synsets[synset] = synsets[synset][:0:0]
		case strings.HasPrefix(line, "+"):
			switch {
			case synset != "":
				w := strings.Fields(line[1:])
				if len(w) == 0 {
					rep.skip(where, "empty synonym")
					continue
				}
				synsets[synset] = append(synsets[synset], w[0])
			case block != nil:
				if m, ok := parseMember(line[1:]); ok {
					m.line = n
					block.members = append(block.members, m)
				} else {
					rep.skip(where, "unreadable phrasal verb")
				}
			default:
				rep.skip(where, "'+' line outside a block or synonym set")
			}
		case strings.HasPrefix(line, "-"):
			if block == nil {
				rep.skip(where, "pattern outside a verb block")
				continue
			}
			p, reason := parsePetrarchPattern(line[1:])
			if reason != "" {
				rep.skip(where, reason)
				continue
			}
			p.line = n
			block.patterns = append(block.patterns, p)
		case strings.HasPrefix(line, "~"):
			rep.skip(where, "transformation (~) lines are not supported")
		default:
			if block == nil {
				rep.skip(where, "text outside a verb block")
				continue
			}
			if j := strings.IndexByte(line, ';'); j >= 0 {
				line = line[:j] // an old comment style: "SCRAP {...};shan 8/30/93"
			}
			if m, ok := parseMember(line); ok {
				m.line = n
				block.members = append(block.members, m)
			} else {
				rep.skip(where, "unreadable member verb")
			}
		}
	}

	d := newDict()
	for _, b := range blocks {
		d.addPetrarchBlock(name, b, synsets, rep)
	}
	d.index()
	rep.Patterns = len(d.patterns)
	return d, rep
}

// parseBlockHeader reads "---  ABANDON   [---]  ---".
func parseBlockHeader(line string) (*petrarchBlock, bool) {
	body := strings.TrimSpace(strings.Trim(line, "-"))
	open, close := strings.IndexByte(body, '['), strings.IndexByte(body, ']')
	if body == "" {
		return nil, false
	}
	b := &petrarchBlock{name: body}
	if open >= 0 {
		if close < open {
			return nil, false
		}
		b.name = strings.TrimSpace(body[:open])
		code, ok := petrarchCode(body[open+1 : close])
		if !ok {
			return nil, false
		}
		b.code = code
	}
	return b, b.name != ""
}

// parseMember reads "GO {WENT GOES GONE GOING} [code]" (the leading "+" of
// a phrasal verb already removed).
func parseMember(line string) (petrarchMember, bool) {
	if i := strings.IndexByte(line, '{'); i >= 0 {
		j := strings.IndexByte(line[i:], '}')
		if j < 0 {
			return petrarchMember{}, false
		}
		line = line[:i] + " " + line[i+j+1:]
	}
	var m petrarchMember
	if i := strings.IndexByte(line, '['); i >= 0 {
		j := strings.IndexByte(line[i:], ']')
		if j < 0 {
			return petrarchMember{}, false
		}
		code, ok := petrarchCode(line[i+1 : i+j])
		if !ok {
			return petrarchMember{}, false
		}
		m.code = code
		line = line[:i] + " " + line[i+j+1:]
	}
	f := strings.Fields(line)
	if len(f) != 1 {
		return petrarchMember{}, false
	}
	m.lemma = strings.Trim(strings.ToLower(f[0]), "_")
	return m, m.lemma != ""
}

// petrarchCode reads the inside of "[...]": "062", "062:062" (first),
// ":190" (second), "---" (no code, ok).
func petrarchCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "---" {
		return "", true
	}
	first, second, _ := strings.Cut(s, ":")
	code := strings.TrimSpace(first)
	if code == "" {
		code = strings.TrimSpace(second)
	}
	if checkCode(code) != nil {
		return "", false
	}
	return code, true
}

// parsePetrarchPattern reads the part of a pattern line after "-". It
// returns the tokens after "*" or the reason to skip the line.
func parsePetrarchPattern(line string) (petrarchPattern, string) {
	open := strings.LastIndexByte(line, '[')
	if open < 0 || !strings.HasSuffix(strings.TrimSpace(line), "]") {
		return petrarchPattern{}, "pattern without a [code]"
	}
	code, ok := petrarchCode(strings.TrimSuffix(strings.TrimSpace(line[open+1:]), "]"))
	if !ok {
		return petrarchPattern{}, "unreadable pattern code"
	}
	if code == "" {
		return petrarchPattern{}, "pattern with code [---]"
	}
	body := strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ", "*", " * ").Replace(line[:open])
	var before, after []string
	star := false
	for _, t := range strings.Fields(body) {
		switch {
		case t == "*":
			if star {
				return petrarchPattern{}, "more than one * in a pattern"
			}
			star = true
		case star:
			after = append(after, t)
		default:
			before = append(before, t)
		}
	}
	if !star {
		return petrarchPattern{}, "pattern without *"
	}
	for _, t := range before {
		if t != "$" {
			return petrarchPattern{}, "words or target before the verb (dyad reads only what follows it)"
		}
	}
	return petrarchPattern{tokens: after, code: code}, ""
}

// addPetrarchBlock turns one block into patterns: one set per head group,
// where the single-word member verbs form one group and each phrasal verb
// its own (so a line's expansions stay small).
func (d *Dict) addPetrarchBlock(name string, b *petrarchBlock, synsets map[string][]string, rep *PetrarchReport) {
	if len(b.members) == 0 {
		rep.skip(fmt.Sprintf("%s:%d", name, b.line), "verb block without member verbs")
		return
	}
	var singles []string
	var groups [][]string
	seen := map[string]bool{}
	for _, m := range b.members {
		if seen[m.lemma] {
			continue
		}
		seen[m.lemma] = true
		if strings.Contains(m.lemma, "_") {
			groups = append(groups, []string{m.lemma})
		} else {
			singles = append(singles, m.lemma)
		}
	}
	if len(singles) > 0 {
		groups = append([][]string{singles}, groups...)
	}

	// Bare verbs: the block code, or a member's own code.
	for _, m := range b.members {
		code := m.code
		if code == "" {
			code = b.code
		}
		if code != "" {
			d.addPetrarchLine(name, m.line, code+" "+m.lemma, rep)
		}
	}
	for _, p := range b.patterns {
		elems, reason := petrarchElements(p.tokens, synsets)
		if reason != "" {
			rep.skip(fmt.Sprintf("%s:%d", name, p.line), reason)
			continue
		}
		rep.Lines++
		for _, g := range groups {
			line := p.code + " " + strings.Join(g, "|")
			if elems != "" {
				line += " " + elems
			}
			d.addPetrarchLine(name, p.line, line, rep)
		}
	}
}

// addPetrarchLine parses one generated dyad line; a line dyad rejects is
// skipped with its parser's reason.
func (d *Dict) addPetrarchLine(name string, n int, line string, rep *PetrarchReport) {
	ps, err := ParseLine(line)
	if err != nil {
		rep.skip(fmt.Sprintf("%s:%d", name, n), "not a valid dyad pattern: "+reasonOf(err))
		return
	}
	for _, p := range ps {
		p.File, p.Line = name, n
		p.order = len(d.patterns)
		d.patterns = append(d.patterns, p)
	}
}

// reasonOf strips the quoted word from a parser error, so skip reasons
// group well ("word "x%": unexpected character" -> "unexpected character").
func reasonOf(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	if i := strings.IndexByte(s, '"'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// maxSynsetDepth bounds synsets that name other synsets.
const maxSynsetDepth = 4

// petrarchElements writes the tokens after "*" in dyad syntax, or returns
// why it cannot.
func petrarchElements(tokens []string, synsets map[string][]string) (string, string) {
	var out []string
	slots := 0
	for _, t := range tokens {
		switch {
		case t == "$" || t == "^":
			continue
		case t == "+":
			slots++
			if slots > 1 {
				return "", "more than one target (+) in a pattern"
			}
			out = append(out, SlotMark)
		case strings.HasPrefix(t, "&"):
			alts, ok := expandSynset(t[1:], synsets, 0)
			if !ok {
				return "", "unknown synonym set"
			}
			out = append(out, strings.Join(alts, "|"))
		default:
			alts := petrarchWords(t)
			if len(alts) == 0 {
				return "", "empty word"
			}
			out = append(out, strings.Join(alts, "|"))
		}
	}
	return strings.Join(out, " "), ""
}

// expandSynset lists a synset's members as dyad words, without repeats.
func expandSynset(name string, synsets map[string][]string, depth int) ([]string, bool) {
	members, ok := synsets[strings.ToUpper(strings.TrimSuffix(name, "_"))]
	if !ok || depth > maxSynsetDepth {
		return nil, false
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range members {
		words := petrarchWords(m)
		if strings.HasPrefix(m, "&") {
			if words, ok = expandSynset(m[1:], synsets, depth+1); !ok {
				return nil, false
			}
		}
		for _, w := range words {
			if w != "" && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out, len(out) > 0
}

// petrarchWords lower-cases a PETRARCH word, removes the "_" that marks
// the end of a phrase ("SECURITY_", "RE_") and splits "TO/FOR" into its
// alternatives.
func petrarchWords(w string) []string {
	var out []string
	for _, a := range strings.Split(w, "/") {
		if a = strings.Trim(strings.ToLower(a), "_"); a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}
