// targets.go finds the target of a trigger: its slot prepositions in
// order, the noun that carries a slot, appositions, nationality adjectives
// on the object, and the author of the act or proposal that a criticism or
// rejection is about.

package coder

import (
	"github.com/marsad-project/marsad/internal/ontology"
)

// actNouns name acts (sanctions, violence, military operations) whose
// rejection is criticism, 111; proposalNouns name what a rejection (12x)
// is about: a plan, proposal, request or decision (hard call 11).
var (
	actNouns      = canonKeys("عقوبات", "عنف", "إرهاب", "عمليات", "هجمات", "هجوم", "اعتداءات", "اعتداء", "انتهاكات", "تدخل", "استيطان", "تصعيد", "حصار", "تهجير", "احتلال", "قصف", "ضم")
	proposalNouns = canonKeys("مقترح", "اقتراح", "خطة", "طلب", "دعوة", "مطالب", "عرض", "قرار", "مشروع", "مبادرة", "شروط", "اتفاق")
)

// topicAuthor finds, for an investigation, criticism, rejection or protest
// (09x, 11x, 12x, 14x) with no actor in its slots, the author of the act or
// proposal that is its object, as its target (hard call 13): the subject of
// a relative clause on the object, within six words of t and before any
// punctuation («المحادثات التي دعت إليها الولايات المتحدة»، «الانتهاكات
// التي ارتكبتها قوات الأمن»), or the من-phrase right after a proposal noun
// («رفضت طلباً من الأمم المتحدة»). Six words are counted from the end of
// a VSO subject.
func topicAuthor(s *sentence, t *trig, code string, actors []*mention, cl clause, src *mention) *mention {
	switch ontology.Root(code) {
	case "09", "11", "12", "14":
	default:
		return nil
	}
	at := func(i int, prep string) *mention {
		for _, m := range actors {
			if m.i == i && m.prep == prep && m != src && !m.media && !(src != nil && inChain(src, m)) {
				return m
			}
		}
		return nil
	}
	// The object follows a VSO subject; a phrase may end with the proposal
	// noun itself («رفضت .. الطلب»).
	lo := t.j
	if src != nil && src.i >= t.j && src.i <= t.j+1 {
		lo = src.j
	}
	if candIs(s, t.j-1, proposalNouns) {
		lo = t.j - 1
	}
	for k := lo; k < len(s.words) && k < cl.hi && k < lo+6; k++ {
		w := &s.words[k]
		if candIs(s, k, proposalNouns) && w.punctAfter == "" {
			if m := at(k+2, "من"); m != nil && s.words[k+1].punctAfter == "" {
				return m
			}
		}
		if w.isBare(relativePronouns...) && k+2 < len(s.words) && w.punctAfter == "" && s.words[k+1].punctAfter == "" {
			i := k + 2
			if isPronPP(&s.words[i]) && s.words[i].punctAfter == "" {
				i++
			}
			return at(i, "")
		}
		if w.punctAfter != "" {
			return nil
		}
	}
	return nil
}

// withoutSlots returns slots minus those in drop.
func withoutSlots(slots, drop []string) []string {
	out := make([]string, 0, len(slots))
	for _, s := range slots {
		if !containsStr(drop, s) {
			out = append(out, s)
		}
	}
	return out
}

