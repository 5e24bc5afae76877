package arabic

import (
	"strings"
	"unicode/utf8"
)

// Placeholder is the byte Sanitize puts in place of each invalid UTF-8 byte
// and each NUL: U+001A SUBSTITUTE, the ASCII control meant for exactly
// this. It is one byte, so no offset moves, and the tokenizer and the
// sentence splitter treat it as white space.
const Placeholder = 0x1A

// Sanitize returns text with every invalid UTF-8 byte and every NUL byte
// replaced by Placeholder, and the byte offsets of the replaced bytes in
// increasing order. Spans computed on clean are valid on text. When text
// needs no change it is returned as is, with nil, without allocating.
func Sanitize(text string) (clean string, bad []int) {
	if utf8.ValidString(text) && strings.IndexByte(text, 0) < 0 {
		return text, nil
	}
	b := []byte(text)
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				b[i] = Placeholder
				bad = append(bad, i)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			b[i] = Placeholder
			bad = append(bad, i)
		}
		i += n
	}
	return string(b), bad
}
