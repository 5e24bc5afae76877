package arabic

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// PartKind labels a piece of a segmented word.
type PartKind uint8

// Part kinds.
const (
	Conj    PartKind = iota + 1 // conjunction و or ف
	Prep                        // preposition ب, ل or ك
	Future                      // future marker س
	Article                     // definite article ال, also the ل of the contraction لل
	Stem                        // the stem
	Pronoun                     // enclitic pronoun
)

var partKindNames = [...]string{"", "conj", "prep", "future", "article", "stem", "pronoun"}

// String returns the lower-case name of k.
func (k PartKind) String() string {
	if k != 0 && int(k) < len(partKindNames) {
		return partKindNames[k]
	}
	return "part(" + strconv.Itoa(int(k)) + ")"
}

// Part is one piece of a segmented word. Start and End are byte offsets
// RELATIVE to the start of the word; harakat and tatweel go with the letter
// before them. An article read out of the contraction لل whose stem begins
// with ل (للجنة = ل + ال + لجنة) has Start == End.
type Part struct {
	Start, End int
	Kind       PartKind
}

// StemFix says how the end of a stem is spelt differently before an
// enclitic, so that the stem's key can be restored to its dictionary form.
type StemFix uint8

// Stem fixes.
const (
	NoFix       StemFix = iota
	TaMarbuta           // stem-final ت was ة: وزارتها = وزارة + ها
	AlefMaqsura         // stem-final ا was ى: مستواه = مستوى + ه
)

// Analysis is one reading of a word: proclitics + stem + optional enclitic.
type Analysis struct {
	Pre  [4]Part // proclitics in order; only the first NPre are used
	NPre int
	Stem Part
	Enc  Part    // Kind==0 and Start==End when there is no enclitic
	Fix  StemFix // how StemKey restores the stem's dictionary spelling

	conj, prep rune  // the conjunction and preposition letters, or 0
	pron       uint8 // 1 + index into enclitics, or 0
}

// HasArticle reports whether the analysis has the definite article.
func (a Analysis) HasArticle() bool {
	for _, p := range a.Pre[:a.npre()] {
		if p.Kind == Article {
			return true
		}
	}
	return false
}

// Conj returns the conjunction proclitic, "و" or "ف", or "".
func (a Analysis) Conj() string { return letterString(a.conj) }

// Prep returns the preposition proclitic, "ب", "ل" or "ك", or "".
func (a Analysis) Prep() string { return letterString(a.prep) }

// Future reports whether the analysis has the future marker س.
func (a Analysis) Future() bool {
	for _, p := range a.Pre[:a.npre()] {
		if p.Kind == Future {
			return true
		}
	}
	return false
}

// Pronoun returns the key of the enclitic pronoun (ه ها هما هم هن ك كم كما
// كن نا ي) of the analysis of word, or "" when there is none.
func (a Analysis) Pronoun(word string) string {
	if a.pron > 0 && int(a.pron) <= len(enclitics) {
		return enclitics[a.pron-1]
	}
	if a.Enc.Start < a.Enc.End && 0 <= a.Enc.Start && a.Enc.End <= len(word) {
		return Key(word[a.Enc.Start:a.Enc.End])
	}
	return ""
}

// Segmented reports whether the analysis has any clitic.
func (a Analysis) Segmented() bool { return a.npre() > 0 || a.Enc.Kind != 0 }

// StemText returns the stem of word as written.
func (a Analysis) StemText(word string) string {
	if 0 <= a.Stem.Start && a.Stem.Start <= a.Stem.End && a.Stem.End <= len(word) {
		return word[a.Stem.Start:a.Stem.End]
	}
	return ""
}

// AppendStemKey appends the key of the stem of word to dst, with the stem
// spelling restored by a.Fix (وزارت → وزاره, the key of وزارة).
func (a Analysis) AppendStemKey(dst []byte, word string) []byte {
	n := len(dst)
	dst = AppendKey(dst, a.StemText(word))
	switch a.Fix {
	case TaMarbuta:
		if len(dst)-n >= 2 && dst[len(dst)-2] == 0xD8 && dst[len(dst)-1] == 0xAA { // ت
			dst = append(dst[:len(dst)-2], "ه"...)
		}
	case AlefMaqsura:
		if len(dst)-n >= 2 && dst[len(dst)-2] == 0xD8 && dst[len(dst)-1] == 0xA7 { // ا
			dst = append(dst[:len(dst)-2], "ي"...) // ى keys as ي
		}
	}
	return dst
}

