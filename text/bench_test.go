package text

import (
	"strings"
	"testing"
)

// BenchmarkAnalyze analyses each <Text> of the GigaWord sample as its own
// document (76 texts, 67 of them non-empty single sentences of about 30
// tokens) and reports sentences per second on one goroutine.
func BenchmarkAnalyze(b *testing.B) {
	p := testPipeline(b)
	texts := xmlTexts(b, "data/petrarch2/GigaWord.sample.PETR.xml")
	sentences := 0
	for _, text := range texts {
		sentences += len(p.Analyze(text).Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			p.Analyze(text)
		}
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(sentences*b.N), "ns/sentence")
}

// BenchmarkAnalyzeParallel is BenchmarkAnalyze on every core, one document
// being the whole sample joined into paragraphs.
func BenchmarkAnalyzeParallel(b *testing.B) {
	p := testPipeline(b)
	body := strings.Join(xmlTexts(b, "data/petrarch2/GigaWord.sample.PETR.xml"), "\n\n")
	sentences := len(p.Analyze(body).Sentences)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			p.Analyze(body)
		}
	})
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
