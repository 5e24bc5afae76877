// Package coder turns Arabic news text into CAMEO/PLOVER events. For each
// sentence it finds actor mentions (dictionary actors, role nouns composed
// with nationalities, and references resolved through the article), event
// triggers with their slot patterns, and places; then it fills each
// trigger's source and target, applies the coding conventions (attribution,
// negation, intent, reciprocity, visits, third-location meetings) and
// emits events whose every field points back at the text.
package coder

import (
	"sort"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
)

// Coder codes documents with one set of dictionaries. A Coder is not safe
// for concurrent use (it reuses buffers); make one per goroutine with New.
type Coder struct {
	// MaxEventsPerSentence caps the events coded from one sentence.
	MaxEventsPerSentence int
	// MaxSentenceWords bounds the words analysed as one sentence; longer
	// runs of text are coded in chunks of this size.
	MaxSentenceWords int

	dict     *dict.Dict
	tokBuf   []arabic.Token
	anBuf    []arabic.Analysis
	matchBuf []dict.Match
	year     string // the year of the document being coded, or "9999"
	ar       arena  // storage for the current document's analysed words
}

// New returns a coder that uses d.
func New(d *dict.Dict) *Coder {
	return &Coder{MaxEventsPerSentence: 24, MaxSentenceWords: 160, dict: d}
}

// Code codes one document.
func (c *Coder) Code(doc model.Document) model.Coded {
	out, _ := c.code(doc, false)
	return out
}

// Explain codes one document and records every step.
func (c *Coder) Explain(doc model.Document) (model.Coded, *Explanation) {
	return c.code(doc, true)
}

func (c *Coder) code(doc model.Document, explain bool) (model.Coded, *Explanation) {
	out := model.Coded{ID: doc.ID, Date: doc.Date, Events: []model.Event{}}
	var ex *Explanation
	if explain {
		ex = &Explanation{}
	}
	text, _ := arabic.Sanitize(doc.Text)
	if explain {
		c.ar = newArena(len(text))
	} else {
		c.ar.reset()
	}
	d := newDocContext(validDate(doc.Date))
	c.year = "9999"
	if d.date != "" {
		c.year = d.date[:4]
	}
	idx := 0
	for _, sp := range arabic.SplitSentences(text) {
		for start := sp.Start; start < sp.End; {
			s := c.analyse(text, idx, start, sp.End, c.MaxSentenceWords)
			next := sp.End
			if len(s.words) >= c.MaxSentenceWords && len(s.words) > 0 {
				next = s.words[len(s.words)-1].end
				s.end = next
			}
			var sx *sentenceExplain
			if ex != nil {
				sx = &sentenceExplain{s: s}
				ex.Sentences = append(ex.Sentences, sx)
			}
			out.Events = append(out.Events, c.codeOne(s, text, d, sx)...)
			idx++
			if next <= start {
				break
			}
			start = next
		}
	}
	out.Events = merge(out.Events)
	if ex != nil {
		ex.text = text
		ex.Result = out
	}
	return out, ex
}

// codeOne codes one analysed sentence.
func (c *Coder) codeOne(s *sentence, text string, d *docContext, sx *sentenceExplain) []model.Event {
	if len(s.words) == 0 {
		return nil
	}
	ms := c.findMentions(s, d)
	inActor := make([]bool, len(s.words))
	for _, m := range ms {
		if m.place {
			continue
		}
		for k := m.i; k < m.j; k++ {
			inActor[k] = true
		}
	}
	places := c.findPlaces(s, ms)
	if s.index == 0 && len(places) > 0 && places[0].i <= 1 {
		d.place = places[0]
	}
	trs := c.findTriggers(s, inActor)
	evs := c.codeSentence(s, text, d, ms, places, trs, sx)
	d.remember(s, ms)
	if sx != nil {
		sx.mentions, sx.places, sx.triggers, sx.events = ms, places, trs, evs
	}
	return evs
}

// merge folds repeated events of one article (same source, target, code)
// into the first, counting mentions.
func merge(evs []model.Event) []model.Event {
	type key struct{ src, tgt, code string }
	seen := map[key]int{}
	out := evs[:0]
	for _, e := range evs {
		k := key{code: e.CAMEO}
		if e.Source != nil {
			k.src = e.Source.Code
		}
		if e.Target != nil {
			k.tgt = e.Target.Code
		}
		if i, ok := seen[k]; ok {
			out[i].Mentions++
			if out[i].Location == nil && e.Location != nil {
				out[i].Location = e.Location
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Sentence < out[j].Sentence })
	return out
}

func validDate(s string) string {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return ""
	}
	return s
}

// eventDate is the article date adjusted by a relative expression in the
// sentence: أمس (and أول أمس), الأسبوع الماضي, الشهر الماضي, or a weekday
// name with the article (الأحد), read as the most recent such day.
func (d *docContext) eventDate(s *sentence) string {
	if d.date == "" {
		return ""
	}
	t, _ := time.Parse("2006-01-02", d.date)
	for k := range s.words {
		w := &s.words[k]
		switch {
		case w.isBare("امس") || w.is("امس"):
			if k > 0 && s.words[k-1].isBare("اول") {
				return t.AddDate(0, 0, -2).Format("2006-01-02")
			}
			return t.AddDate(0, 0, -1).Format("2006-01-02")
		case w.is("اسبوع") && k+1 < len(s.words) && s.words[k+1].is("ماضي"):
			return t.AddDate(0, 0, -7).Format("2006-01-02")
		case w.is("شهر") && k+1 < len(s.words) && s.words[k+1].is("ماضي"):
			return t.AddDate(0, -1, 0).Format("2006-01-02")
		}
		if wd, ok := weekdays[w.key]; ok && strings.HasPrefix(arabic.Key(w.text), "ال") {
			back := (int(t.Weekday()) - wd + 7) % 7
			return t.AddDate(0, 0, -back).Format("2006-01-02")
		}
	}
	return d.date
}

var weekdays = map[string]int{"احد": 0, "اثنين": 1, "ثلاثاء": 2, "اربعاء": 3, "خميس": 4, "جمعه": 5, "سبت": 6}
