// codes.go maps mentions to the actor codes of an event: GOV/MIL/CVL
// completion and the event place's country (finalCode), domestic sources and
// targets, violent protest by protesters, and which event codes need a
// target.

package coder

import (
	"strings"

	"github.com/marsad-project/marsad/internal/ontology"
)

// riotCode turns arson (1712) by protesters (source sector OPP: محتجون،
// متظاهرون) into violent protest, 145 («أضرم محتجون النار في مبنى
// المحافظة»); other codes are returned as is. Assault and force by OPP
// sources stay 18x/190: such sources are often armed opposition.
func riotCode(ac, code string) string {
	if !strings.HasSuffix(ac, "OPP") {
		return code
	}
	if code == "1712" {
		return "145"
	}
	return code
}

// standsAlone reports whether an act whose only target turned out to be
// the source itself may be emitted with no target: not when it needs one
// (A8) or has other targets, and not for force, where a source that is also
// the target is usually the victim read as the actor.
func standsAlone(code string, ntgts int) bool {
	r := ontology.Root(code)
	return ntgts == 1 && !needsTarget(code) && r != "15" && r < "18"
}

// domesticSource gives a source known only by its sector (protesters,
// students, the opposition: OPP, CVL, EDU …), with no place to take a
// country from, the country of the target it demands of, criticises or
// protests against: such acts are domestic (D2).
func domesticSource(ac, bc, code string) string {
	if !ontology.IsSector(ac) {
		return ac
	}
	switch ontology.Root(code) {
	case "10", "11", "12", "13", "14":
		if ctry := countryOf(bc); ctry != "" && ontology.IsCountry(ctry) {
			return ctry + ac
		}
	}
	return ac
}

// domesticTarget gives a sector-only target code (no country stated or
// inferable from the place) the source's country when the act is domestic
// by nature — investigation, criticism, rejection, coercion: «قضت محكمة
// … على ثمانية متهمين» → EGYCVL.
func domesticTarget(bc, ac, code string) string {
	if !ontology.IsSector(bc) {
		return bc
	}
	switch ontology.Root(code) {
	case "09", "11", "12", "17":
		if ctry := countryOf(ac); ctry != "" && ontology.IsCountry(ctry) {
			return ctry + bc
		}
	}
	return bc
}

func countryOf(code string) string {
	c, _ := ontology.SplitActorCode(code)
	return c
}

// finalCode completes a mention's actor code for an event: bare countries
// and capitals get GOV, or MIL for force (D3); targets of force on a country
// get CVL or MIL (D4); agents without a country take the event place's
// country; groups coded by place (ISIS) likewise.
func (c *Coder) finalCode(m *mention, code string, isSource bool, loc *placeRef) string {
	root := ontology.Root(code)
	force := root == "15" || root >= "18"
	switch {
	case m.people && isSource && root == "14":
		return m.country + "OPP" // D2: people described only as protesting
	case m.countryOnly:
		switch {
		case isSource && force:
			return m.country + "MIL"
		case !isSource && (root == "18" || root == "20" || root == "17"):
			return m.country + "CVL"
		case !isSource && root == "19":
			return m.country + "MIL"
		}
		return m.country + "GOV"
	case m.ctxCountry || m.country == "" && m.sector != "":
		if loc != nil {
			return loc.country + m.sector
		}
		return m.code
	}
	return m.code
}

// needsTarget reports whether a code is only coded with a recipient (A8):
// cooperation, aid, investigation, threats, sanctions and coercion need one;
// statements, appeals, concessions, demands, criticism, rejection, protest,
// force posture and violence may stand without.
func needsTarget(code string) bool {
	switch ontology.Root(code) {
	case "03", "04", "05", "06", "07", "09", "13", "16", "17":
		return true
	}
	return false
}
