// Package kb is dyad's actor knowledge base: it loads the country, place, sector,
// person and organisation lists of data/kb (plus user folders in the same
// format) and finds actors in sentences, resolving each to a country or
// organisation code and a CAMEO sector as of the article's date.
//
// LoadWith also reads PETRARCH/TABARI actor and agent dictionaries, with
// their date restrictions.
//
// A KB is built once and is safe for concurrent use. Per-document state
// (who has been named so far, for surname coreference, "the president",
// "the two leaders" and Antecedent) lives in a Resolver, one per document.
package kb

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
)

// Kind says what a Mention refers to.
type Kind uint8

const (
	// Generic is a sector word without a country ("police", "protesters").
	Generic Kind = iota
	// Country is a state: its name, a capital or seat-of-government
	// metonym, a demonym, or a country word with sector words ("Russian
	// troops").
	Country
	// Person is a named individual, known to the KB or introduced by a
	// title ("President Foo Bar").
	Person
	// Organisation is an international organisation (code "UNO", "NATO",
	// "EUR", ...) or another non-armed organisation from orgs.tsv.
	Organisation
	// Group is a non-state armed group or movement (Hamas, Taliban, ...).
	Group
)

func (k Kind) String() string {
	switch k {
	case Generic:
		return "generic"
	case Country:
		return "country"
	case Person:
		return "person"
	case Organisation:
		return "organisation"
	case Group:
		return "group"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Mention is one actor found in a text: the entity (with Text, Start and End
// in document body offsets) and what kind of actor it is.
type Mention struct {
	dyad.Entity
	Kind Kind
	// Plural is set for plural sector words and demonyms ("troops",
	// "protesters", "Russians").
	Plural bool
	// Place is set when a country was named by a place inside it ("Kherson",
	// "Gaza residents"): the mention is that country, with the sector of
	// the words around the place or none, never the government by default.
	Place bool
	// Members are the actors a plural reference stands for: "the two
	// leaders" after "Putin met Erdogan" has both of them. The mention's own
	// entity then keeps only what the members share.
	Members []dyad.Entity

	// fromTitle marks a mention made of a title and a country or
	// organisation without a name ("Moldova's president"), which an
	// appositive name may join.
	fromTitle bool
	// titles are the lower-case titles written with a person ("foreign
	// minister" in "Foreign Minister Jane Doe"); person is the KB index of
	// the person plus one, 0 when the person is not in the KB.
	titles []string
	person int
}

// IGOSector is the sector of international organisations and of people
// acting for them.
const IGOSector = "IGO"

// CAMEOCode builds the CAMEO actor code of an entity: "IGO"+code for
// international organisations ("IGONATO", "IGOUNO"), code+sector otherwise
// ("AZEGOV", "USAELI", "RUS" when the sector is unknown).
func CAMEOCode(code, sector string) string {
	if sector == IGOSector {
		return IGOSector + code
	}
	return code + sector
}

// country is one line of countries.tsv.
type country struct {
	Code, Name string
}

// sectorWord is one line of sectors.tsv.
type sectorWord struct {
	Word   string
	Sector string
	Type   wordType
	Weak   bool // a weak word's sector yields to any strong word's
	Plural bool
}

type wordType uint8

const (
	wordNoun   wordType = iota // a group or body that can be an actor alone
	wordTitle                  // a person's title: may be followed by a name
	wordMod                    // a modifier: never an actor alone
	wordPerson                 // a noun for a person ("reporter"): an actor alone, and may be followed by a name
)

// office is one line of people.tsv: a term in one office.
type office struct {
	Country, Sector, Office string
	Start, End              time.Time // End is exclusive; zero End = still in office
	Uncertain               bool      // a date was marked with "?"
	Note                    string
	Origin                  string // file:line
}

// holds reports whether the term covers date d.
func (o office) holds(d time.Time) bool {
	return !d.Before(o.Start) && (o.End.IsZero() || d.Before(o.End))
}

// distance is how far d lies outside the term (0 inside it).
func (o office) distance(d time.Time) time.Duration {
	switch {
	case d.Before(o.Start):
		return o.Start.Sub(d)
	case !o.End.IsZero() && !d.Before(o.End):
		return d.Sub(o.End)
	}
	return 0
}

// person groups the people.tsv lines of one name.
type person struct {
	Name    string
	Offices []office
	Origin  string
}

// home is the country a person belongs to outside their terms: that of the
// first office held for a state (not an international organisation), else
// that of the first office.
func (p *person) home(k *KB) string {
	for _, o := range p.Offices {
		if _, ok := k.countryIndex[o.Country]; ok {
			return o.Country
		}
	}
	if len(p.Offices) > 0 {
		return p.Offices[0].Country
	}
	return ""
}

// at returns the country and sector of p on date d: the office held then
// (the first listed, when terms overlap), else ELI of their home country.
func (p *person) at(k *KB, d time.Time) (code, sector string) {
	for _, o := range p.Offices {
		if o.holds(d) {
			return o.Country, o.Sector
		}
	}
	return p.home(k), "ELI"
}

// active reports whether p holds any office on d.
func (p *person) active(d time.Time) bool {
	for _, o := range p.Offices {
		if o.holds(d) {
			return true
		}
	}
	return false
}

// nearness is the smallest distance between d and any of p's terms.
func (p *person) nearness(d time.Time) time.Duration {
	best := time.Duration(1<<63 - 1)
	for _, o := range p.Offices {
		best = min(best, o.distance(d))
	}
	return best
}

// org is one line of orgs.tsv.
type org struct {
	Name, Code, Sector string
	Kind               Kind // Organisation or Group
	Origin             string
}

// targetKind says what a matched name stands for.
type targetKind uint8

const (
	tCountry  targetKind = iota // a country's name or alias
	tAdj                        // a country adjective ("Azerbaijani")
	tDemonym                    // a plural demonym ("Russians")
	tMetonym                    // a capital or seat of government
	tPerson                     // a person's name or alias
	tOrg                        // an organisation or armed group
	tSector                     // a sector word (sector automaton only)
	tPetrarch                   // an actor from a PETRARCH dictionary
	tBlock                      // a phrase from notactors.txt: no actor
	tPlace                      // a city or region standing for its country (places.tsv)
)

// countryLike reports whether a target names a country in some form, as
// idx into KB.countries.
func countryLike(k targetKind) bool { return k <= tMetonym || k == tPlace }

// target is one meaning of a pattern. idx indexes the KB slice its kind
// names; sector is the metonym's sector.
type target struct {
	kind   targetKind
	idx    int
	sector string
}

// nameSource remembers where a name came from, for Check.
type nameSource struct {
	target target
	origin string
}

// KB is the loaded knowledge base. It is read-only after Load and safe for
// concurrent use.
type KB struct {
	countries    []country
	countryIndex map[string]int // code -> countries index
	sectors      []sectorWord
	people       []person
	personIndex  map[string]int // canonical name -> people index
	orgs         []org
	igoCodes     map[string]bool
	ngoCodes     map[string]bool
	notNames     map[string]bool
	// domestic holds lower-case sector words for institutions every
	// country has at home ("junta", "parliament"; domestic.txt): one named
	// without a country is the story's main country's.
	domestic map[string]bool
	// stateNouns holds lower-case nouns for countries in general
	// ("countries", "member states"; statenouns.txt).
	stateNouns map[string]bool
	// ownerNouns holds lower-case nouns that, with a possessive pronoun,
	// stand for the possessor ("his office"; ownernouns.txt).
	ownerNouns map[string]bool
	// authorship holds lower-case participles that, after a hyphen, make
	// the word before it the author ("U.S.-drafted"; authorship.txt).
	authorship map[string]bool
	// officeTitles maps a lower-case title to the office names it stands
	// for (offices.tsv); holders maps a country or organisation code to
	// every term held for it, for "the president" resolution.
	officeTitles map[string][]string
	holders      map[string][]holding
	petrarch     []petrarchActor // actors from PETRARCH dictionaries
	warnings     []error         // lines of outside dictionaries partly left out
	// shadowed lists place names left out because a country, organisation
	// or person already has that spelling, for Check.
	shadowed []problem
	places   int // places.tsv lines read

	// names maps every exact name pattern to its meanings; sectorKeys maps
	// every lower-case sector pattern to its sectors index.
	names      map[string][]target
	sectorKeys map[string]int
	sources    map[string][]nameSource // the names as written in the files

	// One ASCII-case-insensitive automaton matches names and sector words;
	// patterns[i] is " "+lowerKey of entries[i], and lowerIndex maps a
	// lower-case key back to its entry.
	//
	// Building the automaton as a DFA takes a few hundred milliseconds, so
	// Load builds the NFA (tens of milliseconds) and a goroutine builds the
	// twice-as-fast DFA behind it; matching switches once it is there.
	nfa        ahocorasick.AhoCorasick
	dfa        atomic.Pointer[ahocorasick.AhoCorasick]
	dfaReady   chan struct{}
	patterns   []string
	entries    []entry
	lowerIndex map[string]int

	lines map[string]int // data lines read per file
	// successors maps a former state to the states that succeeded it
	// (successors.tsv).
	successors map[string][]string
	// regionCodes are CAMEO region codes (regions.tsv) multinational groups
	// may use.
	regionCodes map[string]bool
	files       []string // files read, in order
}

// The files Load reads from each folder.
const (
	countriesFile = "countries.tsv"
	sectorsFile   = "sectors.tsv"
	peopleFile    = "people.tsv"
	orgsFile      = "orgs.tsv"
	officesFile   = "offices.tsv"
	placesFile    = "places.tsv"
	successorFile = "successors.tsv"
	regionsFile   = "regions.tsv"
	notNamesFile  = "notnames.txt"
	notActorsFile = "notactors.txt"
	domesticFile  = "domestic.txt"
	stateNounFile = "statenouns.txt"
	ownerNounFile = "ownernouns.txt"
	authorFile    = "authorship.txt"
)

// source is one folder of KB files: the embedded kb/ folder or a user
// folder.
type source struct {
	fsys fs.FS
	dir  string // the folder inside fsys
	show string // the folder as error messages name it
}

// Options says what Load reads besides the embedded files.
type Options struct {
	// Dirs are user folders holding files in dyad's own format (any of
	// the files of data/kb); their lines add to the embedded ones.
	Dirs []string
	// PetrarchActors are PETRARCH/TABARI actor dictionaries
	// (Phoenix.Countries.actors.txt and the like), with their date
	// restrictions. Their names match in any case; dyad's own names win
	// where both know a name.
	PetrarchActors []string
	// PetrarchAgents are PETRARCH agent dictionaries (Phoenix.agents.txt):
	// their words become sector words unless dyad already has them.
	PetrarchAgents []string
}

// Load reads the KB files under "kb/" in fsys (normally data.FS) and then the
// same files in each user folder, which add to them. A missing user file is
// skipped; a malformed line makes Load fail with a "file:line: problem"
// error.
func Load(fsys fs.FS, userDirs ...string) (*KB, error) {
	return LoadWith(fsys, Options{Dirs: userDirs})
}

// LoadWith is Load with PETRARCH dictionaries too. Any malformed line, in any
// file, makes it fail with a "file:line: problem" error.
func LoadWith(fsys fs.FS, opts Options) (*KB, error) {
	srcs := []source{{fsys: fsys, dir: "kb", show: "kb"}}
	for _, d := range opts.Dirs {
		if st, err := os.Stat(d); err != nil {
			return nil, fmt.Errorf("kb user folder: %w", err)
		} else if !st.IsDir() {
			return nil, fmt.Errorf("kb user folder %s: not a directory", d)
		}
		srcs = append(srcs, source{fsys: os.DirFS(d), dir: ".", show: d})
	}
	k := &KB{
		countryIndex: map[string]int{},
		personIndex:  map[string]int{},
		igoCodes:     map[string]bool{},
		ngoCodes:     map[string]bool{},
		notNames:     map[string]bool{},
		domestic:     map[string]bool{},
		stateNouns:   map[string]bool{},
		ownerNouns:   map[string]bool{},
		authorship:   map[string]bool{},
		officeTitles: map[string][]string{},
		holders:      map[string][]holding{},
		names:        map[string][]target{},
		sectorKeys:   map[string]int{},
		sources:      map[string][]nameSource{},
		lines:        map[string]int{},
		successors:   map[string][]string{},
		regionCodes:  map[string]bool{},
	}
	// Countries and organisations come first: people refer to their codes.
	steps := []struct {
		file string
		read func(file string, t *table) error
	}{ // offices.tsv and places.tsv may be missing: titles then name offices spelled like them
		{countriesFile, k.readCountries},
		{regionsFile, k.readRegions},
		{orgsFile, k.readOrgs},
		{sectorsFile, k.readSectors},
		{peopleFile, k.readPeople},
		{officesFile, k.readOffices},
		// Places come after every name they must not shadow.
		{placesFile, k.readPlaces},
		{successorFile, k.readSuccessors},
		{notNamesFile, nil},
		{notActorsFile, nil},
		{domesticFile, nil},
		{stateNounFile, nil},
		{ownerNounFile, nil},
		{authorFile, nil},
	}
	for _, st := range steps {
		for i, src := range srcs {
			p := path.Join(src.dir, st.file)
			b, err := fs.ReadFile(src.fsys, p)
			if err != nil {
				if (i > 0 || st.file == officesFile || st.file == placesFile || st.file == successorFile || st.file == regionsFile || st.file == domesticFile || st.file == stateNounFile || st.file == ownerNounFile || st.file == authorFile) && isNotExist(err) {
					continue // user folders hold only what they add
				}
				return nil, fmt.Errorf("read %s: %w", showPath(src, st.file), err)
			}
			name := showPath(src, st.file)
			k.files = append(k.files, name)
			if st.read == nil {
				if err := k.readWordList(st.file, name, string(b)); err != nil {
					return nil, err
				}
				continue
			}
			t, err := parseTable(name, string(b))
			if err != nil {
				return nil, err
			}
			if err := st.read(name, t); err != nil {
				return nil, err
			}
			k.lines[name] = len(t.rows)
		}
	}
	for _, p := range opts.PetrarchActors {
		actors, err := LoadPetrarchActors(p)
		if err != nil {
			return nil, err
		}
		k.addPetrarchActors(actors)
		k.files = append(k.files, p)
		k.lines[p] = len(actors)
	}
	for _, p := range opts.PetrarchAgents {
		agents, err := LoadPetrarchAgents(p)
		if err != nil {
			return nil, err
		}
		k.lines[p] = k.addPetrarchAgents(agents)
		k.files = append(k.files, p)
	}
	k.indexHolders()
	k.build()
	return k, nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

func showPath(src source, file string) string {
	if src.dir == "kb" && src.show == "kb" {
		return "kb/" + file
	}
	return filepath.Join(src.show, file)
}

var loadDefault = sync.OnceValues(func() (*KB, error) { return Load(data.FS) })

// Default returns the KB of the embedded data files only, loaded once.
func Default() (*KB, error) { return loadDefault() }

// readWordList reads a one-entry-a-line file: notnames.txt (capitalised
// words that never start or continue a person's name after a title: "The",
// "Monday"), notactors.txt (phrases that hide a shorter name: "New
// Jersey", "Washington Post"), domestic.txt (institutions every country
// has at home: "junta", "parliament"), statenouns.txt ("countries"),
// ownernouns.txt ("office") or authorship.txt ("drafted").
func (k *KB) readWordList(kind, file, text string) error {
	n, lineNo := 0, 0
	for line := range strings.Lines(text) {
		lineNo++
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		if strings.ContainsRune(w, '\t') {
			return fmt.Errorf("%s:%d: a tab in %q: one entry a line", file, lineNo, w)
		}
		switch kind {
		case notNamesFile:
			k.notNames[w] = true
		case domesticFile:
			k.domestic[strings.Join(strings.Fields(strings.ToLower(w)), " ")] = true
		case stateNounFile:
			k.stateNouns[strings.Join(strings.Fields(strings.ToLower(w)), " ")] = true
		case ownerNounFile:
			k.ownerNouns[strings.Join(strings.Fields(strings.ToLower(w)), " ")] = true
		case authorFile:
			k.authorship[strings.ToLower(w)] = true
		default:
			k.addName(w, target{kind: tBlock}, fmt.Sprintf("%s:%d", file, lineNo))
		}
		n++
	}
	k.lines[file] = n
	return nil
}

// automaton returns the fastest automaton built so far.
func (k *KB) automaton() ahocorasick.AhoCorasick {
	if d := k.dfa.Load(); d != nil {
		return *d
	}
	return k.nfa
}

// WaitReady blocks until the fast matcher, built in the background after
// Load, is in use. Matching is correct before; a throughput measurement
// should wait for it so it measures the steady state.
func (k *KB) WaitReady() { k.waitFast() }

// waitFast blocks until the DFA is built.
func (k *KB) waitFast() { <-k.dfaReady }

// NotName reports whether a capitalised word never starts or continues a
// person's name (notnames.txt: "The", "Monday", "January").
func (k *KB) NotName(word string) bool { return k.notNames[word] }

// Domestic reports whether a sector phrase ("The junta", "the military
// governments") ends in a word or words for an institution that is
// domestic by nature (domestic.txt): named without a country, it belongs
// to the country the story is about. Fighting forces ("troops", "rebels")
// are not listed: their side is not the story's to give.
//
// A line "sector CVL" makes every word of that sector domestic: protesters
// and residents named in a story filed from a place are its people.
func (k *KB) Domestic(phrase, sector string) bool {
	return sector != "" && k.domestic["sector "+strings.ToLower(sector)] || endsIn(k.domestic, phrase)
}

// StateNoun reports whether a phrase ends in a noun for countries in
// general ("seven Latin American countries", "EU member states";
// statenouns.txt): "diplomats from seven countries" are foreign, of no
// country the story can give.
func (k *KB) StateNoun(phrase string) bool { return endsIn(k.stateNouns, phrase) }

// OwnerNoun reports whether a phrase ends in a noun that, owned through a
// possessive pronoun, stands for its owner ("his office accused ...",
// "her camp said"; ownernouns.txt).
func (k *KB) OwnerNoun(phrase string) bool { return endsIn(k.ownerNouns, phrase) }

// Authorship reports whether a participle after a hyphen makes the word
// before the hyphen the author of what follows ("drafted" in "a
// U.S.-drafted text", "brokered" in "the Qatar-brokered deal";
// authorship.txt).
func (k *KB) Authorship(participle string) bool { return k.authorship[strings.ToLower(participle)] }

// endsIn reports whether the last word or words of phrase, in lower case,
// are in set.
func endsIn(set map[string]bool, phrase string) bool {
	words := strings.Fields(strings.ToLower(phrase))
	for i := range words {
		if set[strings.Join(words[i:], " ")] {
			return true
		}
	}
	return false
}

// Warnings returns the problems Load worked around in outside (PETRARCH)
// dictionaries: codes left out for dates that cannot be read, as
// "file:line: problem".
func (k *KB) Warnings() []error { return k.warnings }
