// rules.go holds the rules that decide whether and how a trigger is coded:
// skipReason (negation, background, topic, modal, relative and motive
// clauses, dated past acts), intent markers and their codes, refusals and
// rejections, and the refinement of general codes by their complement.

package coder

import (
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/ontology"
)

// skipReason returns why trigger k must not be coded, or "".
func (c *Coder) skipReason(s *sentence, t *trig, trs []*trig, k int, sports bool) string {
	root := ontology.Root(t.code)
	if sports && (root == "04" || root >= "17") {
		return "sports context (A9)"
	}
	if t.i > 0 {
		prev := &s.words[t.i-1]
		if prev.isBare(negators...) && refusalCode(s, t) == "" {
			return "negated by " + prev.text + " (A6)"
		}
		if t.pos == "noun" && prev.is(frameWords...) {
			return "frame «على هامش»: the framing event is not coded"
		}
		if prev.isBare("قد") && c.hasKanBefore(s, t.i-1) {
			return "pluperfect background وكان … قد (A5)"
		}
	}
	if t.pos == "noun" || t.pos == "phrase" {
		// Any verbal noun after a temporal or causal preposition is the
		// background of the main event (A5): «بعد أسابيع من توقيع»,
		// «على خلفية إعلان اتفاق», «منذ بدء العملية».
		for k := t.i - 1; k >= 0 && k >= t.i-4; k-- {
			w := &s.words[k]
			if w.isBare("بعد", "منذ", "عقب", "اثر", "خلفيه", "اعقاب") {
				return "background «" + w.text + " …» (A5)"
			}
			if w.punctAfter != "" {
				break
			}
		}
	}
	if root >= "09" && t.nounHead {
		for k := t.i - 1; k >= 0 && k >= t.i-2; k-- {
			if s.words[k].isBare(backgroundPreps...) {
				return "circumstance or topic «" + s.words[k].text + " …» (A4/A5)"
			}
			if !s.words[k].is("عمليه", "عمليات") {
				break
			}
		}
		for _, a := range s.words[t.i].alts[1:] {
			if a.prep != "" && a.key == t.entry.Forms[0] {
				return "violent noun under a preposition: topic, not event (A4)"
			}
		}
		// A phrase under ب is usually the weapon of the act (بالصواريخ), which
		// is coded through it; under another preposition it is a topic.
		if p := s.words[t.i].altFor(t.lead).prep; t.pos == "phrase" && p != "" && p != "ب" {
			return "violent noun phrase under a preposition: topic, not event (A4, 7e)"
		}
	}
	if root < "09" && t.pos == "noun" && t.i > 0 && s.words[t.i-1].isBare(coopBackgroundPreps...) {
		return "circumstance «" + s.words[t.i-1].text + " …» of another event (A5)"
	}
	if root >= "14" {
		for k := t.i - 1; k >= 0 && k >= t.i-4; k-- {
			if s.words[k].is(modalWords...) {
				return "hypothetical: «" + s.words[k].text + "» (not reported as done)"
			}
		}
	}
	if t.pos != "noun" && t.i > 0 && s.words[t.i-1].isBare(relativePronouns...) && c.datedPast(s, t) {
		return "relative clause about an earlier, dated act (A5)"
	}
	// A4: a verbal noun that is the object of another trigger's verb.
	if t.pos == "noun" && k > 0 {
		p := trs[k-1]
		if !p.speech && t.i-p.j <= 2 && t.i >= p.j && ontology.Root(p.code) != "03" && !p.used {
			return "topic of «" + p.form + "» (A4)"
		}
	}
	return ""
}

// datedPast reports a year before the article's within a few words after
// the trigger (الذي اغتالته إسرائيل في 17 أبريل 2004).
func (c *Coder) datedPast(s *sentence, t *trig) bool {
	for k := t.j; k < len(s.words) && k < t.j+8; k++ {
		w := &s.words[k]
		if w.kind == arabic.Number && len(w.key) == 4 && w.key >= "1900" && w.key < c.year {
			return true
		}
	}
	return false
}

func (c *Coder) hasKanBefore(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if s.words[k].is("كان", "كانت", "كانوا") {
			return true
		}
	}
	return false
}

// hasIntentMarker reports a future or intent marker on or before t: the
// proclitic س, سوف, يعتزم, من المقرر أن.
func (c *Coder) hasIntentMarker(s *sentence, t *trig) bool {
	for _, a := range s.words[t.i].alts[1:] {
		if a.future {
			return true
		}
	}
	for k := t.i - 1; k >= 0 && k >= t.i-3; k-- {
		w := &s.words[k]
		if w.isBare(futureWords...) || w.is(intentWords...) {
			return true
		}
	}
	return false
}

