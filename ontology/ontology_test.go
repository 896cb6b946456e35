package ontology

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-events/dyad/internal/testshared"
)

func TestDefaultLookup(t *testing.T) {
	o := Default()
	tests := []struct {
		code      string
		typ, mode string
		context   []string
		goldstein float64
		quad      int
	}{
		{"051", "SUPPORT", "", []string{"diplomatic"}, 3.4, 1},
		{"030", "AGREE", "", []string{"diplomatic"}, 4.0, 1},
		{"0311", "AGREE", "", []string{"economic"}, 5.2, 1},
		{"173", "COERCE", "arrest", []string{"legal"}, -5.0, 4},
		{"190", "ASSAULT", "", []string{"military"}, -10.0, 4},
		{"163", "COERCE", "restrict", []string{"diplomatic"}, -8.0, 4},
		{"1712", "ASSAULT", "seize", []string{"human_security"}, -9.2, 4},
		{"084", "RETREAT", "", nil, 7.0, 2},
		{"0861", "RETREAT", "access", []string{"peacekeeping"}, 9.0, 2}, // "access " trimmed
		{"08", "CONCEDE", "", nil, 5.0, 2},
		{"010", "", "", nil, 0.0, 1}, // statements have no PLOVER type
		{"02", "REQUEST", "", nil, 3.0, 1},
		{"022", "REQUEST", "assist", []string{"diplomatic"}, 3.2, 1},
		{"0253", "REQUEST", "yield", []string{"legal"}, -0.3, 1},
		{"026", "REQUEST", "meet", []string{"diplomatic"}, 4.0, 1},
	}
	for _, tt := range tests {
		c, ok := o.Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q): missing", tt.code)
			continue
		}
		if c.Type != tt.typ || c.Mode != tt.mode || !slices.Equal(c.Context, tt.context) || c.Goldstein != tt.goldstein || c.Quad != tt.quad {
			t.Errorf("Lookup(%q) = %s/%q/%v goldstein %v quad %d; want %s/%q/%v %v %d",
				tt.code, c.Type, c.Mode, c.Context, c.Goldstein, c.Quad, tt.typ, tt.mode, tt.context, tt.goldstein, tt.quad)
		}
		if c.Root != tt.code[:2] || c.Level != len(tt.code)-1 {
			t.Errorf("Lookup(%q): root %q level %d", tt.code, c.Root, c.Level)
		}
	}
	if _, ok := o.Lookup("999"); ok {
		t.Error("Lookup(999) found a code")
	}
}

func TestInheritedGoldstein(t *testing.T) {
	o := Default()
	for child, parent := range map[string]string{"1213": "121", "1214": "121", "155": "15", "1951": "195"} {
		c, _ := o.Lookup(child)
		p, _ := o.Lookup(parent)
		if c.Goldstein != p.Goldstein {
			t.Errorf("%s goldstein %v, parent %s has %v", child, c.Goldstein, parent, p.Goldstein)
		}
	}
}

func TestEveryAppealIsRequest(t *testing.T) {
	for _, c := range Default().Codes() {
		switch c.Root {
		case "02":
			if c.Type != "REQUEST" {
				t.Errorf("%s: type %q, want REQUEST", c.Code, c.Type)
			}
		case "01":
			// statements have no PLOVER type; condolences (018) are SUPPORT
			// by data/ontology/overrides.tsv
			if c.Type != "" && c.Code != "018" {
				t.Errorf("%s: type %q, want none", c.Code, c.Type)
			}
		default:
			if c.Type == "" {
				t.Errorf("%s: no PLOVER type", c.Code)
			}
		}
	}
}

