package store

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-events/dyad"
)

func entity(code, sector, name string) dyad.Entity {
	return dyad.Entity{Text: name, Name: name, Code: code, Sector: sector, CAMEO: code + sector}
}

func TestMentionKey(t *testing.T) {
	base := dyad.Event{Date: "2024-05-01", DocDate: "2024-05-01", Type: "ASSAULT", CAMEO: "190",
		Actor: []dyad.Entity{entity("RUS", "MIL", "")}, Recipient: []dyad.Entity{entity("UKR", "", "")}}
	same := []func(e *dyad.Event){
		func(e *dyad.Event) { e.CAMEO = "195" },                                                              // same root
		func(e *dyad.Event) { e.Date = "2024-05-02" },                                                        // dates are not in the key
		func(e *dyad.Event) { e.Actor = []dyad.Entity{entity("RUS", "MIL", "x"), entity("RUS", "MIL", "")} }, // a set
		func(e *dyad.Event) { e.Actor[0].Start, e.Actor[0].Text = 50, "Russian troops" },                     // words and offsets
		func(e *dyad.Event) { e.Goldstein, e.Mode, e.Context = -10, "aerial", []string{"military"} },
	}
	differ := []func(e *dyad.Event){
		func(e *dyad.Event) { e.CAMEO = "180" },
		func(e *dyad.Event) { e.Type = "COERCE" },
		func(e *dyad.Event) { e.Negated = true },
		func(e *dyad.Event) { e.Aux = dyad.AuxFuture },
		func(e *dyad.Event) { e.Actor[0].Sector = "GOV" },
		func(e *dyad.Event) { e.Actor, e.Recipient = e.Recipient, e.Actor },
		func(e *dyad.Event) { e.Actor = append(e.Actor, entity("BLR", "MIL", "")) },
		func(e *dyad.Event) { e.Date = "2024-05" }, // a month is not a day
	}
	copyEv := func() dyad.Event {
		e := base
		e.Actor = append([]dyad.Entity{}, base.Actor...)
		e.Recipient = append([]dyad.Entity{}, base.Recipient...)
		return e
	}
	k := MentionKey(base)
	for i, change := range same {
		e := copyEv()
		change(&e)
		if got := MentionKey(e); got != k {
			t.Errorf("same #%d: key %q, want %q", i, got, k)
		}
	}
	for i, change := range differ {
		e := copyEv()
		change(&e)
		if got := MentionKey(e); got == k {
			t.Errorf("differ #%d: key %q equals the base", i, got)
		}
	}
	// Unresolved actors are told apart by their words.
	a, b := copyEv(), copyEv()
	a.Actor = []dyad.Entity{{Text: "gunmen"}}
	b.Actor = []dyad.Entity{{Text: "protesters"}}
	if MentionKey(a) == MentionKey(b) {
		t.Error("two unresolved actors share a key")
	}
}

func TestMentionDay(t *testing.T) {
	tests := []struct {
		date, docDate string
		day           int
		prec          string
	}{
		{"1970-01-02", "", 1, ""},
		{"1969-12-31", "", -1, ""},
		{"2024-11", "2024-11-20", dayNumber(mustDate("2024-11-01")), "m"},
		{"2024", "", dayNumber(mustDate("2024-01-01")), "y"},
		{"garbage", "2024-05-01", dayNumber(mustDate("2024-05-01")), ""},
		{"", "", 0, "?"},
	}
	for _, tc := range tests {
		day, prec := mentionDay(tc.date, tc.docDate)
		if day != tc.day || prec != tc.prec {
			t.Errorf("mentionDay(%q, %q) = %d %q, want %d %q", tc.date, tc.docDate, day, prec, tc.day, tc.prec)
		}
	}
	if got := dayDate(dayNumber(mustDate("2024-02-29"))); got != "2024-02-29" {
		t.Errorf("dayDate round trip: %s", got)
	}
}

func TestMentionTerms(t *testing.T) {
	e := dyad.Event{Actor: []dyad.Entity{entity("RUS", "GOV", "Vladimir  Putin")}, Recipient: []dyad.Entity{{Code: "UKR"}}}
	got := strings.Join(mentionTerms(e), " ")
	if want := "A:RUS A:RUSGOV A:n:vladimir putin R:UKR"; got != want {
		t.Errorf("terms %q, want %q", got, want)
	}
	if got := foldName(" Recep Tayyip  ERDOĞAN "); got != "recep tayyip erdogan" {
		t.Errorf("foldName: %q", got)
	}
}

