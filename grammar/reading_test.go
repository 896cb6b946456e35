package grammar

import (
	"strings"
	"testing"
)

// TestClauseReading: verbs of saying and demanding whose "that" clause is
// what they report or demand, "that" clauses of agreeing, transparent chains
// ("sought to", "resorted to throwing") and the doer of an infinitive after a
// noun of effort ("took steps to"). The sentences are our own.
func TestClauseReading(t *testing.T) {
	w := loadWords(t)
	tests := []struct {
		name     string
		toks     string
		actors   []ActorSpan
		group    string   // text of the verb group under test
		heads    []string // lemmas of its heads
		aux      string   // modality of the last head
		subject  string   // first token of the group's subject, "" for none
		governor string   // text of the group governing its clause, "" for none
	}{
		{"reiterated that: a modal before a noun-tagged verb",
			"Britain/NNP reiterated/VBD/reiterate that/IN Chad/NNP must/MD hand/NN over/IN the/DT suspects/NNS/suspect ./.", []ActorSpan{{0, 1}, {3, 4}},
			"must hand", []string{"hand"}, "hypothetical", "Chad", "reiterated"},
		{"concluded that",
			"The/DT panel/NN concluded/VBD/conclude that/IN Peru/NNP must/MD release/VB the/DT funds/NNS/fund ./.", []ActorSpan{{3, 4}},
			"must release", []string{"release"}, "hypothetical", "Peru", "concluded"},
		{"a gerund of demanding after a document speaks for its author",
			"The/DT rebels/NNS/rebel issued/VBD/issue a/DT statement/NN demanding/VBG/demand that/IN Kenya/NNP free/VB the/DT prisoners/NNS/prisoner ./.", []ActorSpan{{0, 2}, {7, 8}},
			"free", []string{"free"}, "", "Kenya", "demanding"},
		{"agreed that ... should: a commitment",
			"Mali/NNP and/CC Niger/NNP agreed/VBD/agree on/IN Monday/NNP that/IN they/PRP should/MD expand/VB trade/NN ./.", []ActorSpan{{0, 1}, {2, 3}},
			"should expand", []string{"expand"}, "future", "they", ""},
		{"agreed that without a modal stays a fact",
			"Mali/NNP agreed/VBD/agree that/IN the/DT talks/NNS/talk failed/VBD/fail ./.", []ActorSpan{{0, 1}},
			"failed", []string{"fail"}, "", "the", ""},
		{"said that ... should stays hypothetical",
			"Mali/NNP said/VBD/say that/IN Niger/NNP should/MD expand/VB trade/NN ./.", []ActorSpan{{0, 1}, {3, 4}},
			"should expand", []string{"expand"}, "hypothetical", "Niger", "said"},
		{"resorted to throwing: the gerund carries the event",
			"Students/NNS/student resorted/VBD/resort to/TO throwing/VBG/throw stones/NNS/stone ./.", []ActorSpan{{0, 1}},
			"resorted to throwing", []string{"throw"}, "", "Students", ""},
		{"resort to a noun is no chain",
			"Police/NNS/police resorted/VBD/resort to/TO force/NN ./.", []ActorSpan{{0, 1}},
			"resorted", []string{"resort"}, "", "Police", ""},
		{"sought to: only an attempt, kept hypothetical",
			"Ankara/NNP sought/VBD/seek to/TO expel/VB the/DT envoy/NN ./.", []ActorSpan{{0, 1}},
			"sought to expel", []string{"seek", "expel"}, "hypothetical", "Ankara", ""},
		{"moved to: transparent",
			"Seoul/NNP moved/VBD/move to/TO ban/VB the/DT group/NN ./.", []ActorSpan{{0, 1}},
			"moved to ban", []string{"move", "ban"}, "", "Seoul", ""},
		{"took steps to: the taker enhances",
			"Bashir/NNP has/VBZ/have taken/VBN/take several/JJ steps/NNS/step to/TO enhance/VB freedoms/NNS/freedom ./.", []ActorSpan{{0, 1}},
			"to enhance", []string{"enhance"}, "", "Bashir", ""},
		{"urged a neighbour to: the object acts",
			"Chile/NNP urged/VBD/urge Peru/NNP to/TO withdraw/VB ./.", []ActorSpan{{0, 1}, {2, 3}},
			"to withdraw", []string{"withdraw"}, "", "Peru", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tagged(tt.toks)
			a := w.Analyze(toks, tt.actors)
			pi := -1
			var got []string
			for i, p := range a.Preds {
				got = append(got, words(toks, p.Start, p.End))
				if words(toks, p.Start, p.End) == tt.group {
					pi = i
				}
			}
			if pi < 0 {
				t.Fatalf("no group %q, got %q", tt.group, got)
			}
			p := a.Preds[pi]
			var heads []string
			for _, h := range p.Heads {
				heads = append(heads, toks[h].Lemma)
			}
			if strings.Join(heads, " ") != strings.Join(tt.heads, " ") {
				t.Fatalf("heads %v, want %v", heads, tt.heads)
			}
			if _, aux := a.Modality(pi, p.Heads[len(p.Heads)-1]); aux != tt.aux {
				t.Errorf("aux %q, want %q", aux, tt.aux)
			}
			subj := ""
			if p.Subject >= 0 {
				subj = toks[a.NPs[p.Subject].Start].Text
			}
			if subj != tt.subject {
				t.Errorf("subject %q, want %q", subj, tt.subject)
			}
			gov := ""
			if g := a.Governor(pi); g >= 0 {
				gov = words(toks, a.Preds[g].Start, a.Preds[g].End)
			}
			if gov != tt.governor {
				t.Errorf("governor %q, want %q", gov, tt.governor)
			}
		})
	}
}
