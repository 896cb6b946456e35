package reactions_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/internal/testshared"
	"github.com/dyad-events/dyad/internal/teststore"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/reactions"
	"github.com/dyad-events/dyad/store"
)

// ingest codes the documents of inputs into a new SQLite store.
func ingest(t *testing.T, inputs ...string) store.Store {
	t.Helper()
	return teststore.Ingest(t, inputs...)
}

func loadAll(t *testing.T) (*kb.KB, *reactions.Kinds) {
	t.Helper()
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	kinds, err := reactions.LoadKinds(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return k, kinds
}

func date(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is one expected row; delay -1 means no delay.
type want struct {
	country, status, first string
	delay                  int
	declined, actor        string
	evidence               string // a substring of the first evidence sentence
}

func check(t *testing.T, rep reactions.Report, wants []want) {
	t.Helper()
	byCode := map[string]reactions.Reaction{}
	for _, r := range rep.Reactions {
		byCode[r.Country] = r
	}
	for _, w := range wants {
		r, ok := byCode[w.country]
		if !ok {
			if w.status != "" {
				t.Errorf("%s: not in the report", w.country)
			}
			continue
		}
		if w.status == "" {
			t.Errorf("%s: in the report (%s), want it left out", w.country, r.Status)
			continue
		}
		delay := -1
		if r.DelayDays != nil {
			delay = *r.DelayDays
		}
		actor := ""
		if r.Actor != nil {
			actor = r.Actor.Name
		}
		if string(r.Status) != w.status || r.FirstDate != w.first || delay != w.delay || r.DeclinedDate != w.declined || actor != w.actor {
			t.Errorf("%s: got %s first=%q delay=%d declined=%q actor=%q, want %s first=%q delay=%d declined=%q actor=%q",
				w.country, r.Status, r.FirstDate, delay, r.DeclinedDate, actor, w.status, w.first, w.delay, w.declined, w.actor)
		}
		if w.evidence != "" && (len(r.Evidence) == 0 || !strings.Contains(r.Evidence[0].Text, w.evidence)) {
			t.Errorf("%s: evidence %+v, want a sentence with %q", w.country, r.Evidence, w.evidence)
		}
	}
}

// TestSeed is the acceptance test: the seed article alone.
func TestSeed(t *testing.T) {
	seed := filepath.Join(testshared.Dir(t), "examples", "seed")
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("skipped: no seed example at %s", seed)
	}
	st := ingest(t, seed)
	k, kinds := loadAll(t)
	tests := []struct {
		name string
		q    reactions.Query
		want []want
	}{
		{"trump", reactions.Query{To: "Donald Trump", Since: date("2024-11-05")},
			[]want{{"AZE", "reacted", "2024-11-06", 1, "", "Ilham Aliyev", "congratulated Donald Trump"}, {"MDA", "silent", "", -1, "", "", ""}, {"USA", "", "", 0, "", "", ""}}},
		{"sandu", reactions.Query{To: "Maia Sandu", Since: date("2024-11-03")},
			[]want{{"AZE", "declined", "", -1, "2024-11-06", "Ilham Aliyev", "did not congratulate"}, {"MDA", "", "", 0, "", "", ""}}},
		{"sandu congratulate", reactions.Query{To: "Maia Sandu", Since: date("2024-11-03"), Kind: "congratulate", Expected: []string{"AZE", "USA"}},
			[]want{{"AZE", "declined", "", -1, "2024-11-06", "Ilham Aliyev", ""}, {"USA", "silent", "", -1, "", "", ""}}},
		{"sandu condolence", reactions.Query{To: "Maia Sandu", Since: date("2024-11-03"), Kind: "condolence"},
			[]want{{"AZE", "silent", "", -1, "", "", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := reactions.Compute(context.Background(), st, k, kinds, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			check(t, rep, tc.want)
		})
	}
}

// TestArticles runs on articles written for this test (testdata): a
// Moldovan election on 2024-11-03 and the reactions over the next weeks.
func TestArticles(t *testing.T) {
	st := ingest(t, "testdata")
	k, kinds := loadAll(t)
	since := date("2024-11-03")
	g20ish := []string{"FRA", "DEU", "POL", "HUN", "GEO", "RUS", "ITA", "ESP", "BEL", "USA", "MDA"}
	tests := []struct {
		name string
		q    reactions.Query
		want []want
	}{
		{"congratulations", reactions.Query{To: "Maia Sandu", Since: since, Kind: "congratulate", Expected: g20ish}, []want{
			{"FRA", "reacted", "2024-11-04", 1, "", "Emmanuel Macron", "Macron congratulated"},
			// A foreign ministry spokesperson speaks for Germany.
			{"DEU", "reacted", "2024-11-04", 1, "", "Germany", "German foreign ministry"},
			// Congratulating Moldova counts for its president.
			{"POL", "reacted", "2024-11-04", 1, "", "Poland", "congratulated Moldova"},
			// Declined on the 5th, reacted on the 8th.
			{"HUN", "reacted", "2024-11-08", 5, "2024-11-05", "Viktor Orbán", "on Friday"},
			{"GEO", "declined", "", -1, "2024-11-05", "Georgia", "has yet to"},
			{"ESP", "reacted", "2024-12-20", 47, "", "Spain", "Chisinau"},
			// Criticism is not a congratulation.
			{"RUS", "silent", "", -1, "", "", ""},
			// Praise for someone else is no reaction to Sandu.
			{"ITA", "silent", "", -1, "", "", ""},
			{"BEL", "silent", "", -1, "", "", ""},
			{"USA", "silent", "", -1, "", "", ""},
			// Her own prime minister's message is a self-reaction.
			{"MDA", "", "", 0, "", "", ""},
		}},
		{"until", reactions.Query{To: "Maia Sandu", Since: since, Until: date("2024-11-30"), Kind: "congratulate", Expected: []string{"ESP", "HUN"}}, []want{
			{"ESP", "silent", "", -1, "", "", ""},
			{"HUN", "reacted", "2024-11-08", 5, "2024-11-05", "Viktor Orbán", ""},
		}},
		{"until before the change", reactions.Query{To: "Maia Sandu", Since: since, Until: date("2024-11-06"), Kind: "congratulate", Expected: []string{"HUN"}}, []want{
			{"HUN", "declined", "", -1, "2024-11-05", "Viktor Orbán", "did not congratulate"},
		}},
		{"condemn", reactions.Query{To: "Maia Sandu", Since: since, Kind: "condemn", Expected: []string{"RUS", "FRA"}}, []want{
			{"RUS", "reacted", "2024-11-04", 1, "", "Russia", "criticised"},
			{"FRA", "silent", "", -1, "", "", ""},
		}},
		// The country as target: every recipient with its code counts,
		// Recean too, but Moldova's own actors never do.
		{"country", reactions.Query{To: "MDA", Since: since, Kind: "congratulate", Expected: []string{"BEL", "POL", "MDA"}}, []want{
			{"BEL", "reacted", "2024-11-04", 1, "", "Belgium", "Dorin Recean"},
			{"POL", "reacted", "2024-11-04", 1, "", "Poland", ""},
			{"MDA", "", "", 0, "", "", ""},
		}},
		{"country by name", reactions.Query{To: "Moldova", Since: since, Kind: "congratulate", Expected: []string{"POL"}}, []want{
			{"POL", "reacted", "2024-11-04", 1, "", "Poland", ""},
		}},
		// Without a --since there is no delay.
		{"open window", reactions.Query{To: "Maia Sandu", Kind: "congratulate", Expected: []string{"FRA"}}, []want{
			{"FRA", "reacted", "2024-11-04", -1, "", "Emmanuel Macron", ""},
		}},
		// The default expected set: every state with a leader, plus any
		// reacting code.
		{"default set", reactions.Query{To: "Maia Sandu", Since: since}, []want{
			{"FRA", "reacted", "2024-11-04", 1, "", "Emmanuel Macron", ""},
			{"RUS", "reacted", "2024-11-04", 1, "", "Russia", ""},
			{"HUN", "reacted", "2024-11-08", 5, "2024-11-05", "Viktor Orbán", ""},
			{"JPN", "silent", "", -1, "", "", ""},
			{"MDA", "", "", 0, "", "", ""},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := reactions.Compute(context.Background(), st, k, kinds, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			check(t, rep, tc.want)
		})
	}
}

func TestReportOrderAndJSON(t *testing.T) {
	st := ingest(t, "testdata")
	k, kinds := loadAll(t)
	rep, err := reactions.Compute(context.Background(), st, k, kinds, reactions.Query{
		To: "Maia Sandu", Since: date("2024-11-03"), Kind: "congratulate", Expected: []string{"ITA", "GEO", "HUN", "FRA"}})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, r := range rep.Reactions {
		order = append(order, r.Country)
	}
	if got, want := strings.Join(order, ","), "FRA,HUN,GEO,ITA"; got != want {
		t.Errorf("order %s, want %s (reacted by date, declined, silent)", got, want)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var generic struct {
		To        map[string]any   `json:"to"`
		Since     string           `json:"since"`
		Kind      string           `json:"kind"`
		Reactions []map[string]any `json:"reactions"`
	}
	if err := json.Unmarshal(b, &generic); err != nil {
		t.Fatal(err)
	}
	if generic.To["code"] != "MDA" || generic.Since != "2024-11-03" || generic.Kind != "congratulate" {
		t.Errorf("header: %s", b)
	}
	if _, ok := generic.Reactions[3]["first_date"]; ok {
		t.Errorf("a silent country has a first_date: %v", generic.Reactions[3])
	}
	hun := generic.Reactions[1]
	for _, key := range []string{"country", "status", "first_date", "delay_days", "declined_date", "actor", "evidence"} {
		if _, ok := hun[key]; !ok {
			t.Errorf("HUN has no %q: %v", key, hun)
		}
	}
	ev := hun["evidence"].([]any)[0].(map[string]any)
	if ev["doc"] != "orban-relents" || ev["sentence"] != 0.0 || ev["text"] == "" {
		t.Errorf("HUN evidence %v", ev)
	}
}

func TestComputeErrors(t *testing.T) {
	st := ingest(t, "testdata")
	k, kinds := loadAll(t)
	tests := []struct {
		name string
		q    reactions.Query
		want string
	}{
		{"unknown name", reactions.Query{To: "Nobody Inparticular"}, "unknown target"},
		{"unknown code", reactions.Query{To: "QQQ"}, "unknown target"},
		{"empty", reactions.Query{To: " "}, "unknown target"},
		{"kind", reactions.Query{To: "MDA", Kind: "applaud"}, `unknown kind "applaud"`},
		{"window", reactions.Query{To: "MDA", Since: date("2024-11-05"), Until: date("2024-11-01")}, "before since"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := reactions.Compute(context.Background(), st, k, kinds, tc.q)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	k, _ := loadAll(t)
	tests := []struct {
		to, date   string
		code, name string
		person     bool
	}{
		{"Maia Sandu", "2024-11-03", "MDA", "Maia Sandu", true},
		{"Sandu", "2024-11-03", "MDA", "Maia Sandu", true},
		{"Donald Trump", "2024-11-05", "USA", "Donald Trump", true},
		{"Moldova", "2024-11-03", "MDA", "Moldova", false},
		{"MDA", "2024-11-03", "MDA", "Moldova", false},
		{"NATO", "2024-11-03", "NATO", "", false},
	}
	for _, tc := range tests {
		got, err := reactions.Resolve(k, tc.to, date(tc.date))
		if err != nil {
			t.Errorf("%q: %v", tc.to, err)
			continue
		}
		if got.Code != tc.code || got.Person != tc.person || tc.name != "" && got.Name != tc.name {
			t.Errorf("%q: got %s %q person=%v, want %s %q person=%v", tc.to, got.Code, got.Name, got.Person, tc.code, tc.name, tc.person)
		}
	}
}