// targetOf fills the target slot of t.
func (c *Coder) targetOf(s *sentence, t *trig, actors []*mention, cl clause, src *mention) *mention {
	// The target is in the same clause: stop at a comma or semicolon after
	// the trigger (the speaker's VSO subject may come first).
	hi := cl.hi
	asLo, asHi := 0, 0
	for k := t.j - 1; k < hi && k < len(s.words); k++ {
		if p := s.words[k].punctAfter; p == "،" || p == "؛" || p == "," || p == ";" {
			if src == nil || k >= src.j-1 {
				// «استقبل X، في قصر اليمامة بالرياض اليوم، Y»: a comma
				// that opens a place-and-time aside does not end the clause.
				if end := adverbialAside(s, k+1, s.mentions); end > 0 {
					k = end - 1
					continue
				}
				// «بحث X، في مستهل زيارته إلى واشنطن، مع Y»: a framing
				// aside between commas does not end the clause when the
				// clause resumes with one of t's slot prepositions; the
				// aside's own actors are not the target.
				if end := frameAside(s, k+1); end > 0 && end < len(s.words) && opensSlot(&s.words[end], t) {
					asLo, asHi = k+1, end
					k = end - 1
					continue
				}
				hi = k + 1
				break
			}
		}
	}
	cl.hi = hi
	// A phrase with a gap may hold its target: «مستعدة لمواصلة التنسيق مع
	// الأردن لدعم».
	for _, m := range actors {
		if m.i > t.i && m.j < t.j && m != src && !m.media && m.prep != "" && t.hasSlot(m.prep) {
			return m
		}
		if m.i > t.i && m.j < t.j && m != src && !m.media && m.prep == "" && t.hasSlot("obj") && !(src != nil && inChain(src, m)) && !m.conj && !isApposition(s, src, m, actors) {
			return m
		}
	}
	// A bare object or genitive is taken when it is the first candidate.
	// Prepositional slots are filled in the order the entry lists them:
	// «شكوى إلى مجلس الأمن ضد تركيا» (slots ضد,إلى) takes تركيا; among
	// mentions for the same slot the first in the text wins.
	var best *mention
	bestRank := len(t.slots)
	for _, m := range actors {
		if m.i < t.j || m.i >= cl.hi || m == src || m.media || (src != nil && inChain(src, m)) || m.i >= asLo && m.i < asHi || isApposition(s, src, m, actors) || sourceTitle(s, t, src, m, actors, cl.hi) {
			continue
		}
		slot := ""
		switch {
		case m.prep != "" && t.hasSlot(m.prep):
			slot = m.prep
		case m.prep == "" && t.hasSlot("gen") && m.i == t.j:
			slot = "gen"
		case m.prep == "" && t.hasSlot("obj") && !m.conj:
			slot = "obj"
		case m.prep == "ل" && t.hasSlot("obj") && ownedSite(s, t, m):
			slot = "obj"
		case m.prep == "" || !t.hasSlot(m.prep):
			slot = c.ppHead(s, t, m)
		}
		if slot == "obj" || slot == "gen" {
			if best == nil {
				return m
			}
			continue
		}
		if r := slotRank(t, slot); r < bestRank {
			best, bestRank = m, r
		}
	}
	return best
}

// siteNouns are the positions, bases and stores that an act of force hits,
// owned by the actor after ل (قصفت مواقع للقوات الروسية), as keys.
var siteNouns = []string{"موقع", "مواقع", "مقر", "مقرات", "تجمع", "تجمعات", "ثكنه", "ثكنات", "معسكر", "معسكرات", "مخزن", "مخازن", "مستودع", "مستودعات", "نقطه", "نقاط", "منصه", "منصات", "اهداف", "هدف"}

// ownedSite reports a mention under ل right after the bare object of t that
// names a site: «قصفت القوات الأوكرانية مواقع للقوات الروسية» — the owner
// is the target.
func ownedSite(s *sentence, t *trig, m *mention) bool {
	k := m.i - 1
	return k >= t.j && s.words[k].punctAfter == "" && s.words[k].isBare(siteNouns...)
}

// slotRank is the position of slot in t's slot list, or len(t.slots) when
// it is not one of them.
func slotRank(t *trig, slot string) int {
	for k, x := range t.slots {
		if x == slot {
			return k
		}
	}
	return len(t.slots)
}

// isApposition reports a mention that directly follows the source, or its
// post «لدى/إلى X», and has its code: a name or title in apposition to it
// («الأمين العام لمجلس التعاون … نايف الحجرف»، «المندوب الفلسطيني لدى
// الأمم المتحدة رياض منصور»), not the target.
func isApposition(s *sentence, src, m *mention, actors []*mention) bool {
	if src == nil || m.prep != "" || m.code == "" || m.code != src.code || m.i < src.j {
		return false
	}
	if m.i == src.j {
		return true
	}
	for _, p := range actors {
		if p.j == m.i && (p.prep == "لدي" || p.prep == "الي") && p.i == src.j+1 &&
			s.words[src.j].isBare(p.prep) && !punctBetween(s, src.j-1, m.i) {
			return true
		}
	}
	return false
}

