// casualties.go handles killings and woundings: the violent act introduced
// as a casualty's cause, the weapon that refines a general force verb, the
// passive voice mark, and the perpetrator of a violent act (nationality
// adjective, relative clause subject, من قبل / على يد agent).

package coder

import (
	"github.com/marsad-project/marsad/internal/ontology"
)

// causePreps introduce the cause of a casualty (قُتل … في هجوم، جراء
// نيران، إثر انفجار), as canonical keys.
var causePreps = canonKeys("في", "جراء", "إثر", "خلال", "بسبب")

// casualtyCause finds, for a killing or wounding trigger k (root 18–20)
// with casualties — the mention right after a verb, or the genitive of a
// noun (قُتل جنديان، مقتل جنديين) — a later violent trigger within ten
// words that is introduced as its cause by a preposition (في هجوم، جراء
// نيران دبابة، بطائرة مسيرة). It returns the cause and the casualties, or
// nil when the trigger is not such a report.
func casualtyCause(s *sentence, t *trig, trs []*trig, k int, actors []*mention) (*trig, *mention) {
	if r := ontology.Root(t.code); r < "18" || t.pos == "phrase" || t.pos == "verb" && !t.passive && !passiveMarked(&s.words[t.i]) {
		return nil, nil
	}
	var v *mention
	for _, m := range actors {
		if m.prep == "" && !m.conj && (m.i == t.j || t.pos == "verb" && m.i > t.j && m.i < t.j+3) {
			v = m
			break
		}
	}
	if v == nil {
		return nil, nil
	}
	for _, u := range trs[k+1:] {
		if u.i > t.j+10 {
			break
		}
		if ontology.Root(u.code) < "18" || u.speech || u.i <= v.i {
			continue
		}
		introduced := s.words[u.i-1].isBare(causePreps...)
		for _, a := range s.words[u.i].alts[1:] {
			if a.prep == "ب" {
				introduced = true
			}
		}
		if !introduced {
			return nil, nil // the first violent trigger after it is not its cause
		}
		return u, partitiveOrg(s, actors, v)
	}
	return nil, nil
}

// instrumentCode returns, for a general force verb (190: استهدف، هاجم),
// the code of the weapon it is done with: a force trigger in its clause
// within ten words, introduced by ب on itself or on the word before it
// (بالصواريخ، بعشرات الصواريخ), or coordinated right after such a weapon
// (والطائرات المسيرة; the last one listed gives the code). With mark set,
// those weapon triggers are marked as used. "" when there is none.
func instrumentCode(s *sentence, t *trig, trs []*trig, k int, mark bool) string {
	if t.code != "190" || t.pos == "noun" {
		return ""
	}
	code := ""
	var last *trig
	for _, u := range trs[k+1:] {
		if u.i >= t.j+10 || punctBetween(s, t.j-1, u.i) {
			break
		}
		if r := ontology.Root(u.code); r < "18" || r > "20" || u.speech || u.used {
			continue
		}
		withBa := s.words[u.i].hasPrep("ب") || u.i > t.j && s.words[u.i-1].hasPrep("ب")
		chained := last != nil && u.i == last.j && startsWithConj(&s.words[u.i])
		if !withBa && !chained {
			continue
		}
		if mark {
			u.used = true
			u.why = "weapon of «" + t.form + "»: coded through it as " + u.code
		}
		code, last = u.code, u
	}
	return code
}

// specificCause follows a violent noun to the violent trigger in its
// genitive, which names the act more precisely (انفجار عبوة ناسفة → 1833).
// With mark set, the nouns it passes are marked as part of that cause.
func specificCause(trs []*trig, u *trig, mark bool) *trig {
	for _, x := range trs {
		if x.i == u.j && ontology.Root(x.code) >= "18" && !x.speech {
			if mark {
				u.used = true
				u.why = "head of the cause «" + x.form + "» of a casualty report (11f)"
			}
			u = x
		}
	}
	return u
}

// partitiveOrg returns the organisation a sector-only mention belongs to
// through partitive من (مسلحون من حركة طالبان باكستان), or m itself.
func partitiveOrg(s *sentence, actors []*mention, m *mention) *mention {
	if m.country != "" {
		return m
	}
	for _, x := range actors {
		if x.prep == "من" && x.country != "" && (x.i == m.j || x.i == m.j+1 && s.words[m.j].isBare("من")) {
			return x
		}
	}
	return m
}

// passiveMarked reports a verb written with a damma on its first letter,
// after any conjunction (قُتل، وأُصيب): the passive voice.
func passiveMarked(w *word) bool {
	n := 0
	for _, r := range w.text {
		if r == '\u064F' && n >= 1 {
			return true
		}
		if n++; n > 3 {
			break
		}
	}
	return false
}

// perpetrator finds the actor of a violent trigger t that caused
// casualties: a nationality adjective right after it (غارة إسرائيلية،
// بطائرة مسيرة حوثية), the subject of a relative clause on it (هجوم شنه
// مسلحون، الذي شنته جماعة الحوثي), or an agent after من قبل / على يد.
func (c *Coder) perpetrator(s *sentence, t *trig, actors, adjs []*mention, cl clause) *mention {
	for _, m := range adjs {
		if m.i == t.j || m.i == t.j+1 && s.words[t.j].is(weaponModifiers...) {
			return m
		}
	}
	if m := relativeAgent(s, t, actors); m != nil {
		return m
	}
	return c.passiveAgent(s, t, actors, cl)
}

// relativeAgent returns the subject of a relative clause on t's noun
// phrase: a verb with an enclitic pronoun within three words after t,
// perhaps after الذي/التي, followed directly by a bare actor (هجوم شنه
// مسلحون، عبوة ناسفة زرعها مسلحون).
func relativeAgent(s *sentence, t *trig, actors []*mention) *mention {
	for k := t.j; k < len(s.words) && k < t.j+3; k++ {
		w := &s.words[k]
		if hasPronoun(w) && !isPronPP(w) && w.punctAfter == "" {
			for _, m := range actors {
				if m.i == k+1 && m.prep == "" {
					return partitiveOrg(s, actors, m)
				}
			}
			return nil
		}
		if w.punctAfter != "" {
			return nil
		}
	}
	return nil
}
