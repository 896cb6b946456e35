package http

// The web explorer: server-rendered pages (html/template) over the same JSON
// API that other clients use, plus a little JavaScript (static/app.js) that
// draws the timeline chart (ECharts) and the actor network (cytoscape) from
// that API. Pages read their data by calling the API handlers in process, so
// a page can never show something the API would not return, and every
// parameter is validated in one place (the API), whose 400 message the page
// shows.
//
// Filters live in the URL query, so every view can be bookmarked and shared.
// Everything works from the keyboard: real links, buttons and labels, visible
// focus, and "/" jumps to the filter bar.

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the page templates; each is parsed with the layout and the
// shared partials into a template set of its own, so that every page can
// define its own "title" and "content".
var pageNames = []string{"events.html", "doc.html", "timeline.html", "network.html", "reactions.html"}

// pages holds the parsed template set of each page, by file name. The
// templates are embedded and covered by tests, so a parse error is a
// programming error, reported at start-up like a bad regexp literal.
var pages = func() map[string]*template.Template {
	m := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		m[name] = template.Must(template.New(name).Funcs(templateFuncs).ParseFS(templateFS,
			"templates/layout.html", "templates/partials.html", "templates/"+name))
	}
	return m
}()

// partials holds the fragments htmx asks for (actor suggestions).
var partials = template.Must(template.New("partials").Funcs(templateFuncs).ParseFS(templateFS, "templates/partials.html"))

var templateFuncs = template.FuncMap{
	"entities": entityNames,
	"quadName": quadName,
	"docLink":  docLink,
	"goldsteinClass": func(g float64) string {
		switch {
		case g <= -5:
			return "g-neg2"
		case g < 0:
			return "g-neg1"
		case g == 0:
			return "g-zero"
		case g < 5:
			return "g-pos1"
		default:
			return "g-pos2"
		}
	},
}

// registerUI adds the explorer's pages, its htmx fragments and its static
// files to mux. The pages read their data from the API routes, called in
// process on a mux of their own (no network, no middleware).
func (s *Server) registerUI(mux *http.ServeMux) {
	api := http.NewServeMux()
	s.registerAPI(api)
	ui := &explorer{s: s, api: api}
	mux.HandleFunc("GET /{$}", ui.events)
	mux.HandleFunc("GET /events", ui.events)
	mux.HandleFunc("GET /docs/{id...}", ui.document)
	mux.HandleFunc("GET /timeline", ui.timeline)
	mux.HandleFunc("GET /network", ui.network)
	mux.HandleFunc("GET /reactions", ui.reactions)
	mux.HandleFunc("GET /ui/actors", ui.actorOptions)
	static, err := fs.Sub(staticFS, "static")
	if err != nil { // cannot happen: the directory is embedded above
		panic(fmt.Sprintf("explorer static files: %v", err))
	}
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	mux.Handle("GET /static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The files change only with the binary; an hour keeps a session
		// fast without serving stale scripts across an upgrade for long.
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	}))
}

// explorer serves the pages. api is a mux with the JSON API's routes.
type explorer struct {
	s   *Server
	api http.Handler
}

// view is what every page template gets.
type view struct {
	Title  string
	Active string // the nav entry to mark as current: events, timeline, network, reactions
	Action string // where the filter bar submits to
	Filter filter
	Types  []string // the PLOVER types, for the type select
	Error  string   // a message to show instead of (or above) the content
	Data   any      // the page's own data
}

// filter is the filter bar: the query parameters every view shares.
type filter struct {
	Actor, Recipient, Type, CAMEO, From, To, Negated, Text string
}

// filterKeys are the query parameters of the filter bar, in URL order.
var filterKeys = []string{"actor", "recipient", "type", "cameo", "from", "to", "negated", "text"}

func readFilter(q url.Values) filter {
	get := func(k string) string { return strings.TrimSpace(q.Get(k)) }
	return filter{
		Actor: get("actor"), Recipient: get("recipient"), Type: get("type"), CAMEO: get("cameo"),
		From: get("from"), To: get("to"), Negated: get("negated"), Text: get("text"),
	}
}