// sourceTitle reports a bare title with no country of its own that follows
// the source within two words, with no punctuation and not across t, when
// a later bare mention of another country in the clause can be the object:
// the title is the source's own («استقبل الأمير … بن عبدالعزيز ولي العهد
// … الرئيس الأوكراني»).
func sourceTitle(s *sentence, t *trig, src, m *mention, actors []*mention, hi int) bool {
	if src == nil || m.prep != "" || m.country != "" || src.country == "" || m.i < src.j || m.i-src.j > 2 ||
		t.i >= src.j && t.i < m.i || punctBetween(s, src.j-1, m.i) {
		return false
	}
	for _, o := range actors {
		if o.i >= m.j && o.i < hi && o.prep == "" && !o.conj && !o.media && o.country != "" && o.country != src.country {
			return true
		}
	}
	return false
}

func inChain(head, m *mention) bool {
	for x := head; x != nil; x = x.next {
		if x == m {
			return true
		}
	}
	return false
}

// ppHead returns the slot preposition of t carried by the noun whose
// genitive m is, within a few words, or "" when there is none (بتطور منظمة …، مع جميع الدول الأعضاء في منظمة …).
// A phrase that ends with its slot preposition (القبض على، أضرم النار في)
// lends it to the words after it: «القبض على خمسة عناصر من تنظيم داعش».
func (c *Coder) ppHead(s *sentence, t *trig, m *mention) string {
	lo := t.j
	if t.j-t.i > 1 && endsWithSlot(s, t) {
		lo = t.j - 1
	}
	for k := m.i - 1; k >= lo && k >= m.i-5; k-- {
		w := &s.words[k]
		if w.punctAfter != "" && k != m.i-1 {
			return ""
		}
		for _, a := range w.alts {
			if a.prep != "" && t.hasSlot(a.prep) {
				return a.prep
			}
		}
		for _, p := range t.slots {
			if w.isBare(p) {
				return p
			}
		}
	}
	return ""
}

// endsWithSlot reports whether the last word of a phrase trigger is one of
// its slot prepositions (القبض على: slot على).
func endsWithSlot(s *sentence, t *trig) bool {
	w := &s.words[t.j-1]
	for _, p := range t.slots {
		if p != "obj" && p != "gen" && w.isBare(p) {
			return true
		}
	}
	return false
}

// punctBetween reports a comma, semicolon or full stop after any word in
// [from, to).
func punctBetween(s *sentence, from, to int) bool {
	for k := max(from, 0); k < to && k < len(s.words); k++ {
		switch s.words[k].punctAfter {
		case "،", "؛", ",", ";", ".", ":":
			return true
		}
	}
	return false
}

// adjectiveTarget finds a nationality adjective on the noun that a slot
// preposition introduces, «أشاد بالدور المصري» → Egypt, or on t's bare
// object: «رفضت المقترح الإسرائيلي»، «إسقاط طائرة مسيرة أمريكية» (8f).
func (c *Coder) adjectiveTarget(s *sentence, t *trig, adjs []*mention, cl clause, src *mention) *mention {
	for _, m := range adjs {
		// A phrase's gap may hold its object: «رفضت حماس المقترح
		// الإسرائيلي لوقف إطلاق النار».
		if m.i > t.i && m.j < t.j && t.hasSlot("obj") && src != nil && m.i > src.j && m.country != src.country && bareRun(s, m.i-1, m.i) {
			return m
		}
		if m.i <= t.j || m.i >= cl.hi || m.i-t.j > 3 || (src != nil && m.country == src.country) {
			continue
		}
		w := &s.words[m.i-1]
		if w.punctAfter != "" {
			continue
		}
		for _, a := range w.alts[1:] {
			if a.prep != "" && t.hasSlot(a.prep) {
				return m
			}
		}
		if (t.hasSlot("obj") || t.hasSlot("gen")) && bareRun(s, t.j, m.i) && (src == nil || src.i < t.j || src.i >= m.i) {
			// Not across a VSO subject: «أدانت وزارة الخارجية والمغتربين
			// الفلسطينية» qualifies the subject.
			return m
		}
	}
	return nil
}

// bareRun reports words [i, j) as one bare noun phrase: no preposition,
// proclitic or free, and no punctuation after any but the last.
func bareRun(s *sentence, i, j int) bool {
	for k := i; k < j; k++ {
		w := &s.words[k]
		if w.punctAfter != "" || w.isBare(prepWords...) {
			return false
		}
		for _, a := range w.alts[1:] {
			if a.prep != "" {
				return false
			}
		}
	}
	return true
}
