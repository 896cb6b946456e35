package main

import (
	"fmt"
	"os"
	"time"
)

// progress shows a one-line counter on a terminal during long runs and
// stays silent when stderr is piped or in CI, so output stays
// machine-readable.
type progress struct {
	e          *env
	verb       string
	on         bool
	docs, evs  int
	start, out time.Time
}

func newProgress(e *env, verb string) *progress {
	p := &progress{e: e, verb: verb, start: time.Now()}
	if f, ok := e.stderr.(*os.File); ok && os.Getenv("CI") == "" {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) add(docs, events int) {
	p.docs += docs
	p.evs += events
	if p.on && time.Since(p.out) > 200*time.Millisecond {
		p.out = time.Now()
		rate := float64(p.docs) / time.Since(p.start).Seconds()
		fmt.Fprintf(p.e.stderr, "\r%s %d documents, %d events (%.0f docs/s)  ", p.verb, p.docs, p.evs, rate)
	}
}

// clear wipes the counter line before an error message is printed.
func (p *progress) clear() {
	if p.on && !p.out.IsZero() {
		fmt.Fprint(p.e.stderr, "\r\033[K")
	}
}

func (p *progress) done() {
	if p.on && !p.out.IsZero() {
		p.clear()
		fmt.Fprintf(p.e.stderr, "%s %d documents, %d events in %s\n", p.verb, p.docs, p.evs, time.Since(p.start).Round(time.Millisecond))
	}
}
