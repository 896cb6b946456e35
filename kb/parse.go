package kb

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// table is a parsed TSV file: a header line, then rows. Blank lines and
// lines starting with "#" are comments.
type table struct {
	file   string
	header []string
	rows   []row
}

type row struct {
	line   int
	fields []string
}

// origin names a row for error messages.
func (t *table) origin(r row) string { return fmt.Sprintf("%s:%d", t.file, r.line) }

func (t *table) errorf(r row, format string, args ...any) error {
	return fmt.Errorf("%s: %s", t.origin(r), fmt.Sprintf(format, args...))
}

// parseTable splits a TSV file. A row may leave out trailing empty columns
// but may not have more columns than the header.
func parseTable(file, text string) (*table, error) {
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("%s: not valid UTF-8", file)
	}
	t := &table{file: file}
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if t.header == nil {
			t.header = fields
			continue
		}
		if len(fields) > len(t.header) {
			return nil, fmt.Errorf("%s:%d: %d columns, the header has %d", file, n, len(fields), len(t.header))
		}
		for len(fields) < len(t.header) {
			fields = append(fields, "")
		}
		t.rows = append(t.rows, row{line: n, fields: fields})
	}
	if t.header == nil {
		return nil, fmt.Errorf("%s: no header line", file)
	}
	return t, nil
}

// expect checks the header against the columns a file must have.
func (t *table) expect(cols ...string) error {
	if len(t.header) != len(cols) {
		return fmt.Errorf("%s: header has %d columns, want %d: %s", t.file, len(t.header), len(cols), strings.Join(cols, " "))
	}
	for i, c := range cols {
		if !strings.EqualFold(t.header[i], c) {
			return fmt.Errorf("%s: header column %d is %q, want %q", t.file, i+1, t.header[i], c)
		}
	}
	return nil
}

