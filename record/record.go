// Package record writes coded events: JSONL (the contract of
// shared/spec/event-record.md), GDELT-style TSV, and an aligned table for a
// terminal. The README documents the TSV columns.
package record

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
)

// Writer writes events in one format.
type Writer interface {
	// Write writes one event.
	Write(dyad.Event) error
	// Close flushes what is buffered. It does not close the underlying
	// io.Writer.
	Close() error
}

// format is one output format: its name and how to make its writer.
type format struct {
	name string
	new  func(io.Writer) Writer
}

var formats = []format{
	{"jsonl", newJSONL},
	{"tsv", newTSV},
	{"table", newTable},
}

// Formats returns the names NewWriter accepts, the default ("jsonl") first.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// NewWriter returns a writer of the named format ("jsonl", "tsv" or
// "table") that writes to w.
func NewWriter(name string, w io.Writer) (Writer, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, f := range formats {
		if f.name == key {
			return f.new(w), nil
		}
	}
	return nil, fmt.Errorf("unknown output format %q (want one of: %s)", name, strings.Join(Formats(), ", "))
}

// errClosed is returned by Write after Close.
var errClosed = errors.New("record: write after close")

// OneLine makes s safe for one cell of a tab-separated or aligned line:
// tabs, line breaks and other separators become spaces, and invalid UTF-8
// becomes U+FFFD (tabwriter gives byte 0xff a meaning of its own).
func OneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !strings.ContainsAny(s, "\t\n\r\v\f\u0085\u2028\u2029") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
}

// actorName is the name an actor is shown by: the resolved name, else the
// words of the text.
func actorName(e dyad.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return e.Text
}
