package arabic

import (
	"strings"
	"testing"
)

// formats returns the Format of every analysis of word.
func formats(word string) []string {
	var out []string
	for _, a := range AppendAnalyses(nil, word) {
		out = append(out, a.Format(word))
	}
	return out
}

// expectAnalysis checks that word has the analysis want (in Format form)
// and that its first analysis is the unsegmented word.
func expectAnalysis(t *testing.T, word, want string) {
	t.Helper()
	t.Run(word, func(t *testing.T) {
		t.Helper()
		got := formats(word)
		if len(got) == 0 || got[0] != word {
			t.Errorf("first analysis of %q = %v, want the word itself", word, got)
		}
		for _, g := range got {
			if g == want {
				return
			}
		}
		t.Errorf("analyses of %q = %v, missing %q", word, got, want)
	})
}

// expectNoAnalysis checks that word lacks the analysis bad.
func expectNoAnalysis(t *testing.T, word, bad string) {
	t.Helper()
	t.Run(word+"/not/"+bad, func(t *testing.T) {
		t.Helper()
		for _, g := range formats(word) {
			if g == bad {
				t.Errorf("analyses of %q include %q", word, bad)
			}
		}
	})
}

func TestAnalysesRequired(t *testing.T) {
	tests := []struct{ word, want string }{
		{"وبالتعاون", "و+ب+ال+تعاون"},
		{"للأمم", "ل+ال+أمم"},
		{"لقائه", "لقائ+ه"},
		{"بلاده", "بلاد+ه"},
		{"والصين", "و+ال+صين"},
		{"فالجانبان", "ف+ال+جانبان"},
		{"وسيزور", "و+س+يزور"},
	}
	for _, tt := range tests {
		expectAnalysis(t, tt.word, tt.want)
	}
}

func TestAnalysesUnsegmentedFirst(t *testing.T) {
	for _, w := range []string{"وزير", "بكين", "لافروف", "ولي", "فلسطينيين", "كان", "سيارة", "الله", "و", "ب", "abc", "12", "لل", ""} {
		t.Run(w, func(t *testing.T) {
			as := AppendAnalyses(nil, w)
			if len(as) == 0 {
				t.Fatalf("no analyses of %q", w)
			}
			a := as[0]
			if a.NPre != 0 || a.Enc.Kind != 0 || a.Stem != (Part{0, len(w), Stem}) || a.Segmented() {
				t.Errorf("first analysis of %q = %+v, want the whole word", w, a)
			}
		})
	}
}

