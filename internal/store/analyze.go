package store

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
)

// ContentHash returns the hex SHA-256 of text normalised for duplicate
// detection: leading and trailing white space dropped and every run of
// white space (NBSP, line breaks and invisible format marks included) made
// one space. Two copies of a story that differ only in layout hash alike.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [4096]byte
	b := buf[:0]
	space := false
	started := false
	for _, r := range text {
		if unicode.IsSpace(r) || r == arabic.Placeholder || isFormat(r) {
			space = started
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		started = true
		b = utf8.AppendRune(b, r)
		if len(b) > len(buf)-8 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

func isFormat(r rune) bool {
	return r == 0xFEFF || (r >= 0x200B && r <= 0x200F) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// Analyzer computes the search tokens of a text: for every word the match
// key of the whole word and of the stem of each clitic reading, folded like
// dictionary forms (dict.Cands), so الخارجيّة is indexed as خارجيه and
// وبالتعاون also as تعاون. Queries go through the same analysis. An
// Analyzer caches per word form (news repeats its words) and is not safe
// for concurrent use.
type Analyzer struct {
	toks  []arabic.Token
	an    []arabic.Analysis
	cands []string
	cache map[string]wordInfo
}

type wordInfo struct {
	tokens string // space-separated index tokens
	key    string // key of the whole word, for fingerprints
}

// maxCache bounds the per-word cache; it is emptied when full.
const maxCache = 1 << 18

// NewAnalyzer returns an Analyzer.
func NewAnalyzer() *Analyzer { return &Analyzer{cache: make(map[string]wordInfo, 4096)} }

func (a *Analyzer) word(w string, kind arabic.Kind) wordInfo {
	if wi, ok := a.cache[w]; ok {
		return wi
	}
	var wi wordInfo
	switch kind {
	case arabic.Word:
		a.cands, a.an = dict.Cands(a.cands[:0], a.an, w)
		wi.key = a.cands[0]
		wi.tokens = strings.Join(a.cands, " ")
	default: // numbers and Latin words: their key (ASCII digits, lower case)
		wi.key = arabic.Key(w)
		wi.tokens = wi.key
	}
	if len(a.cache) >= maxCache {
		clear(a.cache)
	}
	w = strings.Clone(w) // the key must not pin the whole text
	a.cache[w] = wi
	return wi
}

// Analyze returns the index tokens of text, space-separated, and appends
// the whole-word key of each word, number and Latin word to keys.
func (a *Analyzer) Analyze(text string, keys []string) (index string, _ []string) {
	a.toks = arabic.Tokenize(a.toks[:0], text)
	var b strings.Builder
	b.Grow(len(text) + len(text)/2)
	for _, t := range a.toks {
		if t.Kind != arabic.Word && t.Kind != arabic.Number && t.Kind != arabic.Latin {
			continue
		}
		wi := a.word(text[t.Start:t.End], t.Kind)
		if wi.tokens == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(wi.tokens)
		keys = append(keys, wi.key)
	}
	return b.String(), keys
}

// TextQuery is an analysed search query.
type TextQuery struct {
	// Terms holds, for each query word, the tokens any of which must occur.
	Terms [][]string
}

// ParseQuery analyses a search query. Every word must match (AND); a word
// matches any of its readings (OR).
func ParseQuery(q string) TextQuery {
	a := NewAnalyzer()
	var out TextQuery
	for _, t := range arabic.Tokenize(nil, q) {
		if t.Kind != arabic.Word && t.Kind != arabic.Number && t.Kind != arabic.Latin {
			continue
		}
		wi := a.word(q[t.Start:t.End], t.Kind)
		if wi.tokens == "" {
			continue
		}
		out.Terms = append(out.Terms, strings.Fields(wi.tokens))
	}
	return out
}

// Empty reports whether the query has no searchable word.
func (q TextQuery) Empty() bool { return len(q.Terms) == 0 }

// FTS5 renders the query as an SQLite FTS5 MATCH expression.
func (q TextQuery) FTS5() string {
	var b strings.Builder
	for i, alts := range q.Terms {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteByte('(')
		for j, tok := range alts {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(tok, `"`, `""`))
			b.WriteByte('"')
		}
		b.WriteByte(')')
	}
	return b.String()
}

// Snippet picks the piece of the ORIGINAL text, about width words long,
// that holds the most query matches, and returns it with the byte spans of
// the matched words relative to the snippet and the snippet's offset in
// text. Matching is on the analysed forms, so the marks land on the words
// as written (الخارجيّة, وبالتعاون).
func (q TextQuery) Snippet(text string, width int) (snippet string, at int, marks []model.Span) {
	want := map[string]bool{}
	for _, alts := range q.Terms {
		for _, t := range alts {
			want[t] = true
		}
	}
	a := NewAnalyzer()
	toks := arabic.Tokenize(nil, text)
	words := toks[:0]
	for _, t := range toks {
		if t.Kind != arabic.Punct && t.Kind != arabic.Symbol {
			words = append(words, t)
		}
	}
	hit := make([]bool, len(words))
	for i, t := range words {
		wi := a.word(text[t.Start:t.End], t.Kind)
		for _, tok := range strings.Fields(wi.tokens) {
			if want[tok] {
				hit[i] = true
				break
			}
		}
	}
	if width <= 0 {
		width = 24
	}
	// Slide a window of width words; keep the first with the most hits.
	best, bestN, n := 0, -1, 0
	for i := range words {
		if hit[i] {
			n++
		}
		if i >= width && hit[i-width] {
			n--
		}
		if start := max(0, i-width+1); n > bestN {
			best, bestN = start, n
		}
	}
	if len(words) == 0 {
		return "", 0, nil
	}
	end := min(len(words), best+width)
	start := words[best].Start
	stop := words[end-1].End
	// Extend over trailing punctuation of the last word (a full stop).
	if end < len(words) {
		if i := strings.IndexAny(text[stop:words[end].Start], ".،؛!؟?"); i >= 0 {
			stop += i + len(string([]rune(text[stop+i:])[0]))
		}
	} else {
		stop = len(strings.TrimRightFunc(text, unicode.IsSpace))
	}
	for i := best; i < end; i++ {
		if hit[i] {
			marks = append(marks, model.Span{Start: words[i].Start - start, End: words[i].End - start})
		}
	}
	return text[start:stop], start, marks
}
