package doc

import (
	"bytes"
	"strings"

	"github.com/dyad-events/dyad"
)

// utf8BOM is skipped at the start of a file: some editors write it, and it
// is not part of the text.
var utf8BOM = []byte("\xef\xbb\xbf")

// ParsePlain parses one document in the plain format. name is the file's
// path: it gives the document ID (base name without extension) and Origin.
//
// The format is an optional header, `date YYYY-MM-DD` (white space before it
// allowed), then the body on the same line or the next. The body is every
// byte after the date and the single space, tab or newline ("\n", "\r\n")
// that follows it. Without a header the whole file is the body and the date
// is opts.DefaultDate, and it is an error when that is zero. A header is
// recognised when the first word is exactly "date" and the next word starts
// with a digit; the next word must then be a real calendar date.
func ParsePlain(name string, data []byte, opts Options) (dyad.Document, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return dyad.Document{}, errorf(name, "empty file")
	}
	if msg := checkText(data); msg != "" {
		return dyad.Document{}, errorf(name, "%s", msg)
	}
	d := dyad.Document{ID: docID(name), Origin: name}
	dateWord, body, found := cutHeader(string(data))
	if found {
		date, err := parseDate(dateWord)
		if err != nil {
			return dyad.Document{}, &Error{Origin: name, Msg: err.Error(), Err: err}
		}
		d.Date = date
	} else {
		date, ok := opts.defaultDate()
		if !ok {
			return dyad.Document{}, errorf(name, "no 'date YYYY-MM-DD' header (give --date)")
		}
		d.Date = date
	}
	if msg := checkBody(body, opts); msg != "" {
		return dyad.Document{}, errorf(name, "%s", msg)
	}
	d.Body = body
	return d, nil
}

// cutHeader splits text into the date word of its `date YYYY-MM-DD` header
// and the body. found is false when the text has no header; then body is the
// whole text.
func cutHeader(text string) (dateWord, body string, found bool) {
	rest := strings.TrimLeft(text, " \t\r\n\v\f")
	after, ok := strings.CutPrefix(rest, "date")
	if !ok || after == "" || (after[0] != ' ' && after[0] != '\t') {
		return "", text, false
	}
	after = strings.TrimLeft(after, " \t")
	if after == "" || after[0] < '0' || after[0] > '9' {
		return "", text, false // "date palms grow ...": prose, not a header
	}
	end := strings.IndexAny(after, " \t\r\n\v\f")
	if end < 0 {
		return after, "", true
	}
	dateWord, body = after[:end], after[end:]
	// Drop the single separator after the date; "\r\n" counts as one newline.
	if strings.HasPrefix(body, "\r\n") {
		return dateWord, body[2:], true
	}
	return dateWord, body[1:], true
}
