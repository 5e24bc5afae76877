package coder

import (
	"strings"

	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/ontology"
)

// trig is an event trigger found in a sentence: words [i, j).
type trig struct {
	i, j    int
	entry   *dict.Entry
	form    string
	code    string
	pos     string
	slots   []string
	passive bool
	marked  bool // written with the passive vowel (قُتل، اختُطف): passive if its agent is stated
	speech  bool
	used    bool // folded into another trigger (intent + complement)
	// trimmed is set when the phrase ended in the actor it acts on, which
	// now starts at j: that actor is the object, never the subject.
	trimmed bool
	// within is the gapped phrase of the same root whose gap holds this
	// trigger («نجا .. من محاولة اغتيال» holds «محاولة .. اغتيال»): this
	// one repeats that phrase and is not coded on its own.
	within  *trig
	victims *mention // the casualties of a passive killing this act caused (11f)
	// claimant is the actor whose claim of responsibility names this act
	// (12d): its source, even where the act reads as a topic.
	claimant *mention
	// lead is the key the first word matched; nounHead marks a verbal noun
	// or a phrase matched through a gap-free form of a head=noun entry
	// (إطلاق صواريخ، هجوم إرهابي), which the circumstance and preposition
	// checks of A4/A5 for violent nouns apply to (7e).
	lead     string
	nounHead bool
	why      string // why it was rejected, for explain
}

// slot keys as they appear in running text (ى → ي, إ → ا).
var slotKey = map[string]string{"على": "علي", "إلى": "الي", "الى": "الي", "لدى": "لدي", "أمام": "امام"}

func (t *trig) hasSlot(s string) bool {
	for _, x := range t.slots {
		if x == s {
			return true
		}
	}
	return false
}

// findTriggers matches trigger entries on words outside actor mentions,
// longest first.
func (c *Coder) findTriggers(s *sentence, inActor []bool) []*trig {
	ix := c.dict.Index(dict.Trigger)
	var out []*trig
	// Words that a gapped phrase matched (not its gap) start no trigger of
	// their own: «وقف .. لإطلاق النار» must not also fire «إطلاق النار».
	consumed := make([]bool, len(s.words))
	// cover is the last gapped phrase: a trigger of the same root that
	// starts in its gap and ends within it may repeat it (see trig.within).
	var cover *trig
	for i := 0; i < len(s.words); i++ {
		if inActor[i] || consumed[i] || !s.starts(i, dict.Trigger) {
			continue
		}
		c.matchBuf = ix.MatchAt(c.matchBuf[:0], s.cands, i)
		if len(c.matchBuf) == 0 {
			continue
		}
		var best *dict.Match
		bestEnd := 0
		for k := range c.matchBuf {
			m := &c.matchBuf[k]
			end := m.End
			// A last word under ب of a phrase of force is its weapon (قصف
			// .. بالمدفعية), part of the trigger even when it names a force.
			if inActor[m.End-1] && !(ontology.Root(m.Entry.Code()) >= "18" && instrumentTail(&s.words[m.End-1], m.Keys[len(m.Keys)-1])) {
				// A phrase may end in the actor it acts on («طرد .. السفير
				// الكندي»): the trigger stops before that actor, which stays
				// an actor and can fill the target slot.
				end = actorTailStart(inActor, m)
				if end <= m.Start || s.words[m.Start].altFor(m.Keys[0]).prep != "" {
					// nothing left of the trigger, or a verbal noun under a
					// preposition (لسحب القوات): a topic, not an act
					continue
				}
			}
			if m.End-m.Start > 1 && containsGap(m.Keys) && !gapOK(s, inActor, m) {
				continue
			}
			if m.Entry.Attr("pos") == "verb" && !verbReading(&s.words[m.Start], m.Keys[0], m.Form) {
				continue
			}
			// Prefer the unambiguous entry when two forms have equal length.
			if best == nil || m.End-m.Start > best.End-best.Start ||
				m.End-m.Start == best.End-best.Start && best.Entry.Has("ambiguous") && !m.Entry.Has("ambiguous") {
				best, bestEnd = m, end
			}
		}
		if best == nil {
			continue
		}
		e := best.Entry
		t := &trig{i: best.Start, j: bestEnd, trimmed: bestEnd < best.End, entry: e, form: best.Form, code: e.Code(), pos: e.Attr("pos"),
			passive: e.Attr("voice") == "passive", marked: e.Attr("pos") != "noun" && passiveMarked(&s.words[best.Start]), speech: e.Has("speech"), lead: best.Keys[0]}
		t.nounHead = t.pos == "noun" || t.pos == "phrase" && e.Attr("head") == "noun" && !strings.Contains(best.Form, "..")
		for _, sl := range strings.Split(e.Attr("target"), ",") {
			if sl = strings.TrimSpace(sl); sl != "" {
				if k, ok := slotKey[sl]; ok {
					sl = k
				}
				t.slots = append(t.slots, sl)
			}
		}
		if cover != nil && best.End <= cover.j && ontology.Root(t.code) == ontology.Root(cover.code) {
			t.within = cover
		}
		out = append(out, t)
		// A phrase with a gap may enclose an actor (أجرى الرئيس اتصالا):
		// continue after its first word so the actor is still seen.
		if best.End-best.Start > 1 && containsGap(best.Keys) {
			tail := 0
			for k := len(best.Keys) - 1; k >= 0 && best.Keys[k] != dict.Gap; k-- {
				tail++
			}
			// A claim's tail names the act claimed, coded too (12d).
			if e.Code() != claimCode {
				for k := best.End - tail; k < best.End; k++ {
					consumed[k] = true
				}
			}
			cover = t
			continue
		}
		i = bestEnd - 1
	}
	return out
}

