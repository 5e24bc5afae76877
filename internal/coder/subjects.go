// subjects.go finds the source of a trigger: the VSO subject after a verb,
// the SVO subject before it, the head of a coordination, the subject of a
// clause governed by a verbal noun, the agent of a passive or of a following
// cause clause, and the asides (time, place, framing phrases) that may stand
// between a verb and its subject.

package coder

import (
	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/ontology"
)

// subjectOf finds the source of trigger t: a mention right after a verb
// (VSO), else the nearest bare mention before it in the clause (SVO).
func (c *Coder) subjectOf(s *sentence, t *trig, actors []*mention, cl clause, d *docContext, ct *content) *mention {
	if m := c.svoSubject(s, t, actors, cl); m != nil {
		return m
	}
	if m := c.vsoSubject(s, t, actors); m != nil {
		return m
	}
	return c.subjectBefore(s, t, actors, cl)
}

// svoSubject finds a subject that stands right before the verb at the start
// of its clause (headline SVO «الرئيس المصري … يستقبل …», or after أن/إن:
// «أن الرئيس ماكرون سيستقبل …»); the mention after the verb is then its object.
func (c *Coder) svoSubject(s *sentence, t *trig, actors []*mention, cl clause) *mention {
	if t.pos == "noun" || t.i == 0 {
		return nil
	}
	var best *mention
	for _, m := range actors {
		if m.j == t.i && (m.prep == "" || m.prep == "الي") && !m.media {
			best = m
		}
	}
	if best == nil {
		return nil
	}
	if best = appositionHead(s, actors, best); best.prep != "" {
		return nil
	}
	best = coordHead(actors, best)
	start := best.i
	if start == 0 || start == cl.lo || s.words[start-1].isBare(complementz...) || s.words[start-1].is("ان") || s.words[start-1].punctAfter != "" {
		return best
	}
	return nil
}

// appositionHead goes back from m to the title it stands in apposition to:
// a mention of the same code right before it, or before «إلى X» that names
// the title's post («المبعوثة الأممية إلى ليبيا هانا تيتيه تلتقي …»).
func appositionHead(s *sentence, actors []*mention, m *mention) *mention {
	for _, p := range actors {
		if p.prep != "" || p.media || p.code != m.code || p == m {
			continue
		}
		if p.j == m.i || p.j == m.i-1 && m.prep == "الي" && s.words[p.j].isBare("الي") && s.words[p.j-1].punctAfter == "" {
			return p
		}
	}
	return m
}

// vsoSubject returns the mention right after a verb (VSO order), perhaps
// after honorifics and time adverbs (أكد صاحب السمو …، استقبل اليوم …).
func (c *Coder) vsoSubject(s *sentence, t *trig, actors []*mention) *mention {
	if t.pos == "noun" {
		return nil
	}
	// A phrase with a gap may hold its subject: «تبادل الجانبان وجهات النظر».
	for _, m := range actors {
		if m.i > t.i && m.j < t.j && m.prep == "" && !m.conj {
			return m
		}
	}
	start := t.j
	for start < len(s.words) && start < t.j+4 && s.words[start].is(skippable...) {
		start++
	}
	start, partitive := skipBeforeSubject(s, t, start)
	if start < 0 {
		return nil
	}
	for _, m := range actors {
		if m.i >= t.j && m.i <= start && !m.conj && !(t.trimmed && m.i == t.j) && (m.prep == "" || partitive && m.prep == "من" && m.i == start) {
			return m
		}
	}
	return nil
}

// skipBeforeSubject skips, from word start, a pronoun-PP (دعت إليها أحزاب)
// and, for a verb without an object, a quantifier (تظاهر آلاف المحتجين،
// تظاهر عدد من الطلاب): it returns where the subject may start, whether it
// is introduced by a partitive من, or -1 when punctuation intervenes.
func skipBeforeSubject(s *sentence, t *trig, start int) (int, bool) {
	partitive := false
	for ; start < len(s.words) && start < t.j+6; start++ {
		w := &s.words[start]
		switch {
		case isPronPP(w):
		case (!t.hasSlot("obj") || t.marked) && w.is(quantifiers...), t.marked && w.is(cardinals...):
		case (!t.hasSlot("obj") || t.marked) && w.isBare("من") && start > t.j && s.words[start-1].is(quantifiers...):
			partitive = true
		default:
			return start, partitive
		}
		if w.punctAfter != "" {
			return -1, false
		}
	}
	return start, partitive
}

