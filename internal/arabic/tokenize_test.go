package arabic

import (
	"fmt"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

// show renders tokens as kind:text, space-separated.
func show(text string, toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Kind.String() + ":" + text[t.Start:t.End]
	}
	return strings.Join(parts, " ")
}

func expectTokens(t *testing.T, name, text, want string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		t.Helper()
		toks := Tokenize(nil, text)
		if got := show(text, toks); got != want {
			t.Errorf("Tokenize(%q)\n got: %s\nwant: %s", text, got, want)
		}
		checkTokens(t, text, toks)
	})
}

// checkTokens checks that spans are in bounds, non-empty, in order and
// non-overlapping.
func checkTokens(t testing.TB, text string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %+v: bad span (previous end %d, len %d)", i, tk, prev, len(text))
		}
		if tk.Kind < Word || tk.Kind > Symbol {
			t.Fatalf("token %d %+v: bad kind", i, tk)
		}
		prev = tk.End
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"Words", "قال وزير الخارجية", "word:قال word:وزير word:الخارجية"},
		{"Empty", "", ""},
		{"OnlySpaces", " \t\n\u00A0 ", ""},
		{"ArabicComma", "روسيا، والصين", "word:روسيا punct:، word:والصين"},
		{"ArabicSemicolon", "أولا؛ ثانيا", "word:أولا punct:؛ word:ثانيا"},
		{"ArabicQuestion", "لماذا؟", "word:لماذا punct:؟"},
		{"Guillemets", "«السلام»", "punct:« word:السلام punct:»"},
		{"Brackets", "(شينخوا)", "punct:( word:شينخوا punct:)"},
		{"AgencyDots", "جانبه.. قال", "word:جانبه punct:.. word:قال"},
		{"Ellipsis", "ثم... انتهى", "word:ثم punct:... word:انتهى"},
		{"RepeatedMarks", "حقا؟؟ نعم!!", "word:حقا punct:؟؟ word:نعم punct:!!"},
		{"Colon", "وقال: نعم", "word:وقال punct:: word:نعم"},
		{"Hyphenated", "الروسية-الصينية", "word:الروسية punct:- word:الصينية"},
		{"Percent", "10% و٥٪", "number:10% word:و number:٥٪"},
		{"Decimal", "1.5 مليار", "number:1.5 word:مليار"},
		{"ArabicDecimal", "١٫٥ مليون", "number:١٫٥ word:مليون"},
		{"Thousands", "1,000,000 دولار", "number:1,000,000 word:دولار"},
		{"ArabicIndic", "١٢٣", "number:١٢٣"},
		{"Persian", "۱۲۳", "number:۱۲۳"},
		{"Date", "2022-07-29", "number:2022 punct:- number:07 punct:- number:29"},
		{"SlashDate", "6/11/1436هـ", "number:6 punct:/ number:11 punct:/ number:1436 word:هـ"},
		{"NumberThenStop", "عام 2015.", "word:عام number:2015 punct:."},
		{"NumberThenComma", "2015, ثم", "number:2015 punct:, word:ثم"},
		{"YearSuffix", "2015م", "number:2015 word:م"},
		{"Latin", "Reuters AFP", "latin:Reuters latin:AFP"},
		{"LatinDigits", "G20 F16", "latin:G20 latin:F16"},
		{"MixedScripts", "قمةG20 في", "word:قمة latin:G20 word:في"},
		{"Harakat", "مُحَمَّدٌ", "word:مُحَمَّدٌ"},
		{"Tatweel", "الـــرياض", "word:الـــرياض"},
		{"LoneTatweel", "ـــ", "symbol:ـــ"},
		{"NBSP", "وزير\u00A0الخارجية", "word:وزير word:الخارجية"},
		{"ThinSpace", "a\u2009b", "latin:a latin:b"},
		{"IdeographicSpace", "a\u3000b", "latin:a latin:b"},
		{"ZWNJInside", "می\u200Cخواهم", "word:می\u200Cخواهم"},
		{"RLMOutside", "\u200Fقال\u200F ", "word:قال"},
		{"BOM", "\uFEFFنص", "word:نص"},
		{"Ligature", "ﻷن", "word:ﻷن"},
		{"Symbols", "$5 + 3 = 8", "symbol:$ number:5 symbol:+ number:3 symbol:= number:8"},
		{"Emoji", "رائع🙂", "word:رائع symbol:🙂"},
		{"Invalid", "a\xffب", "latin:a symbol:\xff word:ب"},
		{"Placeholder", "ab\x1acd", "latin:ab latin:cd"},
		{"Cyrillic", "Москва", "word:Москва"},
		{"Quotes", `قال "نعم"`, `word:قال punct:" word:نعم punct:"`},
		{"CurlyQuotes", "“نعم”", "punct:“ word:نعم punct:”"},
		{"Dash", "الرياض – واس", "word:الرياض punct:– word:واس"},
		{"ArabicFullStop", "ختام۔", "word:ختام punct:۔"},
		{"URLish", "www.spa.gov.sa", "latin:www punct:. latin:spa punct:. latin:gov punct:. latin:sa"},
	}
	for _, tt := range tests {
		expectTokens(t, tt.name, tt.text, tt.want)
	}
}

