package grammar

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/data"
)

// tagged builds tokens from "word/TAG/lemma" triples (lemma defaults to the
// lower-cased word).
func tagged(s string) []Token {
	var out []Token
	for _, f := range strings.Fields(s) {
		parts := strings.Split(f, "/")
		t := Token{Text: parts[0], Tag: parts[1], Lemma: strings.ToLower(parts[0])}
		if len(parts) > 2 {
			t.Lemma = parts[2]
		}
		out = append(out, t)
	}
	return out
}

func loadWords(t *testing.T) *Words {
	t.Helper()
	w, err := LoadWords(data.FS, "grammar/words.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestModality(t *testing.T) {
	w := loadWords(t)
	tests := []struct {
		name    string
		toks    string
		actors  []ActorSpan
		head    string // lemma of the head verb expected to carry the event
		negated bool
		aux     string
		passive bool
		subject string // text of the subject NP's first token, "" for none
	}{
		{"plain past", "Aliyev/NNP congratulated/VBD/congratulate Trump/NNP ./.", []ActorSpan{{0, 1}, {2, 3}},
			"congratulate", false, "", false, "Aliyev"},
		{"did not", "Aliyev/NNP did/VBD/do not/RB congratulate/VB Sandu/NNP ./.", []ActorSpan{{0, 1}, {4, 5}},
			"congratulate", true, "", false, "Aliyev"},
		{"contraction", "Russia/NNP did/VBD/do n't/RB/not attend/VB the/DT talks/NNS/talk", []ActorSpan{{0, 1}},
			"attend", true, "", false, "Russia"},
		{"has yet to", "Russia/NNP has/VBZ/have yet/RB to/TO respond/VB ./.", []ActorSpan{{0, 1}},
			"respond", true, "", false, "Russia"},
		{"refused to", "Iran/NNP refused/VBD/refuse to/TO meet/VB inspectors/NNS/inspector", []ActorSpan{{0, 1}},
			"meet", true, "", false, "Iran"},
		{"will", "China/NNP will/MD send/VB aid/NN", []ActorSpan{{0, 1}},
			"send", false, "future", false, "China"},
		{"will not", "China/NNP will/MD not/RB send/VB aid/NN", []ActorSpan{{0, 1}},
			"send", true, "future", false, "China"},
		{"determined to", "we/PRP are/VBP/be determined/VBN/determine to/TO further/RB expand/VB ties/NNS/tie", nil,
			"expand", false, "future", false, "we"},
		{"plans to (noun tag)", "Russia/NNP plans/NNS/plan to/TO visit/VB Cuba/NNP", []ActorSpan{{0, 1}, {4, 5}},
			"visit", false, "future", false, "Russia"},
		{"could", "Israel/NNP could/MD strike/VB Iran/NNP", []ActorSpan{{0, 1}, {3, 4}},
			"strike", false, "hypothetical", false, "Israel"},
		{"if clause", "if/IN Israel/NNP strikes/VBZ/strike Iran/NNP", []ActorSpan{{1, 2}, {3, 4}},
			"strike", false, "hypothetical", false, "Israel"},
		{"passive", "Trump/NNP was/VBD/be congratulated/VBN/congratulate by/IN Aliyev/NNP", []ActorSpan{{0, 1}, {4, 5}},
			"congratulate", false, "", true, "Trump"},
		{"perfect is not passive", "Aliyev/NNP has/VBZ/have congratulated/VBN/congratulate Trump/NNP", []ActorSpan{{0, 1}, {3, 4}},
			"congratulate", false, "", false, "Aliyev"},
		{"non-actor subject", "the/DT official/JJ results/NNS/result have/VBP/have not/RB yet/RB been/VBN/be announced/VBN/announce", nil,
			"announce", true, "", true, "the"},
		{"participle of stance", "Chile/NNP is/VBZ/be opposed/VBN/oppose to/TO mediation/NN", []ActorSpan{{0, 1}},
			"oppose", false, "", false, "Chile"},
		{"stance without to is passive", "Chile/NNP was/VBD/be opposed/VBN/oppose by/IN Peru/NNP", []ActorSpan{{0, 1}, {4, 5}},
			"oppose", false, "", true, "Chile"},
		{"organisation noun after a name", "the/DT ELN/NNP movement/NN rejected/VBD/reject talks/NNS/talk", []ActorSpan{{1, 2}},
			"reject", false, "", false, "ELN"},
		{"organisation noun after a bracketed gloss", "APEC/NNP (/( Pacific/NNP forum/NN )/) group/NN agreed/VBD/agree", []ActorSpan{{0, 1}},
			"agree", false, "", false, "APEC"},
		{"past after an of phrase", "Thousands/NNS/thousand of/IN Nigerians/NNPS protested/VBN/protest in/IN Lagos/NNP", []ActorSpan{{2, 3}, {5, 6}},
			"protest", false, "", false, "Thousands"},
		{"a phrase with its own determiner stays", "Peru/NNP and/CC the/DT group/NN agreed/VBD/agree", []ActorSpan{{0, 1}},
			"agree", false, "", false, "the"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tagged(tt.toks)
			a := w.Analyze(toks, tt.actors)
			pi, head := -1, -1
			for i, p := range a.Preds {
				for _, h := range p.Heads {
					if toks[h].Lemma == tt.head {
						pi, head = i, h
					}
				}
			}
			if pi < 0 {
				t.Fatalf("no predicate with head %q; preds %+v", tt.head, a.Preds)
			}
			neg, aux := a.Modality(pi, head)
			if neg != tt.negated || aux != tt.aux {
				t.Errorf("modality = (%v, %q), want (%v, %q)", neg, aux, tt.negated, tt.aux)
			}
			p := a.Preds[pi]
			if p.Passive != tt.passive {
				t.Errorf("passive = %v, want %v", p.Passive, tt.passive)
			}
			got := ""
			if p.Subject >= 0 {
				got = toks[a.NPs[p.Subject].Start].Text
			}
			if got != tt.subject {
				t.Errorf("subject = %q, want %q", got, tt.subject)
			}
		})
	}
}

