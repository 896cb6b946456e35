package kb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/data"
)

// TestPlaces: a city or region stands for its country with no sector, and
// takes the sector of the words around it like a country does.
func TestPlaces(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		name, doc string
		want      []want
	}{
		{"shelled city", "Russian forces shelled Kherson.", []want{
			{"Russian forces", "Russia", "RUS", "MIL", Country},
			{"Kherson", "Ukraine", "UKR", "", Country}}},
		{"strikes on Gaza", "Israeli strikes on Gaza killed 20.", []want{
			{"Gaza", "Palestine", "PSE", "", Country}}},
		{"protesters in a city", "Protesters in Kharkiv clashed with police.", []want{
			{"Protesters", "", "", "CVL", Generic},
			{"Kharkiv", "Ukraine", "UKR", "", Country},
			{"police", "", "", "COP", Generic}}},
		{"place and sector word", "Kharkiv residents fled.", []want{
			{"Kharkiv residents", "Ukraine", "UKR", "CVL", Country}}},
		{"sector word of place", "The residents of Gaza fled.", []want{
			{"The residents of Gaza", "Palestine", "PSE", "CVL", Country}}},
		{"possessive place", "Mosul's police chief said.", []want{
			{"Mosul's police chief", "Iraq", "IRQ", "COP", Country}}},
		{"place title names no national holder", "Kharkiv's governor said.", []want{
			{"Kharkiv's governor", "Ukraine", "UKR", "GOV", Country}}},
		{"longest spelling", "Tanks entered the Gaza Strip.", []want{
			{"Tanks", "", "", "MIL", Generic},
			{"the Gaza Strip", "Palestine", "PSE", "", Country}}},
		{"country and place", "Rockets were fired from Lebanon at Haifa.", []want{
			{"Lebanon", "Lebanon", "LBN", "GOV", Country},
			{"Haifa", "Israel", "ISR", "", Country}}},
		{"disputed place", "Ukrainian troops struck Crimea.", []want{
			{"Ukrainian troops", "Ukraine", "UKR", "MIL", Country},
			{"Crimea", "Ukraine", "UKR", "", Country}}},
		{"breakaway region", "South Ossetia and Transnistria and Nagorno-Karabakh.", []want{
			{"South Ossetia", "Georgia", "GEO", "", Country},
			{"Transnistria", "Moldova", "MDA", "", Country},
			{"Nagorno-Karabakh", "Azerbaijan", "AZE", "", Country}}},
		{"place demonym", "Gazans fled south.", []want{
			{"Gazans", "Palestine", "PSE", "", Country}}},
		{"without diacritics", "Dusseldorf and Tillaberi.", []want{
			{"Dusseldorf", "Germany", "DEU", "", Country},
			{"Tillaberi", "Niger", "NER", "", Country}}},
		{"case matters", "the gaza strip", nil},
		{"place inside an org name", "The Sinaloa Cartel and the Balochistan Liberation Army.", []want{
			{"The Sinaloa Cartel", "Sinaloa Cartel", "MEX", "UAF", Group},
			{"the Balochistan Liberation Army", "Balochistan Liberation Army", "PAK", "SEP", Group}}},
		{"place inside a person's name", "Mahmoud Abbas flew to Bandar Abbas.", []want{
			{"Mahmoud Abbas", "Mahmoud Abbas", "PSE", "GOV", Person},
			{"Bandar Abbas", "Iran", "IRN", "", Country}}},
		{"place inside a newspaper", "The New York Times reported.", nil},
		{"a place is not the country of the president", "Kherson was shelled.\nThe president said.", []want{
			{"Kherson", "Ukraine", "UKR", "", Country}}},
	}
	// Country mentions above that are not named by a place.
	notPlaces := map[string]bool{"Russian forces": true, "Lebanon": true, "Ukrainian troops": true, "Gazans": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(t, k, "2024-03-01", tt.doc)
			expectMentions(t, got, tt.want)
			for _, m := range got {
				if wantPlace := m.Kind == Country && !notPlaces[m.Text]; m.Place != wantPlace {
					t.Errorf("%q: Place = %v, want %v", m.Text, m.Place, wantPlace)
				}
			}
		})
	}
}

// TestPlaceNeverShadowsNames: a place spelled like a person's alias is left
// out, the person keeps the name, and Check says so.
func TestPlaceNeverShadowsNames(t *testing.T) {
	dir := t.TempDir()
	people := "name\taliases\tcountry\tsector\toffice\tstart\tend\tnote\n" +
		"Omar Aleppo\tAleppo\tSYR\tGOV\ttest minister\t2020-01-01\t\t\n"
	if err := os.WriteFile(filepath.Join(dir, "people.tsv"), []byte(people), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := Load(data.FS, dir)
	if err != nil {
		t.Fatal(err)
	}
	expectMentions(t, findAll(t, k, "2024-03-01", "Aleppo said. Idlib was hit."), []want{
		{"Aleppo", "Omar Aleppo", "SYR", "GOV", Person},
		{"Idlib", "Syria", "SYR", "", Country}})
	_, errs := k.Check()
	found := false
	for _, e := range errs {
		found = found || strings.Contains(e.Error(), `place "Aleppo" left out`)
	}
	if !found {
		t.Errorf("Check did not report the shadowed place; got %v", errs)
	}
}

// TestPlacesFile: places.tsv problems stop loading with file:line.
func TestPlacesFile(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown country", "name\taliases\tcountry\tdemonyms\tnote\nAtlantis\t\tATL\t\t\n", "places.tsv:2"},
		{"bad header", "name\tcountry\nAtlantis\tGRC\n", "header"},
		{"outer spaces", "name\taliases\tcountry\tdemonyms\tnote\nAtlantis\t Atl |x\tGRC\t\t\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "places.tsv"), []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(data.FS, dir)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
