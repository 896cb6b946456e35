package kb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
)

// TestTitles: a definite title resolves to the office holder of the country
// named with it or last, or to the last person the title fits.
func TestTitles(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		name, date, doc string
		want            []want
	}{
		{"possessive with name", "2023-03-01", "Russia's foreign minister Sergei Lavrov said.", []want{
			{"Russia's foreign minister Sergei Lavrov", "Sergei Lavrov", "RUS", "GOV", Person}}},
		{"possessive holder", "2024-05-01", "Moldova's president said.", []want{
			{"Moldova's president", "Maia Sandu", "MDA", "GOV", Person}}},
		{"adjective holder", "2019-03-01", "The Russian president spoke.", []want{
			{"The Russian president", "Vladimir Putin", "RUS", "GOV", Person}}},
		{"of-phrase holder", "2019-03-01", "The secretary-general of NATO spoke.", []want{
			{"The secretary-general of NATO", "Jens Stoltenberg", "NATO", "IGO", Person}}},
		{"bare title after country", "2019-03-01", "Iran rejected the offer.\nThe president said no.", []want{
			{"Iran", "Iran", "IRN", "GOV", Country},
			{"The president", "Hassan Rouhani", "IRN", "GOV", Person}}},
		{"bare title after organisation", "2019-03-01", "The UN and Iran met.\nThe secretary-general said.", []want{
			{"The UN", "United Nations", "UNO", "IGO", Organisation},
			{"Iran", "Iran", "IRN", "GOV", Country},
			{"The secretary-general", "António Guterres", "UNO", "IGO", Person}}},
		{"bare title after titled person", "2023-03-01", "Foreign Minister Jane Doe arrived.\nThe minister said.", []want{
			{"Foreign Minister Jane Doe", "Jane Doe", "", "GOV", Person},
			{"The minister", "Jane Doe", "", "GOV", Person}}},
		{"bare title, nothing known", "2023-03-01", "The president said.", nil},
		{"indefinite title stays a country", "2024-11-06", "He won as US President.", []want{
			{"US President", "United States", "USA", "GOV", Country}}},
		{"ministry is no holder", "2023-03-01", "Azerbaijan's foreign ministry said.", []want{
			{"Azerbaijan's foreign ministry", "Azerbaijan", "AZE", "GOV", Country}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectMentions(t, findAll(t, k, tt.date, tt.doc), tt.want)
		})
	}
}

func TestAppositives(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		date, doc string
		want      []want
	}{
		{"2024-05-01", "Maia Sandu, Moldova's president, said.", []want{
			{"Maia Sandu", "Maia Sandu", "MDA", "GOV", Person}}},
		{"2024-05-01", "Moldova's president, Maia Sandu, said.", []want{
			{"Maia Sandu", "Maia Sandu", "MDA", "GOV", Person}}},
		{"2024-05-01", "Ion Popescuu, Moldova's president, said.", []want{
			{"Ion Popescuu", "Ion Popescuu", "MDA", "GOV", Person}}},
		// A description naming a country gives an unknown name its country;
		// "Country's ... noun" is the same actor and gives the noun's sector.
		{"2024-05-01", "Salah Eddine Sidhum, Algeria's leading human rights activist, said.", []want{
			{"Salah Eddine Sidhum", "Salah Eddine Sidhum", "DZA", "CVL", Person}}},
		{"2024-05-01", "Hikmet Hajiyevv, an aide to Azerbaijan's president, said.", []want{
			{"Hikmet Hajiyevv", "Hikmet Hajiyevv", "AZE", "GOV", Person},
			{"Azerbaijan's president", "Ilham Aliyev", "AZE", "GOV", Person}}},
		// A person noun may be followed by a name the KB lacks.
		{"2024-05-01", "Russia freed reporter Evan Gershkovichh.", []want{
			{"Russia", "Russia", "RUS", "GOV", Country},
			{"reporter Evan Gershkovichh", "Evan Gershkovichh", "", "MED", Person}}},
		// A relative clause says nothing of the name's country.
		{"2024-05-01", "Ion Vasilescuu, who met Moldova's president, said.", []want{
			{"Moldova's president", "Maia Sandu", "MDA", "GOV", Person}}},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			expectMentions(t, findAll(t, k, tt.date, tt.doc), tt.want)
		})
	}
}

func TestTwoLeaders(t *testing.T) {
	k := defaultKB(t)
	ms := findAll(t, k, "2025-03-01", "Erdogan met Putin in Ankara.\nThe two leaders agreed on a ceasefire.")
	var pair *Mention
	for i := range ms {
		if ms[i].Text == "leaders" {
			pair = &ms[i]
		}
	}
	if pair == nil {
		t.Fatalf("no mention for the two leaders:%s", show(ms))
	}
	if !pair.Plural || pair.Kind != Person || len(pair.Members) != 2 ||
		pair.Members[0].Name != "Recep Tayyip Erdoğan" || pair.Members[1].Name != "Vladimir Putin" {
		t.Errorf("the two leaders = %+v", *pair)
	}
	// With fewer than two people named there is nobody to refer to.
	ms = findAll(t, k, "2025-03-01", "The two leaders met.")
	for _, m := range ms {
		if len(m.Members) > 0 {
			t.Errorf("members without antecedents: %+v", m)
		}
	}
}

