package http

import (
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// The roles a highlighted span can play; each has its own colour (and its
// own underline style, for readers who do not tell the colours apart).
const (
	roleActor     = "actor"
	roleEvent     = "event"
	roleRecipient = "recipient"
)

// roleOrder is the order roles are named in a class list and a tooltip.
var roleOrder = []string{roleActor, roleEvent, roleRecipient}

// roleCounts says how many spans of each role the text has, for the legend.
type roleCounts struct{ Actor, Event, Recipient int }

type roleSpan struct {
	dyad.Span
	role    string
	mention string
}

// highlight returns body as HTML with every actor, event-words and
// recipient span of events wrapped in a <mark> naming its roles. Spans may
// overlap (one entity is the actor of one event and the recipient of the
// next), so the text is cut at every span boundary and each piece is marked
// with all the roles that cover it. Spans of the selected mention also get
// the class "sel". Spans that do not fit the body, or cut a UTF-8
// character, are left out: a bad offset must not garble the page. All text
// is escaped.
func highlight(body string, events []dyad.Event, selected string) (template.HTML, roleCounts) {
	var spans []roleSpan
	var counts roleCounts
	add := func(start, end int, role, mention string) {
		if start < 0 || end > len(body) || start >= end ||
			!boundary(body, start) || !boundary(body, end) {
			return
		}
		spans = append(spans, roleSpan{dyad.Span{Start: start, End: end}, role, mention})
		switch role {
		case roleActor:
			counts.Actor++
		case roleEvent:
			counts.Event++
		case roleRecipient:
			counts.Recipient++
		}
	}
	for _, e := range events {
		for _, a := range e.Actor {
			add(a.Start, a.End, roleActor, e.ID)
		}
		add(e.EventStart, e.EventEnd, roleEvent, e.ID)
		for _, r := range e.Recipient {
			add(r.Start, r.End, roleRecipient, e.ID)
		}
	}

	cuts := []int{0, len(body)}
	for _, s := range spans {
		cuts = append(cuts, s.Start, s.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var b strings.Builder
	b.Grow(len(body) + 64*len(spans))
	for i := 0; i+1 < len(cuts); i++ {
		piece := dyad.Span{Start: cuts[i], End: cuts[i+1]}
		var roles []string
		sel := false
		for _, s := range spans {
			if s.Contains(piece) {
				if !slices.Contains(roles, s.role) {
					roles = append(roles, s.role)
				}
				sel = sel || (selected != "" && s.mention == selected)
			}
		}
		text := template.HTMLEscapeString(piece.In(body))
		if len(roles) == 0 {
			b.WriteString(text)
			continue
		}
		slices.SortFunc(roles, func(x, y string) int {
			return slices.Index(roleOrder, x) - slices.Index(roleOrder, y)
		})
		b.WriteString(`<mark class="hl`)
		for _, r := range roles {
			b.WriteString(" hl-" + r)
		}
		if sel {
			b.WriteString(" sel")
		}
		b.WriteString(`" title="`)
		b.WriteString(strings.Join(roles, ", "))
		b.WriteString(`">`)
		b.WriteString(text)
		b.WriteString(`</mark>`)
	}
	// Every piece of body was escaped above; the only markup is ours. A
	// body's leading line breaks would show as blank lines in the
	// pre-wrapped text; no span covers them (a span starts at a word).
	out := strings.TrimLeft(b.String(), "\r\n")
	return template.HTML(out), counts
}

// boundary reports whether offset i of s starts a character (or is its end).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
