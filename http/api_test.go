package http

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/doc"
	"github.com/dyad-events/dyad/groups"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/reactions"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/dyad-events/dyad/store"
)

const apiTestToken = "test-token-0123456789"

// apiCoder is the coder with the built-in knowledge, built once for every
// test of the package.
var apiCoder = sync.OnceValues(func() (*coder.Coder, error) { return coder.New(coder.Options{}) })

// apiTestServer is a server over a new SQLite store holding the bundled
// examples (../examples), coded as `dyad ingest` codes them. opts is
// completed with the coder, the knowledge base, reaction kinds and groups.
func apiTestServer(t testing.TB, opts Options) (*httptest.Server, store.Store) {
	t.Helper()
	c, err := apiCoder()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{Window: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var coded []store.Coded
	err = c.CodeAll(doc.Read([]string{"../examples"}, doc.Options{}), 0, func(r coder.Result) error {
		if r.Err != nil {
			return r.Err
		}
		coded = append(coded, store.Coded{Doc: r.Doc, Events: r.Events})
		return nil
	})
	if err != nil {
		t.Fatalf("code ../examples: %v", err)
	}
	if len(coded) < 5 {
		t.Fatalf("only %d example documents", len(coded))
	}
	if _, err := st.Put(context.Background(), "test", coded); err != nil {
		t.Fatal(err)
	}
	if opts.KB, err = kb.Default(); err != nil {
		t.Fatal(err)
	}
	if opts.Kinds, err = reactions.LoadKinds(data.FS); err != nil {
		t.Fatal(err)
	}
	if opts.Groups, err = groups.Load(data.FS); err != nil {
		t.Fatal(err)
	}
	if opts.Token != "" {
		opts.Coder = c
	}
	s, err := NewServer(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts, st
}

// apiCall makes a request and decodes a JSON answer into out (when not
// nil), returning the status. Every answer must be JSON with the security
// headers.
func apiCall(t *testing.T, method, url, contentType, token string, body io.Reader, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	for h, want := range map[string]string{
		"Content-Security-Policy": ContentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s %s: header %s = %q, want %q", method, url, h, got, want)
		}
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q, body %.200s", method, url, ct, b)
		return resp.StatusCode
	}
	if resp.StatusCode != http.StatusOK {
		var e apiError
		if err := json.Unmarshal(b, &e); err != nil || e.Error == "" || strings.Contains(e.Error, "\n") {
			t.Errorf("%s %s: %d with body %q, want {\"error\": \"one line\"}", method, url, resp.StatusCode, b)
		}
	}
	if out != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, out); err != nil {
			t.Errorf("%s %s: decode %s: %v", method, url, b, err)
		}
	}
	return resp.StatusCode
}

func get(t *testing.T, url string, out any) int {
	t.Helper()
	return apiCall(t, "GET", url, "", "", nil, out)
}

