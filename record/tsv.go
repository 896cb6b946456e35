package record

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// tsvColumns are the TSV header, in order; the README explains each one.
// The first nineteen follow GDELT 2.0's event table, the rest are dyad's.
var tsvColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
	"QuadClass", "GoldsteinScale", "NumMentions",
	"PloverType", "PloverMode", "PloverContext", "Negated", "Aux",
	"Actor1Text", "Actor2Text", "QuoteSpeaker",
	"EventText", "EventStart", "EventEnd",
	"DocID", "DocDay", "Sentence", "SentenceStart", "SentenceEnd", "SentenceText",
}

// tsvWriter writes a header line and then one line per event, each in a
// single Write.
type tsvWriter struct {
	w             io.Writer
	headerWritten bool
	closed        bool
}

func newTSV(w io.Writer) Writer { return &tsvWriter{w: w} }

func (t *tsvWriter) Write(e dyad.Event) error {
	if t.closed {
		return errClosed
	}
	if err := t.writeHeader(); err != nil {
		return err
	}
	if _, err := io.WriteString(t.w, tsvLine(tsvFields(e))); err != nil {
		return fmt.Errorf("write event %s: %w", e.ID, err)
	}
	return nil
}

// Close writes the header if no event did, so that even an empty result
// is a well-formed table.
func (t *tsvWriter) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	return t.writeHeader()
}

func (t *tsvWriter) writeHeader() error {
	if t.headerWritten {
		return nil
	}
	t.headerWritten = true
	if _, err := io.WriteString(t.w, tsvLine(tsvColumns)); err != nil {
		return fmt.Errorf("write TSV header: %w", err)
	}
	return nil
}

func tsvLine(fields []string) string {
	for i, f := range fields {
		fields[i] = OneLine(f)
	}
	return strings.Join(fields, "\t") + "\n"
}

// tsvFields returns the columns of tsvColumns for one event.
func tsvFields(e dyad.Event) []string {
	day := gdeltDay(e.Date)
	a1, a2 := actorColumns(e.Actor), actorColumns(e.Recipient)
	speaker := ""
	if e.Quote != nil {
		speaker = actorName(e.Quote.Speaker)
	}
	return []string{
		e.ID, day, day[:min(6, len(day))], day[:min(4, len(day))],
		a1.codes, a1.names, a1.countries, a1.sectors,
		a2.codes, a2.names, a2.countries, a2.sectors,
		boolDigit(e.TextInfo.Sentence == 0), e.CAMEO, e.CAMEO[:min(3, len(e.CAMEO))], e.CAMEO[:min(2, len(e.CAMEO))],
		strconv.Itoa(e.QuadCode), strconv.FormatFloat(e.Goldstein, 'f', -1, 64), "1",
		e.Type, e.Mode, strings.Join(e.Context, ","), boolDigit(e.Negated), e.Aux,
		a1.texts, a2.texts, speaker,
		e.EventText, strconv.Itoa(e.EventStart), strconv.Itoa(e.EventEnd),
		e.Doc, gdeltDay(e.DocDate), strconv.Itoa(e.TextInfo.Sentence),
		strconv.Itoa(e.TextInfo.Start), strconv.Itoa(e.TextInfo.End), e.Text,
	}
}

// actorCells are the TSV cells of one side of an event; several actors are
// joined with ";".
type actorCells struct{ codes, names, countries, sectors, texts string }

func actorColumns(es []dyad.Entity) actorCells {
	join := func(get func(dyad.Entity) string) string {
		parts := make([]string, len(es))
		for i, e := range es {
			// A ";" inside a value would read as a second actor.
			parts[i] = strings.ReplaceAll(get(e), ";", ",")
		}
		return strings.Join(parts, ";")
	}
	return actorCells{
		codes:     join(func(e dyad.Entity) string { return e.CAMEO }),
		names:     join(actorName),
		countries: join(func(e dyad.Entity) string { return e.Code }),
		sectors:   join(func(e dyad.Entity) string { return e.Sector }),
		texts:     join(func(e dyad.Entity) string { return e.Text }),
	}
}

// gdeltDay turns a YYYY-MM-DD, YYYY-MM or YYYY date into GDELT's YYYYMMDD,
// with 00 for an unknown month or day ("2024-11" -> "20241100"). Anything
// else is passed through without its dashes.
func gdeltDay(date string) string {
	digits := strings.ReplaceAll(date, "-", "")
	switch {
	case len(date) == 4 && len(digits) == 4:
		return digits + "0000"
	case len(date) == 7 && len(digits) == 6:
		return digits + "00"
	}
	return digits
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
