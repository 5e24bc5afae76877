package coder

import (
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
}

// analyse tokenizes text[start:end] and computes every word's readings.
// Offsets stay relative to the whole document text.
func (c *Coder) analyse(text string, idx, start, end int, maxWords int) *sentence {
	s := &sentence{index: idx, start: start, end: end}
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
		raw := arabic.Key(w.text)
		w.key = dict.Canon(raw)
		c.anBuf = arabic.AppendAnalyses(c.anBuf[:0], w.text)
		w.alts = make([]alt, 0, len(c.anBuf)+1)
		w.alts = append(w.alts, alt{key: w.key})
		cands := make([]string, 1, 2*len(c.anBuf)+1)
		cands[0] = w.key
		if raw != w.key {
			cands = append(cands, raw)
		}
		for i := 1; i < len(c.anBuf); i++ {
			a := &c.anBuf[i]
			stem := a.StemKey(w.text)
			k := dict.Canon(stem)
			al := alt{key: k, prep: a.Prep(), conj: a.Conj(), pron: a.Pronoun(w.text), future: a.Future()}
			if !containsStr(cands, k) {
				cands = append(cands, k)
			}
			if a.HasArticle() {
				al.akey = dict.ArticleKey(stem)
				if !containsStr(cands, al.akey) {
					cands = append(cands, al.akey)
				}
			}
			w.alts = append(w.alts, al)
		}
		s.words = append(s.words, w)
		s.cands = append(s.cands, cands)
	}
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
