// eventplace.go places events: the place an act of force hits or that an
// administrative measure applies to as its target (D4), and the location of
// each event picked from the places in its clause (E1).

package coder

import (
	"github.com/marsad-project/marsad/internal/ontology"
)

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
