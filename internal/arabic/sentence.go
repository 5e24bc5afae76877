package arabic

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/model"
)

// MaxSentence is the longest sentence, in bytes, the splitters return. A
// longer run of text without a sentence end is cut at a token boundary
// (the last space, else the last change of character class, else a rune
// boundary) so that memory stays bounded on pathological input.
const MaxSentence = 64 << 10

// SplitSentences returns the byte spans of the sentences of text, in order,
// trimmed of white space and invisible marks; blank lines give none.
//
// A sentence ends at a line break (always), and after . ! ? ؟ or ۔ (with any
// closing quotes or brackets right after them), except
//   - inside a «…», “…” or "…" quotation closed on the same line (an
//     unclosed quotation mark is ignored, so it cannot swallow the text);
//   - at a run of two or more dots, the ".." joiner of agency copy
//     («من جانبه.. قال») and the ellipsis;
//   - at a dot inside a number (1.5) or between Latin letters or digits
//     (a domain name, U.S.A);
//   - after an abbreviation: a lone Arabic letter such as د. م. ص. أ. ش.
//     (but 2015م. and 1436هـ. after a number end a sentence), a lone Latin
//     letter, or a Latin title such as Dr. Mr. Prof.;
//   - at a dot glued to a following Arabic letter after a word of at most
//     three letters (dotted initials: جيه.بي.اكس), at "1." opening a
//     numbered line, and at an ASCII ? glued between two letters, which
//     stands for a character lost in conversion (العر?ي).
//
// A dot glued to the next word after a longer word does end a sentence
// (امس.وبموازاة), as news copy often drops that space.
//
// A run of more than MaxSentence bytes without a sentence end is cut (see
// MaxSentence). SplitSentences gives the same spans as a SentenceScanner
// over the same bytes.
func SplitSentences(text string) []model.Span {
	var out []model.Span
	var sp splitter
	emit := func(start, end int) { out = append(out, model.Span{Start: start, End: end}) }
	for pos := 0; pos <= len(text); {
		end := len(text)
		if i := strings.IndexByte(text[pos:], '\n'); i >= 0 {
			end = pos + i
		}
		line := text[pos:end]
		p := 0
		for len(line)-p > MaxSentence {
			p += sp.window(line[p:], pos+p, emit)
		}
		sp.piece(line[p:], pos+p, true, emit)
		pos = end + 1
	}
	return out
}

// splitter holds scratch space reused across pieces.
type splitter struct {
	quotes []quoteMark
	stack  []int
}

// quoteMark is one quotation mark in a piece: its byte offset and +1 if it
// opens a quotation closed later on the line, -1 if it closes one, else 0.
type quoteMark struct {
	pos   int
	delta int8
}

// window splits a prefix of a line longer than MaxSentence: it reads the
// first MaxSentence bytes (rune-aligned), emits the sentences that end in
// them, or failing any, a piece cut at a token boundary, and returns how
// many bytes it consumed (always > 0).
func (sp *splitter) window(rest string, base int, emit func(int, int)) int {
	w := rest[:runeStart(rest, MaxSentence)]
	if c := sp.piece(w, base, false, emit); c > 0 {
		return c
	}
	c := cutPoint(w)
	if s, e := trimSpan(w, 0, c); s < e {
		emit(base+s, base+e)
	}
	return c
}

// runeStart returns the largest rune boundary of s that is ≤ i (i < len(s)),
// or i itself when s is not valid UTF-8 there.
func runeStart(s string, i int) int {
	for j := i; j > i-utf8.UTFMax && j > 0; j-- {
		if utf8.RuneStart(s[j]) {
			return j
		}
	}
	return i
}

// cutPoint returns where to force a cut of w: after its last space, else at
// its last change of character class, else at its end. It is always > 0.
func cutPoint(w string) int {
	lastSpace, lastChange := -1, -1
	prev := cInvalid
	for i := 0; i < len(w); {
		cls, size := classAt(w, i)
		if cls == cSpace {
			lastSpace = i + size
		} else if i > 0 && cls != prev {
			lastChange = i
		}
		prev = cls
		i += size
	}
	switch {
	case lastSpace > 0 && lastSpace < len(w):
		return lastSpace
	case lastChange > 0:
		return lastChange
	case lastSpace > 0:
		return lastSpace
	}
	return len(w)
}

