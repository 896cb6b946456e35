package http

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/reactions"
	"github.com/dyad-events/dyad/store"
)

// defaultPerPage is how many events the table shows: a laptop screen and a
// little scrolling.
const defaultPerPage = 25

// column is a column of the event table. Key is the API's sort value
// ("-key" sorts descending) when the store can sort by it.
type column struct {
	Label, Key string
	Link       string // the URL that sorts by this column (toggling the direction)
	Sort       string // aria-sort: "ascending", "descending" or ""
	Numeric    bool
	Sortable   bool // the store can sort by it (store.Sorts)
}

type eventsPage struct {
	Events        []Event
	Columns       []column
	Total         int // -1 when the API did not count
	More          bool
	Page, PerPage int
	First, Last   int // the rows shown, 1-based
	PrevURL       string
	NextURL       string
	TimelineURL   string // the dyad timeline of the filter's actor and recipient
	HasDyad       bool
}

var eventColumns = []struct {
	label, key string
	numeric    bool
}{
	{"Date", "date", false},
	{"Actor", "actor", false},
	{"Event", "event", false},
	{"Recipient", "recipient", false},
	{"CAMEO", "cameo", false},
	{"Goldstein", "goldstein", true},
	{"Mentions", "mentions", true},
}

// events is the event table: the filter's events, paged and sortable.
func (ui *explorer) events(w http.ResponseWriter, r *http.Request) {
	v := ui.newView(r, "Events", "events")
	q := r.URL.Query()
	sortKey := strings.TrimSpace(q.Get("sort"))
	page := atoiOr(q.Get("page"), 1)
	perPage := min(atoiOr(q.Get("per_page"), defaultPerPage), 200)

	apiQ := v.Filter.Values()
	if sortKey != "" {
		apiQ.Set("sort", sortKey)
	}
	apiQ.Set("page", strconv.Itoa(page))
	apiQ.Set("per_page", strconv.Itoa(perPage))
	var ans EventList
	if err := ui.get(r.Context(), "/api/events", apiQ, &ans); err != nil {
		v.Data = eventsPage{Columns: ui.columns(v.Filter, sortKey, perPage)}
		ui.fail(w, r, "events.html", v, err)
		return
	}
	p := eventsPage{
		Events: ans.Events, Total: ans.Total,
		Page: cmp.Or(ans.Page, page), PerPage: cmp.Or(ans.PerPage, perPage),
		Columns: ui.columns(v.Filter, sortKey, perPage),
	}
	if len(p.Events) > 0 {
		p.First = (p.Page-1)*p.PerPage + 1
		p.Last = p.First + len(p.Events) - 1
	}
	p.More = ans.Next
	link := func(n int) string {
		lq := v.Filter.Values()
		if sortKey != "" {
			lq.Set("sort", sortKey)
		}
		if n > 1 {
			lq.Set("page", strconv.Itoa(n))
		}
		if perPage != defaultPerPage {
			lq.Set("per_page", strconv.Itoa(perPage))
		}
		return withQuery("/events", lq)
	}
	if p.Page > 1 {
		p.PrevURL = link(p.Page - 1)
	}
	if ans.Next {
		p.NextURL = link(p.Page + 1)
	}
	if v.Filter.Actor != "" || v.Filter.Recipient != "" {
		p.HasDyad = true
		p.TimelineURL = v.Filter.Link("/timeline")
	}
	v.Data = p
	ui.render(w, r, http.StatusOK, "events.html", v)
}

// columns builds the sortable headers: a click sorts by the column, a
// second click reverses it. Paging restarts at page one.
func (ui *explorer) columns(f filter, sortKey string, perPage int) []column {
	cols := make([]column, 0, len(eventColumns))
	for _, c := range eventColumns {
		col := column{Label: c.label, Key: c.key, Numeric: c.numeric, Sortable: slices.Contains(store.Sorts, c.key)}
		if !col.Sortable {
			cols = append(cols, col)
			continue
		}
		next := c.key
		switch cmp.Or(sortKey, "date") { // the API's default order
		case c.key:
			col.Sort, next = "ascending", "-"+c.key
		case "-" + c.key:
			col.Sort = "descending"
		}
		lq := f.Values()
		lq.Set("sort", next)
		if perPage != defaultPerPage {
			lq.Set("per_page", strconv.Itoa(perPage))
		}
		col.Link = withQuery("/events", lq)
		cols = append(cols, col)
	}
	return cols
}

type docPage struct {
	Doc      Doc
	Body     template.HTML // the text with the highlights
	Selected string        // the mention shown first (?mention=ID)
	Mentions []docMention
	Roles    roleCounts
}