func TestAPIReads(t *testing.T) {
	ts, _ := apiTestServer(t, Options{})
	u := ts.URL

	var h Health
	if get(t, u+"/healthz", &h) != 200 || h.Status != "ok" || h.Documents < 5 || h.Events == 0 {
		t.Errorf("healthz: %+v", h)
	}

	var all EventList
	if get(t, u+"/api/events?per_page=500", &all) != 200 || len(all.Events) == 0 || all.Total != len(all.Events) || all.Next {
		t.Fatalf("all events: %d events, total %d, next %v", len(all.Events), all.Total, all.Next)
	}
	for i, e := range all.Events {
		if e.EventID == "" || e.EventID != e.ID || len(e.Sources) == 0 || e.Actor == nil || e.Recipient == nil {
			t.Errorf("event %d: %+v", i, e)
		}
		if i > 0 && e.Date < all.Events[i-1].Date {
			t.Errorf("events out of date order at %d", i)
		}
	}

	// Paging: two pages of two are the first four events.
	var p1, p2 EventList
	get(t, u+"/api/events?per_page=2", &p1)
	get(t, u+"/api/events?per_page=2&page=2", &p2)
	if len(all.Events) >= 4 {
		got := []string{p1.Events[0].EventID, p1.Events[1].EventID, p2.Events[0].EventID, p2.Events[1].EventID}
		want := []string{all.Events[0].EventID, all.Events[1].EventID, all.Events[2].EventID, all.Events[3].EventID}
		if !slices.Equal(got, want) || !p1.Next || p1.Page != 1 || p2.Page != 2 || p1.PerPage != 2 {
			t.Errorf("pages %q, want %q (%+v)", got, want, p1)
		}
	}

	// Sorts.
	var byG EventList
	get(t, u+"/api/events?sort=-goldstein&per_page=500", &byG)
	for i := 1; i < len(byG.Events); i++ {
		if byG.Events[i].Goldstein > byG.Events[i-1].Goldstein {
			t.Fatalf("-goldstein: %v after %v", byG.Events[i].Goldstein, byG.Events[i-1].Goldstein)
		}
	}
	var byDate EventList
	get(t, u+"/api/events?sort=-date&per_page=1", &byDate)
	if len(byDate.Events) != 1 || byDate.Events[0].Date != all.Events[len(all.Events)-1].Date {
		t.Errorf("-date: %+v", byDate.Events)
	}

	// Filters.
	filters := []struct {
		query string
		ok    func(Event) bool
	}{
		{"actor=IRN", func(e Event) bool { return hasCode(e.Actor, "IRN") }},
		{"recipient=ISR", func(e Event) bool { return hasCode(e.Recipient, "ISR") }},
		{"type=assault", func(e Event) bool { return e.Type == "ASSAULT" }},
		{"cameo=1", func(e Event) bool { return strings.HasPrefix(e.CAMEO, "1") }},
		{"from=2025-01-01&to=2025-03-31", func(e Event) bool { return e.Date >= "2025-01-01" && e.Date <= "2025-03-31" }},
		{"negated=true", func(e Event) bool { return e.Negated }},
		{"text=missiles", func(e Event) bool { return true }},
	}
	for _, f := range filters {
		var l EventList
		if get(t, u+"/api/events?"+f.query, &l) != 200 {
			continue
		}
		if len(l.Events) == 0 && f.query != "negated=true" {
			t.Errorf("%s: no events", f.query)
		}
		for _, e := range l.Events {
			if !f.ok(e) {
				t.Errorf("%s: event %s does not match", f.query, e.EventID)
			}
		}
	}

	// One event, by its id and by the id of its mentions.
	e := all.Events[0]
	var d EventDetail
	if get(t, u+"/api/events/"+url.PathEscape(e.EventID), &d) != 200 || d.Event.EventID != e.EventID || len(d.Mentions) != e.Mentions {
		t.Errorf("event %s: %+v", e.EventID, d)
	}
	for _, m := range d.Mentions {
		var again EventDetail
		if get(t, u+"/api/events/"+url.PathEscape(m.ID), &again) != 200 || again.Event.EventID != e.EventID {
			t.Errorf("event by mention %s: %s", m.ID, again.Event.EventID)
		}
	}

	// A document: the offsets of every actor, recipient and event text
	// point at their words in the text.
	var dc Doc
	if get(t, u+"/api/docs/"+url.PathEscape(e.Sources[0]), &dc) != 200 || dc.ID != e.Sources[0] || dc.Text == "" || len(dc.Events) == 0 || dc.Date == "" {
		t.Fatalf("doc %s: %+v", e.Sources[0], dc)
	}
	for _, m := range dc.Events {
		if m.EventText != "" && dc.Text[m.EventStart:m.EventEnd] != m.EventText {
			t.Errorf("doc %s event %s: event text %q at %d-%d is %q", dc.ID, m.ID, m.EventText, m.EventStart, m.EventEnd, dc.Text[m.EventStart:m.EventEnd])
		}
		for _, en := range slices.Concat(m.Actor, m.Recipient) {
			if en.Start < 0 || en.End > len(dc.Text) || en.Start > en.End {
				t.Errorf("doc %s event %s: entity %q at %d-%d", dc.ID, m.ID, en.Text, en.Start, en.End)
			}
		}
	}

	// Autocompletion.
	var actors struct {
		Actors []store.ActorCount `json:"actors"`
	}
	if get(t, u+"/api/actors?q=ir&limit=5", &actors) != 200 || len(actors.Actors) == 0 || len(actors.Actors) > 5 {
		t.Errorf("actors ir: %+v", actors)
	} else if a := actors.Actors[0]; a.Code != "IRN" || a.Name != "Iran" || a.Count == 0 {
		t.Errorf("actors ir: first %+v, want IRN Iran", a)
	}
	actors.Actors = nil
	if get(t, u+"/api/actors?q=netanyahu", &actors) != 200 || len(actors.Actors) != 1 || actors.Actors[0].Code != "ISR" {
		t.Errorf("actors netanyahu: %+v", actors)
	}

	// Timeline: days, then weeks that add up to the same events.
	var days, weeks struct{ Bins []Bin }
	get(t, u+"/api/timeline", &days)
	get(t, u+"/api/timeline?bin=week", &weeks)
	sum := func(bs []Bin) (n int) {
		for _, b := range bs {
			if b.Quad[0]+b.Quad[1]+b.Quad[2]+b.Quad[3] != b.Events || b.Goldstein == nil {
				t.Errorf("bin %+v", b)
			}
			n += b.Events
		}
		return n
	}
	if n := sum(days.Bins); n != all.Total {
		t.Errorf("timeline: %d events, want %d", n, all.Total)
	}
	if n := sum(weeks.Bins); n != all.Total || len(weeks.Bins) > len(days.Bins) {
		t.Errorf("weekly timeline: %d events in %d bins", n, len(weeks.Bins))
	}
	for _, b := range weeks.Bins {
		if monday(b.Date) != b.Date {
			t.Errorf("week bin %s is not a Monday", b.Date)
		}
	}
	var pair struct{ Bins []Bin }
	if get(t, u+"/api/timeline?actor=IRN&recipient=ISR", &pair) != 200 || len(pair.Bins) == 0 || pair.Bins[0].Quad[3] == 0 {
		t.Errorf("timeline IRN->ISR: %+v", pair)
	}

	// Network.
	var nw Network
	if get(t, u+"/api/network?limit=3", &nw) != 200 || len(nw.Edges) == 0 || len(nw.Edges) > 3 {
		t.Fatalf("network: %+v", nw)
	}
	nodes := map[string]Node{}
	for _, n := range nw.Nodes {
		nodes[n.ID] = n
	}
	for _, e := range nw.Edges {
		if nodes[e.Source].Events < e.Weight || nodes[e.Target].Events < e.Weight {
			t.Errorf("edge %+v: nodes %+v %+v", e, nodes[e.Source], nodes[e.Target])
		}
	}
	if n, ok := nodes["IRN"]; ok && n.Label != "Iran" {
		t.Errorf("node IRN: %+v", n)
	}
	nw = Network{}
	if get(t, u+"/api/network?min=1000", &nw) != 200 || len(nw.Edges) != 0 || nw.Nodes == nil {
		t.Errorf("network min=1000: %+v", nw)
	}

	// Reactions.
	var rep reactions.Report
	if get(t, u+"/api/reactions?to=ISR&since=2024-10-01&until=2024-10-10&kind=condemn&expected=USA,FRA", &rep) != 200 || len(rep.Reactions) != 2 {
		t.Errorf("reactions: %+v", rep)
	}

	var spec map[string]any
	if get(t, u+"/api/openapi.json", &spec) != 200 || spec["openapi"] == nil {
		t.Errorf("openapi: %v", spec["openapi"])
	}
}

