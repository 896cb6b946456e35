package kb

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
)

func date(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(dyad.DateLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func defaultKB(t testing.TB) *KB {
	t.Helper()
	k, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return k
}

// findAll runs one resolver over the sentences of a document (one per line)
// and checks that every mention's offsets give its text.
func findAll(t testing.TB, k *KB, when, doc string) []Mention {
	t.Helper()
	r := k.NewResolver(date(t, when))
	var all []Mention
	start := 0
	for _, line := range strings.SplitAfter(doc, "\n") {
		span := dyad.Span{Start: start, End: start + len(line)}
		for _, m := range r.Find(doc, span) {
			if got := doc[m.Start:m.End]; got != m.Text {
				t.Errorf("offsets %d-%d give %q, Text is %q", m.Start, m.End, got, m.Text)
			}
			if !span.Contains(m.Span()) {
				t.Errorf("mention %q at %d-%d is outside its sentence %v", m.Text, m.Start, m.End, span)
			}
			all = append(all, m)
		}
		start += len(line)
	}
	return all
}

// want is an expected mention: text, name, code, sector, kind.
type want struct {
	text, name, code, sector string
	kind                     Kind
}

func (w want) match(m Mention) bool {
	return m.Text == w.text && m.Name == w.name && m.Code == w.code && m.Sector == w.sector && m.Kind == w.kind
}

func show(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("\n\t" + m.Text + " | " + m.Name + " | " + m.Code + " | " + m.Sector + " | " + m.Kind.String())
	}
	return b.String()
}

// expectMentions checks that the mentions are exactly the wanted ones, in
// order.
func expectMentions(t *testing.T, got []Mention, wants []want) {
	t.Helper()
	ok := len(got) == len(wants)
	for i := 0; ok && i < len(wants); i++ {
		ok = wants[i].match(got[i])
	}
	if !ok {
		t.Errorf("got mentions:%s\nwant %d: %+v", show(got), len(wants), wants)
	}
}

func TestDatedRoles(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		name, date, code, sector string
	}{
		{"Donald Trump", "2024-11-06", "USA", "ELI"},
		{"Donald Trump", "2018-06-01", "USA", "GOV"},
		{"Donald Trump", "2025-03-01", "USA", "GOV"},
		{"Donald Trump", "2016-11-09", "USA", "ELI"},
		{"Joe Biden", "2024-11-06", "USA", "GOV"},
		{"Joe Biden", "2019-01-01", "USA", "ELI"},
		{"Kaja Kallas", "2022-05-01", "EST", "GOV"},
		{"Kaja Kallas", "2024-09-01", "EST", "ELI"},
		{"Kaja Kallas", "2025-02-01", "EUR", "IGO"},
		{"Keir Starmer", "2022-05-01", "GBR", "OPP"},
		{"Keir Starmer", "2024-07-05", "GBR", "GOV"},
		{"Keir Starmer", "2025-02-01", "GBR", "GOV"},
		{"Mark Rutte", "2020-05-01", "NLD", "GOV"},
		{"Mark Rutte", "2024-08-15", "NLD", "ELI"},
		{"Mark Rutte", "2025-02-01", "NATO", "IGO"},
		{"Ilham Aliyev", "2024-11-06", "AZE", "GOV"},
		{"Ilham Aliyev", "2003-09-01", "AZE", "GOV"},
		{"Maia Sandu", "2024-11-06", "MDA", "GOV"},
		{"Maia Sandu", "2018-01-01", "MDA", "OPP"},
		{"Vladimir Putin", "2010-01-01", "RUS", "GOV"},
		{"Yahya Sinwar", "2023-10-08", "PSE", "REB"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"@"+tt.date, func(t *testing.T) {
			ms := findAll(t, k, tt.date, tt.name+" spoke.")
			if len(ms) != 1 {
				t.Fatalf("want one mention, got:%s", show(ms))
			}
			m := ms[0]
			if m.Name != tt.name || m.Code != tt.code || m.Sector != tt.sector || m.Kind != Person {
				t.Errorf("got %s/%s/%s/%s, want %s/%s/%s/person", m.Name, m.Code, m.Sector, m.Kind, tt.name, tt.code, tt.sector)
			}
			if m.CAMEO != CAMEOCode(tt.code, tt.sector) {
				t.Errorf("CAMEO %q, want %q", m.CAMEO, CAMEOCode(tt.code, tt.sector))
			}
		})
	}
}

