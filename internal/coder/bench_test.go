package coder

import (
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/testutil"
)

// BenchmarkCode codes real news (the first 2,000 articles of the shared
// corpus) and reports sentences per second.
func BenchmarkCode(b *testing.B) {
	arts := testutil.CorpusArticles(b, 2000)
	c := New(defaultDict(b))
	sentences, bytes := 0, 0
	for _, a := range arts {
		sentences += len(arabic.SplitSentences(a.Text))
		bytes += len(a.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	events := 0
	cpu0 := testutil.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			events += len(c.Code(model.Document{ID: a.ID, Date: a.Date, Text: a.Text}).Events)
		}
	}
	cpu := testutil.CPUTime() - cpu0
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		// With GOMAXPROCS=1 (-cpu 1) the process's CPU time is the coder's
		// plus the garbage collector's.
		b.ReportMetric(float64(sentences*b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// BenchmarkCodeSentence codes one long agency sentence (no shared data needed).
func BenchmarkCodeSentence(b *testing.B) {
	text := strings.Repeat("التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان، وبحث الجانبان تعزيز التعاون. ", 20)
	c := New(defaultDict(b))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Code(model.Document{ID: "b", Date: "2023-01-01", Text: text})
	}
}