func hasCode(es []dyad.Entity, code string) bool {
	for _, e := range es {
		if e.Code == code {
			return true
		}
	}
	return false
}

// TestAPIErrors: every bad request is a 4xx with a one-line JSON error.
func TestAPIErrors(t *testing.T) {
	ts, _ := apiTestServer(t, Options{})
	tests := []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/events?from=yesterday", 400},
		{"GET", "/api/events?to=2024-13-01", 400},
		{"GET", "/api/events?from=2024-05-01&to=2024-04-01", 400},
		{"GET", "/api/events?type=DANCE", 400},
		{"GET", "/api/events?cameo=1%25", 400},
		{"GET", "/api/events?negated=maybe", 400},
		{"GET", "/api/events?sort=colour", 400},
		{"GET", "/api/events?page=0", 400},
		{"GET", "/api/events?page=x", 400},
		{"GET", "/api/events?per_page=501", 400},
		{"GET", "/api/events?page=100000", 400},
		{"GET", "/api/events?actor=a&actor=b", 400},
		{"GET", "/api/events?actor=" + strings.Repeat("x", 600), 400},
		{"GET", "/api/events?actor=%FF", 400},
		{"GET", "/api/events?text=%22unbalanced", 400},
		{"GET", "/api/events/no-such-event", 404},
		{"GET", "/api/docs/no-such-doc", 404},
		{"GET", "/api/docs/%00", 400},
		{"GET", "/api/actors?limit=0", 400},
		{"GET", "/api/reactions", 400},
		{"GET", "/api/reactions?to=Nowhereland-Xyz", 400},
		{"GET", "/api/reactions?to=ISR&kind=applaud", 400},
		{"GET", "/api/reactions?to=ISR&since=2024-10-10&until=2024-10-01", 400},
		{"GET", "/api/reactions?to=ISR&expected=martians", 400},
		{"GET", "/api/timeline?bin=month", 400},
		{"GET", "/api/network?min=0", 400},
		{"GET", "/api/network?limit=5000", 400},
		{"GET", "/api/nothing", 404},
		{"DELETE", "/api/events", 405},
		{"GET", "/api/documents", 405},
		{"POST", "/healthz", 405},
	}
	for _, tc := range tests {
		if got := apiCall(t, tc.method, ts.URL+tc.path, "", "", nil, nil); got != tc.status {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, got, tc.status)
		}
	}
}