type docMention struct {
	ID, Type, CAMEO, Actor, Recipient, EventText, Link string
	Sentence                                           int
	Negated, Selected                                  bool
	Goldstein                                          float64
}

// document shows one document with the actors, event words and
// recipients of its events highlighted, and the list of its events.
func (ui *explorer) document(w http.ResponseWriter, r *http.Request) {
	v := ui.newView(r, "Document", "")
	id := r.PathValue("id")
	selected := r.URL.Query().Get("mention")
	var ans Doc
	if err := ui.get(r.Context(), "/api/docs/"+url.PathEscape(id), nil, &ans); err != nil {
		v.Data = docPage{Doc: Doc{ID: id}}
		ui.fail(w, r, "doc.html", v, err)
		return
	}
	body, roles := highlight(ans.Text, ans.Events, selected)
	p := docPage{Doc: ans, Body: body, Selected: selected, Roles: roles}
	for _, e := range ans.Events {
		p.Mentions = append(p.Mentions, docMention{
			ID: e.ID, Type: e.Type, CAMEO: e.CAMEO, Actor: entityNames(e.Actor), Recipient: entityNames(e.Recipient),
			EventText: e.EventText, Sentence: e.TextInfo.Sentence, Negated: e.Negated, Goldstein: e.Goldstein,
			Selected: e.ID != "" && e.ID == selected,
			Link:     docLink(ans.ID, e.ID),
		})
	}
	if ans.Title != "" {
		v.Title = ans.Title
	} else {
		v.Title = "Document " + ans.ID
	}
	v.Data = p
	ui.render(w, r, http.StatusOK, "doc.html", v)
}

type chartPage struct {
	Source   string // the API URL the chart script fetches
	Bins     timelineAnswer
	Network  Network
	TopEdges int
	Bin      string
	DayURL   string
	WeekURL  string
	Min      string
	Limit    string
}

// timeline is the dyad timeline: events by quad class and mean Goldstein
// per day or week, drawn by app.js from /api/timeline; the page also lists
// the bins as a table, for keyboards, screen readers and no-script readers.
func (ui *explorer) timeline(w http.ResponseWriter, r *http.Request) {
	v := ui.newView(r, "Timeline", "timeline")
	bin := r.URL.Query().Get("bin")
	if bin != "day" {
		bin = "week"
	}
	q := v.Filter.Values()
	q.Set("bin", bin)
	p := chartPage{Source: withQuery("/api/timeline", q), Bin: bin, WeekURL: v.Filter.Link("/timeline")}
	dq := v.Filter.Values()
	dq.Set("bin", "day")
	p.DayURL = withQuery("/timeline", dq)
	v.Data = p
	if err := ui.get(r.Context(), "/api/timeline", q, &p.Bins); err != nil {
		ui.fail(w, r, "timeline.html", v, err)
		return
	}
	v.Data = p
	ui.render(w, r, http.StatusOK, "timeline.html", v)
}

// network is the actor graph, drawn by app.js from /api/network, with the
// heaviest edges listed as a table of links below it.
func (ui *explorer) network(w http.ResponseWriter, r *http.Request) {
	v := ui.newView(r, "Network", "network")
	qs := r.URL.Query()
	q := v.Filter.Values()
	p := chartPage{Min: strings.TrimSpace(qs.Get("min")), Limit: strings.TrimSpace(qs.Get("limit"))}
	if p.Min != "" {
		q.Set("min", p.Min)
	}
	if p.Limit != "" {
		q.Set("limit", p.Limit)
	}
	p.Source = withQuery("/api/network", q)
	v.Data = p
	if err := ui.get(r.Context(), "/api/network", q, &p.Network); err != nil {
		ui.fail(w, r, "network.html", v, err)
		return
	}
	slices.SortStableFunc(p.Network.Edges, func(a, b Edge) int {
		return cmp.Compare(b.Weight, a.Weight)
	})
	p.TopEdges = min(len(p.Network.Edges), 30)
	v.Data = p
	ui.render(w, r, http.StatusOK, "network.html", v)
}

type reactionsPage struct {
	To, Since, Until, Kind, Expected string
	Kinds, ExpectedChoices           []string
	Asked                            bool
	TargetName, TargetCode           string
	Groups                           []reactionGroup
}

type reactionGroup struct {
	Status string
	Rows   []reactionRow
}

type reactionRow struct {
	Country, Status, FirstDate, DeclinedDate, Actor, DelayClass, EventsURL string
	Delay                                                                  string
	Evidence                                                               []evidenceLink
}

type evidenceLink struct{ URL, Doc, Text string }

