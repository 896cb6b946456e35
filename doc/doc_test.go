package doc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/testshared"

	"github.com/dyad-events/dyad"
)

var (
	nov6  = time.Date(2024, 11, 6, 0, 0, 0, 0, time.UTC)
	jan15 = time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)
)

func TestParsePlain(t *testing.T) {
	withDefault := Options{DefaultDate: time.Date(2025, 1, 15, 13, 45, 0, 0, time.FixedZone("X", 3600))}
	tests := []struct {
		name     string
		data     string
		opts     Options
		wantBody string
		wantDate time.Time
		wantErr  string // substring of Error(); "" means success
	}{
		{name: "header on the body's line", data: " date 2024-11-06 Azerbaijani President", wantBody: "Azerbaijani President", wantDate: nov6},
		{name: "header on its own line", data: "date 2024-11-06\nFirst line.\nSecond.", wantBody: "First line.\nSecond.", wantDate: nov6},
		{name: "CRLF after header", data: "date 2024-11-06\r\nBody", wantBody: "Body", wantDate: nov6},
		{name: "only one separator dropped", data: "date 2024-11-06  indented", wantBody: " indented", wantDate: nov6},
		{name: "blank line after header kept", data: "date 2024-11-06\n\nBody", wantBody: "\nBody", wantDate: nov6},
		{name: "tabs around date", data: "\n\tdate\t2024-11-06\tBody", wantBody: "Body", wantDate: nov6},
		{name: "byte order mark", data: "\ufeffdate 2024-11-06 Body", wantBody: "Body", wantDate: nov6},
		{name: "header wins over default", data: "date 2024-11-06 Body", opts: withDefault, wantBody: "Body", wantDate: nov6},
		{name: "no header, default date", data: "Plain news text.", opts: withDefault, wantBody: "Plain news text.", wantDate: jan15},
		{name: "prose starting with date", data: "date palms grow here", opts: withDefault, wantBody: "date palms grow here", wantDate: jan15},
		{name: "Date is not the header word", data: "Date 2024-11-06 Body", opts: withDefault, wantBody: "Date 2024-11-06 Body", wantDate: jan15},
		{name: "no header, no default", data: "Plain news text.", wantErr: "no 'date YYYY-MM-DD' header (give --date)"},
		{name: "impossible month", data: "date 2024-13-45 Body", wantErr: `bad date "2024-13-45"`},
		{name: "impossible day", data: "date 2023-02-29 Body", wantErr: `bad date "2023-02-29"`},
		{name: "short date", data: "date 2024-1-5 Body", opts: withDefault, wantErr: `bad date "2024-1-5"`},
		{name: "date glued to body", data: "date 2024-11-06Body", wantErr: `bad date "2024-11-06Body"`},
		{name: "header without body", data: "date 2024-11-06", wantErr: "empty body"},
		{name: "header with blank body", data: "date 2024-11-06 \n \n", wantErr: "empty body"},
		{name: "empty file", data: "", wantErr: "empty file"},
		{name: "white space only", data: " \n\t", opts: withDefault, wantErr: "empty file"},
		{name: "NUL byte", data: "date 2024-11-06 a\x00b", wantErr: "binary data (NUL byte at offset 17)"},
		{name: "invalid UTF-8", data: "date 2024-11-06 caf\xe9", wantErr: "not valid UTF-8 (bad byte at offset 19)"},
		{name: "body over MaxBytes", data: "date 2024-11-06 0123456789A", opts: Options{MaxBytes: 10}, wantErr: "document is 11 bytes, over the limit of 10"},
		{name: "body at MaxBytes", data: "date 2024-11-06 0123456789", opts: Options{MaxBytes: 10}, wantBody: "0123456789", wantDate: nov6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const path = "in/dir/article.v2.txt"
			d, err := ParsePlain(path, []byte(tt.data), tt.opts)
			if tt.wantErr != "" {
				checkError(t, err, path, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if d.Body != tt.wantBody || !d.Date.Equal(tt.wantDate) || d.Date.Location() != time.UTC {
				t.Errorf("got body %q date %v, want %q %v", d.Body, d.Date, tt.wantBody, tt.wantDate)
			}
			if d.ID != "article.v2" || d.Origin != path {
				t.Errorf("got ID %q Origin %q, want article.v2 and %s", d.ID, d.Origin, path)
			}
		})
	}
}

// checkError asserts err is an *Error from origin whose message contains want.
func checkError(t *testing.T, err error, origin, want string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got error %v (%T), want *Error containing %q", err, err, want)
	}
	if e.Origin != origin || !strings.Contains(e.Error(), want) {
		t.Errorf("got error %q (origin %q), want origin %q and %q", e.Error(), e.Origin, origin, want)
	}
	if strings.Contains(e.Error(), "\n") {
		t.Errorf("error %q spans several lines", e.Error())
	}
}

