// Package store keeps coded documents, their event mentions and the
// de-duplicated events those mentions report, behind one interface with two
// implementations: package sqlite (embedded, the default) and package
// postgres (for teams).
//
// A mention is one coded event record (dyad.Event): one sentence of one
// document saying that something happened. An event is a cluster of
// mentions that report the same happening: the same actor and recipient
// (country code and sector sets), PLOVER type, CAMEO root, negation and aux,
// with event dates that chain within a window of days. Events are
// materialised at ingest and kept correct when a document is replaced, so
// queries read them through indexes instead of clustering on the fly.
//
// The clustering is single linkage on the date line of each key: sort the
// mentions of one key by day and cut wherever two neighbours are more than
// Window days apart. It does not depend on the order documents arrive in,
// so a store built in one run, in many runs, or after a crash and a re-run
// holds the same events.
package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// DefaultWindow is how many days apart two mentions of one event may be.
const DefaultWindow = 1

// Store is an event store. Its methods are safe for concurrent use; queries
// may run while another goroutine or process ingests.
type Store interface {
	// Put stores a batch of coded documents in one transaction and updates
	// the events their mentions belong to. A document already stored with
	// the same content hash and dictionaries version is left as it is; one
	// stored with a different hash or version is replaced with its
	// mentions. A document the store cannot take (an empty id, text the
	// database rejects) is rolled back on its own and reported in
	// PutResult.Failed; the rest of the batch is stored. An error means the
	// whole batch was rolled back.
	Put(ctx context.Context, dictVersion string, docs []Coded) (PutResult, error)
	// Has reports whether document id is stored with this content hash
	// (ContentHash) and dictionaries version, so that a caller can skip
	// coding it again.
	Has(ctx context.Context, id, hash, dictVersion string) (bool, error)
	// Events yields the de-duplicated events that match f, by date.
	Events(ctx context.Context, f Filter) iter.Seq2[Event, error]
	// Mentions yields the mentions (per-sentence records) of the events
	// that match f, by date.
	Mentions(ctx context.Context, f Filter) iter.Seq2[dyad.Event, error]
	// Counts returns how many documents, mentions and events are stored.
	Counts(ctx context.Context) (Counts, error)
	// Stats counts events by type, by actor (the top ones) and by month.
	Stats(ctx context.Context, topActors int) (Stats, error)
	// Window returns the clustering window, in days.
	Window() int
	Close() error
}

// Options configure a store when it is opened.
type Options struct {
	// Window is the clustering window in days. A negative value keeps the
	// store's own (DefaultWindow for a new store); a value that differs
	// from the store's re-clusters every stored mention.
	Window int
}

// Coded is one coded document, as handed to Put.
type Coded struct {
	Doc    dyad.Document
	Events []dyad.Event
}

// PutResult says what Put did with a batch.
type PutResult struct {
	Added, Replaced, Unchanged int
	Mentions                   int // mentions written
	Failed                     []DocError
}

// DocError is a document that Put could not store.
type DocError struct {
	ID, Origin string
	Err        error
}

func (e DocError) Error() string {
	where := e.Origin
	if where == "" {
		where = e.ID
	}
	return fmt.Sprintf("%s: %v", where, e.Err)
}

// Counts are the sizes of a store.
type Counts struct {
	Documents, Mentions, Events int
}

// Stats are the counts `dyad stats` prints.
type Stats struct {
	Counts
	ByType, ByActor, ByMonth []Count
}

// Count is one row of Stats: events and their mentions under one key (an
// event type, an actor code or a month YYYY-MM).
type Count struct {
	Key      string `json:"key"`
	Events   int    `json:"events"`
	Mentions int    `json:"mentions"`
}

// Event is one de-duplicated event: the record of its first mention (by
// date, then document, then position) with that mention's id, plus how
// often and where it was reported. FirstSeen and LastSeen are the earliest
// and latest publication dates of the documents that report it.
type Event struct {
	dyad.Event
	Mentions  int      `json:"mentions"`
	Sources   []string `json:"sources"`
	FirstSeen string   `json:"first_seen"`
	LastSeen  string   `json:"last_seen"`
}

// Filter selects events. Empty fields select everything.
type Filter struct {
	// Actor and Recipient match a country or IGO code ("RUS"), a CAMEO
	// actor code ("RUSMIL"), or, when the value is not all upper case
	// letters and digits, a case-insensitive substring of an actor's
	// resolved name ("Putin"). An event matches when any of its mentions
	// names a matching actor.
	Actor, Recipient string
	Type             string // PLOVER event type
	CAMEO            string // prefix of the event's CAMEO code
	// From and To bound the event date (its first day), inclusive, as
	// YYYY-MM-DD.
	From, To string
	Negated  *bool
	// Text is a full-text query over document titles and bodies (SQLite
	// FTS5 syntax; PostgreSQL web-search syntax); an event matches when one
	// of its mentions comes from a matching document.
	Text  string
	Limit int // at most this many results; 0: no limit
}

// Validate checks a filter's values, so that bad input is reported before
// any query runs.
func (f Filter) Validate() error {
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(dyad.DateLayout, d.v); err != nil {
			return fmt.Errorf("--%s: bad date %q (want YYYY-MM-DD)", d.name, d.v)
		}
	}
	if f.Type != "" && !slices.Contains(dyad.PLOVERTypes, strings.ToUpper(f.Type)) {
		return fmt.Errorf("--event: unknown PLOVER type %q (want one of %s)", f.Type, strings.Join(dyad.PLOVERTypes, " "))
	}
	for _, r := range f.CAMEO {
		if r < '0' || r > '9' {
			return fmt.Errorf("--cameo: %q is not a CAMEO code prefix (digits only)", f.CAMEO)
		}
	}
	if f.Limit < 0 {
		return errors.New("--limit: must not be negative")
	}
	return nil
}

// fromDay and toDay turn the date bounds into day numbers; ok is false when
// the bound is open.
func (f Filter) fromDay() (int, bool) { return boundDay(f.From) }
func (f Filter) toDay() (int, bool)   { return boundDay(f.To) }

func boundDay(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	t, err := time.Parse(dyad.DateLayout, s)
	if err != nil {
		return 0, false
	}
	return dayNumber(t), true
}