func TestClauses(t *testing.T) {
	w := loadWords(t)
	// "Aliyev did not congratulate Sandu, who won the election."
	toks := tagged("Aliyev/NNP did/VBD/do not/RB congratulate/VB Sandu/NNP ,/, who/WP won/VBD/win the/DT election/NN ./.")
	a := w.Analyze(toks, []ActorSpan{{0, 1}, {4, 5}})
	var won Pred
	for _, p := range a.Preds {
		if toks[p.Heads[0]].Lemma == "win" {
			won = p
		}
	}
	if won.Subject < 0 || toks[a.NPs[won.Subject].Start].Text != "Sandu" {
		t.Errorf("relative clause subject: want Sandu, got NP %d", won.Subject)
	}
	// Coordinated verbs share subject and modality.
	toks = tagged("we/PRP are/VBP/be determined/JJ to/TO expand/VB and/CC deepen/VB our/PRP$ partnership/NN")
	a = w.Analyze(toks, nil)
	last := len(a.Preds) - 1
	if last < 1 || !a.Preds[last].Coordinated {
		t.Fatalf("want a coordinated second predicate, got %+v", a.Preds)
	}
	if _, aux := a.Modality(last, a.Preds[last].Heads[0]); aux != "future" {
		t.Errorf("coordinated verb aux = %q, want future", aux)
	}
	if s := a.Preds[last].Subject; s < 0 || toks[a.NPs[s].Start].Text != "we" {
		t.Errorf("coordinated verb subject = %d, want we", s)
	}
	// Compound subject.
	toks = tagged("Armenia/NNP and/CC Azerbaijan/NNP signed/VBD/sign a/DT deal/NN")
	a = w.Analyze(toks, []ActorSpan{{0, 1}, {2, 3}})
	if got := len(a.Conjuncts(a.Preds[0].Subject)); got != 2 {
		t.Errorf("compound subject: %d conjuncts, want 2", got)
	}
	// A place is no relative clause's antecedent: the phrase it locates is.
	toks = tagged("Chile/NNP mourned/VBD/mourn a/DT fire/NN in/IN the/DT capital/NN Lima/NNP that/WDT killed/VBD/kill ten/CD people/NNS/person")
	a = w.Analyze(toks, []ActorSpan{{0, 1}, {7, 8}})
	for _, p := range a.Preds {
		if toks[p.Heads[0]].Lemma == "kill" && (p.Subject < 0 || toks[a.NPs[p.Subject].Start].Text != "a") {
			t.Errorf("relative clause after a place: subject %d, want a fire", p.Subject)
		}
	}
	// "that" after a verb of saying and a time phrase opens what is said,
	// however long its subject.
	toks = tagged("Straw/NNP said/VBD/say on/IN Friday/NNP that/IN the/DT government/NN and/CC the/DT rebels/NNS/rebel in/IN Darfur/NNP must/MD reach/VB a/DT deal/NN")
	a = w.Analyze(toks, []ActorSpan{{0, 1}, {5, 7}, {8, 10}, {11, 12}})
	if n := len(a.Preds); n != 2 || a.Preds[1].Clause == a.Preds[0].Clause {
		t.Errorf("reported clause after \"said on Friday that\": preds %+v", a.Preds)
	}
}

func TestLoadWordsErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"not neg extra\n", "want \"word class\""},
		{"not negative\n", "unknown word class"},
	}
	for _, tt := range tests {
		fsys := mapFS{"w.tsv": tt.body}
		_, err := LoadWords(fsys, "w.tsv")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "w.tsv:1:") {
			t.Errorf("LoadWords(%q) error = %v, want file:line and %q", tt.body, err, tt.want)
		}
	}
}

// TestWordClasses: the bundled word list puts words in the classes the
// coder relies on.
func TestWordClasses(t *testing.T) {
	w := loadWords(t)
	tests := []struct {
		word string
		c    Class
		want bool
	}{
		{"request", Proposal, true},
		{"ultimatum", Proposal, true},
		{"mediation", Proposal, true},
		{"soldier", Proposal, false},
		{"demand", Demand, true},
	}
	for _, tt := range tests {
		if got := w.Is(tt.word, tt.c); got != tt.want {
			t.Errorf("Is(%q, %d) = %v, want %v", tt.word, tt.c, got, tt.want)
		}
	}
}
