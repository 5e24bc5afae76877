package dict

import (
	"strings"
)

// nisbaSuffixes are added to a masculine singular nationality adjective
// ending in ي: feminine, plurals and duals.
var nisbaSuffixes = []string{"ة", "ون", "ين", "ات", "ان", "تان", "تين"}

// NisbaForms generates the inflections of a nationality adjective given in
// the masculine singular (صيني → صينية صينيون صينيين صينيات صينيان صينيتان
// صينيتين). Every word of a multi-word adjective that ends in ي is inflected
// alike (كوري شمالي → كورية شمالية …).
func NisbaForms(base string) []string {
	words := strings.Fields(base)
	if len(words) == 0 {
		return nil
	}
	var out []string
	for _, suf := range nisbaSuffixes {
		ws := make([]string, len(words))
		changed := false
		for i, w := range words {
			if strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "ى") {
				ws[i] = strings.TrimSuffix(strings.TrimSuffix(w, "ى"), "ي") + "ي" + suf
				changed = true
			} else {
				ws[i] = w
			}
		}
		if changed {
			out = append(out, strings.Join(ws, " "))
		}
	}
	return out
}

// maxVariants bounds the transliteration variants generated for one form.
const maxVariants = 16

// TranslitVariants generates spelling variants of a transliterated foreign
// name: Latin g is written ج or غ (and sometimes ق), so each is swapped for
// the others, and in
// names of two or more words a medial long vowel (و ي) may be left out.
// Variants that normalisation already folds (ى/ي, ة/ه, hamza seats, ڤ/ف)
// are not generated.
func TranslitVariants(form string) []string {
	seen := map[string]bool{form: true}
	var out []string
	add := func(s string) {
		if !seen[s] && len(out) < maxVariants {
			seen[s] = true
			out = append(out, s)
		}
	}
	// g: ج غ ق in every combination is too many; use whole-form swaps.
	for _, from := range []string{"ج", "غ", "ق"} {
		if !strings.Contains(form, from) {
			continue
		}
		for _, to := range []string{"ج", "غ"} {
			if to != from {
				add(strings.ReplaceAll(form, from, to))
			}
		}
	}
	words := strings.Fields(form)
	if len(words) >= 2 {
		base := append([]string{form}, out...)
		for _, b := range base {
			ws := strings.Fields(b)
			for i, w := range ws {
				r := []rune(w)
				if len(r) < 5 {
					continue
				}
				for j := 1; j < len(r)-1; j++ {
					if r[j] == 'و' || r[j] == 'ي' {
						v := string(r[:j]) + string(r[j+1:])
						ws2 := append([]string(nil), ws...)
						ws2[i] = v
						add(strings.Join(ws2, " "))
					}
				}
			}
		}
	}
	return out
}
