package store

import "testing"

// FuzzParseQuery: any search string parses without panic, and analysing any
// text for the index does not panic.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"وبالتعاون الخارجيّة", `"قصف" OR -x`, "\xff\x00*", "", "NEAR(a b)"} {
		f.Add(s)
	}
	a := NewAnalyzer()
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		_ = q.Empty()
		_, _ = a.Analyze(s, nil)
		_ = ContentHash(s)
	})
}
