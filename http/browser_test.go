package http

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The browser tests drive the explorer in a headless Chromium (Debian's
// chromium package; .ci/run installs it) over a store of the bundled
// examples: they load the views, apply a filter, open a document and check
// what a reader would see: the highlights, the chart, the graph and the
// reactions matrix. Screenshots of every view are saved as test artefacts
// in $DYAD_TEST_ARTEFACTS (default: a temporary directory), and their paths
// logged.
//
// DYAD_EXPLORER_SCREENSHOTS=DIR also writes the README's screenshots
// (explorer.png, explorer-document.png) into DIR, e.g. ../docs.

// chromiumPath finds a Chromium or Chrome binary: $DYAD_CHROMIUM, else the
// usual names on $PATH, else Debian's path.
func chromiumPath() string {
	if p := os.Getenv("DYAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// browserSession is one headless browser tab on the explorer.
type browserSession struct {
	t       *testing.T
	ctx     context.Context // the tab's context
	base    string          // the explorer's URL
	dir     string          // where screenshots go
	extra   string          // DYAD_EXPLORER_SCREENSHOTS, or ""
	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

func TestExplorerInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chrome := chromiumPath()
	if chrome == "" {
		t.Skip("no chromium binary found ($DYAD_CHROMIUM, chromium, chromium-browser, google-chrome, /usr/bin/chromium): " +
			"install Debian's chromium package to run the browser tests")
	}
	ts := webExampleServer(t)

	dir := os.Getenv("DYAD_TEST_ARTEFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artefacts directory: %v", err)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox cannot start
		chromedp.DisableGPU,
		chromedp.WindowSize(1440, 900), // a laptop screen
		chromedp.UserDataDir(t.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	// The first Run starts the browser; it must not have a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", chrome, err)
	}

	b := &browserSession{t: t, ctx: ctx, base: ts.URL, dir: dir, extra: os.Getenv("DYAD_EXPLORER_SCREENSHOTS")}
	messages := chromedp.Console(ctx)
	consoleDone := make(chan struct{})
	go func() {
		defer close(consoleDone)
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, m)
			b.mu.Unlock()
		}
	}()

	t.Run("events", b.testEvents)
	t.Run("filter", b.testFilter)
	t.Run("autocomplete", b.testAutocomplete)
	t.Run("sort and page", b.testSort)
	t.Run("document", b.testDocument)
	t.Run("timeline", b.testTimeline)
	t.Run("network", b.testNetwork)
	t.Run("reactions", b.testReactions)

	cancel()
	<-consoleDone
	// A script error or a Content-Security-Policy violation shows up in
	// the console; the explorer must have none.
	for _, m := range b.console {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
			t.Errorf("browser console %s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line)
		}
	}
}

// do runs actions with a time limit, failing the test on error.
func (b *browserSession) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.shot(t, "failed-"+strings.ReplaceAll(t.Name(), "/", "-"))
		t.Fatalf("%s: %v", what, err)
	}
}

