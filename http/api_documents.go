package http

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/doc"
	"github.com/dyad-events/dyad/store"
)

// PutResult is the answer of POST /api/documents.
type PutResult struct {
	Added     int         `json:"added"`
	Replaced  int         `json:"replaced"`
	Unchanged int         `json:"unchanged"`
	Mentions  int         `json:"mentions"` // event records written
	Failed    []DocFailed `json:"failed"`
}

// DocFailed is a posted document that was not stored.
type DocFailed struct {
	ID    string `json:"id,omitempty"`
	Line  int    `json:"line,omitempty"` // of a JSONL batch
	Error string `json:"error"`
}

// bodyName is the name posted documents are parsed under: errors say
// "request:LINE".
const bodyName = "request"

// authorized compares the bearer token in constant time. Both sides are
// hashed first so that not even the token's length leaks through timing.
func (s *Server) authorized(r *http.Request) bool {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(token)))
	want := sha256.Sum256([]byte(s.opts.Token))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}

func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) {
	if s.opts.Token == "" {
		writeError(w, http.StatusForbidden, "the server is read-only (start it with --token-file to accept documents)")
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		writeError(w, http.StatusUnauthorized, "missing or wrong bearer token (Authorization: Bearer TOKEN)")
		return
	}
	if s.opts.Coder == nil {
		writeError(w, http.StatusServiceUnavailable, "the server has no coder; it cannot code documents")
		return
	}
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	batch := false
	switch {
	case err != nil:
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type: want application/json (one document) or application/x-ndjson (a JSONL batch)")
		return
	case mediaType == "application/json":
	case mediaType == "application/x-ndjson" || mediaType == "application/jsonl":
		batch = true
	default:
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %s: want application/json (one document) or application/x-ndjson (a JSONL batch)", mediaType))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over the limit of %d bytes", s.opts.MaxBody))
			return
		}
		writeError(w, http.StatusBadRequest, "read the body: "+err.Error())
		return
	}
	if !batch {
		// One object, however it is laid out, is a one-line JSONL batch.
		var compact bytes.Buffer
		if err := json.Compact(&compact, body); err != nil {
			s.fail(w, r, badf("bad JSON: %v", err))
			return
		}
		body = compact.Bytes()
	}
	docs, failed := parseDocuments(body, s.opts.MaxBody)
	if !batch && len(failed) > 0 {
		s.fail(w, r, badf("%s", failed[0].Error))
		return
	}
	if len(docs) == 0 && len(failed) == 0 {
		s.fail(w, r, badf("%v", errNoDocuments))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), writeRequestTimeout)
	defer cancel()
	res, err := s.codeAndStore(ctx, docs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res.Failed = append(failed, res.Failed...)
	if !batch && len(res.Failed) > 0 {
		s.fail(w, r, badf("%s", res.Failed[0].Error))
		return
	}
	s.log.Info("documents stored", "added", res.Added, "replaced", res.Replaced, "unchanged", res.Unchanged,
		"mentions", res.Mentions, "failed", len(res.Failed))
	writeJSON(w, http.StatusOK, res)
}

// parseDocuments reads a JSONL body. A document must carry its own id: the
// id `dyad ingest` makes up for a JSONL line without one ("file:line") would
// make different posts overwrite each other.
func parseDocuments(body []byte, maxBytes int64) ([]dyad.Document, []DocFailed) {
	var docs []dyad.Document
	var failed []DocFailed
	hasID := map[int]bool{}
	for i, line := range bytes.Split(body, []byte("\n")) {
		var probe struct {
			ID json.RawMessage `json:"id"`
		}
		line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")) // a BOM, as ParseJSONL allows
		if json.Unmarshal(line, &probe) == nil {
			raw := string(bytes.TrimSpace(probe.ID))
			hasID[i+1] = raw != "" && raw != "null" && raw != `""`
		}
	}
	for d, err := range doc.ParseJSONL(bodyName, bytes.NewReader(body), doc.Options{MaxBytes: maxBytes}) {
		if err != nil {
			var de *doc.Error
			line := 0
			if errors.As(err, &de) {
				line = originLine(de.Origin)
			}
			failed = append(failed, DocFailed{Line: line, Error: err.Error()})
			continue
		}
		line := originLine(d.Origin)
		if !hasID[line] {
			failed = append(failed, DocFailed{Line: line, Error: fmt.Sprintf("%s: no \"id\" (every posted document needs one)", d.Origin)})
			continue
		}
		docs = append(docs, d)
	}
	return docs, failed
}

// originLine is the line number in a "request:LINE" origin.
func originLine(origin string) int {
	_, line, _ := strings.Cut(origin, bodyName+":")
	n, _ := strconv.Atoi(line)
	return n
}

// codeAndStore codes documents on the coder's workers and stores them in
// one batch, as `dyad ingest` does.
func (s *Server) codeAndStore(ctx context.Context, docs []dyad.Document) (PutResult, error) {
	res := PutResult{Failed: []DocFailed{}}
	var coded []store.Coded
	seq := func(yield func(dyad.Document, error) bool) {
		for _, d := range docs {
			if ctx.Err() != nil || !yield(d, nil) {
				return
			}
		}
	}
	err := s.opts.Coder.CodeAll(seq, 0, func(r coder.Result) error {
		if r.Err != nil {
			res.Failed = append(res.Failed, DocFailed{ID: r.Doc.ID, Line: originLine(r.Doc.Origin), Error: r.Err.Error()})
			return nil
		}
		coded = append(coded, store.Coded{Doc: r.Doc, Events: r.Events})
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("code: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if len(coded) == 0 {
		return res, nil
	}
	put, err := s.st.Put(ctx, s.opts.DictVersion, coded)
	if err != nil {
		return res, err
	}
	res.Added, res.Replaced, res.Unchanged, res.Mentions = put.Added, put.Replaced, put.Unchanged, put.Mentions
	for _, f := range put.Failed {
		res.Failed = append(res.Failed, DocFailed{ID: f.ID, Line: originLine(f.Origin), Error: f.Error()})
	}
	return res, nil
}
