package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Options selects the optional folds of a Normalizer.
type Options struct {
	// FoldHamzaSeats folds the hamza seats ؤ and ئ to the bare hamza ء, so
	// that مسؤول, مسئول and مسءول share a key, and so that لقائه (لقاء +
	// pronoun, the hamza moved onto a seat) keys its stem like لقاء.
	// The package-level Key and AppendKey fold them.
	FoldHamzaSeats bool
}

// DefaultOptions are the options of the package-level Key and AppendKey.
func DefaultOptions() Options { return Options{FoldHamzaSeats: true} }

// A Normalizer computes match keys. Its methods are safe for concurrent use.
type Normalizer struct {
	opts Options
	// small maps every rune below U+0800 (all one- and two-byte UTF-8) to
	// an action: keepRune, dropRune or an index into repl.
	small [0x800]uint16
	repl  []string
}

const (
	keepRune uint16 = 0
	dropRune uint16 = 1
)

// NewNormalizer returns a Normalizer with the given options. Building one
// costs a few microseconds; keep it.
func NewNormalizer(o Options) *Normalizer {
	n := &Normalizer{opts: o, repl: []string{"", ""}}
	index := map[string]uint16{}
	for r := rune(0); r < 0x800; r++ {
		out, changed := baseMap(r, o)
		if !changed {
			continue
		}
		if out == "" {
			n.small[r] = dropRune
			continue
		}
		i, ok := index[out]
		if !ok {
			i = uint16(len(n.repl))
			n.repl = append(n.repl, out)
			index[out] = i
		}
		n.small[r] = i
	}
	return n
}

var defaultNormalizer = NewNormalizer(DefaultOptions())

// Key returns the match key of s: the normalised form used for dictionary
// matching (see the package documentation for the rules). It never changes
// s; it returns s itself, without allocating, when s is already a key, and
// allocates once otherwise. Key uses DefaultOptions, which fold ؤ and ئ to ء.
func Key(s string) string { return defaultNormalizer.Key(s) }

// AppendKey appends the key of s to dst and returns the extended slice. It
// does not allocate when dst has room, which makes it the path for hot loops.
func AppendKey(dst []byte, s string) []byte { return defaultNormalizer.AppendKey(dst, s) }

// Options reports the options n was built with.
func (n *Normalizer) Options() Options { return n.opts }

// Key returns the match key of s under n's options; see the package-level Key.
func (n *Normalizer) Key(s string) string {
	i := n.unchangedPrefix(s)
	if i == len(s) {
		return s
	}
	buf := make([]byte, i, len(s)+8)
	copy(buf, s[:i])
	buf = n.appendFrom(buf, s, i)
	if len(buf) == 0 {
		return ""
	}
	// buf is never touched again, so handing its bytes to a string is safe
	// and saves the second allocation and copy that string(buf) would make.
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// AppendKey appends the key of s under n's options to dst.
func (n *Normalizer) AppendKey(dst []byte, s string) []byte {
	return n.appendFrom(dst, s, 0)
}

// unchangedPrefix returns the length of the longest prefix of s that is its
// own key and ends on a rune boundary.
func (n *Normalizer) unchangedPrefix(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return i
			}
			i++
			continue
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) {
			c1 := s[i+1]
			if c1&0xC0 == 0x80 {
				if n.small[rune(c&0x1F)<<6|rune(c1&0x3F)] != keepRune {
					return i
				}
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size > 1 && bigChanges(r) {
			return i
		}
		i += size // invalid bytes are kept as they are
	}
	return i
}

// appendFrom appends the key of s[i:] to dst. Unchanged runs of s are
// copied in bulk.
func (n *Normalizer) appendFrom(dst []byte, s string, i int) []byte {
	run := i // start of the pending unchanged run
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				dst = append(dst, s[run:i]...)
				dst = append(dst, c+('a'-'A'))
				run = i + 1
			}
			i++
			continue
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) {
			c1 := s[i+1]
			if c1&0xC0 == 0x80 {
				a := n.small[rune(c&0x1F)<<6|rune(c1&0x3F)]
				if a != keepRune {
					dst = append(dst, s[run:i]...)
					if a != dropRune {
						dst = append(dst, n.repl[a]...)
					}
					run = i + 2
				}
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size > 1 && bigChanges(r) {
			dst = append(dst, s[run:i]...)
			dst = n.appendBig(dst, r)
			run = i + size
		}
		i += size // invalid bytes are kept as they are
	}
	return append(dst, s[run:]...)
}

