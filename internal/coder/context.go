package coder

import (
	"strings"
	"unicode/utf8"
)

// docContext is what the coder remembers across the sentences of one
// article: who has been named, who speaks, who the two principal actors are.
type docContext struct {
	date      string
	names     map[string]*mention // key of each word of a person's name → mention
	subject   []*mention          // the source of the last coded clause
	speaker   *mention            // the last speaker
	principal []*mention          // the first two distinct country-level actors
	place     *placeRef           // dateline place, if any
}

func newDocContext(date string) *docContext {
	return &docContext{date: date, names: map[string]*mention{}}
}

// remember records the mentions of a sentence: names for later surname-only
// references, and principal actors for الجانبان.
func (d *docContext) remember(s *sentence, ms []*mention) {
	for _, m := range ms {
		if m.media || m.place || len(m.pair) > 0 {
			continue
		}
		for _, u := range m.units {
			if u.kind != uPerson {
				continue
			}
			for k := u.i; k < u.j; k++ {
				w := &s.words[k]
				if utf8.RuneCountInString(w.key) >= 3 && !commonNamePart[w.key] {
					if _, ok := d.names[w.key]; !ok {
						d.names[strings.Clone(w.key)] = m
					}
				}
			}
		}
		if m.country == "" || m.country == "IGO" || m.country == "NGO" {
			continue
		}
		if len(d.principal) < 2 && m.trace != "homeland" {
			dup := false
			for _, p := range d.principal {
				if p.country == m.country {
					dup = true
				}
			}
			if !dup && (hasUnit(m, uPerson) || hasUnit(m, uAgent)) {
				d.principal = append(d.principal, m)
			}
		}
	}
}

func hasUnit(m *mention, k unitKind) bool {
	for _, u := range m.units {
		if u.kind == k {
			return true
		}
	}
	return false
}

// byName returns the person an unmatched word names, when it repeats a word
// of a name met earlier in the article (لافروف after سيرغي لافروف), and the
// reading of w that matched, whose clitics (ولافروف، بلافروف) the mention
// carries.
func (d *docContext) byName(w *word) (*mention, alt) {
	for _, a := range w.alts {
		if m, ok := d.names[a.key]; ok && utf8.RuneCountInString(a.key) >= 3 {
			return m, a
		}
	}
	return nil, alt{}
}

// speakerOrSubject is the actor a possessive like بلاده refers to.
func (d *docContext) speakerOrSubject() *mention {
	if d.speaker != nil {
		return d.speaker
	}
	if len(d.subject) > 0 {
		return d.subject[0]
	}
	return nil
}

// commonNamePart lists name words too common to identify a person alone.
var commonNamePart = map[string]bool{
	"محمد": true, "احمد": true, "علي": true, "عبد": true, "بن": true, "ابن": true, "ابو": true,
	"ال": true, "له": true, "الله": true, "حسن": true, "حسين": true, "محمود": true, "خالد": true,
	"عبدالله": true, "سعد": true, "سلمان": true, "فيصل": true, "عمر": true, "يوسف": true,
	"ابراهيم": true, "مصطفي": true, "سعيد": true, "صالح": true, "جون": true, "ديفيد": true,
}