// motiveMasdars in the indefinite accusative state the motive of an act
// (تظاهروا …، رفضاً لـ / احتجاجاً على / تنديداً بـ / تضامناً مع), as keys.
var motiveMasdars = canonKeys("رفضا", "احتجاجا", "تنديدا", "استنكارا", "اعتراضا", "تضامنا", "تاييدا", "دعما")

// motiveSpan returns the words [lo, hi) of a motive phrase: after a comma,
// a motive masdar followed by its preposition, or «للمطالبة», up to the
// next punctuation or the next verb coordinated with و/ف (… وقطعوا الطريق).
// The motive of a protest or of a suspension is not an event (A4); lo = hi
// = -1 when there is none.
func motiveSpan(s *sentence, trs []*trig) (int, int) {
	for i := 1; i < len(s.words); i++ {
		if p := s.words[i-1].punctAfter; p != "،" && p != "," {
			continue
		}
		if !isMotive(s, i) {
			continue
		}
		hi := i + 1
		for hi < len(s.words) && s.words[hi-1].punctAfter == "" {
			hi++
		}
		for _, t := range trs {
			if t.i > i && t.i < hi && t.pos == "verb" && startsWithConj(&s.words[t.i]) {
				hi = t.i
			}
		}
		return i, hi
	}
	return -1, -1
}

// isMotive reports a motive masdar at word i: an indefinite accusative
// masdar whose preposition follows (رفضاً لـ، احتجاجاً على; not the dual
// verb in «رفضا الاقتراح»), or «للمطالبة».
func isMotive(s *sentence, i int) bool {
	w := &s.words[i]
	for _, a := range w.alts {
		if a.key == "مطالبه" && a.prep == "ل" {
			return true
		}
	}
	if !w.isBare(motiveMasdars...) || i+1 >= len(s.words) || w.punctAfter != "" {
		return false
	}
	next := &s.words[i+1]
	return next.isBare("علي", "مع", "ضد") || next.hasPrep("ل") || next.hasPrep("ب") || next.alts[0].prep == "ل"
}

// indefiniteRelative reports a verb that opens a relative clause without
// a relative pronoun: it follows an indefinite verbal noun directly and
// refers back to it with a pronoun, on the verb (حزمة دعم أعلنتها) or in a
// pronoun-PP right after it (تظاهرات دعت إليها). Such a clause describes
// the act the noun names; it is background or topic, not a new event
// (A4/A5).
func (c *Coder) indefiniteRelative(s *sentence, t *trig, trs []*trig) bool {
	if t.i == 0 || startsWithConj(&s.words[t.i]) {
		return false
	}
	prev := &s.words[t.i-1]
	if prev.punctAfter != "" || hasArticleReading(prev) {
		return false
	}
	afterNoun := false
	for _, u := range trs {
		if u.pos == "noun" && u.j == t.i {
			afterNoun = true
		}
	}
	return afterNoun && (hasPronoun(&s.words[t.j-1]) || t.j < len(s.words) && isPronPP(&s.words[t.j]))
}

// refusalCode returns the 124x code of a concession (08x) negated with the
// future negator لن («لن ترفع العقوبات» → 1244, A6), or "" when t is not
// such a trigger.
func refusalCode(s *sentence, t *trig) string {
	if t.i == 0 || !s.words[t.i-1].isBare("لن") || ontology.Root(t.code) != "08" {
		return ""
	}
	return yieldRefusal(t.code)
}

// yieldRefusal maps a concession code to the matching refusal (124x): the
// CAMEO 124 subcodes mirror 081, 082, 084, 085, 086 and 087.
func yieldRefusal(code string) string {
	if len(code) < 3 {
		return "124"
	}
	switch code[:3] {
	case "081":
		return "1241"
	case "082":
		return "1242"
	case "084":
		return "1243"
	case "085":
		return "1244"
	case "086":
		return "1245"
	case "087":
		return "1246"
	}
	return "124"
}

// stepNouns name an act just reported as a step, the antecedent of a
// reaction in a relative clause without a pronoun (في خطوة رحبت بها).
var stepNouns = canonKeys("خطوة", "خطوات")

// reactsToStep reports a verb right after a step noun that refers back to it
// with an object pronoun or a pronoun-PP (رحبت بها، وصفتها، انتقدتها).
func reactsToStep(s *sentence, t *trig) bool {
	if t.pos != "verb" || t.i == 0 || !s.words[t.i-1].isBare(stepNouns...) {
		return false
	}
	return hasPronoun(&s.words[t.j-1]) || t.j < len(s.words) && isPronPP(&s.words[t.j])
}

// candIs reports whether word k has one of keys among its match candidates,
// which include an indefinite accusative without its tanwin alif (طلباً).
func candIs(s *sentence, k int, keys []string) bool {
	for _, c := range s.cands[k] {
		if containsStr(keys, c) {
			return true
		}
	}
	return false
}

