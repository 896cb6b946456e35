package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
	"github.com/dyad-events/dyad/doc"
	"github.com/dyad-events/dyad/kb"
	"github.com/dyad-events/dyad/text"
)

func init() {
	register(command{name: "actor", summary: "resolve the actors in a phrase as of a date (dyad actor [--date D] TEXT)", run: runActor})
	register(command{name: "actors", summary: "list capitalised names missing from the knowledge base (dyad actors --unknown INPUT...)", run: runActors})
}

// kbFlags are the options that choose which actor dictionaries to load.
type kbFlags struct {
	dirs           stringList
	petrarchActors stringList
	petrarchAgents stringList
}

func (f *kbFlags) add(fs *flag.FlagSet) {
	fs.Var(&f.dirs, "dict", "extra actor dictionary `DIR` in dyad's format (repeatable)")
	fs.Var(&f.petrarchActors, "petrarch-actors", "PETRARCH/TABARI actor dictionary `FILE` (repeatable)")
	fs.Var(&f.petrarchAgents, "petrarch-agents", "PETRARCH agent dictionary `FILE` (repeatable)")
}

func (f *kbFlags) load() (*kb.KB, error) {
	if len(f.dirs) == 0 && len(f.petrarchActors) == 0 && len(f.petrarchAgents) == 0 {
		return kb.Default()
	}
	return kb.LoadWith(data.FS, kb.Options{Dirs: f.dirs, PetrarchActors: f.petrarchActors, PetrarchAgents: f.petrarchAgents})
}

func runActor(e *env, args []string) int {
	fs := newFlagSet(e, "actor", "[--date YYYY-MM-DD] [--dict DIR] TEXT...",
		"Prints each actor found in TEXT as a JSON entity (one a line; offsets into TEXT), resolved\n"+
			"as of --date (default today). Exits 1 when TEXT names no actor.")
	date := fs.String("date", "", "resolve offices as of `YYYY-MM-DD` (default today)")
	var kf kbFlags
	kf.add(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "dyad actor: no text")
		return 2
	}
	when := time.Now().UTC().Truncate(24 * time.Hour)
	if *date != "" {
		d, err := time.Parse(dyad.DateLayout, *date)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad actor: --date: bad date %q (want YYYY-MM-DD)\n", *date)
			return 2
		}
		when = d
	}
	k, err := kf.load()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad actor:", err)
		return 2
	}
	body := strings.Join(fs.Args(), " ")
	ms := k.NewResolver(when).Find(body, dyad.Span{Start: 0, End: len(body)})
	if len(ms) == 0 {
		fmt.Fprintln(e.stderr, "dyad actor: no actor found")
		return 1
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, m := range ms {
		if err := enc.Encode(m.Entity); err != nil {
			fmt.Fprintln(e.stderr, "dyad actor:", err)
			return 1
		}
	}
	return 0
}

// unknownName is a capitalised name the KB does not know, with how often it
// occurs and the first sentence it occurs in.
type unknownName struct {
	Name    string `json:"name"`
	Count   int    `json:"count"`
	Example string `json:"example"`
}

func runActors(e *env, args []string) int {
	fs := newFlagSet(e, "actors", "--unknown [--date YYYY-MM-DD] [--json] [--min N] INPUT...",
		"Lists runs of proper nouns that look like actors but are not in the knowledge base, most\n"+
			"frequent first, with their count and an example sentence, so that dictionaries can grow.")
	unknown := fs.Bool("unknown", false, "list names missing from the knowledge base (the only mode)")
	asJSON := fs.Bool("json", false, "print JSON lines instead of tab-separated columns")
	minCount := fs.Int("min", 1, "list names seen at least `N` times")
	var cf codeFlags
	fs.StringVar(&cf.date, "date", "", "publication date `YYYY-MM-DD` for .txt files without a date header")
	var kf kbFlags
	kf.add(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if !*unknown {
		fmt.Fprintln(e.stderr, "dyad actors: want --unknown")
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "dyad actors: no input (give files, directories or -)")
		return 2
	}
	opts, err := cf.readOptions()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad actors:", err)
		return 2
	}
	opts.Stdin = e.stdin
	k, err := kf.load()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad actors:", err)
		return 2
	}
	tp, err := text.New()
	if err != nil {
		fmt.Fprintln(e.stderr, "dyad actors:", err)
		return 2
	}
	found := map[string]*unknownName{}
	status := 0
	for d, err := range doc.Read(fs.Args(), opts) {
		if err != nil {
			fmt.Fprintln(e.stderr, "dyad actors:", err)
			status = 1
			continue
		}
		collectUnknown(k, tp, d, found)
	}
	names := make([]*unknownName, 0, len(found))
	for _, n := range found {
		if n.Count >= *minCount {
			names = append(names, n)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		if names[i].Count != names[j].Count {
			return names[i].Count > names[j].Count
		}
		return names[i].Name < names[j].Name
	})
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, n := range names {
		if *asJSON {
			if err := enc.Encode(n); err != nil {
				fmt.Fprintln(e.stderr, "dyad actors:", err)
				return 1
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%d\t%s\t%s\n", n.Count, n.Name, n.Example)
	}
	return status
}

// collectUnknown adds the document's unknown names to found: runs of
// proper-noun tokens (NNP, NNPS) that no KB mention covers, that start with
// a capital letter and that are not words which never begin a name.
func collectUnknown(k *kb.KB, tp *text.Pipeline, d dyad.Document, found map[string]*unknownName) {
	td := tp.Analyze(d.Body)
	res := k.NewResolver(d.Date)
	for _, s := range td.Sentences {
		ms := res.Find(d.Body, s.Span)
		covered := func(sp dyad.Span) bool {
			for _, m := range ms {
				if m.Span().Overlaps(sp) {
					return true
				}
			}
			return false
		}
		flush := func(run []text.Token) {
			if len(run) == 0 {
				return
			}
			sp := dyad.Span{Start: run[0].Start, End: run[len(run)-1].End}
			if covered(sp) {
				return
			}
			name := d.Body[sp.Start:sp.End]
			n := found[name]
			if n == nil {
				n = &unknownName{Name: name, Example: strings.Join(strings.Fields(s.Text(d.Body)), " ")}
				found[name] = n
			}
			n.Count++
		}
		var run []text.Token
		for _, t := range s.Tokens {
			if (t.Tag == "NNP" || t.Tag == "NNPS") && startsUpper(t.Text) && !k.NotName(t.Text) {
				run = append(run, t)
				continue
			}
			flush(run)
			run = run[:0]
		}
		flush(run)
	}
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}
