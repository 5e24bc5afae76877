package arabic

import (
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/marsad-project/marsad/internal/model"
)

// sentences returns the texts of the sentences of text.
func sentences(text string) []string {
	var out []string
	for _, sp := range SplitSentences(text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func expectSentences(t *testing.T, name, text string, want ...string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		t.Helper()
		got := sentences(text)
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("SplitSentences(%q)\n got: %q\nwant: %q", text, got, want)
		}
		checkSpans(t, text, SplitSentences(text))
		if st := streamSpans(t, text, 0); !equalSpans(st, SplitSentences(text)) {
			t.Errorf("SentenceScanner(%q) = %v, SplitSentences = %v", text, st, SplitSentences(text))
		}
	})
}

// checkSpans checks sentence spans: in bounds, non-empty, ordered,
// non-overlapping and trimmed.
func checkSpans(t testing.TB, text string, spans []model.Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("span %d %v: bad (previous end %d, len %d)", i, sp, prev, len(text))
		}
		if a, b := trimSpan(text, sp.Start, sp.End); a != sp.Start || b != sp.End {
			t.Fatalf("span %d %q is not trimmed", i, text[sp.Start:sp.End])
		}
		prev = sp.End
	}
}

// streamSpans runs a SentenceScanner over text, read in chunks of chunk
// bytes (whole when 0), and checks Text against Span.
func streamSpans(t testing.TB, text string, chunk int) []model.Span {
	t.Helper()
	var r io.Reader = strings.NewReader(text)
	if chunk > 0 {
		r = &chunkReader{s: text, n: chunk}
	}
	sc := NewSentenceScanner(r)
	var out []model.Span
	for sc.Scan() {
		sp := sc.Span()
		if sp.Start != sc.Offset() || !sp.Valid(len(text)) || text[sp.Start:sp.End] != sc.Text() {
			t.Fatalf("scanner span %v offset %d text %q disagree", sp, sc.Offset(), sc.Text())
		}
		out = append(out, sp)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

type chunkReader struct {
	s string
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), r.n)], r.s)
	r.s = r.s[n:]
	return n, nil
}

