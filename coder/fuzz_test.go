package coder

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// FuzzCode: any text codes without a panic, and every record's offsets
// point at the words it quotes.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Azerbaijani President Ilham Aliyev did not congratulate Moldovan President Maia Sandu.",
		"“We are determined to deepen our cooperation with the United States,” the letter read.",
		"Russia said Sudan must return the helicopter, and vowed that Iran would pay.",
		"Both sides, who met in Gaza on Monday, refused to meet , , “ ” \" ' ( ) -- ;",
		"China urged both sides to exercise restraint. The warring parties, US and Iraqi troops, were shot and killed.",
		"",
	} {
		f.Add(s)
	}
	c := newCoder(f)
	date := time.Date(2024, 11, 6, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body string) {
		d := dyad.Document{ID: "fuzz", Date: date, Body: body}
		evs, err := c.Code(d)
		if err != nil {
			return
		}
		for _, ev := range evs {
			if got := (dyad.Span{Start: ev.EventStart, End: ev.EventEnd}).In(body); got != ev.EventText {
				t.Fatalf("event span %q != event_text %q", got, ev.EventText)
			}
			for _, e := range append(append([]dyad.Entity{}, ev.Actor...), ev.Recipient...) {
				if got := e.Span().In(body); got != e.Text {
					t.Fatalf("entity span %q != entity_text %q", got, e.Text)
				}
			}
		}
	})
}
