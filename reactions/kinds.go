package reactions

import (
	"bufio"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// KindsFile is where LoadKinds reads the kinds, inside the data file system.
const KindsFile = "reactions/kinds.tsv"

// AnyKind is the kind that counts every code of the other kinds.
const AnyKind = "any"

// Kinds maps each kind of reaction (--kind) to the CAMEO event code
// prefixes that count as one.
type Kinds struct {
	prefixes map[string][]string
	names    []string // in file order, then AnyKind
}

// LoadKinds reads KindsFile from fsys (normally data.FS). A malformed line
// is an error naming the file and line.
func LoadKinds(fsys fs.FS) (*Kinds, error) {
	b, err := fs.ReadFile(fsys, KindsFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", KindsFile, err)
	}
	return parseKinds(KindsFile, string(b))
}

// parseKinds reads the kinds file text; name is for error messages.
func parseKinds(name, text string) (*Kinds, error) {
	k := &Kinds{prefixes: map[string][]string{}}
	var all []string
	header := false
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if !header {
			if len(f) < 2 || f[0] != "kind" || f[1] != "cameo" {
				return nil, fmt.Errorf("%s:%d: want the header line \"kind<TAB>cameo<TAB>why\"", name, n)
			}
			header = true
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: want kind<TAB>cameo<TAB>why, got %d fields", name, n, len(f))
		}
		kind := strings.TrimSpace(f[0])
		switch {
		case kind == "" || kind != strings.ToLower(kind) || strings.ContainsAny(kind, " ,|"):
			return nil, fmt.Errorf("%s:%d: kind %q is not a lower-case word", name, n, kind)
		case kind == AnyKind:
			return nil, fmt.Errorf("%s:%d: kind %q is built in (every code of the other kinds)", name, n, AnyKind)
		case k.prefixes[kind] != nil:
			return nil, fmt.Errorf("%s:%d: kind %q listed twice", name, n, kind)
		}
		var prefixes []string
		for _, p := range strings.Split(f[1], "|") {
			p = strings.TrimSpace(p)
			if p == "" || strings.Trim(p, "0123456789") != "" || len(p) > 4 {
				return nil, fmt.Errorf("%s:%d: %q is not a CAMEO event code prefix (1 to 4 digits)", name, n, p)
			}
			prefixes = append(prefixes, p)
		}
		k.prefixes[kind] = prefixes
		k.names = append(k.names, kind)
		all = append(all, prefixes...)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(k.names) == 0 {
		return nil, fmt.Errorf("%s: no kinds", name)
	}
	slices.Sort(all)
	k.prefixes[AnyKind] = slices.Compact(all)
	k.names = append(k.names, AnyKind)
	return k, nil
}

// Names returns the kinds, in file order, then AnyKind.
func (k *Kinds) Names() []string { return slices.Clone(k.names) }

// Has reports whether kind is known.
func (k *Kinds) Has(kind string) bool { _, ok := k.prefixes[kind]; return ok }

// Prefixes returns the CAMEO code prefixes of a kind.
func (k *Kinds) Prefixes(kind string) []string { return slices.Clone(k.prefixes[kind]) }

// Match reports whether a CAMEO event code counts as a reaction of kind.
func (k *Kinds) Match(kind, cameo string) bool {
	for _, p := range k.prefixes[kind] {
		if strings.HasPrefix(cameo, p) {
			return true
		}
	}
	return false
}
