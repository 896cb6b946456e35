package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// gsrRecord is one record of PLOVER_GSR_CAMEO.json (PLOVER 0.5b1 keys).
type gsrRecord struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
	Event  string          `json:"event"`
	Mode   string          `json:"mode"`
	Text   string          `json:"text"`
	// TextInfo is an object whose markup brackets the record's words
	// ("(SRC/TAR: ...)" marks the members of a reciprocal event), or a
	// stray string in a few records.
	TextInfo json.RawMessage `json:"textInfo"`
}

// reciprocal reports whether the record codes a reciprocal event. The
// records list every member of one in source and leave target empty.
func (r gsrRecord) reciprocal() bool {
	var info struct {
		Markup string `json:"markup"`
	}
	return json.Unmarshal(r.TextInfo, &info) == nil && strings.Contains(info.Markup, "SRC/TAR")
}

// gsrSides reduces a predicted event to the record's source and target code
// sets. The records list a reciprocal event's members in source and leave
// target empty, where dyad lists the members on both sides ("A and B
// agreed": A,B -> A,B); one reciprocal record ("(SRC/TAR: A) telephoned
// (SRC/TAR: B)") compares all participants, whichever side dyad put them on.
func gsrSides(e dyad.Event, reciprocal bool) (src, tgt string) {
	src, tgt = codeSet(entityCodes(e.Actor)), codeSet(entityCodes(e.Recipient))
	if reciprocal || (len(e.Actor) > 1 && sameEntities(e.Actor, e.Recipient)) {
		return codeSet(append(entityCodes(e.Actor), entityCodes(e.Recipient)...)), ""
	}
	return src, tgt
}

// sameEntities reports whether a and b list the same entities.
func sameEntities(a, b []dyad.Entity) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

type gsrActor struct {
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// gsrActors decodes a source/target field: a list of actors, or null, ""
// or some other stray value for none.
func gsrActors(raw json.RawMessage) []string {
	var actors []gsrActor
	if json.Unmarshal(raw, &actors) != nil {
		return nil
	}
	var codes []string
	for _, a := range actors {
		codes = append(codes, strings.ToUpper(strings.TrimSpace(a.Code)))
	}
	return codes
}

// gsrNewType maps PLOVER 0.5 event types to today's sixteen.
var gsrNewType = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"INVESTIGATE": "ACCUSE",
	"FIGHT":       "ASSAULT",
}

// gsrType is the PLOVER type of an event as the GSR records code it. dyad
// codes a refused or absent action as that action with negated true (the
// gold-format rule); the PLOVER 0.5 records code it as a REJECT.
func gsrType(e dyad.Event) string {
	if e.Negated {
		return "REJECT"
	}
	return e.Type
}

// PloverGSR scores dyad on the 322 PLOVER gold-standard records
// (dataDir/plover_gsr_cameo/PLOVER_GSR_CAMEO.json), one sentence each.
//
// Each record is coded as its own document. Of the events dyad returns, the
// one compared is the one agreeing most with the record (type first, then
// actor codes, then recipient codes; the earliest on ties), so a sentence
// that yields several events is not penalised for the order they come in.
// Figures:
//   - type_accuracy: that event's PLOVER type (REJECT for a negated event,
//     see gsrType) equals the record's, with 0.5
//     types mapped (DEMAND->REQUEST, DISAPPROVE and INVESTIGATE->ACCUSE,
//     FIGHT->ASSAULT); no event counts as wrong;
//   - full_record_accuracy: type right and the set of actor codes and the set
//     of recipient codes equal the record's source and target codes (codes
//     compared as countryKey does: an ISO country, or one IGO/non-state
//     class; reciprocal events compared as gsrSides says);
//   - mode_accuracy: over records with a non-empty mode, equal modes (the
//     records use 0.5 modes, so this is a rough figure);
//   - coverage: records with at least one event.
func PloverGSR(dataDir string, code CodeFunc) (SetReport, error) {
	path := filepath.Join(dataDir, "plover_gsr_cameo", "PLOVER_GSR_CAMEO.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return SetReport{}, fmt.Errorf("plover-gsr: %w", err)
	}
	var records []gsrRecord
	if err := json.Unmarshal(raw, &records); err != nil {
		return SetReport{}, fmt.Errorf("plover-gsr: %s: invalid JSON: %w", path, err)
	}
	rep := SetReport{Set: "plover-gsr", Confusion: newConfusion(dyad.PLOVERTypes...)}
	rep.Confusion.Labels = append(rep.Confusion.Labels, NoEvent)
	var typeOK, fullOK, modeOK, modeN, covered int
	for _, rec := range records {
		if rec.Event == "DOCUMENT" || rec.Text == "" {
			continue // the file's header record
		}
		rep.Records++
		gold := strings.ToUpper(rec.Event)
		if t, ok := gsrNewType[gold]; ok {
			gold = t
		}
		src, tgt := codeSet(gsrActors(rec.Source)), codeSet(gsrActors(rec.Target))
		date, _ := time.Parse(dyad.DateLayout, rec.Date)
		events := codeSafely(code, dyad.Document{ID: rec.ID, Date: date, Body: rec.Text, Origin: path}, &rep.Errors)
		if len(events) > 0 {
			covered++
		}
		best, bestScore := -1, -1
		for i, e := range events {
			s := 0
			if gsrType(e) == gold {
				s += 4
			}
			ps, pt := gsrSides(e, rec.reciprocal())
			if ps == src {
				s += 2
			}
			if pt == tgt {
				s++
			}
			if s > bestScore {
				best, bestScore = i, s
			}
		}
		pred, predSrc, predTgt := NoEvent, "", ""
		if best >= 0 {
			pred = gsrType(events[best])
			predSrc, predTgt = gsrSides(events[best], rec.reciprocal())
		}
		rep.Confusion.add(gold, pred)
		if pred == gold {
			typeOK++
			if bestScore == 7 {
				fullOK++
			}
		}
		if pred != gold || bestScore != 7 {
			// The miss shows both sides' codes, so a record with the right
			// type but the wrong actors is listed too.
			rep.Misses = append(rep.Misses, RecordMiss{ID: rec.ID,
				Gold: fmt.Sprintf("%s %s>%s", gold, src, tgt),
				Pred: fmt.Sprintf("%s %s>%s", pred, predSrc, predTgt), Text: rec.Text})
		}
		if m := strings.TrimSpace(rec.Mode); m != "" {
			modeN++
			if best >= 0 && events[best].Mode == m {
				modeOK++
			}
		}
	}
	rep.Figures = []Figure{
		figure("type_accuracy", typeOK, rep.Records),
		figure("full_record_accuracy", fullOK, rep.Records),
		figure("mode_accuracy", modeOK, modeN),
		figure("coverage", covered, rep.Records),
	}
	rep.Notes = []string{"records are edited CAMEO-manual examples coded in PLOVER 0.5b1; old types mapped to today's sixteen"}
	return rep, nil
}
