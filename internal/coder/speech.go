// speech.go holds reported speech: the content of a speech verb, the
// clause a trigger's slots are looked for in (bounded by the content), and
// the speakers that are reporters (correspondents, witnesses) rather than
// actors.

package coder

// content is the reported speech of a speech verb: words [lo, hi) said by
// speaker.
type content struct {
	lo, hi  int
	speaker *mention
	t       *trig
	coded   bool // an event was coded inside it
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
