package eval

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func noEvents(dyad.Document) ([]dyad.Event, error) { return nil, nil }

// usaEvent codes every document as "USA consults IGO" with spans on the
// first word, to exercise the scoring paths.
func usaEvent(d dyad.Document) ([]dyad.Event, error) {
	end := strings.IndexByte(d.Body, ' ')
	if end < 0 {
		end = len(d.Body)
	}
	return []dyad.Event{{
		Actor:     []dyad.Entity{{Code: "USA", Sector: "GOV", CAMEO: "USAGOV", Start: 0, End: end}},
		Recipient: []dyad.Entity{{Code: "UNO", Sector: "IGO", CAMEO: "IGOUNO"}},
		Type:      "CONSULT", CAMEO: "040",
	}}, nil
}

func TestPloverGSR(t *testing.T) {
	data := filepath.Join(sharedDir(t), "data")
	rep, err := PloverGSR(data, noEvents)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 322 {
		t.Errorf("records = %d, want 322", rep.Records)
	}
	if f, _ := rep.Figure("type_accuracy"); f.Num != 0 || f.Den != 322 {
		t.Errorf("type_accuracy = %+v", f)
	}
	if f, _ := rep.Figure("mode_accuracy"); f.Den == 0 {
		t.Errorf("mode_accuracy = %+v, want records with modes", f)
	}
	if got := rep.Confusion.Counts["REQUEST"][NoEvent]; got != 34 {
		t.Errorf("DEMAND records mapped to REQUEST: %d, want 34", got)
	}
	rep, err = PloverGSR(data, usaEvent)
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := rep.Figure("type_accuracy"); f.Num != 11 { // the CONSULT records
		t.Errorf("type_accuracy with an always-CONSULT coder = %+v, want 11", f)
	}
	var buf bytes.Buffer
	rep.WriteTable(&buf)
	if !strings.Contains(buf.String(), "type_accuracy") || !strings.Contains(buf.String(), "CONS") {
		t.Errorf("table:\n%s", buf.String())
	}
}

func TestConflibert(t *testing.T) {
	data := filepath.Join(sharedDir(t), "data")
	rep, err := Conflibert(data, usaEvent)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 451 {
		t.Errorf("records = %d, want 451", rep.Records)
	}
	if f, _ := rep.Figure("pentaclass_accuracy"); f.Num != 80 { // every sentence read as class 1
		t.Errorf("pentaclass_accuracy = %+v, want 80/451", f)
	}
	if f, _ := rep.Figure("span_sentences"); f.Num < 440 {
		t.Errorf("only %d sentences joined with their NER tags", f.Num)
	}
	if f, _ := rep.Figure("source_precision"); f.Den == 0 || f.Num == 0 {
		t.Errorf("source_precision = %+v", f)
	}
}

func TestPetrarchUnit(t *testing.T) {
	data := filepath.Join(sharedDir(t), "data")
	rep, err := PetrarchUnit(data, noEvents)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 284 {
		t.Errorf("records = %d, want 284", rep.Records)
	}
	f, _ := rep.Figure("record_pass")
	if f.Num == 0 || f.Num > 40 {
		t.Errorf("record_pass with no events = %+v: want only the no-event records", f)
	}
	if f, _ := rep.Figure("triple_found"); f.Den < 300 || f.Num != 0 {
		t.Errorf("triple_found = %+v", f)
	}
}

func TestBIOSpans(t *testing.T) {
	text := "U.S. chief Colin Powell met  NATO and Serbian army."
	s := nerSentence{
		tokens: []string{"U.S.", "chief", "Colin", "Powell", "met", "NATO", "and", "Serbian", "army", "."},
		tags:   []string{"B-S", "I-S", "I-S", "I-S", "O", "B-R", "O", "B-T", "I-T", "O"},
	}
	src, tgt, ok := bioSpans(text, s)
	if !ok {
		t.Fatal("tokens not found")
	}
	var gotS, gotT []string
	for _, sp := range src {
		gotS = append(gotS, sp.In(text))
	}
	for _, sp := range tgt {
		gotT = append(gotT, sp.In(text))
	}
	if strings.Join(gotS, "|") != "U.S. chief Colin Powell|NATO" || strings.Join(gotT, "|") != "NATO|Serbian army" {
		t.Errorf("src %q tgt %q", gotS, gotT)
	}
	if _, _, ok := bioSpans("other text", s); ok {
		t.Error("bioSpans found tokens that are not there")
	}
}

func TestPentaclass(t *testing.T) {
	for root, want := range map[string]string{"01": "0", "02": "0", "03": "1", "05": "1", "06": "2", "08": "2", "09": "3", "13": "3", "16": "3", "14": "4", "15": "4", "17": "4", "20": "4", "": NoEvent, "21": NoEvent} {
		if got := pentaclass(root); got != want {
			t.Errorf("pentaclass(%q) = %q, want %q", root, got, want)
		}
	}
}

func TestSeedGold(t *testing.T) {
	golds, errs := ReadGoldDir(filepath.Join(sharedDir(t), "examples", "seed"))
	if len(errs) > 0 || len(golds) != 1 {
		t.Fatalf("seed: %v %v", golds, errs)
	}
	aze := dyad.Entity{Code: "AZE", Sector: "GOV"}
	preds := map[string][]dyad.Event{golds[0].Name: {
		{Actor: []dyad.Entity{aze}, Recipient: []dyad.Entity{{Code: "USA", Sector: "GOV"}}, Type: "SUPPORT", CAMEO: "051"},
		{Actor: []dyad.Entity{aze}, Recipient: []dyad.Entity{{Code: "MDA", Sector: "GOV"}}, Type: "SUPPORT", CAMEO: "051", Negated: true},
		{Actor: []dyad.Entity{aze}, Recipient: []dyad.Entity{{Code: "USA", Sector: "GOV"}}, Type: "AGREE", CAMEO: "036"},
	}}
	r := Score(golds, preds)
	if r.Dyad.Precision != 1 || r.Dyad.Recall != 1 || r.NegatedRecall != 1 {
		t.Errorf("dyad = %+v negated %v", r.Dyad, r.NegatedRecall)
	}
	// Trump is ELI in the strict key: the GOV prediction is a strict miss.
	if r.Strict.TP != 2 || r.Strict.FN != 1 {
		t.Errorf("strict = %+v", r.Strict)
	}
}

func FuzzBIOSpans(f *testing.F) {
	f.Add("U.S. chief met NATO.", "U.S. chief met NATO .", "B-S I-S O B-T O")
	f.Fuzz(func(t *testing.T, text, tokens, tags string) {
		tok, tg := strings.Fields(tokens), strings.Fields(tags)
		if len(tok) != len(tg) {
			return
		}
		src, tgt, ok := bioSpans(text, nerSentence{tokens: tok, tags: tg})
		if !ok {
			return
		}
		for _, s := range append(src, tgt...) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("span %+v outside %q", s, text)
			}
		}
	})
}

func FuzzReadPetrarchRecords(f *testing.F) {
	f.Add(`<Sentences><Sentence date="19950101" id="A-1"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/><Text>Arnor meets Gondor.</Text></Sentence></Sentences>`)
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = readPetrarchRecords(strings.NewReader(s))
	})
}