func TestAnalysesNewsVocabulary(t *testing.T) {
	tests := []struct{ word, want string }{
		// Conjunction.
		{"وأكدت", "و+أكدت"},
		{"وأضاف", "و+أضاف"},
		{"فأكد", "ف+أكد"},
		{"وقد", "و+قد"},
		{"ولم", "و+لم"},
		{"فإن", "ف+إن"},
		{"ورئيس", "و+رئيس"},
		{"وبحث", "و+بحث"},
		{"وموسكو", "و+موسكو"},
		{"وبكين", "و+بكين"},
		// Article.
		{"الرئيس", "ال+رئيس"},
		{"والأمن", "و+ال+أمن"},
		{"فالرئيس", "ف+ال+رئيس"},
		{"والولايات", "و+ال+ولايات"},
		{"والعسكرية", "و+ال+عسكرية"},
		{"والمملكة", "و+ال+مملكة"},
		{"الأب", "ال+أب"},
		// Preposition, with and without the article.
		{"بالعاصمة", "ب+ال+عاصمة"},
		{"بالرياض", "ب+ال+رياض"},
		{"وبالرياض", "و+ب+ال+رياض"},
		{"بالأمم", "ب+ال+أمم"},
		{"بالحوثيين", "ب+ال+حوثيين"},
		{"كالعادة", "ك+ال+عادة"},
		{"لمواجهة", "ل+مواجهة"},
		{"لدعم", "ل+دعم"},
		{"بدعم", "ب+دعم"},
		{"لروسيا", "ل+روسيا"},
		{"كدولة", "ك+دولة"},
		{"باتجاه", "ب+اتجاه"},
		// The contraction لل.
		{"للتعاون", "ل+ال+تعاون"},
		{"وللتعاون", "و+ل+ال+تعاون"},
		{"للأمن", "ل+ال+أمن"},
		{"للقوات", "ل+ال+قوات"},
		{"لليمن", "ل+ال+يمن"},
		{"فللسلام", "ف+ل+ال+سلام"},
		{"للجنة", "ل+ال+لجنة"},
		// Future.
		{"سيعقد", "س+يعقد"},
		{"ستبحث", "س+تبحث"},
		{"سنواصل", "س+نواصل"},
		{"سأزور", "س+أزور"},
		{"وستستضيف", "و+س+تستضيف"},
		{"فسيكون", "ف+س+يكون"},
		{"وسيلتقي", "و+س+يلتقي"},
		{"سيزوره", "س+يزور+ه"},
		// Enclitics.
		{"لبلاده", "ل+بلاد+ه"},
		{"رئيسها", "رئيس+ها"},
		{"وزيرها", "وزير+ها"},
		{"نظيره", "نظير+ه"},
		{"ونظيره", "و+نظير+ه"},
		{"بلادنا", "بلاد+نا"},
		{"قواتنا", "قوات+نا"},
		{"علاقاتهما", "علاقات+هما"},
		{"شعبهم", "شعب+هم"},
		{"أرضهن", "أرض+هن"},
		{"كتابك", "كتاب+ك"},
		{"بلادكم", "بلاد+كم"},
		{"معكما", "مع+كما"},
		{"بلادكن", "بلاد+كن"},
		{"بلادي", "بلاد+ي"},
		{"بقواتها", "ب+قوات+ها"},
		{"لقواتها", "ل+قوات+ها"},
		{"وقواته", "و+قوات+ه"},
		{"وفدها", "وفد+ها"},
		// Function words with pronouns: 2-letter stems.
		{"بينهما", "بين+هما"},
		{"معه", "مع+ه"},
		{"عنه", "عن+ه"},
		{"منها", "من+ها"},
		{"ومنها", "و+من+ها"},
		{"إليه", "إلي+ه"},
		{"لديها", "لدي+ها"},
		{"عليهم", "علي+هم"},
		// Stem fixes before enclitics.
		{"وزارتها", "وزارت[ة]+ها"},
		{"حكومته", "حكومت[ة]+ه"},
		{"زيارته", "زيارت[ة]+ه"},
		{"لزيارته", "ل+زيارت[ة]+ه"},
		{"إدارته", "إدارت[ة]+ه"},
		{"بصفته", "ب+صفت[ة]+ه"},
		{"رسالتهم", "رسالت[ة]+هم"},
		{"مستواه", "مستوا[ى]+ه"},
		{"التقاه", "التقا[ى]+ه"},
		{"والتزامه", "و+التزام+ه"},
		// Harakat and tatweel stay with their letter.
		{"بِالأُمَمِ", "ب+ال+أُمَمِ"},
		{"بـالرياض", "ب+ال+رياض"},
		{"وَسَيَزُورُ", "و+س+يَزُورُ"},
		{"وزارتُها", "وزارتُ[ة]+ها"},
	}
	if len(tests) < 67 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tt := range tests {
		expectAnalysis(t, tt.word, tt.want)
	}
}

// TestAnalysesGuards checks the length guards: splits that would leave an
// absurd stem are not offered.
func TestAnalysesGuards(t *testing.T) {
	tests := []struct{ word, bad string }{
		// A bare preposition keeps a stem of three letters.
		{"كان", "ك+ان"},
		{"بعد", "ب+عد"},
		{"لدى", "ل+دى"},
		{"بين", "ب+ين"},
		{"لديه", "ل+دي+ه"},
		{"بينه", "ب+ين+ه"},
		// A stem keeps two letters.
		{"وله", "و+ل+ه"},
		{"بها", "ب+ها"},
		{"فيه", "ف+ي+ه"},
		{"الى", "ال+ى"},
		{"ولي", "و+ل+ي"},
		// No possessive ي on a noun with ال, article or not.
		{"الصيني", "الصين+ي"},
		{"السعودي", "السعود+ي"},
		{"والأمريكي", "و+الأمريك+ي"},
		// No enclitic after the article.
		{"الكتابه", "ال+كتاب+ه"},
		{"والسلامها", "و+ال+سلام+ها"},
		// س is the future marker only before ي ت ن أ.
		{"سلام", "س+لام"},
		{"ساعد", "س+اعد"},
		{"سمير", "س+مير"},
		// No conjunction on a word of two letters.
		{"وا", "و+ا"},
		// ة is not the pronoun ه.
		{"مدرسة", "مدرس+ة"},
	}
	for _, tt := range tests {
		expectNoAnalysis(t, tt.word, tt.bad)
	}
}

func TestAnalysesParts(t *testing.T) {
	words := strings.Fields(`وبالتعاون للأمم لقائه بلاده والصين فالجانبان وسيزور
		وزارتها للجنة فللسلام بِالأُمَمِ بـالرياض وَسَيَزُورُ كان ولي ب abc ١٢ بالـ ﻷن`)
	for _, w := range words {
		for _, a := range AppendAnalyses(nil, w) {
			checkParts(t, w, a)
		}
	}
}

