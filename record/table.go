package record

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// sentenceRunes is how much of the sentence the table shows.
const sentenceRunes = 80

var tableColumns = []string{"DATE", "ACTOR", "EVENT", "RECIPIENT", "FLAGS", "EVIDENCE"}

// tableWriter aligns events into columns for a terminal. Alignment needs
// every row, so it buffers all of them until Close.
type tableWriter struct {
	tw     *tabwriter.Writer
	closed bool
}

func newTable(w io.Writer) Writer {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	writeRow(tw, tableColumns)
	return &tableWriter{tw: tw}
}

func (t *tableWriter) Write(e dyad.Event) error {
	if t.closed {
		return errClosed
	}
	return writeRow(t.tw, tableRow(e))
}

func (t *tableWriter) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	if err := t.tw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// writeRow writes one row into the tabwriter's buffer; errors of the
// underlying writer surface at Flush.
func writeRow(tw *tabwriter.Writer, cells []string) error {
	for i, c := range cells {
		cells[i] = OneLine(c)
	}
	_, err := io.WriteString(tw, strings.Join(cells, "\t")+"\n")
	return err
}

func tableRow(e dyad.Event) []string {
	event := e.Type + " " + e.CAMEO
	if e.Mode != "" {
		event += " (" + e.Mode + ")"
	}
	var flags []string
	if e.Negated {
		flags = append(flags, "negated")
	}
	if e.Aux != dyad.AuxFact {
		flags = append(flags, e.Aux)
	}
	if e.Quote != nil {
		flags = append(flags, "quoted")
	}
	evidence := truncate(e.Text, sentenceRunes)
	if e.EventText != "" {
		evidence = "[" + e.EventText + "] " + evidence
	}
	return []string{e.Date, actorsLabel(e.Actor), strings.TrimSpace(event), actorsLabel(e.Recipient), strings.Join(flags, ","), evidence}
}

// actorsLabel shows actors as "Ilham Aliyev (AZE GOV)", joined with "; ",
// and "-" when there is none.
func actorsLabel(es []dyad.Entity) string {
	if len(es) == 0 {
		return "-"
	}
	labels := make([]string, len(es))
	for i, e := range es {
		labels[i] = actorName(e)
		if codes := strings.TrimSpace(e.Code + " " + e.Sector); codes != "" {
			labels[i] += " (" + codes + ")"
		}
	}
	return strings.Join(labels, "; ")
}

// truncate cuts s to at most n runes, between words where it can, marking
// the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	cut := s[:i]
	// Cut between words when that keeps most of the text.
	if sp := strings.LastIndexByte(cut, ' '); sp > len(cut)/2 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ") + "…"
}
