// events.go holds the sentence-level coding loop: codeSentence, which walks
// a sentence's triggers, applies the skip rules, finds each trigger's
// source, target and place and hands them to emitEvents, which expands
// compound actors, applies the dyadic rules and builds the events; also the
// marker word lists shared by the rules, claims of responsibility and the
// canonKeys helper the word lists are built with.

package coder

import (
	"fmt"

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
			t.slots = withoutSlots(t.slots, []string{"gen"})
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

// canonKeys turns written words into the canonical keys words are compared
// with.
func canonKeys(ws ...string) []string {
	out := make([]string, len(ws))
	for k, w := range ws {
		out[k] = dict.Canon(arabic.Key(w))
	}
	return out
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
