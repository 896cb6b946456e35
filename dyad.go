// Package dyad holds the domain types that every stage of the event coder
// shares: documents, byte spans into a document body, resolved actors
// (entities) and coded events.
//
// The pipeline is
//
//	doc (readers) -> text (sentences, tokens) -> kb (actors) -> grammar (clauses)
//	  -> coder (events) -> record (writers)
//
// and every stage carries byte offsets into Document.Body, the way go/token
// positions travel through go/scanner and go/ast, so that each event can point
// at the exact words it came from.
package dyad

import "time"

// Span is a half-open range [Start, End) of UTF-8 byte offsets into a
// document body.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// In returns the text the span covers in body, or "" when the span does not
// fit body (so a bad span shows up as a mismatch, never as a panic).
func (s Span) In(body string) string {
	if s.Start < 0 || s.End > len(body) || s.Start > s.End {
		return ""
	}
	return body[s.Start:s.End]
}

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// DateLayout is the layout of every date dyad reads and writes.
const DateLayout = "2006-01-02"

// Document is one news article as read from its source.
type Document struct {
	ID     string    // the JSONL "id", else the file's base name without extension
	Date   time.Time // publication date (UTC midnight)
	Body   string    // the text; every offset dyad reports counts bytes from its first byte
	Title  string
	URL    string
	Source string
	// Origin names where the document was read from ("path" or "path:line"),
	// for error messages and provenance.
	Origin string
}

// Entity is an actor as the event record describes it: the words in the text
// and what they resolve to. Field names and JSON tags follow
// shared/spec/event-record.md, which is a contract.
type Entity struct {
	Text   string `json:"entity_text"`
	Name   string `json:"name"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
	CAMEO  string `json:"cameo"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Span returns the entity's offsets in the document body.
func (e Entity) Span() Span { return Span{e.Start, e.End} }

// TextInfo locates the sentence an event was coded from.
type TextInfo struct {
	Sentence int `json:"sentence"`
	Start    int `json:"start"`
	End      int `json:"end"`
}

// Quote says that an event was coded inside a quotation, and whose words the
// quotation is.
type Quote struct {
	Speaker Entity `json:"speaker"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Auxiliary modes of an event (the PLOVER "aux" field).
const (
	AuxFact         = ""
	AuxFuture       = "future"
	AuxHypothetical = "hypothetical"
	AuxHistorical   = "historical"
)

// Event is one coded event: the record of shared/spec/event-record.md.
// Field order is the order of the JSON record.
type Event struct {
	ID        string   `json:"id"`
	Doc       string   `json:"doc"`
	Date      string   `json:"date"`
	DocDate   string   `json:"doc_date"`
	Actor     []Entity `json:"actor"`
	Recipient []Entity `json:"recipient"`
	Type      string   `json:"event"`
	Mode      string   `json:"mode"`
	Context   []string `json:"context"`
	CAMEO     string   `json:"cameo"`
	Goldstein float64  `json:"goldstein"`
	QuadCode  int      `json:"quad_code"`
	Negated   bool     `json:"negated"`
	Aux       string   `json:"aux"`
	EventText string   `json:"event_text"`
	// EventStart and EventEnd are the byte offsets of EventText in the body
	// (an extension: they let a viewer highlight the action words).
	EventStart int      `json:"event_start"`
	EventEnd   int      `json:"event_end"`
	Text       string   `json:"text"`
	TextInfo   TextInfo `json:"text_info"`
	Quote      *Quote   `json:"quote,omitempty"`
}

// WithEmptyLists returns e with absent lists (actor, recipient, context)
// made empty, so that the JSON record has [] rather than null, as the
// contract says.
func (e Event) WithEmptyLists() Event {
	if e.Actor == nil {
		e.Actor = []Entity{}
	}
	if e.Recipient == nil {
		e.Recipient = []Entity{}
	}
	if e.Context == nil {
		e.Context = []string{}
	}
	return e
}

// PLOVERTypes lists the sixteen PLOVER event types, in the manual's order.
var PLOVERTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
