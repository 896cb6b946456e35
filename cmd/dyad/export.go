package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/record"
	"github.com/dyad-events/dyad/store"
	"github.com/parquet-go/parquet-go"
)

func init() {
	register(command{name: "export", summary: "write every stored event as GDELT TSV, PLOVER JSONL, CSV or Parquet", run: runExport})
}

func runExport(e *env, args []string) int {
	fs := newFlagSet(e, "export", "[--db PATH|URL] --format gdelt|plover-jsonl|csv|parquet [--out FILE]",
		"Writes every de-duplicated event of the store, by date, for R, pandas or DuckDB. With --out the\n"+
			"file appears only once it is complete.")
	db := addDBFlag(fs)
	format := fs.String("format", "", "`format`: gdelt (GDELT 2.0-style TSV), plover-jsonl, csv or parquet")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "dyad export: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *format == "" {
		fmt.Fprintln(e.stderr, "dyad export: --format is required (gdelt, plover-jsonl, csv or parquet)")
		return 2
	}
	if *format == "plover-jsonl" {
		*format = "jsonl"
	}
	if !exportFormats[*format] {
		fmt.Fprintf(e.stderr, "dyad export: unknown format %q (want gdelt, plover-jsonl, csv or parquet)\n", *format)
		return 2
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db, store.Options{Window: -1}, true)
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad export:", err)
		return 2
	}
	defer st.Close()
	n := 0
	err = writeOutput(e, *out, func(w io.Writer) error {
		ew, err := newEventWriter(*format, w)
		if err != nil {
			return err
		}
		for ev, err := range st.Events(ctx, store.Filter{}) {
			if err != nil {
				return err
			}
			if err := ew.Write(ev); err != nil {
				return err
			}
			n++
		}
		return ew.Close()
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad export:", err)
		return 2
	}
	if *out != "" {
		fmt.Fprintf(e.stderr, "dyad export: %d events written to %s\n", n, *out)
	}
	return 0
}

var exportFormats = map[string]bool{"gdelt": true, "jsonl": true, "csv": true, "parquet": true}

