package coder

import (
	"strconv"

	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
)

// placeRef is a place named in a sentence, resolved through the gazetteer.
type placeRef struct {
	i, j    int
	entry   *dict.Entry
	name    string
	country string
	lat     float64
	lon     float64
	rank    int // 3 city or capital, 2 region, 1 country
}

func (p *placeRef) model(s *sentence) *model.Place {
	st, en := s.span(p.i, p.j)
	return &model.Place{Name: p.name, Country: p.country, Lat: p.lat, Lon: p.lon, Span: model.Span{Start: st, End: en}}
}

// topicNouns name a situation; a place after them (الأوضاع في غزة) says
// what an event is about, not where it happens (E1).
var topicNouns = []string{"اوضاع", "وضع", "تطورات", "مستجدات", "ازمه", "حرب", "صراع", "نزاع", "قضيه", "ملف", "سلام", "استقرار", "امن", "احداث", "تصعيد", "مجريات", "عمليه", "اعمار", "جهود", "سياسه", "مستقبل", "ترتيبات"}

var placeRank = map[string]int{"city": 3, "capital": 3, "adm1": 2, "country": 1}

// findPlaces finds the places a sentence states as where something happens:
// a gazetteer name after a locative preposition or a place noun (في طشقند،
// بالقاهرة، العاصمة الأوزبكية طشقند), or a country/capital mention the actor
// stage judged locative. Words inside actor mentions are skipped.
func (c *Coder) findPlaces(s *sentence, ms []*mention) []*placeRef {
	inActor := make([]bool, len(s.words))
	for _, m := range ms {
		if m.place {
			continue
		}
		for k := m.i; k < m.j; k++ {
			inActor[k] = true
		}
	}
	ix := c.dict.Index(dict.Place)
	var out []*placeRef
	for i := 0; i < len(s.words); i++ {
		if inActor[i] || !s.starts(i, dict.Place) {
			continue
		}
		c.matchBuf = ix.MatchAt(c.matchBuf[:0], s.cands, i)
		if len(c.matchBuf) == 0 {
			continue
		}
		best := c.matchBuf[dict.Longest(c.matchBuf)]
		if best.End > len(s.words) || spansActor(inActor, best.Start, best.End) {
			continue
		}
		if !locativeAt(s, best.Start, best.Keys[0], best.Entry.Attr("kind") != "country") {
			continue
		}
		e := c.choosePlace(s, ms, best)
		p := &placeRef{i: best.Start, j: best.End, entry: e, name: e.EN(), country: e.Code(), rank: placeRank[e.Attr("kind")]}
		p.lat, _ = strconv.ParseFloat(e.Attr("lat"), 64)
		p.lon, _ = strconv.ParseFloat(e.Attr("lon"), 64)
		out = append(out, p)
		i = best.End - 1
	}
	return out
}

func spansActor(in []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if in[k] {
			return true
		}
	}
	return false
}

// locativeAt reports whether the place name starting at word i is introduced
// as a location: by the proclitic ب or a locative preposition, possibly
// across a place noun and a nationality adjective (في العاصمة الأوزبكية).
func locativeAt(s *sentence, i int, firstKey string, allowBa bool) bool {
	w := &s.words[i]
	if a := w.altFor(firstKey); a.prep == "ب" && allowBa {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		p := &s.words[k]
		if p.isBare(locPreps...) {
			// «تطورات الأوضاع في غزة»: the place of a topic, not of the event.
			return !topicBefore(s, k)
		}
		if p.is(placeNouns...) {
			for _, a := range p.alts {
				if a.prep == "ب" {
					return true
				}
			}
			continue
		}
		if k < i-1 && !p.is(placeNouns...) {
			// allow one adjective between the place noun and the name
			break
		}
	}
	return false
}

// topicBefore reports a topic noun heading the noun phrase that ends right
// before word k: the word before it or, across its adjectives and genitive,
// one of the two before that (مستقبل الترتيبات الأمنية في قطاع غزة).
func topicBefore(s *sentence, k int) bool {
	for x := k - 1; x >= 0 && x >= k-3; x-- {
		if x < k-1 && s.words[x].punctAfter != "" {
			return false
		}
		if s.words[x].is(topicNouns...) {
			return true
		}
	}
	return false
}

// bestPlace picks the sentence's event location: the most specific place,
// the first among equals.
func bestPlace(ps []*placeRef) *placeRef {
	var best *placeRef
	for _, p := range ps {
		if best == nil || p.rank > best.rank {
			best = p
		}
	}
	return best
}

// placeBase orders same-name places when nothing in the sentence decides:
// a country before its namesake city (عمان is Oman unless the sentence says
// otherwise), a capital before another city (طرابلس is Tripoli, Libya).
var placeBase = map[string]int{"country": 3, "capital": 2, "adm1": 1, "city": 1}

// choosePlace picks among the gazetteer entries that share the matched
// name: one in the country of a nationality adjective right before the name
// (العاصمة الأردنية عمان) wins, then one in the country of an actor of the
// sentence, then placeBase; the first listed breaks ties.
func (c *Coder) choosePlace(s *sentence, ms []*mention, best dict.Match) *dict.Entry {
	var e *dict.Entry
	bestScore := -1
	for _, m := range c.matchBuf {
		if m.Start != best.Start || m.End != best.End {
			continue
		}
		country := m.Entry.Code()
		score := placeBase[m.Entry.Attr("kind")]
		for _, a := range ms {
			if a.country != country {
				continue
			}
			if a.j == best.Start || a.j == best.Start-1 {
				score += 8 // adjective or country right before the name
			} else if !a.place {
				score += 4
			}
		}
		if score > bestScore {
			e, bestScore = m.Entry, score
		}
	}
	return e
}
