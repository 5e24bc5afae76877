package dict

import (
	"sort"
	"strings"
)

// Pattern is one compiled form of an entry.
type Pattern struct {
	Keys      []string // token keys; Gap for ".."
	Entry     *Entry
	Form      string // the form as written (or generated)
	Generated bool   // produced by a rule (nisba inflection, transliteration variant)
}

// Index finds an entry's forms in running text by their first token's key.
type Index struct {
	byFirst map[string][]*Pattern // longest first
	byKey   map[string]*Pattern   // joined keys → the pattern in force
}

func newIndex() *Index {
	return &Index{byFirst: map[string][]*Pattern{}, byKey: map[string]*Pattern{}}
}

// add inserts p unless a pattern with the same keys is already in force. An
// explicit form beats a generated one; otherwise the first one added wins.
// It returns the pattern p displaced or was refused by, if any.
func (ix *Index) add(p *Pattern) (other *Pattern, added bool) {
	if len(p.Keys) == 0 {
		return nil, false
	}
	key := strings.Join(p.Keys, " ")
	if old, ok := ix.byKey[key]; ok {
		if !(old.Generated && !p.Generated) {
			return old, false
		}
		ix.remove(old)
		ix.insert(key, p)
		return old, true
	}
	ix.insert(key, p)
	return nil, true
}

func (ix *Index) insert(key string, p *Pattern) {
	ix.byKey[key] = p
	ix.byFirst[p.Keys[0]] = append(ix.byFirst[p.Keys[0]], p)
}

func (ix *Index) remove(p *Pattern) {
	delete(ix.byKey, strings.Join(p.Keys, " "))
	list := ix.byFirst[p.Keys[0]]
	for i, q := range list {
		if q == p {
			ix.byFirst[p.Keys[0]] = append(list[:i:i], list[i+1:]...)
			break
		}
	}
}

// replace puts p in force for its keys, displacing whatever was there; it
// returns the displaced pattern.
func (ix *Index) replace(p *Pattern) *Pattern {
	key := strings.Join(p.Keys, " ")
	old := ix.byKey[key]
	if old != nil {
		ix.remove(old)
	}
	ix.insert(key, p)
	return old
}

func (ix *Index) sort() {
	for _, list := range ix.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].Keys) > len(list[j].Keys) })
	}
}

// Len is the number of patterns in force.
func (ix *Index) Len() int { return len(ix.byKey) }

// Match is a pattern found in a token sequence: tokens [Start, End).
type Match struct {
	*Pattern
	Start, End int
}

// MatchAt appends to dst every pattern that matches the tokens starting at
// i, in no particular order (see Longest). cands[j] holds the candidate keys
// of token j (see Cands).
func (ix *Index) MatchAt(dst []Match, cands [][]string, i int) []Match {
	for _, k := range cands[i] {
		for _, p := range ix.byFirst[k] {
			if end, ok := matchFrom(p.Keys, cands, i); ok {
				dst = append(dst, Match{Pattern: p, Start: i, End: end})
			}
		}
	}
	return dst
}

// Longest returns the index of the longest match in ms (the first of equals),
// or -1 when ms is empty.
func Longest(ms []Match) int {
	best := -1
	for i, m := range ms {
		if best < 0 || m.End-m.Start > ms[best].End-ms[best].Start {
			best = i
		}
	}
	return best
}

// matchFrom matches keys against cands from token i; it returns the end
// token (exclusive). The first key is already known to match.
func matchFrom(keys []string, cands [][]string, i int) (int, bool) {
	j := i + 1
	for k := 1; k < len(keys); k++ {
		if keys[k] == Gap {
			// Find the next key within MaxGap tokens.
			k++
			found := false
			for skip := 0; skip <= MaxGap && j+skip < len(cands); skip++ {
				if contains(cands[j+skip], keys[k]) {
					j += skip + 1
					found = true
					break
				}
			}
			if !found {
				return 0, false
			}
			continue
		}
		if j >= len(cands) || !contains(cands[j], keys[k]) {
			return 0, false
		}
		j++
	}
	return j, true
}
