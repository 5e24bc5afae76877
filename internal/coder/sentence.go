package coder

import (
	"strings"
	"unsafe"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/dict"
)

// alt is one clitic reading of a word, reduced to what the coder asks of it.
type alt struct {
	key    string // canonical stem key, as dictionary forms are keyed
	prep   string // preposition proclitic: ب ل ك, or ""
	conj   string // conjunction proclitic: و ف, or ""
	pron   string // enclitic pronoun key, or ""
	future bool
	akey   string // the stem key with the article (الصين), when read with ال
}

// word is one word token of a sentence.
type word struct {
	start, end int // byte offsets into the document
	text       string
	kind       arabic.Kind
	key        string // canonical key of the whole word
	alts       []alt  // alts[0] is the unsegmented word
	punctAfter string // punctuation that follows the word, if any ("،" "." …)
	punctBefor string // punctuation that precedes the word, if any
	mask       uint8  // dictionary kinds with a pattern starting at this word
}

// hasPrep reports whether the word can be read with preposition p attached
// to a stem with key k ("" for any stem).
func (w *word) hasPrep(p string) bool {
	for _, a := range w.alts[1:] {
		if a.prep == p {
			return true
		}
	}
	return false
}

// altFor returns the reading whose stem has key k, preferring the unsegmented
// one.
func (w *word) altFor(k string) alt {
	for _, a := range w.alts {
		if a.key == k || a.akey == k {
			return a
		}
	}
	return w.alts[0]
}

// is reports whether the word, read with any clitics, has stem key k.
func (w *word) is(keys ...string) bool {
	for _, a := range w.alts {
		for _, k := range keys {
			if a.key == k {
				return true
			}
		}
	}
	return false
}

// isBare reports whether the whole word (no clitics) has one of the keys.
func (w *word) isBare(keys ...string) bool {
	for _, k := range keys {
		if w.key == k {
			return true
		}
	}
	return false
}

// sentence is the analysed form of one sentence.
type sentence struct {
	index      int
	start, end int
	words      []word
	cands      [][]string
	mentions   []*mention // all mentions, places included
	// afterNounTrigger[i] is set when word i follows a verbal-noun trigger.
	afterNounTrigger []bool
}

// analyse tokenizes text[start:end] and computes every word's readings.
// Offsets stay relative to the whole document text.
func (c *Coder) analyse(text string, idx, start, end int, maxWords int) *sentence {
	s := &sentence{index: idx, start: start, end: end}
	s.words = c.ar.words[len(c.ar.words):len(c.ar.words)]
	s.cands = c.ar.candList[len(c.ar.candList):len(c.ar.candList)]
	toks := arabic.Tokenize(c.tokBuf[:0], text[start:end])
	c.tokBuf = toks
	pending := ""
	for _, t := range toks {
		t.Start += start
		t.End += start
		switch t.Kind {
		case arabic.Punct, arabic.Symbol:
			p := text[t.Start:t.End]
			if n := len(s.words); n > 0 && s.words[n-1].punctAfter == "" {
				s.words[n-1].punctAfter = p
			}
			pending = p
			continue
		}
		if maxWords > 0 && len(s.words) >= maxWords {
			break
		}
		w := word{start: t.Start, end: t.End, text: text[t.Start:t.End], kind: t.Kind, punctBefor: pending}
		pending = ""
		raw := c.ar.key(w.text)
		w.key = dict.Canon(raw)
		c.anBuf = arabic.AppendAnalyses(c.anBuf[:0], w.text)
		altStart, candStart := len(c.ar.alts), len(c.ar.cands)
		a0 := alt{key: w.key}
		if len(raw) > len(w.key) && raw[:len("لل")] == "لل" {
			a0.prep = "ل" // Canon folded لل (ل + ال): keep the preposition
		}
		c.ar.alts = append(c.ar.alts, a0)
		c.ar.cands = append(c.ar.cands, w.key)
		if raw != w.key {
			c.ar.cands = append(c.ar.cands, raw)
		}
		for i := 1; i < len(c.anBuf); i++ {
			a := &c.anBuf[i]
			stem := c.ar.stemKey(a, w.text)
			k := dict.Canon(stem)
			al := alt{key: k, prep: a.Prep(), conj: a.Conj(), pron: a.Pronoun(w.text), future: a.Future()}
			cands := c.ar.cands[candStart:]
			if !containsStr(cands, k) {
				c.ar.cands = append(c.ar.cands, k)
			}
			if a.HasArticle() {
				if ak, ok := c.dict.ArticleForm(stem); ok {
					al.akey = ak
					if !containsStr(c.ar.cands[candStart:], ak) {
						c.ar.cands = append(c.ar.cands, ak)
					}
				}
			}
			c.ar.alts = append(c.ar.alts, al)
		}
		// An indefinite accusative (مواطناً، فلسطينياً، تمريناً): also read
		// the stem without the tanwin alif.
		if strings.HasSuffix(w.text, "اً") || strings.HasSuffix(w.text, "ًا") {
			if k2 := strings.TrimSuffix(w.key, "ا"); k2 != w.key && len(k2) >= 4 {
				c.ar.alts = append(c.ar.alts, alt{key: k2})
				if !containsStr(c.ar.cands[candStart:], k2) {
					c.ar.cands = append(c.ar.cands, k2)
				}
			}
		}
		w.alts = c.ar.alts[altStart:len(c.ar.alts):len(c.ar.alts)]
		cands := c.ar.cands[candStart:len(c.ar.cands):len(c.ar.cands)]
		for _, k := range cands {
			w.mask |= c.dict.FirstMask(k)
		}
		s.words = append(s.words, w)
		s.cands = append(s.cands, cands)
	}
	c.ar.words = append(c.ar.words, s.words...)
	s.words = c.ar.words[len(c.ar.words)-len(s.words):]
	c.ar.candList = append(c.ar.candList, s.cands...)
	s.cands = c.ar.candList[len(c.ar.candList)-len(s.cands):]
	return s
}