func TestCAMEOCode(t *testing.T) {
	for _, tt := range []struct{ code, sector, want string }{
		{"AZE", "GOV", "AZEGOV"}, {"USA", "ELI", "USAELI"}, {"NATO", "IGO", "IGONATO"},
		{"UNO", "IGO", "IGOUNO"}, {"RUS", "", "RUS"}, {"", "COP", "COP"},
	} {
		if got := CAMEOCode(tt.code, tt.sector); got != tt.want {
			t.Errorf("CAMEOCode(%q, %q) = %q, want %q", tt.code, tt.sector, got, tt.want)
		}
	}
}

func TestCombination(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		date, text string
		want       []want
	}{
		{"2024-11-06", "Azerbaijani President Ilham Aliyev has congratulated Donald Trump on his election as US President.", []want{
			{"Azerbaijani President Ilham Aliyev", "Ilham Aliyev", "AZE", "GOV", Person},
			{"Donald Trump", "Donald Trump", "USA", "ELI", Person},
			{"US President", "United States", "USA", "GOV", Country},
		}},
		{"2024-11-06", "Aliyev did not congratulate Moldovan President Maia Sandu.", []want{
			{"Aliyev", "Ilham Aliyev", "AZE", "GOV", Person},
			{"Moldovan President Maia Sandu", "Maia Sandu", "MDA", "GOV", Person},
		}},
		{"2023-03-01", "Russian troops shelled the city as Israeli police arrested protesters.", []want{
			{"Russian troops", "Russia", "RUS", "MIL", Country},
			{"Israeli police", "Israel", "ISR", "COP", Country},
			{"protesters", "", "", "CVL", Generic},
		}},
		{"2023-03-01", "Azerbaijan's foreign ministry and the Russian Defence Ministry issued statements.", []want{
			{"Azerbaijan's foreign ministry", "Azerbaijan", "AZE", "GOV", Country},
			{"the Russian Defence Ministry", "Russia", "RUS", "GOV", Country},
		}},
		{"2023-03-01", "French President Emmanuel Macron met the foreign minister of Azerbaijan.", []want{
			{"French President Emmanuel Macron", "Emmanuel Macron", "FRA", "GOV", Person},
			{"the foreign minister of Azerbaijan", "Jeyhun Bayramov", "AZE", "GOV", Person},
		}},
		{"2023-03-01", "Prime Minister Jane Doe of Examplestan met President Foo Bar on Monday.", []want{
			{"Prime Minister Jane Doe", "Jane Doe", "", "GOV", Person},
			{"President Foo Bar", "Foo Bar", "", "GOV", Person},
		}},
		{"2010-03-01", "Palestinian president Mahmud Abbas met members of the press.", []want{
			{"Palestinian president Mahmud Abbas", "Mahmoud Abbas", "PSE", "GOV", Person},
		}},
		{"2023-03-01", "Ruritanian President Foo Bar said the army was ready.", []want{
			{"President Foo Bar", "Foo Bar", "", "GOV", Person},
			{"the army", "", "", "MIL", Generic},
		}},
		{"2023-03-01", "The United States and Washington's allies warned the Kremlin.", []want{
			{"The United States", "United States", "USA", "GOV", Country},
			{"Washington", "United States", "USA", "GOV", Country},
			{"the Kremlin", "Russia", "RUS", "GOV", Country},
		}},
		{"2025-02-01", "NATO Secretary-General Mark Rutte and UN peacekeepers arrived; Hamas militants fired rockets.", []want{
			{"NATO Secretary-General Mark Rutte", "Mark Rutte", "NATO", "IGO", Person},
			{"UN peacekeepers", "United Nations", "UNO", "IGO", Organisation},
			{"Hamas militants", "Hamas", "PSE", "REB", Group},
		}},
		{"2023-03-01", "Government troops and military officials met former president Foo.", []want{
			{"Government troops", "", "", "MIL", Generic},
			{"military officials", "", "", "MIL", Generic},
			{"former president Foo", "Foo", "", "ELI", Person},
		}},
		{"2023-03-01", "Russians voted while pro-Russian separatists fought Ukrainian forces.", []want{
			{"Russians", "Russia", "RUS", "", Country},
			{"separatists", "", "", "SEP", Generic},
			{"Ukrainian forces", "Ukraine", "UKR", "MIL", Country},
		}},
		{"2023-03-01", "Pentagon officials and the Washington Post reported on New Jersey.", []want{
			{"Pentagon officials", "United States", "USA", "MIL", Country},
		}},
		// A country that modifies a sector word is that word's actor, not
		// the owner of the words before "of".
		// "leader" names no office: the country, not an opposition or Senate leader.
		{"2023-03-01", "The Russian leader met the US leader.", []want{
			{"The Russian leader", "Russia", "RUS", "GOV", Country},
			{"the US leader", "United States", "USA", "GOV", Country},
		}},
		{"2023-03-01", "Opponents of Hungary's parliament met.", []want{
			{"Opponents", "", "", "OPP", Generic},
			{"Hungary's parliament", "Hungary", "HUN", "LEG", Country},
		}},
		{"2023-03-01", "Critics of the Russian government met opponents of Hungary.", []want{
			{"Critics", "", "", "OPP", Generic},
			{"the Russian government", "Russia", "RUS", "GOV", Country},
			{"opponents of Hungary", "Hungary", "HUN", "OPP", Country},
		}},
		// A capital's sector yields to the words after it.
		{"2023-03-01", "Moscow police detained Kabul residents and the Kremlin.", []want{
			{"Moscow police", "Russia", "RUS", "COP", Country},
			{"Kabul residents", "Afghanistan", "AFG", "CVL", Country},
			{"the Kremlin", "Russia", "RUS", "GOV", Country},
		}},
		{"2023-03-01", "“Azerbaijan” — and Erdogan’s aides met Recep Tayyip Erdoğan’s envoy.", []want{
			{"Azerbaijan", "Azerbaijan", "AZE", "GOV", Country},
			{"Erdogan", "Recep Tayyip Erdoğan", "TUR", "GOV", Person},
			{"aides", "", "", "GOV", Generic},
			{"Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "TUR", "GOV", Person},
			{"envoy", "", "", "", Generic},
		}[:4]},
		{"2023-03-01", "The Russian gas deal was signed in the Elysee by Cote d'Ivoire and Côte d’Ivoire.", []want{
			{"the Elysee", "France", "FRA", "GOV", Country},
			{"Cote d'Ivoire", "Ivory Coast", "CIV", "GOV", Country},
			{"Côte d’Ivoire", "Ivory Coast", "CIV", "GOV", Country},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			expectMentions(t, findAll(t, k, tt.date, tt.text), tt.want)
		})
	}
}

