package http

import (
	"context"
	_ "embed"
	"errors"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/reactions"
	"github.com/dyad-events/dyad/store"
)

// Paging limits of /api/events.
const (
	DefaultPerPage = 50
	MaxPerPage     = 500
	// maxOffset bounds how deep a page may be: deeper pages cost a scan
	// of everything before them; narrow the filters instead.
	maxOffset = 100_000
)

// Limits of the other list endpoints.
const (
	defaultActors   = 10
	maxActors       = 100
	defaultEdges    = 100
	maxEdges        = 2000
	maxParamLen     = 500 // any one query parameter, in bytes
	maxIDLen        = 1000
	goldsteinDigits = 3 // decimals of the mean Goldstein values
)

// Event is an event as the API returns it: the store's event record (its
// first mention, mentions, sources, first_seen, last_seen) and event_id,
// which GET /api/events/{id} takes. event_id is the record id of the
// event's representative mention; any mention's id finds the event too.
type Event struct {
	store.Event
	EventID string `json:"event_id"`
}

func apiEvent(e store.Event) Event {
	e.Event = e.WithEmptyLists()
	if e.Sources == nil {
		e.Sources = []string{}
	}
	return Event{Event: e, EventID: e.ID}
}

// EventList is the answer of GET /api/events.
type EventList struct {
	Events  []Event `json:"events"`
	Page    int     `json:"page"`
	PerPage int     `json:"per_page"`
	Total   int     `json:"total"` // -1 when counting would cost too much
	Next    bool    `json:"next"`
}

// EventDetail is the answer of GET /api/events/{id}.
type EventDetail struct {
	Event    Event        `json:"event"`
	Mentions []dyad.Event `json:"mentions"`
}

// Doc is the answer of GET /api/docs/{id}: the text and every event
// coded from it, whose actor, recipient and event_start/event_end offsets
// are byte offsets into text.
type Doc struct {
	ID     string       `json:"id"`
	Date   string       `json:"date"`
	Title  string       `json:"title"`
	URL    string       `json:"url"`
	Source string       `json:"source"`
	Text   string       `json:"text"`
	Events []dyad.Event `json:"events"`
}

// Health is the answer of GET /healthz.
type Health struct {
	Status    string `json:"status"`
	Documents int    `json:"documents"`
	Events    int    `json:"events"`
}

// Bin is one bar of a timeline.
type Bin struct {
	Date      string   `json:"date"` // the day, or the Monday of the week
	Quad      [4]int   `json:"quad"` // events of quad classes 1-4
	Goldstein *float64 `json:"goldstein"`
	Events    int      `json:"events"`
}

// Node and Edge make the actor network.
type Node struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Events int    `json:"events"` // events it takes part in, as actor or recipient
}

type Edge struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Weight    int     `json:"weight"`
	Goldstein float64 `json:"goldstein"` // mean
}

// Network is the answer of GET /api/network.
type Network struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// queryContext bounds one read request's work in the store.
func queryContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), queryTimeout)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := queryContext(r)
	defer cancel()
	c, err := s.st.Counts(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, Health{Status: "ok", Documents: c.Documents, Events: c.Events})
}

// params reads query parameters, checking that each is given at most once
// and is not too long.
type params struct {
	v   url.Values
	err error
}

func newParams(r *http.Request) *params {
	return &params{v: r.URL.Query()}
}

