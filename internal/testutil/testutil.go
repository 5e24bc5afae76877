// Package testutil finds the shared reference material beside the
// repository for tests and benchmarks, which skip when it is absent (a
// fresh clone has no ../shared).
package testutil

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the directory holding go.mod, walking up from the
// working directory.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Shared returns the path of rel inside ../shared, or skips the test with a
// message when it is absent.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(RepoRoot(tb), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipping: %s not found (../shared is only present beside the project's own checkout)", p)
	}
	return p
}

// Article is one record of the shared corpus.
type Article struct {
	ID   string `json:"id"`
	Date string `json:"date"`
	Text string `json:"text"`
}

// CorpusArticles reads up to max articles (all when max <= 0) from the
// shared corpus, skipping the benchmark or test when it is absent.
func CorpusArticles(tb testing.TB, max int) []Article {
	tb.Helper()
	p := Shared(tb, "corpus/articles.jsonl.gz")
	f, err := os.Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	var out []Article
	for sc.Scan() && (max <= 0 || len(out) < max) {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
