package triggers

import (
	"bufio"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// CuesFile is where the cues are, inside the data file system.
const CuesFile = "reactions/triggers.tsv"

// The kinds of trigger a cue may signal.
var Kinds = []string{"election", "inauguration", "death", "disaster", "attack"}

// Cue sources.
const (
	// SourceReaction cues are reactions (CAMEO code prefixes) from several
	// countries to one recipient.
	SourceReaction = "reaction"
	// SourcePhrase cues are words in a stored sentence.
	SourcePhrase = "phrase"
)

// Where a phrase cue's subject is named.
const (
	Before = "before"
	After  = "after"
)

// Cue is one line of triggers.tsv.
type Cue struct {
	Source  string   // SourceReaction or SourcePhrase
	Match   string   // a CAMEO code prefix, or a lower-case phrase
	Kinds   []string // what it signals, from Kinds
	Subject string   // Before or After for a phrase; "" for a reaction
	// Words are lower-case word beginnings one of which a reaction's
	// sentence must hold; none: any sentence.
	Words  []string
	Origin string // "file:line"
}

// LoadCues reads reactions/triggers.tsv from fsys (data.FS).
func LoadCues(fsys fs.FS) ([]Cue, error) {
	text, err := fs.ReadFile(fsys, CuesFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", CuesFile, err)
	}
	return ParseCues(CuesFile, string(text))
}

// ParseCues reads cues in the format of triggers.tsv; file names the text
// in errors, which are one "file:line: problem" each.
func ParseCues(file, text string) ([]Cue, error) {
	var cues []Cue
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n, header := 0, false
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if !header {
			if want := []string{"source", "match", "kind", "subject", "words"}; !slices.Equal(fields, want) {
				return nil, fmt.Errorf("%s:%d: header %q, want %q", file, n, line, strings.Join(want, "\t"))
			}
			header = true
			continue
		}
		if len(fields) != 5 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 5 (source, match, kind, subject, words)", file, n, len(fields))
		}
		c := Cue{Source: fields[0], Match: strings.TrimSpace(fields[1]), Subject: fields[3], Origin: fmt.Sprintf("%s:%d", file, n)}
		for _, k := range strings.Split(fields[2], "|") {
			if !slices.Contains(Kinds, k) {
				return nil, fmt.Errorf("%s:%d: unknown kind %q (want %s)", file, n, k, strings.Join(Kinds, ", "))
			}
			if !slices.Contains(c.Kinds, k) {
				c.Kinds = append(c.Kinds, k)
			}
		}
		if words := strings.TrimSpace(fields[4]); words != "" {
			for _, w := range strings.Split(words, "|") {
				if w = strings.TrimSpace(w); w == "" || w != strings.ToLower(w) {
					return nil, fmt.Errorf("%s:%d: word %q must be lower case and not empty", file, n, w)
				}
				c.Words = append(c.Words, w)
			}
		}
		switch c.Source {
		case SourceReaction:
			if c.Match == "" || strings.Trim(c.Match, "0123456789") != "" {
				return nil, fmt.Errorf("%s:%d: reaction %q is not a CAMEO code prefix (digits)", file, n, c.Match)
			}
			if c.Subject != "" {
				return nil, fmt.Errorf("%s:%d: a reaction has no subject column (its recipient is the subject)", file, n)
			}
		case SourcePhrase:
			if len(c.Words) > 0 {
				return nil, fmt.Errorf("%s:%d: a phrase has no words column (the phrase is the words)", file, n)
			}
			if c.Match == "" || c.Match != strings.ToLower(c.Match) || strings.ContainsRune(c.Match, '"') {
				return nil, fmt.Errorf("%s:%d: phrase %q must be lower case, without double quotes", file, n, c.Match)
			}
			if c.Subject != Before && c.Subject != After {
				return nil, fmt.Errorf("%s:%d: subject %q, want before or after", file, n, c.Subject)
			}
		default:
			return nil, fmt.Errorf("%s:%d: source %q, want reaction or phrase", file, n, c.Source)
		}
		cues = append(cues, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, n+1, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: no header line", file)
	}
	return cues, nil
}
