package kb

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// PetrarchActor is one entry of a PETRARCH/TABARI actor dictionary: a root
// name, its synonyms (the "+" lines below it) and its codes, each valid over
// a date range.
type PetrarchActor struct {
	Name     string // root name, words joined by spaces ("BARACK OBAMA")
	Synonyms []string
	Codes    []PetrarchCode
	Origin   string // file:line of the root
	// Warnings are the codes left out for a date that cannot be read
	// ("[ARMUNR 9008223-911221]" in Phoenix), as "file:line: problem":
	// the published dictionaries have a few such typos, and refusing them
	// would refuse the whole dictionary.
	Warnings []error
}

// PetrarchCode is one code of an actor. A zero Start or End leaves that side
// open; an undated code (both zero) applies when no dated one does.
type PetrarchCode struct {
	Code       string // as written, upper-cased ("USAGOV", "IGOUNO")
	Start, End time.Time
}

// PetrarchAgent is one line of a PETRARCH agent dictionary: a word or phrase
// and the sector it gives ("EMBASSY [~GOV]").
type PetrarchAgent struct {
	Word   string // lower-case, words joined by spaces
	Sector string
	Origin string
	// Warning is set when the line had a typo that was worked around
	// ("[~ENV}" read as "[~ENV]").
	Warning error
}

// LoadPetrarchActors reads a PETRARCH/TABARI actor dictionary. Date
// restrictions are honoured: "[USAGOV >090120]" applies from 2009-01-20 on,
// "[USAELI <090120]" before it, "[USAELI 780101-000101]" within the range
// (both ends included); six-digit dates take years below 30 as 20xx.
func LoadPetrarchActors(path string) ([]PetrarchActor, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ParsePetrarchActors(path, string(b))
}

// LoadPetrarchAgents reads a PETRARCH agent dictionary, expanding its
// "!PERSON! = MAN, MEN, ..." macros.
func LoadPetrarchAgents(path string) ([]PetrarchAgent, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ParsePetrarchAgents(path, string(b))
}

