package groups

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-events/dyad/data"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEmbeddedGroups(t *testing.T) {
	g, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		spec, target string
		date         string // "" for Expand
		wantLen      int    // -1: do not check
		has, hasNot  []string
	}{
		{spec: "g7", wantLen: 7, has: []string{"USA", "JPN", "GBR"}},
		{spec: "G20", wantLen: 19, has: []string{"ZAF", "SAU", "KOR"}, hasNot: []string{"ESP"}},
		{spec: "eu", wantLen: 27, has: []string{"HRV", "FRA"}, hasNot: []string{"GBR"}},
		{spec: "eu", date: "2019-12-31", wantLen: 28, has: []string{"GBR"}},
		{spec: "eu", date: "2020-01-31", wantLen: 28, has: []string{"GBR"}},
		{spec: "eu", date: "2020-02-01", wantLen: 27, hasNot: []string{"GBR"}},
		{spec: "eu", date: "2010-06-01", wantLen: 27, has: []string{"GBR"}, hasNot: []string{"HRV"}},
		{spec: "nato", wantLen: 32, has: []string{"FIN", "SWE", "TUR"}},
		{spec: "nato", date: "2023-04-03", wantLen: 30, hasNot: []string{"FIN", "SWE"}},
		{spec: "nato", date: "2023-04-04", wantLen: 31, has: []string{"FIN"}, hasNot: []string{"SWE"}},
		{spec: "nato", date: "2024-03-07", wantLen: 32, has: []string{"SWE"}},
		{spec: "un", wantLen: 193, has: []string{"SSD", "MNE", "TUV"}, hasNot: []string{"VAT", "PSE", "XKX", "TWN"}},
		{spec: "cis", wantLen: -1, has: []string{"RUS", "KAZ"}, hasNot: []string{"GEO", "UKR"}},
		{spec: "cis", date: "2005-01-01", wantLen: -1, has: []string{"GEO", "UKR"}},
		{spec: "neighbours", target: "MDA", wantLen: 2, has: []string{"ROU", "UKR"}},
		{spec: "neighbours", target: "CHN", wantLen: 14, has: []string{"PRK", "AFG", "VNM"}},
		{spec: "neighbours", target: "RUS", wantLen: 14, has: []string{"NOR", "PRK", "LTU"}},
		{spec: "neighbors", target: "AZE", wantLen: 5, has: []string{"ARM", "IRN", "TUR"}},
		{spec: "neighbours", target: "JPN", wantLen: 0},
		{spec: "USA,FRA, CHN,USA", wantLen: 3, has: []string{"USA", "FRA", "CHN"}},
		{spec: "AZE", wantLen: 1, has: []string{"AZE"}},
	}
	for _, tt := range tests {
		name := tt.spec + "/" + tt.target + "/" + tt.date
		t.Run(name, func(t *testing.T) {
			var got []string
			var err error
			if tt.date == "" {
				got, err = g.Expand(tt.spec, tt.target)
			} else {
				got, err = g.ExpandAt(tt.spec, tt.target, day(tt.date))
			}
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("got nil, want a list")
			}
			if tt.wantLen >= 0 && len(got) != tt.wantLen {
				t.Errorf("got %d codes %v, want %d", len(got), got, tt.wantLen)
			}
			for _, c := range tt.has {
				if !slices.Contains(got, c) {
					t.Errorf("%s missing from %v", c, got)
				}
			}
			for _, c := range tt.hasNot {
				if slices.Contains(got, c) {
					t.Errorf("%s should not be in %v", c, got)
				}
			}
		})
	}
}

func TestExpandAllAndErrors(t *testing.T) {
	g, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := g.Expand("all", ""); got != nil || err != nil {
		t.Errorf("Expand(all) = %v, %v; want nil, nil", got, err)
	}
	tests := []struct{ spec, target, want string }{
		{"asean", "", "unknown group"},
		{"USA,fr", "", `"fr"`},
		{"USA,,FRA", "", `""`},
		{"neighbours", "", "want the country code"},
		{"neighbours", "ZZZ", "no line for it"},
	}
	for _, tt := range tests {
		_, err := g.Expand(tt.spec, tt.target)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Expand(%q, %q) error = %v, want one containing %q", tt.spec, tt.target, err, tt.want)
		}
	}
	_, err = g.Expand("asean", "")
	for _, n := range []string{"g20", "nato", "neighbours"} {
		if !strings.Contains(err.Error(), n) {
			t.Errorf("unknown-group error %q does not name %s", err, n)
		}
	}
	if want := []string{"cis", "eu", "g20", "g7", "nato", "neighbours", "un"}; !slices.Equal(g.Names(), want) {
		t.Errorf("Names() = %v, want %v", g.Names(), want)
	}
}