// result is one item of a document iterator, flattened for comparison:
// "ID date body" for a document, "ERR message" for an error.
func collect(seq func(func(dyad.Document, error) bool)) []string {
	var out []string
	for d, err := range seq {
		if err != nil {
			out = append(out, "ERR "+err.Error())
			continue
		}
		out = append(out, d.ID+" "+d.Date.Format(dyad.DateLayout)+" "+d.Body+" @"+d.Origin)
	}
	return out
}

func TestParseJSONL(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opts  Options
		want  []string
	}{
		{
			name: "documents, blank lines and optional fields",
			input: `{"id":"a","date":"2024-11-06","text":"Alpha <b> & co","title":"T","url":"u","source":"s"}` + "\n\n   \n" +
				`{"id":7,"date":"2024-11-06T23:30:00-05:00","text":"Numeric id"}` + "\r\n",
			want: []string{"a 2024-11-06 Alpha <b> & co @f/news.jsonl:1", "7 2024-11-06 Numeric id @f/news.jsonl:4"},
		},
		{
			name:  "missing id gets base name and line",
			input: "\n" + `{"date":"2024-11-06","text":"x"}`,
			want:  []string{"news:2 2024-11-06 x @f/news.jsonl:2"},
		},
		{
			name:  "malformed line does not stop the file",
			input: `{"id":"a","date":"2024-11-06","text":"x"` + "\n" + `{"id":"b","date":"2024-11-06","text":"y"}`,
			want:  []string{"ERR f/news.jsonl:1: bad JSON: unexpected end of JSON input", "b 2024-11-06 y @f/news.jsonl:2"},
		},
		{
			name: "every kind of bad line",
			input: strings.Join([]string{
				`{"id":"a","text":"no date"}`,
				`{"id":"b","date":"2024-13-45","text":"x"}`,
				`{"id":"c","date":"2024-11-06"}`,
				`{"id":"d","date":"2024-11-06","text":"  "}`,
				`{"id":"e","date":"2024-11-06","text":"a\u0000b"}`,
				`{"id":"f","date":"2024-11-06","text":42}`,
				`{"id":true,"date":"2024-11-06","text":"x"}`,
				`[{"id":"g"}]`,
				`"just a string"`,
				"{\"id\":\"h\",\"date\":\"2024-11-06\",\"text\":\"caf\xe9\"}",
				`{"id":"i","date":"2024-11-06","text":"x"} trailing`,
			}, "\n"),
			want: []string{
				`ERR f/news.jsonl:1: no "date" (give --date)`,
				`ERR f/news.jsonl:2: bad date "2024-13-45"`,
				`ERR f/news.jsonl:3: no "text" field`,
				`ERR f/news.jsonl:4: empty body`,
				`ERR f/news.jsonl:5: text: binary data (NUL byte at offset 1)`,
				`ERR f/news.jsonl:6: bad JSON: field "text" has the wrong type (number)`,
				`ERR f/news.jsonl:7: "id" must be a string or a number`,
				`ERR f/news.jsonl:8: a JSON array; write one document object per line (JSONL)`,
				`ERR f/news.jsonl:9: not a JSON object`,
				`ERR f/news.jsonl:10: not valid UTF-8 (bad byte at offset 41)`,
				`ERR f/news.jsonl:11: bad JSON: invalid character 't' after top-level value`,
			},
		},
		{
			name:  "default date for missing date only",
			input: `{"id":"a","text":"x"}` + "\n" + `{"id":"b","date":"2024-02-30","text":"y"}`,
			opts:  Options{DefaultDate: jan15},
			want:  []string{"a 2025-01-15 x @f/news.jsonl:1", `ERR f/news.jsonl:2: bad date "2024-02-30"`},
		},
		{
			name: "long line skipped, next line read",
			input: `{"id":"a","date":"2024-11-06","text":"` + strings.Repeat("x", 200<<10) + `"}` + "\n" +
				`{"id":"b","date":"2024-11-06","text":"0123456789A"}` + "\n" +
				`{"id":"c","date":"2024-11-06","text":"ok"}`,
			opts: Options{MaxBytes: 10},
			want: []string{
				"ERR f/news.jsonl:1: line is over the limit of 65556 bytes",
				"ERR f/news.jsonl:2: document is 11 bytes, over the limit of 10",
				"c 2024-11-06 ok @f/news.jsonl:3",
			},
		},
		{name: "byte order mark", input: "\ufeff" + `{"id":"a","date":"2024-11-06","text":"x"}`, want: []string{"a 2024-11-06 x @f/news.jsonl:1"}},
		{name: "nothing", input: "\n\n", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(ParseJSONL("f/news.jsonl", strings.NewReader(tt.input), tt.opts))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// writeFiles creates files (path -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"corpus/b.txt":          "date 2024-11-06 Bravo",
		"corpus/a.jsonl":        `{"id":"a1","date":"2024-11-06","text":"Alpha one"}` + "\n" + `{"id":"a2","date":"2024-11-07","text":"Alpha two"}`,
		"corpus/c.gold.json":    `{"doc":"c","events":[]}`,
		"corpus/c.txt":          "Charlie without header",
		"corpus/d.json":         `{"id":"d","date":"2024-11-08","text":"Delta"}`,
		"corpus/e.txt":          "",
		"corpus/notes.md":       "date 2024-11-06 not a document",
		"corpus/.hidden.txt":    "date 2024-11-06 hidden",
		"corpus/.git/x.txt":     "date 2024-11-06 hidden dir",
		"corpus/sub/f.txt":      "date 2024-11-09\nFoxtrot",
		"corpus/sub/zz/g.jsonl": "\n\n",
		"empty/readme.md":       "nothing here",
		"single.txt":            "date 2024-12-01 Single",
		"named.md":              "date 2024-12-02 Named explicitly",
		"big.txt":               "date 2024-12-03 " + strings.Repeat("x", 3000),
	})
	corpus := filepath.Join(dir, "corpus")
	in := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	inputs := []string{in("single.txt"), corpus, in("missing.txt"), in("empty"), in("named.md"), in("big.txt")}
	got := collect(Read(inputs, Options{MaxBytes: 100}))
	want := []string{
		"single 2024-12-01 Single @" + in("single.txt"),
		"a1 2024-11-06 Alpha one @" + in("corpus/a.jsonl") + ":1",
		"a2 2024-11-07 Alpha two @" + in("corpus/a.jsonl") + ":2",
		"b 2024-11-06 Bravo @" + in("corpus/b.txt"),
		"ERR " + in("corpus/c.txt") + ": no 'date YYYY-MM-DD' header (give --date)",
		"d 2024-11-08 Delta @" + in("corpus/d.json") + ":1",
		"ERR " + in("corpus/e.txt") + ": empty file",
		"f 2024-11-09 Foxtrot @" + in("corpus/sub/f.txt"),
		"ERR " + in("corpus/sub/zz/g.jsonl") + ": no documents (only blank lines)",
		"ERR " + in("missing.txt") + ": no such file or directory",
		"ERR " + in("empty") + ": directory holds no .txt, .jsonl or .json documents",
		"named 2024-12-02 Named explicitly @" + in("named.md"),
		"ERR " + in("big.txt") + ": file is 3016 bytes, over the limit of 100",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Every error is an *Error, so callers can count and report them.
	for _, err := range Read(inputs, Options{}) {
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Errorf("error %v is a %T, not *Error", err, err)
		}
	}

	// Stopping early must not panic or read on.
	n := 0
	for range Read([]string{corpus}, Options{}) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("stopped after %d items, want 2", n)
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		opts  Options
		want  []string
	}{
		{name: "plain", stdin: "\n date 2024-11-06 From stdin", want: []string{"stdin 2024-11-06 From stdin @stdin"}},
		{name: "plain with default date", stdin: "No header", opts: Options{DefaultDate: jan15}, want: []string{"stdin 2025-01-15 No header @stdin"}},
		{
			name:  "jsonl",
			stdin: "  \n" + `{"id":"s","date":"2024-11-06","text":"json"}` + "\n" + `{"date":"2024-11-06","text":"no id"}`,
			want:  []string{"s 2024-11-06 json @stdin:2", "stdin:3 2024-11-06 no id @stdin:3"},
		},
		{name: "empty", stdin: " \n ", want: []string{"ERR stdin: empty input"}},
		{name: "too large", stdin: "date 2024-11-06 " + strings.Repeat("x", 2000), opts: Options{MaxBytes: 10}, want: []string{"ERR stdin: input is over the limit of 10 bytes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Stdin = strings.NewReader(tt.stdin)
			got := collect(Read([]string{"-"}, tt.opts))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t testing.TB) string { return testshared.Dir(t) }

func TestReadSeed(t *testing.T) {
	path := filepath.Join(sharedDir(t), "examples", "seed", "000_2881ff98ad935c2a.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("seed article absent: %v", err)
	}
	var docs []dyad.Document
	for d, err := range Read([]string{filepath.Dir(path)}, Options{}) {
		if err != nil {
			t.Fatalf("reading the seed folder: %v", err)
		}
		docs = append(docs, d)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents from the seed folder, want 1 (the gold file must be skipped)", len(docs))
	}
	d := docs[0]
	if d.ID != "000_2881ff98ad935c2a" || !d.Date.Equal(nov6) || !strings.HasPrefix(d.Body, "Azerbaijani President") {
		t.Errorf("got ID %q date %v body %.40q", d.ID, d.Date, d.Body)
	}
}