// piece splits one line, or one window of a long line, emitting the spans
// of its sentences offset by base. If final, the text after the last
// sentence end is a sentence too and piece returns len(s); otherwise that
// tail is left and piece returns where it begins (0 if nothing was emitted).
func (sp *splitter) piece(s string, base int, final bool, emit func(int, int)) int {
	sp.pairQuotes(s)
	start, depth, q := 0, 0, 0
	consumed := 0
	flush := func(end, next int) {
		if a, b := trimSpan(s, start, end); a < b {
			emit(base+a, base+b)
		}
		start = next
		consumed = next
	}
	for i := 0; i < len(s); {
		c := s[i]
		// Quotation marks change the depth only when paired.
		for q < len(sp.quotes) && sp.quotes[q].pos <= i {
			depth += int(sp.quotes[q].delta)
			q++
		}
		switch {
		case c == '\r' || c == '\v' || c == '\f':
			flush(i, i+1)
			i++
			continue
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0x85, // NEL
			c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9): // LS, PS
			n := 2
			if c == 0xE2 {
				n = 3
			}
			flush(i, i+n)
			i += n
			continue
		}
		size := isTerminator(s, i)
		if size == 0 {
			if c < utf8.RuneSelf {
				i++
			} else {
				_, n := utf8.DecodeRuneInString(s[i:])
				i += n
			}
			continue
		}
		// A run of terminators: . ! ? ؟ ۔ in any mix.
		j, dots, other := i, 0, 0
		for j < len(s) {
			n := isTerminator(s, j)
			if n == 0 {
				break
			}
			if s[j] == '.' {
				dots++
			} else {
				other++
			}
			j += n
		}
		if depth > 0 || !endsSentence(s, start, i, j, dots, other) {
			for q < len(sp.quotes) && sp.quotes[q].pos < j {
				depth += int(sp.quotes[q].delta)
				q++
			}
			i = j
			continue
		}
		// Take closing quotes and brackets that follow directly.
		for j < len(s) {
			n := closerAt(s, j)
			if n == 0 {
				break
			}
			if q < len(sp.quotes) && sp.quotes[q].pos == j {
				if sp.quotes[q].delta > 0 {
					break // it opens a quotation: it starts the next sentence
				}
				depth += int(sp.quotes[q].delta)
				q++
			}
			j += n
		}
		flush(j, j)
		i = j
	}
	if final {
		flush(len(s), len(s))
		return len(s)
	}
	return consumed
}

// endsSentence decides whether the run of terminators s[i:j], in a
// sentence that began at start, ends that sentence.
func endsSentence(s string, start, i, j, dots, other int) bool {
	if other > 0 {
		// An ASCII ? glued between two letters stands for a character lost
		// in a bad conversion (العر?ي), not for a question mark.
		if j-i == 1 && s[i] == '?' && i > 0 && j < len(s) {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[j:])
			if isLetterClass(runeClass(prev)) && isLetterClass(runeClass(next)) {
				return false
			}
		}
		return true
	}
	if dots > 1 {
		return false // ".." joins; "..." trails off
	}
	if isListNumber(s[start:i]) {
		return false // "1." opening a numbered line
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	pc, nc := runeClass(prev), runeClass(next)
	if j < len(s) {
		switch nc {
		case cDigit, cLatin:
			return false // 1.5, www.spa.gov.sa, U.S
		case cArabic, cLetter:
			if pc == cLatin || pc == cDigit && nc != cArabic {
				return false
			}
			if pc == cArabic && wordLetters(s[:i]) <= 3 {
				return false // dotted initials written out: جيه.بي.اكس
			}
		}
	}
	return !isAbbreviation(s[:i])
}

// isListNumber reports whether s, the sentence so far, is only a short
// number (with space or an opening bracket), as in a numbered line "1. ...".
func isListNumber(s string) bool {
	digits := 0
	for i := 0; i < len(s); {
		cls, n := classAt(s, i)
		switch {
		case cls == cDigit:
			digits++
		case cls == cSpace || cls == cIgnorable || s[i] == '(' || s[i] == '-':
		default:
			return false
		}
		i += n
	}
	return digits > 0 && digits <= 3
}

// wordLetters counts the letters of the word that ends s, ignoring marks,
// up to 9.
func wordLetters(s string) int {
	letters := 0
	for i := len(s); i > 0 && letters < 9; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		switch runeClass(r) {
		case cArabic, cLatin, cLetter:
			letters++
		case cMark, cIgnorable:
		default:
			return letters
		}
		i -= n
	}
	return letters
}

func isLetterClass(c class) bool { return c == cArabic || c == cLatin || c == cLetter }

// runeClass classifies one decoded rune (utf8.RuneError for none).
func runeClass(r rune) class {
	switch {
	case r == utf8.RuneError:
		return cInvalid
	case r < 0x800:
		return class2[r]
	}
	return bigClass(r)
}