// writeOutput hands fn standard output, or a temporary file beside path
// that is renamed to path only when fn succeeds, so a failed export never
// leaves a truncated file that looks complete.
func writeOutput(e *env, path string, fn func(io.Writer) error) error {
	if path == "" {
		bw := bufio.NewWriterSize(e.stdout, 64<<10)
		if err := fn(bw); err != nil {
			bw.Flush()
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 256<<10)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// eventWriter writes de-duplicated events in one format.
type eventWriter interface {
	Write(store.Event) error
	Close() error
}

// newEventWriter returns a writer for "jsonl", "table", "csv", "tsv",
// "gdelt" or "parquet".
func newEventWriter(format string, w io.Writer) (eventWriter, error) {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return jsonlEvents{enc}, nil
	case "table":
		return newTableEvents(w), nil
	case "csv":
		return newDelimited(w, flatColumns, func(ev store.Event) []string { return flatten(ev).cells() }, ','), nil
	case "tsv":
		return newDelimited(w, flatColumns, func(ev store.Event) []string { return flatten(ev).cells() }, '\t'), nil
	case "gdelt":
		return newDelimited(w, gdeltColumns, gdeltCells, '\t'), nil
	case "parquet":
		return &parquetEvents{w: parquet.NewGenericWriter[flatEvent](w)}, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

type jsonlEvents struct{ enc *json.Encoder }

func (j jsonlEvents) Write(ev store.Event) error { return j.enc.Encode(ev) }
func (j jsonlEvents) Close() error               { return nil }

// flatEvent is an event as one row of flat columns: CSV, TSV and Parquet.
// Several actors on one side are joined with ";".
type flatEvent struct {
	ID               string  `parquet:"id"`
	Date             string  `parquet:"date"`
	FirstSeen        string  `parquet:"first_seen"`
	LastSeen         string  `parquet:"last_seen"`
	Mentions         int64   `parquet:"mentions"`
	NumSources       int64   `parquet:"num_sources"`
	Sources          string  `parquet:"sources"`
	Event            string  `parquet:"event"`
	Mode             string  `parquet:"mode"`
	Context          string  `parquet:"context"`
	CAMEO            string  `parquet:"cameo"`
	Goldstein        float64 `parquet:"goldstein"`
	QuadCode         int64   `parquet:"quad_code"`
	Negated          bool    `parquet:"negated"`
	Aux              string  `parquet:"aux"`
	ActorCode        string  `parquet:"actor_code"`
	ActorName        string  `parquet:"actor_name"`
	ActorCountry     string  `parquet:"actor_country"`
	ActorSector      string  `parquet:"actor_sector"`
	RecipientCode    string  `parquet:"recipient_code"`
	RecipientName    string  `parquet:"recipient_name"`
	RecipientCountry string  `parquet:"recipient_country"`
	RecipientSector  string  `parquet:"recipient_sector"`
	EventText        string  `parquet:"event_text"`
	Text             string  `parquet:"text"`
	Doc              string  `parquet:"doc"`
}

// flatColumns are the CSV/TSV header, in the order of cells.
var flatColumns = []string{
	"id", "date", "first_seen", "last_seen", "mentions", "num_sources", "sources",
	"event", "mode", "context", "cameo", "goldstein", "quad_code", "negated", "aux",
	"actor_code", "actor_name", "actor_country", "actor_sector",
	"recipient_code", "recipient_name", "recipient_country", "recipient_sector",
	"event_text", "text", "doc",
}

func (f flatEvent) cells() []string {
	return []string{
		f.ID, f.Date, f.FirstSeen, f.LastSeen, strconv.FormatInt(f.Mentions, 10), strconv.FormatInt(f.NumSources, 10), f.Sources,
		f.Event, f.Mode, f.Context, f.CAMEO, strconv.FormatFloat(f.Goldstein, 'f', -1, 64), strconv.FormatInt(f.QuadCode, 10),
		strconv.FormatBool(f.Negated), f.Aux,
		f.ActorCode, f.ActorName, f.ActorCountry, f.ActorSector,
		f.RecipientCode, f.RecipientName, f.RecipientCountry, f.RecipientSector,
		f.EventText, f.Text, f.Doc,
	}
}

func flatten(ev store.Event) flatEvent {
	a, r := sideOf(ev.Actor), sideOf(ev.Recipient)
	return flatEvent{
		ID: ev.ID, Date: ev.Date, FirstSeen: ev.FirstSeen, LastSeen: ev.LastSeen,
		Mentions: int64(ev.Mentions), NumSources: int64(len(ev.Sources)), Sources: strings.Join(ev.Sources, ";"),
		Event: ev.Type, Mode: ev.Mode, Context: strings.Join(ev.Context, ","), CAMEO: ev.CAMEO,
		Goldstein: ev.Goldstein, QuadCode: int64(ev.QuadCode), Negated: ev.Negated, Aux: ev.Aux,
		ActorCode: a.codes, ActorName: a.names, ActorCountry: a.countries, ActorSector: a.sectors,
		RecipientCode: r.codes, RecipientName: r.names, RecipientCountry: r.countries, RecipientSector: r.sectors,
		EventText: ev.EventText, Text: ev.Text, Doc: ev.Doc,
	}
}

// side is one side of an event (its actors or recipients) as flat cells.
type side struct{ codes, names, countries, sectors string }

func sideOf(es []dyad.Entity) side {
	join := func(get func(dyad.Entity) string) string {
		parts := make([]string, len(es))
		for i, e := range es {
			parts[i] = strings.ReplaceAll(get(e), ";", ",")
		}
		return strings.Join(parts, ";")
	}
	return side{
		codes:     join(func(e dyad.Entity) string { return e.CAMEO }),
		names:     join(entityName),
		countries: join(func(e dyad.Entity) string { return e.Code }),
		sectors:   join(func(e dyad.Entity) string { return e.Sector }),
	}
}

func entityName(e dyad.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return e.Text
}

// gdeltColumns follow GDELT 2.0's event table where dyad has the value
// (NumSources and NumArticles both count the reporting documents), then
// dyad's own columns.
var gdeltColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "DATEADDED",
	"PloverType", "PloverMode", "Negated", "Aux", "FirstSeen", "LastSeen", "Sources", "SentenceText",
}

func gdeltCells(ev store.Event) []string {
	day := strings.ReplaceAll(ev.Date, "-", "")
	for len(day) < 8 && len(day) >= 4 {
		day += "0" // YYYY-MM -> YYYYMM00, as GDELT writes an unknown day
	}
	a, r := sideOf(ev.Actor), sideOf(ev.Recipient)
	fraction := ""
	if t, err := time.Parse(dyad.DateLayout, ev.Date); err == nil {
		fraction = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
	}
	root := "0"
	if ev.TextInfo.Sentence == 0 {
		root = "1"
	}
	n := strconv.Itoa(len(ev.Sources))
	negated := "0"
	if ev.Negated {
		negated = "1"
	}
	return []string{
		ev.ID, day, day[:min(6, len(day))], day[:min(4, len(day))], fraction,
		a.codes, a.names, a.countries, a.sectors,
		r.codes, r.names, r.countries, r.sectors,
		root, ev.CAMEO, ev.CAMEO[:min(3, len(ev.CAMEO))], ev.CAMEO[:min(2, len(ev.CAMEO))],
		strconv.Itoa(ev.QuadCode), strconv.FormatFloat(ev.Goldstein, 'f', -1, 64),
		strconv.Itoa(ev.Mentions), n, n, strings.ReplaceAll(ev.FirstSeen, "-", ""),
		ev.Type, ev.Mode, negated, ev.Aux, ev.FirstSeen, ev.LastSeen, strings.Join(ev.Sources, ";"), ev.Text,
	}
}

// delimited writes a header and one line per event, as CSV (RFC 4180
// quoting) or TSV (tabs and line breaks inside a value become spaces).
type delimited struct {
	w       io.Writer
	csv     *csv.Writer
	header  []string
	cells   func(store.Event) []string
	started bool
}

func newDelimited(w io.Writer, header []string, cells func(store.Event) []string, sep rune) *delimited {
	d := &delimited{w: w, header: header, cells: cells}
	if sep == ',' {
		d.csv = csv.NewWriter(w)
	}
	return d
}

func (d *delimited) line(cells []string) error {
	if d.csv != nil {
		return d.csv.Write(cells)
	}
	for i, c := range cells {
		cells[i] = record.OneLine(c)
	}
	_, err := io.WriteString(d.w, strings.Join(cells, "\t")+"\n")
	return err
}

func (d *delimited) Write(ev store.Event) error {
	if !d.started {
		d.started = true
		if err := d.line(d.header); err != nil {
			return err
		}
	}
	return d.line(d.cells(ev))
}

func (d *delimited) Close() error {
	if !d.started {
		d.started = true
		if err := d.line(d.header); err != nil {
			return err
		}
	}
	if d.csv != nil {
		d.csv.Flush()
		return d.csv.Error()
	}
	return nil
}

type parquetEvents struct {
	w   *parquet.GenericWriter[flatEvent]
	buf []flatEvent
}

func (p *parquetEvents) Write(ev store.Event) error {
	p.buf = append(p.buf, flatten(ev))
	if len(p.buf) >= 4096 {
		return p.flush()
	}
	return nil
}

func (p *parquetEvents) flush() error {
	if len(p.buf) == 0 {
		return nil
	}
	if _, err := p.w.Write(p.buf); err != nil {
		return fmt.Errorf("write parquet: %w", err)
	}
	p.buf = p.buf[:0]
	return nil
}

func (p *parquetEvents) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("write parquet: %w", err)
	}
	return nil
}

