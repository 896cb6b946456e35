package http

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// webExampleServer serves the API and the explorer over a fresh SQLite
// store of the bundled examples (the API tests' server).
func webExampleServer(t testing.TB) *httptest.Server {
	t.Helper()
	if _, err := os.Stat(filepath.Join("..", "examples")); err != nil {
		t.Skip("the bundled examples (../examples) are not there")
	}
	ts, _ := apiTestServer(t, Options{})
	return ts
}

func webGet(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", url, err)
	}
	return resp.StatusCode, string(body), resp.Header
}

// TestExplorerPages checks that every view renders over the examples, that
// bad filters come back as a 400 page with the API's message, and that no
// page carries an inline script (the CSP would block it).
func TestExplorerPages(t *testing.T) {
	ts := webExampleServer(t)
	tests := []struct {
		name   string
		path   string
		status int
		want   []string
	}{
		{"home", "/", 200, []string{`id="filters"`, `<table class="events">`, `aria-sort="ascending"`, "ASSAULT"}},
		{"filtered", "/events?actor=RUS&sort=-goldstein", 200, []string{`value="RUS"`, `aria-sort="descending"`, "Timeline of this dyad"}},
		{"type filter", "/events?type=AGREE", 200, []string{"AGREE", `<option selected>AGREE</option>`}},
		{"bad date", "/events?from=yesterday", 400, []string{`role="alert"`, "bad date"}},
		{"bad type", "/events?type=DANCE", 400, []string{"unknown PLOVER type"}},
		{"no such doc", "/docs/no-such-doc", 404, []string{`role="alert"`}},
		{"timeline", "/timeline?actor=RUS&recipient=UKR", 200, []string{`id="timeline-chart"`, `data-src="/api/timeline?`, "/static/vendor/echarts.min.js"}},
		{"network", "/network", 200, []string{`id="network-graph"`, "/static/vendor/cytoscape.min.js", "Heaviest links"}},
		{"reactions form", "/reactions", 200, []string{`id="r-to"`, `<option>congratulate</option>`}},
		{"reactions", "/reactions?to=MDA&since=2024-11-03&kind=congratulate", 200, []string{"status-declined", "AZE"}},
		{"reactions bad", "/reactions?to=MDA&since=tomorrow", 400, []string{"bad date"}},
		{"static", "/static/app.js", 200, []string{"drawTimeline"}},
		{"vendor", "/static/vendor/README.md", 200, []string{"htmx.org"}},
		{"not a page", "/nope", 404, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body, hdr := webGet(t, ts.URL+tc.path)
			if status != tc.status {
				t.Fatalf("status %d, want %d; body:\n%.600s", status, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.HasPrefix(hdr.Get("Content-Type"), "text/html") {
				if strings.Contains(body, "<script>") || strings.Contains(body, "onclick=") {
					t.Errorf("page has an inline script")
				}
			}
		})
	}
}

// TestExplorerDocument opens the document of the first listed event and
// checks that all three roles are highlighted and the text escaped.
func TestExplorerDocument(t *testing.T) {
	ts := webExampleServer(t)
	_, body, _ := webGet(t, ts.URL+"/events?type=ASSAULT")
	i := strings.Index(body, `href="/docs/`)
	if i < 0 {
		t.Fatalf("no document link in the event table")
	}
	link := body[i+len(`href="`):]
	link = strings.ReplaceAll(link[:strings.IndexByte(link, '"')], "&amp;", "&")
	status, page, _ := webGet(t, ts.URL+link)
	if status != 200 {
		t.Fatalf("GET %s: %d", link, status)
	}
	for _, w := range []string{`class="hl hl-actor`, `hl-event`, `hl-recipient`, `sel"`, `class="legend"`} {
		if !strings.Contains(page, w) {
			t.Errorf("document page lacks %q", w)
		}
	}
}

func TestHighlight(t *testing.T) {
	body := "Russia attacked <Ukraine> & Kyiv. Élysée"
	ent := func(s string) dyad.Entity {
		i := strings.Index(body, s)
		return dyad.Entity{Text: s, Start: i, End: i + len(s)}
	}
	ev := func(id string, a dyad.Entity, verb string, r dyad.Entity) dyad.Event {
		i := strings.Index(body, verb)
		return dyad.Event{ID: id, Actor: []dyad.Entity{a}, Recipient: []dyad.Entity{r}, EventStart: i, EventEnd: i + len(verb)}
	}
	tests := []struct {
		name     string
		events   []dyad.Event
		selected string
		want     string
		counts   roleCounts
	}{
		{"none", nil, "", "Russia attacked &lt;Ukraine&gt; &amp; Kyiv. Élysée", roleCounts{}},
		{"one event", []dyad.Event{ev("m1", ent("Russia"), "attacked", ent("<Ukraine>"))}, "",
			`<mark class="hl hl-actor" title="actor">Russia</mark> <mark class="hl hl-event" title="event">attacked</mark> ` +
				`<mark class="hl hl-recipient" title="recipient">&lt;Ukraine&gt;</mark> &amp; Kyiv. Élysée`, roleCounts{1, 1, 1}},
		{"overlap and selection", []dyad.Event{
			ev("m1", ent("Russia"), "attacked", ent("Kyiv")),
			ev("m2", ent("Russia attacked"), "attacked", ent("Kyiv")),
		}, "m1",
			`<mark class="hl hl-actor sel" title="actor">Russia</mark><mark class="hl hl-actor" title="actor"> </mark>` +
				`<mark class="hl hl-actor hl-event sel" title="actor, event">attacked</mark> &lt;Ukraine&gt; &amp; <mark class="hl hl-recipient sel" title="recipient">Kyiv</mark>. Élysée`, roleCounts{2, 2, 2}},
		{"bad spans are left out", []dyad.Event{{
			Actor:     []dyad.Entity{{Start: -1, End: 3}, {Start: 5, End: 999}, {Start: 35, End: 37}}, // 35 is inside "É"
			Recipient: []dyad.Entity{{Start: 9, End: 2}},
		}}, "", "Russia attacked &lt;Ukraine&gt; &amp; Kyiv. Élysée", roleCounts{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, counts := highlight(body, tc.events, tc.selected)
			if string(got) != tc.want {
				t.Errorf("highlight:\n got %s\nwant %s", got, tc.want)
			}
			if counts != tc.counts {
				t.Errorf("counts %+v, want %+v", counts, tc.counts)
			}
		})
	}
}

var webMarkTag = regexp.MustCompile(`<mark class="hl[a-z -]*" title="[a-z, ]+">|</mark>`)

func FuzzHighlight(f *testing.F) {
	f.Add("Russia attacked Ukraine.", 0, 6, 7, 15, 16, 23)
	f.Add("É<b>", 1, 2, 0, 4, -3, 99)
	f.Fuzz(func(t *testing.T, body string, a0, a1, e0, e1, r0, r1 int) {
		ev := dyad.Event{
			ID: "m", Actor: []dyad.Entity{{Start: a0, End: a1}}, Recipient: []dyad.Entity{{Start: r0, End: r1}},
			EventStart: e0, EventEnd: e1,
		}
		got, _ := highlight(body, []dyad.Event{ev}, "m")
		// Whatever the offsets, the marks are ours and the body's text
		// survives, escaped, whole and in order.
		plain := webMarkTag.ReplaceAllString(string(got), "")
		// (Leading line breaks outside any mark are dropped.)
		got2 := strings.TrimLeft(html.UnescapeString(plain), "\r\n")
		if want := strings.TrimLeft(strings.ReplaceAll(body, "\x00", "\uFFFD"), "\r\n"); got2 != want {
			t.Fatalf("text changed:\n got %q\nwant %q", got2, want)
		}
		if strings.ContainsAny(plain, "<>") {
			t.Fatalf("unescaped markup in %q", got)
		}
	})
}
