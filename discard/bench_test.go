package discard

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/benchcorpus"
	"github.com/dyad-events/dyad/internal/testshared"
)

// BenchmarkSentence reports the cost per sentence over the GigaWord sample.
func BenchmarkSentence(b *testing.B) {
	docs, _, err := benchcorpus.Stories(testshared.Dir(b))
	if err != nil {
		b.Skipf("skipped: %v", err)
	}
	var sentences []string
	for _, d := range docs {
		sentences = append(sentences, strings.Split(d.Body, "\n\n")...)
	}
	r := defaultRules(b)
	n := 0
	for b.Loop() {
		for _, s := range sentences {
			r.Sentence(s)
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/sentence")
}
