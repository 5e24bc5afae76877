package coder

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkSpans asserts every span in out slices text to the reported text.
func checkSpans(t testing.TB, text string, out model.Coded) {
	t.Helper()
	for _, e := range out.Events {
		spans := []struct {
			what string
			sp   model.Span
			txt  string
		}{{"trigger", e.Trigger.Span, e.Trigger.Text}}
		if e.Source != nil {
			spans = append(spans, struct {
				what string
				sp   model.Span
				txt  string
			}{"source", e.Source.Span, e.Source.Text})
		}
		if e.Target != nil {
			spans = append(spans, struct {
				what string
				sp   model.Span
				txt  string
			}{"target", e.Target.Span, e.Target.Text})
		}
		for _, s := range spans {
			if !s.sp.Valid(len(text)) {
				t.Fatalf("%s span %v out of bounds (len %d)", s.what, s.sp, len(text))
			}
			if text[s.sp.Start:s.sp.End] != s.txt && utf8.ValidString(text) {
				t.Fatalf("%s span %v slices to %q, event says %q", s.what, s.sp, text[s.sp.Start:s.sp.End], s.txt)
			}
		}
		if e.Location != nil && !e.Location.Span.Valid(len(text)) {
			t.Fatalf("location span %v out of bounds", e.Location.Span)
		}
	}
}

// TestGolden codes the bundled example articles and compares the JSON with
// golden files in testdata/golden (refresh with go test -update).
func TestGolden(t *testing.T) {
	root := testutil.RepoRoot(t)
	files, _ := filepath.Glob(filepath.Join(root, "examples", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no example articles in examples/")
	}
	dates := map[string]string{}
	if b, err := os.ReadFile(filepath.Join(root, "examples", "dates.tsv")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if name, date, ok := strings.Cut(strings.TrimSpace(line), "\t"); ok {
				dates[name] = date
			}
		}
	}
	c := New(defaultDict(t))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		date := dates[filepath.Base(f)]
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := model.Document{ID: name, Date: date, Text: string(b)}
			out := c.Code(doc)
			checkSpans(t, doc.Text, out)
			got, _ := json.MarshalIndent(out, "", "  ")
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/coder -update to create it)", err)
			}
			if string(want) != string(got) {
				t.Errorf("output differs from %s (run with -update after checking the change):\n%s", golden, got)
			}
		})
	}
}

// TestSeedGolden holds the full coded output of the reference article.
func TestSeedGolden(t *testing.T) {
	doc := seedDoc(t)
	out := New(defaultDict(t)).Code(doc)
	checkSpans(t, doc.Text, out)
	got, _ := json.MarshalIndent(out, "", "  ")
	golden := filepath.Join("testdata", "golden", "seed.json")
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		os.WriteFile(golden, got, 0o644)
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/coder -update)", err)
	}
	if string(want) != string(got) {
		t.Errorf("seed output differs from %s (run with -update after checking the change):\n%s", golden, got)
	}
}

func TestBadInput(t *testing.T) {
	c := New(defaultDict(t))
	long := strings.Repeat("التقى الرئيس المصري نظيره الأردني في عمان ", 1500) // ~9,000 words, no full stop
	for name, text := range map[string]string{
		"empty":        "",
		"spaces":       "   \n\n\t ",
		"invalid utf8": "التقى \xff\xfe وزير الخارجية المصري \x00 نظيره الأردني.",
		"binary":       string([]byte{0, 1, 2, 3, 0xff, 0xd8, 0xa7, 0x80, 0x81}),
		"latin":        "The minister met his counterpart in Amman.",
		"long":         long,
		"punct only":   "،،،.. ؟! «» ...",
	} {
		t.Run(name, func(t *testing.T) {
			out := c.Code(model.Document{ID: name, Text: text})
			checkSpans(t, text, out)
			if name == "long" {
				// Bounded: at most MaxEventsPerSentence per chunk of MaxSentenceWords words.
				chunks := len(strings.Fields(text))/c.MaxSentenceWords + 1
				if n := len(out.Events); n > chunks*c.MaxEventsPerSentence {
					t.Errorf("%d events from %d chunks", n, chunks)
				}
			}
		})
	}
}

func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"التقى وزير الخارجية المصري نظيره الأردني في عمان.",
		"وأكد أن بلاده مستعدة للتعاون مع الصين وروسيا.",
		"أشاد الجانبان بتطور العلاقات.. وقال إن",
		"\xff\x00«»،",
	} {
		f.Add(s)
	}
	d, err := defaultDictErr()
	if err != nil {
		f.Skip(err)
	}
	c := New(d)
	f.Fuzz(func(t *testing.T, text string) {
		out := c.Code(model.Document{ID: "fuzz", Date: "2020-01-02", Text: text})
		checkSpans(t, text, out)
	})
}

func TestEventDate(t *testing.T) {
	c := New(defaultDict(t))
	for _, tc := range []struct{ text, want string }{
		// 2023-10-20 is a Friday.
		{"التقى وزير الخارجية المصري نظيره الأردني في عمان أمس.", "2023-10-19"},
		{"التقى وزير الخارجية المصري نظيره الأردني في عمان أول أمس.", "2023-10-18"},
		{"التقى وزير الخارجية المصري نظيره الأردني في عمان يوم الثلاثاء.", "2023-10-17"},
		{"التقى وزير الخارجية المصري نظيره الأردني في عمان الأسبوع الماضي.", "2023-10-13"},
		{"التقى وزير الخارجية المصري نظيره الأردني في عمان اليوم.", "2023-10-20"},
	} {
		out := c.Code(model.Document{ID: "d", Date: "2023-10-20", Text: tc.text})
		if len(out.Events) == 0 {
			t.Errorf("%s: no event", tc.text)
			continue
		}
		if got := out.Events[0].Date; got != tc.want {
			t.Errorf("%s: date %s, want %s", tc.text, got, tc.want)
		}
	}
}