// bigChanges reports whether a rune of three or four UTF-8 bytes is changed
// by the key rules.
func bigChanges(r rune) bool {
	switch {
	case r >= 0xFB50, r >= 0x2000 && r <= 0x206F:
		if bigMap[r] != nil {
			return true
		}
	case r == 0x3000:
		return true
	}
	return unicode.IsUpper(r)
}

func (n *Normalizer) appendBig(dst []byte, r rune) []byte {
	if m := bigMap[r]; m != nil {
		// Forms that decompose to hamza seats follow the options.
		for _, rr := range *m {
			if rr < 0x800 {
				switch a := n.small[rr]; a {
				case keepRune:
					dst = utf8.AppendRune(dst, rr)
				case dropRune:
				default:
					dst = append(dst, n.repl[a]...)
				}
			} else {
				dst = utf8.AppendRune(dst, rr)
			}
		}
		return dst
	}
	if r == 0x3000 {
		return append(dst, ' ')
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// bigMap holds, for the runes of three or more bytes that keys change, the
// runes they become (before the small-rune rules are applied to them): an
// empty slice for marks that are removed. Built once at init.
var bigMap = map[rune]*[]rune{}

func init() {
	set := func(r rune, out []rune) { bigMap[r] = &out }
	for _, r := range ignorables {
		set(r, nil)
	}
	// Unicode spaces fold to an ASCII space.
	for r := rune(0x2000); r <= 0x200A; r++ {
		set(r, []rune{' '})
	}
	set(0x2028, []rune{' '})
	set(0x2029, []rune{' '})
	set(0x202F, []rune{' '})
	set(0x205F, []rune{' '})
	// Arabic presentation forms: NFKC gives the base letters (lam-alef
	// ligatures become lam + alef). Isolated forms of harakat decompose to
	// a space plus the mark; the space is dropped with the mark.
	// Fullwidth ASCII (U+FF01–U+FF5E) likewise becomes ASCII.
	for _, rg := range [][2]rune{{0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}, {0xFF01, 0xFF5E}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if r == 0xFEFF {
				continue // byte-order mark: an ignorable, set above
			}
			d := norm.NFKC.String(string(r))
			if d == string(r) {
				continue
			}
			rs := []rune(strings.TrimLeft(d, " "))
			set(r, rs)
		}
	}
}

// ignorables are the invisible format characters removed from keys and
// kept inside tokens: zero-width spaces and joiners, bidi marks, embeddings,
// overrides and isolates, the byte-order mark, the Arabic letter mark, the
// word joiner and invisible operators, and the soft hyphen.
var ignorables = []rune{
	0x00AD, 0x061C,
	0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
	0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
	0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
	0x2066, 0x2067, 0x2068, 0x2069,
	0xFEFF,
}

// baseMap is the key rule for one rune below U+0800. It returns the text
// the rune becomes and whether that differs from the rune.
func baseMap(r rune, o Options) (string, bool) {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return string(r + 'a' - 'A'), true
		}
		return "", false
	case isHaraka(r), r == 0x0670, // harakat, tanween, shadda, sukun, superscript alef
		r >= 0x0610 && r <= 0x061A, // Quranic honorifics and small letters
		r >= 0x06D6 && r <= 0x06ED, // Quranic annotation marks
		r == 0x0640,                // tatweel
		r == 0x00AD, r == 0x061C:   // soft hyphen, Arabic letter mark
		return "", true
	case r >= 0x0660 && r <= 0x0669: // Arabic-Indic digits
		return string('0' + r - 0x0660), true
	case r >= 0x06F0 && r <= 0x06F9: // extended (Persian/Urdu) digits
		return string('0' + r - 0x06F0), true
	case r == 0x00A0, r == 0x0085:
		return " ", true
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return "ا", true
	case 'ى', 'ی', 'ے', 'ې':
		return "ي", true
	case 'ة', 'ە', 'ھ', 'ۃ', 'ۀ':
		return "ه", true
	case 'ک', 'گ', 'ڪ':
		return "ك", true
	case 'ڤ', 'ڥ':
		return "ف", true
	case 'ٸ':
		if o.FoldHamzaSeats {
			return "ء", true
		}
		return "ئ", true
	case 'ؤ', 'ئ':
		if o.FoldHamzaSeats {
			return "ء", true
		}
		return "", false
	case '٫': // Arabic decimal separator
		return ".", true
	case '٬': // Arabic thousands separator
		return ",", true
	case '٪':
		return "%", true
	}
	if unicode.IsUpper(r) {
		if l := unicode.ToLower(r); l != r {
			return string(l), true
		}
	}
	return "", false
}

// isHaraka reports whether r is one of the harakat, tanween, shadda or sukun
// (U+064B–U+0652).
func isHaraka(r rune) bool { return r >= 0x064B && r <= 0x0652 }
