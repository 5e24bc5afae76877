// Package ontology gives read-only access to marsad's event and actor
// ontology: CAMEO event codes with their Goldstein values, QuadClass and
// PLOVER category, the PLOVER categories and modes, and the CAMEO actor code
// blocks (countries, regions, sectors, organisations).
//
// The tables are plain TSV files under data/ontology, embedded in the binary
// through package data. They are parsed once, on first use. A table that
// fails to parse leaves the package empty rather than panicking; Err reports
// the problem.
package ontology

import (
	"sort"
	"strings"
)

// Code is one CAMEO event code.
type Code struct {
	Code      string  // "04", "040", "0311": always a string, leading zeros kept
	Name      string  // CAMEO manual name
	Goldstein float64 // GDELT Goldstein value
	QuadClass int     // 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
	PLOVER    string  // PLOVER category; "" for 01x (PLOVER has no statements)
}

// Category is one PLOVER event category with its modes, in the manual's
// vocabulary.
type Category struct {
	Name  string
	Modes []string // empty for categories without modes
	Quad  int      // PLOVER's own quad class for the category
	Score float64  // PLOVER conflict-cooperation score of the bare category
}

// Err reports whether the embedded tables loaded cleanly. It returns nil when
// they did; otherwise the first problem found, as "file:line: message".
func Err() error { return tables().err }

// Lookup returns the CAMEO code, which may be a 2-digit root ("04"), a
// 3-digit base code ("040") or a 4-digit code ("0311").
func Lookup(code string) (Code, bool) {
	c, ok := tables().byCode[code]
	return c, ok
}

// Root returns the CAMEO root of code: its first two characters. It returns
// "" when code is shorter than two characters.
func Root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// Codes returns every CAMEO code (roots, 3-digit and 4-digit codes) sorted
// as strings, so that each code directly follows its parent: 01, 010, 011,
// …, 02, 020, 021, 0211, ….  The slice is a fresh copy.
func Codes() []Code {
	t := tables()
	out := make([]Code, len(t.codes))
	copy(out, t.codes)
	return out
}

// mutualBases are the 3-digit codes that coding-conventions B1 codes in both
// directions whatever the grammar. 190/193 are only mutual in a «بين X وY»
// construction, which the coder decides, so they are not listed.
var mutualBases = map[string]bool{
	"019": true, "040": true, "041": true, "044": true, "046": true,
	"050": true, "057": true, "061": true, "062": true,
}

// Mutual reports whether events with this CAMEO code are inherently mutual
// (coding-conventions B1) and so coded in both directions: 019, 040, 041,
// 044, 046, 050, 057, 061, 062 and their 4-digit children. It is false for
// unknown codes, for roots and for 19x, where mutuality depends on the
// sentence («اشتباكات بين X وY»).
func Mutual(code string) bool {
	if len(code) != 3 && len(code) != 4 {
		return false
	}
	if _, ok := Lookup(code); !ok {
		return false
	}
	return mutualBases[code[:3]]
}

// PLOVERCategories returns the 16 PLOVER event categories in the manual's
// order (AGREE … ASSAULT), each with its modes. The result is a fresh copy.
func PLOVERCategories() []Category {
	t := tables()
	out := make([]Category, len(t.categories))
	for i, c := range t.categories {
		c.Modes = append([]string(nil), c.Modes...)
		out[i] = c
	}
	return out
}

// sortCodes orders codes as strings, which places children after parents.
func sortCodes(cs []Code) {
	sort.Slice(cs, func(i, j int) bool { return strings.Compare(cs[i].Code, cs[j].Code) < 0 })
}