// browserEval evaluates a JavaScript expression and decodes its value into out.
func browserEval[T any](t *testing.T, b *browserSession, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds.
func (b *browserSession) waitFor(t *testing.T, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.shot(t, "failed-"+strings.ReplaceAll(t.Name(), "/", "-"))
			t.Fatalf("waiting for %s (%s): err=%v", what, cond, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// shot saves a screenshot of the viewport as NAME.png in the artefacts
// directory and logs its path.
func (b *browserSession) shot(t *testing.T, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	p := filepath.Join(b.dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Errorf("write screenshot: %v", err)
		return
	}
	t.Logf("screenshot: %s", p)
}

// readme also saves the screenshot under DYAD_EXPLORER_SCREENSHOTS.
func (b *browserSession) readme(t *testing.T, name string) {
	t.Helper()
	if b.extra == "" {
		return
	}
	src := filepath.Join(b.dir, name+".png")
	png, err := os.ReadFile(src)
	if err == nil {
		err = os.WriteFile(filepath.Join(b.extra, readmeShots[name]), png, 0o644)
	}
	if err != nil {
		t.Errorf("README screenshot %s: %v", name, err)
	}
}

// readmeShots names the README's copies of some artefacts.
var readmeShots = map[string]string{"01-events": "explorer.png", "05-document": "explorer-document.png"}

func (b *browserSession) testEvents(t *testing.T) {
	b.do(t, "load the explorer", chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.CSS("table.events tbody tr")))
	rows := browserEval[int](t, b, `document.querySelectorAll("table.events tbody tr").length`)
	if rows == 0 {
		t.Fatal("the event table is empty")
	}
	title := browserEval[string](t, b, `document.title`)
	if !strings.Contains(title, "dyad explorer") {
		t.Errorf("title %q", title)
	}
	b.shot(t, "01-events")
	b.readme(t, "01-events")
}

// testFilter applies a filter from the keyboard: "/" jumps to the filter
// bar, then the type select and the Apply button.
func (b *browserSession) testFilter(t *testing.T) {
	b.do(t, "load", chromedp.Navigate(b.base+"/events"), chromedp.WaitVisible(chromedp.CSS("#filters")))
	b.do(t, "press /", pressSlash)
	if id := browserEval[string](t, b, `document.activeElement && document.activeElement.id`); id != "f-actor" {
		t.Errorf(`"/" focused %q, want the actor field`, id)
	}
	if v := browserEval[string](t, b, `document.getElementById("f-actor").value`); v != "" {
		t.Errorf(`"/" was typed into the actor field: %q`, v)
	}
	b.do(t, "choose a type and apply",
		chromedp.SetValue(chromedp.CSS("#f-type"), "ASSAULT"),
		chromedp.Click(chromedp.CSS(`#filters button[type="submit"]`)),
	)
	b.waitFor(t, "the filtered page", `location.search.includes("type=ASSAULT") && document.readyState === "complete"`)
	types := browserEval[[]string](t, b, `[...document.querySelectorAll("table.events tbody .type")].map(e => e.textContent)`)
	if len(types) == 0 {
		b.shot(t, "failed-filter")
		t.Fatalf("no ASSAULT events at %s", browserEval[string](t, b, `location.href`))
	}
	for _, ty := range types {
		if ty != "ASSAULT" {
			t.Errorf("filtered table shows a %s event", ty)
		}
	}
	if v := browserEval[string](t, b, `document.getElementById("f-type").value`); v != "ASSAULT" {
		t.Errorf("the filter bar forgot the type: %q", v)
	}
	b.shot(t, "02-filtered")
}

// testAutocomplete types into the actor field and waits for htmx to fill
// the suggestions from /api/actors.
func (b *browserSession) testAutocomplete(t *testing.T) {
	b.do(t, "type an actor",
		chromedp.Navigate(b.base+"/events"),
		chromedp.WaitVisible(chromedp.CSS("#f-actor")),
		chromedp.Click(chromedp.CSS("#f-actor")),
		chromedp.SendKeys(chromedp.CSS("#f-actor"), "Ru"),
	)
	b.waitFor(t, "actor suggestions", `document.querySelectorAll("#actor-options option").length > 0`)
}

// testSort sorts by Goldstein with a click on the header (an htmx swap of
// the results that keeps the URL in step) and checks the order.
func (b *browserSession) testSort(t *testing.T) {
	b.do(t, "load", chromedp.Navigate(b.base+"/events"), chromedp.WaitVisible(chromedp.CSS("table.events")))
	b.do(t, "sort by Goldstein", chromedp.Click(chromedp.CSS(`th a[data-sort="goldstein"]`)))
	b.waitFor(t, "sorted table", `location.search.includes("sort=goldstein") && document.querySelector('th[aria-sort="ascending"] a[data-sort="goldstein"]')`)
	vals := browserEval[[]float64](t, b, `[...document.querySelectorAll("table.events tbody td:nth-child(6)")].map(e => parseFloat(e.textContent))`)
	if len(vals) == 0 || !slices.IsSorted(vals) {
		t.Errorf("Goldstein column not ascending: %v", vals)
	}
	b.do(t, "reverse", chromedp.Click(chromedp.CSS(`th a[data-sort="goldstein"]`)))
	b.waitFor(t, "reversed table", `location.search.includes("sort=-goldstein")`)
	if next := browserEval[bool](t, b, `!!document.querySelector('.pager a[rel="next"]')`); next {
		b.do(t, "next page", chromedp.Click(chromedp.CSS(`.pager a[rel="next"]`)))
		b.waitFor(t, "page 2", `location.search.includes("page=2") && document.querySelector('.pager a[rel="prev"]')`)
	}
	b.shot(t, "03-sorted")
}

// testDocument opens the document of an event from the table and checks
// that actor, event words and recipient are highlighted.
func (b *browserSession) testDocument(t *testing.T) {
	b.do(t, "open a document",
		chromedp.Navigate(b.base+"/events?type=ASSAULT"),
		chromedp.WaitVisible(chromedp.CSS("td.sentence a")),
		chromedp.Click(chromedp.CSS("td.sentence a")),
	)
	b.waitFor(t, "the document", `location.pathname.startsWith("/docs/") && document.readyState === "complete"`)
	counts := browserEval[map[string]int](t, b, `({
		actor: document.querySelectorAll("#text .hl-actor").length,
		event: document.querySelectorAll("#text .hl-event").length,
		recipient: document.querySelectorAll("#text .hl-recipient").length,
		selected: document.querySelectorAll("#text .sel").length,
		legend: document.querySelectorAll(".legend .hl").length
	})`)
	for _, k := range []string{"actor", "event", "recipient", "selected", "legend"} {
		if counts[k] == 0 {
			t.Errorf("no %s highlight in the document view (%v)", k, counts)
		}
	}
	// The three roles must look different.
	colours := browserEval[[]string](t, b, `[".hl-actor", ".hl-event", ".hl-recipient"].map(c =>
		getComputedStyle(document.querySelector(".legend " + c)).backgroundColor)`)
	if len(colours) != 3 || colours[0] == colours[1] || colours[1] == colours[2] || colours[0] == colours[2] {
		t.Errorf("the roles share a colour: %v", colours)
	}
	b.shot(t, "04-document")
	// A second screenshot at the top of the page, for the README.
	browserEval[bool](t, b, `window.scrollTo(0, 0), true`)
	b.shot(t, "05-document")
	b.readme(t, "05-document")
}

// pressSlash types "/" the way a keyboard does: one keyDown that carries
// its text, so that a page that cancels the keydown also cancels the
// typing (chromedp.KeyEvent sends the text as a separate "char" event that
// no page can cancel).
var pressSlash = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	down := input.DispatchKeyEventParams{
		Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", UnmodifiedText: "/",
		WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191,
	}
	if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, down); err != nil {
		return err
	}
	up := down
	up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, up)
	return err
})

