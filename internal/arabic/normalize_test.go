package arabic

import (
	"testing"
	"unicode/utf8"
)

func expectKey(t *testing.T, name, in, want string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		t.Helper()
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
		if got := string(AppendKey([]byte("x"), in)); got != "x"+want {
			t.Errorf("AppendKey(x, %q) = %q, want %q", in, got, "x"+want)
		}
	})
}

func TestKeyRules(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// Harakat, tanween, shadda, sukun (U+064B–U+0652).
		{"Fatha", "كَتب", "كتب"},
		{"Damma", "كتُب", "كتب"},
		{"Kasra", "بِسم", "بسم"},
		{"Sukun", "قُلْ", "قل"},
		{"Shadda", "محمّد", "محمد"},
		{"Tanween", "شكرًا جزيلاً وكتابٌ وبيتٍ", "شكرا جزيلا وكتاب وبيت"},
		{"AllHarakat", "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652", ""},
		// Superscript alef and Quranic marks.
		{"SuperscriptAlef", "هٰذا", "هذا"},
		{"QuranicHonorific", "محمد\u0610", "محمد"},
		{"QuranicSmallHigh", "قال\u06D6", "قال"},
		{"QuranicRange", "\u0610\u061A\u06D6\u06ED", ""},
		// Tatweel.
		{"Tatweel", "الـــرياض", "الرياض"},
		{"TatweelAfterHa", "1436هـ", "1436ه"},
		// Alef forms.
		{"AlefHamzaAbove", "أحمد", "احمد"},
		{"AlefHamzaBelow", "إسلام", "اسلام"},
		{"AlefMadda", "آمن", "امن"},
		{"AlefWasla", "ٱلله", "الله"},
		// Alef maqsura and ta marbuta.
		{"AlefMaqsura", "إلى", "الي"},
		{"TaMarbuta", "مدرسة", "مدرسه"},
		// Hamza seats (folded by default).
		{"WawHamza", "مسؤول", "مسءول"},
		{"YehHamza", "رئيس", "رءيس"},
		{"HamzaSeatsAgree", "مسئول", "مسءول"},
		{"BareHamzaKept", "سماء", "سماء"},
		// Persian and Urdu look-alikes.
		{"PersianKaf", "کتاب", "كتاب"},
		{"PersianYeh", "کرسی", "كرسي"},
		{"AeHeh", "ە", "ه"},
		{"Veh", "ڤيينا", "فيينا"},
		{"Gaf", "گاز", "كاز"},
		{"HehDoachashmee", "ھذا", "هذا"},
		// Digits.
		{"ArabicIndicDigits", "٠١٢٣٤٥٦٧٨٩", "0123456789"},
		{"PersianDigits", "۰۱۲۳۴۵۶۷۸۹", "0123456789"},
		{"ArabicDecimal", "١٫٥", "1.5"},
		{"ArabicThousands", "١٬٠٠٠", "1,000"},
		{"ArabicPercent", "١٠٪", "10%"},
		// Presentation forms.
		{"LamAlefHamzaLigature", "ﻷن", "لان"},
		{"LamAlefLigature", "ﻻ", "لا"},
		{"IsolatedBeh", "ﺏ", "ب"},
		{"FinalTehMarbuta", "ﺔ", "ه"},
		{"FathatanIsolatedForm", "ﹰ", ""},
		{"AllahLigature", "ﷲ", "الله"},
		{"OrnateParenKept", "﴿", "﴿"},
		// Invisible marks.
		{"ZeroWidthSpace", "مصر\u200B", "مصر"},
		{"ZWNJ", "می\u200Cخواهم", "ميخواهم"},
		{"RLM", "\u200Fقال", "قال"},
		{"Embeddings", "\u202Bنص\u202C", "نص"},
		{"Isolates", "\u2067نص\u2069", "نص"},
		{"BOM", "\uFEFFنص", "نص"},
		{"ArabicLetterMark", "\u061Cنص", "نص"},
		{"SoftHyphen", "co\u00ADop", "coop"},
		// Spaces.
		{"NBSP", "وزير\u00A0خارجية", "وزير خارجيه"},
		{"ThinSpace", "a\u2009b", "a b"},
		// Case.
		{"LatinLower", "OPEC Reuters", "opec reuters"},
		{"LatinAccents", "ÉLYSÉE", "élysée"},
		{"Greek", "ΑΘΗΝΑ", "αθηνα"},
		{"Fullwidth", "ＵＮ１", "un1"},
		// Unchanged.
		{"AlreadyKey", "وزير الخارجية", "وزير الخارجيه"},
		{"Empty", "", ""},
		{"ASCII", "abc 123 !?", "abc 123 !?"},
		{"InvalidKept", "a\xffب", "a\xffب"},
		{"Emoji", "🙂", "🙂"},
	}
	for _, tt := range tests {
		expectKey(t, tt.name, tt.in, tt.want)
	}
}

func TestNormalizerOptions(t *testing.T) {
	keep := NewNormalizer(Options{})
	fold := NewNormalizer(DefaultOptions())
	tests := []struct{ name, in, keep, fold string }{
		{"WawHamza", "مسؤول", "مسؤول", "مسءول"},
		{"YehHamza", "رئيس", "رئيس", "رءيس"},
		{"PresentationYehHamza", "ﺋ", "ئ", "ء"},
		{"OtherRulesStillApply", "أَسْئِلَة", "اسئله", "اسءله"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keep.Key(tt.in); got != tt.keep {
				t.Errorf("keep.Key(%q) = %q, want %q", tt.in, got, tt.keep)
			}
			if got := fold.Key(tt.in); got != tt.fold {
				t.Errorf("fold.Key(%q) = %q, want %q", tt.in, got, tt.fold)
			}
		})
	}
	if !fold.Options().FoldHamzaSeats || keep.Options().FoldHamzaSeats {
		t.Error("Options() does not report the options given")
	}
}

func TestKeyDoesNotAllocateWhenUnchanged(t *testing.T) {
	s := "وزير الخارجية الصيني"[:10] + " abc"
	if Key(s) != s {
		t.Fatalf("Key(%q) changed", s)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Key(s) }); n != 0 {
		t.Errorf("Key on an unchanged string allocated %v times", n)
	}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = AppendKey(buf[:0], "أَحْمَد") }); n != 0 {
		t.Errorf("AppendKey allocated %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Key("أَحْمَد") }); n != 1 {
		t.Errorf("Key on a changed string allocated %v times, want 1", n)
	}
}

func TestKeyIdempotent(t *testing.T) {
	for _, s := range []string{"أَحْمَد", "ﻷن", "ABC", "١٫٥", "مسؤول", "ٱلله", "ﷺ", "a\xffb"} {
		k := Key(s)
		if k2 := Key(k); k2 != k {
			t.Errorf("Key(Key(%q)) = %q, want %q", s, k2, k)
		}
		if utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Errorf("Key(%q) = %q is not valid UTF-8", s, k)
		}
	}
}

// TestConcurrentUse runs the package's entry points from several
// goroutines, for the race detector.
func TestConcurrentUse(t *testing.T) {
	text := "وقال وزير الخارجية الصيني: «سيزور بكين لافروف». وأكد أن ١٫٥ مليار دولار.."
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			var toks []Token
			var as []Analysis
			var buf []byte
			for i := 0; i < 50; i++ {
				toks = Tokenize(toks[:0], text)
				for _, tk := range toks {
					w := text[tk.Start:tk.End]
					buf = AppendKey(buf[:0], w)
					_ = Key(w)
					as = AppendAnalyses(as[:0], w)
				}
				_ = SplitSentences(text)
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
