package kb

import (
	"slices"
	"strings"
	"time"
)

// holding is one term in the holders index: people[person].Offices[office].
type holding struct {
	person, office int
}

// indexHolders lists every term under the code it was held for.
func (k *KB) indexHolders() {
	for pi, p := range k.people {
		for oi, o := range p.Offices {
			k.holders[o.Country] = append(k.holders[o.Country], holding{pi, oi})
		}
	}
}

// Holder returns the person who held the office a title names ("president",
// "foreign minister", "secretary-general") for a country or organisation
// code on date d. Offices are tried in the order offices.tsv gives; an
// office ending with the title counts too ("NATO secretary-general"). ok is
// false when nobody, or more than one person, fits.
func (k *KB) Holder(code, title string, d time.Time) (name string, ok bool) {
	if p, found := k.holder(code, lowerASCII(title), d); found {
		return k.people[p].Name, true
	}
	return "", false
}

func (k *KB) holder(code, title string, d time.Time) (int, bool) {
	title = officeKey(title)
	terms := k.holders[code]
	if len(terms) == 0 {
		return 0, false
	}
	// pick returns the one person whose office fits, preferring the
	// shortest office name ("NATO secretary-general" over "NATO deputy
	// secretary-general"); two people with equally short offices are a
	// tie and give nothing.
	pick := func(match func(office string) bool) (int, bool) {
		found, size, tie := -1, 0, false
		for _, h := range terms {
			o := k.people[h.person].Offices[h.office]
			if !o.holds(d) {
				continue
			}
			off := officeKey(o.Office)
			if !match(off) || h.person == found {
				continue
			}
			switch {
			case found < 0 || len(off) < size:
				found, size, tie = h.person, len(off), false
			case len(off) == size:
				tie = true
			}
		}
		return found, found >= 0 && !tie
	}
	if offs, listed := k.officeTitles[title]; listed {
		for _, want := range offs {
			want = officeKey(want)
			if p, ok := pick(func(o string) bool { return o == want }); ok {
				return p, true
			}
		}
		return 0, false
	}
	return pick(func(o string) bool { return o == title || strings.HasSuffix(o, " "+title) })
}

// genericTitles fit any office that contains them: "the minister" is the
// last minister named, whatever the ministry.
var genericTitles = map[string]bool{"minister": true, "secretary": true, "leader": true, "official": true, "chief": true, "head": true}

// titleFits reports whether person p, on date d, holds an office a title
// names. A generic title ("minister", "leader", "official") fits any office
// containing it.
func (k *KB) titleFits(p int, title string, d time.Time) bool {
	title = officeKey(title)
	for _, o := range k.people[p].Offices {
		if !o.holds(d) {
			continue
		}
		off := officeKey(o.Office)
		if offs, listed := k.officeTitles[title]; listed {
			for _, want := range offs {
				if off == officeKey(want) {
					return true
				}
			}
			continue
		}
		if off == title || strings.HasSuffix(off, " "+title) || genericTitles[title] && strings.Contains(off, title) {
			return true
		}
	}
	return false
}

// cameo builds an entity's CAMEO code: NGO codes put the sector first
// ("NGOAMN"), as international organisations do.
func (k *KB) cameo(code, sector string) string {
	if sector == "NGO" && k.ngoCodes[code] {
		return sector + code
	}
	return CAMEOCode(code, sector)
}

// officeKey is the form titles and offices are compared in: lower-case,
// hyphens as spaces ("Secretary-General" is "secretary general").
func officeKey(s string) string { return strings.ReplaceAll(lowerASCII(s), "-", " ") }

// servingIn keeps the person targets who ever served code (or whose home
// it is), for a name written after a country or organisation: "Pakistan
// President Zia" is not Bangladesh's Khaleda Zia. A former state and its
// successor count as one (successors.tsv), so "Soviet leader Gorbachev"
// still finds a person listed for Russia.
func (k *KB) servingIn(tgs []target, code string) []target {
	var out []target
	for _, t := range tgs {
		if t.kind != tPerson {
			out = append(out, t) // PETRARCH actors carry their own dates
			continue
		}
		p := &k.people[t.idx]
		ok := k.sameState(p.home(k), code)
		for _, o := range p.Offices {
			ok = ok || k.sameState(o.Country, code)
		}
		if ok {
			out = append(out, t)
		}
	}
	return out
}

// sameState reports whether two codes name one state, counting a former
// state as each of its successors.
func (k *KB) sameState(a, b string) bool {
	if a == b {
		return true
	}
	return slices.Contains(k.successors[a], b) || slices.Contains(k.successors[b], a)
}