func equalSpans(a, b []model.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"Empty", "", nil},
		{"Blank", " \n\n\t \u00A0\n", nil},
		{"Stop", "وصل الوزير. وقال إنه سعيد.", []string{"وصل الوزير.", "وقال إنه سعيد."}},
		{"ArabicQuestion", "هل يأتي؟ لا أعرف", []string{"هل يأتي؟", "لا أعرف"}},
		{"Exclamation", "مرحبا! أهلا", []string{"مرحبا!", "أهلا"}},
		{"LostCharacter", "يوم القرار العر?ي المستقل. ثم", []string{"يوم القرار العر?ي المستقل.", "ثم"}},
		{"QuestionNoSpace", "لماذا?قال. ثم", []string{"لماذا?قال.", "ثم"}},
		{"ArabicQuestionNoSpace", "لماذا؟قال", []string{"لماذا؟", "قال"}},
		{"QuestionExclaim", "حقا؟! نعم", []string{"حقا؟!", "نعم"}},
		{"ArabicFullStop", "انتهى۔ بدأ", []string{"انتهى۔", "بدأ"}},
		{"Newline", "سطر أول\nسطر ثان", []string{"سطر أول", "سطر ثان"}},
		{"CRLF", "سطر أول\r\nسطر ثان\r\n", []string{"سطر أول", "سطر ثان"}},
		{"LineSeparator", "أ ب\u2028ج د", []string{"أ ب", "ج د"}},
		{"Headline", "وزير الخارجية يلتقي نظيره\nأكد الوزير دعمه.", []string{"وزير الخارجية يلتقي نظيره", "أكد الوزير دعمه."}},
		{"BlankLinesSkipped", "أ.\n\n\n   \nب.", []string{"أ.", "ب."}},
		{"Trim", "  \u200F  نص هنا.  \u00A0 ", []string{"نص هنا."}},
		{"Decimal", "نما 1.5 في المئة. ثم", []string{"نما 1.5 في المئة.", "ثم"}},
		{"ArabicDecimal", "نما ١٫٥ بالمئة. ثم", []string{"نما ١٫٥ بالمئة.", "ثم"}},
		{"AgencyDots", "من جانبه.. قال الوزير إن.", []string{"من جانبه.. قال الوزير إن."}},
		{"Ellipsis", "وهكذا... انتهى الأمر.", []string{"وهكذا... انتهى الأمر."}},
		{"AbbrevDal", "قال د. محمد إن الوضع مستقر.", []string{"قال د. محمد إن الوضع مستقر."}},
		{"AbbrevMeem", "افتتح م. خالد المشروع.", []string{"افتتح م. خالد المشروع."}},
		{"AbbrevSad", "ص. ب 1234 الرياض.", []string{"ص. ب 1234 الرياض."}},
		{"AbbrevAlef", "أ. د. سعيد يحاضر. ثم", []string{"أ. د. سعيد يحاضر.", "ثم"}},
		{"AbbrevSheen", "ش. الملك فهد.", []string{"ش. الملك فهد."}},
		{"AbbrevDotted", "وكالة د.ب.أ ذكرت. ثم", []string{"وكالة د.ب.أ ذكرت.", "ثم"}},
		{"AbbrevTatweel", "وأضاف م.ـ علي. ثم", []string{"وأضاف م.ـ علي.", "ثم"}},
		{"YearEndsSentence", "تأسست عام 2015م. وبعدها", []string{"تأسست عام 2015م.", "وبعدها"}},
		{"HijriEndsSentence", "في 1436هـ. وقال", []string{"في 1436هـ.", "وقال"}},
		{"HijriSpaced", "في 1436 هـ. وقال", []string{"في 1436 هـ.", "وقال"}},
		{"LatinAbbrev", "Dr. Smith and Mr. Brown met. Then", []string{"Dr. Smith and Mr. Brown met.", "Then"}},
		{"LatinInitials", "قال J. Kerry إن U.S. ستدعم. ثم", []string{"قال J. Kerry إن U.S. ستدعم.", "ثم"}},
		{"Domain", "موقع www.spa.gov.sa الرسمي. ثم", []string{"موقع www.spa.gov.sa الرسمي.", "ثم"}},
		{"NoSpaceAfterStop", "وصل الوزير.وقال", []string{"وصل الوزير.", "وقال"}},
		{"DottedTransliteration", "مؤشر جيه.بي.اكس ارتفع. ثم", []string{"مؤشر جيه.بي.اكس ارتفع.", "ثم"}},
		{"NumberedLine", "1. أولا نقطة.\n2. ثانيا", []string{"1. أولا نقطة.", "2. ثانيا"}},
		{"Guillemets", "قال: «نحن مستعدون. سنواصل». وأضاف", []string{"قال: «نحن مستعدون. سنواصل».", "وأضاف"}},
		{"GuillemetsQuestion", "سأل «هل تأتي؟ متى؟» ثم مضى.", []string{"سأل «هل تأتي؟ متى؟» ثم مضى."}},
		{"NestedQuotes", "قال «الشعار \"لا. نعم\" جميل. حقا» ثم.", []string{"قال «الشعار \"لا. نعم\" جميل. حقا» ثم."}},
		{"ASCIIQuotes", `قال "لن نتراجع. أبدا" ومضى. ثم`, []string{`قال "لن نتراجع. أبدا" ومضى.`, "ثم"}},
		{"CurlyQuotes", "قال “لن نتراجع. أبدا” ومضى. ثم", []string{"قال “لن نتراجع. أبدا” ومضى.", "ثم"}},
		{"UnbalancedGuillemet", "قال «لن نتراجع. وأضاف أمرا. ثم", []string{"قال «لن نتراجع.", "وأضاف أمرا.", "ثم"}},
		{"UnbalancedASCIIQuote", `قال "لن نتراجع. وأضاف. ثم`, []string{`قال "لن نتراجع.`, "وأضاف.", "ثم"}},
		{"QuoteStopsAtNewline", "قال «لن\nنتراجع» أبدا. ثم", []string{"قال «لن", "نتراجع» أبدا.", "ثم"}},
		{"StrayCloser", "انتهى» الأمر. ثم", []string{"انتهى» الأمر.", "ثم"}},
		{"CloserAfterStop", "(قال ذلك.) ثم", []string{"(قال ذلك.)", "ثم"}},
		{"QuotedClose", `قال: "انتهى." ثم. بعد`, []string{`قال: "انتهى." ثم.`, "بعد"}},
		{"OpenerAfterStop", `انتهى."بدأ" ثم.`, []string{"انتهى.", `"بدأ" ثم.`}},
		{"OnlyPunct", "...\n.", []string{"...", "."}},
		{"Mixed", "OPEC said. أوبك قالت.", []string{"OPEC said.", "أوبك قالت."}},
		{"Invalid", "نص\xff. آخر", []string{"نص\xff.", "آخر"}},
		{"Placeholder", "نص\x1a. آخر\x1a", []string{"نص\x1a.", "آخر"}},
	}
	for _, tt := range tests {
		expectSentences(t, tt.name, tt.text, tt.want...)
	}
}