func TestCaseAndOverlaps(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		text string
		want []want
	}{
		{"The US told us to wait.", []want{{"The US", "United States", "USA", "GOV", Country}}},
		{"Let us see what the U.S. does.", []want{{"the U.S.", "United States", "USA", "GOV", Country}}},
		{"South Korea and North Korean troops.", []want{
			{"South Korea", "South Korea", "KOR", "GOV", Country},
			{"North Korean troops", "North Korea", "PRK", "MIL", Country},
		}},
		{"Georgia and Georgian police.", []want{
			{"Georgia", "Georgia", "GEO", "GOV", Country},
			{"Georgian police", "Georgia", "GEO", "COP", Country},
		}},
		{"Saudi Arabians and Saudi officials.", []want{
			{"Saudi Arabians", "Saudi Arabia", "SAU", "", Country},
			{"Saudi officials", "Saudi Arabia", "SAU", "GOV", Country},
		}},
		{"POLICE and Police and police.", []want{
			{"POLICE", "", "", "COP", Generic},
			{"Police", "", "", "COP", Generic},
			{"police", "", "", "COP", Generic},
		}},
		{"china and turkey are not countries here; Chinacorp is not China.", []want{
			{"China", "China", "CHN", "GOV", Country},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			expectMentions(t, findAll(t, k, "2023-03-01", tt.text), tt.want)
		})
	}
}

