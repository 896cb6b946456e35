// Package groups reads the country groups of data/groups (G7, G20, EU,
// NATO, UN, CIS, land neighbours) and expands a group specification into
// country codes, so that `dyad reactions --expected` knows which countries
// were expected to react.
//
// A membership file lists member states with the first and last day of
// their membership; neighbours.tsv lists every state's land neighbours. The
// README of data/groups describes the format.
package groups

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// Dir is the folder of the group files inside the data file system.
const Dir = "groups"

// neighboursFile is the one file that is not a membership list.
const neighboursFile = "neighbours.tsv"

// Neighbours is the group specification for the land neighbours of a
// target country.
const Neighbours = "neighbours"

// member is one line of a membership file: a state and the days it was a
// member, both inclusive; a zero time is an open end.
type member struct {
	code         string
	joined, left time.Time
	origin       string // "groups/eu.tsv:12", for Check
}

// in reports whether the member belonged to the group on day d.
func (m member) in(d time.Time) bool {
	if !m.joined.IsZero() && d.Before(m.joined) {
		return false
	}
	return m.left.IsZero() || !d.After(m.left)
}

// neighbourLine is one line of neighbours.tsv.
type neighbourLine struct {
	code       string
	neighbours []string
	origin     string
}

// Groups holds the loaded group files. It is read-only after Load and safe
// for concurrent use.
type Groups struct {
	members    map[string][]member // group name -> members, in file order
	neighbours []neighbourLine
	byCode     map[string][]string // code -> its land neighbours
}

// Load reads every groups/*.tsv file of fsys (data.FS). A file it cannot
// read is reported as "file:line: problem".
func Load(fsys fs.FS) (*Groups, error) {
	files, err := fs.Glob(fsys, Dir+"/*.tsv")
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", Dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no group files (*.tsv)", Dir)
	}
	g := &Groups{members: map[string][]member{}, byCode: map[string][]string{}}
	for _, file := range files {
		text, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", file, err)
		}
		name := strings.TrimSuffix(path.Base(file), ".tsv")
		if path.Base(file) == neighboursFile {
			err = g.readNeighbours(file, string(text))
		} else {
			err = g.readMembers(name, file, string(text))
		}
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

// Names returns the group specifications Expand knows, sorted: every
// membership group and "neighbours" (when neighbours.tsv was read).
func (g *Groups) Names() []string {
	names := make([]string, 0, len(g.members)+1)
	for n := range g.members {
		names = append(names, n)
	}
	if g.neighbours != nil {
		names = append(names, Neighbours)
	}
	sort.Strings(names)
	return names
}

// Expand returns the country codes spec stands for, with today's
// membership: the current members of a group (those without a "left"
// date). See ExpandAt.
func (g *Groups) Expand(spec, target string) ([]string, error) {
	return g.ExpandAt(spec, target, time.Time{})
}