// heaviestDyad reads the busiest pair of two different countries from the
// API.
func (b *browserSession) heaviestDyad(t *testing.T) (string, string) {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("/api/network?limit=50").then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetch /api/network: %v", err)
	}
	var n Network
	if err := json.Unmarshal([]byte(body), &n); err != nil {
		t.Fatalf("read /api/network: %v %s", err, body)
	}
	for _, e := range n.Edges {
		if e.Source != e.Target {
			return e.Source, e.Target
		}
	}
	t.Fatalf("no dyad of two countries in /api/network: %s", body)
	return "", ""
}

func (b *browserSession) testTimeline(t *testing.T) {
	b.do(t, "load", chromedp.Navigate(b.base+"/events"))
	actor, recipient := b.heaviestDyad(t)
	q := url.Values{"actor": {actor}, "recipient": {recipient}}
	b.do(t, "open the timeline", chromedp.Navigate(b.base+"/timeline?"+q.Encode()))
	b.waitFor(t, "the chart", `document.getElementById("timeline-chart").dataset.state === "ready"`)
	if n := browserEval[int](t, b, `document.querySelectorAll("#timeline-chart canvas").length`); n == 0 {
		t.Error("ECharts drew no canvas")
	}
	if bins := browserEval[string](t, b, `document.getElementById("timeline-chart").dataset.bins`); bins == "" || bins == "0" {
		t.Errorf("the chart has no bins (%q)", bins)
	}
	b.shot(t, fmt.Sprintf("06-timeline-%s-%s", actor, recipient))
}