func containsGap(keys []string) bool {
	for _, k := range keys {
		if k == dict.Gap {
			return true
		}
	}
	return false
}

// gapOK bounds a gapped phrase: its gap may not cross punctuation nor a
// complementizer (أكد … أن بلاده ستواصل دعمها: the noun belongs to the
// content clause), and besides words inside actor mentions it may skip at
// most four words.
func gapOK(s *sentence, inActor []bool, m *dict.Match) bool {
	free := 0
	for k := m.Start; k < m.End-1; k++ {
		if p := s.words[k].punctAfter; p != "" && p != "-" {
			return false
		}
		if k > m.Start && s.words[k].isBare(complementz...) {
			return false
		}
		if k > m.Start && !inActor[k] {
			free++
		}
	}
	return free <= 4+len(m.Keys)
}

// verbReading reports whether the word can be a verb with stem key k: a
// finite verb takes neither the article (بالقصف) nor a preposition
// proclitic (بيدرسون read ب+يدرسون).
func verbReading(w *word, k string, form string) bool {
	raw := w.text
	form = strings.TrimLeft(form, "أإآ")
	if strings.HasPrefix(form, "ال") || strings.HasPrefix(form, "لل") {
		return true // the verb itself begins with ال (التقى، الغى)
	}
	if strings.HasPrefix(raw, "ال") || strings.HasPrefix(raw, "بال") || strings.HasPrefix(raw, "وال") || strings.HasPrefix(raw, "فال") || strings.HasPrefix(raw, "لل") || strings.HasPrefix(raw, "كال") {
		return false
	}
	for _, a := range w.alts {
		if (a.key == k || a.akey == k) && a.prep == "" {
			return true
		}
	}
	return false
}

// instrumentTail reports whether the last word of a phrase, matched by key
// k, is under ب: matched with the clitic (بالمدفعية as one key) or through
// a ب reading.
func instrumentTail(w *word, k string) bool {
	if w.altFor(k).prep == "ب" {
		return true
	}
	if !strings.HasPrefix(k, "ب") {
		return false
	}
	for _, a := range w.alts {
		if a.prep == "ب" {
			return true
		}
	}
	return false
}

// actorTailStart returns where the run of actor words that ends phrase m
// begins: the end of the trigger proper when a phrase's last words name
// the actor it acts on.
func actorTailStart(inActor []bool, m *dict.Match) int {
	k := m.End
	for k > m.Start && inActor[k-1] {
		k--
	}
	return k
}