// TestAPIReactionsUnavailable: without a knowledge base the endpoint says so.
func TestAPIReactionsUnavailable(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{Window: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := NewServer(st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	if got := get(t, ts.URL+"/api/reactions?to=ISR", nil); got != 503 {
		t.Errorf("reactions without KB: %d, want 503", got)
	}
	var l EventList
	if get(t, ts.URL+"/api/events", &l) != 200 || l.Events == nil || l.Total != 0 {
		t.Errorf("empty store: %+v", l)
	}
}

func TestAPIPostDocuments(t *testing.T) {
	ts, st := apiTestServer(t, Options{Token: apiTestToken, MaxBody: 64 << 10})
	u := ts.URL + "/api/documents"
	one := `{"id": "posted-1", "date": "2025-07-01", "title": "Talks",
		"text": "Russia threatened Ukraine with new strikes on Monday."}`

	// Authorisation first, whatever the body.
	for _, token := range []string{"", "wrong", apiTestToken + "x"} {
		if got := apiCall(t, "POST", u, "application/json", token, strings.NewReader(one), nil); got != 401 {
			t.Errorf("token %q: %d, want 401", token, got)
		}
	}
	var res PutResult
	if got := apiCall(t, "POST", u, "application/json", apiTestToken, strings.NewReader(one), &res); got != 200 || res.Added != 1 || res.Mentions == 0 || len(res.Failed) != 0 {
		t.Fatalf("post one: %d %+v", got, res)
	}
	res = PutResult{}
	if apiCall(t, "POST", u, "application/json; charset=utf-8", apiTestToken, strings.NewReader(one), &res); res.Unchanged != 1 {
		t.Errorf("post again: %+v", res)
	}
	var dc Doc
	if get(t, ts.URL+"/api/docs/posted-1", &dc) != 200 || dc.Title != "Talks" || len(dc.Events) == 0 {
		t.Errorf("posted doc: %+v", dc)
	}

	// A batch: good lines are stored, bad ones listed with their line.
	batch := strings.Join([]string{
		`{"id": "posted-2", "date": "2025-07-02", "text": "Egypt sent humanitarian aid to Sudan."}`,
		`{"id": "posted-3", "text": "No date here."}`,
		`not json`,
		`{"date": "2025-07-02", "text": "No id here."}`,
		``,
		`{"id": "posted-1", "date": "2025-07-01", "text": "Russia threatened Ukraine again on Monday."}`,
	}, "\n")
	res = PutResult{}
	if got := apiCall(t, "POST", u, "application/x-ndjson", apiTestToken, strings.NewReader(batch), &res); got != 200 || res.Added != 1 || res.Replaced != 1 || len(res.Failed) != 3 {
		t.Fatalf("post batch: %d %+v", got, res)
	}
	var lines []int
	for _, f := range res.Failed {
		lines = append(lines, f.Line)
	}
	if !slices.Equal(lines, []int{2, 3, 4}) {
		t.Errorf("failed lines %v, want 2 3 4 (%+v)", lines, res.Failed)
	}
	if c, _ := st.Counts(context.Background()); c.Documents == 0 {
		t.Error("nothing stored")
	}

	bad := []struct {
		name, contentType, body string
		status                  int
	}{
		{"not JSON", "application/json", `{"id": `, 400},
		{"no id", "application/json", `{"date": "2025-07-01", "text": "x"}`, 400},
		{"no text", "application/json", `{"id": "x", "date": "2025-07-01"}`, 400},
		{"array", "application/json", `[{"id": "x"}]`, 400},
		{"empty batch", "application/x-ndjson", "\n\n", 400},
		{"no content type", "", one, 415},
		{"form", "application/x-www-form-urlencoded", one, 415},
		{"too big", "application/json", `{"id": "big", "date": "2025-07-01", "text": "` + strings.Repeat("a", 70<<10) + `"}`, 413},
	}
	for _, tc := range bad {
		if got := apiCall(t, "POST", u, tc.contentType, apiTestToken, strings.NewReader(tc.body), nil); got != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.status)
		}
	}
}

