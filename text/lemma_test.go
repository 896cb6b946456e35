package text

import "testing"

// TestRegularForms: regular inflections the dictionary does not list get
// their stem, past forms read as adjectives between a subject and an object
// are past tenses, and words the dictionary does not know stay as written.
func TestRegularForms(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		body, word, tag, lemma string
	}{
		{"Settlers torched the offices of the council.", "torched", "VBD", "torch"},
		{"Settlers were torching olive groves.", "torching", "VBG", "torch"},
		{"Police teargassed the crowd.", "teargassed", "VBD", "teargas"},
		{"Australia lended $1 billion to Indonesia.", "lended", "VBD", "lend"},
		{"Border agents sexually abused migrants.", "abused", "VBD", "abuse"},
		{"Border agents sexually abused illegal migrants.", "abused", "VBD", "abuse"},
		{"Chile's leading rights activist spoke.", "leading", "JJ", "leading"},
		{"The country's ruling party won.", "ruling", "JJ", "ruling"},
		{"Juan Perez, Chile's leading rights activist, condemned Peru.", "condemned", "VBD", "condemn"},
		{"Three soldiers killed in an attack.", "killed", "VBN", "kill"},
		{"The battle left 18 people dead and 47 wounded.", "wounded", "JJ", "wounded"},
		{"U.S. missiles destroyed the house.", "missiles", "NNS", "missile"},
		{"They protested against the alleged human rights violations.", "alleged", "JJ", "alleged"},
		{"China and Russia call on Washington to lift sanctions.", "call", "VBP", "call"},
		{"He rejected a call on Russia to withdraw.", "call", "NN", "call"},
		{"Klibi undertook mediation between Syria and Arafat.", "undertook", "VBD", "undertake"},
		{"The newly elected president spoke.", "elected", "VBN", "elect"},
	}
	for _, tt := range tests {
		tok := tokenOf(t, p.Analyze(tt.body), tt.word)
		if tok.Tag != tt.tag || tok.Lemma != tt.lemma {
			t.Errorf("%q in %q: tag %s lemma %q, want %s %q", tt.word, tt.body, tok.Tag, tok.Lemma, tt.tag, tt.lemma)
		}
	}
}

// TestRegularStems: the stem rule on its own, including words it must
// leave alone.
func TestRegularStems(t *testing.T) {
	l, err := sharedLemmatizer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ word, want string }{
		{"torched", "torch"}, {"torching", "torch"}, {"teargassed", "teargas"}, {"firebombed", "firebomb"},
		{"qwzzed", "qwzzed"}, {"ed", "ed"}, {"", ""}, {"bed", "bed"},
	} {
		if got := l.regular(tt.word); got != tt.want {
			t.Errorf("regular(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
