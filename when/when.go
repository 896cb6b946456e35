// Package when finds the date an event sentence refers to ("on Monday",
// "last week", "on November 3") and tells background from news ("in 2019",
// "during his first term").
//
// Dates are resolved by go-dateparser against the document date, preferring
// the past, as news reports mostly do. The parser is slow (50-250 µs a
// call), so a cheap scan for date words (data/grammar/datewords.txt) comes
// first, only short candidate phrases are given to the parser, and its
// answers are cached per phrase and document date.
package when

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// Tunables for reading dates; see Historical for the two windows.
const (
	// futureCueWindow is how many tokens before a bare weekday or day of the
	// month a future cue ("will", "scheduled") may stand.
	futureCueWindow = 8
	// recentWindow: a date ending no earlier than this before the document
	// date anchors the sentence in the news.
	recentWindow = 14 * 24 * time.Hour
	// backgroundAge: a date ending earlier than this before the document date
	// is background.
	backgroundAge = 90 * 24 * time.Hour
	// cacheLimit bounds the parser cache; it is emptied when full.
	cacheLimit = 1 << 14
)

// Resolver finds event dates in sentences. Build it once with New; it is
// safe for concurrent use.
type Resolver struct {
	lex    *lexicon
	parser *dps.Parser

	mu      sync.RWMutex
	cache   map[cacheKey]date.Date
	noCache bool // for benchmarks of the cold path
}

type cacheKey struct {
	phrase string
	pref   dps.PreferredDateSource
	doc    int64 // document date: Unix seconds of its midnight UTC
}

// New loads the embedded date words.
func New() (*Resolver, error) { return NewFS(data.FS, DateWordsFile) }

// NewFS loads the date words from path in fsys.
func NewFS(fsys fs.FS, path string) (*Resolver, error) {
	lex, err := parseLexicon(fsys, path)
	if err != nil {
		return nil, err
	}
	return &Resolver{lex: lex, parser: &dps.Parser{}, cache: map[cacheKey]date.Date{}}, nil
}

// Found is one date expression in a sentence.
type Found struct {
	Date  string    // "YYYY-MM-DD", "YYYY-MM" or "YYYY"
	Span  dyad.Span // byte offsets of the date words in the sentence (no preposition)
	First time.Time // first and last day the expression covers
	Last  time.Time

	relative bool // named relative to now ("last year"), not by its date
}

// Date returns the first date expression of the sentence, resolved against
// the document date: "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that is
// known, and the byte span of the date words. ok is false when the sentence
// gives no date.
//
// Weeks are reported at the precision the text gives: "last week" is the
// month of last week's Monday..Sunday when that lies in one month, else the
// year (of its Thursday, as ISO weeks do). A bare weekday equal to the
// document's weekday is the document date ("said on Wednesday" in a
// Wednesday paper).
func (r *Resolver) Date(sentence string, docDate time.Time) (string, dyad.Span, bool) {
	var buf [64]token
	toks, anchor := r.lex.scan(sentence, buf[:0])
	if !anchor {
		return "", dyad.Span{}, false
	}
	for _, e := range r.lex.expressions(toks) {
		if f, ok := r.resolve(e, docDate); ok {
			return f.Date, f.Span, true
		}
	}
	return "", dyad.Span{}, false
}

// Dates returns every date expression of the sentence, in text order, so a
// caller can pick the one nearest the event verb.
func (r *Resolver) Dates(sentence string, docDate time.Time) []Found {
	var buf [64]token
	toks, anchor := r.lex.scan(sentence, buf[:0])
	if !anchor {
		return nil
	}
	var out []Found
	for _, e := range r.lex.expressions(toks) {
		if f, ok := r.resolve(e, docDate); ok {
			out = append(out, f)
		}
	}
	return out
}

// Historical reports whether the sentence recalls a past event as
// background rather than reporting news. It is deliberately conservative,
// since a wrong "true" drops a real event:
//
//   - a date within two weeks of the document date (or later) anywhere in the
//     sentence makes it news ("Putin, who annexed Crimea in 2014, said on
//     Monday ...");
//   - otherwise a historical phrase from the date words ("years ago", "during
//     his first term") or a date that ended more than 90 days before the
//     document date ("in 2019", "in March 2022", "two years ago") makes it
//     background; "last year" and "last month" do not, as news often dates
//     recent developments that way.
func (r *Resolver) Historical(sentence string, docDate time.Time) bool {
	var buf [64]token
	toks, anchor := r.lex.scan(sentence, buf[:0])
	background := r.lex.hasHistoricalPhrase(sentence, toks) || yearModifierBefore(sentence, toks, docDate)
	if !anchor && !background {
		return false
	}
	doc := dayOf(docDate)
	old := false
	if anchor {
		for _, e := range r.lex.expressions(toks) {
			f, ok := r.resolve(e, docDate)
			if !ok {
				continue
			}
			if !f.Last.Before(doc.Add(-recentWindow)) {
				return false
			}
			if !f.relative && f.Last.Before(doc.Add(-backgroundAge)) {
				old = true
			}
		}
	}
	return background || old
}

