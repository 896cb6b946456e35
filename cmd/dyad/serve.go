package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	nethttp "net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/groups"
	"github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/reactions"
	"github.com/dyad-events/dyad/store"
)

func init() {
	register(command{name: "serve", summary: "serve the store: a JSON API and the web explorer", run: runServe})
}

// shutdownGrace is how long requests in flight may finish after SIGINT or
// SIGTERM.
const shutdownGrace = 10 * time.Second

func runServe(e *env, args []string) int {
	fs := newFlagSet(e, "serve", "[--db PATH|URL] [--addr HOST:PORT] [--token-file FILE] [--max-body BYTES]",
		"Serves the store over HTTP: the web explorer at /, the JSON API under /api/ (described at\n"+
			"/api/openapi.json) and /healthz. Without --token-file the server is read-only; with it,\n"+
			"POST /api/documents codes and stores documents for clients that send Authorization: Bearer TOKEN.\n"+
			"Logs one line per request to stderr. Stops cleanly on SIGINT or SIGTERM.")
	db := addDBFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	tokenFile := fs.String("token-file", "", "accept writes from clients that send the token in `FILE`")
	maxBody := fs.Int64("max-body", http.DefaultMaxBody, "largest request body in `BYTES`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(e.stderr, "dyad serve:", err)
		return 2
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	if *maxBody <= 0 {
		return fail(errors.New("--max-body: must be positive"))
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	opts := http.Options{Logger: log, MaxBody: *maxBody}
	var err error
	if *tokenFile != "" {
		if opts.Token, err = readToken(*tokenFile); err != nil {
			return fail(err)
		}
		if opts.Coder, err = defaultCoder(); err != nil {
			return fail(err)
		}
		if opts.DictVersion, err = baseDictVersion(); err != nil {
			return fail(err)
		}
	}
	if opts.KB, err = kb.Default(); err != nil {
		return fail(err)
	}
	if opts.Kinds, err = reactions.LoadKinds(data.FS); err != nil {
		return fail(err)
	}
	if opts.Groups, err = groups.Load(data.FS); err != nil {
		return fail(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// A store that does not exist yet is created only when the server
	// accepts writes; a read-only server on a typo would show nothing.
	st, err := openStore(ctx, *db, store.Options{Window: -1}, *tokenFile == "")
	if err != nil {
		return fail(err)
	}
	defer st.Close()
	srv, err := http.NewServer(st, opts)
	if err != nil {
		return fail(err)
	}
	hs := srv.HTTPServer(*addr)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(err)
	}
	mode := "read-only"
	if opts.Token != "" {
		mode = "accepting writes with a bearer token"
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", *db, "mode", mode)

	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return fail(err)
	case <-ctx.Done():
	}
	stop() // a second signal kills the process at once
	log.Info("shutting down", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fail(fmt.Errorf("shutdown: %w", err))
	}
	if err := <-served; err != nil && !errors.Is(err, nethttp.ErrServerClosed) {
		return fail(err)
	}
	return 0
}

// readToken reads a bearer token: the file's first line, which must not be
// empty. A file others can read is refused, as ssh refuses such keys.
func readToken(path string) (string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("--token-file: %w", err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("--token-file: %s is readable by others (mode %v); chmod 600 it", path, info.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("--token-file: %w", err)
	}
	token, _, _ := strings.Cut(string(b), "\n")
	token = strings.TrimSpace(token)
	if token == "" {
		return "", fmt.Errorf("--token-file: %s holds no token on its first line", path)
	}
	if len(token) < 16 {
		return "", fmt.Errorf("--token-file: the token in %s is shorter than 16 characters", path)
	}
	return token, nil
}