func TestLooksLikeCode(t *testing.T) {
	for in, want := range map[string]bool{"RUS": true, "RUSMIL": true, "G20": true, "Putin": false, "putin": false, "": false, "RUS MIL": false} {
		if looksLikeCode(in) != want {
			t.Errorf("looksLikeCode(%q) = %v", in, !want)
		}
	}
}

func TestContentHash(t *testing.T) {
	d := dyad.Document{ID: "a", Body: "text", Date: mustDate("2024-01-01")}
	h := ContentHash(d)
	for _, change := range []func(*dyad.Document){
		func(d *dyad.Document) { d.Body += " " },
		func(d *dyad.Document) { d.Date = mustDate("2024-01-02") },
		func(d *dyad.Document) { d.Title = "t" },
		func(d *dyad.Document) { d.ID, d.Body = "at", "ext" }, // length prefixes keep fields apart
	} {
		c := d
		change(&c)
		if ContentHash(c) == h {
			t.Errorf("hash unchanged by a change: %+v", c)
		}
	}
	d.Origin = "elsewhere.txt"
	if ContentHash(d) != h {
		t.Error("where a document was read from changed its hash")
	}
}

func TestDictVersion(t *testing.T) {
	a := fstest.MapFS{"kb/x.tsv": {Data: []byte("RUS\tRussia\n")}}
	b := fstest.MapFS{"kb/x.tsv": {Data: []byte("RUS\tRussian Federation\n")}}
	va, err := DictVersion(a)
	if err != nil {
		t.Fatal(err)
	}
	vb, _ := DictVersion(b)
	va2, _ := DictVersion(a)
	if va == vb || va != va2 {
		t.Errorf("versions: %s %s %s", va, vb, va2)
	}
	if _, err := DictVersion(a, "/no/such/dict"); err == nil {
		t.Error("no error for a missing extra dictionary")
	}
}

func TestClusterMembers(t *testing.T) {
	m := func(pk int64, day int, doc string) member {
		return member{pk: pk, docPK: pk, day: day, docID: doc, docDate: dayDate(day)}
	}
	tests := []struct {
		days   []int
		window int
		want   []int // cluster sizes
	}{
		{[]int{1, 2, 4}, 1, []int{2, 1}},
		{[]int{1, 2, 3, 4}, 1, []int{4}},
		{[]int{1, 2, 4}, 0, []int{1, 1, 1}},
		{[]int{5, 5, 5}, 0, []int{3}},
		{[]int{10, 1, 3}, 2, []int{2, 1}},
	}
	for _, tc := range tests {
		var ms []member
		for i, d := range tc.days {
			ms = append(ms, m(int64(i), d, string(rune('a'+i))))
		}
		var sizes []int
		for _, c := range clusterMembers(ms, tc.window) {
			sizes = append(sizes, len(c.members))
			if c.firstDay != c.members[0].day || c.lastDay != c.members[len(c.members)-1].day || c.sources != len(c.members) {
				t.Errorf("%v: bad summary %+v", tc.days, c)
			}
		}
		if len(sizes) != len(tc.want) {
			t.Errorf("days %v window %d: sizes %v, want %v", tc.days, tc.window, sizes, tc.want)
			continue
		}
		for i := range sizes {
			if sizes[i] != tc.want[i] {
				t.Errorf("days %v window %d: sizes %v, want %v", tc.days, tc.window, sizes, tc.want)
			}
		}
	}
}

func TestFilterValidate(t *testing.T) {
	good := []Filter{{}, {From: "2024-01-01", To: "2024-12-31"}, {Type: "assault"}, {CAMEO: "19"}}
	bad := []Filter{{From: "2024-13-01"}, {To: "soon"}, {Type: "DANCE"}, {CAMEO: "19%"}, {Limit: -2}}
	for _, f := range good {
		if err := f.Validate(); err != nil {
			t.Errorf("%+v: %v", f, err)
		}
	}
	for _, f := range bad {
		if err := f.Validate(); err == nil {
			t.Errorf("%+v: no error", f)
		}
	}
}

func TestDollarPlaceholders(t *testing.T) {
	if got := DollarPlaceholders("a = ? AND b IN (?, ?)"); got != "a = $1 AND b IN ($2, $3)" {
		t.Errorf("got %q", got)
	}
}

func mustDate(s string) time.Time {
	t, err := time.Parse(dyad.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}
