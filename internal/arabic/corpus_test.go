package arabic

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The shared corpus (SaudiNewsNet, CC BY-NC-SA 4.0) lives outside the
// repository, at <repo>/../shared/corpus; tests and benchmarks read it at
// run time and never copy its text into the repository.

// sharedCorpusFile returns the path of name in the shared corpus folder, or
// "" when it cannot be found.
func sharedCorpusFile(name string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "corpus", name)
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// readArticles reads up to maxBytes of article text from a JSON Lines file,
// gzip-compressed if its name ends in .gz.
func readArticles(path string, maxBytes int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 4<<20)
	var texts []string
	total := 0
	for sc.Scan() && total < maxBytes {
		var rec struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		t := rec.Title + "\n" + rec.Text
		texts = append(texts, t)
		total += len(t)
	}
	return texts, sc.Err()
}

// sampleTexts returns the texts of the 200-article sample, skipping the
// test when the shared corpus is absent.
func sampleTexts(t testing.TB, n int) []string {
	t.Helper()
	p := sharedCorpusFile("sample-200.jsonl")
	if p == "" {
		t.Skip("shared corpus not found (../shared/corpus/sample-200.jsonl); skipping")
	}
	texts, err := readArticles(p, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) > n {
		texts = texts[:n]
	}
	return texts
}

var (
	benchOnce   sync.Once
	benchCorpus string
	benchSource string
)

// benchText returns about 16 MB of Arabic news text: the first articles of
// the shared corpus, or generated text when the corpus is absent.
func benchText(b *testing.B) string {
	benchOnce.Do(func() {
		const size = 16 << 20
		if p := sharedCorpusFile("articles.jsonl.gz"); p != "" {
			if texts, err := readArticles(p, size); err == nil && len(texts) > 0 {
				benchCorpus = strings.Join(texts, "\n\n")
				benchSource = "shared corpus articles.jsonl.gz"
				return
			}
		}
		benchCorpus = generateArabic(size, 1)
		benchSource = "generated text (shared corpus absent)"
	})
	b.Logf("benchmark text: %s, %d bytes", benchSource, len(benchCorpus))
	return benchCorpus
}

// genWords is a small built-in word list, written for the tests, for
// generated text.
var genWords = strings.Fields(`وزير الخارجية الصيني أكد أن بلاده على استعداد لتعزيز
	التعاون مع روسيا خلال لقائه نظيره الروسي في العاصمة وقال إن الجانبين
	بحثا العلاقات الثنائية والقضايا الإقليمية والدولية ذات الاهتمام المشترك
	وأضاف أن المملكة تدعم جهود السلام وسيزور الرئيس موسكو الأسبوع المقبل
	للمشاركة في اجتماع مجلس الأمن بالأمم المتحدة وأعربت الحكومة عن قلقها
	إزاء التصعيد العسكري ودعت جميع الأطراف إلى ضبط النفس والحوار 2015
	١٤٣٦ 10% 1.5 مُحَمَّدٌ الـــرياض، «نعم» .. ؟ . (شينخوا) Reuters`)

// generateArabic returns about n bytes of text made of genWords, with
// sentence ends and paragraph breaks, from a fixed seed.
func generateArabic(n int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.Grow(n + 64)
	for b.Len() < n {
		b.WriteString(genWords[rng.IntN(len(genWords))])
		switch rng.IntN(40) {
		case 0:
			b.WriteString(".\n")
		case 1, 2:
			b.WriteString(". ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
