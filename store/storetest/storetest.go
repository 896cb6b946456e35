// Package storetest is the test suite every store backend runs, so that
// SQLite and PostgreSQL are held to the same behaviour, and the synthetic
// data their benchmarks load.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/store"
)

// NewDB makes an empty database for one test and returns how to open a
// store on it; opening it again gives the same data.
type NewDB func(t testing.TB) func(store.Options) (store.Store, error)

// Run runs the suite against one backend.
func Run(t *testing.T, newDB NewDB) {
	tests := []struct {
		name string
		fn   func(*testing.T, func(store.Options) (store.Store, error))
	}{
		{"IdempotentPut", testIdempotent},
		{"ReplaceChangedDocument", testReplace},
		{"ReplaceWithinBatch", testReplaceWithinBatch},
		{"DictVersionRecodes", testDictVersion},
		{"DedupAcrossDocuments", testDedup},
		{"DedupWindow", testWindow},
		{"OrderIndependent", testOrderIndependent},
		{"RandomEdits", testRandomEdits},
		{"BadDocumentSkipped", testBadDocument},
		{"Queries", testQueries},
		{"Mentions", testMentions},
		{"Stats", testStats},
		{"QueriesDuringIngest", testConcurrent},
		{"Browse", testBrowse},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			open := newDB(t)
			tc.fn(t, open)
			// Whatever the test did, the events must be what clustering the
			// stored mentions from scratch gives.
			s := mustOpen(t, open, -1)
			check(t, s)
		})
	}
}

// Checker is a store that can audit its events against its mentions.
type Checker interface {
	Check(context.Context) error
}

func check(t testing.TB, s store.Store) {
	t.Helper()
	if c, ok := s.(Checker); ok {
		if err := c.Check(context.Background()); err != nil {
			t.Error(err)
		}
	}
}

// Actor is a shorthand for an entity: "RUS/GOV/Vladimir Putin".
func Actor(s string) dyad.Entity {
	parts := strings.SplitN(s, "/", 3)
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	text := parts[2]
	if text == "" {
		text = parts[0]
	}
	return dyad.Entity{Text: text, Name: parts[2], Code: parts[0], Sector: parts[1], CAMEO: parts[0] + parts[1]}
}

// Mention builds the n-th event record of document doc.
func Mention(doc string, n int, date, actor, recipient, typ, cameo string) dyad.Event {
	e := dyad.Event{
		ID: fmt.Sprintf("%s:%d:0", doc, n), Doc: doc, Date: date, DocDate: date,
		Actor: []dyad.Entity{Actor(actor)}, Type: typ, CAMEO: cameo, Context: []string{},
		Goldstein: -1, QuadCode: 4, EventText: "did", Text: "Someone did something.",
		TextInfo: dyad.TextInfo{Sentence: n},
	}
	e.Recipient = []dyad.Entity{}
	if recipient != "" {
		e.Recipient = []dyad.Entity{Actor(recipient)}
	}
	return e
}

// Doc builds a coded document.
func Doc(id, date, body string, events ...dyad.Event) store.Coded {
	d, err := time.Parse(dyad.DateLayout, date)
	if err != nil {
		panic(err)
	}
	return store.Coded{Doc: dyad.Document{ID: id, Date: d, Body: body, Origin: id + ".txt"}, Events: events}
}

func mustOpen(t testing.TB, open func(store.Options) (store.Store, error), window int) store.Store {
	t.Helper()
	s, err := open(store.Options{Window: window})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func put(t testing.TB, s store.Store, docs ...store.Coded) store.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), "v1", docs)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return res
}

func counts(t testing.TB, s store.Store) store.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	return c
}

// Events returns the events that match f, failing the test on error.
func Events(t testing.TB, s store.Store, f store.Filter) []store.Event {
	t.Helper()
	var out []store.Event
	for e, err := range s.Events(context.Background(), f) {
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		out = append(out, e)
	}
	return out
}

// summary is an event as the tests compare it: first mention id, mention
// count and sources.
func summary(evs []store.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = fmt.Sprintf("%s x%d %s..%s [%s]", e.ID, e.Mentions, e.FirstSeen, e.LastSeen, strings.Join(e.Sources, " "))
	}
	slices.Sort(out)
	return out
}

func wantEvents(t *testing.T, s store.Store, f store.Filter, want ...string) {
	t.Helper()
	got := summary(Events(t, s, f))
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("events(%+v):\n got  %q\n want %q", f, got, want)
	}
}

