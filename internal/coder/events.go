package coder

import (
	"fmt"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/dict"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/ontology"
)

// Marker words, as canonical keys (normalised, leading ال dropped).
var (
	negators    = []string{"لم", "لن", "لا", "ما", "ليس", "ليست", "عدم"}
	futureWords = []string{"سوف"}
	intentWords = []string{"يعتزم", "تعتزم", "يعتزمون", "مقرر", "المقرر", "ينوي", "تنوي", "يزمع", "تزمع"}
	complementz = []string{"ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "بانهم"}
	frameWords  = []string{"هامش"}
	sportsWords = []string{"مباراه", "دوري", "فريق", "منتخب", "بطوله", "نادي", "لاعب", "لاعبين", "مدرب", "كاس"}
	// agentMarkers introduce the agent of a passive: من قبل، على يد/أيدي،
	// برصاص/بنيران (by the bullets, the fire of).
	agentMarkers = []string{"قبل", "يد", "ايدي", "رصاص", "نيران"}
	// weaponModifiers may stand between a violent noun and the nationality
	// adjective that names its actor (غارات جوية إسرائيلية).
	weaponModifiers = []string{"جويه", "جوي", "صاروخيه", "صاروخي", "مدفعي", "مدفعيه", "مسلح", "مسلحه", "انتحاري", "عسكريه", "عسكري", "بري", "بريه", "بحري", "بحريه"}
	// backgroundPreps before a violent noun make it the circumstance or topic
	// of another event, not a new one (إثر مقتل، بعد الهجوم، على عملية الخطف).
	backgroundPreps = []string{"اثر", "بعد", "عقب", "منذ", "قبل", "علي", "عن", "ضد", "حول", "بشان", "جراء", "نتيجه", "مثل", "خلفيه"}
	// coopBackgroundPreps before a cooperative verbal noun make it a
	// circumstance (الدور المصري في إيصال المساعدات، بعد لقائه).
	coopBackgroundPreps = []string{"في", "عن", "حول", "بشان", "اثر", "بعد", "عقب", "منذ", "قبل"}
	// relativePronouns open a relative clause (A5 background when dated).
	relativePronouns = []string{"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "ذي", "تي", "ذين", "لذين", "لتين", "لواتي", "لاتي"}
	// modalWords make a following act hypothetical, not reported as done.
	modalWords = []string{"يمكن", "يمكنه", "يمكنها", "شان", "شانه", "شانها", "ربما", "لو", "اذا", "يجب", "ينبغي", "قادر", "قادره", "سيناريو", "احتمال", "امكانيه"}
	// skippable words may stand between a verb and its subject.
	skippable = []string{"صاحب", "سمو", "ملكي", "فخامه", "معالي", "دوله", "سعاده", "جلاله", "يوم", "امس", "مساء", "صباح", "شيخ", "حضره"}
)

// intentSlots introduce the partner of an intent to cooperate, whatever
// the complement verb (مستعدة للحفاظ على التبادلات … مع الصين).
var intentSlots = []string{"مع", "ل", "الي", "ب"}

// clause is the part of a sentence a trigger's slots are looked for in.
type clause struct{ lo, hi int }

// content is the reported speech of a speech verb: words [lo, hi) said by
// speaker.
type content struct {
	lo, hi  int
	speaker *mention
	t       *trig
	coded   bool // an event was coded inside it
}

// codeSentence turns a sentence's mentions and triggers into events.
func (c *Coder) codeSentence(s *sentence, text string, d *docContext, ms []*mention, places []*placeRef, trs []*trig, ex *sentenceExplain) []model.Event {
	loc := bestPlace(places)
	if loc == nil && s.index == 0 && d.place != nil {
		loc = d.place
	}
	sports := false
	for k := range s.words {
		if s.words[k].is(sportsWords...) {
			sports = true
			break
		}
	}
	actors := make([]*mention, 0, len(ms))
	var adjs []*mention
	for _, m := range ms {
		switch {
		case m.adj:
			adjs = append(adjs, m)
		case !m.place:
			actors = append(actors, m)
		}
	}

	s.mentions = ms
	// A mention right after a verbal noun is its genitive (اجتماع مجلس
	// وزراء الخارجية), not the subject of a later verb.
	s.afterNounTrigger = make([]bool, len(s.words)+1)
	for _, t := range trs {
		if t.pos == "noun" && ontology.Root(t.code) < "09" {
			s.afterNounTrigger[t.j] = true
		}
	}

	mlo, mhi := motiveSpan(s, trs)
	// Speech verbs first: each opens a content clause with its speaker.
	var contents []*content
	for k, t := range trs {
		if !t.speech {
			continue
		}
		if t.i >= mlo && t.i < mhi {
			t.why = "inside the motive of the preceding act (A4)"
			t.used = true
			continue
		}
		var sp *mention
		if t.pos == "part" || t.pos == "noun" {
			// A circumstantial participle (مؤكداً، معتبرة) or a speech noun
			// (في بيان) belongs to the main clause: its speaker is the
			// subject of the nearest verb before it.
			for x := k - 1; x >= 0 && sp == nil; x-- {
				if p := trs[x]; p.pos != "noun" && p.pos != "part" {
					sp = c.subjectOf(s, p, actors, clause{0, len(s.words)}, d, nil)
				}
			}
			if sp == nil && len(contents) > 0 {
				sp = contents[len(contents)-1].speaker
			}
		}
		if sp == nil {
			sp = c.subjectOf(s, t, actors, clause{0, len(s.words)}, d, nil)
		}
		if sp == nil && t.pos == "verb" {
			// «وقال إن …» with the subject dropped: the last speaker.
			sp = d.speakerOrSubject()
		}
		if sp != nil && sp.media {
			t.why = "speech by a news agency: a reporter, not an actor"
			t.used = true
			continue
		}
		if sp != nil && isReporter(s, sp) {
			t.why = "speech by a witness or correspondent: a reporter, not an actor (A3b)"
			t.used = true
			continue
		}
		lo := -1
		for i := t.j; i < len(s.words) && i < t.j+14; i++ {
			if s.words[i].isBare(complementz...) || s.words[i].is("ان") {
				lo = i + 1
				break
			}
		}
		if lo < 0 && t.entry.Has("ambiguous") {
			t.why = "ambiguous speech verb without أن/إن"
			t.used = true
			continue
		}
		if lo < 0 {
			lo = t.j
			if sp != nil && sp.j > t.j {
				lo = sp.j
			}
		}
		hi := len(s.words)
		for _, u := range trs[k+1:] {
			if u.speech && u.i >= lo {
				hi = u.i
				break
			}
		}
		if sp != nil {
			d.speaker = sp
		}
		contents = append(contents, &content{lo: lo, hi: hi, speaker: sp, t: t})
	}
	inContent := func(i int) *content {
		for _, ct := range contents {
			if i >= ct.lo && i < ct.hi {
				return ct
			}
		}
		return nil
	}

	var events []model.Event
	emit := func(e model.Event) {
		if len(events) < c.MaxEventsPerSentence {
			events = append(events, e)
		}
	}
	var lastSource *mention
	var victims []*mention // casualties of passive killings: never a source
	for k, t := range trs {
		if t.speech || t.used {
			continue
		}
		if t.within != nil {
			t.why = "repeats «" + t.within.form + "», the phrase it lies in"
			continue
		}
		if t.i >= mlo && t.i < mhi {
			t.why = "motive of the preceding act («، احتجاجاً على …»): not coded (A4)"
			continue
		}
		// Reasons not to code this trigger; a claimed act is coded anyway.
		if why := c.skipReason(s, t, trs, k, sports); why != "" && t.claimant == nil {
			t.why = why
			continue
		}
		// The requested, demanded, alleged or rejected act (طالب … برفع
		// العقوبات، دعا إلى وقف، اتهم … بقصف، رفض … بالتراجع) is the content of
		// that act, not a second event (A4, A3c).
		if cx := complementOf(s, t, trs, k); cx != "" && t.claimant == nil {
			t.why = cx
			continue
		}
		// A verb right after a relative pronoun has the antecedent as its
		// subject: an actor (المحتجين الذين حاولوا …) is the source; a thing
		// (التفجير الذي استهدف …، الانتخابات التي دعا إليها …) makes the clause a
		// description of the topic, not a new event (A4/A5).
		var relSubj *mention
		if t.pos != "noun" && t.i >= 2 && s.words[t.i-1].isBare(relativePronouns...) {
			for _, m := range actors {
				if m.i <= t.i-2 && t.i-2 < m.j {
					relSubj = m
				}
			}
			if relSubj == nil {
				t.why = "relative clause describing a thing, not an actor (A4/A5)"
				continue
			}
		}
		if u, v := casualtyCause(s, t, trs, k, actors); u != nil && c.perpetrator(s, specificCause(trs, u, false), actors, adjs, clause{u.j, len(s.words)}) != nil {
			// «قُتل جنديان … في هجوم شنه مسلحون»: the killing is coded
			// once, through its cause, with the casualties as target (11f).
			u = specificCause(trs, u, true)
			u.victims = v
			victims = append(victims, v)
			t.used = true
			t.why = "casualty report: coded through its cause «" + u.form + "», victims as target (11f)"
			continue
		}
		if t.pos == "verb" && c.indefiniteRelative(s, t, trs) {
			t.why = "relative clause on an indefinite noun («احتجاجات دعت إليها»): describes the noun (A4/A5)"
			continue
		}
		code := t.code
		if ic := instrumentCode(s, t, trs, k, false); ic != "" {
			// «استهدفت … بالصواريخ والطائرات المسيرة»: the weapon names
			// the force used; it is one act, not two.
			code = ic
		}
		if rc := refusalCode(s, t); rc != "" {
			// «لن ترفع العقوبات»: a concession announced as refused (A6).
			code = rc
		}
		// Intent lexeme + complement trigger: «مستعدة لتعزيز التعاون».
		intent := ontology.Root(code) == "03"
		if intent {
			// Everything the intent governs within a few words is its
			// complement: the first cooperative act gives the 03x code.
			found := false
			for _, u := range trs[k+1:] {
				if u.i > t.j+6 || u.speech || punctBetween(s, t.j-1, u.i) ||
					u.pos == "verb" && !(u.i > 0 && s.words[u.i-1].isBare("ان")) {
					break
				}
				if r := ontology.Root(u.code); !found && code == "030" && r >= "04" && r <= "08" {
					code = intentCode(u.code)
					found = true
				}
				u.used = true
				u.why = "complement of intent «" + t.form + "»"
				for _, sl := range u.slots {
					if !t.hasSlot(sl) {
						t.slots = append(t.slots, sl)
					}
				}
			}
			for _, sl := range intentSlots {
				if !t.hasSlot(sl) {
					t.slots = append(t.slots, sl)
				}
			}
		} else if c.hasIntentMarker(s, t) {
			code = intentCode(code)
			intent = true
		}
		code = c.refineByComplement(s, t, trs, k, code)
		if code == "120" && rejectsAct(s, t) {
			// «أعلنتا رفضهما للعقوبات الأحادية»: rejecting an act, not a
			// proposal, is criticism (hard call 11).
			code = "111"
		}
		ct := inContent(t.i)
		scope := c.clauseOf(s, trs, k, ct)
		if code == "045" {
			if med, parties := c.mediation(s, t, actors, adjs, lastSource); med != nil {
				// «بوساطة قطرية»، «برعاية الأمم المتحدة»، «توسطت الإمارات … بين
				// روسيا وأوكرانيا»: 045 from each mediator to each party (B3).
				for _, m := range med {
					c.emitEvents(s, text, d, t, code, m, parties, placeFor(s, places, scope, t, code, loc), loc, intent, emit)
				}
				if ct != nil {
					ct.coded = true
				}
				continue
			}
		}
		var src *mention
		var tgt *mention
		nounSubject := false
		var bayna *mention
		var pronTgt *mention
		if t.victims != nil {
			src = c.perpetrator(s, t, actors, adjs, scope)
		} else if t.claimant != nil {
			src = t.claimant
		} else if t.pos == "noun" {
			// A verbal noun: with a pronoun (لقائه) its subject is the actor
			// the pronoun refers to; otherwise its genitive is the subject
			// (زيارة الرئيس المصري إلى عمان).
			if hasPronoun(&s.words[t.j-1]) {
				switch {
				case ct != nil && ct.speaker != nil:
					src = ct.speaker
				case lastSource != nil:
					src = lastSource
				case len(d.subject) > 0:
					src = d.subject[0]
				}
			} else if ontology.Root(code) < "09" {
				// Cooperative nouns: the genitive is the subject.
				for _, m := range actors {
					if m.i == t.j && m.prep == "" {
						src, nounSubject = m, true
					}
				}
			} else {
				// Conflictual nouns: the genitive is the victim; the actor is
				// a nationality adjective (غارات جوية إسرائيلية) or a
				// following من قبل / على يد.
				for _, m := range adjs {
					if m.i == t.j || m.i == t.j+1 && s.words[t.j].is(weaponModifiers...) {
						src = m
						break
					}
				}
				if src == nil {
					src = c.passiveAgent(s, t, actors, scope)
				}
			}
			if src == nil {
				if x := c.baynaPair(s, t, actors, scope); x != nil {
					src, bayna = x, x.next
				}
			}
			if src == nil {
				src = c.nounClauseSubject(s, t, actors, scope, ct)
			}
			if src == nil {
				t.why = "verbal noun without a stated or referred subject (A8)"
				continue
			}
		} else if a, b := pronounObjectPair(s, t, actors); a != nil {
			// «استدعت X السفيرَ Y وسلمته مذكرة احتجاج»: the coordinated
			// verb keeps the sentence's subject, and its object pronoun is
			// the first verb's object (11d).
			src, pronTgt = a, b
		} else if startsWithConj(&s.words[t.i]) && c.vsoSubject(s, t, actors) == nil && lastSource != nil {
			// «… وتعهدا ب…»: a coordinated verb keeps the previous subject.
			src = lastSource
		} else {
			src = c.subjectOf(s, t, actors, scope, d, ct)
		}
		if src == nil && ct != nil && (c.subjectBefore(s, t, actors, scope) == nil) {
			src = ct.speaker
		}
		if src == nil && t.pos != "noun" {
			// A dropped subject: the actor of the previous clause.
			if lastSource != nil {
				src = lastSource
			} else if len(d.subject) > 0 {
				src = d.subject[0]
			}
		}
		if relSubj != nil && !t.passive {
			src = relSubj
		}
		if t.victims == nil && src != nil && containsMention(victims, src) {
			t.why = "the casualties of a passive killing are not its source (11f)"
			continue
		}
		if nounSubject {
			t.slots = withoutGen(t.slots)
		}
		if t.victims != nil {
			tgt = t.victims
		} else if pronTgt != nil {
			tgt = pronTgt
		} else if t.passive || t.marked && c.passiveAgent(s, t, actors, scope) != nil {
			// The grammatical subject is the target; the agent follows من قبل
			// (a verb marked passive by its vowel only when one is stated).
			tgt = src
			src = c.passiveAgent(s, t, actors, scope)
			if src == nil {
				src = c.causeAgent(s, t, trs, k, actors)
			}
		} else {
			tgt = c.targetOf(s, t, actors, scope, src)
			if tgt == nil {
				tgt = c.adjectiveTarget(s, t, adjs, scope, src)
			}
			if tgt == nil {
				tgt = placeTarget(s, t, code, places, scope)
			}
			if tgt == nil {
				tgt = topicAuthor(s, t, code, actors, scope, src)
			}
			if tgt == nil {
				tgt = measureTarget(s, t, code, places, scope, src)
			}
			if tgt == nil && lastSource != nil && src != lastSource && reactsToStep(s, t) {
				// «…، في خطوة رحبت بها المعارضة»: the step is the previous
				// act; praise or criticism of it goes to its author (hard
				// call 12).
				tgt = lastSource
			}
		}
		if src == nil && t.trimmed {
			// The actor the phrase ended in is its object; with no other
			// candidate it is read as the subject after all (VSO).
			for _, m := range actors {
				if m.i == t.j && m.prep == "" && !m.media {
					src, tgt = m, nil
					break
				}
			}
		}
		if src == nil && !t.passive {
			src = gapAdjective(t, code, adjs)
		}
		if src == nil && t.pos != "noun" && bayna == nil {
			// «وُقّعت اتفاقية … بين X وY»، «جرى تبادل … بين X وY»: an act
			// stated without a subject has the pair for its parties (B1).
			if x := c.baynaPair(s, t, actors, scope); x != nil {
				src, bayna = x, x.next
			}
		}
		if src == nil {
			t.why = whyNoSource
			continue
		}
		if src.media {
			t.why = "source is a news agency"
			continue
		}
		if tgt == nil && needsTarget(code) && !(len(src.members()) >= 2 && (ontology.Mutual(code) || ontology.Root(code) == "03")) {
			t.why = "no target for a code that needs one (A8)"
			continue
		}
		lastSource = src
		if code == claimCode {
			claimedAct(s, t, trs, k, src)
		}
		if code != t.code {
			instrumentCode(s, t, trs, k, true) // the weapons are coded through t
		}
		if ct != nil {
			ct.coded = true
		}
		if bayna != nil {
			// «مفاوضات/اشتباكات/توقيع … بين X وY»: the parties act towards
			// each other (B1).
			a := *src
			a.next = nil
			c.emitEvents(s, text, d, t, code, &a, bayna, placeFor(s, places, scope, t, code, loc), loc, intent, emit)
			if !ontology.Mutual(code) {
				c.emitEvents(s, text, d, t, code, bayna, &a, placeFor(s, places, scope, t, code, loc), loc, intent, emit)
			}
			continue
		}
		c.emitEvents(s, text, d, t, code, src, tgt, placeFor(s, places, scope, t, code, loc), loc, intent, emit)
	}
	// Speech whose content holds no coded event: a plain statement (A2).
	for _, ct := range contents {
		if ct.coded || ct.speaker == nil || ct.speaker.media {
			continue
		}
		// A participle or speech noun restating an act already coded for
		// the same speaker adds nothing (hard call 10; «أعلن … في بيان»).
		if (ct.t.pos == "part" || ct.t.pos == "noun") && len(events) > 0 {
			continue
		}
		// Statements have no recipient unless one is addressed (A8): the
		// actors of the content are its topic.
		var tgt *mention
		c.emitEvents(s, text, d, ct.t, ct.t.code, ct.speaker, tgt, loc, loc, false, emit)
		lastSource = ct.speaker
	}
	if lastSource != nil {
		d.subject = []*mention{lastSource}
	}
	if ex != nil {
		ex.contents = contents
	}
	return events
}

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

// reporterWords name people who report what they saw (A3b): correspondents,
// residents, paramedics and witnesses. As speakers they are not actors.
var reporterWords = canonKeys("مراسل", "مراسلة", "مراسلون", "مراسلين", "مراسلو", "مراسلي",
	"سكان", "أهالي", "مسعف", "مسعفون", "مسعفين", "شهود", "شاهد")

// isReporter reports a speaker of this sentence that is a sector-only
// mention (no country, person or organisation of its own) whose conjuncts
// are all headed by a reporter noun (قال سكان ومسعفون).
func isReporter(s *sentence, m *mention) bool {
	if m.country != "" && !m.ctxCountry || len(m.units) == 0 || m.units[0].kind != uAgent {
		return false
	}
	for x := m; x != nil; x = x.next {
		if !containsMention(s.mentions, x) || !s.words[x.i].is(reporterWords...) {
			return false
		}
	}
	return true
}

// containsMention reports whether m is one of ms (a mention of this
// sentence, not one carried over from an earlier sentence).
func containsMention(ms []*mention, m *mention) bool {
	for _, x := range ms {
		if x == m {
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

// clauseOf bounds the slot search of trigger k: from the previous verb
// trigger (or the content start) to the next one.
func (c *Coder) clauseOf(s *sentence, trs []*trig, k int, ct *content) clause {
	cl := clause{0, len(s.words)}
	if ct != nil {
		cl = clause{ct.lo, ct.hi}
	}
	for x := k - 1; x >= 0; x-- {
		if p := trs[x]; !p.used && p.pos != "noun" && p.j <= trs[k].i && p.j > cl.lo && !p.speech {
			cl.lo = p.j
			break
		}
	}
	for _, n := range trs[k+1:] {
		if !n.used && n.pos != "noun" && !n.speech && n.i > trs[k].j && n.i < cl.hi {
			cl.hi = n.i
			break
		}
	}
	return cl
}

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
		if m.j == t.i && m.prep == "" && !m.media {
			best = m
		}
	}
	if best == nil {
		return nil
	}
	best = coordHead(actors, best)
	start := best.i
	if start == 0 || start == cl.lo || s.words[start-1].isBare(complementz...) || s.words[start-1].is("ان") || s.words[start-1].punctAfter != "" {
		return best
	}
	return nil
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

// canonKeys turns written words into the canonical keys words are compared
// with.
func canonKeys(ws ...string) []string {
	out := make([]string, len(ws))
	for k, w := range ws {
		out[k] = dict.Canon(arabic.Key(w))
	}
	return out
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

func withoutGen(slots []string) []string {
	out := make([]string, 0, len(slots))
	for _, s := range slots {
		if s != "gen" {
			out = append(out, s)
		}
	}
	return out
}

func startsWithConj(w *word) bool {
	for _, a := range w.alts[1:] {
		if a.conj != "" {
			return true
		}
	}
	return false
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
		if m.i > t.i && m.j < t.j && m != src && !m.media && m.prep == "" && t.hasSlot("obj") && !(src != nil && inChain(src, m)) && !m.conj && !isApposition(src, m) {
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
		if m.i < t.j || m.i >= cl.hi || m == src || m.media || (src != nil && inChain(src, m)) || m.i >= asLo && m.i < asHi || isApposition(src, m) {
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

// isApposition reports a mention that directly follows the source and has
// its code: a name or title in apposition to it («الأمين العام لمجلس
// التعاون … نايف الحجرف»), not the target.
func isApposition(src, m *mention) bool {
	return src != nil && m.i == src.j && m.prep == "" && m.code != "" && m.code == src.code
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

// claimCode is a claim of responsibility (تبنى الهجوم، أعلن مسؤوليته عن
// التفجير): it is coded, and so is the act claimed (12d).
const claimCode = "015"

// claimedAct gives the act of force a claim of responsibility t names
// right after it — the tail of «تبنت .. الهجوم» or the object of «أعلنت
// مسؤوليتها عن تفجير» — the claimant src for source, so that it is coded
// with its most specific code (تفجير سيارة مفخخة: 1832) besides the claim.
func claimedAct(s *sentence, t *trig, trs []*trig, k int, src *mention) {
	for _, u := range trs[k+1:] {
		if u.i > t.j+1 || u.speech {
			return
		}
		if ontology.Root(u.code) < "18" || u.i < t.j-1 {
			continue
		}
		act := specificCause(trs, u, false)
		if act != u {
			u.used, u.why = true, "claimed act coded through «"+act.form+"» (12d)"
		}
		if v := describingVerb(s, act, trs); v != nil {
			// «الهجوم الذي استهدف مسجدا»: the verb states the act's target
			// and place; it is coded once, with the act's code.
			act.used, act.why = true, "claimed act coded through «"+v.form+"» (12d)"
			v.code, act = act.code, v
		}
		act.claimant = src
		return
	}
}

// describingVerb returns a verb of force that opens a relative clause on
// the act noun u, right after it or after الذي/التي (هجوم استهدف …، الهجوم
// الذي استهدف …): it narrates the same act.
func describingVerb(s *sentence, u *trig, trs []*trig) *trig {
	for _, v := range trs {
		if v.i < u.j || v.i > u.j+2 {
			continue
		}
		if v.pos == "verb" && ontology.Root(v.code) >= "18" && !punctBetween(s, u.i, v.i) &&
			(v.i == u.j || s.words[v.i-1].isBare(relativePronouns...)) {
			return v
		}
	}
	return nil
}

// whyNoSource rejects a trigger with no actor to be its source.
const whyNoSource = "no source actor in reach (A8)"

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

// emitEvents expands compound actors, applies the dyadic rules (mutual
// codes, visits, third-location meetings) and emits the events.
// ctryLoc is the sentence's place, which gives agents without a stated
// nationality their country (D2) even when the event itself has no place.
func (c *Coder) emitEvents(s *sentence, text string, d *docContext, t *trig, code string, src, tgt *mention, loc, ctryLoc *placeRef, intent bool, emit func(model.Event)) {
	srcs := src.members()
	var tgts []*mention
	if tgt != nil {
		tgts = tgt.members()
	}
	if len(tgts) == 0 && len(srcs) >= 3 && ontology.Mutual(code) {
		// «الأردن والعراق ومصر توقع مذكرة تفاهم»: each pair of members
		// acts towards each other (B1, B4).
		for x, a := range srcs {
			for _, b := range srcs[x+1:] {
				a1, b1 := *a, *b
				a1.next, b1.next = nil, nil
				c.emitEvents(s, text, d, t, code, &a1, &b1, loc, ctryLoc, intent, emit)
			}
		}
		return
	}
	// A pair or coordination as source of a mutual code with no target:
	// the members act towards each other (اتفق الجانبان، تبادل الجانبان).
	mutual := ontology.Mutual(code) || (intent && ontology.Root(code) == "03" || reciprocal(s, t)) && len(srcs) == 2 && tgt == nil
	if len(tgts) == 0 && len(srcs) == 2 && (ontology.Mutual(code) || mutual) {
		srcs, tgts = srcs[:1], srcs[1:]
		mutual = true
	}
	if len(tgts) == 0 {
		tgts = []*mention{nil}
	}
	ts, te := s.span(t.i, t.j)
	trigger := model.Trigger{Text: text[ts:te], Span: model.Span{Start: ts, End: te}}
	for _, a := range srcs {
		for _, b := range tgts {
			if b != nil && sameActor(a, b) {
				if a == b || !standsAlone(code, len(tgts)) && !b.hit {
					continue // one mention as both source and target: no reading
				}
				b = nil // see the same-code case below
			}
			cc := code
			trace := []string{fmt.Sprintf("trigger «%s» %s (%s)", t.form, t.entry.Pos(), t.code)}
			switch {
			case cc != t.code && ontology.Root(cc) == "12":
				trace = append(trace, "refused concession → "+cc+" (A6)")
			case cc == "111" && t.code == "120":
				trace = append(trace, "rejection of an act → 111 (hard call 11)")
			case cc != t.code:
				trace = append(trace, "intent/future → "+cc+" (A7)")
			}
			ac := c.finalCode(a, cc, true, ctryLoc)
			if rc := riotCode(ac, cc); rc != cc {
				cc = rc
				ac = c.finalCode(a, cc, true, ctryLoc)
				trace = append(trace, "violence by protesters → 145 (C table)")
			}
			var bc string
			if b != nil {
				bc = c.finalCode(b, cc, false, ctryLoc)
				if bc == ac && !standsAlone(cc, len(tgts)) && !b.hit {
					continue
				}
				if bc == ac {
					// A target with the source's own code is an apposition
					// or a part of the source (تظاهر محتجون أمام مقر …؛ تبنى
					// الهجوم الانتحاري): an act that needs no target stands
					// without one.
					b, bc = nil, ""
				}
				// A same-code dyad that comes from the inferred country is
				// two distinct actors of one state (B6).
				bc = domesticTarget(bc, ac, cc)
				ac = domesticSource(ac, bc, cc)
			}
			if (cc == "040" || cc == "041") && cc != "041" && loc != nil && b != nil &&
				loc.country != countryOf(ac) && loc.country != countryOf(bc) {
				cc = "044"
				trace = append(trace, "meeting at a place in neither party's country → 044 (B2)")
			}
			trace = append(trace, "source: "+a.trace)
			if b != nil {
				trace = append(trace, "target: "+b.trace)
			}
			ev := c.event(s, text, d, cc, a, ac, b, bc, trigger, loc, trace)
			emit(ev)
			switch {
			case b != nil && (mutual || ontology.Mutual(cc)):
				rev := c.event(s, text, d, cc, b, bc, a, ac, trigger, loc, append(trace[:len(trace):len(trace)], "mutual event: both directions (B1)"))
				emit(rev)
			case b != nil && (cc == "042" || cc == "043"):
				other := "043"
				if cc == "043" {
					other = "042"
				}
				rev := c.event(s, text, d, other, b, bc, a, ac, trigger, loc, append(trace[:len(trace):len(trace)], "visit: both 042 and 043 (B2)"))
				emit(rev)
			}
		}
	}
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

// riotCode turns arson (1712) by protesters (source sector OPP: محتجون،
// متظاهرون) into violent protest, 145 («أضرم محتجون النار في مبنى
// المحافظة»); other codes are returned as is. Assault and force by OPP
// sources stay 18x/190: such sources are often armed opposition.
func riotCode(ac, code string) string {
	if !strings.HasSuffix(ac, "OPP") {
		return code
	}
	if code == "1712" {
		return "145"
	}
	return code
}

// standsAlone reports whether an act whose only target turned out to be
// the source itself may be emitted with no target: not when it needs one
// (A8) or has other targets, and not for force, where a source that is also
// the target is usually the victim read as the actor.
func standsAlone(code string, ntgts int) bool {
	r := ontology.Root(code)
	return ntgts == 1 && !needsTarget(code) && r != "15" && r < "18"
}

// domesticSource gives a source known only by its sector (protesters,
// students, the opposition: OPP, CVL, EDU …), with no place to take a
// country from, the country of the target it demands of, criticises or
// protests against: such acts are domestic (D2).
func domesticSource(ac, bc, code string) string {
	if !ontology.IsSector(ac) {
		return ac
	}
	switch ontology.Root(code) {
	case "10", "11", "12", "13", "14":
		if ctry := countryOf(bc); ctry != "" && ontology.IsCountry(ctry) {
			return ctry + ac
		}
	}
	return ac
}

// domesticTarget gives a sector-only target code (no country stated or
// inferable from the place) the source's country when the act is domestic
// by nature — investigation, criticism, rejection, coercion: «قضت محكمة
// … على ثمانية متهمين» → EGYCVL.
func domesticTarget(bc, ac, code string) string {
	if !ontology.IsSector(bc) {
		return bc
	}
	switch ontology.Root(code) {
	case "09", "11", "12", "17":
		if ctry := countryOf(ac); ctry != "" && ontology.IsCountry(ctry) {
			return ctry + bc
		}
	}
	return bc
}

func sameActor(a, b *mention) bool {
	return a == b || a.code != "" && a.code == b.code && len(a.pair) == 0
}

func countryOf(code string) string {
	c, _ := ontology.SplitActorCode(code)
	return c
}

// finalCode completes a mention's actor code for an event: bare countries
// and capitals get GOV, or MIL for force (D3); targets of force on a country
// get CVL or MIL (D4); agents without a country take the event place's
// country; groups coded by place (ISIS) likewise.
func (c *Coder) finalCode(m *mention, code string, isSource bool, loc *placeRef) string {
	root := ontology.Root(code)
	force := root == "15" || root >= "18"
	switch {
	case m.people && isSource && root == "14":
		return m.country + "OPP" // D2: people described only as protesting
	case m.countryOnly:
		switch {
		case isSource && force:
			return m.country + "MIL"
		case !isSource && (root == "18" || root == "20" || root == "17"):
			return m.country + "CVL"
		case !isSource && root == "19":
			return m.country + "MIL"
		}
		return m.country + "GOV"
	case m.ctxCountry || m.country == "" && m.sector != "":
		if loc != nil {
			return loc.country + m.sector
		}
		return m.code
	}
	return m.code
}

func (c *Coder) event(s *sentence, text string, d *docContext, code string, a *mention, ac string, b *mention, bc string, trig model.Trigger, loc *placeRef, trace []string) model.Event {
	oc, _ := ontology.Lookup(code)
	ev := model.Event{CAMEO: code, CAMEOName: oc.Name, Goldstein: oc.Goldstein, QuadClass: oc.QuadClass,
		Sentence: s.index, Trigger: trig, Date: d.eventDate(s), Mentions: 1}
	if oc.PLOVER != "" {
		p := oc.PLOVER
		ev.PLOVER = &p
	}
	ev.Source = a.actor(text)
	ev.Source.Code = ac
	ev.Source.Country, ev.Source.Sector = ontology.SplitActorCode(ac)
	if b != nil {
		ev.Target = b.actor(text)
		ev.Target.Code = bc
		ev.Target.Country, ev.Target.Sector = ontology.SplitActorCode(bc)
	}
	if loc != nil {
		ev.Location = loc.model(s)
		trace = append(trace, "location: "+loc.entry.Pos())
	}
	ev.Trace = trace
	return ev
}

// needsTarget reports whether a code is only coded with a recipient (A8):
// cooperation, aid, investigation, threats, sanctions and coercion need one;
// statements, appeals, concessions, demands, criticism, rejection, protest,
// force posture and violence may stand without.
func needsTarget(code string) bool {
	switch ontology.Root(code) {
	case "03", "04", "05", "06", "07", "09", "13", "16", "17":
		return true
	}
	return false
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

// militarySites before a struck place make its military the target (D4:
// «مواقع عسكرية في …»); any other place hit stands for its population.
var militarySites = []string{"موقع", "مواقع", "قاعده", "قواعد", "ثكنه", "ثكنات"}

// nearWords place an act by a landmark (قرب، بالقرب من، في محيط): the place
// is where it happened, not what it hit.
var nearWords = []string{"قرب", "محيط"}

// placeTarget gives force (18x–20x) with no actor target the country of the
// place it hits (D4): a place in t's clause within six words after the
// trigger, no punctuation or nearWords between — «قصفت … بلدة سراقب»، «أطلقت صاروخاً
// باتجاه مدينة إيلات» → the place's country + CVL, or + MIL after a
// military-site noun.
func placeTarget(s *sentence, t *trig, code string, places []*placeRef, cl clause) *mention {
	if r := ontology.Root(code); r < "18" || r > "20" {
		return nil
	}
	for _, p := range places {
		if p.i < t.j || p.i >= cl.hi || p.i-t.j > 6 || p.country == "" || punctBetween(s, t.j-1, p.i) {
			continue
		}
		sector := "CVL"
		near := false
		for k := t.j; k < p.i; k++ {
			if s.words[k].is(militarySites...) {
				sector = "MIL"
			}
			near = near || s.words[k].is(nearWords...)
		}
		if near {
			continue // «قرب مستوطنة …»: where it happened, not what was hit
		}
		st, en := s.span(p.i, p.j)
		return &mention{i: p.i, j: p.j, start: st, end: en, code: p.country + sector, country: p.country, sector: sector,
			name: p.name, hit: true, trace: "place hit by force: its country + " + sector + " (D4)"}
	}
	return nil
}

// measureTarget gives a general administrative measure — imposing or
// easing a curfew or a state of emergency (1723, 1724, 0813, 0814) — with
// no actor target the population it applies to (D4): CVL of the first place
// in t's clause, else of the source's country, else sector-only CVL, which
// takes its country from the event place or the source.
func measureTarget(s *sentence, t *trig, code string, places []*placeRef, cl clause, src *mention) *mention {
	switch code {
	case "1723", "1724", "0813", "0814":
	default:
		return nil
	}
	m := &mention{i: t.i, j: t.j, sector: "CVL", code: "CVL", hit: true, trace: "population under a general administrative measure (D4)"}
	for _, p := range places {
		if p.i >= cl.lo && p.i < cl.hi && p.country != "" {
			m.i, m.j, m.country = p.i, p.j, p.country
			break
		}
	}
	if m.country == "" && src != nil && ontology.IsCountry(src.country) {
		m.country = src.country
	}
	if m.country != "" {
		m.code = m.country + "CVL"
		m.name = ontology.CountryName(m.country)
	}
	m.start, m.end = s.span(m.i, m.j)
	return m
}

// placeFor picks the location of trigger t: the most specific place stated
// inside its clause; for intent (03x) only a place before the trigger, where
// the announcement was made, never the place of the planned act (E1).
// Without a place in the clause, the dateline of the first sentence applies
// (def), as a sentence's own place would.
func placeFor(s *sentence, places []*placeRef, cl clause, t *trig, code string, def *placeRef) *placeRef {
	var in []*placeRef
	for _, p := range places {
		if p.i < cl.lo || p.i >= cl.hi {
			continue
		}
		if ontology.Root(code) == "03" && (p.i > t.i || punctBetween(s, p.j-1, t.i)) {
			// the announcement's own place only: before the trigger and in
			// the same stretch of text, not the place of a planned act
			continue
		}
		in = append(in, p)
	}
	if len(in) == 0 {
		if def != nil && len(places) == 0 {
			return def
		}
		return nil
	}
	return bestPlace(in)
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
