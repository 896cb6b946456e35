package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// ge builds a gold event; tgt "-" means a null target.
func ge(src, srcRole, typ, cameo, tgt, tgtRole string, opts ...string) GoldEvent {
	e := GoldEvent{Source: GoldActor{Name: src, Country: src, Role: srcRole}, TypePLOVER: typ, TypeCAMEO: cameo, Evidence: "gold sentence"}
	if tgt != "-" {
		e.Target = &GoldActor{Name: tgt, Country: tgt, Role: tgtRole}
	}
	for _, o := range opts {
		switch o {
		case "negated":
			e.Negated = true
		case "optional":
			e.Optional = true
		case "intend":
			e.Mode = "intend"
		}
	}
	return e
}

func ent(code, sector string) dyad.Entity { return dyad.Entity{Code: code, Sector: sector} }

// pe builds a predicted event with one actor and at most one recipient.
func pe(src, srcSector, typ, cameo, tgt, tgtSector string, negated bool) dyad.Event {
	e := dyad.Event{Actor: []dyad.Entity{ent(src, srcSector)}, Type: typ, CAMEO: cameo, Negated: negated, Text: "predicted sentence"}
	if tgt != "-" {
		e.Recipient = []dyad.Entity{ent(tgt, tgtSector)}
	}
	return e
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	tests := []struct {
		name       string
		gold       []GoldEvent
		pred       []dyad.Event
		dyad       [3]int // tp fp fn
		strict     [3]int
		p, r       float64 // dyad precision and recall
		negRecall  float64
		rootAcc    float64
		docMisses  int
		strictP    float64
		strictRecl float64
	}{
		{
			name: "exact match",
			gold: []GoldEvent{ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI")},
			pred: []dyad.Event{pe("AZE", "GOV", "SUPPORT", "051", "USA", "ELI", false)},
			dyad: [3]int{1, 0, 0}, strict: [3]int{1, 0, 0},
			p: 1, r: 1, rootAcc: 1, strictP: 1, strictRecl: 1,
		},
		{
			name: "one type, two CAMEO codes: one key",
			gold: []GoldEvent{ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI")},
			pred: []dyad.Event{pe("AZE", "GOV", "SUPPORT", "057", "USA", "ELI", false), pe("AZE", "GOV", "SUPPORT", "051", "USA", "ELI", false)},
			dyad: [3]int{1, 0, 0}, strict: [3]int{1, 0, 0},
			p: 1, r: 1, rootAcc: 1, strictP: 1, strictRecl: 1,
		},
		{
			name: "nothing predicted",
			gold: []GoldEvent{ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI")},
			dyad: [3]int{0, 0, 1}, strict: [3]int{0, 0, 1}, docMisses: 1,
		},
		{
			name: "sector differs: dyad hit, strict miss (Trump as ELI)",
			gold: []GoldEvent{ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI")},
			pred: []dyad.Event{pe("AZE", "GOV", "SUPPORT", "051", "USA", "GOV", false)},
			dyad: [3]int{1, 0, 0}, strict: [3]int{0, 1, 1},
			p: 1, r: 1, rootAcc: 1,
		},
		{
			name: "duplicates across sentences count once",
			gold: []GoldEvent{ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI"), ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI")},
			pred: []dyad.Event{
				pe("AZE", "GOV", "SUPPORT", "051", "USA", "ELI", false),
				pe("AZE", "GOV", "SUPPORT", "051", "USA", "ELI", false),
				pe("AZE", "GOV", "SUPPORT", "051", "USA", "ELI", false),
			},
			dyad: [3]int{1, 0, 0}, strict: [3]int{1, 0, 0},
			p: 1, r: 1, rootAcc: 1, strictP: 1, strictRecl: 1,
		},
		{
			name: "optional gold: matching prediction is dropped, missing it is no miss",
			gold: []GoldEvent{
				ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI"),
				ge("USA", "ELI", "SUPPORT", "05", "AZE", "GOV", "optional"),
				ge("AZE", "GOV", "AGREE", "030", "USA", "GOV", "optional"),
			},
			pred: []dyad.Event{
				pe("AZE", "GOV", "SUPPORT", "051", "USA", "ELI", false),
				pe("USA", "ELI", "SUPPORT", "051", "AZE", "GOV", false),
			},
			dyad: [3]int{1, 0, 0}, strict: [3]int{1, 0, 0},
			p: 1, r: 1, rootAcc: 1, strictP: 1, strictRecl: 1,
		},
		{
			name: "IGO gold actor matches IGO sector or a non-ISO code",
			gold: []GoldEvent{
				ge("", "IGO", "REQUEST", "10", "RUS", "GOV"),
				ge("USA", "GOV", "CONSULT", "040", "", "IGO"),
			},
			pred: []dyad.Event{
				pe("EUR", "IGO", "REQUEST", "1041", "RUS", "GOV", false),
				pe("USA", "GOV", "CONSULT", "042", "NATO", "", false),
			},
			dyad: [3]int{2, 0, 0}, strict: [3]int{1, 1, 1},
			p: 1, r: 1, rootAcc: 1, strictP: 0.5, strictRecl: 0.5,
		},
		{
			name: "country code is not an IGO",
			gold: []GoldEvent{ge("", "IGO", "REQUEST", "10", "RUS", "GOV")},
			pred: []dyad.Event{pe("FRA", "GOV", "REQUEST", "100", "RUS", "GOV", false)},
			dyad: [3]int{0, 1, 1}, strict: [3]int{0, 1, 1}, docMisses: 2,
		},
		{
			name: "null target matches a prediction without recipient",
			gold: []GoldEvent{ge("ISR", "MIL", "MOBILIZE", "154", "-", "")},
			pred: []dyad.Event{pe("ISR", "MIL", "MOBILIZE", "15", "-", "", false)},
			dyad: [3]int{1, 0, 0}, strict: [3]int{1, 0, 0},
			p: 1, r: 1, rootAcc: 1, strictP: 1, strictRecl: 1,
		},
		{
			name: "null target does not match a country recipient",
			gold: []GoldEvent{ge("ISR", "MIL", "MOBILIZE", "154", "-", "")},
			pred: []dyad.Event{pe("ISR", "MIL", "MOBILIZE", "154", "LBN", "GOV", false)},
			dyad: [3]int{0, 1, 1}, strict: [3]int{0, 1, 1}, docMisses: 2,
		},
		{
			name: "negation must agree; negated recall",
			gold: []GoldEvent{
				ge("AZE", "GOV", "SUPPORT", "051", "MDA", "GOV", "negated"),
				ge("AZE", "GOV", "SUPPORT", "051", "ARM", "GOV", "negated"),
			},
			pred: []dyad.Event{
				pe("AZE", "GOV", "SUPPORT", "051", "MDA", "GOV", true),
				pe("AZE", "GOV", "SUPPORT", "051", "ARM", "GOV", false),
			},
			dyad: [3]int{1, 1, 1}, strict: [3]int{1, 1, 1},
			p: 0.5, r: 0.5, negRecall: 0.5, rootAcc: 1, docMisses: 2, strictP: 0.5, strictRecl: 0.5,
		},
		{
			name: "intent accepted as AGREE, root accuracy counts the differing root",
			gold: []GoldEvent{ge("AZE", "GOV", "COOPERATE", "06", "USA", "GOV", "intend")},
			pred: []dyad.Event{pe("AZE", "GOV", "AGREE", "031", "USA", "GOV", false)},
			dyad: [3]int{1, 0, 0}, strict: [3]int{1, 0, 0},
			p: 1, r: 1, rootAcc: 0, strictP: 1, strictRecl: 1,
		},
		{
			name: "AGREE without intend is a different class",
			gold: []GoldEvent{ge("AZE", "GOV", "COOPERATE", "06", "USA", "GOV")},
			pred: []dyad.Event{pe("AZE", "GOV", "AGREE", "031", "USA", "GOV", false)},
			dyad: [3]int{0, 1, 1}, strict: [3]int{0, 1, 1}, docMisses: 2,
		},
		{
			name: "same root, other type matches (08 CONCEDE vs RETREAT)",
			gold: []GoldEvent{ge("SRB", "GOV", "CONCEDE", "081", "BIH", "GOV")},
			pred: []dyad.Event{pe("SRB", "GOV", "RETREAT", "084", "BIH", "GOV", false)},
			dyad: [3]int{1, 0, 0}, strict: [3]int{1, 0, 0},
			p: 1, r: 1, rootAcc: 1, strictP: 1, strictRecl: 1,
		},
		{
			name: "same type, other root matches; root accuracy 0",
			gold: []GoldEvent{ge("USA", "GOV", "ACCUSE", "112", "IRN", "GOV")},
			pred: []dyad.Event{pe("USA", "GOV", "ACCUSE", "090", "IRN", "GOV", false)},
			dyad: [3]int{1, 0, 0}, strict: [3]int{1, 0, 0},
			p: 1, r: 1, rootAcc: 0, strictP: 1, strictRecl: 1,
		},
		{
			name: "compound actor gives one key per actor",
			gold: []GoldEvent{
				ge("HUN", "GOV", "AGREE", "031", "ROU", "GOV"),
				ge("ROU", "GOV", "AGREE", "031", "HUN", "GOV"),
			},
			pred: []dyad.Event{{
				Actor:     []dyad.Entity{ent("HUN", "GOV"), ent("ROU", "GOV")},
				Recipient: []dyad.Entity{ent("ROU", "GOV"), ent("HUN", "GOV")},
				Type:      "AGREE", CAMEO: "031",
			}},
			// HUN->ROU and ROU->HUN match; the self-pairs are skipped.
			dyad: [3]int{2, 0, 0}, strict: [3]int{2, 0, 0},
			p: 1, r: 1, rootAcc: 1, strictP: 1, strictRecl: 1,
		},
		{
			name: "compound actor against one recipient",
			gold: []GoldEvent{ge("HUN", "GOV", "REQUEST", "10", "", "IGO")},
			pred: []dyad.Event{{
				Actor:     []dyad.Entity{ent("HUN", "GOV"), ent("ROU", "GOV")},
				Recipient: []dyad.Entity{ent("EUR", "IGO")},
				Type:      "REQUEST", CAMEO: "102",
			}},
			dyad: [3]int{1, 1, 0}, strict: [3]int{1, 1, 0},
			p: 0.5, r: 1, rootAcc: 1, docMisses: 1, strictP: 0.5, strictRecl: 1,
		},
		{
			name: "events without PLOVER type are ignored",
			gold: []GoldEvent{ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI")},
			pred: []dyad.Event{pe("AZE", "GOV", "", "010", "USA", "ELI", false)},
			dyad: [3]int{0, 0, 1}, strict: [3]int{0, 0, 1}, docMisses: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score([]GoldDoc{{Name: "d", Events: tt.gold}}, map[string][]dyad.Event{"d": tt.pred})
			if got := [3]int{r.Dyad.TP, r.Dyad.FP, r.Dyad.FN}; got != tt.dyad {
				t.Errorf("dyad tp/fp/fn = %v, want %v", got, tt.dyad)
			}
			if got := [3]int{r.Strict.TP, r.Strict.FP, r.Strict.FN}; got != tt.strict {
				t.Errorf("strict tp/fp/fn = %v, want %v", got, tt.strict)
			}
			if !near(r.Dyad.Precision, tt.p) || !near(r.Dyad.Recall, tt.r) {
				t.Errorf("dyad P/R = %v/%v, want %v/%v", r.Dyad.Precision, r.Dyad.Recall, tt.p, tt.r)
			}
			if !near(r.Strict.Precision, tt.strictP) || !near(r.Strict.Recall, tt.strictRecl) {
				t.Errorf("strict P/R = %v/%v, want %v/%v", r.Strict.Precision, r.Strict.Recall, tt.strictP, tt.strictRecl)
			}
			if !near(r.NegatedRecall, tt.negRecall) {
				t.Errorf("negated recall = %v, want %v", r.NegatedRecall, tt.negRecall)
			}
			if !near(r.CAMEORootAcc, tt.rootAcc) {
				t.Errorf("root accuracy = %v, want %v", r.CAMEORootAcc, tt.rootAcc)
			}
			if len(r.Docs) != 1 || len(r.Docs[0].Misses) != tt.docMisses {
				t.Errorf("misses = %+v, want %d", r.Docs, tt.docMisses)
			}
		})
	}
}

func TestScoreArithmeticAcrossDocuments(t *testing.T) {
	golds := []GoldDoc{
		{Name: "a", Events: []GoldEvent{
			ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI"),
			ge("AZE", "GOV", "SUPPORT", "051", "MDA", "GOV", "negated"),
			ge("AZE", "GOV", "AGREE", "030", "USA", "GOV", "intend"),
		}},
		{Name: "b", Events: []GoldEvent{ge("RUS", "MIL", "ASSAULT", "190", "UKR", "MIL")}},
		{Name: "c"}, // no gold events: every prediction is an extra
	}
	preds := map[string][]dyad.Event{
		"a": {
			pe("AZE", "GOV", "SUPPORT", "051", "USA", "GOV", false), // dyad hit, strict miss
			pe("AZE", "GOV", "AGREE", "036", "USA", "GOV", false),   // hit
			pe("AZE", "GOV", "CONSULT", "040", "TUR", "GOV", false), // extra
		},
		"b":       {pe("RUS", "MIL", "ASSAULT", "193", "UKR", "MIL", false)}, // hit
		"c":       {pe("FRA", "GOV", "ACCUSE", "111", "DEU", "GOV", false)},  // extra
		"unknown": {pe("FRA", "GOV", "ACCUSE", "111", "DEU", "GOV", false)},  // ignored
	}
	r := Score(golds, preds)
	// dyad: tp 3, fp 2, fn 1 (the negated MDA event).
	if r.Dyad.TP != 3 || r.Dyad.FP != 2 || r.Dyad.FN != 1 {
		t.Fatalf("dyad = %+v", r.Dyad)
	}
	p, rc := 3.0/5, 3.0/4
	if !near(r.Dyad.Precision, p) || !near(r.Dyad.Recall, rc) || !near(r.Dyad.F1, 2*p*rc/(p+rc)) {
		t.Errorf("dyad P/R/F1 = %v %v %v", r.Dyad.Precision, r.Dyad.Recall, r.Dyad.F1)
	}
	// strict: the ELI/GOV mismatch turns one hit into fp + fn.
	if r.Strict.TP != 2 || r.Strict.FP != 3 || r.Strict.FN != 2 {
		t.Errorf("strict = %+v", r.Strict)
	}
	if r.NegatedRecall != 0 || !near(r.CAMEORootAcc, 1) {
		t.Errorf("negated recall %v, root accuracy %v", r.NegatedRecall, r.CAMEORootAcc)
	}
	wantTypes := map[string]TypeScores{
		"SUPPORT": {Precision: 1, Recall: 0.5, F1: 2 * 0.5 / 1.5},
		"AGREE":   {Precision: 1, Recall: 1, F1: 1},
		"CONSULT": {},
		"ASSAULT": {Precision: 1, Recall: 1, F1: 1},
		"ACCUSE":  {},
	}
	if len(r.ByType) != len(wantTypes) {
		t.Errorf("by_type = %v", r.ByType)
	}
	for typ, want := range wantTypes {
		got := r.ByType[typ]
		if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) {
			t.Errorf("%s = %+v, want %+v", typ, got, want)
		}
	}
	if len(r.Docs) != 3 || r.Docs[2].FP != 1 {
		t.Errorf("docs = %+v", r.Docs)
	}

	var buf bytes.Buffer
	r.WriteTable(&buf, true)
	for _, want := range []string{"dyad", "strict", "negated recall: 0.000 (0/1)", "SUPPORT", "missed", "extra", "gold sentence"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestReportJSONShape(t *testing.T) {
	r := Score([]GoldDoc{{Name: "d", Events: []GoldEvent{ge("AZE", "GOV", "SUPPORT", "051", "USA", "ELI")}}}, nil)
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"dyad", "strict", "negated_recall", "cameo_root_acc", "by_type", "docs"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, raw)
		}
	}
	for _, k := range []string{"precision", "recall", "f1", "tp", "fp", "fn"} {
		if _, ok := m["dyad"].(map[string]any)[k]; !ok {
			t.Errorf("dyad lacks %q", k)
		}
	}
	doc := m["docs"].([]any)[0].(map[string]any)
	for _, k := range []string{"doc", "tp", "fp", "fn", "misses"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("doc lacks %q", k)
		}
	}
}

// TestSentenceClass: a sentence's class is its first event's, a statement
// only when nothing else was coded.
func TestSentenceClass(t *testing.T) {
	ev := func(code string) dyad.Event { return dyad.Event{CAMEO: code} }
	tests := []struct {
		events []dyad.Event
		want   string
	}{
		{nil, NoEvent},
		{[]dyad.Event{ev("010")}, "0"},
		{[]dyad.Event{ev("010"), ev("190")}, "4"},
		{[]dyad.Event{ev("042"), ev("010")}, "1"},
		{[]dyad.Event{ev("163")}, "3"},
		{[]dyad.Event{ev("x")}, NoEvent},
		// a refused action is a rejection (12, class 3)
		{[]dyad.Event{{CAMEO: "036", Negated: true}}, "3"},
	}
	for _, tt := range tests {
		if got := sentenceClass(tt.events); got != tt.want {
			t.Errorf("sentenceClass(%v) = %s, want %s", tt.events, got, tt.want)
		}
	}
}