// StemKey returns the key of the stem of word; see AppendStemKey.
func (a Analysis) StemKey(word string) string {
	if a.Fix == NoFix {
		return Key(a.StemText(word))
	}
	return string(a.AppendStemKey(nil, word))
}

// Format writes the analysis of word as its parts joined by "+", clitics in
// their dictionary form and stem and pronoun as written: و+ب+ال+تعاون. A
// stem fix is shown in brackets after the stem: وزارت[ة]+ها, مستوا[ى]+ه.
func (a Analysis) Format(word string) string {
	var b strings.Builder
	for _, p := range a.Pre[:a.npre()] {
		switch p.Kind {
		case Article:
			b.WriteString("ال")
		case Future:
			b.WriteString("س")
		case Conj:
			b.WriteString(letterString(a.conj))
		case Prep:
			b.WriteString(letterString(a.prep))
		}
		b.WriteByte('+')
	}
	b.WriteString(a.StemText(word))
	switch a.Fix {
	case TaMarbuta:
		b.WriteString("[ة]")
	case AlefMaqsura:
		b.WriteString("[ى]")
	}
	if a.Enc.Kind != 0 && 0 <= a.Enc.Start && a.Enc.Start <= a.Enc.End && a.Enc.End <= len(word) {
		b.WriteByte('+')
		b.WriteString(word[a.Enc.Start:a.Enc.End])
	}
	return b.String()
}

func (a Analysis) npre() int {
	if a.NPre < 0 {
		return 0
	}
	return min(a.NPre, len(a.Pre))
}

func letterString(r rune) string {
	switch r {
	case 'و':
		return "و"
	case 'ف':
		return "ف"
	case 'ب':
		return "ب"
	case 'ل':
		return "ل"
	case 'ك':
		return "ك"
	}
	return ""
}

// enclitics are the enclitic pronouns; encliticAt returns indexes into it.
var enclitics = [...]string{"هما", "هم", "هن", "ها", "ه", "كما", "كم", "كن", "ك", "نا", "ي"}

// encYa is the index of the first-person enclitic ي in enclitics.
const encYa = 10

// encliticAt returns the index in enclitics and the letter length of the
// enclitic pronoun that ends r, or -1, 0. Enclitics that end a word are
// mutually exclusive, so there is at most one.
func encliticAt(r []rune) (int, int) {
	n := len(r)
	at := func(k int) rune { // the letter k places before the last
		if n-1-k < 0 {
			return 0
		}
		return r[n-1-k]
	}
	switch at(0) {
	case 'ه':
		return 4, 1
	case 'ك':
		return 8, 1
	case 'ي':
		return encYa, 1
	case 'ا':
		switch at(1) {
		case 'ه':
			return 3, 2
		case 'ن':
			return 9, 2
		case 'م':
			switch at(2) {
			case 'ه':
				return 0, 3
			case 'ك':
				return 5, 3
			}
		}
	case 'م':
		switch at(1) {
		case 'ه':
			return 1, 2
		case 'ك':
			return 6, 2
		}
	case 'ن':
		switch at(1) {
		case 'ه':
			return 2, 2
		case 'ك':
			return 7, 2
		}
	}
	return -1, 0
}

// maxLetters bounds the words AppendAnalyses segments; longer ones get
// only the unsegmented reading.
const maxLetters = 48

// letterView is a word seen as its base letters, without harakat, tatweel
// or invisible marks, each with its byte offset in the word.
type letterView struct {
	n   int
	r   [maxLetters]rune
	off [maxLetters + 1]int32
}

