package grammar

import (
	"strings"
	"testing"
)

// TestVerbGroups: what belongs to one verb group and which of its verbs may
// carry the event: a time phrase inside the group, a chain verb separated
// from its infinitive, chain verbs that carry patterns of their own, and
// the subject of a clause reported by a gerund of saying.
func TestVerbGroups(t *testing.T) {
	w := loadWords(t)
	tests := []struct {
		name    string
		toks    string
		actors  []ActorSpan
		group   string   // text of the verb group holding the last head
		heads   []string // lemmas of its heads
		aux     string   // modality of the last head
		negated bool
		subject string // first token of the group's subject, "" for none
	}{
		{"time phrase after a modal",
			"The/DT minister/NN will/MD on/IN Tuesday/NNP lead/VB a/DT delegation/NN to/TO Sudan/NNP ./.", []ActorSpan{{0, 2}, {8, 9}},
			"will on Tuesday lead", []string{"lead"}, "future", false, "The"},
		{"time phrase after an auxiliary",
			"Chile/NNP has/VBZ/have this/DT week/NN signed/VBN/sign a/DT deal/NN ./.", []ActorSpan{{0, 1}},
			"has this week signed", []string{"sign"}, "", false, "Chile"},
		{"chain verb, idiom and time before the infinitive",
			"Ministers/NNS/minister agreed/VBD/agree in/IN principle/NN on/IN Saturday/NNP to/TO provide/VB aid/NN ./.", []ActorSpan{{0, 1}},
			"agreed in principle on Saturday to provide", []string{"agree", "provide"}, "future", false, "Ministers"},
		{"attempt carries a pattern of its own",
			"Gunmen/NNS/gunman attempted/VBD/attempt to/TO assassinate/VB the/DT governor/NN ./.", []ActorSpan{{0, 1}, {4, 6}},
			"attempted to assassinate", []string{"attempt", "assassinate"}, "", false, "Gunmen"},
		{"refusal leaves the event to the verb it negates",
			"Iran/NNP refused/VBD/refuse on/IN Monday/NNP to/TO meet/VB inspectors/NNS/inspector", []ActorSpan{{0, 1}},
			"refused on Monday to meet", []string{"meet"}, "", true, "Iran"},
		{"a preposition phrase with an actor ends the group",
			"Iran/NNP agreed/VBD/agree with/IN Russia/NNP to/TO hold/VB talks/NNS/talk", []ActorSpan{{0, 1}, {3, 4}},
			"to hold", []string{"hold"}, "", false, ""},
		{"a noun phrase owned inside a phrase is in it",
			"Militants/NNS/militant loyal/JJ to/TO Chile/NNP 's/POS army/NN chief/NN said/VBD/say ./.", []ActorSpan{{0, 1}, {3, 4}},
			"said", []string{"say"}, "", false, "Militants"},
		{"subject of a clause after a gerund of saying",
			"Katsav/NNP refused/VBD/refuse the/DT offer/NN ,/, saying/VBG/say he/PRP would/MD welcome/VB him/PRP ./.", []ActorSpan{{0, 1}},
			"would welcome", []string{"welcome"}, "hypothetical", false, "he"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tagged(tt.toks)
			a := w.Analyze(toks, tt.actors)
			if len(a.Preds) == 0 {
				t.Fatal("no verb group")
			}
			pi := -1
			for i, p := range a.Preds {
				if words(toks, p.Start, p.End) == tt.group {
					pi = i
				}
			}
			if pi < 0 {
				var got []string
				for _, p := range a.Preds {
					got = append(got, words(toks, p.Start, p.End))
				}
				t.Fatalf("no group %q, got %q", tt.group, got)
			}
			p := a.Preds[pi]
			var heads []string
			for _, h := range p.Heads {
				heads = append(heads, toks[h].Lemma)
			}
			if strings.Join(heads, " ") != strings.Join(tt.heads, " ") {
				t.Errorf("heads %v, want %v", heads, tt.heads)
			}
			neg, aux := a.Modality(pi, p.Heads[len(p.Heads)-1])
			if neg != tt.negated || aux != tt.aux {
				t.Errorf("modality neg=%v aux=%q, want neg=%v aux=%q", neg, aux, tt.negated, tt.aux)
			}
			subj := ""
			if p.Subject >= 0 {
				subj = toks[a.NPs[p.Subject].Start].Text
			}
			if subj != tt.subject {
				t.Errorf("subject %q, want %q", subj, tt.subject)
			}
		})
	}
}

func words(toks []Token, from, to int) string {
	var out []string
	for _, t := range toks[from:to] {
		out = append(out, t.Text)
	}
	return strings.Join(out, " ")
}