// Values returns the filter as a query, leaving out empty fields so that
// shared URLs stay short.
func (f filter) Values() url.Values {
	v := url.Values{}
	for i, val := range []string{f.Actor, f.Recipient, f.Type, f.CAMEO, f.From, f.To, f.Negated, f.Text} {
		if val != "" {
			v.Set(filterKeys[i], val)
		}
	}
	return v
}

// Link returns path with the filter's query, for the nav links, so that
// switching views keeps the filter.
func (f filter) Link(p string) string { return withQuery(p, f.Values()) }

// Empty reports whether no filter is set.
func (f filter) Empty() bool { return len(f.Values()) == 0 }

func withQuery(p string, q url.Values) string {
	if len(q) == 0 {
		return p
	}
	return p + "?" + q.Encode()
}

func (ui *explorer) newView(r *http.Request, title, active string) view {
	// The filter bar refines the view it is on, when that view takes the
	// filter; elsewhere (a document, the reactions) it lists events.
	action := r.URL.Path
	if !slices.Contains([]string{"/events", "/timeline", "/network"}, action) {
		action = "/events"
	}
	return view{Title: title, Active: active, Action: action, Filter: readFilter(r.URL.Query()), Types: dyad.PLOVERTypes}
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (ui *explorer) render(w http.ResponseWriter, r *http.Request, status int, page string, v view) {
	var buf bytes.Buffer
	if err := pages[page].ExecuteTemplate(&buf, "layout", v); err != nil {
		ui.logger().Error("render page", "page", page, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail renders a page with an API error in place of its data: the API's own
// message (a bad date, an unknown document) and its status.
func (ui *explorer) fail(w http.ResponseWriter, r *http.Request, page string, v view, err error) {
	status := http.StatusInternalServerError
	if ae, ok := err.(*pageError); ok {
		status = ae.Status
		v.Error = ae.Message
	} else {
		ui.logger().Error("explorer", "path", r.URL.Path, "err", err)
		v.Error = "The data could not be read (see the server log)."
	}
	ui.render(w, r, status, page, v)
}

func (ui *explorer) logger() *slog.Logger {
	if ui.s != nil && ui.s.log != nil {
		return ui.s.log
	}
	return slog.Default()
}

// expectedChoices are the --expected values the reactions form suggests:
// all, then one per group file (g7, eu, neighbours...).
func expectedChoices() []string {
	names := []string{"all"}
	files, _ := fs.Glob(data.FS, "groups/*.tsv") // the pattern is valid; no files just means no suggestions
	for _, f := range files {
		names = append(names, strings.TrimSuffix(path.Base(f), ".tsv"))
	}
	return names
}

// reactionKinds are the kinds the reactions form offers.
func (ui *explorer) reactionKinds() []string {
	kinds := []string{"any"}
	if ui.s != nil && ui.s.opts.Kinds != nil {
		for _, k := range ui.s.opts.Kinds.Names() {
			if k != "any" {
				kinds = append(kinds, k)
			}
		}
	}
	return kinds
}

// entityNames joins the names of a list of actors for a table cell: the
// resolved name, else the words in the text.
func entityNames(es []dyad.Entity) string {
	var names []string
	for _, e := range es {
		n := e.Name
		if n == "" {
			n = e.Text
		}
		if n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

// quadName is the name of a CAMEO quad class (1-4).
func quadName(q int) string {
	switch q {
	case 1:
		return "verbal cooperation"
	case 2:
		return "material cooperation"
	case 3:
		return "verbal conflict"
	case 4:
		return "material conflict"
	}
	return ""
}

// docLink is the URL of a document's page with one of its mentions
// selected, jumping to the text.
func docLink(doc, mention string) string {
	q := url.Values{}
	if mention != "" {
		q.Set("mention", mention)
	}
	return withQuery("/docs/"+url.PathEscape(doc), q) + "#text"
}
