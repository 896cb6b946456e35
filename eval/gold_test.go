package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const goodGold = `{"doc": "a", "date": "2024-11-06", "events": [
 {"source": {"name": "Ilham Aliyev", "country": "AZE", "role": "GOV"}, "type_plover": "SUPPORT", "type_cameo": "051",
  "target": {"name": "Donald Trump", "country": "USA", "role": "ELI"}, "negated": false, "evidence": "x"},
 {"source": {"name": "EU", "country": "", "role": "IGO"}, "type_plover": "REQUEST", "type_cameo": "10",
  "target": null, "negated": false, "mode": "intend", "optional": true}]}`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadGoldDir(t *testing.T) {
	badType := strings.Replace(goodGold, `"REQUEST"`, `"FOO"`, 1)
	dir := writeFiles(t, map[string]string{
		"a.gold.json": goodGold,
		"a.txt":       "date 2024-11-06 Body.",
		"b.gold.json": `{"events": [`,
		"b.txt":       "date 2024-11-06 Body.",
		"c.gold.json": goodGold,
		"d.gold.json": badType,
		"d.txt":       "date 2024-11-06 Body.",
		"notes.txt":   "not a gold file",
		"e.gold.json": strings.Replace(goodGold, `"051"`, `"5x"`, 1),
		"e.txt":       "date 2024-11-06 Body.",
		"f.gold.json": strings.Replace(goodGold, `"country": "AZE"`, `"country": "Azerbaijan"`, 1),
		"f.txt":       "date 2024-11-06 Body.",
		"g.gold.json": goodGold + " {}",
		"g.txt":       "date 2024-11-06 Body.",
		"h.gold.json": strings.Replace(goodGold, `"intend"`, `"hope"`, 1),
		"h.txt":       "date 2024-11-06 Body.",
	})
	docs, errs := ReadGoldDir(dir)
	if len(docs) != 1 || docs[0].Name != "a" || len(docs[0].Events) != 2 {
		t.Fatalf("docs = %+v", docs)
	}
	if d := docs[0]; d.Events[1].Target != nil || !d.Events[1].Optional || d.Events[1].Mode != "intend" || d.TextPath != filepath.Join(dir, "a.txt") {
		t.Errorf("parsed %+v", d)
	}
	want := []string{
		"b.gold.json: invalid JSON: ",
		"c.gold.json: missing c.txt",
		`d.gold.json: event 2: unknown PLOVER type "FOO"`,
		`e.gold.json: event 1: bad type_cameo "5x"`,
		`f.gold.json: event 1: bad country "AZERBAIJAN"`,
		"g.gold.json: invalid JSON: data after",
		`h.gold.json: event 2: unknown mode "hope"`,
	}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want it to contain %q", i, errs[i], w)
		}
	}
}

func TestReadGoldDirEmpty(t *testing.T) {
	if _, errs := ReadGoldDir(t.TempDir()); len(errs) != 1 {
		t.Errorf("errs = %v", errs)
	}
	if _, errs := ReadGoldDir(filepath.Join(t.TempDir(), "nope")); len(errs) != 1 {
		t.Errorf("errs = %v", errs)
	}
}

func TestParsePlain(t *testing.T) {
	tests := []struct {
		in, body, date string
		bad            bool
	}{
		{in: " date 2024-11-06 Azerbaijani President", body: "Azerbaijani President", date: "2024-11-06"},
		{in: "date 2024-11-06\nFirst line.\nSecond.", body: "First line.\nSecond.", date: "2024-11-06"},
		{in: "date 2024-11-06\r\nBody", body: "Body", date: "2024-11-06"},
		{in: "date 2024-11-06  two spaces", body: " two spaces", date: "2024-11-06"},
		{in: "date  2024-11-06 x", body: "x", date: "2024-11-06"},
		{in: "date 2024-11-06", body: "", date: "2024-11-06"},
		{in: "no header here", bad: true},
		{in: "date 2024-13-06 x", bad: true},
		{in: "date 2024-11-06x", bad: true},
		{in: "dated 2024-11-06 x", bad: true},
		{in: "date", bad: true},
	}
	for _, tt := range tests {
		d, err := ParsePlain(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParsePlain(%q): no error", tt.in)
			}
			continue
		}
		if err != nil || d.Body != tt.body || d.Date.Format(time.DateOnly) != tt.date {
			t.Errorf("ParsePlain(%q) = %q %v %v", tt.in, d.Body, d.Date, err)
		}
	}
}

func TestReadPlainSeed(t *testing.T) {
	path := filepath.Join(sharedDir(t), "examples", "seed", "000_2881ff98ad935c2a.txt")
	d, err := ReadPlain(path)
	if err != nil {
		t.Skipf("seed not readable: %v", err)
	}
	if d.ID != "000_2881ff98ad935c2a" || !strings.HasPrefix(d.Body, "Azerbaijani President Ilham Aliyev") {
		t.Errorf("seed read as id %q body %.40q", d.ID, d.Body)
	}
}

func FuzzParseGold(f *testing.F) {
	f.Add([]byte(goodGold))
	f.Add([]byte(`{"events":[{"type_plover":"AGREE","type_cameo":"03","target":null}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := ParseGold(b)
		if err == nil {
			Score([]GoldDoc{g}, nil)
		}
	})
}

func FuzzParsePlain(f *testing.F) {
	f.Add("date 2024-11-06 Body.")
	f.Add(" date 2024-11-06\r\nBody.")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParsePlain(s)
		if err == nil && !strings.HasSuffix(s, d.Body) {
			t.Fatalf("body %q is not a suffix of the input", d.Body)
		}
	})
}