// load fills v from word and reports whether the word is all Arabic letters
// (with marks) and short enough to segment.
func (v *letterView) load(word string) bool {
	v.n = 0
	if len(word) > 1<<20 {
		return false
	}
	for i := 0; i < len(word); {
		c := word[i]
		var r rune
		size := 2
		if c >= 0xD8 && c <= 0xDB && i+1 < len(word) && word[i+1]&0xC0 == 0x80 {
			r = rune(c&0x1F)<<6 | rune(word[i+1]&0x3F)
		} else {
			r, size = utf8.DecodeRuneInString(word[i:])
			if r < 0x800 || (r == utf8.RuneError && size == 1) {
				return false
			}
		}
		var cls class
		if r < 0x800 {
			cls = class2[r]
		} else {
			cls = bigClass(r)
			if cls == cArabic {
				return false // presentation forms: only the whole-word reading
			}
		}
		switch cls {
		case cArabic:
			if v.n == maxLetters {
				return false
			}
			if v.n == 0 {
				v.off[0] = 0
			} else {
				v.off[v.n] = int32(i)
			}
			v.r[v.n] = r
			v.n++
		case cMark, cIgnorable:
		default:
			return false
		}
		i += size
	}
	v.off[v.n] = int32(len(word))
	return v.n > 0
}

// lpart is a proclitic in letter indexes.
type lpart struct {
	start, end uint8
	kind       PartKind
}

// procReading is one way to read the proclitics after an optional
// conjunction.
type procReading struct {
	parts    [2]lpart
	nparts   uint8
	stem     uint8 // letter index where the stem starts
	minStem  uint8
	noEnclit bool // the reading has the article
	prep     rune
}

// AppendAnalyses appends every plausible analysis of word (one token's
// text) to dst and returns it. The FIRST analysis is always the
// unsegmented word (Stem = whole word). The others follow in order of
// increasing number of clitics, longer stems first among equals.
//
// Proclitics, in order: conjunction و ف; then either a preposition ب ل ك,
// optionally followed by the article ال (or the contraction لل = ل + ال),
// or the article alone, or the future marker س before an imperfect prefix
// ي ت ن أ. Enclitic pronouns: ه ها هما هم هن ك كم كما كن نا ي, never after
// the article. A stem keeps at least 2 letters, and at least 3 after a bare
// preposition or the future marker (so كان, بعد and لدى are not split into
// ك+ان, ب+عد, ل+دى). A stem beginning with ال takes no enclitic ي
// (الصيني is not الصين+ي, but التقاه is التقى+ه). A stem ending in ت or ا before an enclitic gets a
// second analysis with Fix set (TaMarbuta, AlefMaqsura).
//
// Words that are not all Arabic letters, or are longer than 48 letters,
// get only the unsegmented reading. AppendAnalyses allocates nothing
// beyond growing dst.
func AppendAnalyses(dst []Analysis, word string) []Analysis {
	first := len(dst)
	dst = append(dst, Analysis{Stem: Part{0, len(word), Stem}})
	var v letterView
	if len(word) < 6 || !v.load(word) || v.n < 3 {
		return dst
	}
	r := &v.r
	n := v.n
	ei, elen := encliticAt(r[:n])
	for c := 0; c <= 1; c++ {
		var conj rune
		p := 0
		if c == 1 {
			if r[0] != 'و' && r[0] != 'ف' {
				break
			}
			conj, p = r[0], 1
		}
		var rs [5]procReading
		k := 0
		add := func(pr procReading) {
			rs[k] = pr
			k++
		}
		u := uint8(p)
		add(procReading{stem: u, minStem: 2})
		if p+1 < n && r[p] == 'ا' && r[p+1] == 'ل' {
			add(procReading{parts: [2]lpart{{u, u + 2, Article}}, nparts: 1, stem: u + 2, minStem: 2, noEnclit: true})
		}
		if p+1 < n {
			switch r[p] {
			case 'ب', 'ك':
				add(procReading{parts: [2]lpart{{u, u + 1, Prep}}, nparts: 1, stem: u + 1, prep: r[p], minStem: 3})
				if p+2 < n && r[p+1] == 'ا' && r[p+2] == 'ل' {
					add(procReading{parts: [2]lpart{{u, u + 1, Prep}, {u + 1, u + 3, Article}}, nparts: 2, stem: u + 3, prep: r[p], minStem: 2, noEnclit: true})
				}
			case 'ل':
				if r[p+1] == 'ل' {
					add(procReading{parts: [2]lpart{{u, u + 1, Prep}, {u + 1, u + 2, Article}}, nparts: 2, stem: u + 2, prep: 'ل', minStem: 2, noEnclit: true})
					// لل before a stem that itself begins with ل: للجنة = ل + ال + لجنة.
					add(procReading{parts: [2]lpart{{u, u + 1, Prep}, {u + 1, u + 1, Article}}, nparts: 2, stem: u + 1, prep: 'ل', minStem: 3, noEnclit: true})
				} else {
					add(procReading{parts: [2]lpart{{u, u + 1, Prep}}, nparts: 1, stem: u + 1, prep: 'ل', minStem: 3})
				}
			case 'س':
				switch r[p+1] {
				case 'ي', 'ت', 'ن', 'أ':
					add(procReading{parts: [2]lpart{{u, u + 1, Future}}, nparts: 1, stem: u + 1, minStem: 3})
				}
			}
		}
		for _, pr := range rs[:k] {
			stem := int(pr.stem)
			// The bare reading without a conjunction is already first.
			if (c == 1 || pr.nparts > 0) && n-stem >= int(pr.minStem) {
				dst = append(dst, makeAnalysis(&v, word, conj, pr, n, -1))
			}
			if pr.noEnclit || ei < 0 || n-stem-elen < int(pr.minStem) {
				continue
			}
			if ei == encYa && r[stem] == 'ا' && r[stem+1] == 'ل' {
				continue // a noun with ال takes no possessive: الصيني is not الصين+ي
			}
			a := makeAnalysis(&v, word, conj, pr, n-elen, ei)
			dst = append(dst, a)
			switch r[n-elen-1] {
			case 'ت':
				a.Fix = TaMarbuta
				dst = append(dst, a)
			case 'ا':
				a.Fix = AlefMaqsura
				dst = append(dst, a)
			}
		}
	}
	sortAnalyses(dst[first+1:])
	return dst
}

