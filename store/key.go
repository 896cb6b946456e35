package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ContentHash fingerprints what a document says: its id, date, title, URL,
// source and body. A document stored under the same id with another hash
// is replaced.
func ContentHash(d dyad.Document) string {
	h := sha256.New()
	date := ""
	if !d.Date.IsZero() {
		date = d.Date.Format(dyad.DateLayout)
	}
	for _, s := range []string{d.ID, date, d.Title, d.URL, d.Source, d.Body} {
		// A length prefix keeps ("ab","c") and ("a","bc") apart.
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DictVersion fingerprints the knowledge an ingest codes with: every
// regular file of base (the embedded data) and of each extra path (a
// dictionary folder or a verb-pattern file), by path and content.
// Documents stored under another version are coded again when they are
// ingested again.
func DictVersion(base fs.FS, extra ...string) (string, error) {
	h := sha256.New()
	hashFS := func(tag string, fsys fs.FS) error {
		return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.Type().IsRegular() {
				return nil
			}
			b, err := fs.ReadFile(fsys, path)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s\x00%s\x00%d\x00", tag, path, len(b))
			h.Write(b)
			return nil
		})
	}
	if err := hashFS("data", base); err != nil {
		return "", fmt.Errorf("dictionaries version: %w", err)
	}
	for _, p := range extra {
		st, err := os.Stat(p)
		if err != nil {
			return "", fmt.Errorf("dictionaries version: %w", err)
		}
		if st.IsDir() {
			err = hashFS(p, os.DirFS(p))
		} else {
			var b []byte
			b, err = os.ReadFile(p)
			fmt.Fprintf(h, "file\x00%s\x00%d\x00", p, len(b))
			h.Write(b)
		}
		if err != nil {
			return "", fmt.Errorf("dictionaries version: %w", err)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// epoch is day 0 of the day numbers the store clusters and indexes by.
var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	// Unix seconds, not a Duration: a Duration overflows 292 years out.
	// Midnight is a whole number of days, so the division is exact.
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayDate is the inverse of dayNumber, as YYYY-MM-DD.
func dayDate(day int) string { return epoch.AddDate(0, 0, day).Format(dyad.DateLayout) }

// mentionDay returns the day number an event date stands for, and a
// precision tag: "" for a full date, "m" for YYYY-MM, "y" for YYYY. A date
// known only to the month or year is put on its first day and clustered
// only with mentions of the same precision (the tag is part of the key), so
// "2024-11" never merges with a precise "2024-11-01". A date that does not
// parse falls back to the document date.
func mentionDay(date, docDate string) (int, string) {
	for _, f := range []struct{ layout, tag string }{{dyad.DateLayout, ""}, {"2006-01", "m"}, {"2006", "y"}} {
		if len(date) != len(f.layout) {
			continue
		}
		if t, err := time.Parse(f.layout, date); err == nil {
			return dayNumber(t), f.tag
		}
	}
	if t, err := time.Parse(dyad.DateLayout, docDate); err == nil {
		return dayNumber(t), ""
	}
	return 0, "?"
}

// MentionKey is what two mentions must share to be one event: the actor
// and recipient sets (code/sector pairs, sorted), the PLOVER type, the CAMEO
// root (first two digits), negation, aux and the date precision. An actor
// the dictionaries did not resolve (no code) counts by its words, so two
// unknown actors never merge just for being unknown.
func MentionKey(e dyad.Event) string {
	_, prec := mentionDay(e.Date, e.DocDate)
	neg := "0"
	if e.Negated {
		neg = "1"
	}
	return strings.Join([]string{
		actorSet(e.Actor), actorSet(e.Recipient), e.Type, cameoRoot(e.CAMEO), neg, e.Aux, prec,
	}, "|")
}

func actorSet(es []dyad.Entity) string {
	parts := make([]string, 0, len(es))
	for _, e := range es {
		if e.Code == "" {
			parts = append(parts, "?"+strings.ToLower(strings.TrimSpace(e.Text)))
			continue
		}
		parts = append(parts, e.Code+"/"+e.Sector)
	}
	slices.Sort(parts)
	return strings.Join(slices.Compact(parts), ",")
}

func cameoRoot(code string) string { return code[:min(2, len(code))] }

// Roles of an actor in an event, as stored in the term index.
const (
	roleActor     = "A"
	roleRecipient = "R"
)

// mentionTerms lists what the actor filters look a mention up by: for each
// actor and recipient its country code, its CAMEO actor code (both upper
// case) and its resolved name (lower case, prefixed "n:"), each as
// "ROLE:TERM". The list is sorted and without repeats.
func mentionTerms(e dyad.Event) []string {
	var terms []string
	add := func(role string, es []dyad.Entity) {
		for _, en := range es {
			if en.Code != "" {
				terms = append(terms, role+":"+strings.ToUpper(en.Code))
			}
			if en.CAMEO != "" {
				terms = append(terms, role+":"+strings.ToUpper(en.CAMEO))
			}
			if n := nameTerm(en.Name); n != "" {
				terms = append(terms, role+":"+n)
			}
		}
	}
	add(roleActor, e.Actor)
	add(roleRecipient, e.Recipient)
	slices.Sort(terms)
	return slices.Compact(terms)
}

func nameTerm(name string) string {
	name = foldName(name)
	if name == "" {
		return ""
	}
	return "n:" + name
}

// foldName is how names are compared: lower case, accents dropped
// ("Erdoğan" is found as "erdogan"), white space collapsed.
func foldName(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if folded, _, err := transform.String(t, s); err == nil {
		s = folded
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// splitTerm splits "ROLE:TERM".
func splitTerm(t string) (role, term string) {
	role, term, _ = strings.Cut(t, ":")
	return role, term
}

// looksLikeCode reports whether an actor filter value is a code ("RUS",
// "RUSMIL", "NATO") rather than a name: upper case letters and digits only.
func looksLikeCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// codesLabel shows the CAMEO codes of a side of an event ("RUSGOV;UKRMIL"),
// for the events table and the stats by actor.
func codesLabel(es []dyad.Entity) string {
	parts := make([]string, 0, len(es))
	for _, e := range es {
		c := e.CAMEO
		if c == "" {
			c = e.Code + e.Sector
		}
		if c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, ";")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func itoa(i int) string { return strconv.Itoa(i) }
