package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// pentaclass reads a CAMEO root as ConfliBERT's five sentence classes. The
// dataset does not document its labels; they follow the CAMEO "pentaclass"
// used with PETRARCH and Phoenix data: 0 neutral statements and appeals
// (01-02), 1 verbal cooperation (03-05), 2 material cooperation (06-08),
// 3 verbal conflict (09-13 and 16, reducing relations), 4 material conflict
// (14-15, 17-20). The labelled examples agree: expelling diplomats, halting
// aid and imposing sanctions (16x) are labelled 3, protests (14x) 4.
func pentaclass(root string) string {
	n, err := strconv.Atoi(root)
	switch {
	case err != nil || n < 1 || n > 20:
		return NoEvent
	case n <= 2:
		return "0"
	case n <= 5:
		return "1"
	case n <= 8:
		return "2"
	case n <= 13 || n == 16:
		return "3"
	default:
		return "4"
	}
}

// sentenceClass is the class of a sentence's first event, a statement (CAMEO
// 01, class 0) only when it has no other: "X said Y attacked Z" is about the
// attack.
func sentenceClass(events []dyad.Event) string {
	class := NoEvent
	for _, e := range events {
		root := ontology.RootOf(e.CAMEO)
		if e.Negated && root != "01" {
			// dyad codes a refused action as the action, negated; CAMEO
			// codes the refusal (12, reject)
			root = "12"
		}
		c := pentaclass(root)
		if c == NoEvent {
			continue
		}
		if root != "01" {
			return c
		}
		if class == NoEvent {
			class = c
		}
	}
	return class
}

// nerSentence is one sentence of cameo_ner: tokens and their BIO tags.
type nerSentence struct {
	tokens, tags []string
}

// conflibertDate stands in for the unknown date of the wire sentences (they
// span the 1980s to 2000s); actor dictionaries with date limits may
// therefore code some leaders by their later role.
var conflibertDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Conflibert scores dyad on ConfliBERT's 451 test sentences
// (dataDir/conflibert_cameo/cameo_class/test.tsv and cameo_ner/test.txt).
//
//   - pentaclass_accuracy: the class of the first event dyad codes in the
//     sentence (by its CAMEO root, see pentaclass; a negated event counts as
//     the rejection CAMEO codes it as, 12) equals the label. No
//     fallback: a sentence without an event counts as wrong (column NONE of
//     the confusion matrix, which here is over the five classes: the data
//     has no PLOVER types). The set is scored with CAMEO 01 statements
//     coded (coder.Options.Statements): they have no PLOVER type but are
//     class 0; a statement counts only when nothing else was coded.
//   - source/target span precision and recall: predicted actor (recipient)
//     spans of all events against the gold S (T) spans of cameo_ner, where
//     a gold R (reciprocal) span counts on both sides. A predicted span is
//     right when it overlaps a gold span of its side (actor words rarely
//     agree exactly: "Powell" vs "U.S. military chief General Colin
//     Powell"). Duplicate spans count once. Sentences whose tokens cannot be
//     located in the text are left out of the span figures.
func Conflibert(dataDir string, code CodeFunc) (SetReport, error) {
	return conflibertSplit(dataDir, "test", code)
}

// ConflibertTrain scores the 1,349 training sentences the same way. Develop
// on this split and report on the test split, so the reported figure is not
// tuned to the sentences it is measured on.
func ConflibertTrain(dataDir string, code CodeFunc) (SetReport, error) {
	return conflibertSplit(dataDir, "train", code)
}

func conflibertSplit(dataDir, split string, code CodeFunc) (SetReport, error) {
	base := filepath.Join(dataDir, "conflibert_cameo")
	classPath := filepath.Join(base, "cameo_class", split+".tsv")
	nerPath := filepath.Join(base, "cameo_ner", split+".txt")
	rows, err := readClassTSV(classPath)
	if err != nil {
		return SetReport{}, err
	}
	ner, err := readNER(nerPath)
	if err != nil {
		return SetReport{}, err
	}
	name := "conflibert"
	if split != "test" {
		name += "-" + split
	}
	rep := SetReport{Set: name, Confusion: newConfusion("0", "1", "2", "3", "4", NoEvent)}
	var classOK, covered, spanSentences int
	var src, tgt spanTally
	for i, row := range rows {
		rep.Records++
		d := dyad.Document{ID: fmt.Sprintf("conflibert-%s-%d", split, i+1), Date: conflibertDate, Body: row.text, Origin: fmt.Sprintf("%s:%d", classPath, row.line)}
		events := codeSafely(code, d, &rep.Errors)
		pred := sentenceClass(events)
		if len(events) > 0 {
			covered++
		}
		rep.Confusion.add(row.label, pred)
		if pred == row.label {
			classOK++
		} else {
			rep.Misses = append(rep.Misses, RecordMiss{ID: d.ID, Gold: row.label, Pred: pred, Text: row.text})
		}
		s, ok := ner[squeeze(row.text)]
		if !ok {
			continue
		}
		goldS, goldT, ok := bioSpans(row.text, s)
		if !ok {
			continue
		}
		spanSentences++
		var predS, predT []dyad.Span
		for _, e := range events {
			predS = appendSpans(predS, e.Actor)
			predT = appendSpans(predT, e.Recipient)
		}
		src.add(predS, goldS)
		tgt.add(predT, goldT)
	}
	rep.Figures = []Figure{
		figure("pentaclass_accuracy", classOK, rep.Records),
		figure("coverage", covered, rep.Records),
		figure("source_precision", src.predHit, src.pred),
		figure("source_recall", src.goldHit, src.gold),
		figure("target_precision", tgt.predHit, tgt.pred),
		figure("target_recall", tgt.goldHit, tgt.gold),
		figure("span_sentences", spanSentences, rep.Records),
	}
	rep.Notes = []string{
		"pentaclass labels read as the CAMEO pentaclass: 0 CAMEO 01-02, 1 03-05, 2 06-08, 3 09-13 and 16, 4 14-15 and 17-20 (inferred, undocumented); no event = wrong",
		"spans: overlap with a gold span of the same side; R spans count as source and target",
	}
	return rep, nil
}

