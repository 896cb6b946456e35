package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// seedEvent is the second event of the seed article, as the contract shows it.
func seedEvent() dyad.Event {
	return dyad.Event{
		ID: "000_2881ff98ad935c2a:1:0", Doc: "000_2881ff98ad935c2a", Date: "2024-11-06", DocDate: "2024-11-06",
		Actor: []dyad.Entity{{Text: "Aliyev", Name: "Ilham Aliyev", Code: "AZE", Sector: "GOV", CAMEO: "AZEGOV", Start: 297, End: 303}},
		Recipient: []dyad.Entity{{Text: "Moldovan President Maia Sandu", Name: "Maia Sandu", Code: "MDA", Sector: "GOV",
			CAMEO: "MDAGOV", Start: 324, End: 353}},
		Type: "SUPPORT", Context: []string{"election", "diplomatic"}, CAMEO: "051", Goldstein: 3.4, QuadCode: 1,
		Negated: true, EventText: "did not congratulate", EventStart: 304, EventEnd: 324,
		Text:     "At the same time, Aliyev did not congratulate Moldovan President Maia Sandu, who won the presidential election on November 3.",
		TextInfo: dyad.TextInfo{Sentence: 1, Start: 279, End: 403},
	}
}

// oddEvent has every awkward value: no recipient, nil slices, several
// actors, separators and HTML characters in the text, a quotation.
func oddEvent() dyad.Event {
	return dyad.Event{
		ID: "d:0:1", Doc: "d", Date: "2024-11", DocDate: "2024-11-06",
		Actor: []dyad.Entity{
			{Text: "Armenia", Name: "Armenia", Code: "ARM", Sector: "GOV", CAMEO: "ARMGOV"},
			{Text: "we", Code: "AZE"},
		},
		Type: "AGREE", Mode: "sign", CAMEO: "0311", Goldstein: -0.5, QuadCode: 1, Aux: dyad.AuxFuture,
		EventText: "will\tsign",
		Text:      "They said:\n\"we <will> sign & ratify\"\twithin a year; the talks went on for a long, long, long while.",
		Quote:     &dyad.Quote{Speaker: dyad.Entity{Text: "the minister", Code: "AZE", Sector: "GOV"}, Start: 10, End: 40},
	}
}

func write(t *testing.T, format string, events ...dyad.Event) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if err := w.Write(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(seedEvent()); !errors.Is(err, errClosed) {
		t.Errorf("Write after Close: got %v, want errClosed", err)
	}
	return buf.String()
}

func TestNewWriter(t *testing.T) {
	if got := strings.Join(Formats(), ","); got != "jsonl,tsv,table" {
		t.Errorf("Formats() = %s", got)
	}
	for _, f := range append(Formats(), "JSONL", " tsv ") {
		if _, err := NewWriter(f, &bytes.Buffer{}); err != nil {
			t.Errorf("NewWriter(%q): %v", f, err)
		}
	}
	_, err := NewWriter("csv", &bytes.Buffer{})
	if err == nil || err.Error() != `unknown output format "csv" (want one of: jsonl, tsv, table)` {
		t.Errorf("NewWriter(csv) error = %v", err)
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	events := []dyad.Event{seedEvent(), oddEvent()}
	out := write(t, "jsonl", events...)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(events) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(events), out)
	}
	for i, line := range lines {
		var got dyad.Event
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want := events[i].WithEmptyLists()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("line %d decodes to\n%+v\nwant\n%+v", i+1, got, want)
		}
	}
	// The contract's field order, and the empty lists as [] not null.
	wantPrefix := `{"id":"000_2881ff98ad935c2a:1:0","doc":"000_2881ff98ad935c2a","date":"2024-11-06","doc_date":"2024-11-06",` +
		`"actor":[{"entity_text":"Aliyev","name":"Ilham Aliyev","code":"AZE","sector":"GOV","cameo":"AZEGOV","start":297,"end":303}],`
	if !strings.HasPrefix(lines[0], wantPrefix) {
		t.Errorf("line 1 = %s\nwant prefix %s", lines[0], wantPrefix)
	}
	if !strings.Contains(lines[0], `"event":"SUPPORT","mode":"","context":["election","diplomatic"],"cameo":"051","goldstein":3.4,"quad_code":1,"negated":true,"aux":""`) {
		t.Errorf("line 1 fields out of contract order: %s", lines[0])
	}
	if strings.Contains(lines[0], `"quote"`) {
		t.Errorf("line 1 has a quote it should omit: %s", lines[0])
	}
	for _, want := range []string{`"recipient":[]`, `"context":[]`, `<will> sign & ratify`, `"quote":{"speaker":`} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("line 2 lacks %s: %s", want, lines[1])
		}
	}
}

func TestJSONLEmptyEvent(t *testing.T) {
	out := write(t, "jsonl", dyad.Event{})
	for _, want := range []string{`"actor":[]`, `"recipient":[]`, `"context":[]`} {
		if !strings.Contains(out, want) {
			t.Errorf("empty event lacks %s: %s", want, out)
		}
	}
	if strings.Contains(out, "null") {
		t.Errorf("empty event has a null: %s", out)
	}
}

