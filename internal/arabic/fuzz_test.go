package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are seed inputs for all fuzzers, written for the tests.
var fuzzSeeds = []string{
	"",
	"وبالتعاون للأمم لقائه بلاده والصين فالجانبان وسيزور",
	"قال د. محمد: «نحن مستعدون.. للحوار». وأضاف؟ نعم!",
	"مُحَمَّدٌ الـــرياض ﻷن ﷺ ١٫٥ ۱۲ 10% 2022-07-29",
	"a\xffب\x00\xd8",
	"\u200F\u202Bنص\u202C\u2067 \u00A0\u3000",
	"«««»»» \"\"\" “” ....",
	"Dr. Smith U.S. www.spa.gov.sa 1. 2015م. 1436هـ.",
	"ـــ ً ٌ ّ",
	"للجنة لل ل ب و ف س سي ال وال",
	"\r\n\u2028\u2029\x85\v\f",
}

func FuzzKey(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	keep := NewNormalizer(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		orig := strings.Clone(s)
		k := Key(s)
		if s != orig {
			t.Fatal("Key changed its input")
		}
		if utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q is invalid UTF-8", s, k)
		}
		if utf8.ValidString(s) {
			if k2 := Key(k); k2 != k {
				t.Fatalf("Key not idempotent: %q → %q → %q", s, k, k2)
			}
		}
		if got := string(AppendKey([]byte("prefix"), s)); got != "prefix"+k {
			t.Fatalf("AppendKey = %q, Key = %q", got, k)
		}
		_ = keep.Key(s)
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(nil, s)
		checkTokens(t, s, toks)
		for _, tk := range toks {
			a, b := trimSpan(s, tk.Start, tk.End)
			if a != tk.Start || b != tk.End {
				t.Fatalf("token %q has space at an edge", s[tk.Start:tk.End])
			}
		}
		// Every letter and digit lies inside some token.
		i, ti := 0, 0
		for i < len(s) {
			cls, n := classAt(s, i)
			for ti < len(toks) && toks[ti].End <= i {
				ti++
			}
			inside := ti < len(toks) && toks[ti].Start <= i
			if (cls == cArabic || cls == cLatin || cls == cLetter || cls == cDigit) && !inside {
				t.Fatalf("byte %d of %q is in no token", i, s)
			}
			i += n
		}
	})
}

func FuzzAnalyses(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
		for _, w := range strings.Fields(s) {
			f.Add(w)
		}
	}
	f.Fuzz(func(t *testing.T, word string) {
		as := AppendAnalyses(nil, word)
		if len(as) == 0 || as[0].Stem != (Part{0, len(word), Stem}) || as[0].Segmented() {
			t.Fatalf("first analysis of %q is not the word", word)
		}
		for _, a := range as {
			checkParts(t, word, a)
			_ = a.Format(word)
			_ = a.StemKey(word)
			_ = a.Pronoun(word)
		}
	})
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := SplitSentences(s)
		checkSpans(t, s, spans)
		if st := streamSpans(t, s, 3); !equalSpans(st, spans) {
			t.Fatalf("scanner %v != SplitSentences %v on %q", st, spans, s)
		}
		if len(s) <= MaxSentence {
			var bySentence []Token
			for _, sp := range spans {
				bySentence = TokenizeSpan(bySentence, s, sp)
			}
			whole := Tokenize(nil, s)
			if len(whole) != len(bySentence) {
				t.Fatalf("%q: %d tokens by sentence, %d whole", s, len(bySentence), len(whole))
			}
			for i := range whole {
				if whole[i] != bySentence[i] {
					t.Fatalf("%q: token %d differs: %+v by sentence, %+v whole", s, i, bySentence[i], whole[i])
				}
			}
		}
		clean, bad := Sanitize(s)
		if len(clean) != len(s) || !utf8.ValidString(clean) || strings.IndexByte(clean, 0) >= 0 {
			t.Fatalf("Sanitize(%q) = %q", s, clean)
		}
		for _, i := range bad {
			if i < 0 || i >= len(s) || clean[i] != Placeholder {
				t.Fatalf("bad offset %d", i)
			}
		}
	})
}
