package record

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/dyad-events/dyad"
)

// jsonlWriter writes one JSON object per line, unbuffered, so that a
// consumer sees each event as soon as it is coded.
type jsonlWriter struct {
	enc    *json.Encoder
	closed bool
}

func newJSONL(w io.Writer) Writer {
	enc := json.NewEncoder(w)
	// Text fields are news sentences; "&" and "<" stay readable.
	enc.SetEscapeHTML(false)
	return &jsonlWriter{enc: enc}
}

func (j *jsonlWriter) Write(e dyad.Event) error {
	if j.closed {
		return errClosed
	}
	if err := j.enc.Encode(e.WithEmptyLists()); err != nil {
		return fmt.Errorf("write event %s: %w", e.ID, err)
	}
	return nil
}

func (j *jsonlWriter) Close() error {
	j.closed = true
	return nil
}
