package dict

import (
	"sort"

	"github.com/marsad-project/marsad/internal/arabic"
)

// Found is a dictionary match in a piece of text, with byte offsets.
type Found struct {
	Match
	StartByte, EndByte int
	Text               string
	Override           *Pattern // the built-in pattern a user pattern replaced
}

// Lookup finds every entry of every kind whose forms occur in text, after
// normalisation and clitic segmentation. Overlapping matches are all kept.
func (d *Dict) Lookup(text string) []Found {
	toks := arabic.Tokenize(nil, text)
	var words []arabic.Token
	for _, t := range toks {
		if t.Kind == arabic.Word || t.Kind == arabic.Latin || t.Kind == arabic.Number {
			words = append(words, t)
		}
	}
	cands := make([][]string, len(words))
	var an []arabic.Analysis
	for i, t := range words {
		cands[i], an = Cands(nil, an, text[t.Start:t.End])
	}
	overridden := map[*Pattern]*Pattern{}
	for _, o := range d.Overrides {
		overridden[o.User] = o.Builtin
	}
	var out []Found
	var ms []Match
	for _, k := range Kinds() {
		for i := range words {
			ms = d.index[k].MatchAt(ms[:0], cands, i)
			for _, m := range ms {
				s, e := words[m.Start].Start, words[m.End-1].End
				out = append(out, Found{Match: m, StartByte: s, EndByte: e, Text: text[s:e], Override: overridden[m.Pattern]})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].StartByte != out[j].StartByte {
			return out[i].StartByte < out[j].StartByte
		}
		return out[i].EndByte > out[j].EndByte
	})
	return out
}

// Stats counts what a dictionary holds.
type Stats struct {
	Entries map[Kind]int            // lines per kind
	Forms   map[Kind]int            // explicit forms per kind
	Indexed map[Kind]int            // patterns in force, generated ones included
	ByType  map[string]int          // actor entries by type=
	ByRoot  map[string]int          // trigger entries by CAMEO root
	ByPlace map[string]int          // places by kind=
	Codes   map[Kind]map[string]int // distinct codes per kind
}

// Stats computes d's counts.
func (d *Dict) Stats() Stats {
	s := Stats{Entries: map[Kind]int{}, Forms: map[Kind]int{}, Indexed: map[Kind]int{},
		ByType: map[string]int{}, ByRoot: map[string]int{}, ByPlace: map[string]int{}, Codes: map[Kind]map[string]int{}}
	for _, k := range Kinds() {
		s.Indexed[k] = d.index[k].Len()
		s.Codes[k] = map[string]int{}
	}
	for _, e := range d.Entries {
		s.Entries[e.Kind]++
		s.Forms[e.Kind] += len(e.Forms)
		s.Codes[e.Kind][e.Code()]++
		switch e.Kind {
		case Actor:
			s.ByType[e.Attr("type")]++
		case Trigger:
			if c := e.Code(); len(c) >= 2 {
				s.ByRoot[c[:2]]++
			}
		case Place:
			s.ByPlace[e.Attr("kind")]++
		}
	}
	return s
}
