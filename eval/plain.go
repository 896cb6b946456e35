package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// LoadFunc reads one document file. The CLI may pass package doc's reader;
// ReadPlain is the small built-in one, so that eval does not depend on doc.
type LoadFunc func(path string) (dyad.Document, error)

// ReadPlain reads a plain-format document ("date YYYY-MM-DD" then the body,
// shared/spec/event-record.md). The id is the file's base name without
// extension.
func ReadPlain(path string) (dyad.Document, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return dyad.Document{}, fmt.Errorf("read document: %w", err)
	}
	d, err := ParsePlain(string(raw))
	if err != nil {
		return dyad.Document{}, fmt.Errorf("%s: %w", path, err)
	}
	d.ID = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	d.Origin = path
	return d, nil
}

// ParsePlain splits a plain-format text into its date and body. The body
// starts after the single space, tab or newline that follows the date, so that
// body offsets agree with every other reader of the format.
func ParsePlain(text string) (dyad.Document, error) {
	rest := strings.TrimLeft(text, " \t\r\n\ufeff")
	if !strings.HasPrefix(rest, "date") {
		return dyad.Document{}, errors.New(`no "date YYYY-MM-DD" header`)
	}
	rest = rest[len("date"):]
	afterWord := strings.TrimLeft(rest, " \t")
	if len(afterWord) == len(rest) || len(afterWord) < len(dyad.DateLayout) {
		return dyad.Document{}, errors.New(`no "date YYYY-MM-DD" header`)
	}
	date, err := time.Parse(dyad.DateLayout, afterWord[:len(dyad.DateLayout)])
	if err != nil {
		return dyad.Document{}, fmt.Errorf("bad header date %q", afterWord[:len(dyad.DateLayout)])
	}
	body := afterWord[len(dyad.DateLayout):]
	switch {
	case body == "":
	case strings.HasPrefix(body, "\r\n"):
		body = body[2:]
	case body[0] == ' ' || body[0] == '\t' || body[0] == '\n':
		body = body[1:]
	default:
		return dyad.Document{}, fmt.Errorf("header date runs into the body: %q", afterWord[:min(len(afterWord), 14)])
	}
	return dyad.Document{Date: date, Body: body}, nil
}