// yearModifierBefore reports whether a phrase of time names a year two or
// more years before the document through the noun it modifies ("during the
// 1967 war", "in the 1994 genocide"): the sentence recalls that time. A year
// that only modifies an object ("accused them of rigging the 2020 election")
// says nothing of when the sentence's action happened.
func yearModifierBefore(s string, toks []token, docDate time.Time) bool {
	word := func(i int) string { return strings.ToLower(s[toks[i].start:toks[i].end]) }
	for i := 2; i+1 < len(toks); i++ {
		t := toks[i]
		if !t.isYear() || t.num > docDate.Year()-2 || toks[i+1].num >= 0 {
			continue
		}
		switch word(i - 1) {
		case "the", "its", "their", "his", "her":
		default:
			continue
		}
		switch word(i - 2) {
		case "during", "in", "throughout":
			return true
		}
	}
	return false
}

// hasHistoricalPhrase matches the historical phrases word by word,
// case-insensitively.
func (l *lexicon) hasHistoricalPhrase(s string, toks []token) bool {
	for i, t := range toks {
		phrases := l.historical[strings.ToLower(s[t.start:t.end])]
	next:
		for _, p := range phrases {
			if i+len(p) > len(toks) {
				continue
			}
			for k, w := range p {
				u := toks[i+k]
				if !strings.EqualFold(s[u.start:u.end], w) {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// expression is a candidate date phrase found by the scanner.
type expression struct {
	first, last int // token range, inclusive
	span        dyad.Span
	phrase      string // what the parser is given
	pref        dps.PreferredDateSource
	unit        string // "week" etc. when the expression names a whole unit
	weekday     int    // a bare weekday (no modifier), for the same-day rule
	relative    bool   // "last year", "this month": never background by age
}

// expressions finds the date phrases in token order; each token belongs to
// at most one. Phrases after an "ongoing" word ("since") and calendar
// dates after a "nameprefix" word ("the Sept. 11 attacks") are left out.
func (l *lexicon) expressions(toks []token) []expression {
	var out []expression
	for i := 0; i < len(toks); i++ {
		e, ok := l.expressionAt(toks, i)
		if !ok {
			continue
		}
		i = e.last
		if e.first > 0 {
			before := toks[e.first-1]
			if before.is(kindOngoing) {
				continue // "since 2014" dates the start of a state, not an event
			}
			if before.is(kindNamePrefix) && (toks[e.first].is(kindMonth) || toks[e.first].num > 0) {
				continue // "the Sept. 11 attacks", "the March 8 alliance"
			}
		}
		e.span = dyad.Span{Start: toks[e.first].start, End: toks[e.last].end}
		out = append(out, e)
	}
	return out
}

func (l *lexicon) expressionAt(toks []token, i int) (expression, bool) {
	t := toks[i]
	prev := func(k int) (token, bool) {
		if i-k < 0 {
			return token{}, false
		}
		return toks[i-k], true
	}
	next := func(k int) (token, bool) {
		if i+k >= len(toks) {
			return token{}, false
		}
		return toks[i+k], true
	}
	pref := l.preference(toks, i)
	switch {
	case t.is(kindRelday):
		switch t.info.relday {
		case -1:
			return expression{first: i, last: i, phrase: "yesterday"}, true
		case 0:
			return expression{first: i, last: i, phrase: "today"}, true
		case 1:
			return expression{first: i, last: i, phrase: "tomorrow"}, true
		}
		return expression{first: i, last: i, phrase: strconv.Itoa(-t.info.relday) + " days ago"}, true

	case t.is(kindModifier):
		n, ok := next(1)
		if !ok {
			return expression{}, false
		}
		switch {
		case n.is(kindWeekday) && n.upper:
			return expression{first: i, last: i + 1, phrase: n.info.name, pref: modifierPref(t.info.modifier)}, true
		case n.is(kindMonth) && n.upper:
			return expression{first: i, last: i + 1, phrase: n.info.name, pref: modifierPref(t.info.modifier)}, true
		case n.is(kindUnit) && n.info.unit != "day" && n.info.unit != "decade" && !n.is(kindAgo):
			if after, ok := next(2); ok && after.is(kindAgo) {
				return expression{}, false // "the last two weeks ago" is not a phrase we read
			}
			return expression{first: i, last: i + 1, phrase: modifierWord(t.info.modifier) + " " + n.info.unit, unit: n.info.unit, relative: true}, true
		}

	case t.is(kindCount) || t.num > 0 && t.digits <= 2:
		n, ok1 := next(1)
		a, ok2 := next(2)
		if ok1 && ok2 && n.is(kindUnit) && a.is(kindAgo) {
			count := t.num
			if t.is(kindCount) {
				count = t.info.count
			}
			unit := n.info.unit
			if unit == "decade" {
				unit, count = "year", count*10
			}
			e := expression{first: i, last: i + 2, phrase: fmt.Sprintf("%d %ss ago", count, unit)}
			if unit != "day" {
				e.unit = unit
			}
			return e, true
		}
		if t.isDay() {
			// "3 November 2023", "3 Nov"
			if n, ok := next(1); ok && n.is(kindMonth) && (n.upper || n.dot) {
				e := expression{first: i, last: i + 1, phrase: fmt.Sprintf("%s %d", n.info.name, t.num), pref: pref}
				if y, ok := next(2); ok && y.isYear() {
					e.last, e.phrase = i+2, fmt.Sprintf("%s %d %d", n.info.name, t.num, y.num)
				}
				return e, true
			}
		}

	case t.is(kindWeekday) && t.upper:
		return expression{first: i, last: i, phrase: t.info.name, pref: pref, weekday: t.info.weekday}, true

	case t.is(kindMonth) && (t.upper || t.dot):
		if d, ok := next(1); ok && d.isDay() {
			e := expression{first: i, last: i + 1, phrase: fmt.Sprintf("%s %d", t.info.name, d.num), pref: pref}
			if y, ok := next(2); ok && y.isYear() {
				e.last, e.phrase = i+2, fmt.Sprintf("%s %d %d", t.info.name, d.num, y.num)
			}
			return e, true
		}
		if y, ok := next(1); ok && y.isYear() {
			return expression{first: i, last: i + 1, phrase: fmt.Sprintf("%s %d", t.info.name, y.num)}, true
		}
		if p, ok := prev(1); ok && p.is(kindMonthPrep) && !p.is(kindModifier) {
			return expression{first: i, last: i, phrase: t.info.name, pref: pref}, true
		}

	case t.isYear():
		if p, ok := prev(1); ok && p.is(kindMonthPrep) && !p.is(kindModifier) {
			return expression{first: i, last: i, phrase: strconv.Itoa(t.num)}, true
		}
	}
	return expression{}, false
}

// preference is Past unless a future cue stands shortly before token i.
func (l *lexicon) preference(toks []token, i int) dps.PreferredDateSource {
	for k := i - 1; k >= 0 && k >= i-futureCueWindow; k-- {
		if toks[k].is(kindFuture) {
			return dps.Future
		}
	}
	return dps.Past
}

func modifierPref(m string) dps.PreferredDateSource {
	switch m {
	case modFuture:
		return dps.Future
	case modCurrent:
		return dps.CurrentPeriod
	}
	return dps.Past
}

// modifierWord is the English word go-dateparser understands for a modifier.
func modifierWord(m string) string {
	switch m {
	case modFuture:
		return "next"
	case modCurrent:
		return "this"
	}
	return "last"
}

// dayOf is the document's calendar day at midnight UTC.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// resolve turns one expression into a date.
func (r *Resolver) resolve(e expression, docDate time.Time) (Found, bool) {
	doc := dayOf(docDate)
	f := Found{Span: e.span, relative: e.relative}
	if e.weekday != 0 && int(doc.Weekday()+6)%7+1 == e.weekday {
		f.First, f.Last = doc, doc
		f.Date = doc.Format(time.DateOnly)
		return f, true
	}
	d, ok := r.parse(e.phrase, e.pref, doc)
	if !ok {
		return Found{}, false
	}
	t := dayOf(d.Time)
	switch {
	case e.unit == "week":
		monday := t.AddDate(0, 0, -(int(t.Weekday()+6) % 7))
		f.First, f.Last = monday, monday.AddDate(0, 0, 6)
		switch thursday := monday.AddDate(0, 0, 3); {
		case f.First.Month() == f.Last.Month():
			f.Date = monday.Format("2006-01")
		default:
			f.Date = strconv.Itoa(thursday.Year())
		}
	case e.unit == "month" || d.Period == date.Month:
		f.First = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		f.Last = f.First.AddDate(0, 1, -1)
		f.Date = t.Format("2006-01")
	case e.unit == "year" || d.Period == date.Year:
		f.First = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		f.Last = time.Date(t.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
		f.Date = strconv.Itoa(t.Year())
	default:
		f.First, f.Last = t, t
		f.Date = t.Format(time.DateOnly)
	}
	return f, true
}

// parse asks go-dateparser, through the cache.
func (r *Resolver) parse(phrase string, pref dps.PreferredDateSource, doc time.Time) (date.Date, bool) {
	key := cacheKey{phrase: phrase, pref: pref, doc: doc.Unix()}
	if !r.noCache {
		r.mu.RLock()
		d, ok := r.cache[key]
		r.mu.RUnlock()
		if ok {
			return d, !d.IsZero()
		}
	}
	cfg := &dps.Configuration{
		Locales:              []string{"en"},
		CurrentTime:          doc,
		DefaultTimezone:      time.UTC,
		PreferredDateSource:  pref,
		PreferredDayOfMonth:  dps.First,
		PreferredMonthOfYear: dps.FirstMonth,
	}
	d, err := r.parser.Parse(cfg, phrase)
	if err != nil {
		d = date.Date{}
	}
	if !r.noCache {
		r.mu.Lock()
		if len(r.cache) >= cacheLimit {
			clear(r.cache)
		}
		r.cache[key] = d
		r.mu.Unlock()
	}
	return d, !d.IsZero()
}