// ExpandAt returns the country codes spec stands for on date (a zero date:
// the current members):
//
//   - "all" gives nil and no error: the caller decides what all is;
//   - a group name ("g20", "EU"; any case) gives its members on date, sorted;
//   - "neighbours" gives the land neighbours of target, a country code
//     (an empty, non-nil list for an island state);
//   - "A,B,C" gives those codes, each three upper-case letters, in the order
//     given without repeats.
//
// Anything else is an error that names the known groups.
func (g *Groups) ExpandAt(spec, target string, date time.Time) ([]string, error) {
	spec = strings.TrimSpace(spec)
	lower := strings.ToLower(spec)
	switch lower {
	case "all":
		return nil, nil
	case Neighbours, "neighbors":
		return g.neighboursOf(target)
	}
	if ms, ok := g.members[lower]; ok {
		out := []string{}
		for _, m := range ms {
			if (date.IsZero() && m.left.IsZero()) || (!date.IsZero() && m.in(date)) {
				out = append(out, m.code)
			}
		}
		sort.Strings(out)
		return slices.Compact(out), nil
	}
	if !strings.Contains(spec, ",") && !isCode(spec) {
		return nil, fmt.Errorf("unknown group %q (want all, %s, or country codes such as USA,FRA)", spec, strings.Join(g.Names(), ", "))
	}
	var out []string
	for _, c := range strings.Split(spec, ",") {
		c = strings.TrimSpace(c)
		if !isCode(c) {
			return nil, fmt.Errorf("%q in %q is not a country code (want three upper-case letters, such as USA)", c, spec)
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (g *Groups) neighboursOf(target string) ([]string, error) {
	if g.neighbours == nil {
		return nil, fmt.Errorf("no %s/%s: land neighbours are unknown", Dir, neighboursFile)
	}
	target = strings.TrimSpace(target)
	if !isCode(target) {
		return nil, fmt.Errorf("neighbours of %q: want the country code of the target (three upper-case letters)", target)
	}
	ns, ok := g.byCode[target]
	if !ok {
		return nil, fmt.Errorf("neighbours of %s: no line for it in %s/%s", target, Dir, neighboursFile)
	}
	return slices.Clone(ns), nil
}

// isCode reports whether s looks like an ISO 3166-1 alpha-3 code.
func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// table is a tab-separated file: comment lines start with "#", the first
// other line names the columns.
type table struct {
	file    string
	columns map[string]int
	rows    []row
}

type row struct {
	line   int
	fields []string
}

func (t *table) get(r row, column string) string {
	i, ok := t.columns[column]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

func (t *table) errorf(r row, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", t.file, r.line, fmt.Sprintf(format, args...))
}

// readTable splits text into a header and rows and checks that the header
// has the required columns.
func readTable(file, text string, required ...string) (*table, error) {
	t := &table{file: file}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if t.columns == nil {
			t.columns = map[string]int{}
			for i, c := range fields {
				c = strings.TrimSpace(c)
				if _, dup := t.columns[c]; dup {
					return nil, fmt.Errorf("%s:%d: column %q twice in the header", file, n, c)
				}
				t.columns[c] = i
			}
			for _, c := range required {
				if _, ok := t.columns[c]; !ok {
					return nil, fmt.Errorf("%s:%d: header lacks the column %q", file, n, c)
				}
			}
			continue
		}
		if len(fields) > len(t.columns) {
			return nil, fmt.Errorf("%s:%d: %d fields, the header has %d columns", file, n, len(fields), len(t.columns))
		}
		t.rows = append(t.rows, row{line: n, fields: fields})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, n+1, err)
	}
	if t.columns == nil {
		return nil, fmt.Errorf("%s: no header line", file)
	}
	return t, nil
}

func (g *Groups) readMembers(name, file, text string) error {
	if name == Neighbours || name == "neighbors" || name == "all" || isCode(name) || strings.Contains(name, ",") {
		return fmt.Errorf("%s: %q cannot name a group (it is a reserved word or looks like a country code)", file, name)
	}
	t, err := readTable(file, text, "code")
	if err != nil {
		return err
	}
	ms := []member{}
	for _, r := range t.rows {
		m := member{code: t.get(r, "code"), origin: fmt.Sprintf("%s:%d", file, r.line)}
		if !isCode(m.code) {
			return t.errorf(r, "code %q is not an ISO 3166-1 alpha-3 code (three upper-case letters)", m.code)
		}
		for _, d := range []struct {
			column string
			to     *time.Time
		}{{"joined", &m.joined}, {"left", &m.left}} {
			v := t.get(r, d.column)
			if v == "" {
				continue
			}
			day, err := time.Parse(dyad.DateLayout, v)
			if err != nil {
				return t.errorf(r, "%s: bad date %q (want YYYY-MM-DD)", d.column, v)
			}
			*d.to = day
		}
		if !m.joined.IsZero() && !m.left.IsZero() && m.left.Before(m.joined) {
			return t.errorf(r, "left %s before it joined %s", m.left.Format(dyad.DateLayout), m.joined.Format(dyad.DateLayout))
		}
		ms = append(ms, m)
	}
	g.members[strings.ToLower(name)] = ms
	return nil
}

func (g *Groups) readNeighbours(file, text string) error {
	t, err := readTable(file, text, "code", "neighbours")
	if err != nil {
		return err
	}
	g.neighbours = []neighbourLine{}
	for _, r := range t.rows {
		nl := neighbourLine{code: t.get(r, "code"), origin: fmt.Sprintf("%s:%d", file, r.line), neighbours: []string{}}
		if !isCode(nl.code) {
			return t.errorf(r, "code %q is not an ISO 3166-1 alpha-3 code (three upper-case letters)", nl.code)
		}
		if list := t.get(r, "neighbours"); list != "" {
			for _, c := range strings.Split(list, "|") {
				c = strings.TrimSpace(c)
				if !isCode(c) {
					return t.errorf(r, "neighbour %q is not an ISO 3166-1 alpha-3 code (three upper-case letters)", c)
				}
				if c == nl.code {
					return t.errorf(r, "%s lists itself as its own neighbour", c)
				}
				nl.neighbours = append(nl.neighbours, c)
			}
		}
		g.neighbours = append(g.neighbours, nl)
		if _, seen := g.byCode[nl.code]; !seen {
			ns := slices.Clone(nl.neighbours)
			sort.Strings(ns)
			g.byCode[nl.code] = slices.Compact(ns)
		}
	}
	return nil
}

// Check reports what Load lets through but a reader would call wrong: a
// code that known (the knowledge base's country codes) does not know, a
// state listed twice in one file or twice in a neighbour list, and a
// neighbour whose own line does not list the state back. Each problem is
// one "file:line: problem" error, in file order.
func (g *Groups) Check(known func(code string) bool) []error {
	var errs []error
	names := make([]string, 0, len(g.members))
	for n := range g.members {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		seen := map[string]string{}
		for _, m := range g.members[n] {
			if !known(m.code) {
				errs = append(errs, fmt.Errorf("%s: %s is not a country code of the knowledge base", m.origin, m.code))
			}
			if first, dup := seen[m.code]; dup {
				errs = append(errs, fmt.Errorf("%s: %s is listed twice (first at %s)", m.origin, m.code, first))
				continue
			}
			seen[m.code] = m.origin
		}
	}
	lines := map[string]string{}
	for _, nl := range g.neighbours {
		if !known(nl.code) {
			errs = append(errs, fmt.Errorf("%s: %s is not a country code of the knowledge base", nl.origin, nl.code))
		}
		if first, dup := lines[nl.code]; dup {
			errs = append(errs, fmt.Errorf("%s: %s has a second line (first at %s)", nl.origin, nl.code, first))
			continue
		}
		lines[nl.code] = nl.origin
		listed := map[string]bool{}
		for _, c := range nl.neighbours {
			switch {
			case listed[c]:
				errs = append(errs, fmt.Errorf("%s: %s lists %s twice", nl.origin, nl.code, c))
				continue
			case !known(c):
				errs = append(errs, fmt.Errorf("%s: neighbour %s is not a country code of the knowledge base", nl.origin, c))
			}
			listed[c] = true
			back, ok := g.byCode[c]
			switch {
			case !ok:
				errs = append(errs, fmt.Errorf("%s: %s lists %s, which has no line of its own", nl.origin, nl.code, c))
			case !slices.Contains(back, nl.code):
				errs = append(errs, fmt.Errorf("%s: %s lists %s, but %s does not list %s (land borders are symmetric)", nl.origin, nl.code, c, c, nl.code))
			}
		}
	}
	return errs
}
