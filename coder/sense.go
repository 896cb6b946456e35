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
	best := -1
	for i, r := range rules {
		if !strings.HasPrefix(code, r.prefix) || best >= 0 && len(rules[best].prefix) >= len(r.prefix) {
			continue
		}
		for _, a := range actors {
			if containsString(r.sectors, a.Sector) {
				best = i
				break
			}
		}
	}
	if best < 0 {
		return code
	}
	return rules[best].code
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