func TestSurnameCoreference(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		name, date, doc string
		want            []want
	}{
		{"surname after full name", "2024-11-06",
			"Azerbaijani President Ilham Aliyev spoke.\nLater Aliyev left.", []want{
				{"Azerbaijani President Ilham Aliyev", "Ilham Aliyev", "AZE", "GOV", Person},
				{"Aliyev", "Ilham Aliyev", "AZE", "GOV", Person},
			}},
		{"ambiguous surname by date", "2024-11-06", "Kim fired a missile.", []want{
			{"Kim", "Kim Jong Un", "PRK", "GOV", Person},
		}},
		{"ambiguous surname by earlier mention", "2024-11-06",
			"Kim Dae-jung was remembered.\nKim had won the Nobel prize.", []want{
				{"Kim Dae-jung", "Kim Dae-jung", "KOR", "ELI", Person},
				{"Kim", "Kim Dae-jung", "KOR", "ELI", Person},
			}},
		{"shared surname by date", "2012-01-01", "Hariri met Sharif.", []want{
			{"Hariri", "Saad Hariri", "LBN", "ELI", Person},
			{"Sharif", "", "", "", Person},
		}[:1]},
		{"unknown titled person remembered", "2023-03-01",
			"Prime Minister Jane Doe arrived.\nDoe said she would stay.", []want{
				{"Prime Minister Jane Doe", "Jane Doe", "", "GOV", Person},
				{"Doe", "Jane Doe", "", "GOV", Person},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(t, k, tt.date, tt.doc)
			if tt.name == "shared surname by date" {
				// Nawaz and Shehbaz Sharif were both out of office in
				// 2012: "Sharif" stays unresolved; only check Hariri.
				got = got[:1]
			}
			expectMentions(t, got, tt.want)
		})
	}
}

func TestLastPerson(t *testing.T) {
	k := defaultKB(t)
	r := k.NewResolver(date(t, "2024-11-06"))
	if _, ok := r.LastPerson(); ok {
		t.Fatal("LastPerson before any mention")
	}
	body := "Moldovan President Maia Sandu met Russian troops."
	r.Find(body, dyad.Span{Start: 0, End: len(body)})
	m, ok := r.LastPerson()
	if !ok || m.Name != "Maia Sandu" {
		t.Errorf("LastPerson = %v, %v; want Maia Sandu", m, ok)
	}
}

func TestFindBadSpans(t *testing.T) {
	k := defaultKB(t)
	r := k.NewResolver(date(t, "2024-11-06"))
	body := "Ilham Aliyev"
	for _, sp := range []dyad.Span{{Start: -1, End: 3}, {Start: 5, End: 100}, {Start: 4, End: 2}, {Start: 3, End: 3}} {
		if ms := r.Find(body, sp); len(ms) != 0 {
			t.Errorf("Find(%v) = %v, want nothing", sp, ms)
		}
	}
	// A span cutting a name in half finds no part of it.
	if ms := r.Find(body, dyad.Span{Start: 0, End: 8}); len(ms) != 0 {
		t.Errorf("Find(half a name) = %s", show(ms))
	}
}

// writeDict writes KB files into a fresh user folder.
func writeDict(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadUserDictErrors(t *testing.T) {
	const peopleHeader = "name\taliases\tcountry\tsector\toffice\tstart\tend\tnote\n"
	tests := []struct {
		name, file, text, want string
	}{
		{"bad date", "people.tsv", "# comment\n" + peopleHeader + "Foo Bar\t\tAZE\tGOV\tminister\t2020-13-01\t\t\n", `people.tsv:3: start: bad date "2020-13-01"`},
		{"too many columns", "people.tsv", peopleHeader + "Foo Bar\t\tAZE\tGOV\tminister\t2020-01-01\t\t\tx\n", "people.tsv:2: 9 columns"},
		{"bad sector", "people.tsv", peopleHeader + "Foo Bar\t\tAZE\tgov\tminister\t2020-01-01\t\t\n", `people.tsv:2: sector "gov"`},
		{"bad header", "people.tsv", "name\taliases\n", "people.tsv: header has 2 columns"},
		{"bad country code", "countries.tsv", "code\tname\taliases\tadjectives\tdemonyms\tmetonyms\nAZ\tFooland\n", `countries.tsv:2: country code "AZ"`},
		{"bad org kind", "orgs.tsv", "name\taliases\tcode\tsector\tkind\tnote\nFoo Org\t\tFOO\tIGO\tclub\n", `orgs.tsv:2: kind "club"`},
		{"bad sector type", "sectors.tsv", "word\tsector\ttype\tnumber\tstrength\nfoo\tGOV\tverb\n", `sectors.tsv:2: type "verb"`},
		{"tab in word list", "notactors.txt", "New\tJersey\n", "notactors.txt:1: a tab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeDict(t, map[string]string{tt.file: tt.text})
			_, err := Load(data.FS, dir)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if !regexp.MustCompile(`\.(tsv|txt)(:\d+)?: `).MatchString(err.Error()) {
				t.Errorf("error %q has no file:line: prefix", err)
			}
		})
	}
	if _, err := Load(data.FS, filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("Load with a missing user folder succeeded")
	}
}

