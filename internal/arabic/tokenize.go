package arabic

import (
	"strconv"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/model"
)

// Kind is the kind of a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota + 1 // Arabic (or other-script letter) word
	Number                 // 12, 1.5, 10%, ١٢٣, and each part of 2022-07-29
	Latin                  // Latin-script word, possibly with digits (G20)
	Punct                  // . ، ؛ ؟ ! « » ( ) " - .. : and the like
	Symbol                 // anything else, including invalid UTF-8 bytes
)

var kindNames = [...]string{"", "word", "number", "latin", "punct", "symbol"}

// String returns the lower-case name of k ("word", "number", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Token is a token's byte span [Start,End) in the ORIGINAL text.
type Token struct {
	Start, End int
	Kind       Kind
}

// Text returns the token's text in text, the string it was cut from.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// Tokenize appends the tokens of text to dst and returns it. Tokens never
// overlap, come in order, are never empty, and never start or end with
// white space or an invisible format mark. Spaces of every kind (NBSP
// included), control characters and line breaks separate tokens and belong
// to none. Tokenize does not allocate beyond growing dst.
//
// A word is a run of letters of one script family (Arabic or other
// non-Latin letters, or Latin letters) with the harakat, tatweel and
// invisible marks inside it. A number is a run of digits of any script,
// joined across a decimal or thousands separator that has digits on both
// sides (1.5, 1,000, ١٫٥), with a directly following % or ٪. A run of dots
// (the ".." of agency copy) or of one of ! ? ؟ is one token; every other
// punctuation mark is a token of its own, so الروسية-الصينية is word, "-",
// word.
func Tokenize(dst []Token, text string) []Token {
	i, n := 0, len(text)
	for i < n {
		cls, size := classAt(text, i)
		start := i
		switch cls {
		case cSpace, cIgnorable:
			i += size
			continue
		case cArabic, cLetter, cMark:
			end, letters := scanWord(text, i)
			kind := Word
			if !letters {
				kind = Symbol
			}
			dst = append(dst, Token{start, end, kind})
			i = end
		case cLatin:
			end := scanLatin(text, i+size)
			dst = append(dst, Token{start, end, Latin})
			i = end
		case cDigit:
			end := scanNumber(text, i+size)
			dst = append(dst, Token{start, end, Number})
			i = end
		case cPunct, cNumSep:
			end := i + size
			if c := text[i]; c == '.' || c == '!' || c == '?' {
				for end < n && text[end] == c {
					end++
				}
			} else if size == 2 && text[i] == 0xD8 && text[i+1] == 0x9F { // ؟
				for end+1 < n && text[end] == 0xD8 && text[end+1] == 0x9F {
					end += 2
				}
			}
			dst = append(dst, Token{start, end, Punct})
			i = end
		default: // cSymbol, cInvalid
			i += size
			dst = append(dst, Token{start, i, Symbol})
		}
	}
	return dst
}

// TokenizeSpan appends the tokens of text[sp.Start:sp.End] (a sentence, say)
// to dst with offsets into text itself. An invalid span adds nothing.
func TokenizeSpan(dst []Token, text string, sp model.Span) []Token {
	if !sp.Valid(len(text)) {
		return dst
	}
	n := len(dst)
	dst = Tokenize(dst, text[sp.Start:sp.End])
	for i := n; i < len(dst); i++ {
		dst[i].Start += sp.Start
		dst[i].End += sp.Start
	}
	return dst
}

// scanWord scans a non-Latin word starting at i and returns its end and
// whether it holds a letter. Invisible marks are taken in only when the
// word goes on after them.
func scanWord(s string, i int) (end int, letters bool) {
	end = i
	for i < len(s) {
		// Two-byte runes (all of the Arabic block) are classified inline.
		var cls class
		size := 2
		if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			cls = class2[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)]
		} else {
			cls, size = classAt(s, i)
		}
		switch cls {
		case cArabic, cLetter:
			letters = true
		case cMark:
		case cIgnorable:
			i += size
			continue
		default:
			return end, letters
		}
		i += size
		end = i
	}
	return end, letters
}

// scanLatin scans the rest of a Latin word from i: Latin letters, marks
// and digits.
func scanLatin(s string, i int) int {
	end := i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				i++
				end = i
				continue
			}
			return end
		}
		cls, size := classAt(s, i)
		switch cls {
		case cLatin, cMark, cDigit:
			i += size
			end = i
		case cIgnorable:
			i += size
		default:
			return end
		}
	}
	return end
}

// scanNumber scans the rest of a number from i.
func scanNumber(s string, i int) int {
	for i < len(s) {
		cls, size := classAt(s, i)
		switch {
		case cls == cDigit:
			i += size
			continue
		case cls == cNumSep || s[i] == '.' || s[i] == ',':
			if j := i + size; j < len(s) {
				if c2, _ := classAt(s, j); c2 == cDigit {
					i = j
					continue
				}
			}
		case s[i] == '%':
			return i + 1
		case size == 2 && s[i] == 0xD9 && s[i+1] == 0xAA: // ٪
			return i + 2
		}
		return i
	}
	return i
}
