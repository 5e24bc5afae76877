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
const MaxGap = 4

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
// dictionary forms. The first key is always the whole word's. an is scratch
// space and is returned for reuse.
func Cands(dst []string, an []arabic.Analysis, word string) ([]string, []arabic.Analysis) {
	whole := canon(arabic.Key(word))
	dst = append(dst, whole)
	an = arabic.AppendAnalyses(an[:0], word)
	for i := 1; i < len(an); i++ {
		a := an[i]
		k := canon(a.StemKey(word))
		if k == "" || contains(dst, k) {
			continue
		}
		dst = append(dst, k)
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
