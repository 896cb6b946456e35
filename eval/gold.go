package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
)

// GoldActor is one side of a gold event (shared/spec/gold-format.md).
type GoldActor struct {
	Name string `json:"name"`
	// Country is an ISO 3166-1 alpha-3 code, or "" for an international
	// organisation or multinational group.
	Country string `json:"country"`
	Role    string `json:"role"` // CAMEO sector: GOV, MIL, ELI, IGO, ...
}

// GoldEvent is one event a careful human coder extracted.
type GoldEvent struct {
	Source     GoldActor  `json:"source"`
	Target     *GoldActor `json:"target"` // nil when there is none
	TypePLOVER string     `json:"type_plover"`
	TypeCAMEO  string     `json:"type_cameo"` // 2 to 4 digits
	Negated    bool       `json:"negated"`
	EventDate  string     `json:"event_date"`
	Evidence   string     `json:"evidence"`
	Mode       string     `json:"mode"`     // "intend" for a stated intention, pledge or invitation
	Optional   bool       `json:"optional"` // defensible but debatable: neither a miss nor a false positive
}

// GoldDoc is one gold file with the path of the document it describes.
type GoldDoc struct {
	Doc    string      `json:"doc"`
	Date   string      `json:"date"`
	URL    string      `json:"url"`
	Outlet string      `json:"outlet"`
	Events []GoldEvent `json:"events"`
	Notes  string      `json:"notes"`

	// Name is the file name without ".gold.json": the id the coder gives
	// NAME.txt, and so the key of its predictions.
	Name string `json:"-"`
	// TextPath is the NAME.txt beside the gold file.
	TextPath string `json:"-"`
}

// goldSuffix ends every gold file name.
const goldSuffix = ".gold.json"

// ReadGoldDir reads every NAME.gold.json in dir (not recursively), in name
// order. A bad gold file yields one error naming it ("path: invalid JSON:
// ...", "path: missing NAME.txt", "path: event 3: unknown PLOVER type
// \"FOO\"", events counted from 1) and is left out; the rest are returned.
func ReadGoldDir(dir string) ([]GoldDoc, []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, []error{fmt.Errorf("read gold dir: %w", err)}
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), goldSuffix) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, []error{fmt.Errorf("%s: no *%s files", dir, goldSuffix)}
	}
	var docs []GoldDoc
	var errs []error
	for _, n := range names {
		path := filepath.Join(dir, n)
		raw, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("read gold: %w", err))
			continue
		}
		g, err := ParseGold(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, err))
			continue
		}
		g.Name = strings.TrimSuffix(n, goldSuffix)
		g.TextPath = filepath.Join(dir, g.Name+".txt")
		if _, err := os.Stat(g.TextPath); err != nil {
			errs = append(errs, fmt.Errorf("%s: missing %s", path, g.Name+".txt"))
			continue
		}
		docs = append(docs, g)
	}
	return docs, errs
}

// ParseGold decodes and checks one gold file's bytes. Unknown fields are
// allowed (gold files may grow), wrong types and bad values are not.
func ParseGold(raw []byte) (GoldDoc, error) {
	var g GoldDoc
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&g); err != nil {
		return GoldDoc{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return GoldDoc{}, errors.New("invalid JSON: data after the top-level object")
	}
	for i := range g.Events {
		if err := checkGoldEvent(&g.Events[i]); err != nil {
			return GoldDoc{}, fmt.Errorf("event %d: %w", i+1, err)
		}
	}
	return g, nil
}

func checkGoldEvent(e *GoldEvent) error {
	e.TypePLOVER = strings.ToUpper(strings.TrimSpace(e.TypePLOVER))
	if !slices.Contains(dyad.PLOVERTypes, e.TypePLOVER) {
		return fmt.Errorf("unknown PLOVER type %q", e.TypePLOVER)
	}
	e.TypeCAMEO = strings.TrimSpace(e.TypeCAMEO)
	if !isDigits(e.TypeCAMEO) || len(e.TypeCAMEO) < 2 || len(e.TypeCAMEO) > 4 {
		return fmt.Errorf("bad type_cameo %q (want 2 to 4 digits)", e.TypeCAMEO)
	}
	for _, a := range []*GoldActor{&e.Source, e.Target} {
		if a == nil {
			continue
		}
		a.Country = strings.ToUpper(strings.TrimSpace(a.Country))
		a.Role = strings.ToUpper(strings.TrimSpace(a.Role))
		if a.Country != "" && (len(a.Country) != 3 || !isUpperLetters(a.Country)) {
			return fmt.Errorf("bad country %q (want ISO alpha-3 or \"\")", a.Country)
		}
	}
	if e.Mode != "" && e.Mode != "intend" {
		return fmt.Errorf("unknown mode %q (want \"intend\" or none)", e.Mode)
	}
	return nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isUpperLetters(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
