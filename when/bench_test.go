package when

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/benchcorpus"
	"github.com/dyad-events/dyad/internal/testshared"
)

type datedSentence struct {
	text string
	doc  time.Time
}

// sampleSentences reads the GigaWord sample (76 AFP sentences) or skips.
func sampleSentences(b testing.TB) []datedSentence {
	b.Helper()
	docs, _, err := benchcorpus.Stories(testshared.Dir(b))
	if err != nil {
		b.Skipf("skipped: %v", err)
	}
	var out []datedSentence
	for _, d := range docs {
		for _, s := range strings.Split(d.Body, "\n\n") {
			out = append(out, datedSentence{s, d.Date})
		}
	}
	return out
}

// BenchmarkDate reports the cost per sentence over the GigaWord sample.
// "warm" is the steady state of a news feed, where many documents share a
// date and the parser cache answers; "cold" calls go-dateparser for every
// candidate phrase.
func BenchmarkDate(b *testing.B) {
	sentences := sampleSentences(b)
	for _, bc := range []struct {
		name    string
		noCache bool
	}{{"warm", false}, {"cold", true}} {
		b.Run(bc.name, func(b *testing.B) {
			r := newResolver(b)
			r.noCache = bc.noCache
			b.ResetTimer()
			n := 0
			for b.Loop() {
				for _, s := range sentences {
					r.Date(s.text, s.doc)
					n++
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/sentence")
		})
	}
}

func TestSampleDates(t *testing.T) {
	r := newResolver(t)
	found := 0
	sentences := sampleSentences(t)
	for _, s := range sentences {
		if d, span, ok := r.Date(s.text, s.doc); ok {
			found++
			t.Logf("%s %-10s %q hist=%v", s.doc.Format(time.DateOnly), d, span.In(s.text), r.Historical(s.text, s.doc))
		}
	}
	t.Logf("%d of %d sample sentences carry a date", found, len(sentences))
}