func TestAntecedent(t *testing.T) {
	k := defaultKB(t)
	doc := "Maia Sandu met the European Union in Brussels.\nProtesters gathered outside.\n"
	r := k.NewResolver(date(t, "2024-05-01"))
	start := 0
	for _, line := range strings.SplitAfter(doc, "\n") {
		r.Find(doc, dyad.Span{Start: start, End: start + len(line)})
		start += len(line)
	}
	tests := []struct {
		pronoun string
		before  int
		want    string // entity text, "" for none
	}{
		{"she", len(doc), "Maia Sandu"},
		{"He", len(doc), "Maia Sandu"},
		{"it", len(doc), "the European Union"},
		{"they", len(doc), "Protesters"},
		{"they", strings.Index(doc, "Protesters"), "the European Union"},
		{"she", 3, ""},
		{"xyz", len(doc), ""},
	}
	for _, tt := range tests {
		m, ok := r.Antecedent(tt.pronoun, tt.before)
		if got := map[bool]string{true: m.Text, false: ""}[ok]; got != tt.want {
			t.Errorf("Antecedent(%q, %d) = %q, want %q", tt.pronoun, tt.before, got, tt.want)
		}
	}
}

func TestHolder(t *testing.T) {
	k := defaultKB(t)
	tests := []struct{ code, title, date, want string }{
		{"USA", "president", "2010-01-01", "Barack Obama"},
		{"USA", "secretary of state", "2010-01-01", "Hillary Clinton"},
		{"USA", "foreign minister", "2010-01-01", "Hillary Clinton"},
		{"DEU", "chancellor", "2010-01-01", "Angela Merkel"},
		{"GBR", "foreign secretary", "2025-10-01", "Yvette Cooper"},
		{"NATO", "Secretary-General", "2020-01-01", "Jens Stoltenberg"},
		{"FRA", "interior minister", "2021-01-01", "Gérald Darmanin"},
		{"AZE", "pope", "2021-01-01", ""},
		{"XXX", "president", "2021-01-01", ""},
	}
	for _, tt := range tests {
		got, _ := k.Holder(tt.code, tt.title, date(t, tt.date))
		if got != tt.want {
			t.Errorf("Holder(%s, %s, %s) = %q, want %q", tt.code, tt.title, tt.date, got, tt.want)
		}
	}
}

// TestNGO: non-governmental organisations get NGO-first CAMEO codes.
func TestNGO(t *testing.T) {
	k := defaultKB(t)
	ms := findAll(t, k, "2023-01-01", "Amnesty International and ICRC President Mirjana Spoljaric Egger spoke.")
	if len(ms) != 2 || ms[0].CAMEO != "NGOAMN" || ms[1].CAMEO != "NGOICRC" || ms[1].Name != "Mirjana Spoljaric Egger" {
		t.Errorf("got:%s (%q %q)", show(ms), ms[0].CAMEO, ms[len(ms)-1].CAMEO)
	}
}

func TestOfficesFileErrors(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"title\tofffices\n", "header"},
		{"title\toffices\npresident\t\n", "offices.tsv:2: title \"president\" names no office"},
		{"title\toffices\npresident\tpresident\npresident\tking\n", "offices.tsv:3: title \"president\" listed twice"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "offices.tsv"), []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(data.FS, dir)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%q) error %v, want %q", tt.text, err, tt.want)
		}
	}
}

var _ = time.Now

// TestPremodifiers: a country named before a title constrains the name after
// it, a surname covers a whole hyphenated token, a capitalised title word
// after a first name is a surname, and portfolio titles keep their country.
func TestPremodifiers(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		name, date, doc string
		want            []want
	}{
		{"hyphenated name is not a namesake", "1985-01-01", "Pakistan President Mohammad Zia-Ul-Haq said.", []want{
			{"Pakistan President Mohammad Zia-Ul-Haq", "Muhammad Zia-ul-Haq", "PAK", "GOV", Person}}},
		{"country overrides a foreign namesake", "2003-01-01", "Pakistani President Zia said.", []want{
			{"Pakistani President Zia", "Zia", "PAK", "GOV", Person}}},
		{"country agrees with the person", "2003-01-01", "Bangladeshi Prime Minister Zia said.", []want{
			{"Bangladeshi Prime Minister Zia", "Khaleda Zia", "BGD", "GOV", Person}}},
		{"title word as surname", "2000-01-01", "Canadian Defence Secretary Tom Bishop said.", []want{
			{"Canadian Defence Secretary Tom Bishop", "Tom Bishop", "CAN", "GOV", Person}}},
		{"portfolio title keeps the country", "2000-01-01", "Serbian Labour Minister Foo Barovic said.", []want{
			{"Serbian Labour Minister Foo Barovic", "Foo Barovic", "SRB", "GOV", Person}}},
		{"junior minister keeps the country", "2000-01-01", "Nigerian junior foreign minister Foo Bar said.", []want{
			{"Nigerian junior foreign minister Foo Bar", "Foo Bar", "NGA", "GOV", Person}}},
		{"-led group is the leader's", "2000-01-01", "Vietnamese-led forces attacked.", []want{
			{"Vietnamese-led forces", "Vietnam", "VNM", "MIL", Country}}},
		{"news agency is no name", "2000-01-01", "The official IRNA said.", nil},
		{"another first name is another person", "2024-12-01", "A spokesman, Hazem Qassem, said.", nil},
		{"sentence-initial word before a surname", "2024-12-01", "Later Qassem said.", []want{
			{"Qassem", "Naim Qassem", "LBN", "REB", Person}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectMentions(t, findAll(t, k, tt.date, tt.doc), tt.want)
		})
	}
}