// statusOrder is the order of the matrix: who reacted (fastest first), who
// declined, who said nothing.
var statusOrder = []string{string(reactions.Reacted), string(reactions.Declined), string(reactions.Silent)}

// reactions is the reactions matrix: for each expected country, whether
// and how fast it reacted to the target, with links to the evidence.
func (ui *explorer) reactions(w http.ResponseWriter, r *http.Request) {
	v := ui.newView(r, "Reactions", "reactions")
	// The reactions form has its own parameters ("to" is the target, not
	// the end date), so the filter bar starts empty here.
	v.Filter = filter{}
	qs := r.URL.Query()
	get := func(k string) string { return strings.TrimSpace(qs.Get(k)) }
	p := reactionsPage{
		To: get("to"), Since: get("since"), Until: get("until"), Kind: cmp.Or(get("kind"), "any"),
		Expected: cmp.Or(get("expected"), "all"), Kinds: ui.reactionKinds(), ExpectedChoices: expectedChoices(),
	}
	v.Data = p
	if p.To == "" {
		ui.render(w, r, http.StatusOK, "reactions.html", v)
		return
	}
	p.Asked = true
	q := url.Values{"to": {p.To}, "kind": {p.Kind}, "expected": {p.Expected}}
	if p.Since != "" {
		q.Set("since", p.Since)
	}
	if p.Until != "" {
		q.Set("until", p.Until)
	}
	var ans reactions.Report
	if err := ui.get(r.Context(), "/api/reactions", q, &ans); err != nil {
		v.Data = p
		ui.fail(w, r, "reactions.html", v, err)
		return
	}
	p.TargetName, p.TargetCode = ans.To.Name, ans.To.Code
	byStatus := map[string][]reactionRow{}
	for _, re := range ans.Reactions {
		status := string(re.Status)
		row := reactionRow{Country: re.Country, Status: status, FirstDate: re.FirstDate, DeclinedDate: re.DeclinedDate}
		if re.Actor != nil {
			row.Actor = cmp.Or(re.Actor.Name, re.Actor.Text)
		}
		if re.DelayDays != nil {
			d := *re.DelayDays
			row.Delay = strconv.Itoa(d)
			switch {
			case d <= 1:
				row.DelayClass = "delay-fast"
			case d <= 3:
				row.DelayClass = "delay-mid"
			default:
				row.DelayClass = "delay-slow"
			}
		}
		eq := url.Values{"actor": {re.Country}}
		if p.TargetCode != "" {
			eq.Set("recipient", p.TargetCode)
		}
		if p.Since != "" {
			eq.Set("from", p.Since)
		}
		if p.Until != "" {
			eq.Set("to", p.Until)
		}
		row.EventsURL = withQuery("/events", eq)
		for _, ev := range re.Evidence {
			row.Evidence = append(row.Evidence, evidenceLink{URL: docLink(ev.Doc, ""), Doc: ev.Doc, Text: ev.Text})
		}
		byStatus[status] = append(byStatus[status], row)
	}
	for _, st := range statusOrder {
		rows := byStatus[st]
		delete(byStatus, st)
		slices.SortStableFunc(rows, func(a, b reactionRow) int {
			if st == string(reactions.Reacted) {
				if c := cmp.Compare(a.FirstDate, b.FirstDate); c != 0 {
					return c
				}
			}
			return cmp.Compare(a.Country, b.Country)
		})
		p.Groups = append(p.Groups, reactionGroup{Status: st, Rows: rows})
	}
	// A status this page does not know yet still shows, after the others.
	var other []string
	for st := range byStatus {
		other = append(other, st)
	}
	slices.Sort(other)
	for _, st := range other {
		p.Groups = append(p.Groups, reactionGroup{Status: st, Rows: byStatus[st]})
	}
	v.Data = p
	ui.render(w, r, http.StatusOK, "reactions.html", v)
}

// actorOptions answers htmx's autocomplete request with <option>s for the
// filter bar's datalist: whatever field asked, its value is the query.
func (ui *explorer) actorOptions(w http.ResponseWriter, r *http.Request) {
	qs := r.URL.Query()
	term := strings.TrimSpace(cmp.Or(qs.Get("q"), qs.Get("actor"), qs.Get("recipient")))
	var ans actorsAnswer
	if term != "" {
		if err := ui.get(r.Context(), "/api/actors", url.Values{"q": {term}, "limit": {"12"}}, &ans); err != nil {
			// Suggestions are a convenience: on error, offer none.
			ans = actorsAnswer{}
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := partials.ExecuteTemplate(w, "actor-options", ans.Actors); err != nil {
		ui.logger().Error("render actor options", "err", err)
	}
}