func TestAPIReadOnly(t *testing.T) {
	ts, _ := apiTestServer(t, Options{})
	body := `{"id": "x", "date": "2025-07-01", "text": "Russia threatened Ukraine."}`
	for _, token := range []string{"", apiTestToken} {
		if got := apiCall(t, "POST", ts.URL+"/api/documents", "application/json", token, strings.NewReader(body), nil); got != 403 {
			t.Errorf("read-only, token %q: %d, want 403", token, got)
		}
	}
}

// TestAPINoCoder: a token without a coder refuses writes with 503.
func TestAPINoCoder(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{Window: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := NewServer(st, Options{Token: apiTestToken})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	if got := apiCall(t, "POST", ts.URL+"/api/documents", "application/json", apiTestToken, strings.NewReader(`{}`), nil); got != 503 {
		t.Errorf("no coder: %d, want 503", got)
	}
}

// TestOpenAPIDescribesRoutes: the OpenAPI document is valid JSON and
// names every route the API registers.
func TestOpenAPIDescribesRoutes(t *testing.T) {
	var spec struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &spec); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Errorf("openapi %q", spec.OpenAPI)
	}
	src, err := os.ReadFile("server.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, `{"GET", "/`) && !strings.HasPrefix(line, `{"POST", "/`) {
			continue
		}
		f := strings.Split(line, `"`)
		method, path := strings.ToLower(f[1]), strings.ReplaceAll(f[3], "...}", "}")
		if _, ok := spec.Paths[path][method]; !ok {
			t.Errorf("openapi.json does not describe %s %s", method, path)
		}
	}
}

// TestServerTimeouts: the server HTTPServer builds has every timeout.
func TestServerTimeouts(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{Window: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := NewServer(st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	hs := s.HTTPServer("127.0.0.1:0")
	if hs.ReadTimeout == 0 || hs.ReadHeaderTimeout == 0 || hs.WriteTimeout == 0 || hs.IdleTimeout == 0 {
		t.Errorf("timeouts: %+v", hs)
	}
}

func TestNewServerNeedsBrowser(t *testing.T) {
	if _, err := NewServer(plainStore{}, Options{}); err == nil {
		t.Error("no error for a store without the look-ups")
	}
}

// plainStore is a store.Store that is not a store.Browser.
type plainStore struct{ store.Store }

// FuzzParseDocuments: a posted body never panics the parser, and every
// document it accepts has an id and its line.
func FuzzParseDocuments(f *testing.F) {
	f.Add([]byte(`{"id": "a", "date": "2025-07-01", "text": "x"}`))
	f.Add([]byte("{\"id\": 1, \"date\": \"2025-07-01\", \"text\": \"x\"}\n\n{\"text\": \"y\"}\nnot json"))
	f.Add([]byte("\xef\xbb\xbf{\"id\": null}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		docs, failed := parseDocuments(body, 1<<16)
		for _, d := range docs {
			if d.ID == "" || originLine(d.Origin) == 0 {
				t.Errorf("accepted %+v", d)
			}
		}
		for _, e := range failed {
			if e.Error == "" {
				t.Error("a failure without a message")
			}
		}
	})
}
