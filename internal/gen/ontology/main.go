// Command ontology rebuilds data/ontology/cameo.tsv from the public CAMEO and
// CAMEO-to-PLOVER reference tables in ../shared/data. Run it from the
// repository root:
//
//	go run ./internal/gen/ontology
//
// The output holds facts only (codes, names, numbers, PLOVER labels) in
// dyad's own layout; see data/ontology/README.md for the columns and for the
// mapping rules applied here.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	shared := flag.String("shared", "../shared/data", "folder holding cameo/ and plover_gsr_cameo/")
	out := flag.String("out", "data/ontology/cameo.tsv", "file to write")
	overrides := flag.String("overrides", "data/ontology/overrides.tsv", "dyad's own PLOVER readings of some codes")
	flag.Parse()
	if err := run(*shared, *out, *overrides); err != nil {
		fmt.Fprintln(os.Stderr, "gen/ontology:", err)
		os.Exit(1)
	}
}

// row is one CAMEO code with everything cameo.tsv records about it.
type row struct {
	code, name, level, root, quad string
	goldstein                     string
	plover                        mapping
}

// mapping is the PLOVER side of a CAMEO code.
type mapping struct {
	typ, mode string
	context   []string
}

func run(shared, out, overridesPath string) error {
	codes, err := readEventCodes(filepath.Join(shared, "cameo", "eventcodes.tsv"))
	if err != nil {
		return err
	}
	goldstein, err := readGoldstein(filepath.Join(shared, "cameo", "goldstein.tsv"))
	if err != nil {
		return err
	}
	table, err := readCAMEO2PLOVER(filepath.Join(shared, "plover_gsr_cameo", "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		return err
	}
	overrides, err := readOverrides(overridesPath)
	if err != nil {
		return err
	}
	for i := range codes {
		r := &codes[i]
		r.goldstein = inherit(r.code, func(c string) (string, bool) { v, ok := goldstein[c]; return v, ok })
		if r.goldstein == "" {
			return fmt.Errorf("code %s: no Goldstein value for it or any parent", r.code)
		}
		r.plover = ploverFor(r.code, table)
		if m, ok := overrides[r.code]; ok {
			r.plover = m
		}
	}
	var b strings.Builder
	b.WriteString("code\tname\tlevel\troot\tgoldstein\tquad\tplover_type\tplover_mode\tplover_context\n")
	for _, r := range codes {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.code, r.name, r.level, r.root,
			r.goldstein, r.quad, r.plover.typ, r.plover.mode, strings.Join(r.plover.context, ";"))
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "wrote %d codes to %s\n", len(codes), out)
	return nil
}

// parent returns the code one level up: 4 digits -> 3, 3 -> the 2-digit root.
func parent(code string) string {
	if len(code) > 2 {
		return code[:len(code)-1]
	}
	return ""
}

// inherit walks code, its parent and its root and returns the first value
// get finds.
func inherit(code string, get func(string) (string, bool)) string {
	for c := code; c != ""; c = parent(c) {
		if v, ok := get(c); ok {
			return v
		}
	}
	return ""
}

// ploverFor applies the mapping rules:
//   - root 01 (public statements) has no PLOVER event type;
//   - root 02 (appeal) is PLOVER REQUEST, since PLOVER folded APPEAL into
//     REQUEST; each 02x code takes the mode and context of its parallel 10x
//     (demand) code (020<->100, 0211<->1011, ...), except that the 025 family
//     ("appeal to yield") takes mode "yield" throughout;
//   - every other code takes its own table row, else its parent's, else its
//     root's.
func ploverFor(code string, table map[string]mapping) mapping {
	switch code[:2] {
	case "01":
		return mapping{}
	case "02":
		m := ploverFor("10"+code[2:], table)
		if len(code) >= 3 && code[:3] == "025" {
			m.mode = "yield"
		}
		return m
	}
	for c := code; c != ""; c = parent(c) {
		if m, ok := table[c]; ok {
			return m
		}
	}
	return mapping{}
}

func readTSV(path string, minFields int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue // header
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < minFields {
			return nil, fmt.Errorf("%s:%d: want %d fields, have %d", path, line, minFields, len(fields))
		}
		rows = append(rows, fields)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
}

func readEventCodes(path string) ([]row, error) {
	recs, err := readTSV(path, 5)
	if err != nil {
		return nil, err
	}
	var rows []row
	for _, f := range recs {
		rows = append(rows, row{code: f[0], name: strings.TrimSpace(f[1]), level: f[2], root: f[3], quad: f[4]})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].code < rows[j].code })
	return rows, nil
}

func readGoldstein(path string) (map[string]string, error) {
	recs, err := readTSV(path, 2)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, f := range recs {
		v, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil {
			return nil, fmt.Errorf("%s: code %s: %w", path, f[0], err)
		}
		m[f[0]] = strconv.FormatFloat(v, 'f', 1, 64)
	}
	return m, nil
}

// readCAMEO2PLOVER reads lines "CODE: TYPE[, mode[, context; context]] # note".
// When a code appears twice (the table lists 08 and 175 twice) the first row
// wins.
func readCAMEO2PLOVER(path string) (map[string]mapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	table := map[string]mapping{}
	for n, line := range strings.Split(string(data), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		fields := strings.Split(rest, ",")
		m := mapping{typ: strings.TrimSpace(fields[0])}
		if m.typ == "" {
			return nil, fmt.Errorf("%s:%d: code %s has no PLOVER type", path, n+1, code)
		}
		if len(fields) > 1 {
			m.mode = strings.TrimSpace(fields[1])
		}
		if len(fields) > 2 {
			for _, c := range strings.Split(fields[2], ";") {
				if c = strings.TrimSpace(c); c != "" {
					m.context = append(m.context, c)
				}
			}
		}
		if _, dup := table[code]; !dup {
			table[code] = m
		}
	}
	if len(table) == 0 {
		return nil, errors.New(path + ": no mapping rows")
	}
	// One row (175) puts a context word in the mode column; a value that the
	// table uses as a context elsewhere is moved to the contexts.
	contexts := map[string]bool{}
	for _, m := range table {
		for _, c := range m.context {
			contexts[c] = true
		}
	}
	for code, m := range table {
		if contexts[m.mode] {
			m.context = append([]string{m.mode}, m.context...)
			m.mode = ""
			table[code] = m
		}
	}
	return table, nil
}

// readOverrides reads overrides.tsv beside the output: code -> the PLOVER
// mapping dyad uses instead of the table's.
func readOverrides(path string) (map[string]mapping, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	out := map[string]mapping{}
	for n, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "code\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated fields, got %d", path, n+1, len(f))
		}
		m := mapping{typ: f[1], mode: f[2]}
		if f[3] != "" {
			m.context = strings.Split(f[3], ";")
		}
		out[f[0]] = m
	}
	return out, nil
}
