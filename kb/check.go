package kb

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// knownSectors are the CAMEO sector and role codes the KB may use.
var knownSectors = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true, "PTY": true,
	"REB": true, "INS": true, "SEP": true, "SPY": true, "UAF": true, "ELI": true, "BUS": true,
	"MED": true, "CVL": true, "IGO": true, "NGO": true, "AGR": true, "CRM": true, "DEV": true,
	"EDU": true, "ENV": true, "HLH": true, "HRI": true, "LAB": true, "REF": true, "REL": true,
	"MOD": true, "RAD": true, "PKO": true, "IMG": true, "NGM": true, "MNC": true, "SET": true,
	"INT": true,
}

// Stats counts what the KB holds.
type Stats struct {
	Countries   int            // countries and territories
	SectorWords int            // sector words and titles
	People      int            // distinct people
	Offices     int            // people.tsv lines (terms)
	Uncertain   int            // terms with a date marked "?"
	Orgs        int            // organisations and armed groups
	Places      int            // places.tsv lines: cities and regions
	Names       int            // name patterns after variants
	Titles      int            // titles offices.tsv maps to offices
	Lines       map[string]int // data lines per file read
}

// Check reports problems that do not stop Load but make resolution worse:
// unknown codes and sectors, bad date ranges, overlapping terms, and names
// with meanings of different kinds. Errors are sorted by file and line.
func (k *KB) Check() (Stats, []error) {
	st := Stats{
		Countries:   len(k.countries),
		SectorWords: len(k.sectors),
		People:      len(k.people),
		Orgs:        len(k.orgs),
		Places:      k.places,
		Names:       len(k.patterns),
		Titles:      len(k.officeTitles),
		Lines:       map[string]int{},
	}
	for f, n := range k.lines {
		st.Lines[f] = n
	}
	probs := append([]problem(nil), k.shadowed...)
	add := func(origin, format string, args ...any) {
		probs = append(probs, problem{origin, fmt.Sprintf(format, args...)})
	}
	knownCode := func(c string) bool {
		_, ok := k.countryIndex[c]
		return ok || k.igoCodes[c] || k.ngoCodes[c] || k.regionCodes[c]
	}
	for _, o := range k.orgs {
		if !knownCode(o.Code) && o.Code != "IMG" {
			add(o.Origin, "%s: unknown code %s", o.Name, o.Code)
		}
		if !knownSectors[o.Sector] {
			add(o.Origin, "%s: unknown sector %s", o.Name, o.Sector)
		}
	}
	for _, w := range k.sectors {
		if w.Sector != "" && !knownSectors[w.Sector] {
			add("sectors", "%s: unknown sector %s", w.Word, w.Sector)
		}
	}
	today := time.Now()
	type slot struct {
		person int
		o      office
	}
	holders := map[string][]slot{} // country + office -> terms
	for pi, p := range k.people {
		st.Offices += len(p.Offices)
		for i, o := range p.Offices {
			if o.Uncertain {
				st.Uncertain++
			}
			if !knownCode(o.Country) {
				add(o.Origin, "%s: unknown country code %s", p.Name, o.Country)
			}
			if !knownSectors[o.Sector] {
				add(o.Origin, "%s: unknown sector %s", p.Name, o.Sector)
			}
			if !o.End.IsZero() && !o.End.After(o.Start) {
				add(o.Origin, "%s: term ends %s, not after its start %s", p.Name, day(o.End), day(o.Start))
			}
			if o.Start.After(today) {
				add(o.Origin, "%s: term starts in the future (%s)", p.Name, day(o.Start))
			}
			for _, q := range p.Offices[:i] {
				if termsOverlap(o, q) && (o.Country != q.Country || o.Sector != q.Sector) {
					add(o.Origin, "%s: term overlaps %s with another country or sector", p.Name, q.Origin)
				}
			}
			// Many people lead opposition parties, speak for a ministry or
			// sit on a body at once; other offices have one holder at a
			// time.
			if concurrentOffice(o.Office) {
				continue
			}
			key := o.Country + "\t" + o.Office
			for _, h := range holders[key] {
				if h.person != pi && termsOverlap(o, h.o) {
					add(o.Origin, "%s and %s both %s of %s at once (%s)", p.Name, k.people[h.person].Name, o.Office, o.Country, h.o.Origin)
				}
			}
			holders[key] = append(holders[key], slot{pi, o})
		}
	}
	for _, name := range sortedKeys(k.sources) {
		srcs := k.sources[name]
		if len(srcs) < 2 {
			continue
		}
		first := srcs[0]
		for _, s := range srcs[1:] {
			a, b := first.target, s.target
			samePlace := countryLike(a.kind) && countryLike(b.kind) && a.idx == b.idx
			bothPeople := a.kind == tPerson && b.kind == tPerson
			switch {
			case samePlace:
			case bothPeople && (k.people[a.idx].Name == name || k.people[b.idx].Name == name):
				// A shared alias ("King Abdullah") is resolved by date;
				// a canonical name must name one person only.
				add(s.origin, "full name %q also names another person (%s)", name, first.origin)
			case !bothPeople:
				add(s.origin, "name %q also means something else (%s)", name, first.origin)
			}
		}
	}
	// Every office offices.tsv names should be held by someone.
	offices := map[string]bool{}
	for _, p := range k.people {
		for _, o := range p.Offices {
			offices[officeKey(o.Office)] = true
		}
	}
	for _, title := range sortedKeys(k.officeTitles) {
		for _, o := range k.officeTitles[title] {
			if !offices[officeKey(o)] {
				add("kb/offices.tsv", "title %q: no person holds office %q", title, o)
			}
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].less(probs[j]) })
	errs := make([]error, len(probs))
	for i, p := range probs {
		errs[i] = fmt.Errorf("%s: %s", p.origin, p.msg)
	}
	return st, errs
}

// concurrentOffice reports whether an office has many holders at once:
// opposition leaders, spokespeople, members of a body.
func concurrentOffice(office string) bool {
	for _, w := range []string{"opposition", "spokes", "member"} {
		if strings.Contains(office, w) {
			return true
		}
	}
	return false
}

type problem struct{ origin, msg string }

// less orders problems by file, then by line number.
func (p problem) less(q problem) bool {
	pf, pl := splitOrigin(p.origin)
	qf, ql := splitOrigin(q.origin)
	if pf != qf {
		return pf < qf
	}
	return pl < ql
}

func splitOrigin(o string) (string, int) {
	i := strings.LastIndexByte(o, ':')
	if i < 0 {
		return o, 0
	}
	n := 0
	fmt.Sscanf(o[i+1:], "%d", &n)
	return o[:i], n
}

func termsOverlap(a, b office) bool {
	aEnd, bEnd := a.End, b.End
	if aEnd.IsZero() {
		aEnd = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if bEnd.IsZero() {
		bEnd = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return a.Start.Before(bEnd) && b.Start.Before(aEnd)
}

func day(t time.Time) string { return t.Format("2006-01-02") }