func TestTokenizeAppends(t *testing.T) {
	dst := []Token{{0, 1, Word}}
	dst = Tokenize(dst, "أ ب")
	if len(dst) != 3 || dst[0] != (Token{0, 1, Word}) {
		t.Errorf("Tokenize did not append: %+v", dst)
	}
	if n := testing.AllocsPerRun(50, func() { dst = Tokenize(dst[:0], "قال وزير الخارجية، «نعم».") }); n != 0 {
		t.Errorf("Tokenize with room allocated %v times", n)
	}
}

func TestTokenizeSpan(t *testing.T) {
	text := "عنوان الخبر\nقال الوزير: نعم. وأضاف أن 1.5 مليار.."
	var fromSpans []Token
	for _, sp := range SplitSentences(text) {
		fromSpans = TokenizeSpan(fromSpans, text, sp)
	}
	whole := Tokenize(nil, text)
	if show(text, fromSpans) != show(text, whole) || len(fromSpans) != len(whole) {
		t.Errorf("per-sentence tokens differ:\n%s\n%s", show(text, fromSpans), show(text, whole))
	}
	for i := range whole {
		if whole[i] != fromSpans[i] {
			t.Fatalf("token %d: %+v != %+v", i, fromSpans[i], whole[i])
		}
	}
	if got := TokenizeSpan(nil, text, model.Span{Start: 5, End: 1000}); len(got) != 0 {
		t.Errorf("invalid span gave tokens %v", got)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Word: "word", Number: "number", Latin: "latin", Punct: "punct", Symbol: "symbol"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
	if got := Kind(0).String(); got != "kind(0)" {
		t.Errorf("Kind(0).String() = %q", got)
	}
}

// TestTokenizeCorpusSpans checks the span invariants on real text, and that
// whole-text keys and token keys agree, when the shared corpus is present.
func TestTokenizeCorpusSpans(t *testing.T) {
	texts := sampleTexts(t, 200)
	var toks []Token
	for _, text := range texts {
		toks = Tokenize(toks[:0], text)
		checkTokens(t, text, toks)
		for _, tk := range toks {
			if strings.TrimSpace(text[tk.Start:tk.End]) != text[tk.Start:tk.End] {
				t.Fatalf("token %q has spaces at an edge", text[tk.Start:tk.End])
			}
		}
	}
}

func ExampleTokenize() {
	text := "وأكد الجانبان، في بكين.. أن 10% من 1.5 مليار"
	for _, t := range Tokenize(nil, text) {
		fmt.Printf("%d-%d %s %s\n", t.Start, t.End, t.Kind, text[t.Start:t.End])
	}
	// Output:
	// 0-8 word وأكد
	// 9-25 word الجانبان
	// 25-27 punct ،
	// 28-32 word في
	// 33-41 word بكين
	// 41-43 punct ..
	// 44-48 word أن
	// 49-52 number 10%
	// 53-57 word من
	// 58-61 number 1.5
	// 62-72 word مليار
}