type classRow struct {
	text, label string
	line        int
}

func readClassTSV(path string) ([]classRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conflibert: %w", err)
	}
	defer f.Close()
	var rows []classRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text, label, ok := strings.Cut(strings.TrimRight(sc.Text(), "\r"), "\t")
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		label = strings.TrimSpace(label)
		if !ok || len(label) != 1 || label < "0" || label > "4" {
			return nil, fmt.Errorf("%s:%d: want sentence<TAB>label 0-4", path, line)
		}
		rows = append(rows, classRow{text: text, label: label, line: line})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conflibert: read %s: %w", path, err)
	}
	return rows, nil
}

// readNER reads CoNLL "token tag" lines, blank-line separated, keyed by the
// sentence's characters without white space (the join key with test.tsv).
func readNER(path string) (map[string]nerSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conflibert: %w", err)
	}
	defer f.Close()
	out := map[string]nerSentence{}
	var cur nerSentence
	flush := func() {
		if len(cur.tokens) > 0 {
			out[strings.Join(cur.tokens, "")] = cur
		}
		cur = nerSentence{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		switch len(fields) {
		case 0:
			flush()
		case 2:
			cur.tokens = append(cur.tokens, fields[0])
			cur.tags = append(cur.tags, fields[1])
		default:
			return nil, fmt.Errorf("%s:%d: want \"token tag\"", path, line)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conflibert: read %s: %w", path, err)
	}
	return out, nil
}

// squeeze drops white space, so a text and its tokens can be joined.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// bioSpans locates each BIO-tagged token in text and returns the byte spans
// of the source and target mentions (R mentions in both). ok is false when
// a token cannot be found in order.
func bioSpans(text string, s nerSentence) (src, tgt []dyad.Span, ok bool) {
	pos := 0
	var cur *dyad.Span
	var curRole string
	closeSpan := func() {
		if cur == nil {
			return
		}
		if curRole == "S" || curRole == "R" {
			src = append(src, *cur)
		}
		if curRole == "T" || curRole == "R" {
			tgt = append(tgt, *cur)
		}
		cur = nil
	}
	for i, tok := range s.tokens {
		at := strings.Index(text[pos:], tok)
		if at < 0 {
			return nil, nil, false
		}
		start := pos + at
		pos = start + len(tok)
		prefix, role, _ := strings.Cut(s.tags[i], "-")
		switch {
		case prefix == "B" || (prefix == "I" && (cur == nil || role != curRole)):
			closeSpan()
			cur, curRole = &dyad.Span{Start: start, End: pos}, role
		case prefix == "I":
			cur.End = pos
		default:
			closeSpan()
		}
	}
	closeSpan()
	return src, tgt, true
}

func appendSpans(spans []dyad.Span, es []dyad.Entity) []dyad.Span {
	for _, e := range es {
		sp := e.Span()
		if sp.Len() > 0 && !containsSpan(spans, sp) {
			spans = append(spans, sp)
		}
	}
	return spans
}

func containsSpan(spans []dyad.Span, s dyad.Span) bool {
	for _, x := range spans {
		if x == s {
			return true
		}
	}
	return false
}

// spanTally counts overlap matches between predicted and gold spans.
type spanTally struct{ pred, predHit, gold, goldHit int }

func (t *spanTally) add(pred, gold []dyad.Span) {
	overlapsAny := func(s dyad.Span, set []dyad.Span) bool {
		for _, x := range set {
			if s.Overlaps(x) {
				return true
			}
		}
		return false
	}
	for _, p := range pred {
		t.pred++
		if overlapsAny(p, gold) {
			t.predHit++
		}
	}
	for _, g := range gold {
		t.gold++
		if overlapsAny(g, pred) {
			t.goldHit++
		}
	}
}