// TestLongLines checks the forced cut of sentences longer than MaxSentence
// and that the streaming splitter agrees with SplitSentences on them,
// whatever the read size.
func TestLongLines(t *testing.T) {
	word := "كلمة "
	noPunct := strings.Repeat(word, 3*MaxSentence/len(word))
	noSpace := strings.Repeat("ب", 2*MaxSentence)
	mixed := strings.Repeat("جملة قصيرة هنا. ", 2*MaxSentence/20) + strings.Repeat(word, MaxSentence/4)
	quoted := "«" + strings.Repeat("نص. ", MaxSentence/3) + "»"
	for name, text := range map[string]string{"NoPunct": noPunct, "NoSpace": noSpace, "Mixed": mixed, "Quoted": quoted, "Invalid": strings.Repeat("\xff ", MaxSentence)} {
		t.Run(name, func(t *testing.T) {
			spans := SplitSentences(text)
			checkSpans(t, text, spans)
			covered := 0
			for _, sp := range spans {
				if sp.Len() > MaxSentence {
					t.Fatalf("sentence of %d bytes", sp.Len())
				}
				covered += sp.Len() - strings.Count(text[sp.Start:sp.End], " ")
			}
			if want := len(text) - strings.Count(text, " "); covered != want {
				t.Errorf("sentences cover %d of %d non-space bytes", covered, want)
			}
			for _, chunk := range []int{0, 1 << 10, 4093} {
				if st := streamSpans(t, text, chunk); !equalSpans(st, spans) {
					t.Fatalf("chunk %d: scanner gave %d spans, SplitSentences %d", chunk, len(st), len(spans))
				}
			}
		})
	}
	// A cut in a word-only line falls on a space.
	for _, sp := range SplitSentences(noPunct) {
		if !strings.HasSuffix(noPunct[:sp.End], "كلمة") {
			t.Fatalf("cut inside a word at %d", sp.End)
		}
	}
}

func TestSentenceScannerReadErrors(t *testing.T) {
	text := "نعم. لا.\nجديد"
	sc := NewSentenceScanner(iotest.OneByteReader(strings.NewReader(text)))
	n := 0
	for sc.Scan() {
		n++
	}
	if n != 3 || sc.Err() != nil {
		t.Errorf("one-byte reader: %d sentences, err %v", n, sc.Err())
	}
	sc = NewSentenceScanner(iotest.TimeoutReader(strings.NewReader(text)))
	for sc.Scan() {
	}
	if sc.Err() == nil {
		t.Error("read error not reported")
	}
	sc = NewSentenceScanner(strings.NewReader(""))
	if sc.Scan() || sc.Text() != "" || sc.Err() != nil {
		t.Error("empty input gave a sentence")
	}
}