// petrarchLines yields the meaningful lines of a dictionary with their
// numbers: comments ("#" to the end of the line, "<!-- ... -->" blocks)
// removed, blank lines skipped.
func petrarchLines(text string, yield func(n int, line string) error) error {
	inComment := false
	n := 0
	for raw := range strings.Lines(text) {
		n++
		line := strings.TrimRight(raw, "\r\n")
		if inComment {
			i := strings.Index(line, "-->")
			if i < 0 {
				continue
			}
			line, inComment = line[i+3:], false
		}
		for {
			i := strings.Index(line, "<!--")
			if i < 0 {
				break
			}
			j := strings.Index(line[i:], "-->")
			if j < 0 {
				line, inComment = line[:i], true
				break
			}
			line = line[:i] + line[i+j+3:]
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := yield(n, line); err != nil {
			return err
		}
	}
	return nil
}

// petrarchPhrase turns "BARACK_OBAMA_" or "HAMAS WING" into "BARACK OBAMA"
// and "HAMAS WING".
func petrarchPhrase(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// ParsePetrarchActors parses the text of an actor dictionary; name is the
// file name errors give.
func ParsePetrarchActors(name, text string) ([]PetrarchActor, error) {
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("%s: not valid UTF-8", name)
	}
	var out []PetrarchActor
	cur := -1
	err := petrarchLines(text, func(n int, line string) error {
		where := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
		}
		line = strings.TrimSpace(line)
		var warn error
		if i := strings.IndexByte(line, ']'); i >= 0 && !strings.Contains(line[:i], "[") {
			// A stray "]" inside a name ("+FAEROYENE]_" in Phoenix): a
			// typo, dropped with a warning.
			warn = where("stray ']' in %q: dropped", line)
			line = line[:i] + line[i+1:]
		}
		phrase, codes, err := splitCodes(line)
		if err != nil {
			return where("%v", err)
		}
		if warn != nil && cur >= 0 {
			out[cur].Warnings = append(out[cur].Warnings, warn)
		}
		switch {
		case strings.HasPrefix(phrase, "+"):
			if cur < 0 {
				return where("synonym %q before any actor", phrase)
			}
			if p := petrarchPhrase(phrase[1:]); p != "" {
				out[cur].Synonyms = append(out[cur].Synonyms, p)
			}
			if len(codes) > 0 {
				return where("a synonym takes its actor's codes")
			}
			return nil
		case phrase == "":
			if cur < 0 {
				return where("codes before any actor")
			}
		default:
			p := petrarchPhrase(phrase)
			if p == "" {
				return where("empty actor name")
			}
			out = append(out, PetrarchActor{Name: p, Origin: fmt.Sprintf("%s:%d", name, n)})
			cur = len(out) - 1
		}
		for _, c := range codes {
			pc, err := parsePetrarchCode(c)
			if errors.Is(err, errBadDate) {
				out[cur].Warnings = append(out[cur].Warnings, where("%v: code left out", err))
				continue
			}
			if err != nil {
				return where("%v", err)
			}
			if pc.Code != "" {
				out[cur].Codes = append(out[cur].Codes, pc)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// splitCodes splits "NAME [CODE] [CODE 010101-020202]" into the name and the
// bracket contents.
func splitCodes(line string) (string, []string, error) {
	i := strings.IndexByte(line, '[')
	if i < 0 {
		if strings.IndexByte(line, ']') >= 0 {
			return "", nil, fmt.Errorf("a ']' without '['")
		}
		return strings.TrimSpace(line), nil, nil
	}
	phrase := strings.TrimSpace(line[:i])
	var codes []string
	rest := line[i:]
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		if rest[0] != '[' {
			return "", nil, fmt.Errorf("text %q after a code", rest)
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", nil, fmt.Errorf("a '[' without ']'")
		}
		codes = append(codes, strings.TrimSpace(rest[1:j]))
		rest = rest[j+1:]
	}
	return phrase, codes, nil
}

// errBadDate marks a date restriction that cannot be read.
var errBadDate = errors.New("bad date restriction")

// parsePetrarchCode reads "USAGOV", "USAGOV >090120", "USAELI <090120" or
// "USAELI 780101-000101" (spaces inside the restriction are allowed: "[HOB
// < 950601]"). The null codes "---", "+++" and "###" give an empty Code. A restriction that
// cannot be read gives an error wrapping errBadDate.
func parsePetrarchCode(s string) (PetrarchCode, error) {
	f := strings.Fields(s)
	if len(f) > 2 {
		f = []string{f[0], strings.Join(f[1:], "")}
	}
	if len(f) == 0 {
		return PetrarchCode{}, fmt.Errorf("empty code")
	}
	code := strings.ToUpper(f[0])
	if strings.Trim(code, "-+#") == "" {
		code = "" // TABARI's null codes: "---", "+++", "###"
	} else {
		for _, r := range code {
			if (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '/' {
				return PetrarchCode{}, fmt.Errorf("bad code %q", f[0])
			}
		}
	}
	pc := PetrarchCode{Code: code}
	if len(f) == 1 {
		return pc, nil
	}
	d := f[1]
	var err error
	switch {
	case strings.HasPrefix(d, ">"):
		pc.Start, err = petrarchDate(d[1:])
	case strings.HasPrefix(d, "<"):
		pc.End, err = petrarchDate(d[1:])
	default:
		a, b, ok := strings.Cut(d, "-")
		if !ok {
			return PetrarchCode{}, fmt.Errorf("%w %q (want >DATE, <DATE or DATE-DATE)", errBadDate, d)
		}
		if pc.Start, err = petrarchDate(a); err == nil {
			var end time.Time
			end, err = petrarchDate(b)
			pc.End = end.AddDate(0, 0, 1) // the range includes its last day
		}
	}
	if err != nil {
		return PetrarchCode{}, fmt.Errorf("%w: %v", errBadDate, err)
	}
	if !pc.Start.IsZero() && !pc.End.IsZero() && !pc.End.After(pc.Start) {
		return PetrarchCode{}, fmt.Errorf("%w: date range %q ends before it starts", errBadDate, d)
	}
	return pc, nil
}

// petrarchDate reads YYMMDD (years below 30 are 20xx, as in PETRARCH's
// dictionaries: "331108" is 1933) or YYYYMMDD.
func petrarchDate(s string) (time.Time, error) {
	if _, err := strconv.Atoi(s); err != nil || (len(s) != 6 && len(s) != 8) {
		return time.Time{}, fmt.Errorf("bad date %q (want YYMMDD or YYYYMMDD)", s)
	}
	if len(s) == 6 {
		century := "19"
		if s[:2] < "30" {
			century = "20"
		}
		s = century + s
	}
	d, err := time.Parse("20060102", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q", s)
	}
	return d, nil
}

// ParsePetrarchAgents parses the text of an agent dictionary.
func ParsePetrarchAgents(name, text string) ([]PetrarchAgent, error) {
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("%s: not valid UTF-8", name)
	}
	macros := map[string][]string{}
	var out []PetrarchAgent
	err := petrarchLines(text, func(n int, line string) error {
		where := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
		}
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			key, vals, _ := strings.Cut(line, "=")
			key = strings.TrimSpace(key)
			if len(key) < 3 || !strings.HasSuffix(key, "!") {
				return where("bad macro name %q", key)
			}
			for _, v := range strings.Split(vals, ",") {
				if v = strings.TrimSpace(v); v != "" {
					macros[key] = append(macros[key], v)
				}
			}
			return nil
		}
		var warn error
		if strings.Count(line, "[") == 1 && !strings.Contains(line, "]") && strings.HasSuffix(line, "}") {
			warn = where("%q: read the closing '}' as ']'", line)
			line = line[:len(line)-1] + "]"
		}
		phrase, codes, err := splitCodes(line)
		if err != nil {
			return where("%v", err)
		}
		if phrase == "" {
			return where("want WORD [~SECTOR] or WORD [SECTOR~]")
		}
		if len(codes) == 0 {
			// "ISLAMIC_EXTREMIST" alone in Phoenix: a word without a
			// code codes nothing; it is left out with a warning.
			out = append(out, PetrarchAgent{Origin: fmt.Sprintf("%s:%d", name, n), Warning: where("%q has no code: left out", phrase)})
			return nil
		}
		// "LAWMAN {LAWMEN}": other forms of the word in braces; "{}" adds
		// nothing.
		var forms []string
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase[i:], '}')
			if j < 0 {
				return where("a '{' without '}'")
			}
			for _, f := range strings.FieldsFunc(phrase[i+1:i+j], func(r rune) bool { return r == ',' || r == ' ' }) {
				forms = append(forms, f)
			}
			phrase = strings.TrimSpace(phrase[:i] + phrase[i+j+1:])
		}
		sector := strings.ToUpper(strings.Fields(codes[0] + " ")[0])
		sector = strings.Trim(sector, "~")
		if len(sector) > 3 {
			sector = sector[:3]
		}
		if !validSector(sector) {
			return where("bad agent code %q", codes[0])
		}
		var words []string
		for _, f := range append([]string{phrase}, forms...) {
			ws, err := expandMacros(f, macros)
			if err != nil {
				return where("%v", err)
			}
			words = append(words, ws...)
		}
		for _, w := range words {
			if w = strings.ToLower(petrarchPhrase(w)); w != "" {
				out = append(out, PetrarchAgent{Word: w, Sector: sector, Origin: fmt.Sprintf("%s:%d", name, n), Warning: warn})
				warn = nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// expandMacros replaces one "!NAME!" in a phrase by each of its values.
func expandMacros(phrase string, macros map[string][]string) ([]string, error) {
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, nil
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("unclosed macro in %q", phrase)
	}
	key := phrase[i : i+j+2]
	vals, ok := macros[key]
	if !ok {
		return nil, fmt.Errorf("unknown macro %s", key)
	}
	var out []string
	for _, v := range vals {
		more, err := expandMacros(phrase[:i]+v+phrase[i+j+2:], macros)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	return out, nil
}

// petrarchActor is a PETRARCH actor as the KB keeps it.
type petrarchActor struct {
	Name   string // title-cased root name
	Codes  []PetrarchCode
	Origin string
}

// codeAt returns the actor's code on date d: a dated code whose range holds
// d, else the undated one, else "".
func (a *petrarchActor) codeAt(d time.Time) string {
	undated := ""
	for _, c := range a.Codes {
		if c.Start.IsZero() && c.End.IsZero() {
			if undated == "" {
				undated = c.Code
			}
			continue
		}
		if (c.Start.IsZero() || !d.Before(c.Start)) && (c.End.IsZero() || d.Before(c.End)) {
			return c.Code
		}
	}
	return undated
}

// addPetrarchActors adds the actors' names; they match in any case that
// starts with a capital letter.
func (k *KB) addPetrarchActors(actors []PetrarchActor) {
	for _, a := range actors {
		k.warnings = append(k.warnings, a.Warnings...)
		idx := len(k.petrarch)
		k.petrarch = append(k.petrarch, petrarchActor{Name: titleCase(a.Name), Codes: a.Codes, Origin: a.Origin})
		for _, n := range append([]string{a.Name}, a.Synonyms...) {
			if checkName(n) == nil {
				k.addName(n, target{kind: tPetrarch, idx: idx}, a.Origin)
			}
		}
	}
}

// addPetrarchAgents adds agent words dyad does not know as sector words and
// returns how many it added.
func (k *KB) addPetrarchAgents(agents []PetrarchAgent) int {
	n := 0
	for _, a := range agents {
		if a.Warning != nil {
			k.warnings = append(k.warnings, a.Warning)
		}
		if a.Word == "" {
			continue
		}
		if _, known := k.sectorKeys[a.Word]; known {
			continue
		}
		plural := strings.HasSuffix(a.Word, "men") || strings.HasSuffix(a.Word, "s") && !strings.HasSuffix(a.Word, "ss")
		k.sectorKeys[a.Word] = len(k.sectors)
		k.sectors = append(k.sectors, sectorWord{Word: a.Word, Sector: a.Sector, Type: wordNoun, Plural: plural})
		n++
	}
	return n
}

// petrarchEntity splits a PETRARCH code into the entity's code and sector:
// "USAGOV" is USA and GOV, "IGOUNO" UNO and IGO, "NGOAMN" AMN and NGO, "AFG"
// just AFG. The whole code stays the CAMEO code.
func petrarchEntity(code string) (string, string) {
	code, _, _ = strings.Cut(code, "/") // "ELR/GAL": several actors; the first leads
	if len(code) < 3 {
		return code, ""
	}
	if p := code[:3]; (p == "IGO" || p == "NGO") && len(code) > 3 {
		rest := code[3:]
		if len(rest) > 3 {
			rest = rest[:3]
		}
		return rest, p
	}
	sector := ""
	if len(code) >= 6 {
		sector = code[3:6]
	}
	return code[:3], sector
}

// titleCase turns "BARACK OBAMA" into "Barack Obama".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = strings.ToUpper(string(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// petrarchKind guesses what a PETRARCH code stands for: a bare country
// code is a country, IGO and NGO codes organisations, rebel and militant
// sectors groups, anything else a person.
func (k *KB) petrarchKind(code string) Kind {
	c, sector := petrarchEntity(code)
	switch {
	case sector == "IGO" || sector == "NGO":
		return Organisation
	case sector == "REB" || sector == "INS" || sector == "SEP" || sector == "UAF":
		return Group
	case len(code) == 3:
		if _, ok := k.countryIndex[c]; ok {
			return Country
		}
	}
	return Person
}
