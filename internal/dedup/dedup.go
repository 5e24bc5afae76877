// Package dedup finds wire copies: articles that carry the same story with
// small edits (a headline line, a byline, a changed sentence). It
// fingerprints each text with a 64-bit SimHash over word 3-shingles of
// Arabic match keys, so spelling variants (أ/ا, ة/ه, harakat, tatweel) do
// not count as edits, and groups texts whose fingerprints differ in at most
// MaxDistance bits.
//
// Lookups use the pigeonhole trick: two 64-bit fingerprints within
// MaxDistance bits agree exactly on at least one of MaxDistance+1 bands, so
// each band is a hash table and a query looks at a few buckets instead of
// every fingerprint.
package dedup

import "math/bits"

// MinShingles is the fewest shingles a text needs for a fingerprint. Very
// short texts (a caption, a one-line brief) share too many phrases with
// unrelated briefs to be grouped safely; they get fingerprint 0, which
// matches nothing.
const MinShingles = 16

// MaxDistance is the largest Hamming distance between fingerprints of
// copies of one story. Manku et al. (2007) use 3 of 64 bits for web pages
// of thousands of words; news items are short (a median of 200 words), so
// a dateline added to a 60-word brief already moves 7 bits. 7 groups
// such copies; unrelated texts sit near 32 bits (standard deviation 4),
// so a random pair falls within 7 bits with odds of 3e-11.
const MaxDistance = 7

// bands splits the 64 bits into MaxDistance+1 runs of 8 bits.
var bands = func() (b [MaxDistance + 1][2]uint) {
	start := uint(0)
	for i := range b {
		w := uint(64 / len(b))
		if i < 64%len(b) {
			w++
		}
		b[i] = [2]uint{start, w}
		start += w
	}
	return b
}()

func band(fp uint64, i int) uint16 {
	return uint16(fp >> bands[i][0] & (1<<bands[i][1] - 1))
}

// SimHash returns the fingerprint of a text given the match keys of its
// words in order, or 0 when it has fewer than MinShingles shingles.
func SimHash(keys []string) uint64 {
	n := len(keys) - 2
	if n < MinShingles {
		return 0
	}
	// Count set bits per position without branches (a branch per bit
	// of a random hash mispredicts half the time); bit b is set in the
	// fingerprint when more than half the shingles set it.
	var v [64]int32
	for i := 0; i < n; i++ {
		h := shingleHash(keys[i], keys[i+1], keys[i+2])
		for b := range v {
			v[b] += int32(h >> b & 1)
		}
	}
	var out uint64
	for b := range v {
		if 2*int(v[b]) > n {
			out |= 1 << b
		}
	}
	if out == 0 {
		out = 1 // 0 means "no fingerprint"
	}
	return out
}

// shingleHash is FNV-1a over the three keys with a separator, finished
// with the splitmix64 mixer so every output bit depends on every input
// byte (plain FNV leaves the high bits weak for short input). It is fixed:
// fingerprints are stored.
func shingleHash(a, b, c string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, s := range [3]string{a, b, c} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= prime
		}
		h ^= 0xff
		h *= prime
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// Distance is the Hamming distance between two fingerprints.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Index finds the group of the nearest stored fingerprint. It is not safe
// for concurrent use.
type Index struct {
	bands [MaxDistance + 1]map[uint16][]int32
	fps   []uint64
	group []string
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	ix := &Index{}
	for i := range ix.bands {
		ix.bands[i] = map[uint16][]int32{}
	}
	return ix
}

// Len is the number of fingerprints in the index.
func (ix *Index) Len() int { return len(ix.fps) }

// Add records a fingerprint and its group. Fingerprint 0 is ignored.
func (ix *Index) Add(fp uint64, group string) {
	if fp == 0 {
		return
	}
	n := int32(len(ix.fps))
	ix.fps = append(ix.fps, fp)
	ix.group = append(ix.group, group)
	for i := range ix.bands {
		k := band(fp, i)
		ix.bands[i][k] = append(ix.bands[i][k], n)
	}
}

// Find returns the group of the stored fingerprint nearest to fp within
// MaxDistance (the earliest added on a tie), or "" when there is none.
func (ix *Index) Find(fp uint64) string {
	if fp == 0 {
		return ""
	}
	best, bestD := int32(-1), MaxDistance+1
	for i := range ix.bands {
		for _, n := range ix.bands[i][band(fp, i)] {
			d := Distance(fp, ix.fps[n])
			if d < bestD || (d == bestD && n < best) {
				best, bestD = n, d
			}
		}
	}
	if best < 0 {
		return ""
	}
	return ix.group[best]
}
