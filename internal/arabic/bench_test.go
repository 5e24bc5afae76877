package arabic

import (
	"strings"
	"testing"
	"time"
)

// Throughput targets, one core (go test -bench . -cpu 1):
// Key ≥ 250 MB/s, Tokenize + key of every token ≥ 100 MB/s,
// AppendAnalyses of every token ≥ 40 MB/s.
//
// Besides MB/s, each benchmark reports cpu-MB/s: bytes per second of CPU
// time used by the process, which stays meaningful on a machine shared
// with other work, where wall-clock MB/s drops.

// cpuMeter reports cpu-MB/s for a benchmark over n bytes per iteration.
type cpuMeter struct {
	b     *testing.B
	n     int64
	start time.Duration
}

func startCPU(b *testing.B, n int) *cpuMeter {
	b.SetBytes(int64(n))
	b.ReportAllocs()
	return &cpuMeter{b, int64(n), cpuTime()}
}

func (m *cpuMeter) stop() {
	if d := cpuTime() - m.start; d > 0 {
		m.b.ReportMetric(float64(m.n)*float64(m.b.N)/1e6/d.Seconds(), "cpu-MB/s")
	}
}

// BenchmarkKey keys whole lines of text into a reused buffer.
func BenchmarkKey(b *testing.B) {
	lines := strings.Split(benchText(b), "\n")
	buf := make([]byte, 0, 1<<16)
	defer startCPU(b, len(benchText(b))).stop()
	for b.Loop() {
		for _, l := range lines {
			buf = AppendKey(buf[:0], l)
		}
	}
}

// BenchmarkKeyString calls Key on whole lines, allocating for each line
// that changes.
func BenchmarkKeyString(b *testing.B) {
	lines := strings.Split(benchText(b), "\n")
	defer startCPU(b, len(benchText(b))).stop()
	for b.Loop() {
		for _, l := range lines {
			_ = Key(l)
		}
	}
}

// BenchmarkTokenize tokenizes the text, reusing the token slice.
func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	toks := make([]Token, 0, len(text)/4)
	defer startCPU(b, len(text)).stop()
	for b.Loop() {
		toks = Tokenize(toks[:0], text)
	}
}

// BenchmarkTokenizeKey tokenizes the text and keys every token with
// AppendKey into a reused buffer: the dictionary matcher's hot loop.
func BenchmarkTokenizeKey(b *testing.B) {
	text := benchText(b)
	toks := make([]Token, 0, len(text)/4)
	buf := make([]byte, 0, 256)
	defer startCPU(b, len(text)).stop()
	for b.Loop() {
		toks = Tokenize(toks[:0], text)
		for _, t := range toks {
			buf = AppendKey(buf[:0], text[t.Start:t.End])
		}
	}
}

// BenchmarkTokenizeKeyString is BenchmarkTokenizeKey with Key, which
// allocates for each token whose key differs from its text.
func BenchmarkTokenizeKeyString(b *testing.B) {
	text := benchText(b)
	toks := make([]Token, 0, len(text)/4)
	defer startCPU(b, len(text)).stop()
	for b.Loop() {
		toks = Tokenize(toks[:0], text)
		for _, t := range toks {
			_ = Key(text[t.Start:t.End])
		}
	}
}

// BenchmarkAnalyses tokenizes the text and segments every token.
func BenchmarkAnalyses(b *testing.B) {
	text := benchText(b)
	toks := make([]Token, 0, len(text)/4)
	var as []Analysis
	defer startCPU(b, len(text)).stop()
	for b.Loop() {
		toks = Tokenize(toks[:0], text)
		for _, t := range toks {
			as = AppendAnalyses(as[:0], text[t.Start:t.End])
		}
	}
}

// BenchmarkSplitSentences splits the text into sentences.
func BenchmarkSplitSentences(b *testing.B) {
	text := benchText(b)
	defer startCPU(b, len(text)).stop()
	for b.Loop() {
		_ = SplitSentences(text)
	}
}

// BenchmarkSentenceScanner streams the text through a SentenceScanner.
func BenchmarkSentenceScanner(b *testing.B) {
	text := benchText(b)
	defer startCPU(b, len(text)).stop()
	for b.Loop() {
		sc := NewSentenceScanner(strings.NewReader(text))
		for sc.Scan() {
		}
	}
}
