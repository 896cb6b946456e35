package doc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// jsonlSlack is how much longer than MaxBytes a JSONL line may be: room for
// the other fields and for escapes in the text ("\n", "\u00e9").
const jsonlSlack = 64 << 10

// jsonlDocument is one line of the JSONL input format.
type jsonlDocument struct {
	ID     json.RawMessage `json:"id"`
	Date   string          `json:"date"`
	Text   *string         `json:"text"`
	Title  string          `json:"title"`
	URL    string          `json:"url"`
	Source string          `json:"source"`
}

// ParseJSONL yields the documents of a JSONL stream (one JSON object per
// line; blank lines skipped) and one *Error per bad line, with Origin
// "name:line"; a bad line never stops the stream.
//
// A line is {"id", "date", "text", "title"?, "url"?, "source"?}. The id may be
// a string or a number; a line without one gets "<base name>:<line>" (base
// name of name without extension), which is stable for the same file. A
// missing or empty date means opts.DefaultDate, and is an error when that is
// zero; a date that is present must be a real YYYY-MM-DD date (an RFC 3339
// timestamp is accepted too, and its calendar date is used). A line is
// capped at 2*MaxBytes+64 KiB without reading more of it into memory, and
// the decoded text at MaxBytes.
func ParseJSONL(name string, r io.Reader, opts Options) iter.Seq2[dyad.Document, error] {
	return func(yield func(dyad.Document, error) bool) {
		maxLine := 2*opts.maxBytes() + jsonlSlack
		br := bufio.NewReaderSize(r, 64<<10)
		for lineNo := 1; ; lineNo++ {
			line, tooLong, err := readLine(br, maxLine)
			origin := name + ":" + strconv.Itoa(lineNo)
			if err != nil && err != io.EOF {
				yield(dyad.Document{}, ioError(origin, err))
				return
			}
			if lineNo == 1 {
				line = bytes.TrimPrefix(line, utf8BOM)
			}
			switch {
			case tooLong:
				if !yield(dyad.Document{}, errorf(origin, "line is over the limit of %d bytes", maxLine)) {
					return
				}
			case len(bytes.TrimSpace(line)) > 0:
				d, perr := parseJSONLine(name, lineNo, line, opts)
				if perr != nil {
					if !yield(dyad.Document{}, perr) {
						return
					}
				} else if !yield(d, nil) {
					return
				}
			}
			if err == io.EOF {
				return
			}
		}
	}
}

// readLine reads one line (without its "\n"). When the line is longer than
// max it reads the rest of the line without keeping it and reports tooLong.
// err is io.EOF on the last line of the stream.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+1 { // +1 for the "\n"
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil:
			return line, tooLong, err
		default:
			return bytes.TrimSuffix(line, []byte("\n")), tooLong, nil
		}
	}
}

func parseJSONLine(name string, lineNo int, line []byte, opts Options) (dyad.Document, *Error) {
	origin := name + ":" + strconv.Itoa(lineNo)
	if msg := checkText(line); msg != "" {
		return dyad.Document{}, errorf(origin, "%s", msg)
	}
	trimmed := bytes.TrimSpace(line)
	if trimmed[0] == '[' {
		return dyad.Document{}, errorf(origin, "a JSON array; write one document object per line (JSONL)")
	}
	if trimmed[0] != '{' {
		return dyad.Document{}, errorf(origin, "not a JSON object")
	}
	var j jsonlDocument
	if err := json.Unmarshal(trimmed, &j); err != nil {
		return dyad.Document{}, &Error{Origin: origin, Msg: "bad JSON: " + jsonMessage(err), Err: err}
	}
	id, err := jsonID(j.ID)
	if err != nil {
		return dyad.Document{}, &Error{Origin: origin, Msg: err.Error(), Err: err}
	}
	if id == "" {
		id = docID(name) + ":" + strconv.Itoa(lineNo)
	}
	date, err := jsonDate(j.Date, opts)
	if err != nil {
		return dyad.Document{}, &Error{Origin: origin, Msg: err.Error(), Err: err}
	}
	if j.Text == nil {
		return dyad.Document{}, errorf(origin, "no \"text\" field")
	}
	// A "\u0000" escape passes checkText on the raw line, so check the text.
	if msg := checkText([]byte(*j.Text)); msg != "" {
		return dyad.Document{}, errorf(origin, "text: %s", msg)
	}
	if msg := checkBody(*j.Text, opts); msg != "" {
		return dyad.Document{}, errorf(origin, "%s", msg)
	}
	return dyad.Document{
		ID:     id,
		Date:   date,
		Body:   *j.Text,
		Title:  j.Title,
		URL:    j.URL,
		Source: j.Source,
		Origin: origin,
	}, nil
}

// jsonID returns a JSON id that is a string or a number as text, and "" when
// it is absent or null.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", errors.New("\"id\" must be a string or a number")
}

func jsonDate(s string, opts Options) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if d, ok := opts.defaultDate(); ok {
			return d, nil
		}
		return time.Time{}, errors.New("no \"date\" (give --date)")
	}
	if len(s) > len(dyad.DateLayout) {
		if _, err := time.Parse(time.RFC3339, s); err == nil {
			return parseDate(s[:len(dyad.DateLayout)])
		}
	}
	return parseDate(s)
}

// jsonMessage shortens encoding/json's messages, which name Go types, to
// what a user of the input format can act on.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q has the wrong type (%s)", te.Field, te.Value)
	}
	return err.Error()
}