// list splits a "|"-separated field, dropping empty items.
func list(field string) []string {
	if field == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(field, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// IsCode reports whether s looks like an actor code: 2 to 6 upper-case
// ASCII letters or digits ("AZE", "NATO", "UNICEF", "G7").
func IsCode(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// validSector reports whether s looks like a sector code: 3 upper-case
// letters. Check compares it with the known sectors.
func validSector(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

// parseDate reads a YYYY-MM-DD date, optionally followed by "?" to mark it
// uncertain.
func parseDate(s string) (d time.Time, uncertain bool, err error) {
	if rest, ok := strings.CutSuffix(s, "?"); ok {
		s, uncertain = strings.TrimSpace(rest), true
	}
	d, err = time.Parse(dyad.DateLayout, s)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("bad date %q (want YYYY-MM-DD, optionally with ?)", s)
	}
	return d, uncertain, nil
}

// checkName rejects names that can never match as whole words.
func checkName(s string) error {
	if s == "" {
		return fmt.Errorf("empty name")
	}
	if strings.ContainsAny(s, "\t\n") {
		return fmt.Errorf("name %q holds a tab or newline", s)
	}
	if strings.TrimSpace(s) != s {
		return fmt.Errorf("name %q has outer spaces", s)
	}
	return nil
}

// readCountries reads countries.tsv:
// code, name, aliases, adjectives, demonyms, metonyms.
func (k *KB) readCountries(file string, t *table) error {
	if err := t.expect("code", "name", "aliases", "adjectives", "demonyms", "metonyms"); err != nil {
		return err
	}
	for _, r := range t.rows {
		f := r.fields
		code, name := f[0], f[1]
		if !IsCode(code) || len(code) != 3 {
			return t.errorf(r, "country code %q is not 3 upper-case letters", code)
		}
		if err := checkName(name); err != nil {
			return t.errorf(r, "%v", err)
		}
		idx, seen := k.countryIndex[code]
		if !seen {
			idx = len(k.countries)
			k.countries = append(k.countries, country{Code: code, Name: name})
			k.countryIndex[code] = idx
		}
		origin := t.origin(r)
		add := func(names []string, kind targetKind) error {
			for _, n := range names {
				sector := ""
				if kind == tMetonym {
					sector = "GOV"
					if base, sec, ok := strings.Cut(n, ":"); ok {
						n, sector = strings.TrimSpace(base), strings.TrimSpace(sec)
						if !validSector(sector) {
							return t.errorf(r, "metonym %q: sector %q is not 3 upper-case letters", n, sector)
						}
					}
				}
				if err := checkName(n); err != nil {
					return t.errorf(r, "%v", err)
				}
				k.addName(n, target{kind: kind, idx: idx, sector: sector}, origin)
			}
			return nil
		}
		adjectives := list(f[3])
		demonyms := list(f[4])
		// Adjectives in -an and -i make their plural demonym with -s
		// ("Americans", "Israelis"); others list theirs.
		for _, a := range adjectives {
			if strings.HasSuffix(a, "an") || strings.HasSuffix(a, "i") {
				demonyms = append(demonyms, a+"s")
			}
		}
		for _, err := range []error{
			add([]string{name}, tCountry),
			add(list(f[2]), tCountry),
			add(adjectives, tAdj),
			add(demonyms, tDemonym),
			add(list(f[5]), tMetonym),
		} {
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// readOrgs reads orgs.tsv: name, aliases, code, sector, kind, note.
func (k *KB) readOrgs(file string, t *table) error {
	if err := t.expect("name", "aliases", "code", "sector", "kind", "note"); err != nil {
		return err
	}
	for _, r := range t.rows {
		f := r.fields
		o := org{Name: f[0], Code: f[2], Sector: f[3], Origin: t.origin(r)}
		if err := checkName(o.Name); err != nil {
			return t.errorf(r, "%v", err)
		}
		if !IsCode(o.Code) {
			return t.errorf(r, "code %q is not 2 to 6 upper-case letters or digits", o.Code)
		}
		if !validSector(o.Sector) {
			return t.errorf(r, "sector %q is not 3 upper-case letters", o.Sector)
		}
		switch f[4] {
		case "igo":
			o.Kind = Organisation
			if o.Sector != IGOSector {
				return t.errorf(r, "an igo has sector IGO, not %q", o.Sector)
			}
			k.igoCodes[o.Code] = true
		case "org":
			o.Kind = Organisation
		case "ngo":
			o.Kind = Organisation
			if o.Sector != "NGO" {
				return t.errorf(r, "an ngo has sector NGO, not %q", o.Sector)
			}
			k.ngoCodes[o.Code] = true
		case "group":
			o.Kind = Group
		default:
			return t.errorf(r, "kind %q: want igo, ngo, org or group", f[4])
		}
		idx := len(k.orgs)
		k.orgs = append(k.orgs, o)
		k.addName(o.Name, target{kind: tOrg, idx: idx}, o.Origin)
		for _, a := range list(f[1]) {
			if err := checkName(a); err != nil {
				return t.errorf(r, "%v", err)
			}
			k.addName(a, target{kind: tOrg, idx: idx}, o.Origin)
		}
	}
	return nil
}

// readSectors reads sectors.tsv: word, sector, type, number, strength.
func (k *KB) readSectors(file string, t *table) error {
	if err := t.expect("word", "sector", "type", "number", "strength"); err != nil {
		return err
	}
	for _, r := range t.rows {
		f := r.fields
		w := sectorWord{Word: f[0], Sector: f[1]}
		if err := checkName(w.Word); err != nil {
			return t.errorf(r, "%v", err)
		}
		if w.Sector != "" && !validSector(w.Sector) {
			return t.errorf(r, "sector %q is not 3 upper-case letters", w.Sector)
		}
		switch f[2] {
		case "noun", "":
			w.Type = wordNoun
		case "title":
			w.Type = wordTitle
		case "mod":
			w.Type = wordMod
		case "person":
			w.Type = wordPerson
		default:
			return t.errorf(r, "type %q: want noun, title or mod", f[2])
		}
		switch f[3] {
		case "sg", "":
		case "pl":
			w.Plural = true
		default:
			return t.errorf(r, "number %q: want sg or pl", f[3])
		}
		switch f[4] {
		case "strong", "":
		case "weak":
			w.Weak = true
		default:
			return t.errorf(r, "strength %q: want strong or weak", f[4])
		}
		key := lowerASCII(w.Word)
		if _, dup := k.sectorKeys[key]; dup {
			return t.errorf(r, "sector word %q listed twice", w.Word)
		}
		k.sectorKeys[key] = len(k.sectors)
		k.sectors = append(k.sectors, w)
	}
	return nil
}

// readPeople reads people.tsv:
// name, aliases, country, sector, office, start, end, note.
func (k *KB) readPeople(file string, t *table) error {
	if err := t.expect("name", "aliases", "country", "sector", "office", "start", "end", "note"); err != nil {
		return err
	}
	for _, r := range t.rows {
		f := r.fields
		name := f[0]
		if err := checkName(name); err != nil {
			return t.errorf(r, "%v", err)
		}
		o := office{Country: f[2], Sector: f[3], Office: f[4], Note: f[7], Origin: t.origin(r)}
		if !IsCode(o.Country) {
			return t.errorf(r, "country %q is not 2 to 6 upper-case letters or digits", o.Country)
		}
		if !validSector(o.Sector) {
			return t.errorf(r, "sector %q is not 3 upper-case letters", o.Sector)
		}
		var unsure bool
		var err error
		if o.Start, o.Uncertain, err = parseDate(f[5]); err != nil {
			return t.errorf(r, "start: %v", err)
		}
		if f[6] != "" {
			if o.End, unsure, err = parseDate(f[6]); err != nil {
				return t.errorf(r, "end: %v", err)
			}
			o.Uncertain = o.Uncertain || unsure
		}
		idx, seen := k.personIndex[name]
		if !seen {
			idx = len(k.people)
			k.people = append(k.people, person{Name: name, Origin: o.Origin})
			k.personIndex[name] = idx
			k.addName(name, target{kind: tPerson, idx: idx}, o.Origin)
		}
		k.people[idx].Offices = append(k.people[idx].Offices, o)
		for _, a := range list(f[1]) {
			if err := checkName(a); err != nil {
				return t.errorf(r, "%v", err)
			}
			k.addName(a, target{kind: tPerson, idx: idx}, o.Origin)
		}
	}
	return nil
}

// addName records a name as written in a file; build expands it into the
// patterns the automaton matches.
func (k *KB) addName(name string, tg target, origin string) {
	for _, s := range k.sources[name] {
		if s.target == tg {
			return // the same alias on several lines of one person
		}
	}
	k.sources[name] = append(k.sources[name], nameSource{target: tg, origin: origin})
}

// isUpperStart reports whether s starts with an upper-case letter or a digit.
func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// readOffices reads offices.tsv: title, offices.
func (k *KB) readOffices(file string, t *table) error {
	if err := t.expect("title", "offices"); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range t.rows {
		title := officeKey(r.fields[0])
		if err := checkName(title); err != nil {
			return t.errorf(r, "%v", err)
		}
		offices := list(r.fields[1])
		if len(offices) == 0 {
			return t.errorf(r, "title %q names no office", title)
		}
		if seen[title] {
			return t.errorf(r, "title %q listed twice", title)
		}
		seen[title] = true
		k.officeTitles[title] = offices // a user file's line replaces the embedded one
	}
	return nil
}

// readRegions reads regions.tsv: CAMEO region codes ("EUR", "WST") that
// multinational groups in orgs.tsv may use as their code.
func (k *KB) readRegions(file string, t *table) error {
	if err := t.expect("code", "name"); err != nil {
		return err
	}
	for _, r := range t.rows {
		code := r.fields[0]
		if len(code) != 3 || strings.ToUpper(code) != code {
			return t.errorf(r, "region code %q is not 3 upper-case letters", code)
		}
		if _, ok := k.countryIndex[code]; ok {
			return t.errorf(r, "region code %q is a country code", code)
		}
		k.regionCodes[code] = true
	}
	return nil
}

// readSuccessors reads successors.tsv: a former state's code and the codes
// of the states that succeeded it. Every code must be a known country.
func (k *KB) readSuccessors(file string, t *table) error {
	if err := t.expect("code", "successors"); err != nil {
		return err
	}
	for _, r := range t.rows {
		code := r.fields[0]
		if _, ok := k.countryIndex[code]; !ok {
			return t.errorf(r, "unknown country code %q", code)
		}
		next := list(r.fields[1])
		if len(next) == 0 {
			return t.errorf(r, "%s names no successor", code)
		}
		for _, c := range next {
			if _, ok := k.countryIndex[c]; !ok {
				return t.errorf(r, "unknown successor code %q", c)
			}
		}
		k.successors[code] = next // a user file's line replaces the embedded one
	}
	return nil
}

// readPlaces reads places.tsv: name, aliases, country, demonyms, note. A
// place stands for the country it lies in ("Kherson" is Ukraine). A
// spelling that already names a country, organisation or person keeps that
// meaning: the place is left out and Check reports it.
func (k *KB) readPlaces(file string, t *table) error {
	if err := t.expect("name", "aliases", "country", "demonyms", "note"); err != nil {
		return err
	}
	for _, r := range t.rows {
		f := r.fields
		idx, ok := k.countryIndex[f[2]]
		if !ok {
			return t.errorf(r, "place %q: country %q is not in countries.tsv", f[0], f[2])
		}
		origin := t.origin(r)
		add := func(names []string, kind targetKind) error {
			for _, n := range names {
				if err := checkName(n); err != nil {
					return t.errorf(r, "%v", err)
				}
				if other, taken := k.otherMeaning(n, idx); taken {
					k.shadowed = append(k.shadowed, problem{origin, fmt.Sprintf("place %q left out: the name already means something else (%s)", n, other)})
					continue
				}
				k.addName(n, target{kind: kind, idx: idx}, origin)
			}
			return nil
		}
		if err := add(append([]string{f[0]}, list(f[1])...), tPlace); err != nil {
			return err
		}
		if err := add(list(f[3]), tDemonym); err != nil {
			return err
		}
		k.places++
	}
	return nil
}

// otherMeaning reports where a name already has a meaning other than a
// place or demonym of country idx.
func (k *KB) otherMeaning(name string, idx int) (string, bool) {
	for _, s := range k.sources[name] {
		if (s.target.kind == tPlace || s.target.kind == tDemonym) && s.target.idx == idx {
			continue
		}
		return s.origin, true
	}
	return "", false
}
