package store

import (
	"slices"
	"strings"
	"testing"
)

func TestContentHash(t *testing.T) {
	a := ContentHash("  وزير الخارجية\n\nيبحث\u00a0التعاون  ")
	for _, s := range []string{"وزير الخارجية يبحث التعاون", "وزير\tالخارجية\r\nيبحث التعاون\n", "\u200fوزير الخارجية يبحث التعاون"} {
		if h := ContentHash(s); h != a {
			t.Errorf("ContentHash(%q) differs: layout must not matter", s)
		}
	}
	if ContentHash("وزير الخارجية يبحث التعاون.") == a {
		t.Error("a changed text hashes alike")
	}
}

func tokens(text string) []string {
	idx, _ := NewAnalyzer().Analyze(text, nil)
	return strings.Fields(idx)
}

func TestAnalyzer(t *testing.T) {
	for _, c := range []struct{ doc, query string }{
		{"وزارة الخارجية", "الخارجيّة"},  // shadda
		{"التعاون الثنائي", "وبالتعاون"}, // clitics on the query
		{"وبالتعاون مع مصر", "التعاون"},  // clitics in the text
		{"أعلنت الوزارة", "اعلنت"},       // hamza
		{"مدينة جدة", "مدينه"},           // ta marbuta
		{"قمة G20 في 2015", "g20"},       // Latin, lower-cased
		{"ارتفع ٥٠٪", "50%"},             // digits
		{"وزارتها", "وزارة"},             // enclitic with restored ta marbuta
		{"المـــؤتمر", "مؤتمر"},          // tatweel, article
	} {
		doc := tokens(c.doc)
		q := ParseQuery(c.query)
		if q.Empty() {
			t.Errorf("query %q has no terms", c.query)
			continue
		}
		for _, alts := range q.Terms {
			if !slices.ContainsFunc(alts, func(s string) bool { return slices.Contains(doc, s) }) {
				t.Errorf("%q does not find %q: query %v, doc tokens %v", c.query, c.doc, alts, doc)
			}
		}
	}
}

func TestFTS5Quoting(t *testing.T) {
	q := ParseQuery(`وزير "AND" OR`)
	got := q.FTS5()
	if !strings.Contains(got, `("and")`) || strings.Count(got, " AND ") != 2 {
		t.Errorf("FTS5() = %s", got)
	}
	if !ParseQuery("... ؟!").Empty() {
		t.Error("punctuation-only query not empty")
	}
}

func TestSnippet(t *testing.T) {
	text := "قال المتحدث إن الوزارة تعمل. وبحث الجانبان سبل تعزيز التعاون الثنائي، وأكدت وزارة الخارجيّة ذلك."
	q := ParseQuery("الخارجية وبالتعاون")
	snip, at, marks := q.Snippet(text, 12)
	if text[at:at+len(snip)] != snip {
		t.Fatalf("snippet is not a slice of the text at %d", at)
	}
	var got []string
	for _, m := range marks {
		got = append(got, snip[m.Start:m.End])
	}
	if want := []string{"التعاون", "الخارجيّة"}; !slices.Equal(got, want) {
		t.Errorf("marks %q, want %q (the words as written)", got, want)
	}
}
