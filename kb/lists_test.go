package kb

import (
	"testing"
	"testing/fstest"
)

// TestStoryWordLists: the word lists the coder asks about phrases it
// cannot place: domestic institutions (domestic.txt, whole words at the
// end of the phrase, or a whole sector), nouns for countries in general,
// owner nouns and hyphenated authorship participles.
func TestStoryWordLists(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"junta", k.Domestic("The junta", "MIL"), true},
		{"military government", k.Domestic("the military government", "MIL"), true},
		{"foreign ministry", k.Domestic("the foreign ministry", "GOV"), true},
		{"protesters by sector", k.Domestic("protesters", "CVL"), true},
		{"troops", k.Domestic("troops", "MIL"), false},
		{"diplomats", k.Domestic("diplomats", "GOV"), false},
		{"reporter", k.Domestic("Wall Street Journal reporter", "MED"), false},
		{"a word is whole", k.Domestic("Apolice", ""), false},
		{"countries", k.StateNoun("seven Latin American countries"), true},
		{"member states", k.StateNoun("EU member states"), true},
		{"outlets", k.StateNoun("media outlets"), false},
		{"office", k.OwnerNoun("office"), true},
		{"visit", k.OwnerNoun("visit"), false},
		{"drafted", k.Authorship("drafted"), true},
		{"Brokered", k.Authorship("Brokered"), true},
		{"made", k.Authorship("made"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// TestStoryWordListsOptional: the lists are optional files; without them
// nothing is domestic, and a tab in a line is an error.
func TestStoryWordListsOptional(t *testing.T) {
	base := fstest.MapFS{
		"kb/countries.tsv": {Data: []byte("code\tname\taliases\tadjectives\tdemonyms\tmetonyms\nAZE\tAzerbaijan\t\tAzerbaijani\t\tBaku\n")},
		"kb/orgs.tsv":      {Data: []byte("name\taliases\tcode\tsector\tkind\tnote\n")},
		"kb/sectors.tsv":   {Data: []byte("word\tsector\ttype\tnumber\tstrength\n")},
		"kb/people.tsv":    {Data: []byte("name\taliases\tcountry\tsector\toffice\tstart\tend\tnote\n")},
		"kb/notnames.txt":  {Data: []byte("The\n")},
		"kb/notactors.txt": {Data: []byte("New Jersey\n")},
	}
	k, err := Load(base)
	if err != nil {
		t.Fatal(err)
	}
	if k.Domestic("the junta", "MIL") || k.StateNoun("countries") || k.OwnerNoun("office") || k.Authorship("led") {
		t.Error("lists not loaded, yet a word is in one")
	}
	base["kb/domestic.txt"] = &fstest.MapFile{Data: []byte("junta\tMIL\n")}
	if _, err := Load(base); err == nil {
		t.Error("a tab in domestic.txt loaded without error")
	}
}
