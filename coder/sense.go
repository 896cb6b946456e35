package coder

import (
	"bufio"
	"fmt"
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
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var rules []senseRule
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 3 {
			return nil, fmt.Errorf("%s:%d: want PREFIX SECTORS NEWCODE, got %d fields", path, n, len(fs))
		}
		rules = append(rules, senseRule{prefix: fs[0], sectors: strings.Split(fs[1], "|"), code: fs[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
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
