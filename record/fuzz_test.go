package record

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// FuzzWriters feeds arbitrary text into every field a document can reach
// and checks each format keeps its shape: one JSON line, a constant number
// of TSV columns, one table row.
func FuzzWriters(f *testing.F) {
	f.Add("Aliyev", "did not\tcongratulate", "At the same time,\nAliyev…", "051", "2024-11-06")
	f.Add("", "", "", "", "")
	f.Add("a;b\r\n", "\xff\xfe", "\v\f\u2028", "0", "2024")
	f.Fuzz(func(t *testing.T, actor, eventText, sentence, cameo, date string) {
		e := seedEvent()
		e.Actor[0].Text, e.Actor[0].Name = actor, ""
		e.EventText, e.Text, e.CAMEO, e.Date = eventText, sentence, cameo, date
		e.Context = []string{actor, sentence}
		for _, format := range Formats() {
			var buf bytes.Buffer
			w, err := NewWriter(format, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(e); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if err := w.Close(); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			switch format {
			case "jsonl":
				var back dyad.Event
				if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &back) != nil {
					t.Fatalf("jsonl: not one JSON line: %q", buf.String())
				}
			case "tsv":
				if len(lines) != 2 || strings.Count(lines[1], "\t") != len(tsvColumns)-1 {
					t.Fatalf("tsv: bad shape: %q", buf.String())
				}
			case "table":
				if len(lines) != 2 {
					t.Fatalf("table: %d lines: %q", len(lines), buf.String())
				}
			}
		}
	})
}
