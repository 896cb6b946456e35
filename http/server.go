// Package http is dyad serve: a JSON API over an event store (events,
// documents with their evidence offsets, actor autocompletion, reactions,
// timelines, the actor network, and coding new documents) and the web
// explorer built on it, from one handler.
//
// The API is described by the OpenAPI document it serves at
// /api/openapi.json. Every response carries security headers; errors are a
// status and {"error": "one line"}.
package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/groups"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/reactions"
	"github.com/dyad-events/dyad/store"
)

// DefaultMaxBody is the request-body limit when Options.MaxBody is zero.
const DefaultMaxBody = 10 << 20

// Timeouts of the server HTTPServer returns, and of one API request's work
// in the store.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 60 * time.Second // a 10 MiB batch over a slow link
	WriteTimeout      = 120 * time.Second
	IdleTimeout       = 120 * time.Second
	// queryTimeout bounds the store's work for one read request, so that a
	// costly query cannot pile up behind others.
	queryTimeout = 30 * time.Second
	// writeRequestTimeout bounds coding and storing one POST.
	writeRequestTimeout = 100 * time.Second
)

// ContentSecurityPolicy is sent with every response. Scripts only from the
// server itself (no inline scripts, no eval, no CDN). Styles also allow
// 'unsafe-inline' because ECharts and cytoscape write style attributes into
// the markup of their tooltips and labels; style injection cannot run code.
// Images may be data: URIs (chart exports). No framing, no plugins.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// Options configure a Server.
type Options struct {
	// Token is the bearer token POST /api/documents requires; "" makes the
	// server read-only (writes are refused with 403).
	Token string
	// Coder codes posted documents; nil refuses them with 503.
	Coder *coder.Coder
	// DictVersion is the dictionaries version posted documents are stored
	// with; "" is that of the built-in data (as `dyad ingest` uses).
	DictVersion string
	// KB, Kinds and Groups serve /api/reactions (503 without them); KB
	// also names the countries of /api/network.
	KB     *kb.KB
	Kinds  *reactions.Kinds
	Groups *groups.Groups
	// Logger receives one line per request; nil discards them.
	Logger *slog.Logger
	// MaxBody is the request-body limit in bytes; 0 is DefaultMaxBody.
	MaxBody int64
}

// Server serves the API and the explorer over one store.
type Server struct {
	st   store.Browser
	opts Options
	log  *slog.Logger
}

// NewServer returns a server over st, which must implement store.Browser
// (the SQLite and PostgreSQL stores do).
func NewServer(st store.Store, opts Options) (*Server, error) {
	b, ok := st.(store.Browser)
	if !ok {
		return nil, fmt.Errorf("the store (%T) cannot be browsed: it lacks the look-ups dyad serve needs", st)
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Coder != nil && opts.DictVersion == "" {
		v, err := store.DictVersion(data.Coding())
		if err != nil {
			return nil, fmt.Errorf("dictionaries version: %w", err)
		}
		opts.DictVersion = v
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Server{st: b, opts: opts, log: log}, nil
}

// HTTPServer returns an http.Server for this server's handler on addr, with
// the timeouts set.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Handler returns every route: /healthz and /api/... on the API's own mux,
// everything else on the explorer's. Two muxes, so that the explorer's
// patterns (such as "GET /") can never conflict with the API's.
func (s *Server) Handler() http.Handler {
	api := http.NewServeMux()
	s.registerAPI(api)
	ui := http.NewServeMux()
	s.registerUI(ui)
	root := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || strings.HasPrefix(r.URL.Path, "/api/") {
			api.ServeHTTP(w, r)
			return
		}
		ui.ServeHTTP(w, r)
	})
	return s.logRequests(securityHeaders(recoverPanics(s.log, root)))
}

// registerAPI adds the JSON routes. Each path also gets a method-less
// pattern that answers 405 in JSON, and /api/ a JSON 404.
func (s *Server) registerAPI(mux *http.ServeMux) {
	routes := []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{"GET", "/healthz", s.healthz},
		{"GET", "/api/events", s.events},
		{"GET", "/api/events/{id...}", s.event},
		{"GET", "/api/docs/{id...}", s.document},
		{"GET", "/api/actors", s.actors},
		{"GET", "/api/reactions", s.reactions},
		{"GET", "/api/timeline", s.timeline},
		{"GET", "/api/network", s.network},
		{"POST", "/api/documents", s.postDocuments},
		{"GET", "/api/openapi.json", s.openAPI},
	}
	for _, rt := range routes {
		mux.HandleFunc(rt.method+" "+rt.path, rt.h)
		allow := rt.method
		if rt.method == "GET" {
			allow = "GET, HEAD"
		}
		mux.HandleFunc(rt.path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed (use %s)", r.Method, rt.method))
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path+" (see /api/openapi.json)")
	})
}

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a handler's panic into a 500 with a JSON error, and
// logs the stack: a bad request must never take the server down.
func recoverPanics(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and size of a response, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests writes one line per request.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(r.Context(), level, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("query", r.URL.RawQuery),
			slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
			slog.Duration("duration", time.Since(start)), slog.String("remote", r.RemoteAddr))
	})
}

// writeJSON writes v as the response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encode response: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// apiError is the body of every error response.
type apiError struct {
	Error string `json:"error"`
}

// writeError writes an error response: the status and one line.
func writeError(w http.ResponseWriter, status int, msg string) {
	msg = strings.Join(strings.Fields(msg), " ")
	body, _ := json.Marshal(apiError{Error: msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// badRequest is an error in the request's parameters (400).
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func badf(format string, args ...any) error {
	return &badRequest{fmt.Sprintf(format, args...)}
}

// fail answers an error: 400 for bad input, 404 for what is not there, 503
// when the store took too long, else 500 (logged; the client gets one
// line without internals).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var bad *badRequest
	switch {
	case errors.As(err, &bad):
		writeError(w, http.StatusBadRequest, bad.msg)
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "the query took too long; narrow the filters")
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client went away; nobody reads the answer.
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err.Error())
		writeError(w, http.StatusInternalServerError, "internal error (see the server log)")
	}
}
