package coder

import (
	"strings"

	"github.com/marsad-project/marsad/internal/dict"
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
	speech  bool
	used    bool   // folded into another trigger (intent + complement)
	why     string // why it was rejected, for explain
}

// slot keys as they appear in running text (ى → ي, إ → ا).
var slotKey = map[string]string{"على": "علي", "إلى": "الي", "الى": "الي", "لدى": "لدي"}

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
	for i := 0; i < len(s.words); i++ {
		if inActor[i] || consumed[i] || !s.starts(i, dict.Trigger) {
			continue
		}
		c.matchBuf = ix.MatchAt(c.matchBuf[:0], s.cands, i)
		if len(c.matchBuf) == 0 {
			continue
		}
		var best *dict.Match
		for k := range c.matchBuf {
			m := &c.matchBuf[k]
			if inActor[m.End-1] {
				continue
			}
			// Prefer the unambiguous entry when two forms have equal length.
			if best == nil || m.End-m.Start > best.End-best.Start ||
				m.End-m.Start == best.End-best.Start && best.Entry.Has("ambiguous") && !m.Entry.Has("ambiguous") {
				best = m
			}
		}
		if best == nil {
			continue
		}
		e := best.Entry
		t := &trig{i: best.Start, j: best.End, entry: e, form: best.Form, code: e.Code(), pos: e.Attr("pos"),
			passive: e.Attr("voice") == "passive", speech: e.Has("speech")}
		for _, sl := range strings.Split(e.Attr("target"), ",") {
			if sl = strings.TrimSpace(sl); sl != "" {
				if k, ok := slotKey[sl]; ok {
					sl = k
				}
				t.slots = append(t.slots, sl)
			}
		}
		out = append(out, t)
		// A phrase with a gap may enclose an actor (أجرى الرئيس اتصالا):
		// continue after its first word so the actor is still seen.
		if best.End-best.Start > 1 && containsGap(best.Keys) {
			tail := 0
			for k := len(best.Keys) - 1; k >= 0 && best.Keys[k] != dict.Gap; k-- {
				tail++
			}
			for k := best.End - tail; k < best.End; k++ {
				consumed[k] = true
			}
			continue
		}
		i = best.End - 1
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
