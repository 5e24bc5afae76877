// dyads.go holds the rules that pair actors beyond a plain source and
// target: mediation (mediators and parties), «بين X وY» pairs, the subject
// and object pronoun of a coordinated VSO verb, and reciprocal verbs whose
// coordinated subjects act on each other.

package coder

import (
	"strings"
)

// mediation finds the mediators and the parties of a mediation trigger
// (B3). The mediators of «بوساطة/برعاية» are the genitive actor or the
// nationality adjectives right after the noun (برعاية سعودية أمريكية); a
// mediation verb (توسط) has its subject. The parties are a «بين X وY» pair
// of the sentence, else the coordinated source of the previous event
// (عقد وفدا الحكومة وجماعة الحوثي … برعاية الأمم المتحدة). It returns nil
// when either is missing.
func (c *Coder) mediation(s *sentence, t *trig, actors, adjs []*mention, last *mention) ([]*mention, *mention) {
	var parties *mention
	for _, m := range actors {
		if m.prep == "بين" && m.next != nil {
			parties = m
			break
		}
	}
	if parties == nil && last != nil && len(last.members()) >= 2 {
		parties = last
	}
	if parties == nil {
		return nil, nil
	}
	var med []*mention
	if t.pos == "noun" {
		next := t.j
		for _, m := range adjs {
			if m.i == next {
				med = append(med, m)
				next = m.j
			}
		}
		for _, m := range actors {
			if len(med) == 0 && m.i == t.j && m.prep == "" {
				med = append(med, m.members()...)
			}
		}
	} else if m := c.vsoSubject(s, t, actors); m != nil {
		med = m.members()
	}
	for _, m := range med {
		for _, p := range parties.members() {
			if sameActor(m, p) {
				return nil, nil
			}
		}
	}
	if len(med) == 0 {
		return nil, nil
	}
	return med, parties
}

// pronounObjectPair returns the subject and object of a sentence-initial
// VSO clause — a bare actor right after the first word, then the next bare
// actor — when t is a coordinated verb carrying an object pronoun after
// them, with no punctuation between (استدعت الخارجية السفير … وسلمته): the
// verb shares that subject and its pronoun is that object. nil, nil
// otherwise.
func pronounObjectPair(s *sentence, t *trig, actors []*mention) (*mention, *mention) {
	if t.pos == "noun" || !startsWithConj(&s.words[t.i]) || !hasPronoun(&s.words[t.i]) || isPronPP(&s.words[t.i]) || len(actors) < 2 {
		return nil, nil
	}
	a, b := actors[0], actors[1]
	if a.i != 1 || a.prep != "" || b.prep != "" || b.conj || a.next == b || b.j > t.i || a.media || b.media || punctBetween(s, 0, t.i) {
		return nil, nil
	}
	for _, m := range actors[2:] {
		if m.i < t.i && !m.place {
			return nil, nil // another actor between: the pronoun is ambiguous
		}
	}
	return a, b
}

// reciprocalStems are form-VI verbs and their nouns that make the two
// coordinated subjects act on each other (تبادلت X وY إطلاق النار، تراشق).
var reciprocalStems = []string{"تبادل", "تراشق"}

// reciprocal reports a trigger that opens with a reciprocal verb or noun.
func reciprocal(s *sentence, t *trig) bool {
	k := s.words[t.i].key
	for _, st := range reciprocalStems {
		if strings.Contains(k, st) {
			return true
		}
	}
	return false
}

func sameActor(a, b *mention) bool {
	return a == b || a.code != "" && a.code == b.code && len(a.pair) == 0
}

// baynaPair finds «بين X وY» right after a verbal noun (within six words, in
// its clause): the two parties of a mutual act.
func (c *Coder) baynaPair(s *sentence, t *trig, actors []*mention, cl clause) *mention {
	for _, m := range actors {
		if m.i >= t.j && m.i <= t.j+6 && m.i < cl.hi && m.prep == "بين" && m.next != nil && m.next.next == nil {
			return m
		}
	}
	return nil
}
