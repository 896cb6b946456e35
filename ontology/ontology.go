// Package ontology describes CAMEO event codes and how they read in PLOVER:
// name, Goldstein value, quad class, PLOVER event type, mode and contexts.
// The facts live in data/ontology/cameo.tsv; this package only loads them.
package ontology

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
)

// Code is one CAMEO event code.
type Code struct {
	Code      string  // 2 to 4 digits, leading zeros kept ("051")
	Name      string  // CAMEO name
	Level     int     // 1 root, 2 base, 3 leaf
	Root      string  // the first two digits
	Goldstein float64 // Goldstein scale value
	Quad      int     // quad class 1..4
	Type      string  // PLOVER event type; "" when the code has none (CAMEO 01x)
	Mode      string  // PLOVER mode, or ""
	Context   []string
}

// Ontology is a loaded code table. It is read-only after Load and safe for
// concurrent use.
type Ontology struct {
	codes  []Code
	byCode map[string]int
}

// header is the first line every ontology file must start with.
var header = []string{"code", "name", "level", "root", "goldstein", "quad", "plover_type", "plover_mode", "plover_context"}

// Load reads a code table in the layout of data/ontology/cameo.tsv. Errors
// name the file and line ("cameo.tsv:12: bad quad class \"7\"").
func Load(fsys fs.FS, path string) (*Ontology, error) {
	raw, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("read ontology: %w", err)
	}
	return parse(path, raw)
}

func parse(path string, raw []byte) (*Ontology, error) {
	o := &Ontology{byCode: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sawHeader := false
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if !sawHeader {
			if !slices.Equal(fields, header) {
				return nil, fmt.Errorf("%s:%d: header must be %q", path, line, strings.Join(header, "\t"))
			}
			sawHeader = true
			continue
		}
		c, err := parseRow(fields)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if _, dup := o.byCode[c.Code]; dup {
			return nil, fmt.Errorf("%s:%d: code %s listed twice", path, line, c.Code)
		}
		o.byCode[c.Code] = len(o.codes)
		o.codes = append(o.codes, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(o.codes) == 0 {
		return nil, fmt.Errorf("%s: no codes", path)
	}
	return o, nil
}

func parseRow(f []string) (Code, error) {
	if len(f) != len(header) {
		return Code{}, fmt.Errorf("want %d tab-separated fields, have %d", len(header), len(f))
	}
	c := Code{Code: f[0], Name: f[1], Root: f[3], Type: f[6], Mode: f[7]}
	if !isCode(c.Code) {
		return Code{}, fmt.Errorf("bad CAMEO code %q (want 2 to 4 digits)", c.Code)
	}
	if c.Root != c.Code[:2] {
		return Code{}, fmt.Errorf("code %s: root %q is not its first two digits", c.Code, c.Root)
	}
	var err error
	if c.Level, err = strconv.Atoi(f[2]); err != nil || c.Level != len(c.Code)-1 {
		return Code{}, fmt.Errorf("code %s: bad level %q (want %d)", c.Code, f[2], len(c.Code)-1)
	}
	if c.Goldstein, err = strconv.ParseFloat(f[4], 64); err != nil || c.Goldstein < -10 || c.Goldstein > 10 {
		return Code{}, fmt.Errorf("code %s: bad Goldstein value %q", c.Code, f[4])
	}
	if c.Quad, err = strconv.Atoi(f[5]); err != nil || c.Quad < 1 || c.Quad > 4 {
		return Code{}, fmt.Errorf("code %s: bad quad class %q", c.Code, f[5])
	}
	if c.Type != "" && !slices.Contains(dyad.PLOVERTypes, c.Type) {
		return Code{}, fmt.Errorf("code %s: unknown PLOVER type %q", c.Code, c.Type)
	}
	for _, ctx := range strings.Split(f[8], ";") {
		if ctx = strings.TrimSpace(ctx); ctx != "" {
			c.Context = append(c.Context, ctx)
		}
	}
	return c, nil
}

func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// defaultPath is where the embedded table lives in data.FS.
const defaultPath = "ontology/cameo.tsv"

// Default returns the embedded ontology, loading it on first use. It panics
// only when the embedded file is broken, which the package tests rule out.
func Default() *Ontology { return loadDefault() }

var loadDefault = sync.OnceValue(func() *Ontology { return mustLoad(data.FS, defaultPath) })

func mustLoad(fsys fs.FS, path string) *Ontology {
	o, err := Load(fsys, path)
	if err != nil {
		panic("ontology: embedded table is broken: " + err.Error())
	}
	return o
}

// Lookup returns the entry for code ("051"); surrounding spaces are ignored.
func (o *Ontology) Lookup(code string) (Code, bool) {
	i, ok := o.byCode[strings.TrimSpace(code)]
	if !ok {
		return Code{}, false
	}
	c := o.codes[i]
	c.Context = slices.Clone(c.Context)
	return c, true
}

// Codes returns every entry in file order (code order for the embedded
// table). The slice is a copy.
func (o *Ontology) Codes() []Code {
	out := make([]Code, len(o.codes))
	for i, c := range o.codes {
		c.Context = slices.Clone(c.Context)
		out[i] = c
	}
	return out
}

// RootOf returns the CAMEO root (first two digits) of code, or "" when code
// does not start with two digits. It does not need the code to be listed.
func (o *Ontology) RootOf(code string) string { return RootOf(code) }

// RootOf is the table-free form of (*Ontology).RootOf.
func RootOf(code string) string {
	code = strings.TrimSpace(code)
	if len(code) < 2 || !isCode(code[:2]) {
		return ""
	}
	return code[:2]
}
