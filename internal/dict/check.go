package dict

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad-project/marsad/internal/ontology"
)

// Known attribute values.
var (
	actorTypes  = set("country", "capital", "igo", "ngo", "group", "agency", "person", "media", "nisba")
	triggerPOS  = set("verb", "noun", "part", "phrase")
	targetSlots = set("obj", "gen", "مع", "ب", "إلى", "الى", "على", "ضد", "ل", "عن", "من", "في", "بين", "لدى", "أمام")
	placeKinds  = set("country", "capital", "adm1", "city")
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// Check validates every entry of d and returns all problems, sorted by file
// and line: lines that did not parse, unknown or malformed codes, bad date
// ranges, missing attributes, and forms that normalise to the same keys as
// another entry's (duplicates, or conflicts when the codes differ).
func Check(d *Dict) []Problem {
	probs := append([]Problem(nil), d.Problems...)
	report := func(e *Entry, format string, a ...any) {
		probs = append(probs, Problem{e.File, e.Line, fmt.Sprintf(format, a...)})
	}
	for _, e := range d.Entries {
		if e.EN() == "" {
			report(e, "missing en= (English name or gloss)")
		}
		switch e.Kind {
		case Actor:
			checkActor(e, report)
		case Agent:
			checkAgent(e, report)
		case Trigger:
			checkTrigger(e, report)
		case Place:
			checkPlace(e, report)
		}
		for _, f := range e.Forms {
			if len(FormKeys(f)) == 0 {
				report(e, "form %q has no words", f)
			}
		}
	}
	probs = append(probs, checkKeys(d)...)
	sort.SliceStable(probs, func(i, j int) bool {
		if probs[i].File != probs[j].File {
			return probs[i].File < probs[j].File
		}
		return probs[i].Line < probs[j].Line
	})
	return probs
}

type reporter func(e *Entry, format string, a ...any)

func checkActor(e *Entry, report reporter) {
	typ := e.Attr("type")
	if typ == "" {
		report(e, "missing type= (one of country, capital, igo, ngo, group, agency, person, media, nisba)")
	} else if !actorTypes[typ] {
		report(e, "unknown type %q", typ)
	}
	for _, c := range e.Codes {
		if strings.HasPrefix(c.Code, "~") {
			// A group whose country comes from the context (e.g. ISIS).
			if e.Attr("country") != "context" {
				report(e, "code %s: a ~SECTOR code in an actor entry needs country=context", c.Code)
			} else if !ontology.IsSector(c.Code[1:]) {
				report(e, "code %s: unknown sector %q", c.Code, c.Code[1:])
			}
			continue
		}
		if err := ontology.ValidActorCode(c.Code); err != nil {
			report(e, "code %s: %v", c.Code, err)
		}
	}
	checkRanges(e, report)
}

func checkRanges(e *Entry, report reporter) {
	var ranged []DatedCode
	for _, c := range e.Codes {
		if c.Fallback() {
			continue
		}
		if c.From != "" && c.To != "" && c.From > c.To {
			report(e, "code %s: range is inverted (%s after %s)", c, c.From, c.To)
			continue
		}
		for _, o := range ranged {
			if overlaps(o, c) {
				report(e, "code %s overlaps %s", c, o)
			}
		}
		ranged = append(ranged, c)
	}
}

func overlaps(a, b DatedCode) bool {
	// Open ends compare as the extremes.
	aFrom, aTo, bFrom, bTo := a.From, a.To, b.From, b.To
	if aTo == "" {
		aTo = "9999-99-99"
	}
	if bTo == "" {
		bTo = "9999-99-99"
	}
	return aFrom <= bTo && bFrom <= aTo
}

func checkAgent(e *Entry, report reporter) {
	c := e.Code()
	if !strings.HasPrefix(c, "~") {
		report(e, "agent code %q must be ~SECTOR (e.g. ~GOV)", c)
		return
	}
	if !ontology.IsSector(c[1:]) {
		report(e, "agent code %s: unknown sector %q", c, c[1:])
	}
}

func checkTrigger(e *Entry, report reporter) {
	c := e.Code()
	if n := len(c); n != 3 && n != 4 {
		report(e, "event code %q: want 3 or 4 digits", c)
	} else if _, ok := ontology.Lookup(c); !ok {
		report(e, "event code %q is not a CAMEO code", c)
	}
	pos := e.Attr("pos")
	if pos == "" {
		report(e, "missing pos= (verb, noun, part or phrase)")
	} else if !triggerPOS[pos] {
		report(e, "unknown pos %q", pos)
	}
	if t, ok := e.Attrs["target"]; ok {
		for _, s := range strings.Split(t, ",") {
			if s = strings.TrimSpace(s); !targetSlots[s] {
				report(e, "unknown target slot %q", s)
			}
		}
	}
	if v, ok := e.Attrs["voice"]; ok && v != "passive" && v != "active" {
		report(e, "unknown voice %q", v)
	}
	// head=noun: the gap-free forms of a phrase start with a verbal noun.
	if h, ok := e.Attrs["head"]; ok && (h != "noun" || pos != "phrase") {
		report(e, "head=%s: only head=noun on a pos=phrase line", h)
	}
}

func checkPlace(e *Entry, report reporter) {
	if c := e.Code(); !ontology.IsCountry(c) {
		report(e, "place country %q is not an ISO 3166 alpha-3 code", c)
	}
	for _, ax := range []struct {
		key      string
		min, max float64
	}{{"lat", -90, 90}, {"lon", -180, 180}} {
		v, ok := e.Attrs[ax.key]
		if !ok {
			report(e, "missing %s=", ax.key)
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < ax.min || f > ax.max {
			report(e, "%s=%s: want a number in [%g, %g]", ax.key, v, ax.min, ax.max)
		}
	}
	if k := e.Attr("kind"); k == "" {
		report(e, "missing kind= (country, capital, adm1 or city)")
	} else if !placeKinds[k] {
		report(e, "unknown kind %q", k)
	}
}

// checkKeys finds explicit forms of one kind that compile to the same keys:
// within one source they are duplicates (same codes) or conflicts (different
// codes). A user entry replacing a built-in one is an override, not an error.
// Places may share names across countries; only exact repeats are reported.
func checkKeys(d *Dict) []Problem {
	var probs []Problem
	type seen struct {
		e    *Entry
		form string
	}
	first := map[string]seen{}
	for _, e := range d.Entries {
		for _, f := range e.Forms {
			keys := FormKeys(f)
			if len(keys) == 0 {
				continue
			}
			k := e.Kind.String() + "\x00" + strings.Join(keys, " ")
			if e.Kind == Place {
				k += "\x00" + e.Code() + "\x00" + e.EN()
			}
			prev, ok := first[k]
			if !ok {
				first[k] = seen{e, f}
				continue
			}
			if prev.e == e || prev.e.User != e.User {
				continue
			}
			if sameCodes(prev.e, e) || e.Kind == Place {
				probs = append(probs, Problem{e.File, e.Line, fmt.Sprintf("form %q duplicates %q at %s", f, prev.form, prev.e.Pos())})
			} else if conflict(prev.e, e) {
				probs = append(probs, Problem{e.File, e.Line, fmt.Sprintf("form %q (%s) conflicts with %q (%s) at %s: same normalised key, different code", f, codesString(e), prev.form, codesString(prev.e), prev.e.Pos())})
			}
		}
	}
	return probs
}

func codesString(e *Entry) string {
	s := make([]string, len(e.Codes))
	for i, c := range e.Codes {
		s[i] = c.String()
	}
	return strings.Join(s, ",")
}

func sameCodes(a, b *Entry) bool { return codesString(a) == codesString(b) }

// conflict reports whether two entries can give different codes on some
// date: their fallbacks differ, or two overlapping ranges carry different
// codes.
func conflict(a, b *Entry) bool {
	fa, fb := fallbackOf(a), fallbackOf(b)
	if fa != "" && fb != "" && fa != fb {
		return true
	}
	for _, x := range a.Codes {
		for _, y := range b.Codes {
			if x.Code == y.Code {
				continue
			}
			if x.Fallback() != y.Fallback() {
				// A range against the other's fallback: different codes on
				// the range's dates unless the other has a range there too.
				continue
			}
			if x.Fallback() || overlaps(x, y) {
				return true
			}
		}
	}
	return false
}

func fallbackOf(e *Entry) string {
	for _, c := range e.Codes {
		if c.Fallback() {
			return c.Code
		}
	}
	return ""
}
