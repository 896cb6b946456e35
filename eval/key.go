package eval

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// key is what one event contributes to a document's key set
// (shared/spec/gold-format.md). The dyad key is (src, class, tgt, neg); the
// strict key adds both sectors. Both sides of a comparison are reduced to
// these fields, so the rest of the scoring never sees an event.
//
// Country fields hold an ISO 3166-1 alpha-3 code or "". "" stands for the
// IGO side (gold country ""; a predicted actor with sector IGO or a code that
// is not an ISO alpha-3 country) and for "no one" (a null gold target, a
// prediction without recipient). Following the spec literally, those two
// share the "" key: a gold event with no target matches a prediction whose
// recipient is an IGO. Gold files rarely hit that case.
type key struct {
	src, tgt             string
	srcSector, tgtSector string   // compared only by the strict key; "" otherwise
	typ                  string   // PLOVER type: with the countries and neg, what makes a key distinct
	roots                []string // CAMEO roots (two digits) of the events merged into this key
	neg                  bool
	intend               bool // gold only: mode "intend", so a predicted AGREE matches
}

// identity is what makes two keys the same member of a document's key set:
// (source, event class, target, negated), plus the sectors for the strict
// key. The event class is the PLOVER type; events that differ only in their
// CAMEO code (SUPPORT 051 and SUPPORT 057 for the same pair) are one key,
// whose roots are all kept for matching.
type identity struct {
	src, tgt, srcSector, tgtSector, typ string
	neg                                 bool
}

func (k key) id() identity {
	return identity{k.src, k.tgt, k.srcSector, k.tgtSector, k.typ, k.neg}
}

// merge folds another event with the same identity into k.
func (k *key) merge(o key) {
	k.intend = k.intend || o.intend
	for _, r := range o.roots {
		if !contains(k.roots, r) {
			k.roots = append(k.roots, r)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sameRoot reports whether the two keys share a CAMEO root.
func sameRoot(p, g key) bool {
	for _, r := range p.roots {
		if r != "" && contains(g.roots, r) {
			return true
		}
	}
	return false
}

// classMatches reports whether predicted key p has the event class of gold
// key g: equal PLOVER types, equal CAMEO roots, or an intention in the gold
// and an AGREE in the prediction (PLOVER codes intentions to cooperate as
// AGREE even when the gold names the intended action's type).
func classMatches(p, g key) bool {
	return (p.typ != "" && p.typ == g.typ) || sameRoot(p, g) || (g.intend && p.typ == "AGREE")
}

// matches reports whether predicted key p matches gold key g. Sectors take
// part only when both keys carry them (strict scoring).
func matches(p, g key) bool {
	return p.src == g.src && p.tgt == g.tgt && p.neg == g.neg &&
		p.srcSector == g.srcSector && p.tgtSector == g.tgtSector && classMatches(p, g)
}

// goldKey reduces a gold event. A null target gives country "" and sector "".
func goldKey(e GoldEvent, strict bool) key {
	k := key{src: e.Source.Country, typ: e.TypePLOVER, roots: rootList(e.TypeCAMEO),
		neg: e.Negated, intend: e.Mode == "intend"}
	if e.Target != nil {
		k.tgt = e.Target.Country
	}
	if strict {
		k.srcSector = e.Source.Role
		if e.Target != nil {
			k.tgtSector = e.Target.Role
		}
	}
	return k
}

// predictedKeys reduces a predicted event. A compound actor or recipient
// gives one key per actor x recipient pair, because gold files code each
// member of a compound actor as its own event; a pair of the very same
// entity (same words, same code) is skipped, since reciprocal events list
// each member on both sides. An empty actor or recipient
// list stands for one "" side. Events without a PLOVER type give no key:
// they are not events in the PLOVER sense.
func predictedKeys(e dyad.Event, strict bool) []key {
	if e.Type == "" {
		return nil
	}
	actors, recipients := sides(e.Actor), sides(e.Recipient)
	var keys []key
	for _, a := range actors {
		for _, r := range recipients {
			if a == r && a != (dyad.Entity{}) {
				continue // a reciprocal event lists each member on both sides; no one acts on themselves
			}
			k := key{src: countryKey(a), tgt: countryKey(r), typ: e.Type, roots: rootList(e.CAMEO), neg: e.Negated}
			if strict {
				k.srcSector, k.tgtSector = strings.ToUpper(a.Sector), strings.ToUpper(r.Sector)
			}
			keys = append(keys, k)
		}
	}
	return keys
}

func rootList(code string) []string {
	if r := ontology.RootOf(code); r != "" {
		return []string{r}
	}
	return nil
}

// sides returns the entities of one side, or one empty entity for none.
func sides(es []dyad.Entity) []dyad.Entity {
	if len(es) == 0 {
		return []dyad.Entity{{}}
	}
	return es
}

// countryKey is the country an entity counts for: its ISO alpha-3 code, or
// "" for an IGO (sector IGO), any code that is not an ISO alpha-3 country
// (NATO, EUR, UNO, ...) and no entity at all.
func countryKey(e dyad.Entity) string {
	code := strings.ToUpper(strings.TrimSpace(e.Code))
	if strings.EqualFold(e.Sector, "IGO") || !isISOCountry(code) {
		return ""
	}
	return code
}

// isISOCountry reports whether code is the ISO 3166-1 alpha-3 code of a
// country (CLDR's list, via golang.org/x/text). Groupings such as "EU" and
// user-assigned codes such as "XKX" are not countries.
func isISOCountry(code string) bool {
	if len(code) != 3 {
		return false
	}
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.ISO3() == code
}

// describe renders a key for a miss list: "AZE SUPPORT(05) -> MDA, negated".
func describe(k key) string {
	side := func(country, sector string) string {
		if country == "" {
			country = "IGO/none"
		}
		if sector != "" {
			country += " " + sector
		}
		return country
	}
	s := fmt.Sprintf("%s %s(%s) -> %s", side(k.src, k.srcSector), k.typ, strings.Join(k.roots, ","), side(k.tgt, k.tgtSector))
	if k.neg {
		s += ", negated"
	}
	if k.intend {
		s += ", intend"
	}
	return s
}
