package http

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/store"
)

// pageError is a non-200 answer of the JSON API, carried to the page that
// asked for it.
type pageError struct {
	Status  int
	Message string
}

func (e *pageError) Error() string { return fmt.Sprintf("api %d: %s", e.Status, e.Message) }

// recorder is the smallest http.ResponseWriter that keeps an in-process
// answer of the API for a page to decode.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

// get calls the API route p with query q in process and decodes its JSON
// answer into into. A non-200 answer becomes an *pageError with the API's
// own message.
func (ui *explorer) get(ctx context.Context, p string, q url.Values, into any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, withQuery(p, q), nil)
	if err != nil {
		return fmt.Errorf("request %s: %w", p, err)
	}
	rec := &recorder{header: http.Header{}}
	ui.api.ServeHTTP(rec, req)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	if rec.status != http.StatusOK {
		return &pageError{Status: rec.status, Message: errorMessage(rec.body.Bytes(), rec.status)}
	}
	if err := json.Unmarshal(rec.body.Bytes(), into); err != nil {
		return fmt.Errorf("decode %s: %w", p, err)
	}
	return nil
}

// errorMessage reads the message of a JSON error ({"error": "..."} or
// {"error": {"message": "..."}}), else falls back to the status text.
func errorMessage(body []byte, status int) string {
	var e struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
	}
	if json.Unmarshal(body, &e) == nil {
		var s string
		if json.Unmarshal(e.Error, &s) == nil && s != "" {
			return s
		}
		var nested struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(e.Error, &nested) == nil && nested.Message != "" {
			return nested.Message
		}
		if e.Message != "" {
			return e.Message
		}
	}
	if t := strings.TrimSpace(string(body)); t != "" && len(t) < 300 && !strings.HasPrefix(t, "{") {
		return t
	}
	return http.StatusText(status)
}

// The pages decode the API's answers into the API's own types (api.go)
// and reactions.Report; these two the API writes as maps.

type actorsAnswer struct {
	Actors []store.ActorCount `json:"actors"`
}

type timelineAnswer struct {
	Bins []Bin `json:"bins"`
}

// atoiOr parses a positive integer query value, or returns def.
func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return def
	}
	return n
}