// makeAnalysis builds an analysis from letter indexes: an optional
// conjunction (when conj != 0), the proclitic reading pr, a stem ending at
// letter n and the enclitic ei (or -1).
func makeAnalysis(v *letterView, word string, conj rune, pr procReading, n, ei int) Analysis {
	var a Analysis
	if conj != 0 {
		a.Pre[0] = Part{0, int(v.off[1]), Conj}
		a.NPre = 1
		a.conj = conj
	}
	for _, p := range pr.parts[:pr.nparts] {
		a.Pre[a.NPre] = Part{int(v.off[p.start]), int(v.off[p.end]), p.kind}
		a.NPre++
	}
	a.prep = pr.prep
	a.Stem = Part{int(v.off[pr.stem]), int(v.off[n]), Stem}
	if ei >= 0 {
		a.Enc = Part{int(v.off[n]), len(word), Pronoun}
		a.pron = uint8(ei + 1)
	} else {
		a.Enc = Part{len(word), len(word), 0}
	}
	return a
}

// sortAnalyses orders analyses by number of clitics, then by longer stem;
// the sort is stable and allocation-free (the lists are short).
func sortAnalyses(as []Analysis) {
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && analysisLess(&as[j], &as[j-1]); j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

func analysisLess(a, b *Analysis) bool {
	ca, cb := clitics(a), clitics(b)
	if ca != cb {
		return ca < cb
	}
	// The absorbed-article reading of لل (ل+ال+لجنة) is the rarer one.
	if za, zb := absorbedArticle(a), absorbedArticle(b); za != zb {
		return zb
	}
	return a.Stem.End-a.Stem.Start > b.Stem.End-b.Stem.Start
}

// absorbedArticle reports whether the article is the empty part read out
// of لل before a stem that begins with ل.
func absorbedArticle(a *Analysis) bool {
	for _, p := range a.Pre[:a.npre()] {
		if p.Kind == Article && p.Start == p.End {
			return true
		}
	}
	return false
}

func clitics(a *Analysis) int {
	n := a.npre()
	if a.Enc.Kind != 0 {
		n++
	}
	return n
}