// rejectsAct reports whether a general rejection (120) has an act as its
// object: an act noun within four words after the trigger, before any
// punctuation or proposal noun («رفضها الدائم لجميع أشكال العنف»).
func rejectsAct(s *sentence, t *trig) bool {
	if t.hasSlot("ضد") {
		return false // «صوّت ضد»: a vote, not a rejection of an act
	}
	for k := t.j; k < len(s.words) && k < t.j+4; k++ {
		w := &s.words[k]
		if w.is(proposalNouns...) {
			return false
		}
		if w.is(actNouns...) {
			return true
		}
		if w.punctAfter != "" {
			return false
		}
	}
	return false
}

// intentCode maps a cooperative code announced as intent to its 03x code
// (A7); conflictual intent becomes a threat.
func intentCode(code string) string {
	switch r := ontology.Root(code); {
	case r == "04":
		return "036"
	case r == "05":
		return "032"
	case code == "061" || code == "0311":
		return "0311"
	case code == "062":
		return "0312"
	case r == "06":
		return "031"
	case r == "07":
		return "033"
	case r == "08":
		return "035"
	case r >= "14" && r <= "17":
		return "130"
	case r >= "18":
		return "138"
	}
	return code
}

// refineByComplement gives a general rejection or threat (120, 130) the
// specific code of the act it governs (complementCode), and the act's slots
// for finding the target: «لوّحت تركيا بتعليق علاقاتها مع …» → 1313.
func (c *Coder) refineByComplement(s *sentence, t *trig, trs []*trig, k int, code string) string {
	if code != "120" && code != "130" {
		return code
	}
	for x := k + 1; x < len(trs); x++ {
		u := trs[x]
		if u.i > t.j+8 {
			break
		}
		if u.speech || complementParent(s, u, trs, x) != t {
			continue
		}
		cc := complementCode(code, u.code)
		if cc == "" {
			continue
		}
		u.used = true
		u.why = "complement of «" + t.form + "»: gives it the code " + cc
		// The act's target is the complement's: its slots come first.
		t.slots = append(append([]string(nil), u.slots...), withoutSlots(t.slots, u.slots)...)
		return cc
	}
	return code
}

// complementOf returns why trigger k is the complement of an earlier
// appeal, demand, accusation, rejection or threat (طالب … برفع العقوبات،
// لوّح بتعليق العلاقات), or "" when it is not.
func complementOf(s *sentence, t *trig, trs []*trig, k int) string {
	if p := complementParent(s, t, trs, k); p != nil {
		return "complement of «" + p.form + "» (A4/A3c)"
	}
	return ""
}

// complementParent finds the 02x/10x/11x/12x/13x trigger whose complement
// trigger k is: k carries ب/ل or follows إلى/على/أن, and stands within
// eight words after that trigger with no punctuation between.
func complementParent(s *sentence, t *trig, trs []*trig, k int) *trig {
	if k == 0 {
		return nil
	}
	w := &s.words[t.i]
	marked := false
	for _, a := range w.alts[1:] {
		if a.prep == "ب" || a.prep == "ل" {
			marked = true
		}
	}
	if t.i > 0 && s.words[t.i-1].isBare("الي", "علي", "ان") {
		marked = true
	}
	if !marked {
		return nil
	}
	for x := k - 1; x >= 0; x-- {
		p := trs[x]
		if p.speech || t.i-p.j > 8 {
			continue
		}
		switch ontology.Root(p.code) {
		case "02", "10", "11", "12", "13":
			for q := p.j; q < t.i; q++ {
				if pu := s.words[q].punctAfter; pu == "،" || pu == "." || pu == "؛" {
					return nil
				}
			}
			return p
		}
	}
	return nil
}

// complementCode refines the general code of a rejection or threat by the
// act it governs (A6, A7): «رفض … السماح بدخول» → 1245, «لوّح بتعليق
// العلاقات» → 1313, «هدد بفرض عقوبات» → 1312. It returns "" when the pair
// has no more specific code.
func complementCode(code, comp string) string {
	cr := ontology.Root(comp)
	switch {
	case code == "120" && cr == "08":
		return yieldRefusal(comp)
	case code != "130":
		return ""
	}
	switch {
	case strings.HasPrefix(comp, "161"):
		return "1313"
	case strings.HasPrefix(comp, "162"):
		return "1311"
	case strings.HasPrefix(comp, "163"):
		return "1312"
	case strings.HasPrefix(comp, "164"):
		return "134"
	case strings.HasPrefix(comp, "165"):
		return "135"
	case strings.HasPrefix(comp, "166"):
		return "136"
	case cr == "14":
		return "133"
	case cr == "17":
		return "137"
	case cr >= "18":
		return "138"
	}
	return ""
}