func testIdempotent(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	docs := []store.Coded{
		Doc("a", "2024-05-01", "Russia attacked Ukraine.", Mention("a", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")),
		Doc("b", "2024-05-01", "Russia attacked Ukraine again.", Mention("b", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "193")),
	}
	first := put(t, s, docs...)
	if first.Added != 2 || first.Mentions != 2 {
		t.Errorf("first Put: %+v, want 2 added, 2 mentions", first)
	}
	want := store.Counts{Documents: 2, Mentions: 2, Events: 1}
	if c := counts(t, s); c != want {
		t.Errorf("after first Put: %+v, want %+v", c, want)
	}
	again := put(t, s, docs...)
	if again.Unchanged != 2 || again.Added+again.Replaced != 0 {
		t.Errorf("second Put: %+v, want 2 unchanged", again)
	}
	// The same document twice in one batch is stored once too.
	put(t, s, docs[0], docs[0])
	if c := counts(t, s); c != want {
		t.Errorf("after re-Put: %+v, want %+v", c, want)
	}
	if ok, err := s.Has(context.Background(), "a", store.ContentHash(docs[0].Doc), "v1"); err != nil || !ok {
		t.Errorf("Has(a) = %v, %v; want true", ok, err)
	}
	if ok, _ := s.Has(context.Background(), "a", "otherhash", "v1"); ok {
		t.Error("Has(a, other hash) = true")
	}
}

func testReplace(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	put(t, s,
		Doc("a", "2024-05-01", "Russia attacked Ukraine.", Mention("a", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")),
		Doc("b", "2024-05-01", "Russia attacked Ukraine too.", Mention("b", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")),
	)
	wantEvents(t, s, store.Filter{}, "a:0:0 x2 2024-05-01..2024-05-01 [a b]")
	// a's body changed: it now reports talks instead; its old mention goes,
	// the assault is b's alone, and the talks are a new event.
	res := put(t, s, Doc("a", "2024-05-01", "Russia and Ukraine held talks.",
		Mention("a", 0, "2024-05-01", "RUS/GOV", "UKR/GOV", "CONSULT", "040"),
		Mention("a", 1, "2024-05-01", "UKR/GOV", "RUS/GOV", "CONSULT", "040")))
	if res.Replaced != 1 {
		t.Errorf("Put changed a: %+v, want 1 replaced", res)
	}
	wantEvents(t, s, store.Filter{},
		"b:0:0 x1 2024-05-01..2024-05-01 [b]",
		"a:0:0 x1 2024-05-01..2024-05-01 [a]",
		"a:1:0 x1 2024-05-01..2024-05-01 [a]")
	if c := counts(t, s); c != (store.Counts{Documents: 2, Mentions: 3, Events: 3}) {
		t.Errorf("counts %+v", c)
	}
	// Replaced by a version with no events at all: its events go.
	put(t, s, Doc("a", "2024-05-01", "Nothing happened."))
	wantEvents(t, s, store.Filter{}, "b:0:0 x1 2024-05-01..2024-05-01 [b]")
	if got := Events(t, s, store.Filter{Text: "talks"}); len(got) != 0 {
		t.Errorf("full-text index still finds the old body: %v", summary(got))
	}
	if got := len(Events(t, s, store.Filter{Text: "too"})); got != 1 {
		t.Errorf("full-text query 'too': %d events, want 1", got)
	}
}

// testReplaceWithinBatch: a document written and rewritten in one batch,
// and one stored before and rewritten twice in one batch, end as their last
// version, in the events and in the full-text index.
func testReplaceWithinBatch(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	put(t, s, Doc("old", "2024-05-01", "alpha words", Mention("old", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")))
	put(t, s,
		Doc("new", "2024-05-01", "beta words", Mention("new", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")),
		Doc("old", "2024-05-01", "gamma words", Mention("old", 0, "2024-05-02", "CHN/GOV", "USA/GOV", "CONSULT", "040")),
		Doc("new", "2024-05-01", "delta words", Mention("new", 0, "2024-05-01", "FRA/GOV", "DEU/GOV", "CONSULT", "040")),
		Doc("old", "2024-05-01", "epsilon words", Mention("old", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")),
	)
	wantEvents(t, s, store.Filter{},
		"old:0:0 x1 2024-05-01..2024-05-01 [old]",
		"new:0:0 x1 2024-05-01..2024-05-01 [new]")
	if c := counts(t, s); c != (store.Counts{Documents: 2, Mentions: 2, Events: 2}) {
		t.Errorf("counts %+v", c)
	}
	for word, want := range map[string]int{"alpha": 0, "beta": 0, "gamma": 0, "delta": 1, "epsilon": 1, "words": 2} {
		if got := len(Events(t, s, store.Filter{Text: word})); got != want {
			t.Errorf("text %q: %d events, want %d", word, got, want)
		}
	}
}

func testDictVersion(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	d := Doc("a", "2024-05-01", "Russia attacked Ukraine.", Mention("a", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190"))
	put(t, s, d)
	res, err := s.Put(context.Background(), "v2", []store.Coded{d})
	if err != nil {
		t.Fatal(err)
	}
	if res.Replaced != 1 {
		t.Errorf("Put under new dictionaries: %+v, want 1 replaced", res)
	}
	if c := counts(t, s); c != (store.Counts{Documents: 1, Mentions: 1, Events: 1}) {
		t.Errorf("counts %+v", c)
	}
}

func testDedup(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, 1)
	m := func(doc, date string) store.Coded {
		return Doc(doc, date, "Russian forces shelled Kharkiv.", Mention(doc, 0, date, "RUS/MIL", "UKR", "ASSAULT", "190"))
	}
	put(t, s, m("a", "2024-05-01"), m("b", "2024-05-02"))
	put(t, s, m("c", "2024-05-04"))
	wantEvents(t, s, store.Filter{},
		"a:0:0 x2 2024-05-01..2024-05-02 [a b]",
		"c:0:0 x1 2024-05-04..2024-05-04 [c]")
	// d on the 3rd is within a day of both b and c: the chain joins them.
	put(t, s, m("d", "2024-05-03"))
	wantEvents(t, s, store.Filter{}, "a:0:0 x4 2024-05-01..2024-05-04 [a b c d]")
	// d corrected to another date: the chain breaks again.
	put(t, s, m("d", "2024-05-09"))
	wantEvents(t, s, store.Filter{},
		"a:0:0 x2 2024-05-01..2024-05-02 [a b]",
		"c:0:0 x1 2024-05-04..2024-05-04 [c]",
		"d:0:0 x1 2024-05-09..2024-05-09 [d]")
	// What must differ keeps mentions apart: negation, aux, CAMEO root,
	// actor sets, and the sector of an actor.
	neg := Mention("n", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")
	neg.Negated = true
	fut := Mention("f", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")
	fut.Aux = dyad.AuxFuture
	both := Mention("x", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "190")
	both.Actor = append(both.Actor, Actor("BLR/MIL"))
	put(t, s,
		Doc("n", "2024-05-01", "b", neg), Doc("f", "2024-05-01", "b", fut), Doc("x", "2024-05-01", "b", both),
		Doc("r", "2024-05-01", "b", Mention("r", 0, "2024-05-01", "RUS/MIL", "UKR", "ASSAULT", "180")),
		Doc("g", "2024-05-01", "b", Mention("g", 0, "2024-05-01", "RUS/GOV", "UKR", "ASSAULT", "190")),
		// Same root (19), other full code: the same event.
		Doc("s", "2024-05-02", "b", Mention("s", 0, "2024-05-02", "RUS/MIL", "UKR", "ASSAULT", "195")),
	)
	if got, want := counts(t, s).Events, 3+5; got != want {
		t.Errorf("%d events, want %d: %q", got, want, summary(Events(t, s, store.Filter{})))
	}
	wantEvents(t, s, store.Filter{Actor: "RUSMIL", From: "2024-05-01", To: "2024-05-01", Negated: ptr(false), CAMEO: "19"},
		"a:0:0 x3 2024-05-01..2024-05-02 [a b s]",
		"x:0:0 x1 2024-05-01..2024-05-01 [x]",
		"f:0:0 x1 2024-05-01..2024-05-01 [f]")

	// A later report of an event that dates it a day earlier: the event
	// grows backwards, takes the earlier mention as its record, and is
	// found under its new date.
	talks := func(doc, date string) store.Coded {
		return Doc(doc, date, "Talks.", Mention(doc, 0, date, "CHN/GOV/Xi Jinping", "USA/GOV", "CONSULT", "040"))
	}
	put(t, s, talks("p", "2024-06-10"))
	put(t, s, talks("q", "2024-06-09"))
	put(t, s, talks("r2", "2024-06-10"), talks("s2", "2024-06-11"))
	wantEvents(t, s, store.Filter{Actor: "xi jinping", From: "2024-06-09", To: "2024-06-09"}, "q:0:0 x4 2024-06-09..2024-06-11 [p q r2 s2]")
	wantEvents(t, s, store.Filter{Actor: "CHN", From: "2024-06-10"})
}

func ptr[T any](v T) *T { return &v }

func testWindow(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, 0)
	for i, date := range []string{"2024-05-01", "2024-05-02", "2024-05-04"} {
		id := fmt.Sprintf("d%d", i)
		put(t, s, Doc(id, date, "b", Mention(id, 0, date, "ISR/MIL", "PSE", "ASSAULT", "190")))
	}
	if n := counts(t, s).Events; n != 3 {
		t.Errorf("window 0: %d events, want 3", n)
	}
	s.Close()
	for _, tc := range []struct{ window, events int }{{1, 2}, {2, 1}, {-1, 1}, {0, 3}} {
		s := mustOpen(t, open, tc.window)
		if n := counts(t, s).Events; n != tc.events {
			t.Errorf("reopened with window %d: %d events, want %d", tc.window, n, tc.events)
		}
		if tc.window >= 0 && s.Window() != tc.window {
			t.Errorf("Window() = %d, want %d", s.Window(), tc.window)
		}
		s.Close()
	}
}

// testOrderIndependent: the same mentions give the same events whatever
// order and batches they arrive in, which is what makes a re-run after a
// crash end where a clean run does.
func testOrderIndependent(t *testing.T, open func(store.Options) (store.Store, error)) {
	docs := Synthetic(200, 5, 30)
	one := mustOpen(t, open, 1)
	put(t, one, docs...)
	wantCounts, want := counts(t, one), summary(Events(t, one, store.Filter{}))
	one.Close()

	// Reopen the same store, empty every document and restore it, in
	// shuffled batches: the events must come back exactly as they were.
	s := mustOpen(t, open, -1)
	shuffled := slices.Clone(docs)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for i := 0; i < len(shuffled); i += 37 {
		batch := shuffled[i:min(i+37, len(shuffled))]
		changed := make([]store.Coded, len(batch))
		for j, d := range batch {
			changed[j] = d
			changed[j].Doc.Body += " (updated)"
			changed[j].Events = nil
		}
		put(t, s, changed...) // every document emptied...
		put(t, s, batch...)   // ...and restored, in another order
	}
	if c := counts(t, s); c != wantCounts {
		t.Errorf("counts after shuffled re-puts %+v, want %+v", c, wantCounts)
	}
	if got := summary(Events(t, s, store.Filter{})); !slices.Equal(got, want) {
		t.Errorf("events differ after shuffled re-puts:\n got  %d %q\n want %d %q", len(got), head(got), len(want), head(want))
	}
}

// testRandomEdits puts, replaces and empties documents at random, with few
// keys and close dates so that events grow, merge and split all the time,
// and audits the events after every batch.
func testRandomEdits(t *testing.T, open func(store.Options) (store.Store, error)) {
	for _, window := range []int{0, 1, 2} {
		s := mustOpen(t, open, window)
		r := rand.New(rand.NewPCG(uint64(window), 99))
		keys := []struct{ a, b, typ, cameo string }{
			{"RUS/MIL", "UKR", "ASSAULT", "190"}, {"RUS/MIL", "UKR", "ASSAULT", "193"},
			{"ISR/MIL", "PSE", "ASSAULT", "195"}, {"USA/GOV/Joe Biden", "CHN/GOV/Xi Jinping", "CONSULT", "040"},
		}
		made := 0
		const batches = 40
		for batch := range batches {
			var docs []store.Coded
			for range 1 + r.IntN(8) {
				// Mostly new documents (events grow), some rewritten ones
				// (events shrink, split or move).
				n := made
				if made > 0 && r.IntN(4) == 0 {
					n = r.IntN(made)
				} else {
					made++
				}
				id := fmt.Sprintf("w%d-d%03d", window, n)
				date := time.Date(2024, 5, 1+r.IntN(14), 0, 0, 0, 0, time.UTC).Format(dyad.DateLayout)
				var evs []dyad.Event
				for j := range r.IntN(4) {
					k := keys[r.IntN(len(keys))]
					evDate := time.Date(2024, 5, 1+r.IntN(40), 0, 0, 0, 0, time.UTC).Format(dyad.DateLayout)
					ev := Mention(id, j, evDate, k.a, k.b, k.typ, k.cameo)
					ev.DocDate = date
					evs = append(evs, ev)
				}
				docs = append(docs, Doc(id, date, fmt.Sprintf("batch %d text %d", batch, r.IntN(3)), evs...))
			}
			put(t, s, docs...)
			if batch%4 == 3 || batch == batches-1 {
				check(t, s)
			}
			if t.Failed() {
				t.Fatalf("window %d: audit failed after batch %d", window, batch)
			}
		}
		s.Close()
	}
}

func head(s []string) []string { return s[:min(5, len(s))] }

func testBadDocument(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	bad := Doc("", "2024-05-01", "no id", Mention("x", 0, "2024-05-01", "RUS", "UKR", "ASSAULT", "190"))
	nul := Doc("nul", "2024-05-01", "a\x00b", Mention("nul", 0, "2024-05-01", "RUS", "UKR", "ASSAULT", "190"))
	good := Doc("good", "2024-05-01", "fine", Mention("good", 0, "2024-05-01", "RUS", "UKR", "ASSAULT", "190"))
	res := put(t, s, bad, good, nul)
	if res.Added != 1 || len(res.Failed) != 2 {
		t.Errorf("Put: %+v, want 1 added and 2 failed", res)
	}
	if c := counts(t, s); c != (store.Counts{Documents: 1, Mentions: 1, Events: 1}) {
		t.Errorf("counts %+v", c)
	}
}

// queryDocs is a small world for the filter tests.
func queryDocs() []store.Coded {
	putin := Mention("p", 0, "2024-03-01", "RUS/GOV/Vladimir Putin", "UKR/GOV/Volodymyr Zelensky", "THREATEN", "138")
	putin.Negated = true
	return []store.Coded{
		Doc("p", "2024-03-01", "Putin did not threaten Zelensky.", putin),
		Doc("q", "2024-03-10", "Russian troops shelled Kharkiv.", Mention("q", 0, "2024-03-10", "RUS/MIL", "UKR/CVL", "ASSAULT", "190")),
		Doc("r", "2024-04-10", "Macron met Scholz in Paris.", Mention("r", 0, "2024-04-10", "FRA/GOV/Emmanuel Macron", "DEU/GOV/Olaf Scholz", "CONSULT", "040")),
		Doc("s", "2024-04-20", "Egypt sent humanitarian aid to Sudan.", Mention("s", 0, "2024-04-20", "EGY/GOV", "SDN/CVL", "AID", "073")),
	}
}

func testQueries(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	put(t, s, queryDocs()...)
	tests := []struct {
		f    store.Filter
		want []string // ids of the events, by date
	}{
		{store.Filter{}, []string{"p:0:0", "q:0:0", "r:0:0", "s:0:0"}},
		{store.Filter{Actor: "RUS"}, []string{"p:0:0", "q:0:0"}},
		{store.Filter{Actor: "RUSMIL"}, []string{"q:0:0"}},
		{store.Filter{Actor: "putin"}, []string{"p:0:0"}},
		{store.Filter{Actor: "Vladimir"}, []string{"p:0:0"}},
		{store.Filter{Actor: "Putinx"}, nil},
		{store.Filter{Recipient: "zelen"}, []string{"p:0:0"}},
		{store.Filter{Recipient: "UKR"}, []string{"p:0:0", "q:0:0"}},
		{store.Filter{Actor: "UKR"}, nil},
		{store.Filter{Actor: "100%_"}, nil},
		{store.Filter{Type: "consult"}, []string{"r:0:0"}},
		{store.Filter{CAMEO: "1"}, []string{"p:0:0", "q:0:0"}},
		{store.Filter{CAMEO: "07"}, []string{"s:0:0"}},
		{store.Filter{From: "2024-03-05", To: "2024-04-10"}, []string{"q:0:0", "r:0:0"}},
		{store.Filter{Actor: "RUS", From: "2024-03-05"}, []string{"q:0:0"}},
		{store.Filter{Negated: ptr(true)}, []string{"p:0:0"}},
		{store.Filter{Negated: ptr(false), Actor: "RUS"}, []string{"q:0:0"}},
		{store.Filter{Text: "Kharkiv"}, []string{"q:0:0"}},
		{store.Filter{Text: "humanitarian"}, []string{"s:0:0"}},
		{store.Filter{Limit: 2}, []string{"p:0:0", "q:0:0"}},
	}
	for _, tc := range tests {
		var got []string
		for _, e := range Events(t, s, tc.f) {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %q, want %q", tc.f, got, tc.want)
		}
	}
	// An event carries the contract's record and its sources.
	evs := Events(t, s, store.Filter{Actor: "putin"})
	if len(evs) == 1 {
		e := evs[0]
		if !e.Negated || e.Actor[0].Name != "Vladimir Putin" || e.Mentions != 1 || !slices.Equal(e.Sources, []string{"p"}) || e.FirstSeen != "2024-03-01" {
			t.Errorf("event record: %+v", e)
		}
	}
	for _, bad := range []store.Filter{{From: "yesterday"}, {Type: "DANCE"}, {CAMEO: "1%"}, {Limit: -1}} {
		for _, err := range s.Events(context.Background(), bad) {
			if err == nil {
				t.Errorf("%+v: no error", bad)
			}
		}
	}
}

func testMentions(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	put(t, s, queryDocs()...)
	put(t, s, Doc("q2", "2024-03-10", "Kharkiv again.", Mention("q2", 0, "2024-03-10", "RUS/MIL", "UKR/CVL", "ASSAULT", "190")))
	var ids []string
	for e, err := range s.Mentions(context.Background(), store.Filter{Actor: "RUS", Type: "ASSAULT"}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, e.ID)
	}
	if want := []string{"q:0:0", "q2:0:0"}; !slices.Equal(ids, want) {
		t.Errorf("mentions: %q, want %q", ids, want)
	}
	evs := Events(t, s, store.Filter{Type: "ASSAULT"})
	if len(evs) != 1 || evs[0].Mentions != 2 {
		t.Errorf("assault events: %q", summary(evs))
	}
	n := 0
	for _, err := range s.Mentions(context.Background(), store.Filter{Limit: 3}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 3 {
		t.Errorf("mentions with limit 3: %d", n)
	}
}

func testStats(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	put(t, s, queryDocs()...)
	st, err := s.Stats(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if st.Counts != (store.Counts{Documents: 4, Mentions: 4, Events: 4}) {
		t.Errorf("counts %+v", st.Counts)
	}
	months := map[string]int{}
	for _, c := range st.ByMonth {
		months[c.Key] = c.Events
	}
	if months["2024-03"] != 2 || months["2024-04"] != 2 || len(months) != 2 {
		t.Errorf("by month %+v", st.ByMonth)
	}
	if len(st.ByType) != 4 || len(st.ByActor) != 4 {
		t.Errorf("by type %+v, by actor %+v", st.ByType, st.ByActor)
	}
}

// testBrowse: the look-ups and aggregates of store.Browser.
func testBrowse(t *testing.T, open func(store.Options) (store.Store, error)) {
	s, ok := mustOpen(t, open, -1).(store.Browser)
	if !ok {
		t.Skip("the store does not implement store.Browser")
	}
	ctx := context.Background()
	docs := queryDocs()
	docs[1].Events[0].Goldstein = -10
	docs[1].Events[0].QuadCode = 4
	docs[2].Events[0].Goldstein = 1
	docs[2].Events[0].QuadCode = 1
	put(t, s, docs...)
	put(t, s, Doc("q2", "2024-03-10", "Kharkiv again.", Mention("q2", 0, "2024-03-10", "RUS/MIL", "UKR/CVL", "ASSAULT", "190")))

	pages := []struct {
		f    store.Filter
		p    store.Page
		want []string
		more bool
	}{
		{store.Filter{}, store.Page{Limit: 10}, []string{"p:0:0", "q:0:0", "r:0:0", "s:0:0"}, false},
		{store.Filter{}, store.Page{Limit: 2}, []string{"p:0:0", "q:0:0"}, true},
		{store.Filter{}, store.Page{Limit: 2, Offset: 2}, []string{"r:0:0", "s:0:0"}, false},
		{store.Filter{}, store.Page{Sort: "-date", Limit: 3}, []string{"s:0:0", "r:0:0", "q:0:0"}, true},
		{store.Filter{}, store.Page{Sort: "goldstein", Limit: 1}, []string{"q:0:0"}, true},
		{store.Filter{}, store.Page{Sort: "-goldstein", Limit: 1}, []string{"r:0:0"}, true},
		{store.Filter{}, store.Page{Sort: "-mentions", Limit: 1}, []string{"q:0:0"}, true},
		{store.Filter{Actor: "RUS"}, store.Page{Sort: "-date", Limit: 5}, []string{"q:0:0", "p:0:0"}, false},
		{store.Filter{Actor: "RUS", Limit: 1}, store.Page{Limit: 5}, []string{"p:0:0", "q:0:0"}, false},
	}
	for _, tc := range pages {
		evs, more, err := s.EventPage(ctx, tc.f, tc.p)
		if err != nil {
			t.Fatalf("EventPage(%+v, %+v): %v", tc.f, tc.p, err)
		}
		var got []string
		for _, e := range evs {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tc.want) || more != tc.more {
			t.Errorf("EventPage(%+v, %+v) = %q, %v; want %q, %v", tc.f, tc.p, got, more, tc.want, tc.more)
		}
	}
	for _, bad := range []store.Page{{Sort: "colour", Limit: 1}, {Limit: 0}, {Offset: -1, Limit: 1}} {
		if _, _, err := s.EventPage(ctx, store.Filter{}, bad); err == nil {
			t.Errorf("EventPage(%+v): no error", bad)
		}
	}
	if n, err := s.CountEvents(ctx, store.Filter{Actor: "RUS"}); err != nil || n != 2 {
		t.Errorf("CountEvents(RUS) = %d, %v; want 2", n, err)
	}

	if err := s.CheckText(ctx, "Kharkiv"); err != nil {
		t.Errorf("CheckText(Kharkiv): %v", err)
	}

	ev, mentions, err := s.EventByID(ctx, "q2:0:0")
	if err != nil {
		t.Fatalf("EventByID: %v", err)
	}
	if ev.ID != "q:0:0" || ev.Mentions != 2 || len(mentions) != 2 || mentions[0].ID != "q:0:0" || mentions[1].ID != "q2:0:0" {
		t.Errorf("EventByID(q2:0:0) = %s x%d, mentions %+v", ev.ID, ev.Mentions, mentions)
	}
	if _, _, err := s.EventByID(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("EventByID(nope): %v, want ErrNotFound", err)
	}

	d, mentions, err := s.Document(ctx, "p")
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	if d.Body != "Putin did not threaten Zelensky." || d.Date.Format(dyad.DateLayout) != "2024-03-01" || len(mentions) != 1 || mentions[0].Actor[0].Name != "Vladimir Putin" {
		t.Errorf("Document(p) = %+v, %+v", d, mentions)
	}
	if _, _, err := s.Document(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(nope): %v, want ErrNotFound", err)
	}

	actors := []struct {
		q    string
		want []store.ActorCount
	}{
		{"RU", []store.ActorCount{{Code: "RUS", Count: 2}, {Code: "RUSGOV", Count: 1}, {Code: "RUSMIL", Count: 1}}},
		{"put", []store.ActorCount{{Name: "Vladimir Putin", Code: "RUS", Count: 1}}},
		{"zz", []store.ActorCount{}},
		{"100%", []store.ActorCount{}},
	}
	for _, tc := range actors {
		got, err := s.Actors(ctx, tc.q, 10)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("Actors(%q) = %+v, %v; want %+v", tc.q, got, err, tc.want)
		}
	}

	days, err := s.Timeline(ctx, store.Filter{Actor: "RUS"})
	if err != nil {
		t.Fatalf("Timeline: %v", err)
	}
	wantDays := []store.DayCount{
		{Date: "2024-03-01", Quad: [4]int{0, 0, 0, 1}, Events: 1, Goldstein: -1},
		{Date: "2024-03-10", Quad: [4]int{0, 0, 0, 1}, Events: 1, Goldstein: -10},
	}
	if !slices.Equal(days, wantDays) {
		t.Errorf("Timeline(RUS) = %+v, want %+v", days, wantDays)
	}

	dyads, err := s.Dyads(ctx, store.Filter{From: "2024-03-01", To: "2024-04-15"})
	if err != nil {
		t.Fatalf("Dyads: %v", err)
	}
	wantDyads := []store.DyadCount{
		{Actor: "RUS", Recipient: "UKR", Events: 2, Goldstein: -11}, // most events first
		{Actor: "FRA", Recipient: "DEU", Events: 1, Goldstein: 1},
	}
	if !slices.Equal(dyads, wantDyads) {
		t.Errorf("Dyads = %+v, want %+v", dyads, wantDyads)
	}
}

// testConcurrent: queries keep answering, with counts that only grow,
// while batches are being written.
func testConcurrent(t *testing.T, open func(store.Options) (store.Store, error)) {
	s := mustOpen(t, open, -1)
	docs := Synthetic(600, 3, 30)
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for i := 0; i < len(docs); i += 50 {
			if _, err := s.Put(context.Background(), "v1", docs[i:min(i+50, len(docs))]); err != nil {
				t.Errorf("Put: %v", err)
				return
			}
		}
	}()
	queries := 0
	last := store.Counts{}
	for stop := false; !stop; {
		select {
		case <-done:
			stop = true
		default:
		}
		c, err := s.Counts(context.Background())
		if err != nil {
			t.Fatalf("Counts during ingest: %v", err)
		}
		if c.Documents < last.Documents || c.Mentions < last.Mentions {
			t.Errorf("counts went back: %+v after %+v", c, last)
		}
		last = c
		for _, err := range s.Events(context.Background(), store.Filter{Actor: "RUS", Limit: 20}) {
			if err != nil {
				t.Fatalf("Events during ingest: %v", err)
			}
		}
		queries++
	}
	wg.Wait()
	if queries < 2 {
		t.Logf("only %d queries ran during the ingest", queries)
	}
	if c := counts(t, s); c.Documents != len(docs) {
		t.Errorf("after ingest: %+v, want %d documents", c, len(docs))
	}
}

// Countries the synthetic data draws actors from.
var countries = []string{"RUS", "UKR", "USA", "CHN", "FRA", "DEU", "GBR", "ISR", "PSE", "IRN", "SYR", "TUR", "EGY", "SDN", "IND", "PAK",
	"JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ETH", "SAU", "YEM", "AFG", "IRQ", "LBN", "POL", "BLR", "ARM", "AZE"}
var sectors = []string{"GOV", "MIL", "COP", "OPP", "CVL", "BUS"}

// Synthetic makes n documents with up to perDoc mentions each, over days
// days from 2020-01-01, drawn from a fixed seed: many distinct events and
// some that several documents report.
func Synthetic(n, perDoc, days int) []store.Coded {
	r := rand.New(rand.NewPCG(uint64(n), uint64(perDoc)))
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]store.Coded, n)
	for i := range out {
		id := fmt.Sprintf("syn-%07d", i)
		date := start.AddDate(0, 0, r.IntN(max(days, 1))).Format(dyad.DateLayout)
		k := 1 + r.IntN(perDoc)
		evs := make([]dyad.Event, k)
		for j := range evs {
			a := countries[r.IntN(len(countries))] + "/" + sectors[r.IntN(len(sectors))]
			b := countries[r.IntN(len(countries))] + "/" + sectors[r.IntN(len(sectors))]
			typ := dyad.PLOVERTypes[r.IntN(len(dyad.PLOVERTypes))]
			cameo := fmt.Sprintf("%02d%d", 1+r.IntN(20), r.IntN(10))
			evs[j] = Mention(id, j, date, a, b, typ, cameo)
			evs[j].Negated = r.IntN(10) == 0
		}
		out[i] = Doc(id, date, fmt.Sprintf("Synthetic report %d about %s.", i, evs[0].Actor[0].Code), evs...)
	}
	return out
}

// Load puts synthetic documents into s until it holds at least events
// mentions (about as many events: few of them collide), in batches of
// 1,000 documents, spread over ten years from 2015-01-01.
func Load(tb testing.TB, s store.Store, events int) {
	tb.Helper()
	const perBatch = 1000
	r := rand.New(rand.NewPCG(42, uint64(events)))
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	written := 0
	for doc := 0; written < events; {
		batch := make([]store.Coded, 0, perBatch)
		for range perBatch {
			id := fmt.Sprintf("load-%08d", doc)
			doc++
			date := start.AddDate(0, 0, r.IntN(3650)).Format(dyad.DateLayout)
			evs := make([]dyad.Event, 1+r.IntN(3))
			for j := range evs {
				a := countries[r.IntN(len(countries))] + "/" + sectors[r.IntN(len(sectors))]
				b := countries[r.IntN(len(countries))] + "/" + sectors[r.IntN(len(sectors))]
				evs[j] = Mention(id, j, date, a, b, dyad.PLOVERTypes[r.IntN(len(dyad.PLOVERTypes))], fmt.Sprintf("%02d%d", 1+r.IntN(20), r.IntN(10)))
			}
			written += len(evs)
			batch = append(batch, Doc(id, date, "Synthetic report about "+evs[0].Actor[0].Code+".", evs...))
		}
		if _, err := s.Put(context.Background(), "bench", batch); err != nil {
			tb.Fatalf("load: %v", err)
		}
	}
}

// BenchQuery times the query by actor and date range that an analyst runs
// most (one country as actor, one quarter, every matching event with its
// sources), and a few others as sub-benchmarks.
func BenchQuery(b *testing.B, s store.Store) {
	for _, bc := range []struct {
		name string
		f    store.Filter
	}{
		{"ActorQuarter", store.Filter{Actor: "RUS", From: "2020-01-01", To: "2020-03-31"}},
		{"ActorFirst100", store.Filter{Actor: "RUS", Limit: 100}},
		{"ActorRecipientHalfYear", store.Filter{Actor: "RUS", Recipient: "UKR", From: "2020-01-01", To: "2020-06-30"}},
		{"TypeMonth", store.Filter{Type: "ASSAULT", From: "2020-01-01", To: "2020-01-31"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = len(Events(b, s, bc.f))
			}
			if n == 0 {
				b.Fatal("the query found nothing")
			}
			b.ReportMetric(float64(n), "events/op")
		})
	}
}
