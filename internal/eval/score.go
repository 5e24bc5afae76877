package eval

import (
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/model"
)

// CodeFunc codes one document.
type CodeFunc func(model.Document) model.Coded

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN).
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Level is one way of matching predicted events to gold events.
type Level struct {
	Name string
	// key maps an event to its comparison key, or "" to leave it out.
	gold func(GoldEvent) string
	pred func(model.Event) string
	// applies reports whether a gold item can be scored at this level.
	applies func(Item) bool
}

// Scored is one level's result.
type Scored struct {
	Level  string  `json:"level"`
	Items  int     `json:"items"`
	TP     int     `json:"tp"`
	FP     int     `json:"fp"`
	FN     int     `json:"fn"`
	P      float64 `json:"precision"`
	R      float64 `json:"recall"`
	F1     float64 `json:"f1"`
	counts Counts
}

// Example is one item with its gold and predicted keys at the deepest level.
type Example struct {
	ID     string   `json:"id"`
	Text   string   `json:"text"`
	Gold   []string `json:"gold"`
	Pred   []string `json:"pred"`
	Errors int      `json:"errors"`
}

// Report is the result of scoring a gold file.
type Report struct {
	Format    Format              `json:"format"`
	Items     int                 `json:"items"`
	Levels    []Scored            `json:"levels"`
	Confusion map[string]int      `json:"confusion"` // "gold→pred" by CAMEO root (or PLOVER for UP)
	Worst     []Example           `json:"worst"`
	Detect    map[string]DetectSc `json:"detect,omitempty"`
}

// DetectSc is the detection score of one category on detect-gsr.jsonl.
type DetectSc struct {
	Scored
	Positives      int `json:"positives"`
	Negatives      int `json:"negatives"`
	FPEasy         int `json:"fp_easy_no"`
	FPDifficult    int `json:"fp_difficult_no"`
	SkippedAmbig   int `json:"skipped_ambiguous"`
	NegativesEasy  int `json:"negatives_easy"`
	NegativesDiffc int `json:"negatives_difficult"`
}

func plover(e model.Event) string {
	if e.PLOVER == nil {
		return "STATEMENT"
	}
	return *e.PLOVER
}

func goldPlover(g GoldEvent) string {
	if g.PLOVER == "" {
		return "STATEMENT"
	}
	return g.PLOVER
}

func root(c string) string {
	if len(c) < 2 {
		return c
	}
	return c[:2]
}