// span is the byte span of words [i, j).
func (s *sentence) span(i, j int) (int, int) { return s.words[i].start, s.words[j-1].end }

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// arena holds the storage of analysed words: keys, readings and candidate
// lists are carved out of a few large slices instead of being allocated word
// by word. Code resets it between documents (nothing it handed out outlives
// a document: the output refers to the document text, and remembered names
// are cloned); Explain, which keeps its sentences, gets a fresh one.
type arena struct {
	bytes    []byte
	alts     []alt
	cands    []string
	words    []word
	candList [][]string
}

// reset empties the arena for the next document, keeping its memory.
func (a *arena) reset() {
	a.bytes, a.alts, a.cands, a.words, a.candList = a.bytes[:0], a.alts[:0], a.cands[:0], a.words[:0], a.candList[:0]
}

func newArena(textLen int) arena {
	return arena{
		bytes: make([]byte, 0, textLen/2+64),
		alts:  make([]alt, 0, textLen/8+8),
		cands: make([]string, 0, textLen/6+8),
		words: make([]word, 0, textLen/12+8),
	}
}

// str appends b (already written at the end of a.bytes from n on) as a
// string that shares the arena's memory.
func (a *arena) str(n int) string {
	if n == len(a.bytes) {
		return ""
	}
	return unsafe.String(&a.bytes[n], len(a.bytes)-n)
}

// grow makes sure the next append of up to extra bytes does not move the
// arena (moving would leave earlier strings valid but waste the copy).
func (a *arena) grow(extra int) {
	if cap(a.bytes)-len(a.bytes) < extra {
		a.bytes = make([]byte, 0, max(2*cap(a.bytes), extra+1024))
	}
}

// key returns the match key of s, without allocating when s is already
// normalised.
func (a *arena) key(s string) string {
	a.grow(len(s) + 8)
	n := len(a.bytes)
	a.bytes = arabic.AppendKey(a.bytes, s)
	if string(a.bytes[n:]) == s {
		a.bytes = a.bytes[:n]
		return s
	}
	return a.str(n)
}

// stemKey returns the key of the stem of an analysis of word.
func (a *arena) stemKey(an *arabic.Analysis, word string) string {
	a.grow(len(word) + 8)
	n := len(a.bytes)
	a.bytes = an.AppendStemKey(a.bytes, word)
	return a.str(n)
}

// starts reports whether some pattern of kind k may start at word i.
func (s *sentence) starts(i int, k dict.Kind) bool { return s.words[i].mask&(1<<k) != 0 }
