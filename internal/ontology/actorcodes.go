package ontology

import (
	"fmt"
	"strings"
)

// ValidActorCode checks a CAMEO-style actor code: a string of three-letter
// blocks read left to right.
//
//   - The first block is a country (ISO 3166-1 alpha-3 or one of CAMEO's
//     legacy codes such as KSV or ROM), a region (MEA, WSB, …), an
//     international type (IGO, NGO, IMG, INT, MNC, NGM, UIS), or UNO, which
//     CAMEO also allows at top level.
//   - Each further block is a known sector (GOV, MIL, REB, …), international
//     type used as a role (NGO in SYRNGO, MNC), organisation (UNO, ARL,
//     AMN, …), region, known group (HMS, HEZ, …) or religion (MOS, SHI, …)
//     code. Country codes cannot follow the first block.
//   - A code starting with IGO or NGO must end in an organisation code: what
//     identifies the organisation is the last three letters
//     (coding-conventions D6). So IGOUNO, IGOSCO, NGOAMN and the long
//     dictionary forms IGOMEAARL and IGOUNOREFHCR (UNHCR, organisation code
//     HCR) are valid; IGO alone or IGOGOV is not.
//
// Codes are upper case; date ranges ("@2020-01-01..") and the agent marker
// "~" are dictionary syntax, not part of a code, and are rejected here.
// The error text names the offending block.
func ValidActorCode(code string) error {
	if code == "" {
		return fmt.Errorf("empty actor code")
	}
	for i := 0; i < len(code); i++ {
		if c := code[i]; c < 'A' || c > 'Z' {
			return fmt.Errorf("actor code %q: only upper-case letters A-Z are allowed", code)
		}
	}
	if len(code)%3 != 0 {
		return fmt.Errorf("actor code %q: length %d is not a multiple of 3", code, len(code))
	}
	t := tables()
	if t.err != nil {
		return fmt.Errorf("actor code %q: ontology not loaded: %v", code, t.err)
	}
	first, ok := t.blocks[code[:3]]
	switch {
	case !ok:
		return fmt.Errorf("actor code %q: %q is not a known country, region or IGO/NGO block", code, code[:3])
	case first.Kind == kindCountry, first.Kind == kindRegion, first.Kind == kindIntl:
	case first.Code == "UNO":
	default:
		return fmt.Errorf("actor code %q: %q is a %s code and cannot start an actor code", code, first.Code, first.Kind)
	}
	for i := 3; i < len(code); i += 3 {
		b, ok := t.blocks[code[i:i+3]]
		if !ok {
			return fmt.Errorf("actor code %q: unknown block %q", code, code[i:i+3])
		}
		switch b.Kind {
		case kindSector, kindIntl, kindOrg, kindRegion, kindGroup, kindReligion:
		default:
			return fmt.Errorf("actor code %q: %s code %q cannot follow the first block", code, b.Kind, b.Code)
		}
	}
	if first.Code == "IGO" || first.Code == "NGO" {
		if len(code) == 3 {
			return fmt.Errorf("actor code %q: %s must be followed by an organisation code (e.g. %sUNO, NGOAMN)", code, code, first.Code)
		}
		last := t.blocks[code[len(code)-3:]]
		if last.Kind != kindOrg {
			return fmt.Errorf("actor code %q: an %s code must end in a known organisation code, not %q", code, first.Code, last.Code)
		}
	}
	return nil
}

// SplitActorCode splits an actor code into its first block and the rest:
//
//	CHNGOV       -> CHN, GOV
//	SYRMIL       -> SYR, MIL
//	CHNGOVMIL    -> CHN, GOVMIL
//	IGOSCO       -> IGO, SCO   (the "country" is the IGO/NGO type block, as in model.Actor)
//	IGOUNOREFHCR -> IGO, UNOREFHCR
//	CHN          -> CHN, ""
//	~REB         -> "", REB    (an agent code: the country comes from context)
//
// It does not validate; a code shorter than three letters is returned whole
// as the country.
func SplitActorCode(code string) (country, sector string) {
	if rest, ok := strings.CutPrefix(code, "~"); ok {
		return "", rest
	}
	if len(code) <= 3 {
		return code, ""
	}
	return code[:3], code[3:]
}

// CountryName returns the English name of a country code (ISO 3166-1
// alpha-3 or a CAMEO legacy country code), or "" if the code is not a
// country.
func CountryName(iso3 string) string {
	if b, ok := tables().blocks[iso3]; ok && b.Kind == kindCountry {
		return b.Name
	}
	return ""
}

// IsCountry reports whether iso3 is a country code: ISO 3166-1 alpha-3 or
// one of CAMEO's legacy country codes (KSV, KOS, ROM, TMP, …). Regions such
// as WSB or MEA are not countries.
func IsCountry(iso3 string) bool {
	b, ok := tables().blocks[iso3]
	return ok && b.Kind == kindCountry
}

// roleTypes are the international types that also serve as a sector after
// a country: national NGOs (SYRNGO, coding-conventions D1), movements and
// companies.
var roleTypes = map[string]bool{"NGO": true, "NGM": true, "MNC": true}

// IsSector reports whether code is a known sector/type block (GOV, MIL, REB,
// CVL, PTY, …), including NGO, NGM and MNC, which are also top-level types.
func IsSector(code string) bool {
	b, ok := tables().blocks[code]
	return ok && (b.Kind == kindSector || b.Kind == kindIntl && roleTypes[code])
}

// IsOrganisation reports whether code is a known IGO/NGO organisation block
// (UNO, ARL, SCO, AMN, …), the last three letters of an IGO/NGO actor code.
func IsOrganisation(code string) bool {
	b, ok := tables().blocks[code]
	return ok && b.Kind == kindOrg
}

// BlockName returns the English name of any known three-letter block and
// its kind ("country", "region", "intl", "sector", "org", "group",
// "religion"), or "", "" if unknown.
func BlockName(code string) (name, kind string) {
	b, ok := tables().blocks[code]
	if !ok {
		return "", ""
	}
	return b.Name, b.Kind
}
