// Command dyad codes political events from news text. Each subcommand lives
// in its own file and registers itself in commands.
package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
)

// env is what a subcommand may touch: its streams, so tests can run
// subcommands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand. run returns the process exit status.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func main() {
	// Warnings and notices go to stderr as key=value lines (log/slog's text
	// format), so that they stay machine-readable when stderr is piped.
	// Errors that stop an input are one plain line each, printed by the
	// commands themselves.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "dyad: unknown command %q (see 'dyad help')\n", args[0])
		return 2
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dyad codes political events (who did what to whom, when) from news text.")
	fmt.Fprintln(w, "\nUsage: dyad COMMAND [options] [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'dyad COMMAND -h' for a command's options.")
}
