package coder

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/kb"
)

// datelineCountry reads a wire dateline ("KYIV, March 11 (Reuters) -",
// "NAIROBI (AP) —", "Tokyo, May 24:") at the start of the body and returns
// the country of its place, or "". A story filed from a place is mostly
// about that country, so actors named without a country ("police",
// "protesters") are taken to be from there when the sentence and the
// story so far do not say otherwise.
func (c *Coder) datelineCountry(d dyad.Document) string {
	body := strings.TrimLeft(d.Body, " \t\r\n")
	end := strings.IndexAny(body, ",(—–:-\n")
	if end <= 0 || end > 40 {
		return ""
	}
	place := strings.TrimSpace(body[:end])
	// a dateline is one to three capitalised words, usually in capitals
	words := strings.Fields(place)
	if len(words) == 0 || len(words) > 3 {
		return ""
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
	}
	probe := titleCase(place)
	for _, m := range c.kb.NewResolver(d.Date).Find(probe, dyad.Span{Start: 0, End: len(probe)}) {
		if m.Start == 0 && m.End == len(probe) && m.Code != "" && (m.Kind == kb.Country || m.Place) {
			return m.Code
		}
	}
	return ""
}

// titleCase turns "NEW DELHI" into "New Delhi", leaving "Tokyo" alone.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.ToUpper(w) != w {
			continue
		}
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
