package arabic

import (
	"unicode"
	"unicode/utf8"
)

// class is the tokenizer's view of one rune.
type class uint8

const (
	cSpace     class = iota // separates tokens: spaces, controls, NBSP, line breaks
	cIgnorable              // invisible format marks: kept inside a token, never start or end one
	cMark                   // harakat, tatweel and other combining marks: extend a word
	cArabic                 // Arabic-script letter
	cLetter                 // letter of another non-Latin script
	cLatin                  // Latin-script letter
	cDigit                  // decimal digit of any script
	cNumSep                 // ٫ ٬: Arabic decimal and thousands separators
	cPunct                  // punctuation
	cSymbol                 // anything else
	cInvalid                // a byte that is not valid UTF-8
)

// class2 holds the class of every rune below U+0800, which covers ASCII,
// Latin-1, Latin Extended, Greek, Cyrillic, Hebrew and the Arabic blocks.
var class2 [0x800]class

func init() {
	for r := rune(0); r < 0x800; r++ {
		class2[r] = computeClass(r)
	}
}

// isIgnorable reports whether r is one of the invisible format marks of
// the ignorables list.
func isIgnorable(r rune) bool {
	for _, x := range ignorables {
		if x == r {
			return true
		}
	}
	return false
}

// computeClass is the slow, table-building classification of r.
func computeClass(r rune) class {
	switch {
	case r < 0x20, r == 0x7F, r >= 0x80 && r < 0xA0:
		return cSpace // controls, including the Sanitize placeholder
	case r == 0x0640:
		return cMark // tatweel stays inside words
	case r == 0x066B, r == 0x066C:
		return cNumSep
	case r >= 0x0600 && r <= 0x0605, r == 0x06DD, r == 0x08E2:
		return cIgnorable // Arabic number signs (prefixed format characters)
	case isIgnorable(r):
		return cIgnorable
	case unicode.IsSpace(r):
		return cSpace
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsMark(r):
		return cMark
	case unicode.IsLetter(r):
		switch {
		case unicode.Is(unicode.Arabic, r):
			return cArabic
		case unicode.Is(unicode.Latin, r):
			return cLatin
		}
		return cLetter
	case unicode.IsPunct(r):
		return cPunct
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		return cIgnorable
	}
	return cSymbol
}

// bigClass classifies a rune of three or four UTF-8 bytes.
func bigClass(r rune) class {
	switch {
	case r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFC:
		// Arabic presentation forms: letters and ligatures, plus a few
		// marks and ornate parentheses handled by the general rules.
		if unicode.IsLetter(r) {
			return cArabic
		}
	case r == utf8.RuneError:
		return cSymbol
	}
	return computeClass(r)
}

// classAt returns the class and UTF-8 length of the rune at s[i]; i < len(s).
// It is small enough to be inlined; runes of three or four bytes and
// invalid bytes take the slow path.
func classAt(s string, i int) (class, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return class2[c], 1
	}
	if i+1 < len(s) && c >= 0xC2 && c < 0xE0 && s[i+1]&0xC0 == 0x80 {
		return class2[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)], 2
	}
	return slowClassAt(s, i)
}

func slowClassAt(s string, i int) (class, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return cInvalid, 1
	}
	return bigClass(r), size
}
