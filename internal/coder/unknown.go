package coder

import (
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Unknown is a phrase that looks like an actor or a trigger but matched no
// dictionary entry.
type Unknown struct {
	Kind     string   `json:"kind"` // "name after title", "noun + nationality", "verb near actor"
	Phrase   string   `json:"phrase"`
	Count    int      `json:"count"`
	Examples []string `json:"examples"`
}

// Unknowns collects candidates for new dictionary entries across documents.
type Unknowns struct {
	c     *Coder
	found map[string]*Unknown
}

// NewUnknowns returns a collector that uses c's dictionaries.
func NewUnknowns(c *Coder) *Unknowns { return &Unknowns{c: c, found: map[string]*Unknown{}} }

// stopKeys are function words that never start a name or a trigger.
var stopKeys = map[string]bool{"في": true, "من": true, "الي": true, "علي": true, "عن": true, "مع": true, "ان": true, "الذي": true,
	"التي": true, "هذا": true, "هذه": true, "ذلك": true, "تلك": true, "كما": true, "قد": true, "لقد": true, "حيث": true, "بعد": true,
	"قبل": true, "خلال": true, "عند": true, "حول": true, "بين": true, "او": true, "ثم": true, "كان": true, "كانت": true, "وقد": true,
	"يوم": true, "امس": true, "لم": true, "لن": true, "لا": true, "ما": true, "هو": true, "هي": true, "انه": true, "بان": true}

// Add scans one document.
func (u *Unknowns) Add(doc model.Document) {
	text, _ := arabic.Sanitize(doc.Text)
	u.c.ar.reset()
	d := newDocContext(validDate(doc.Date))
	for i, sp := range arabic.SplitSentences(text) {
		s := u.c.analyse(text, i, sp.Start, sp.End, u.c.MaxSentenceWords)
		if len(s.words) == 0 {
			continue
		}
		ms := u.c.findMentions(s, d)
		used := make([]bool, len(s.words))
		for _, m := range ms {
			for k := m.i; k < m.j; k++ {
				used[k] = true
			}
		}
		places := u.c.findPlaces(s, ms)
		for _, p := range places {
			for k := p.i; k < p.j; k++ {
				used[k] = true
			}
		}
		trs := u.c.findTriggers(s, used)
		for _, t := range trs {
			for k := t.i; k < t.j; k++ {
				used[k] = true
			}
		}
		sentence := text[sp.Start:sp.End]
		free := func(k int) bool {
			return k >= 0 && k < len(s.words) && !used[k] && s.words[k].kind == arabic.Word && !stopKeys[s.words[k].key]
		}
		for _, m := range ms {
			last := m.units[len(m.units)-1]
			// A title not followed by a known name: «الرئيس X Y».
			if last.kind == uAgent && !m.media {
				j := m.j
				for j < len(s.words) && j < m.j+3 && free(j) && (j == m.j || s.words[j-1].punctAfter == "") {
					j++
				}
				if j > m.j {
					u.note("name after title", s, m.j, j, sentence)
				}
			}
			// An unknown noun with a nationality adjective: «الحرس الوطني X».
			if m.units[0].kind == uNisba && free(m.i-1) && s.words[m.i-1].punctAfter == "" {
				u.note("noun + nationality", s, m.i-1, m.j, sentence)
			}
			// A verb right before a subject: VSO with an unknown trigger.
			if !m.media && !m.place && m.prep == "" && free(m.i-1) && s.words[m.i-1].punctAfter == "" && looksVerb(&s.words[m.i-1]) {
				u.note("verb near actor", s, m.i-1, m.i, sentence)
			}
		}
		d.remember(s, ms)
	}
}

// looksVerb is a rough test for a perfect or imperfect verb form: a word
// that takes no article and has a verbal prefix or suffix.
func looksVerb(w *word) bool {
	for _, a := range w.alts {
		if a.prep != "" {
			return false
		}
	}
	k := w.key
	if strings.HasPrefix(arabic.Key(w.text), "ال") || len([]rune(k)) < 3 {
		return false
	}
	return strings.HasPrefix(k, "ي") || strings.HasPrefix(k, "ت") || strings.HasSuffix(k, "ت") || strings.HasSuffix(k, "وا")
}

func (u *Unknowns) note(kind string, s *sentence, i, j int, sentence string) {
	var parts []string
	for k := i; k < j; k++ {
		parts = append(parts, s.words[k].text)
	}
	phrase := strings.Join(parts, " ")
	key := kind + "\x00" + phrase
	x := u.found[key]
	if x == nil {
		x = &Unknown{Kind: kind, Phrase: phrase}
		u.found[key] = x
	}
	x.Count++
	if len(x.Examples) < 2 {
		x.Examples = append(x.Examples, sentence)
	}
}

// List returns the candidates seen at least min times, most frequent first.
func (u *Unknowns) List(min int) []Unknown {
	var out []Unknown
	for _, x := range u.found {
		if x.Count >= min {
			out = append(out, *x)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Phrase < out[j].Phrase
	})
	return out
}
