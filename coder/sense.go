package coder

import (
	"io/fs"
	"strings"

	"github.com/dyad-events/dyad"
)

// senseRule recodes an event whose meaning depends on who acts
// (data/grammar/actorsense.tsv): police "storming" a building coerce, they
// do not protest.
type senseRule struct {
	prefix  string
	sectors []string
	code    string
}

// loadSenseRules reads actorsense.tsv.
func loadSenseRules(fsys fs.FS, path string) ([]senseRule, error) {
	rows, err := readFields(fsys, path, 3, "PREFIX SECTORS NEWCODE")
	if err != nil {
		return nil, err
	}
	rules := make([]senseRule, 0, len(rows))
	for _, f := range rows {
		rules = append(rules, senseRule{prefix: f[0], sectors: strings.Split(f[1], "|"), code: f[2]})
	}
	return rules, nil
}

// senseFor returns the code an action with code takes when done by actors,
// or code itself when no rule applies. The longest matching prefix wins.
func senseFor(rules []senseRule, code string, actors []dyad.Entity) string {
	return bestRule(rules, code, func(r senseRule) bool {
		for _, a := range actors {
			if containsString(r.sectors, a.Sector) {
				return true
			}
		}
		return false
	})
}

// bestRule returns the new code of the rule with the longest prefix of code
// that applies, or code itself.
func bestRule(rules []senseRule, code string, applies func(senseRule) bool) string {
	best := -1
	for i, r := range rules {
		if strings.HasPrefix(code, r.prefix) && (best < 0 || len(r.prefix) > len(rules[best].prefix)) && applies(r) {
			best = i
		}
	}
	if best < 0 {
		return code
	}
	return rules[best].code
}

// jointSector in a rule's sectors stands for actors of two or more
// countries acting together: "French and Egyptian warships launched war
// games" is military cooperation, not a show of force.
const jointSector = "JOINT"

// jointSenseFor returns the code an action with code takes when actors of
// several countries do it together and aim it at no one else (a joint
// patrol "over the Sea of Japan" aimed at Japan stays a show of force), or
// code itself. The longest matching prefix among JOINT rules wins.
func jointSenseFor(rules []senseRule, code string, actors, recipients []dyad.Entity) string {
	if countryCount(actors) < 2 || len(otherCountries(recipients, actors)) > 0 {
		return code
	}
	return bestRule(rules, code, func(r senseRule) bool { return containsString(r.sectors, jointSector) })
}

// recipientMark before a sector in a rule makes it a recipient's sector:
// "174 >IGO|>NGO 166" codes forcing an aid agency out of a country as an
// expulsion of a mission, not a deportation of people.
const recipientMark = ">"

// recipientSenseFor returns the code an action with code takes when aimed
// at recipients of a marked sector, or code itself.
func recipientSenseFor(rules []senseRule, code string, recipients []dyad.Entity) string {
	return bestRule(rules, code, func(r senseRule) bool {
		for _, e := range recipients {
			if e.Sector != "" && containsString(r.sectors, recipientMark+e.Sector) {
				return true
			}
		}
		return false
	})
}

// hasJointRule reports whether a JOINT rule applies to code: a statement
// ("agreed that ...") may then become an event when several countries make
// it together, so it is kept until the actors are known.
func hasJointRule(rules []senseRule, code string) bool {
	for _, r := range rules {
		if strings.HasPrefix(code, r.prefix) && containsString(r.sectors, jointSector) {
			return true
		}
	}
	return false
}

// countryCount returns how many different countries or international
// organisations the actors belong to ("the Philippines and the EU").
func countryCount(actors []dyad.Entity) int {
	seen := map[string]bool{}
	for _, a := range actors {
		if a.Code != "" {
			seen[a.Code] = true
		}
	}
	return len(seen)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