func (p *params) str(name string) string {
	vs := p.v[name]
	switch {
	case p.err != nil || len(vs) == 0:
		return ""
	case len(vs) > 1:
		p.err = badf("%s: given %d times", name, len(vs))
		return ""
	case len(vs[0]) > maxParamLen:
		p.err = badf("%s: longer than %d bytes", name, maxParamLen)
		return ""
	case !utf8.ValidString(vs[0]) || strings.ContainsRune(vs[0], 0):
		p.err = badf("%s: not valid UTF-8 text", name)
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// int reads an integer in [lo, hi], def when absent.
func (p *params) int(name string, def, lo, hi int) int {
	v := p.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		if p.err == nil {
			p.err = badf("%s: want a whole number from %d to %d, not %q", name, lo, hi, v)
		}
		return def
	}
	return n
}

func (p *params) date(name string) string {
	v := p.str(name)
	if v == "" {
		return ""
	}
	if _, err := time.Parse(dyad.DateLayout, v); err != nil && p.err == nil {
		p.err = badf("%s: bad date %q (want YYYY-MM-DD)", name, v)
	}
	return v
}

func (p *params) oneOf(name, def string, allowed []string) string {
	v := p.str(name)
	if v == "" {
		return def
	}
	if !slices.Contains(allowed, v) && p.err == nil {
		p.err = badf("%s: %q is not one of %s", name, v, strings.Join(allowed, ", "))
	}
	return v
}

// filter reads the event filters: actor, recipient, type, cameo, from, to,
// negated, text.
func (p *params) filter() store.Filter {
	f := store.Filter{
		Actor:     p.str("actor"),
		Recipient: p.str("recipient"),
		CAMEO:     p.str("cameo"),
		From:      p.date("from"),
		To:        p.date("to"),
		Text:      p.str("text"),
	}
	if t := p.str("type"); t != "" {
		f.Type = strings.ToUpper(t)
		if !slices.Contains(dyad.PLOVERTypes, f.Type) && p.err == nil {
			p.err = badf("type: unknown PLOVER type %q (want one of %s)", t, strings.Join(dyad.PLOVERTypes, " "))
		}
	}
	for _, r := range f.CAMEO {
		if (r < '0' || r > '9') && p.err == nil {
			p.err = badf("cameo: %q is not a CAMEO code prefix (digits only)", f.CAMEO)
		}
	}
	if n := p.str("negated"); n != "" {
		b, err := strconv.ParseBool(n)
		if err != nil && p.err == nil {
			p.err = badf("negated: want true or false, not %q", n)
		}
		f.Negated = &b
	}
	if f.From != "" && f.To != "" && f.To < f.From && p.err == nil {
		p.err = badf("to %s is before from %s", f.To, f.From)
	}
	return f
}

// textError turns the failure of a query with a full-text part into a
// 400 when the database cannot parse that part (SQLite FTS5 syntax), which
// is the client's to fix.
func (s *Server) textError(ctx context.Context, f store.Filter, err error) error {
	if f.Text == "" || ctx.Err() != nil {
		return err
	}
	if cerr := s.st.CheckText(ctx, f.Text); errors.Is(cerr, store.ErrBadText) {
		return badf("text: %q is not a valid full-text query (put words with special characters in double quotes)", f.Text)
	}
	return err
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := p.filter()
	sort := p.oneOf("sort", "date", store.Sorts)
	page := p.int("page", 1, 1, math.MaxInt32)
	perPage := p.int("per_page", DefaultPerPage, 1, MaxPerPage)
	if p.err == nil && (page-1)*perPage > maxOffset {
		p.err = badf("page: at most %d events can be skipped; narrow the filters", maxOffset)
	}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	ctx, cancel := queryContext(r)
	defer cancel()
	evs, more, err := s.st.EventPage(ctx, f, store.Page{Sort: sort, Offset: (page - 1) * perPage, Limit: perPage})
	if err != nil {
		s.fail(w, r, s.textError(ctx, f, err))
		return
	}
	total, err := s.st.CountEvents(ctx, f)
	if err != nil {
		s.fail(w, r, s.textError(ctx, f, err))
		return
	}
	out := EventList{Events: make([]Event, len(evs)), Page: page, PerPage: perPage, Total: total, Next: more}
	for i, e := range evs {
		out.Events[i] = apiEvent(e)
	}
	writeJSON(w, http.StatusOK, out)
}

// pathID reads the {id} of a path, checking it.
func pathID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	switch {
	case strings.TrimSpace(id) == "":
		return "", badf("empty id")
	case len(id) > maxIDLen:
		return "", badf("id longer than %d bytes", maxIDLen)
	case !utf8.ValidString(id) || strings.ContainsRune(id, 0):
		return "", badf("id is not valid UTF-8 text")
	}
	return id, nil
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := queryContext(r)
	defer cancel()
	ev, mentions, err := s.st.EventByID(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range mentions {
		mentions[i] = mentions[i].WithEmptyLists()
	}
	writeJSON(w, http.StatusOK, EventDetail{Event: apiEvent(ev), Mentions: mentions})
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := queryContext(r)
	defer cancel()
	d, mentions, err := s.st.Document(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range mentions {
		mentions[i] = mentions[i].WithEmptyLists()
	}
	out := Doc{ID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Text: d.Body, Events: mentions}
	if !d.Date.IsZero() {
		out.Date = d.Date.Format(dyad.DateLayout)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	q := p.str("q")
	limit := p.int("limit", defaultActors, 1, maxActors)
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	ctx, cancel := queryContext(r)
	defer cancel()
	actors, err := s.st.Actors(ctx, q, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// A bare code gets its name from the knowledge base, when it has one.
	for i, a := range actors {
		if a.Name == "" {
			actors[i].Name = s.codeName(a.Code)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"actors": actors})
}

// codeName names a country or organisation code; "" when the knowledge
// base does not know it (or there is none).
func (s *Server) codeName(code string) string {
	if s.opts.KB == nil {
		return ""
	}
	if name, ok := s.opts.KB.CountryName(code); ok {
		return name
	}
	if name, _, ok := s.opts.KB.OrganisationName(code); ok {
		return name
	}
	return ""
}

func (s *Server) reactions(w http.ResponseWriter, r *http.Request) {
	if s.opts.KB == nil || s.opts.Kinds == nil || s.opts.Groups == nil {
		writeError(w, http.StatusServiceUnavailable, "reactions are not available: the server has no knowledge base, reaction kinds or country groups")
		return
	}
	p := newParams(r)
	var q reactions.Query
	q.To = p.str("to")
	since, until := p.date("since"), p.date("until")
	q.Kind = p.oneOf("kind", reactions.AnyKind, s.opts.Kinds.Names())
	expected := p.str("expected")
	if expected == "" {
		expected = "all"
	}
	if p.err == nil && q.To == "" {
		p.err = badf("to: required (a name such as \"Maia Sandu\" or a code such as MDA)")
	}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	q.Since, _ = time.Parse(dyad.DateLayout, since)
	q.Until, _ = time.Parse(dyad.DateLayout, until)
	if !q.Until.IsZero() && q.Until.Before(q.Since) {
		s.fail(w, r, badf("until %s is before since %s", until, since))
		return
	}
	asOf := q.Since
	if asOf.IsZero() {
		asOf = time.Now().UTC().Truncate(24 * time.Hour)
	}
	target, err := reactions.Resolve(s.opts.KB, q.To, asOf)
	if err != nil {
		s.fail(w, r, badf("to: %v", err))
		return
	}
	if q.Expected, err = s.opts.Groups.ExpandAt(expected, target.Code, q.Since); err != nil {
		s.fail(w, r, badf("expected: %v", err))
		return
	}
	ctx, cancel := queryContext(r)
	defer cancel()
	rep, err := reactions.Compute(ctx, s.st, s.opts.KB, s.opts.Kinds, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := p.filter()
	bin := p.oneOf("bin", "day", []string{"day", "week"})
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	ctx, cancel := queryContext(r)
	defer cancel()
	days, err := s.st.Timeline(ctx, f)
	if err != nil {
		s.fail(w, r, s.textError(ctx, f, err))
		return
	}
	bins := []Bin{}
	sums := []float64{}
	for _, d := range days {
		date := d.Date
		if bin == "week" {
			date = monday(d.Date)
		}
		if len(bins) == 0 || bins[len(bins)-1].Date != date {
			bins = append(bins, Bin{Date: date})
			sums = append(sums, 0)
		}
		b := &bins[len(bins)-1]
		for i := range b.Quad {
			b.Quad[i] += d.Quad[i]
		}
		b.Events += d.Events
		sums[len(sums)-1] += d.Goldstein
	}
	for i := range bins {
		if bins[i].Events > 0 {
			mean := round(sums[i] / float64(bins[i].Events))
			bins[i].Goldstein = &mean
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"bins": bins})
}

// monday returns the Monday of the ISO week of a YYYY-MM-DD date.
func monday(date string) string {
	t, err := time.Parse(dyad.DateLayout, date)
	if err != nil {
		return date
	}
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	return t.AddDate(0, 0, -back).Format(dyad.DateLayout)
}

func round(x float64) float64 {
	p := math.Pow(10, goldsteinDigits)
	return math.Round(x*p) / p
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := p.filter()
	minWeight := p.int("min", 1, 1, math.MaxInt32)
	limit := p.int("limit", defaultEdges, 1, maxEdges)
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	ctx, cancel := queryContext(r)
	defer cancel()
	dyads, err := s.st.Dyads(ctx, f)
	if err != nil {
		s.fail(w, r, s.textError(ctx, f, err))
		return
	}
	// A node's events count every dyad it is in, kept as an edge or not;
	// an event within one country counts once for it.
	involved := map[string]int{}
	for _, d := range dyads {
		involved[d.Actor] += d.Events
		if d.Recipient != d.Actor {
			involved[d.Recipient] += d.Events
		}
	}
	out := Network{Nodes: []Node{}, Edges: []Edge{}}
	seen := map[string]bool{}
	addNode := func(code string) {
		if seen[code] {
			return
		}
		seen[code] = true
		label := s.codeName(code)
		if label == "" {
			label = code
		}
		out.Nodes = append(out.Nodes, Node{ID: code, Label: label, Events: involved[code]})
	}
	// Dyads come most events first.
	for _, d := range dyads {
		if d.Events < minWeight || len(out.Edges) >= limit {
			break
		}
		out.Edges = append(out.Edges, Edge{Source: d.Actor, Target: d.Recipient, Weight: d.Events, Goldstein: round(d.Goldstein / float64(d.Events))})
		addNode(d.Actor)
		addNode(d.Recipient)
	}
	writeJSON(w, http.StatusOK, out)
}

//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPIDoc)
}

// errNoDocuments is a POST body without a document.
var errNoDocuments = errors.New("no documents in the body")