// TestVerbKinds: the kind and voice of a verb the tagger may misread: a past
// form after a passive shares its "be", a past form after a prepositional
// object in a clause that already has its verb describes that object.
func TestVerbKinds(t *testing.T) {
	const noVerb = PredKind(255) // the word must be in no verb group
	w := loadWords(t)
	tests := []struct {
		name, toks, verb string
		kind             PredKind
		passive          bool
		actors           []ActorSpan
	}{
		{"coordinated after a passive",
			"A/DT journalist/NN was/VBD/be shot/VBN/shoot and/CC killed/VBD/kill by/IN police/NNS ./.",
			"killed", Finite, true, nil},
		{"coordinated after a passive, behind an adverb",
			"The/DT official/NN was/VBD/be shot/VBN/shoot and/CC nearly/RB killed/VBD/kill ./.",
			"killed", Finite, true, nil},
		{"gapped after a passive",
			"Five/CD people/NNS/person were/VBD/be killed/VBN/kill and/CC 15/CD wounded/VBD/wound ./.",
			"wounded", Finite, true, nil},
		{"coordinated after an active verb",
			"Police/NNS arrested/VBD/arrest and/CC questioned/VBD/question two/CD men/NNS/man ./.",
			"questioned", Finite, false, nil},
		{"reduced relative after a prepositional object",
			"Protesters/NNS/protester marched/VBD/march in/IN a/DT rally/NN held/VBD/hold in/IN support/NN of/IN Iraq/NNP ./.",
			"held", Participle, false, nil},
		{"reduced relative after the subject",
			"Soldiers/NNS/soldier armed/VBD/arm with/IN rifles/NNS/rifle patrolled/VBD/patrol the/DT city/NN ./.",
			"armed", Participle, false, nil},
		{"the verb after a reduced relative",
			"Soldiers/NNS/soldier armed/VBD/arm with/IN rifles/NNS/rifle patrolled/VBD/patrol the/DT city/NN ./.",
			"patrolled", Finite, false, nil},
		{"a verb of warning before its clause",
			"Kenya/NNP warned/VBD/warn that/IN any/DT attack/NN would/MD fail/VB ./.",
			"warned", Finite, false, nil},
		{"a participle set off by commas before the verb",
			"Serbs/NNPS/Serbs ,/, aided/VBD/aid at/IN first/JJ by/IN the/DT army/NN ,/, captured/VBD/capture the/DT town/NN ./.",
			"aided", Participle, true, nil},
		{"the verb after a participle set off by commas",
			"Serbs/NNPS/Serbs ,/, aided/VBD/aid at/IN first/JJ by/IN the/DT army/NN ,/, captured/VBD/capture the/DT town/NN ./.",
			"captured", Finite, false, nil},
		{"a past tense after and shares the subject, not the object",
			"The/DT shelling/NN killed/VBN/kill nine/CD people/NNS/person and/CC wounded/VBD/wound 20/CD ./.",
			"killed", Finite, false, nil},
		{"a participle before a phrase gives way to one with an object",
			"A/DT bomber/NN driving/VBG/drive a/DT car/NN packed/VBN/pack with/IN explosives/NNS/explosive killed/VBN/kill at/IN least/JJS 11/CD people/NNS/person ./.",
			"killed", Finite, false, nil},
		{"the participle before a phrase",
			"A/DT bomber/NN driving/VBG/drive a/DT car/NN packed/VBN/pack with/IN explosives/NNS/explosive killed/VBN/kill at/IN least/JJS 11/CD people/NNS/person ./.",
			"packed", Participle, false, nil},
		{"a name after the adjectives that open its phrase is in that phrase",
			"Israel/NNP released/VBD/release a/DT member/NN of/IN the/DT Islamist/NNP Hamas/NNP movement/NN jailed/VBD/jail over/IN a/DT year/NN ago/RB ./.",
			"jailed", Participle, false, []ActorSpan{{0, 1}, {7, 8}}},
		{"a participle inside an actor's name",
			"Croatian/JJ armed/VBD/arm forces/NNS/force captured/VBD/capture Knin/NNP ./.",
			"armed", noVerb, false, []ActorSpan{{0, 3}}},
		{"a verb after a subject with a prepositional phrase",
			"Police/NNS in/IN Paris/NNP arrested/VBD/arrest two/CD men/NNS/man in/IN the/DT suburbs/NNS/suburb ./.",
			"arrested", Finite, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tagged(tt.toks)
			a := w.Analyze(toks, tt.actors)
			if tt.kind == noVerb {
				for _, p := range a.Preds {
					if words(toks, p.Start, p.End) == tt.verb {
						t.Errorf("%q is a verb group", tt.verb)
					}
				}
				return
			}
			for _, p := range a.Preds {
				if words(toks, p.Start, p.End) == tt.verb {
					if p.Kind != tt.kind || p.Passive != tt.passive {
						t.Errorf("%q: kind %v passive %v, want %v %v", tt.verb, p.Kind, p.Passive, tt.kind, tt.passive)
					}
					return
				}
			}
			t.Errorf("no verb group %q", tt.verb)
		})
	}
}