func predCountry(e *model.Actor, coarse bool) string {
	if e == nil {
		return "-"
	}
	if coarse {
		if len(e.Code) < 3 {
			return e.Code
		}
		return e.Code[:3]
	}
	return countryKey(e.Code)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// levels returns the levels for a format. UP gold has no CAMEO codes and
// codes only country halves, so it is scored by PLOVER category with coarse
// countries, and only its two categories are counted as predictions.
func levels(f Format) []Level {
	all := func(Item) bool { return true }
	if f == UP {
		hasSrc := func(it Item) bool { return len(it.Events) > 0 && it.Events[0].SourceCountry != "" }
		hasBoth := func(it Item) bool { return hasSrc(it) && it.Events[0].TargetCountry != "" }
		onlyUP := func(k func(model.Event) string) func(model.Event) string {
			return func(e model.Event) string {
				if p := plover(e); p != "PROTEST" && p != "ASSAULT" {
					return ""
				}
				return k(e)
			}
		}
		return []Level{
			{"event", func(GoldEvent) string { return "*" }, onlyUP(func(model.Event) string { return "*" }), all},
			{"plover", goldPlover, onlyUP(plover), all},
			{"source country + plover", func(g GoldEvent) string { return g.SourceCountry + " " + goldPlover(g) },
				onlyUP(func(e model.Event) string { return predCountry(e.Source, true) + " " + plover(e) }), hasSrc},
			{"source country + plover + target country", func(g GoldEvent) string {
				return g.SourceCountry + " " + goldPlover(g) + " " + g.TargetCountry
			}, onlyUP(func(e model.Event) string {
				return predCountry(e.Source, true) + " " + plover(e) + " " + predCountry(e.Target, true)
			}), hasBoth},
		}
	}
	return []Level{
		{"event", func(GoldEvent) string { return "*" }, func(model.Event) string { return "*" }, all},
		{"plover", goldPlover, plover, all},
		{"cameo root", func(g GoldEvent) string { return root(g.CAMEO) }, func(e model.Event) string { return root(e.CAMEO) }, all},
		{"source country + root", func(g GoldEvent) string { return orDash(countryKey(g.Source)) + " " + root(g.CAMEO) },
			func(e model.Event) string { return predCountry(e.Source, false) + " " + root(e.CAMEO) }, all},
		{"source country + root + target country", func(g GoldEvent) string {
			return orDash(countryKey(g.Source)) + " " + root(g.CAMEO) + " " + orDash(countryKey(g.Target))
		}, func(e model.Event) string {
			return predCountry(e.Source, false) + " " + root(e.CAMEO) + " " + predCountry(e.Target, false)
		}, all},
		{"full code (source, cameo, target)", func(g GoldEvent) string {
			return orDash(g.Source) + " " + g.CAMEO + " " + orDash(g.Target)
		}, func(e model.Event) string {
			s, t := "-", "-"
			if e.Source != nil {
				s = e.Source.Code
			}
			if e.Target != nil {
				t = e.Target.Code
			}
			return s + " " + e.CAMEO + " " + t
		}, all},
	}
}

// Score codes every item with code and scores the result. worst bounds the
// number of worst examples kept.
func Score(f Format, items []Item, code CodeFunc, worst int) Report {
	rep := Report{Format: f, Items: len(items), Confusion: map[string]int{}}
	if f == Detect {
		rep.Detect = scoreDetect(items, code)
		return rep
	}
	lv := levels(f)
	rep.Levels = make([]Scored, len(lv))
	for i, l := range lv {
		rep.Levels[i].Level = l.Name
	}
	var examples []Example
	for _, it := range items {
		out := code(model.Document{ID: it.ID, Date: it.Date, Text: it.Text})
		for i, l := range lv {
			if !l.applies(it) {
				continue
			}
			g, p := goldKeys(it.Events, l.gold), predKeys(out.Events, l.pred)
			c := compare(g, p)
			sc := &rep.Levels[i]
			sc.Items++
			sc.counts.TP += c.TP
			sc.counts.FP += c.FP
			sc.counts.FN += c.FN
			if i == len(lv)-1 && c.FP+c.FN > 0 {
				examples = append(examples, Example{ID: it.ID, Text: it.Text, Gold: keys(g), Pred: keys(p), Errors: c.FP + c.FN})
			}
		}
		confuse(rep.Confusion, f, it, out)
	}
	for i := range rep.Levels {
		s := &rep.Levels[i]
		s.TP, s.FP, s.FN = s.counts.TP, s.counts.FP, s.counts.FN
		s.P, s.R, s.F1 = s.counts.Precision(), s.counts.Recall(), s.counts.F1()
	}
	sort.SliceStable(examples, func(i, j int) bool { return examples[i].Errors > examples[j].Errors })
	if len(examples) > worst {
		examples = examples[:worst]
	}
	rep.Worst = examples
	return rep
}

func goldKeys(evs []GoldEvent, k func(GoldEvent) string) map[string]bool {
	m := map[string]bool{}
	for _, e := range evs {
		if s := k(e); s != "" {
			m[s] = true
		}
	}
	return m
}

func predKeys(evs []model.Event, k func(model.Event) string) map[string]bool {
	m := map[string]bool{}
	for _, e := range evs {
		if s := k(e); s != "" {
			m[s] = true
		}
	}
	return m
}

func compare(g, p map[string]bool) Counts {
	var c Counts
	for k := range p {
		if g[k] {
			c.TP++
		} else {
			c.FP++
		}
	}
	for k := range g {
		if !p[k] {
			c.FN++
		}
	}
	return c
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// confuse adds one item's pairs to the confusion table: by CAMEO root, or by
// PLOVER category for UP gold.
func confuse(table map[string]int, f Format, it Item, out model.Coded) {
	gk, pk := func(g GoldEvent) string { return root(g.CAMEO) }, func(e model.Event) string { return root(e.CAMEO) }
	if f == UP {
		gk, pk = goldPlover, plover
	}
	g, p := goldKeys(it.Events, gk), predKeys(out.Events, pk)
	var extra []string
	for k := range p {
		if !g[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	used := 0
	for _, k := range keys(g) {
		switch {
		case p[k]:
			table[k+"→"+k]++
		case used < len(extra):
			table[k+"→"+extra[used]]++
			used++
		default:
			table[k+"→none"]++
		}
	}
	for _, k := range extra[used:] {
		table["none→"+k]++
	}
}

func scoreDetect(items []Item, code CodeFunc) map[string]DetectSc {
	res := map[string]DetectSc{}
	for _, it := range items {
		sc := res[it.Category]
		sc.Level = "detect " + it.Category
		if it.Label == "ambiguous" {
			sc.SkippedAmbig++
			res[it.Category] = sc
			continue
		}
		out := code(model.Document{ID: it.ID, Text: it.Text})
		pred := false
		for _, e := range out.Events {
			if plover(e) == it.Category {
				pred = true
				break
			}
		}
		gold := it.Label == "yes"
		sc.Items++
		switch {
		case gold && pred:
			sc.counts.TP++
		case gold:
			sc.counts.FN++
		case pred:
			sc.counts.FP++
			if strings.HasPrefix(it.Label, "easy") {
				sc.FPEasy++
			} else {
				sc.FPDifficult++
			}
		}
		if gold {
			sc.Positives++
		} else {
			sc.Negatives++
			if strings.HasPrefix(it.Label, "easy") {
				sc.NegativesEasy++
			} else {
				sc.NegativesDiffc++
			}
		}
		res[it.Category] = sc
	}
	for k, sc := range res {
		sc.TP, sc.FP, sc.FN = sc.counts.TP, sc.counts.FP, sc.counts.FN
		sc.P, sc.R, sc.F1 = sc.counts.Precision(), sc.counts.Recall(), sc.counts.F1()
		res[k] = sc
	}
	return res
}
