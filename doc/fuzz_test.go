package doc

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// checkFuzzResult holds every document to the promises of the package: a
// body that is non-empty valid UTF-8 within MaxBytes and a real date at UTC
// midnight; every error is a one-line *Error.
func checkFuzzResult(t *testing.T, d dyad.Document, err error, opts Options) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is a %T, not *Error", err, err)
		}
		if strings.ContainsAny(e.Msg, "\n\r") {
			t.Fatalf("error message %q spans lines", e.Msg)
		}
		return
	}
	if !utf8.ValidString(d.Body) || strings.IndexByte(d.Body, 0) >= 0 {
		t.Fatalf("body %q is not valid text", d.Body)
	}
	if strings.TrimSpace(d.Body) == "" || int64(len(d.Body)) > opts.maxBytes() {
		t.Fatalf("body of %d bytes is empty or over the limit", len(d.Body))
	}
	if d.Date.IsZero() || d.Date.Location() != time.UTC || !d.Date.Equal(d.Date.Truncate(24*time.Hour)) {
		t.Fatalf("date %v is not a UTC midnight", d.Date)
	}
	if _, perr := time.Parse(dyad.DateLayout, d.Date.Format(dyad.DateLayout)); perr != nil {
		t.Fatalf("date %v does not round-trip: %v", d.Date, perr)
	}
}

func FuzzParsePlain(f *testing.F) {
	for _, s := range []string{
		" date 2024-11-06 Azerbaijani President Ilham Aliyev has congratulated Donald Trump.",
		"date 2024-11-06\r\nBody",
		"date 2024-13-45 x",
		"date palms",
		"\ufeffdate\t2024-02-29\tLeap",
		"caf\xe9\x00",
		"",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, withDefault bool) {
		opts := Options{MaxBytes: 1 << 10}
		if withDefault {
			opts.DefaultDate = time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)
		}
		d, err := ParsePlain("f.txt", data, opts)
		checkFuzzResult(t, d, err, opts)
		// The body is the file's tail: offsets into it are offsets into
		// the file shifted by the header's length.
		if err == nil && !bytes.HasSuffix(data, []byte(d.Body)) {
			t.Fatalf("body %q is not a suffix of the input", d.Body)
		}
	})
}

func FuzzParseJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","date":"2024-11-06","text":"Alpha","title":"t","url":"u","source":"s"}`,
		`{"id":7,"date":"2024-11-06T10:00:00Z","text":"x"}` + "\n\n" + `{"text":"no date"}`,
		`{"id":"b","date":"2024-13-45","text":"x"}`,
		`[1,2]`,
		`{"id":"c","date":"2024-11-06","text":"a\u0000b\ud800"}`,
		"\ufeff{}\r\n{\"text\":\"caf\xe9\"}",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, withDefault bool) {
		opts := Options{MaxBytes: 64} // small, to reach the line cap too
		if withDefault {
			opts.DefaultDate = time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		for d, err := range ParseJSONL("f.jsonl", bytes.NewReader(data), opts) {
			n++
			checkFuzzResult(t, d, err, opts)
		}
		if n > lines {
			t.Fatalf("%d results from %d lines", n, lines)
		}
	})
}
