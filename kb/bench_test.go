package kb

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/data"
)

// BenchmarkLoad measures Load until the KB is usable (NFA matching).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		k, err := Load(data.FS)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		k.waitFast() // keep background DFA builds from piling up
		b.StartTimer()
	}
}

// BenchmarkLoadDFA measures Load until the faster DFA is in place.
func BenchmarkLoadDFA(b *testing.B) {
	for b.Loop() {
		k, err := Load(data.FS)
		if err != nil {
			b.Fatal(err)
		}
		k.waitFast()
	}
}

// benchText is long news text: the GigaWord sample of ../shared when it is
// there (realistic actor density), else our own dense test paragraph.
func benchText(b *testing.B) string {
	dir, _ := os.Getwd()
	if p, err := os.ReadFile(dir + "/../../shared/data/petrarch2/GigaWord.sample.PETR.xml"); err == nil {
		return strings.Repeat(string(p), 4)
	}
	p, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(p), 100)
}

// BenchmarkFind measures matching alone ("scan") and the whole of Find over
// one-line sentences ("find").
func BenchmarkFind(b *testing.B) {
	k, err := Load(data.FS)
	if err != nil {
		b.Fatal(err)
	}
	k.waitFast()
	body := benchText(b)
	b.Run("scan", func(b *testing.B) {
		var buf []byte
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			k.scan(body, 0, &buf)
		}
	})
	b.Run("find", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			r := k.NewResolver(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
			for start := 0; start < len(body); {
				end := strings.IndexByte(body[start:], '\n') + start + 1
				if end <= start {
					end = len(body)
				}
				r.Find(body, dyad.Span{Start: start, End: end})
				start = end
			}
		}
	})
}

// FuzzFind checks that any text gives in-sentence, non-overlapping mentions
// whose offsets give their text.
func FuzzFind(f *testing.F) {
	f.Add("Azerbaijani President Ilham Aliyev met Moldovan President Maia Sandu.", 0, 60)
	f.Add("“US” — U.S.-led Côte d’Ivoire’s President Foo Bar", 2, 40)
	f.Add("President \xff\xfe Foo", 0, 17)
	k, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string, start, end int) {
		r := k.NewResolver(time.Date(2024, 11, 6, 0, 0, 0, 0, time.UTC))
		span := dyad.Span{Start: start, End: end}
		prev := -1
		for _, m := range r.Find(body, span) {
			if m.Start < span.Start || m.End > span.End || m.Start >= m.End {
				t.Fatalf("mention %q at %d-%d outside %v", m.Text, m.Start, m.End, span)
			}
			if body[m.Start:m.End] != m.Text {
				t.Fatalf("offsets %d-%d do not give %q", m.Start, m.End, m.Text)
			}
			if m.Start < prev {
				t.Fatalf("mentions overlap or are out of order at %d", m.Start)
			}
			prev = m.End
		}
	})
}

// FuzzLoad feeds arbitrary text to the file readers: Load must fail or
// succeed, never panic.
func FuzzLoad(f *testing.F) {
	f.Add("Foo Bar\tBar\tAZE\tGOV\tpresident\t2020-01-01\t\t\n", "foo\tGOV\ttitle\tsg\tweak\n")
	f.Add("Foo\t\tAZE\tGOV\tx\t2020-01-01?\t2021-01-01\tnote\n", "a b\t\tmod\n")
	f.Add("\t\t\t\t\t\t\t\n", "\n#\n")
	f.Fuzz(func(t *testing.T, people, sectors string) {
		fsys := fstest.MapFS{
			"kb/countries.tsv": {Data: []byte("code\tname\taliases\tadjectives\tdemonyms\tmetonyms\nAZE\tAzerbaijan\t\tAzerbaijani\t\tBaku\n")},
			"kb/orgs.tsv":      {Data: []byte("name\taliases\tcode\tsector\tkind\tnote\nNATO\t\tNATO\tIGO\tigo\t\n")},
			"kb/sectors.tsv":   {Data: []byte("word\tsector\ttype\tnumber\tstrength\n" + sectors)},
			"kb/people.tsv":    {Data: []byte("name\taliases\tcountry\tsector\toffice\tstart\tend\tnote\n" + people)},
			"kb/notnames.txt":  {Data: []byte("The\n")},
			"kb/notactors.txt": {Data: []byte("New Jersey\n")},
		}
		k, err := Load(fsys)
		if err != nil {
			return
		}
		k.Check()
		r := k.NewResolver(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
		body := "Azerbaijani president Foo Bar met " + people
		r.Find(body, dyad.Span{Start: 0, End: len(body)})
	})
}