// TestSentencesCorpus checks spans and scanner agreement on real text.
func TestSentencesCorpus(t *testing.T) {
	for _, text := range sampleTexts(t, 200) {
		spans := SplitSentences(text)
		checkSpans(t, text, spans)
		if st := streamSpans(t, text, 777); !equalSpans(st, spans) {
			t.Fatalf("scanner and SplitSentences disagree on an article")
		}
		// Sentences end on token boundaries: tokenizing sentence by
		// sentence gives the tokens of the whole text.
		var bySentence []Token
		for _, sp := range spans {
			bySentence = TokenizeSpan(bySentence, text, sp)
		}
		whole := Tokenize(nil, text)
		if len(whole) != len(bySentence) {
			t.Fatalf("%d tokens by sentence, %d in the whole text", len(bySentence), len(whole))
		}
		for i := range whole {
			if whole[i] != bySentence[i] {
				t.Fatalf("token %d: %q by sentence, %q whole", i, bySentence[i].Text(text), whole[i].Text(text))
			}
		}
	}
}

// repeatReader yields n bytes of a repeated pattern without holding them.
type repeatReader struct {
	pattern string
	off     int
	left    int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.pattern[r.off:])
		n += c
		r.off = (r.off + c) % len(r.pattern)
	}
	r.left -= int64(n)
	return n, nil
}

// TestHugeInputBoundedMemory streams 100 MB without punctuation or line
// breaks through a SentenceScanner and checks that memory stays bounded.
func TestHugeInputBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("100 MB input; skipped in -short mode")
	}
	const size = 100 << 20
	for _, pattern := range []string{"كلمة عربية طويلة ", "بلامسافاتولاعلامات"} {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		sc := NewSentenceScanner(&repeatReader{pattern: pattern, left: size})
		var n, total, maxLen int
		var peak uint64
		for sc.Scan() {
			n++
			total += len(sc.Text())
			maxLen = max(maxLen, len(sc.Text()))
			if n%256 == 0 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		if maxLen > MaxSentence || total < size*9/10 {
			t.Errorf("%d sentences, %d bytes, longest %d", n, total, maxLen)
		}
		if peak > before.HeapInuse+32<<20 {
			t.Errorf("heap in use grew from %d to %d bytes", before.HeapInuse, peak)
		}
		t.Logf("%d sentences, longest %d bytes, peak heap in use %d MB", n, maxLen, peak>>20)
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
		bad            []int
	}{
		{"Valid", "نص سليم", "نص سليم", nil},
		{"Empty", "", "", nil},
		{"InvalidByte", "a\xffb", "a\x1ab", []int{1}},
		{"NUL", "a\x00b\x00", "a\x1ab\x1a", []int{1, 3}},
		{"TruncatedArabic", "ب\xd8", "ب\x1a", []int{2}},
		{"Surrogate", "\xed\xa0\x80x", "\x1a\x1a\x1ax", []int{0, 1, 2}},
		{"Overlong", "\xc0\xafب", "\x1a\x1aب", []int{0, 1}},
		{"Latin1", "caf\xe9", "caf\x1a", []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bad := Sanitize(tt.in)
			if got != tt.want || len(got) != len(tt.in) {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(bad) != len(tt.bad) {
				t.Fatalf("bad = %v, want %v", bad, tt.bad)
			}
			for i := range bad {
				if bad[i] != tt.bad[i] {
					t.Fatalf("bad = %v, want %v", bad, tt.bad)
				}
			}
		})
	}
	s := "نص سليم تماما"
	if n := testing.AllocsPerRun(10, func() { _, _ = Sanitize(s) }); n != 0 {
		t.Errorf("Sanitize of valid text allocated %v times", n)
	}
}