// latinAbbrevs are Latin abbreviations that a dot does not end.
var latinAbbrevs = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true,
	"jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"vs": true, "no": true, "gen": true, "col": true, "lt": true, "sgt": true,
	"capt": true, "gov": true, "sen": true, "rep": true, "mt": true, "ft": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"eg": true, "ie": true, "approx": true, "dept": true, "est": true,
}

// isAbbreviation reports whether the text before a dot ends with an
// abbreviation.
func isAbbreviation(before string) bool {
	// Collect the word that ends at the dot, skipping tatweel and marks.
	end := len(before)
	letters, i := 0, end
	latin := false
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:i])
		cls := runeClass(r)
		if cls == cMark || cls == cIgnorable {
			i -= n
			continue
		}
		if cls != cArabic && cls != cLatin && cls != cLetter {
			break
		}
		latin = cls == cLatin
		letters++
		i -= n
		if letters > 8 {
			return false
		}
	}
	if letters == 0 {
		return false
	}
	if latin {
		if letters == 1 {
			return true // an initial: J. or the U. of U.S.
		}
		return latinAbbrevs[strings.ToLower(strings.TrimRight(before[i:end], "\u200c\u200d"))]
	}
	if letters != 1 {
		return false
	}
	// A lone Arabic letter: an abbreviation (د. م. ص. أ. ش.), unless it is
	// the era mark after a year (2015م. 1436هـ.), which ends a sentence.
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:j])
		if r != ' ' && r != 0xA0 && r != '/' {
			break
		}
		j -= n
	}
	r, _ := utf8.DecodeLastRuneInString(before[:j])
	if runeClass(r) == cDigit {
		first, _ := utf8.DecodeRuneInString(before[i:])
		if first == 'م' || first == 'ه' {
			return false
		}
	}
	return true
}

// isTerminator returns the byte length of the sentence terminator at s[i]
// (. ! ? ؟ ۔), or 0.
func isTerminator(s string, i int) int {
	switch c := s[i]; c {
	case '.', '!', '?':
		return 1
	case 0xD8: // ؟ U+061F
		if i+1 < len(s) && s[i+1] == 0x9F {
			return 2
		}
	case 0xDB: // ۔ U+06D4
		if i+1 < len(s) && s[i+1] == 0x94 {
			return 2
		}
	}
	return 0
}

// closerAt returns the length of a closing quotation mark or bracket at
// s[i], or 0.
func closerAt(s string, i int) int {
	switch s[i] {
	case ')', ']', '}', '"', '\'':
		return 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '»', '”', '’', '›', '﴿': // ﴿ closes in right-to-left Quranic brackets
		return n
	}
	return 0
}

// pairQuotes finds the quotation marks of s and pairs them: «…», “…” and
// „…” with stacks, ASCII "…" by alternation. Marks left unpaired get delta
// 0, so an unbalanced quotation cannot swallow the rest of the line.
func (sp *splitter) pairQuotes(s string) {
	sp.quotes = sp.quotes[:0]
	guillemets, curly := sp.stack[:0], []int(nil)
	asciiOpen := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			if asciiOpen >= 0 {
				sp.quotes[asciiOpen].delta = 1
				sp.quotes = append(sp.quotes, quoteMark{i, -1})
				asciiOpen = -1
			} else {
				asciiOpen = len(sp.quotes)
				sp.quotes = append(sp.quotes, quoteMark{i, 0})
			}
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xAB: // «
			guillemets = append(guillemets, len(sp.quotes))
			sp.quotes = append(sp.quotes, quoteMark{i, 0})
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xBB: // »
			if k := len(guillemets); k > 0 {
				sp.quotes[guillemets[k-1]].delta = 1
				guillemets = guillemets[:k-1]
				sp.quotes = append(sp.quotes, quoteMark{i, -1})
			}
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9E): // “ „
			curly = append(curly, len(sp.quotes))
			sp.quotes = append(sp.quotes, quoteMark{i, 0})
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x9D: // ”
			if k := len(curly); k > 0 {
				sp.quotes[curly[k-1]].delta = 1
				curly = curly[:k-1]
				sp.quotes = append(sp.quotes, quoteMark{i, -1})
			}
		}
	}
	sp.stack = guillemets[:0]
}

// trimSpan narrows s[start:end] past white space and invisible marks at
// both ends.
func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		cls, n := classAt(s, start)
		if cls != cSpace && cls != cIgnorable {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if r == utf8.RuneError && n == 1 {
			break
		}
		if cls := runeClass(r); cls != cSpace && cls != cIgnorable {
			break
		}
		end -= n
	}
	return start, end
}