func TestTSV(t *testing.T) {
	out := write(t, "tsv", seedEvent(), oddEvent(), dyad.Event{})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines, want header + 3:\n%s", len(lines), out)
	}
	var rows []map[string]string
	for i, line := range lines {
		cells := strings.Split(line, "\t")
		if len(cells) != len(tsvColumns) {
			t.Fatalf("line %d has %d columns, want %d: %q", i+1, len(cells), len(tsvColumns), line)
		}
		if i == 0 {
			continue
		}
		row := map[string]string{}
		for j, c := range cells {
			row[tsvColumns[j]] = c
		}
		rows = append(rows, row)
	}
	if lines[0] != strings.Join(tsvColumns, "\t") {
		t.Errorf("header = %q", lines[0])
	}
	tests := []struct {
		row          int
		column, want string
	}{
		{0, "GlobalEventID", "000_2881ff98ad935c2a:1:0"},
		{0, "Day", "20241106"},
		{0, "MonthYear", "202411"},
		{0, "Year", "2024"},
		{0, "Actor1Code", "AZEGOV"},
		{0, "Actor1Name", "Ilham Aliyev"},
		{0, "Actor1CountryCode", "AZE"},
		{0, "Actor1Type1Code", "GOV"},
		{0, "Actor2Name", "Maia Sandu"},
		{0, "Actor2Text", "Moldovan President Maia Sandu"},
		{0, "IsRootEvent", "0"},
		{0, "EventCode", "051"},
		{0, "EventBaseCode", "051"},
		{0, "EventRootCode", "05"},
		{0, "QuadClass", "1"},
		{0, "GoldsteinScale", "3.4"},
		{0, "NumMentions", "1"},
		{0, "PloverType", "SUPPORT"},
		{0, "PloverContext", "election,diplomatic"},
		{0, "Negated", "1"},
		{0, "EventText", "did not congratulate"},
		{0, "EventStart", "304"},
		{0, "DocDay", "20241106"},
		{0, "Sentence", "1"},
		{0, "SentenceStart", "279"},
		{0, "SentenceEnd", "403"},
		{1, "Day", "20241100"},
		{1, "MonthYear", "202411"},
		{1, "Actor1Code", "ARMGOV;"},
		{1, "Actor1Name", "Armenia;we"},
		{1, "Actor1CountryCode", "ARM;AZE"},
		{1, "Actor2Code", ""},
		{1, "IsRootEvent", "1"},
		{1, "EventCode", "0311"},
		{1, "EventBaseCode", "031"},
		{1, "EventRootCode", "03"},
		{1, "GoldsteinScale", "-0.5"},
		{1, "PloverMode", "sign"},
		{1, "Aux", "future"},
		{1, "QuoteSpeaker", "the minister"},
		{1, "EventText", "will sign"},
		{1, "SentenceText", `They said: "we <will> sign & ratify" within a year; the talks went on for a long, long, long while.`},
		{2, "Day", ""},
		{2, "EventRootCode", ""},
	}
	for _, tt := range tests {
		if got := rows[tt.row][tt.column]; got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row+1, tt.column, got, tt.want)
		}
	}
}

func TestTSVHeaderWithoutEvents(t *testing.T) {
	if got, want := write(t, "tsv"), strings.Join(tsvColumns, "\t")+"\n"; got != want {
		t.Errorf("got %q, want just the header", got)
	}
}

func TestTable(t *testing.T) {
	out := write(t, "table", seedEvent(), oddEvent())
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want header + 2:\n%s", len(lines), out)
	}
	if strings.Contains(out, "\t") {
		t.Errorf("table has tabs:\n%s", out)
	}
	// Columns are aligned: every cell of the header starts where the cell
	// of the rows below starts.
	for _, col := range []string{"ACTOR", "EVENT", "RECIPIENT", "FLAGS", "EVIDENCE"} {
		at := strings.Index(lines[0], col)
		for _, line := range lines[1:] {
			if at <= 0 || at >= len(line) || line[at-1] != ' ' || line[at] == ' ' {
				t.Errorf("column %s (at %d) not aligned in %q", col, at, line)
			}
		}
	}
	for i, want := range [][]string{
		{"DATE", "ACTOR", "EVENT", "RECIPIENT", "FLAGS", "EVIDENCE"},
		{"2024-11-06", "Ilham Aliyev (AZE GOV)", "SUPPORT 051", "Maia Sandu (MDA GOV)", "negated",
			"[did not congratulate] At the same time, Aliyev did not congratulate Moldovan President Maia Sandu,…"},
		{"2024-11", "Armenia (ARM GOV); we (AZE)", "AGREE 0311 (sign)", "-", "future,quoted",
			`[will sign] They said: "we <will> sign & ratify" within a year; the talks went on for a…`},
	} {
		var cells []string
		for _, c := range strings.Split(lines[i], "  ") {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		if strings.Join(cells, "|") != strings.Join(want, "|") {
			t.Errorf("row %d cells\n%q\nwant\n%q", i, cells, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven runes", 10, "eleven…"},
		{"elevenrunes", 10, "elevenrun…"},
		{"a elevenrunes", 10, "a elevenr…"},
		{"Алиев поздравил Трампа", 8, "Алиев…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestFormatsDocumentsColumns keeps the README's column table in step with the TSV writer.
func TestFormatsDocumentsColumns(t *testing.T) {
	md, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for i, col := range tsvColumns {
		row := fmt.Sprintf("| %d | `%s` |", i+1, col)
		if !strings.Contains(string(md), row) {
			t.Errorf("README.md lacks the row %q", row)
		}
	}
	if n := len(regexp.MustCompile("(?m)^\\| [0-9]+ \\| `").FindAllIndex(md, -1)); n != len(tsvColumns) {
		t.Errorf("README.md documents %d columns, the writer has %d", n, len(tsvColumns))
	}
}
