package coder

import (
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/ontology"
)

// unitKind classifies a dictionary match or a context word inside a mention.
type unitKind uint8

const (
	uPerson unitKind = iota + 1
	uCountry
	uCapital
	uOrg // igo, ngo, group
	uNisba
	uAgent
	uMedia
	uHomeland    // بلاده: the speaker's country
	uPair        // الجانبان: the article's two principal actors
	uCounterpart // نظيره: the first actor's role in another country
	uContext     // a name seen earlier in the document (surname alone)
	uContextISIS // a group whose country comes from the event's place
)

// unit is one recognised piece of a mention: words [i, j).
type unit struct {
	kind  unitKind
	i, j  int
	entry *dict.Entry
	code  string // resolved code on the document date
	ref   *mention
	prep  string // preposition proclitic on the unit's first word
	conj  bool   // conjunction proclitic on the unit's first word
	pron  bool   // the match carries an enclitic pronoun (قواته، جنودها)
}

// mention is an actor reference: one or more adjacent units.
type mention struct {
	i, j       int // words of the sentence it was found in
	start, end int // byte span in the document (valid across sentences)
	units      []unit
	code       string // CAMEO actor code; may be country-only (CHN) or sector-only (GOV)
	country    string
	sector     string
	name       string
	prep       string // preposition that introduces it ("مع", "ب", …) or ""
	conj       bool   // begins with و/ف
	media      bool   // a news agency: a reporter, never an actor
	place      bool   // a country or capital used as a place (في طشقند)
	pair       []*mention
	next       *mention // the next conjunct in a coordination (الصين وروسيا)
	trace      string
	// countryOnly is set for a bare country or capital name, whose sector
	// depends on the event (D3: GOV, or MIL for force).
	countryOnly bool
	ctxCountry  bool // country to be taken from the event place (ISIS)
	adj         bool // a bare nationality adjective, not an actor by itself
	people      bool // a counted nationality noun (15 فلسطينياً): CVL, OPP when protesting
	// hit is a place struck by force standing for its population (D4); when
	// it codes like the source the event keeps no target rather than none.
	hit bool
}

// actor converts the mention to the output model for the given text.
func (m *mention) actor(text string) *model.Actor {
	return &model.Actor{Code: m.code, Country: m.country, Sector: m.sector, Name: m.name, Text: text[m.start:m.end], Span: model.Span{Start: m.start, End: m.end}}
}

// members expands a coordination into its conjuncts, and a pair into its two
// actors.
func (m *mention) members() []*mention {
	var out []*mention
	for x := m; x != nil; x = x.next {
		if len(x.pair) > 0 {
			out = append(out, x.pair...)
		} else {
			out = append(out, x)
		}
	}
	return out
}

