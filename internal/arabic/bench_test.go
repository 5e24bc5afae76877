package arabic

import (
	"strings"
	"testing"
)

// Throughput targets, one core (go test -bench . -cpu 1):
// Key ≥ 250 MB/s, Tokenize + key of every token ≥ 100 MB/s,
// AppendAnalyses of every token ≥ 40 MB/s.

// BenchmarkKey keys whole lines of text into a reused buffer.
func BenchmarkKey(b *testing.B) {
	lines := strings.Split(benchText(b), "\n")
	b.SetBytes(int64(len(benchText(b))))
	b.ReportAllocs()
	buf := make([]byte, 0, 1<<16)
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
	b.SetBytes(int64(len(benchText(b))))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			_ = Key(l)
		}
	}
}

// BenchmarkTokenize tokenizes the text, reusing the token slice.
func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	toks := make([]Token, 0, len(text)/4)
	for b.Loop() {
		toks = Tokenize(toks[:0], text)
	}
}

// BenchmarkTokenizeKey tokenizes the text and keys every token with
// AppendKey into a reused buffer: the dictionary matcher's hot loop.
func BenchmarkTokenizeKey(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	toks := make([]Token, 0, len(text)/4)
	buf := make([]byte, 0, 256)
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
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	toks := make([]Token, 0, len(text)/4)
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
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	toks := make([]Token, 0, len(text)/4)
	var as []Analysis
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
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = SplitSentences(text)
	}
}

// BenchmarkSentenceScanner streams the text through a SentenceScanner.
func BenchmarkSentenceScanner(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sc := NewSentenceScanner(strings.NewReader(text))
		for sc.Scan() {
		}
	}
}