// quantifiers may stand before the subject of an intransitive verb (تظاهر
// آلاف المحتجين), as canonical keys.
var quantifiers = canonKeys("آلاف", "ألوف", "مئات", "عشرات", "نحو", "حوالي", "قرابة", "عدد", "المئات", "الآلاف", "العشرات")

// cardinals may precede the subject of a verb marked passive (اختُطف ثلاثة
// موظفين): the victims it names.
var cardinals = canonKeys("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة")

// pronPPs are the preposition + pronoun words that are not segmented (له،
// بها); isPronPP also accepts the segmented ones (إليها، عليه، معه).
var pronPPs = canonKeys("له", "لها", "لهم", "لهما", "به", "بها", "بهم", "بهما")

// isPronPP reports a preposition carrying an enclitic pronoun.
func isPronPP(w *word) bool {
	if w.isBare(pronPPs...) {
		return true
	}
	for _, a := range w.alts[1:] {
		if a.pron != "" && containsStr(prepWords, a.key) {
			return true
		}
	}
	return false
}

func (c *Coder) subjectBefore(s *sentence, t *trig, actors []*mention, cl clause) *mention {
	var best *mention
	for _, m := range actors {
		if m.j <= t.i && m.i >= cl.lo && m.prep == "" && !genitiveOfPP(s, m) && !s.afterNounTrigger[m.i] {
			if best == nil || m.i > best.i {
				best = m
			}
		}
	}
	if best != nil {
		best = coordHead(actors, best)
	}
	return best
}

// coordHead goes back from a conjunct to the head of its coordination:
// «الصين وروسيا تعززان» has the subject الصين (with روسيا as next).
func coordHead(actors []*mention, m *mention) *mention {
	for moved := true; moved; {
		moved = false
		for _, x := range actors {
			if x.next == m {
				m, moved = x, true
				break
			}
		}
	}
	return m
}

func hasPronoun(w *word) bool {
	for _, a := range w.alts[1:] {
		if a.pron != "" {
			return true
		}
	}
	return false
}

func startsWithConj(w *word) bool {
	for _, a := range w.alts[1:] {
		if a.conj != "" {
			return true
		}
	}
	return false
}

// passiveAgent finds the agent of a passive trigger: من قبل X / على يد X,
// or plain من X when the trigger's pattern introduces its other party with
// من (تلقى دعوة من …).
func (c *Coder) passiveAgent(s *sentence, t *trig, actors []*mention, cl clause) *mention {
	for _, m := range actors {
		if m.i > t.j && m.i < cl.hi && m.i >= 1 && s.words[m.i-1].is(agentMarkers...) {
			return m
		}
	}
	if t.passive && t.hasSlot("من") {
		for _, m := range actors {
			if m.i >= t.j && m.i < cl.hi && m.prep == "من" {
				return m
			}
		}
	}
	return nil
}

// gapAdjective returns the nationality adjective in the gap of a phrase of
// force with no actor for subject: the weapon or unit that acts is named
// by its nationality («أطلقت دبابة إسرائيلية .. قذيفة»).
func gapAdjective(t *trig, code string, adjs []*mention) *mention {
	if ontology.Root(code) < "18" {
		return nil
	}
	for _, m := range adjs {
		if m.i > t.i && m.j < t.j {
			return m
		}
	}
	return nil
}

// causeAgent returns the attacker of a passive act of force t that a
// following «بعد أن / إثر / عقب» clause narrates with a verb of force:
// «نجا X من محاولة اغتيال، بعد أن أطلق مسلحون النار على موكبه» — the
// gunmen are the source of the attempt on X.
func (c *Coder) causeAgent(s *sentence, t *trig, trs []*trig, k int, actors []*mention) *mention {
	if ontology.Root(t.code) < "18" {
		return nil
	}
	for _, u := range trs[k+1:] {
		if u.pos == "noun" || ontology.Root(u.code) < "18" || u.i < 2 || u.i > t.j+4 {
			continue
		}
		if s.words[u.i-1].isBare("ان") && s.words[u.i-2].isBare("بعد", "عقب", "اثر") {
			return c.vsoSubject(s, u, actors)
		}
	}
	return nil
}