// Words that point back at actors named elsewhere.
var (
	homelandKeys    = []string{"بلاد", "دوله", "حكومه"}                                // + pronoun: بلاده، دولته، حكومته
	pairKeys        = []string{"جانبان", "جانبين", "طرفان", "طرفين", "بلدان", "بلدين"} // the two sides
	counterpartKeys = []string{"نظير", "نظيره"}
	placeNouns      = []string{"عاصمه", "مدينه", "محافظه", "ولايه", "منطقه", "اقليم", "بلده", "قريه", "مخيم", "حي", "ميناء", "مطار", "جزيره"}
	locPreps        = []string{"في", "داخل", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"}
)

// findMentions recognises the actor mentions of s.
func (c *Coder) findMentions(s *sentence, d *docContext) []*mention {
	units := c.findUnits(s, d)
	var ms []*mention
	for k := 0; k < len(units); {
		m := &mention{i: units[k].i, j: units[k].j, units: []unit{units[k]}}
		k++
		for k < len(units) && c.joins(s, m, units[k]) && !c.startsNewActor(s, m, units, k) {
			m.units = append(m.units, units[k])
			m.j = units[k].j
			k++
		}
		m.start, m.end = s.span(m.i, m.j)
		if c.resolve(s, m, d, ms) {
			ms = append(ms, m)
		}
	}
	// Coordination: "X وY" and lists "X، Y وZ".
	for k := 1; k < len(ms); k++ {
		a, b := ms[k-1], ms[k]
		if b.i == a.j && b.conj && !b.media && !a.media && a.place == b.place {
			a.next = b
		}
	}
	return ms
}

// findUnits matches actor and agent entries (longest first, left to right)
// and the context words.
func (c *Coder) findUnits(s *sentence, d *docContext) []unit {
	var units []unit
	actors, agents := c.dict.Index(dict.Actor), c.dict.Index(dict.Agent)
	for i := 0; i < len(s.words); {
		c.matchBuf = c.matchBuf[:0]
		if s.starts(i, dict.Actor) {
			c.matchBuf = actors.MatchAt(c.matchBuf, s.cands, i)
		}
		best := dict.Match{}
		for _, m := range c.matchBuf {
			// On equal length a listed name (السعودية, الحوثيون) beats a
			// generated nationality adjective.
			if m.End > best.End || m.End == best.End && best.Entry != nil &&
				best.Entry.Attr("type") == "nisba" && m.Entry.Attr("type") != "nisba" {
				best = m
			}
		}
		c.matchBuf = c.matchBuf[:0]
		if s.starts(i, dict.Agent) {
			c.matchBuf = agents.MatchAt(c.matchBuf, s.cands, i)
		}
		for _, m := range c.matchBuf {
			if m.End > best.End {
				best = m
			}
		}
		// سورية (Syria) with the article is the adjective السورية, whose
		// generated nisba form the country's listed form displaced.
		adjective := false
		if best.Pattern != nil && best.Entry.Has("noarticle") && hasArticleReading(&s.words[i]) {
			if best.End == i+1 && best.Entry.Attr("type") == "country" {
				adjective = true
			} else {
				best = dict.Match{}
			}
		}
		if best.Pattern != nil && best.End == i+1 && hasPronReading(&s.words[i], homelandKeys) {
			best = dict.Match{} // حكومته، بلاده: the speaker's country, not a bare role noun
		}
		if best.Pattern != nil {
			a := s.words[i].altFor(best.Keys[0])
			u := unit{i: best.Start, j: best.End, entry: best.Entry, prep: a.prep, conj: a.conj != "", pron: a.pron != ""}
			u.kind, u.code = classify(best.Entry, d.date)
			if adjective && u.kind == uCountry {
				u.kind = uNisba
			}
			if (u.kind == uPerson || u.kind == uAgent) && namesFacility(s, units, i) {
				i = best.End // مطار الملك خالد: part of a place's name, not an actor
				continue
			}
			if u.kind != 0 {
				units = append(units, u)
				i = best.End
				continue
			}
		}
		w := &s.words[i]
		cu := func(k unitKind, ref *mention) unit {
			u := unit{kind: k, i: i, j: i + 1, ref: ref}
			var keys []string
			switch k {
			case uHomeland:
				keys = homelandKeys
			case uPair:
				keys = pairKeys
			case uCounterpart:
				keys = counterpartKeys
			}
			best := -1
			for _, a := range w.alts[1:] {
				if keys != nil && !containsStr(keys, a.key) {
					continue
				}
				n := 0
				if a.prep != "" {
					n++
				}
				if a.conj != "" {
					n++
				}
				if n > best {
					best = n
					u.prep, u.conj = a.prep, a.conj != ""
				}
				if keys == nil {
					break
				}
			}
			return u
		}
		switch {
		case w.kind != 1: // not an Arabic word
		case hasPronReading(w, homelandKeys):
			units = append(units, cu(uHomeland, nil))
		case w.is(pairKeys...):
			units = append(units, cu(uPair, nil))
		case hasPronReading(w, counterpartKeys[:1]) || w.is(counterpartKeys[1]):
			units = append(units, cu(uCounterpart, nil))
		default:
			if ref, a := d.byName(w); ref != nil {
				u := unit{kind: uContext, i: i, j: i + 1, ref: ref, prep: a.prep, conj: a.conj != ""}
				units = append(units, u)
			}
		}
		i++
	}
	return units
}

func hasPronReading(w *word, keys []string) bool {
	for _, a := range w.alts[1:] {
		if a.pron == "" {
			continue
		}
		for _, k := range keys {
			if a.key == k {
				return true
			}
		}
	}
	return false
}

// classify maps an entry to a unit kind and its code on date.
func classify(e *dict.Entry, date string) (unitKind, string) {
	code, ok := e.CodeOn(date)
	if e.Kind == dict.Agent {
		return uAgent, code
	}
	if !ok {
		return 0, ""
	}
	switch e.Attr("type") {
	case "person":
		return uPerson, code
	case "country":
		return uCountry, code
	case "capital":
		return uCapital, code
	case "igo", "ngo", "agency":
		return uOrg, code
	case "group":
		if e.Attr("country") == "context" {
			return uContextISIS, code
		}
		return uOrg, code
	case "nisba":
		return uNisba, code
	case "media":
		return uMedia, code
	}
	return 0, ""
}

// joins reports whether unit u continues mention m: it must follow with no
// punctuation between, not start a new conjunct, and not bring its own
// preposition (except ل after a title: الأمين العام للأمم المتحدة).
func (c *Coder) joins(s *sentence, m *mention, u unit) bool {
	if u.i != m.j {
		return false
	}
	prev := &s.words[m.j-1]
	if prev.punctAfter != "" && prev.punctAfter != "-" {
		return false
	}
	if u.conj {
		return false
	}
	last := m.units[len(m.units)-1]
	switch u.kind {
	case uPair, uHomeland, uMedia, uCounterpart:
		return false
	case uNisba:
		return u.prep == ""
	}
	if u.prep != "" {
		return u.prep == "ل" && last.kind == uAgent
	}
	return true
}

// resolve computes m's code from its units; it returns false when the units
// do not make an actor (a nationality adjective on a thing: العلاقات الروسية).
func (c *Coder) resolve(s *sentence, m *mention, d *docContext, prev []*mention) bool {
	var person, org, agent, country, capital, media, nisba, ctxRef, isis *unit
	for k := range m.units {
		u := &m.units[k]
		switch u.kind {
		case uPerson:
			person = u
		case uOrg:
			org = u
		case uAgent:
			if nisba == nil && country == nil {
				agent = u
			}
		case uCountry:
			country = u
		case uCapital:
			capital = u
		case uMedia:
			media = u
		case uNisba:
			nisba = u
		case uContext:
			ctxRef = u
		case uContextISIS:
			isis = u
		case uHomeland:
			m.code, m.trace = "", "homeland"
			ref := referent(d, prev)
			if ref == nil {
				return false
			}
			m.country, m.sector, m.countryOnly = ref.country, "", true
			m.code = ref.country
			m.name = ontology.CountryName(ref.country)
			m.trace = "بلاده → country of " + ref.code
		case uPair:
			if len(d.principal) < 2 {
				return false
			}
			for _, p := range d.principal[:2] {
				cp := *p
				cp.i, cp.j, cp.start, cp.end = m.i, m.j, m.start, m.end
				cp.next, cp.trace = nil, "الجانبان → "+p.code+" (principal actor of the article)"
				m.pair = append(m.pair, &cp)
			}
			m.code = d.principal[0].code + "+" + d.principal[1].code
			m.trace = "الجانبان → the article's two principal actors"
		case uCounterpart:
			// نظيره الروسي: handled below with the nisba.
		}
	}
	m.conj = m.units[0].conj
	m.prep = introPrep(s, m)
	switch {
	case len(m.pair) > 0, m.trace != "" && m.code != "":
		// set above
	case media != nil:
		m.media, m.code, m.name = true, media.code, media.entry.EN()
		m.trace = "media " + media.entry.Pos()
	case person != nil:
		m.code, m.name = person.code, person.entry.EN()
		m.trace = "person " + person.entry.Pos()
	case ctxRef != nil:
		r := ctxRef.ref
		m.code, m.country, m.sector, m.name = r.code, r.country, r.sector, r.name
		m.trace = "name seen earlier in the article → " + r.code
		return true
	case org != nil:
		m.code, m.name = org.code, org.entry.EN()
		m.trace = "organisation " + org.entry.Pos()
	case isis != nil:
		m.ctxCountry, m.sector, m.name = true, isis.code[1:], isis.entry.EN()
		m.code = m.sector
		m.trace = "group coded by the place of the act " + isis.entry.Pos()
		return true
	default:
		iso := ""
		switch {
		case country != nil:
			iso = country.code
		case nisba != nil:
			iso = nisba.code
		case capital != nil:
			iso, _ = ontology.SplitActorCode(capital.code)
		}
		hasCounterpart := m.units[0].kind == uCounterpart
		// «العاصمة الأردنية عمان»: an adjective qualifying a place name.
		nisbaFirst := nisba != nil && (capital != nil || country != nil) && m.units[0].kind == uNisba
		switch {
		case nisbaFirst:
			m.code, m.name, m.place, m.countryOnly = nisba.code, nisba.entry.EN(), true, true
			m.trace = "nationality adjective qualifying a place name"
		case hasCounterpart && iso != "":
			sector := "GOV"
			if ref := d.speakerOrSubject(); ref != nil && ref.sector != "" {
				sector = ref.sector
			}
			// «القوات البحرية المصرية ونظيرتها الروسية»: the counterpart of
			// the conjunct it follows has that conjunct's sector.
			if n := len(prev); m.units[0].conj && n > 0 && prev[n-1].j == m.i && prev[n-1].sector != "" {
				sector = prev[n-1].sector
			}
			m.code = iso + sector
			m.trace = "نظيره + nationality"
		case agent != nil && iso != "":
			m.code = iso + agent.code[1:]
			m.trace = "agent " + agent.entry.Pos() + " + country"
		case agent != nil && agent.pron && possessiveCode(agent, referent(d, prev)) != "":
			// قواته، جنودها، مقاتليه: the forces of the actor the pronoun
			// refers to (D7).
			ref := referent(d, prev)
			m.code, m.name = possessiveCode(agent, ref), agent.entry.EN()
			m.trace = "agent " + agent.entry.Pos() + " + possessive → " + ref.code
		case agent != nil:
			m.code = agent.code[1:]
			m.sector = m.code
			m.trace = "agent " + agent.entry.Pos() + " (country from context)"
			m.name = agent.entry.EN()
			return true
		case capital != nil && nisba == nil && country == nil:
			m.code, m.name = capital.code, capital.entry.EN()
			m.trace = "capital as metonym " + capital.entry.Pos()
			m.countryOnly = true
			m.place = c.locative(s, m)
		case country != nil:
			m.code, m.name = iso, country.entry.EN()
			m.countryOnly = true
			m.trace = "country " + country.entry.Pos()
			m.place = c.locative(s, m)
		case nisba != nil && len(m.units) == 1 && ellipticHead(m, prev) != nil:
			// «أجهزة الاستخبارات الأردنية والعراقية»، «شركات إيرانية
			// وصينية»: the second nationality shares the first one's agent.
			h := ellipticHead(m, prev)
			m.code, m.name = iso+h.sector, nisba.entry.EN()
			m.trace = "nationality adjective coordinated with " + h.code + ": same agent (8g)"
		case nisba != nil && len(m.units) == 1 && afterQuantity(s, m.i):
			// «15 فلسطينياً»، «ثلاثة إسرائيليين»، «عشرات من الفلسطينيين»: a
			// nationality adjective counted is a noun, the people (D1: CVL).
			m.code, m.name, m.people = iso+"CVL", nisba.entry.EN(), true
			m.trace = "nationality adjective as a noun after a number " + nisba.entry.Pos()
		case nisba != nil && len(m.units) == 1:
			// A bare nationality adjective describes a thing (العلاقات
			// الروسية); it is kept only to name the actor of a violent
			// act (غارات إسرائيلية).
			m.code, m.name, m.adj, m.countryOnly = iso, nisba.entry.EN(), true, true
			m.trace = "nationality adjective " + nisba.entry.Pos()
		default:
			return false
		}
	}
	m.country, m.sector = ontology.SplitActorCode(m.code)
	if m.countryOnly {
		m.sector = ""
	}
	if m.name == "" {
		m.name = ontology.CountryName(m.country)
	}
	return true
}

// ellipticHead returns the agent-plus-nationality mention that a
// coordinated lone nationality adjective m directly follows (الأردنية
// والعراقية), or nil.
func ellipticHead(m *mention, prev []*mention) *mention {
	n := len(prev)
	if !m.units[0].conj || n == 0 {
		return nil
	}
	h := prev[n-1]
	if h.j != m.i || h.adj || h.countryOnly || h.media || len(h.pair) > 0 || h.sector == "" || h.country == "" || !ontology.IsCountry(h.country) {
		return nil
	}
	for _, u := range h.units {
		if u.kind == uNisba {
			return h
		}
	}
	return nil
}

// introPrep finds the preposition that introduces the mention: a proclitic
// on its first word, or a preposition word right before it.
func introPrep(s *sentence, m *mention) string {
	if p := m.units[0].prep; p != "" {
		return p
	}
	if m.i > 0 {
		prev := &s.words[m.i-1]
		if prev.punctAfter == "" {
			for _, p := range prepWords {
				if prev.isBare(p) {
					if p == "من" && m.i >= 2 && s.words[m.i-2].isBare("كلا", "كل") {
						// «دعت الرياض كلاً من واشنطن وطهران»: a transparent
						// object, not a من complement.
						return ""
					}
					return p
				}
			}
		}
	}
	return ""
}

// facilityNouns are nouns of a building or site that is often named after a
// person or title (مطار الملك خالد، جامعة الملك سعود، جسر الملك فهد), as keys.
var facilityNouns = []string{"مطار", "ميناء", "جامعه", "مستشفي", "جسر", "قاعده", "شارع", "ملعب", "مسجد", "مدرسه"}

// namesFacility reports whether the words from i follow a facility noun in
// construct (no punctuation, not part of an earlier unit) and so belong to
// its name.
func namesFacility(s *sentence, units []unit, i int) bool {
	if i == 0 || len(units) > 0 && units[len(units)-1].j >= i {
		return false
	}
	p := &s.words[i-1]
	return p.punctAfter == "" && p.is(facilityNouns...)
}

// prepWords are the separate prepositions that introduce a slot, as keys.
var prepWords = []string{"مع", "علي", "الي", "ضد", "عن", "من", "في", "بين", "لدي"}

// locative reports whether a bare country or capital is used as a place:
// right after في (or another locative preposition, or the proclitic ب), or
// after a place noun that is itself so introduced (في العاصمة الأوزبكية طشقند).
func (c *Coder) locative(s *sentence, m *mention) bool {
	switch m.prep {
	case "في":
		return true
	case "ب":
		// بالقاهرة is a place; بأفغانستان (ذات الصلة بأفغانستان) is not.
		return m.units[0].kind == uCapital
	case "":
	default:
		return false
	}
	k := m.i - 1
	if k < 0 {
		return false
	}
	if s.words[k].isBare(locPreps...) {
		return true
	}
	// A place noun, perhaps with a nationality adjective, before the name.
	for n := 0; n < 2 && k >= 0; n, k = n+1, k-1 {
		w := &s.words[k]
		if w.is(placeNouns...) {
			if k > 0 && s.words[k-1].isBare(locPreps...) {
				return true
			}
			for _, a := range w.alts {
				if a.prep == "ب" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// startsNewActor reports whether unit k, although adjacent to m, begins a
// second actor: m is already identified (it holds a person, organisation,
// country, capital or nationality) and the unit brings an identity of its
// own (another country, capital, organisation or person, or a role noun with
// its own nationality). «وزارة الخارجية الفرنسية | إسرائيل»,
// «الاتحاد الأوروبي | السلطات التونسية», «… بنيامين نتنياهو | حركة حماس».
// A bare title after a person stays an apposition (… محمد بن سلمان ولي العهد).
func (c *Coder) startsNewActor(s *sentence, m *mention, units []unit, k int) bool {
	u := units[k]
	var hasPerson, hasOrg, hasNat bool
	for _, x := range m.units {
		switch x.kind {
		case uPerson:
			hasPerson = true
		case uOrg, uContextISIS:
			hasOrg = true
		case uCountry, uCapital, uNisba:
			hasNat = true
		}
	}
	ownNat := k+1 < len(units) && units[k+1].i == u.j && !units[k+1].conj &&
		(units[k+1].kind == uNisba || units[k+1].kind == uCountry) && units[k+1].prep == ""
	switch u.kind {
	case uCountry, uCapital, uOrg, uContextISIS:
		return hasPerson || hasOrg || hasNat
	case uNisba:
		return hasPerson || hasNat
	case uPerson:
		return hasPerson || hasOrg
	case uAgent:
		if hasPerson {
			return ownNat || indefinitePlural(&s.words[u.i])
		}
		return hasOrg || hasNat
	}
	return false
}

// indefinitePlural reports a role noun in the indefinite sound plural
// (مسؤولين، مسؤولون، ناشطات): after a person it names other people (اتهم
// رئيس الوزراء … مسؤولين سابقين), never the person's title.
func indefinitePlural(w *word) bool {
	if hasArticleReading(w) {
		return false
	}
	t := w.alts[0].key
	return len(t) > 6 && (strings.HasSuffix(t, "ين") || strings.HasSuffix(t, "ون") || strings.HasSuffix(t, "ات"))
}

// referent is the actor a possessive pronoun (بلاده، قواته) refers to: the
// last speaker or subject of the article, else, before any is known, the
// first actor of the sentence with a country and no preposition — the
// subject of the opening clause (أكد الرئيس التركي … استعداد بلاده). prev
// holds the mentions of the sentence found so far.
func referent(d *docContext, prev []*mention) *mention {
	if ref := d.speakerOrSubject(); ref != nil {
		return ref
	}
	for _, m := range prev {
		if m.prep == "" && !m.place && !m.media && !m.adj && m.country != "" && m.country != "IGO" && m.country != "NGO" && len(m.pair) == 0 {
			return m
		}
	}
	return nil
}

// possessiveCode is the code of a possessive agent (قواته، مقاتليه) whose
// pronoun refers to ref: ref's country + the agent's sector, or ref's own
// code when ref is an armed group (حزب الله … مقاتليه → LBNREB). It is ""
// without a referent country.
func possessiveCode(agent *unit, ref *mention) string {
	if ref == nil || ref.country == "" || !ontology.IsCountry(ref.country) {
		return ""
	}
	if ref.sector == "REB" {
		return ref.code
	}
	return ref.country + agent.code[1:]
}

// hasArticleReading reports whether the word is written with the article.
func hasArticleReading(w *word) bool {
	for _, a := range w.alts {
		if a.akey != "" {
			return true
		}
	}
	return strings.HasPrefix(arabic.Key(w.text), "ال")
}

// numberWords count people: cardinals and quantifier nouns, as keys.
var numberWords = canonKeys("اثنان", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة",
	"عشرات", "مئات", "آلاف", "ألوف", "عدد", "المئات", "الآلاف", "العشرات", "مئة", "ألف", "بضعة")

// afterQuantity reports whether word i follows a number or a quantifier,
// perhaps through a partitive من (عشرات من الفلسطينيين).
func afterQuantity(s *sentence, i int) bool {
	k := i - 1
	if k >= 1 && s.words[k].isBare("من") {
		k--
	}
	if k < 0 || s.words[k].punctAfter != "" {
		return false
	}
	w := &s.words[k]
	return w.kind == arabic.Number || w.is(numberWords...)
}
