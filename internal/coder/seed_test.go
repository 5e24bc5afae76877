package coder

import (
	"os"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/testutil"
)

// seedDoc reads the reference article, skipping when ../shared is absent.
func seedDoc(t *testing.T) model.Document {
	t.Helper()
	b, err := os.ReadFile(testutil.Shared(t, "seed/000_a6ac462dc7d286b7.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return model.Document{ID: "000_a6ac462dc7d286b7", Date: "2022-07-29", Text: string(b)}
}

func country(a *model.Actor) string {
	if a == nil {
		return ""
	}
	return a.Country
}

func code(a *model.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// TestSeed checks the events a careful human coder takes from the
// reference article (issue 4): the meeting at a third location in Tashkent,
// both sides' readiness, praise for the SCO, the pledge to Uzbekistan, the
// exchange of views, and no event acted by Afghanistan, Xinhua or the UN.
func TestSeed(t *testing.T) {
	doc := seedDoc(t)
	out := New(defaultDict(t)).Code(doc)
	for _, e := range out.Events {
		t.Logf("%d %s → %s %s %v", e.Sentence, code(e.Source), code(e.Target), e.CAMEO, e.Location != nil)
	}
	has := func(name string, f func(e model.Event) bool) {
		t.Helper()
		for _, e := range out.Events {
			if f(e) {
				return
			}
		}
		t.Errorf("missing: %s", name)
	}
	root := func(e model.Event) string { return e.CAMEO[:2] }
	for _, dir := range [][2]string{{"CHNGOV", "RUSGOV"}, {"RUSGOV", "CHNGOV"}} {
		dir := dir
		has("04x meeting "+dir[0]+"→"+dir[1]+" at Tashkent, UZB", func(e model.Event) bool {
			return root(e) == "04" && code(e.Source) == dir[0] && code(e.Target) == dir[1] &&
				e.Location != nil && e.Location.Name == "Tashkent" && e.Location.Country == "UZB"
		})
	}
	has("03x CHN → SCO or RUS (readiness to cooperate)", func(e model.Event) bool {
		return root(e) == "03" && country(e.Source) == "CHN" && (code(e.Target) == "IGOSCO" || country(e.Target) == "RUS")
	})
	has("03x RUS → CHN (high-level exchanges)", func(e model.Event) bool {
		return root(e) == "03" && country(e.Source) == "RUS" && country(e.Target) == "CHN"
	})
	for _, c := range []string{"CHN", "RUS"} {
		c := c
		has("051 "+c+" → SCO (praise)", func(e model.Event) bool {
			return e.CAMEO == "051" && country(e.Source) == c && code(e.Target) == "IGOSCO"
		})
		has("03x/05x "+c+" → UZB (support for hosting)", func(e model.Event) bool {
			return (root(e) == "03" || root(e) == "05") && country(e.Source) == c && country(e.Target) == "UZB"
		})
	}
	last := 0
	for _, e := range out.Events {
		last = max(last, e.Sentence)
	}
	has("04x CHN ↔ RUS exchange of views on Afghanistan (last sentence)", func(e model.Event) bool {
		return root(e) == "04" && e.Sentence == last && country(e.Source) == "CHN" && country(e.Target) == "RUS"
	})
	for _, e := range out.Events {
		if c := code(e.Source); c == "AFGGOV" || strings.HasPrefix(c, "AFG") || c == "CHNMED" || c == "IGOUNO" {
			t.Errorf("event acted by %s (sentence %d, %s): Afghanistan, Xinhua and the UN are not sources here", c, e.Sentence, e.CAMEO)
		}
		if !e.Trigger.Span.Valid(len(doc.Text)) || doc.Text[e.Trigger.Span.Start:e.Trigger.Span.End] != e.Trigger.Text {
			t.Errorf("trigger span %v does not slice to %q", e.Trigger.Span, e.Trigger.Text)
		}
	}
}