func TestEmbeddedGroupsCheck(t *testing.T) {
	g, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, nl := range g.neighbours {
		codes[nl.code] = true
	}
	for _, err := range g.Check(func(c string) bool { return codes[c] }) {
		t.Error(err)
	}
}

const header = "# a comment\ncode\tname\tjoined\tleft\tnote\n"

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"bad code", "groups/x.tsv", header + "usa\tx\n", "groups/x.tsv:3: code \"usa\""},
		{"bad date", "groups/x.tsv", header + "USA\tx\t2020-13-01\n", "groups/x.tsv:3: joined: bad date"},
		{"left before joined", "groups/x.tsv", header + "USA\tx\t2020-01-01\t2019-01-01\n", "groups/x.tsv:3: left 2019-01-01 before"},
		{"too many fields", "groups/x.tsv", header + "USA\tx\t\t\t\textra\n", "groups/x.tsv:3: 6 fields"},
		{"no code column", "groups/x.tsv", "name\n", "groups/x.tsv:1: header lacks the column \"code\""},
		{"no header", "groups/x.tsv", "# only a comment\n", "groups/x.tsv: no header line"},
		{"duplicate column", "groups/x.tsv", "code\tcode\n", "column \"code\" twice"},
		{"reserved name", "groups/all.tsv", header, "cannot name a group"},
		{"code-like name", "groups/USA.tsv", header, "cannot name a group"},
		{"self neighbour", "groups/neighbours.tsv", "code\tneighbours\nFRA\tFRA\n", "groups/neighbours.tsv:2: FRA lists itself"},
		{"bad neighbour", "groups/neighbours.tsv", "code\tneighbours\nFRA\tESP|de\n", "groups/neighbours.tsv:2: neighbour \"de\""},
		{"neighbours column", "groups/neighbours.tsv", "code\tname\nFRA\tFrance\n", "lacks the column \"neighbours\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{tt.file: {Data: []byte(tt.text)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("Load of an empty file system: no error")
	}
}

func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"groups/club.tsv": {Data: []byte(header + "FRA\tFrance\nDEU\tGermany\nFRA\tFrance again\nQQQ\tNowhere\n")},
		"groups/neighbours.tsv": {Data: []byte("code\tname\tneighbours\n" +
			"FRA\tFrance\tDEU|ESP\n" +
			"DEU\tGermany\tFRA\n" +
			"ESP\tSpain\tPRT\n" +
			"PRT\tPortugal\tESP|ESP\n" +
			"AND\tAndorra\tQQQ\n" +
			"AND\tAndorra\t\n")},
	}
	g, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	known := func(c string) bool { return c != "QQQ" }
	var got []string
	for _, err := range g.Check(known) {
		got = append(got, err.Error())
	}
	want := []string{
		"groups/club.tsv:5: FRA is listed twice (first at groups/club.tsv:3)",
		"groups/club.tsv:6: QQQ is not a country code of the knowledge base",
		"groups/neighbours.tsv:2: FRA lists ESP, but ESP does not list FRA (land borders are symmetric)",
		"groups/neighbours.tsv:5: PRT lists ESP twice",
		"groups/neighbours.tsv:6: neighbour QQQ is not a country code of the knowledge base",
		"groups/neighbours.tsv:6: AND lists QQQ, which has no line of its own",
		"groups/neighbours.tsv:7: AND has a second line (first at groups/neighbours.tsv:6)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Check:\n got %q\nwant %q", got, want)
	}
}

// FuzzLoad feeds arbitrary text to both parsers: Load may refuse it but
// must not panic, and what it accepts must expand without panicking.
func FuzzLoad(f *testing.F) {
	f.Add(header+"USA\tUnited States\t1949-08-24\t\t\n", "code\tneighbours\nUSA\tCAN|MEX\n")
	f.Add("code\n\n#x\nFRA\n", "code\tname\tneighbours\nFRA\tFrance\t\n")
	f.Add("code\tjoined\tleft\nGBR\t1973-01-01\t2020-01-31\n", "neighbours\tcode\n|\tAAA\n")
	f.Fuzz(func(t *testing.T, members, neighbours string) {
		g, err := Load(fstest.MapFS{
			"groups/club.tsv":       {Data: []byte(members)},
			"groups/neighbours.tsv": {Data: []byte(neighbours)},
		})
		if err != nil {
			return
		}
		_ = g.Check(func(string) bool { return true })
		for _, spec := range []string{"club", "neighbours", "all", "AAA,BBB"} {
			for _, nl := range g.neighbours {
				_, _ = g.Expand(spec, nl.code)
			}
			_, _ = g.ExpandAt(spec, "USA", day("2020-01-31"))
		}
	})
}
