// Package reactions finds who reacted to a person or country after a
// trigger (an election, a leader's death, a disaster, an attack), how
// quickly and in what words, and who refused or stayed silent, from the
// events in a store.
//
// A reaction is a stored mention whose CAMEO code is of the asked kind
// (kinds.tsv) and whose recipient is the target: for a country or
// organisation, any entity with its code; for a person, that person, or
// their country as a state ("congratulated Moldova" counts for Moldova's
// president). Reactions are counted per country: the actor's code, so a
// foreign ministry or a spokesperson speaks for its state.
package reactions

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/store"
)

// Query says whose reactions to find, and of what kind.
type Query struct {
	// To is the target: a country or organisation code ("MDA"), or a name
	// the knowledge base resolves as of Since ("Maia Sandu", "Moldova").
	To string
	// Since and Until bound the event dates, inclusive; zero is open.
	// Delays are counted in days from Since.
	Since, Until time.Time
	// Kind is a kind of Kinds; "" is AnyKind.
	Kind string
	// Expected are the country codes to report on. nil means every state
	// with a head of state or government in the knowledge base on Since
	// (today when Since is zero), plus any other code that reacted.
	Expected []string
}

// Status is what a country did.
type Status string

const (
	Reacted  Status = "reacted"  // a matching event
	Declined Status = "declined" // only negated matching events
	Silent   Status = "silent"   // nothing in the window
)

// Report is the answer to a Query.
type Report struct {
	To        dyad.Entity `json:"to"`
	Since     string      `json:"since,omitempty"`
	Until     string      `json:"until,omitempty"`
	Kind      string      `json:"kind"`
	Reactions []Reaction  `json:"reactions"`
}

// Reaction is one expected country's status. For Reacted, FirstDate,
// DelayDays, Actor and Evidence are those of its first reaction, and
// DeclinedDate is set when it had declined before. For Declined, Actor and
// Evidence are those of its first refusal.
type Reaction struct {
	Country      string       `json:"country"`
	Status       Status       `json:"status"`
	FirstDate    string       `json:"first_date,omitempty"`
	DelayDays    *int         `json:"delay_days,omitempty"`
	DeclinedDate string       `json:"declined_date,omitempty"`
	Actor        *dyad.Entity `json:"actor,omitempty"`
	Evidence     []Evidence   `json:"evidence,omitempty"`
}