// genitiveOfPP reports whether m is the genitive complement of a noun that
// carries a preposition (بتطور منظمة …), so it cannot be a subject.
func genitiveOfPP(s *sentence, m *mention) bool {
	if m.i == 0 {
		return false
	}
	w := &s.words[m.i-1]
	if w.punctAfter != "" {
		return false
	}
	for _, a := range w.alts[1:] {
		if a.prep != "" {
			return true
		}
	}
	return w.isBare(prepWords...)
}

// adverbialAside returns the end of a comma-delimited aside that starts at
// word i and holds only places, place nouns, prepositions and time words
// (في قصر اليمامة بالرياض اليوم،), or 0 when the words are not such an aside.
func adverbialAside(s *sentence, i int, ms []*mention) int {
	isActor := func(k int) (actor, place bool) {
		for _, m := range ms {
			if k >= m.i && k < m.j {
				return !m.place, m.place
			}
		}
		return false, false
	}
	for k := i; k < len(s.words) && k < i+8; k++ {
		w := &s.words[k]
		actor, place := isActor(k)
		if actor {
			return 0
		}
		if !(place || w.kind == arabic.Number || w.isBare(locPreps...) || w.is(placeNouns...) || w.is(asideWords...) || s.starts(k, dict.Place) || w.hasPrep("ب")) {
			return 0
		}
		switch w.punctAfter {
		case "،", ",":
			return k + 1
		case "":
		default:
			return 0
		}
	}
	return 0
}

// frameAside returns the end of a comma-closed aside that starts at word i
// with a framing preposition (في مستهل زيارته …، خلال لقائه …، على هامش …،)
// and holds no more than ten words, or 0 when there is none.
func frameAside(s *sentence, i int) int {
	if i >= len(s.words) {
		return 0
	}
	w := &s.words[i]
	if !w.isBare("في", "خلال", "اثناء") && !(w.isBare("علي") && i+1 < len(s.words) && s.words[i+1].is(frameWords...)) {
		return 0
	}
	for k := i; k < len(s.words) && k < i+10; k++ {
		switch s.words[k].punctAfter {
		case "،", ",":
			return k + 1
		case "":
		default:
			return 0
		}
	}
	return 0
}

// opensSlot reports whether w is, or carries, one of t's slot
// prepositions.
func opensSlot(w *word, t *trig) bool {
	for _, p := range t.slots {
		if w.isBare(p) || w.hasPrep(p) {
			return true
		}
	}
	return false
}

// asideWords are time and place words that may fill an aside.
var asideWords = []string{"يوم", "امس", "اليوم", "مساء", "صباح", "ظهر", "قصر", "مقر", "ديوان", "اثناء", "خلال"}

// nounClauseSubject finds the subject of a verbal noun that has no genitive
// subject of its own: the noun is the object of the clause's verb (a light or
// aspectual verb: أجرى، شن، نفذ، قدم، بدأ، أعلن …), so its subject is that
// verb's VSO subject — the first bare actor of the clause, standing right
// after the clause's first word — or, inside reported speech announced by
// the speaker (أعلن … وقفاً لإطلاق النار), the speaker (A3a). A noun under
// a preposition (في هجوم، على الهجوم) is not an object and gets none.
func (c *Coder) nounClauseSubject(s *sentence, t *trig, actors []*mention, cl clause, ct *content) *mention {
	w := &s.words[t.i]
	if t.i > 0 && s.words[t.i-1].isBare(prepWords...) {
		return nil
	}
	if w.key != t.entry.Forms[0] {
		for _, a := range w.alts[1:] {
			if a.prep != "" && !w.isBare(a.key) {
				// read only with a proclitic preposition
				ok := false
				for _, b := range w.alts {
					if b.prep == "" && (b.key == a.key) {
						ok = true
					}
				}
				if !ok {
					return nil
				}
			}
		}
	}
	if ct != nil && ct.speaker != nil && !ct.speaker.media && t.i <= ct.lo+1 {
		return ct.speaker
	}
	lo := cl.lo
	var first *mention
	for _, m := range actors {
		if m.i >= lo && m.j <= t.i && m.prep == "" && !m.media {
			first = m
			break
		}
	}
	if first == nil {
		return nil
	}
	// The subject stands right after the clause's first word (the verb),
	// perhaps after honorifics.
	k := lo + 1
	for k < first.i && s.words[k].is(skippable...) {
		k++
	}
	if first.i != k {
		return nil
	}
	for _, m := range actors {
		if m.i > first.j && m.j <= t.i && m != first && !inChain(first, m) && m.prep == "" {
			return nil // another bare actor between: the noun is not the clause's object
		}
	}
	return first
}
