package dict

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
)

// Gap is the key that stands for ".." in a trigger phrase: up to MaxGap
// tokens of anything.
const Gap = ".."

// MaxGap is how many tokens a ".." in a phrase may skip.
const MaxGap = 10

// canon folds a match key to the form used in the indexes: a leading article
// (ال, or لل for ل+ال) is dropped, so dictionary writers may list forms with or
// without it.
func canon(k string) string { return Canon(k) }

// Canon folds a match key as dictionary forms are folded: a leading article
// (ال, or لل for ل+ال) is dropped.
func Canon(k string) string {
	if strings.HasPrefix(k, "ال") && utf8.RuneCountInString(k) >= 4 {
		return k[len("ال"):]
	}
	if strings.HasPrefix(k, "لل") && utf8.RuneCountInString(k) >= 5 {
		return k[len("لل"):]
	}
	return k
}

// FormKeys compiles a dictionary form into its sequence of token keys; a
// ".." becomes Gap. Punctuation inside a form is ignored.
func FormKeys(form string) []string {
	var out []string
	for _, f := range strings.Fields(form) {
		if f == Gap {
			out = append(out, Gap)
			continue
		}
		for _, t := range arabic.Tokenize(nil, f) {
			if t.Kind == arabic.Punct || t.Kind == arabic.Symbol {
				continue
			}
			if k := canon(arabic.Key(f[t.Start:t.End])); k != "" {
				out = append(out, k)
			}
		}
	}
	// A one-word form written with the article requires it in the text
	// (الرقة must not match ورقة, read و+رقة): keep its article.
	if len(out) == 1 && len(strings.Fields(form)) == 1 {
		if k := arabic.Key(form); strings.HasPrefix(k, "ال") && canon(k) != k {
			out[0] = k
		}
	}
	// A phrase may not start or end with a gap.
	for len(out) > 0 && out[0] == Gap {
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1] == Gap {
		out = out[:len(out)-1]
	}
	return out
}

// Cands computes the candidate keys of one word of running text: the key of
// the whole word and of the stem of each clitic analysis, each folded like
// dictionary forms, plus the article-bearing keys that one-word forms
// written with ال require. The first key is always the whole word's. an is
// scratch space and is returned for reuse.
func Cands(dst []string, an []arabic.Analysis, word string) ([]string, []arabic.Analysis) {
	raw := arabic.Key(word)
	whole := canon(raw)
	dst = append(dst, whole)
	if whole != raw && strings.HasPrefix(raw, "ال") {
		dst = append(dst, raw)
	}
	an = arabic.AppendAnalyses(an[:0], word)
	for i := 1; i < len(an); i++ {
		a := &an[i]
		stem := a.StemKey(word)
		k := canon(stem)
		if k != "" && !contains(dst, k) {
			dst = append(dst, k)
		}
		if a.HasArticle() {
			if ak := "ال" + stem; !contains(dst, ak) {
				dst = append(dst, ak)
			}
		}
	}
	return dst, an
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
