package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

type petrSentence struct {
	Date     string       `xml:"date,attr"`
	ID       string       `xml:"id,attr"`
	Category string       `xml:"category,attr"`
	Codings  []petrCoding `xml:"EventCoding"`
	Text     string       `xml:"Text"`
}

type petrCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Event    string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

// petrTriple is (source code, target code, CAMEO code) as PETRARCH writes
// them ("ARNGOV", "GON", "064").
type petrTriple struct{ source, target, code string }

// PetrarchUnit runs dyad, with its own dictionaries, over the 284 legacy
// PETRARCH unit-test records (dataDir/petrarch2/PETR.UnitTest.records.xml).
// The records use fictional actors (Arnor, Gondor, ...) from PETRARCH's test
// dictionaries, so dyad is expected to miss most actors: the figure measures
// the gap, not a target.
//
// A predicted event gives one triple per actor x recipient: the entity's
// CAMEO actor code (else its country code; "" for none) and the event's
// CAMEO code. Per record:
//   - record_pass: the predicted triples equal the expected ones exactly;
//     records expecting no events (noevents, or an error such as a discard)
//     pass when dyad codes nothing. PETRARCH2 passes 90 of 284 by its own
//     rules, which also check the same things;
//   - expected_found: every expected triple is among the predicted ones
//     (extras allowed).
//
// Per expected coding: source_found, target_found and code_found (some
// predicted triple has that field) and triple_found. The confusion matrix
// maps expected CAMEO codes to PLOVER types through the ontology and takes
// the prediction from the event with the same source, else the first event.
func PetrarchUnit(dataDir string, code CodeFunc) (SetReport, error) {
	path := filepath.Join(dataDir, "petrarch2", "PETR.UnitTest.records.xml")
	f, err := os.Open(path)
	if err != nil {
		return SetReport{}, fmt.Errorf("petrarch-unit: %w", err)
	}
	defer f.Close()
	sentences, err := readPetrarchRecords(f)
	if err != nil {
		return SetReport{}, fmt.Errorf("petrarch-unit: %s: %w", path, err)
	}
	onto := ontology.Default()
	rep := SetReport{Set: "petrarch-unit", Confusion: newConfusion(dyad.PLOVERTypes...)}
	rep.Confusion.Labels = append(rep.Confusion.Labels, NoEvent)
	var pass, found, codings, srcOK, tgtOK, codeOK, tripleOK int
	for _, s := range sentences {
		rep.Records++
		date, _ := time.Parse("20060102", strings.TrimSpace(s.Date))
		d := dyad.Document{ID: s.ID, Date: date, Body: strings.Join(strings.Fields(s.Text), " "), Origin: path + ":" + s.ID}
		events := codeSafely(code, d, &rep.Errors)
		predicted := map[petrTriple]bool{}
		for _, e := range events {
			for _, a := range sides(e.Actor) {
				for _, r := range sides(e.Recipient) {
					predicted[petrTriple{actorCode(a), actorCode(r), e.CAMEO}] = true
				}
			}
		}
		expected := map[petrTriple]bool{}
		for _, c := range s.Codings {
			if c.Event == "" {
				continue // noevents or error: nothing expected
			}
			expected[petrTriple{strings.TrimSpace(c.Source), strings.TrimSpace(c.Target), strings.TrimSpace(c.Event)}] = true
		}
		allFound := true
		for t := range expected {
			codings++
			hitS, hitT, hitC := false, false, false
			for p := range predicted {
				hitS = hitS || p.source == t.source
				hitT = hitT || p.target == t.target
				hitC = hitC || p.code == t.code
			}
			srcOK += b2i(hitS)
			tgtOK += b2i(hitT)
			codeOK += b2i(hitC)
			if predicted[t] {
				tripleOK++
			} else {
				allFound = false
			}
			gold := "?" // a code the ontology does not know
			if c, ok := onto.Lookup(t.code); ok && c.Type != "" {
				gold = c.Type
			} else if c, ok := onto.Lookup(ontology.RootOf(t.code)); ok && c.Type != "" {
				gold = c.Type
			}
			rep.Confusion.add(gold, petrPredType(events, t.source))
		}
		found += b2i(allFound)
		if len(predicted) == len(expected) && allFound {
			pass++
		}
	}
	rep.Figures = []Figure{
		figure("record_pass", pass, rep.Records),
		figure("expected_found", found, rep.Records),
		figure("source_found", srcOK, codings),
		figure("target_found", tgtOK, codings),
		figure("code_found", codeOK, codings),
		figure("triple_found", tripleOK, codings),
	}
	rep.Notes = []string{"fictional actors from PETRARCH's test dictionaries; dyad codes with its own dictionaries"}
	return rep, nil
}

// readPetrarchRecords decodes every <Sentence> element, wherever it sits.
func readPetrarchRecords(r io.Reader) ([]petrSentence, error) {
	dec := xml.NewDecoder(r)
	var out []petrSentence
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Sentence" {
			var s petrSentence
			if err := dec.DecodeElement(&s, &se); err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no <Sentence> records")
	}
	return out, nil
}

// actorCode is the code PETRARCH would print for an entity: its CAMEO
// actor code, else country code plus sector, with "---" standing for an
// unknown country and for no actor at all (PETRARCH's "---" target).
func actorCode(e dyad.Entity) string {
	if e.CAMEO != "" {
		return e.CAMEO
	}
	c := e.Code
	if c == "" {
		c = "---"
	}
	if e.Sector != "" && e.Sector != e.Code {
		c += e.Sector
	}
	return c
}

// petrPredType is the PLOVER type of the event whose actor has source, else
// of the first event, else NoEvent.
func petrPredType(events []dyad.Event, source string) string {
	for _, e := range events {
		for _, a := range e.Actor {
			if actorCode(a) == source {
				return e.Type
			}
		}
	}
	if len(events) > 0 && events[0].Type != "" {
		return events[0].Type
	}
	return NoEvent
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