// Evidence is a sentence that reports a reaction or a refusal.
type Evidence struct {
	Doc      string `json:"doc"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
}

// maxEvidence bounds the sentences quoted for one country.
const maxEvidence = 3

// ErrUnknownTarget is returned (wrapped) when Query.To names nothing the
// knowledge base knows.
var ErrUnknownTarget = errors.New("unknown target")

// stateSectors are the recipient sectors under which a country stands for
// its leaders: a bare country name, its government, its elite.
var stateSectors = map[string]bool{"": true, "GOV": true, "ELI": true}

// Target is a resolved Query.To.
type Target struct {
	dyad.Entity
	// Person is set when the target is a person: reactions to them or to
	// their country as a state count.
	Person bool
	// countryName is the name a recipient entity has when it is the
	// target's country itself rather than someone in it.
	countryName string
}

// Resolve resolves a --to value as of date: an upper-case code of a
// country or organisation, else a name found by the knowledge base (a
// person, a country or an organisation).
func Resolve(k *kb.KB, to string, date time.Time) (Target, error) {
	to = strings.TrimSpace(to)
	if to == "" {
		return Target{}, fmt.Errorf("%w: empty name", ErrUnknownTarget)
	}
	if kb.IsCode(to) {
		if t, ok := codeTarget(k, to, to); ok {
			return t, nil
		}
	}
	var best kb.Mention
	found := false
	for _, m := range k.NewResolver(date).Find(to, dyad.Span{Start: 0, End: len(to)}) {
		if m.Code == "" || m.Kind == kb.Generic {
			continue
		}
		if !found || m.End-m.Start > best.End-best.Start {
			best, found = m, true
		}
	}
	// A name must be the whole value: "Maia Sandu's party" is not Sandu.
	if !found || best.End-best.Start < len(to)/2 {
		return Target{}, fmt.Errorf("%w %q: not a country or organisation code, nor a name the knowledge base knows", ErrUnknownTarget, to)
	}
	if best.Kind != kb.Person {
		if t, ok := codeTarget(k, best.Code, to); ok {
			return t, nil
		}
	}
	e := best.Entity
	e.Text, e.Start, e.End = to, 0, 0
	t := Target{Entity: e, Person: best.Kind == kb.Person}
	t.countryName, _ = k.CountryName(e.Code)
	return t, nil
}

// codeTarget is the target for a country or organisation code.
func codeTarget(k *kb.KB, code, text string) (Target, bool) {
	if name, ok := k.CountryName(code); ok {
		return Target{Entity: dyad.Entity{Text: text, Name: name, Code: code, CAMEO: code}, countryName: name}, true
	}
	if name, sector, ok := k.OrganisationName(code); ok {
		return Target{Entity: dyad.Entity{Text: text, Name: name, Code: code, Sector: sector, CAMEO: kb.CAMEOCode(code, sector)}, countryName: name}, true
	}
	return Target{}, false
}

// matches reports whether a recipient entity is the target.
func (t Target) matches(r dyad.Entity) bool {
	if r.Code != t.Code {
		return false
	}
	if !t.Person {
		return true
	}
	if strings.EqualFold(r.Name, t.Name) {
		return true
	}
	// Someone else of the same country is not the target; the country
	// itself, as a state, is.
	isState := r.Name == "" || r.Name == t.countryName
	return isState && stateSectors[r.Sector]
}

// Compute finds the reactions q asks for in st.
func Compute(ctx context.Context, st store.Store, k *kb.KB, kinds *Kinds, q Query) (Report, error) {
	kind := cmp.Or(q.Kind, AnyKind)
	if !kinds.Has(kind) {
		return Report{}, fmt.Errorf("unknown kind %q (want one of %s)", kind, strings.Join(kinds.Names(), ", "))
	}
	if !q.Until.IsZero() && q.Until.Before(q.Since) {
		return Report{}, fmt.Errorf("until %s is before since %s", day(q.Until), day(q.Since))
	}
	asOf := q.Since
	if asOf.IsZero() {
		asOf = time.Now().UTC().Truncate(24 * time.Hour)
	}
	target, err := Resolve(k, q.To, asOf)
	if err != nil {
		return Report{}, err
	}
	rep := Report{To: target.Entity, Since: day(q.Since), Until: day(q.Until), Kind: kind}

	found, err := collect(ctx, st, kinds, kind, target, q)
	if err != nil {
		return Report{}, err
	}
	expected := q.Expected
	if expected == nil {
		expected = k.StatesWithLeaders(asOf)
		for code := range found {
			expected = append(expected, code)
		}
	}
	seen := map[string]bool{target.Code: true} // no self-reactions
	for _, code := range expected {
		code = strings.ToUpper(strings.TrimSpace(code))
		if code == "" || seen[code] {
			continue
		}
		seen[code] = true
		rep.Reactions = append(rep.Reactions, found[code].reaction(code, q.Since))
	}
	sortReactions(rep.Reactions)
	if rep.Reactions == nil {
		rep.Reactions = []Reaction{}
	}
	return rep, nil
}

// first is the earliest matching mention of one polarity, with the
// sentences that report it on that day.
type first struct {
	date     string
	actor    dyad.Entity
	evidence []Evidence
}

// note keeps the earliest date's mentions.
func (f *first) note(date string, actor dyad.Entity, ev dyad.Event) {
	switch {
	case f.date == "" || date < f.date:
		*f = first{date: date, actor: actor}
	case date > f.date:
		return
	}
	e := Evidence{Doc: ev.Doc, Sentence: ev.TextInfo.Sentence, Text: ev.Text}
	if len(f.evidence) < maxEvidence && !slices.Contains(f.evidence, e) {
		f.evidence = append(f.evidence, e)
	}
}

// record is what one country did in the window.
type record struct {
	reacted, declined first
}

func (r *record) reaction(code string, since time.Time) Reaction {
	out := Reaction{Country: code, Status: Silent}
	if r == nil {
		return out
	}
	pick := &r.declined
	switch {
	case r.reacted.date != "":
		out.Status, out.FirstDate, pick = Reacted, r.reacted.date, &r.reacted
		if !since.IsZero() {
			t, err1 := time.Parse(dyad.DateLayout, r.reacted.date)
			s, err2 := time.Parse(dyad.DateLayout, day(since))
			if err1 == nil && err2 == nil {
				d := int(t.Sub(s).Hours() / 24)
				out.DelayDays = &d
			}
		}
		// A refusal counts only when it came first: one after a
		// reaction is a report's mistake or a later change of tone.
		if r.declined.date != "" && r.declined.date <= r.reacted.date {
			out.DeclinedDate = r.declined.date
		}
	case r.declined.date != "":
		out.Status, out.DeclinedDate = Declined, r.declined.date
	}
	actor := pick.actor
	out.Actor, out.Evidence = &actor, pick.evidence
	return out
}

// collect reads the mentions aimed at the target in the window and keeps,
// per actor country, the first reaction and the first refusal.
func collect(ctx context.Context, st store.Store, kinds *Kinds, kind string, target Target, q Query) (map[string]*record, error) {
	f := store.Filter{Recipient: target.Code, From: day(q.Since), To: day(q.Until)}
	since, until := day(q.Since), day(q.Until)
	found := map[string]*record{}
	for ev, err := range st.Mentions(ctx, f) {
		if err != nil {
			return nil, fmt.Errorf("read the store: %w", err)
		}
		if !kinds.Match(kind, ev.CAMEO) || ev.Aux == dyad.AuxHypothetical || ev.Aux == dyad.AuxHistorical {
			continue
		}
		if !slices.ContainsFunc(ev.Recipient, target.matches) {
			continue
		}
		date := cmp.Or(ev.Date, ev.DocDate)
		if since != "" && date < since || until != "" && date > until {
			continue
		}
		for _, a := range ev.Actor {
			if a.Code == "" || a.Code == target.Code {
				continue
			}
			r := found[a.Code]
			if r == nil {
				r = &record{}
				found[a.Code] = r
			}
			if ev.Negated {
				r.declined.note(date, a, ev)
			} else {
				r.reacted.note(date, a, ev)
			}
		}
	}
	return found, nil
}

// sortReactions puts reactions first, by date, then refusals, by date, then
// silences, each by country code.
func sortReactions(rs []Reaction) {
	rank := map[Status]int{Reacted: 0, Declined: 1, Silent: 2}
	slices.SortStableFunc(rs, func(a, b Reaction) int {
		return cmp.Or(
			cmp.Compare(rank[a.Status], rank[b.Status]),
			cmp.Compare(a.FirstDate, b.FirstDate),
			cmp.Compare(a.DeclinedDate, b.DeclinedDate),
			cmp.Compare(a.Country, b.Country))
	})
}

// day formats a date, "" for zero.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dyad.DateLayout)
}