// tableEvents aligns events into columns for a terminal.
type tableEvents struct{ tw *tabwriter.Writer }

func newTableEvents(w io.Writer) *tableEvents {
	t := &tableEvents{tw: tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)}
	t.row("DATE", "ACTOR", "EVENT", "RECIPIENT", "FLAGS", "MENTIONS", "SOURCES", "EVIDENCE")
	return t
}

func (t *tableEvents) row(cells ...string) error {
	for i, c := range cells {
		cells[i] = record.OneLine(c)
	}
	_, err := io.WriteString(t.tw, strings.Join(cells, "\t")+"\n")
	return err
}

func (t *tableEvents) Write(ev store.Event) error {
	var flags []string
	if ev.Negated {
		flags = append(flags, "negated")
	}
	if ev.Aux != "" {
		flags = append(flags, ev.Aux)
	}
	sources := strings.Join(ev.Sources, ",")
	if len(ev.Sources) > 3 {
		sources = strings.Join(ev.Sources[:3], ",") + fmt.Sprintf(",+%d", len(ev.Sources)-3)
	}
	evidence := ev.Text
	if utf8.RuneCountInString(evidence) > 70 {
		evidence = string([]rune(evidence)[:69]) + "…"
	}
	return t.row(ev.Date, actorLabel(ev.Actor), strings.TrimSpace(ev.Type+" "+ev.CAMEO), actorLabel(ev.Recipient),
		strings.Join(flags, ","), strconv.Itoa(ev.Mentions), sources, evidence)
}

func (t *tableEvents) Close() error { return t.tw.Flush() }

func actorLabel(es []dyad.Entity) string {
	if len(es) == 0 {
		return "-"
	}
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = entityName(e)
		if e.CAMEO != "" {
			parts[i] += " (" + e.CAMEO + ")"
		}
	}
	return strings.Join(parts, "; ")
}