// checkParts checks that the parts of a tile the word in order.
func checkParts(t *testing.T, w string, a Analysis) {
	t.Helper()
	pos := 0
	if a.NPre < 0 || a.NPre > len(a.Pre) {
		t.Fatalf("%q: NPre = %d", w, a.NPre)
	}
	for _, p := range a.Pre[:a.NPre] {
		if p.Start != pos || p.End < p.Start || p.Kind < Conj || p.Kind > Article {
			t.Errorf("%q %s: bad proclitic %+v at %d", w, a.Format(w), p, pos)
		}
		if p.Start == p.End && p.Kind != Article {
			t.Errorf("%q %s: empty proclitic %+v", w, a.Format(w), p)
		}
		pos = p.End
	}
	if a.Stem.Start != pos || a.Stem.End < a.Stem.Start || (a.Stem.End == a.Stem.Start && len(w) > 0) || a.Stem.Kind != Stem {
		t.Errorf("%q %s: bad stem %+v at %d", w, a.Format(w), a.Stem, pos)
	}
	pos = a.Stem.End
	if a.Enc.Kind == 0 {
		if a.Enc.Start != a.Enc.End || pos != len(w) {
			t.Errorf("%q %s: bad empty enclitic %+v", w, a.Format(w), a.Enc)
		}
	} else if a.Enc.Start != pos || a.Enc.End != len(w) || a.Enc.Kind != Pronoun {
		t.Errorf("%q %s: bad enclitic %+v", w, a.Format(w), a.Enc)
	}
	if a.HasArticle() && a.Enc.Kind != 0 {
		t.Errorf("%q %s: article with an enclitic", w, a.Format(w))
	}
}

func TestAnalysisHelpers(t *testing.T) {
	find := func(word, want string) Analysis {
		t.Helper()
		for _, a := range AppendAnalyses(nil, word) {
			if a.Format(word) == want {
				return a
			}
		}
		t.Fatalf("%q has no analysis %q", word, want)
		return Analysis{}
	}
	tests := []struct {
		word, analysis    string
		conj, prep, pron  string
		article, future   bool
		stemText, stemKey string
	}{
		{"وبالتعاون", "و+ب+ال+تعاون", "و", "ب", "", true, false, "تعاون", "تعاون"},
		{"فللسلام", "ف+ل+ال+سلام", "ف", "ل", "", true, false, "سلام", "سلام"},
		{"كالعادة", "ك+ال+عادة", "", "ك", "", true, false, "عادة", "عاده"},
		{"وسيزوره", "و+س+يزور+ه", "و", "", "ه", false, true, "يزور", "يزور"},
		{"لقائها", "لقائ+ها", "", "", "ها", false, false, "لقائ", "لقاء"},
		{"وزارتهما", "وزارت[ة]+هما", "", "", "هما", false, false, "وزارت", "وزاره"},
		{"وزارتهما", "وزارت+هما", "", "", "هما", false, false, "وزارت", "وزارت"},
		{"مستواه", "مستوا[ى]+ه", "", "", "ه", false, false, "مستوا", "مستوي"},
		{"بلادنا", "بلاد+نا", "", "", "نا", false, false, "بلاد", "بلاد"},
		{"وزير", "وزير", "", "", "", false, false, "وزير", "وزير"},
	}
	for _, tt := range tests {
		t.Run(tt.analysis, func(t *testing.T) {
			a := find(tt.word, tt.analysis)
			if got := a.Conj(); got != tt.conj {
				t.Errorf("Conj() = %q, want %q", got, tt.conj)
			}
			if got := a.Prep(); got != tt.prep {
				t.Errorf("Prep() = %q, want %q", got, tt.prep)
			}
			if got := a.Pronoun(tt.word); got != tt.pron {
				t.Errorf("Pronoun() = %q, want %q", got, tt.pron)
			}
			if got := a.HasArticle(); got != tt.article {
				t.Errorf("HasArticle() = %v, want %v", got, tt.article)
			}
			if got := a.Future(); got != tt.future {
				t.Errorf("Future() = %v, want %v", got, tt.future)
			}
			if got := a.StemText(tt.word); got != tt.stemText {
				t.Errorf("StemText() = %q, want %q", got, tt.stemText)
			}
			if got := a.StemKey(tt.word); got != tt.stemKey {
				t.Errorf("StemKey() = %q, want %q", got, tt.stemKey)
			}
		})
	}
}

func TestAnalysisHandMade(t *testing.T) {
	// Helpers must not panic on analyses built by hand with bad offsets.
	a := Analysis{NPre: 9, Stem: Part{5, 2, Stem}, Enc: Part{1, 3, Pronoun}}
	_ = a.Format("ab")
	_ = a.StemKey("ab")
	_ = a.HasArticle()
	if got := (Analysis{Enc: Part{8, 10, Pronoun}}).Pronoun("بلاده"); got != "ه" {
		t.Errorf("Pronoun of a hand-made analysis = %q", got)
	}
	if PartKind(0).String() == "" || Pronoun.String() != "pronoun" || Kind(99).String() == "" {
		t.Error("String of kinds")
	}
}

func TestAnalysesNoAlloc(t *testing.T) {
	buf := make([]Analysis, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = AppendAnalyses(buf[:0], "وبالتعاون") }); n != 0 {
		t.Errorf("AppendAnalyses allocated %v times", n)
	}
}