func (b *browserSession) testNetwork(t *testing.T) {
	b.do(t, "open the network", chromedp.Navigate(b.base+"/network"))
	b.waitFor(t, "the graph", `document.getElementById("network-graph").dataset.state === "ready"`)
	nodes := browserEval[int](t, b, `window.dyadGraph.nodes().length`)
	edges := browserEval[int](t, b, `window.dyadGraph.edges().length`)
	canvases := browserEval[int](t, b, `document.querySelectorAll("#network-graph canvas").length`)
	if nodes == 0 || edges == 0 || canvases == 0 {
		t.Errorf("graph: %d nodes, %d edges, %d canvases", nodes, edges, canvases)
	}
	// Edge width follows the weight.
	widths := browserEval[[]float64](t, b, `window.dyadGraph.edges().sort((a, b) => b.data("weight") - a.data("weight")).map(e => parseFloat(e.style("width")))`)
	if len(widths) > 1 && widths[0] < widths[len(widths)-1] {
		t.Errorf("the heaviest edge is thinner than the lightest: %v", widths)
	}
	b.shot(t, "07-network")
}

// testReactions fills the reactions form and reads the matrix: in the
// examples, Azerbaijan's president did not congratulate Moldova's.
func (b *browserSession) testReactions(t *testing.T) {
	b.do(t, "fill the form",
		chromedp.Navigate(b.base+"/reactions"),
		chromedp.WaitVisible(chromedp.CSS("#r-to")),
		chromedp.SendKeys(chromedp.CSS("#r-to"), "MDA"),
		chromedp.SetValue(chromedp.CSS("#r-since"), "2024-11-03"),
		chromedp.SetValue(chromedp.CSS("#r-kind"), "congratulate"),
		chromedp.Click(chromedp.CSS(`.reactions-form button[type="submit"]`)),
	)
	b.waitFor(t, "the matrix", `location.search.includes("to=MDA") && document.readyState === "complete"`)
	rows := browserEval[map[string]string](t, b, `Object.fromEntries([...document.querySelectorAll("table.reactions tbody tr[class^=row-]")].map(
		r => [r.querySelector("th").textContent.trim(), r.querySelector(".status").textContent.trim()]))`)
	if rows["AZE"] != "declined" {
		t.Errorf("AZE is %q, want declined (rows: %d)", rows["AZE"], len(rows))
	}
	if silent := browserEval[int](t, b, `document.querySelectorAll("table.reactions .silent-list li a").length`); silent == 0 {
		t.Errorf("the matrix lists no silent country")
	}
	b.shot(t, "08-reactions")
	b.do(t, "reactions to the US election",
		chromedp.Navigate(b.base+"/reactions?"+url.Values{"to": {"USA"}, "since": {"2024-11-05"}, "kind": {"congratulate"}}.Encode()),
		chromedp.WaitVisible(chromedp.CSS("table.reactions")),
	)
	if n := browserEval[int](t, b, `document.querySelectorAll("tr.row-reacted .evidence a[href^='/docs/']").length`); n == 0 {
		t.Error("no reaction with evidence links to the US election")
	}
	b.shot(t, "09-reactions-reacted")
}