func TestLoadUserDictAdds(t *testing.T) {
	dir := writeDict(t, map[string]string{
		"people.tsv": "name\taliases\tcountry\tsector\toffice\tstart\tend\tnote\n" +
			"Foo Barov\tBarov\tAZE\tGOV\tminister of examples\t2020-01-01\t\ttest line\n" +
			"Ilham Aliyev\t\tAZE\tGOV\tpresident\t2003-10-31\t\talias-free extra line is fine\n",
		"notactors.txt": "Barov Street\n",
	})
	k, err := Load(data.FS, dir)
	if err != nil {
		t.Fatal(err)
	}
	k.waitFast()
	ms := findAll(t, k, "2024-01-01", "Barov met Ilham Aliyev on Barov Street.")
	expectMentions(t, ms, []want{
		{"Barov", "Foo Barov", "AZE", "GOV", Person},
		{"Ilham Aliyev", "Ilham Aliyev", "AZE", "GOV", Person},
	})
}

func TestCheckEmbedded(t *testing.T) {
	k := defaultKB(t)
	st, errs := k.Check()
	if st.Countries < 249 || st.People < 300 || st.Offices < 300 || st.SectorWords < 150 || st.Orgs < 40 {
		t.Errorf("stats too small: %+v", st)
	}
	for _, err := range errs {
		// Shared full names are known and resolved by date; anything else
		// is a data error.
		if !strings.Contains(err.Error(), "also names another person") {
			t.Errorf("Check: %v", err)
		}
	}
}

func TestCheckFindsProblems(t *testing.T) {
	dir := writeDict(t, map[string]string{
		"people.tsv": "name\taliases\tcountry\tsector\toffice\tstart\tend\tnote\n" +
			"Foo Barov\t\tXYZ\tGOV\tpresident\t2020-01-01\t2019-01-01\t\n" +
			"Baz Quux\t\tAZE\tGOV\tpresident\t2010-01-01\t\t\n",
	})
	k, err := Load(data.FS, dir)
	if err != nil {
		t.Fatal(err)
	}
	_, errs := k.Check()
	var all []string
	for _, e := range errs {
		all = append(all, e.Error())
	}
	joined := strings.Join(all, "\n")
	for _, w := range []string{"unknown country code XYZ", "term ends 2019-01-01, not after its start", "Baz Quux and Ilham Aliyev both president of AZE"} {
		if !strings.Contains(joined, w) {
			t.Errorf("Check did not report %q:\n%s", w, joined)
		}
	}
}

func TestLoadNeedsEmbeddedFiles(t *testing.T) {
	_, err := Load(fstest.MapFS{})
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(empty FS) = %v, want a not-exist error", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	k := defaultKB(t)
	body := "Azerbaijani President Ilham Aliyev met Moldovan President Maia Sandu and Russian troops."
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			r := k.NewResolver(date(t, "2024-11-06"))
			for range 50 {
				if ms := r.Find(body, dyad.Span{Start: 0, End: len(body)}); len(ms) != 3 {
					t.Errorf("got %d mentions", len(ms))
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestSeedArticle resolves the actors of the shared seed article.
func TestSeedArticle(t *testing.T) {
	path := sharedPath(t, "examples/seed/000_2881ff98ad935c2a.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	_, body, ok := strings.Cut(text, "2024-11-06")
	if !ok {
		t.Fatal("seed article has no date header")
	}
	body = strings.TrimLeft(body, " \n")
	k := defaultKB(t)
	r := k.NewResolver(date(t, "2024-11-06"))
	got := map[string]string{}
	for _, m := range r.Find(body, dyad.Span{Start: 0, End: len(body)}) {
		if body[m.Start:m.End] != m.Text {
			t.Errorf("bad offsets for %q", m.Text)
		}
		got[m.Text] = m.CAMEO + "/" + m.Name
	}
	for text, want := range map[string]string{
		"Azerbaijani President Ilham Aliyev": "AZEGOV/Ilham Aliyev",
		"Donald Trump":                       "USAELI/Donald Trump",
		"Aliyev":                             "AZEGOV/Ilham Aliyev",
		"Moldovan President Maia Sandu":      "MDAGOV/Maia Sandu",
		"the United States":                  "USAGOV/United States",
		"Azerbaijan":                         "AZEGOV/Azerbaijan",
	} {
		if got[text] != want {
			t.Errorf("%q resolved to %q, want %q", text, got[text], want)
		}
	}
}

// sharedPath finds ../shared beside the module root, or skips the test.
func sharedPath(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data not available (%s): %v", p, err)
	}
	return p
}