func TestRootOf(t *testing.T) {
	o := Default()
	for in, want := range map[string]string{"051": "05", "0311": "03", "19": "19", "1": "", "": "", "x12": "", " 173": "17"} {
		if got := o.RootOf(in); got != want {
			t.Errorf("RootOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCodesIsACopy(t *testing.T) {
	o := Default()
	cs := o.Codes()
	cs[0].Name = "changed"
	if o.Codes()[0].Name == "changed" {
		t.Error("Codes shares its slice with the ontology")
	}
}

const goodHeader = "code\tname\tlevel\troot\tgoldstein\tquad\tplover_type\tplover_mode\tplover_context\n"

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"no header", "051\tPraise\t2\t05\t3.4\t1\tSUPPORT\t\tdiplomatic\n", "x.tsv:1: header"},
		{"empty", goodHeader, "x.tsv: no codes"},
		{"fields", goodHeader + "051\tPraise\t2\n", "x.tsv:2: want 9"},
		{"code", goodHeader + "5a\tPraise\t1\t5a\t3.4\t1\tSUPPORT\t\t\n", "x.tsv:2: bad CAMEO code"},
		{"root", goodHeader + "051\tPraise\t2\t04\t3.4\t1\tSUPPORT\t\t\n", "x.tsv:2: code 051: root"},
		{"level", goodHeader + "051\tPraise\t3\t05\t3.4\t1\tSUPPORT\t\t\n", "x.tsv:2: code 051: bad level"},
		{"goldstein", goodHeader + "051\tPraise\t2\t05\tlots\t1\tSUPPORT\t\t\n", "bad Goldstein"},
		{"quad", goodHeader + "051\tPraise\t2\t05\t3.4\t7\tSUPPORT\t\t\n", "bad quad class"},
		{"type", goodHeader + "051\tPraise\t2\t05\t3.4\t1\tAPPLAUD\t\t\n", `unknown PLOVER type "APPLAUD"`},
		{"dup", goodHeader + "051\tPraise\t2\t05\t3.4\t1\tSUPPORT\t\t\n051\tPraise\t2\t05\t3.4\t1\tSUPPORT\t\t\n", "x.tsv:3: code 051 listed twice"},
	}
	for _, tt := range tests {
		_, err := Load(fstest.MapFS{"x.tsv": {Data: []byte(tt.body)}}, "x.tsv")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
	if _, err := Load(fstest.MapFS{}, "missing.tsv"); err == nil {
		t.Error("Load of a missing file: no error")
	}
}

func TestMustLoadPanicsOnBrokenTable(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("mustLoad did not panic on a broken table")
		}
	}()
	mustLoad(fstest.MapFS{"x.tsv": {Data: []byte("broken")}}, "x.tsv")
}

// TestEveryEventCodePresent checks the embedded table against the shared
// CAMEO code list, so a regenerated table cannot silently lose codes.
func TestEveryEventCodePresent(t *testing.T) {
	path := filepath.Join(sharedDir(t), "data", "cameo", "eventcodes.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("shared CAMEO codes not available (%v)", err)
	}
	defer f.Close()
	o := Default()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if fields[0] == "code" || len(fields) < 2 {
			continue
		}
		n++
		c, ok := o.Lookup(fields[0])
		if !ok {
			t.Errorf("code %s (%s) missing", fields[0], fields[1])
			continue
		}
		if c.Name != strings.TrimSpace(fields[1]) {
			t.Errorf("code %s: name %q, shared has %q", fields[0], c.Name, fields[1])
		}
	}
	if n != len(o.Codes()) {
		t.Errorf("shared lists %d codes, ontology has %d", n, len(o.Codes()))
	}
}

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t testing.TB) string { return testshared.Dir(t) }

func FuzzLoad(f *testing.F) {
	f.Add([]byte(goodHeader + "051\tPraise\t2\t05\t3.4\t1\tSUPPORT\t\tdiplomatic\n"))
	f.Add([]byte("x\ty"))
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := Load(fstest.MapFS{"f.tsv": {Data: b}}, "f.tsv")
		if err == nil {
			for _, c := range o.Codes() {
				if _, ok := o.Lookup(c.Code); !ok {
					t.Fatalf("code %q loaded but not found", c.Code)
				}
			}
		}
	})
}
