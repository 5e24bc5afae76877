package ontology

import (
	"strings"
	"testing"
)

func TestValidActorCode(t *testing.T) {
	tests := []struct {
		code string
		want string // "" = valid, else a substring of the error
	}{
		{"CHNGOV", ""},
		{"CHN", ""},
		{"SYRREB", ""},
		{"SYRMIL", ""},
		{"PSEGOV", ""},
		{"LBNREB", ""},
		{"CHNGOVMIL", ""},
		{"IGOSCO", ""},
		{"IGOUNO", ""},
		{"IGOARL", ""},
		{"NGOAMN", ""},
		{"NGOHRW", ""},
		{"IGOMEAARL", ""},    // PETRARCH's long form: region block in the middle
		{"IGOUNOREFHCR", ""}, // UNHCR in PETRARCH form: ends in the organisation HCR
		{"PSEREBHMS", ""},    // country + role + known group
		{"KSVGOV", ""},       // CAMEO legacy country code
		{"WSBCVL", ""},       // sub-national special code
		{"MEAGOV", ""},       // region
		{"UNO", ""},          // UNO at top level, as CAMEO allows
		{"MNC", ""},
		{"IRQPRM", ""},
		{"LBNPTYGOV", ""},
		{"SYRNGO", ""}, // national NGO (D1)
		{"CHNMNC", ""},
		{"XXXGOV", `"XXX" is not a known country`},
		{"CHNXYZ", `unknown block "XYZ"`},
		{"IGO", "must be followed by an organisation"},
		{"NGO", "must be followed by an organisation"},
		{"IGOGOV", "must end in a known organisation"},
		{"IGOUNOGOV", "must end in a known organisation"},
		{"GOVCHN", "cannot start"},
		{"CHNUSA", "cannot follow"},
		{"chngov", "upper-case"},
		{"", "empty"},
		{"CHNGO", "multiple of 3"},
		{"CHN GOV", "upper-case"},
		{"~REB", "upper-case"},
		{"CHNGOV@2020-01-01..", "upper-case"},
	}
	for _, tt := range tests {
		err := ValidActorCode(tt.code)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("ValidActorCode(%q) = %v, want nil", tt.code, err)
		case tt.want != "" && err == nil:
			t.Errorf("ValidActorCode(%q) = nil, want error containing %q", tt.code, tt.want)
		case tt.want != "" && !strings.Contains(err.Error(), tt.want):
			t.Errorf("ValidActorCode(%q) = %v, want error containing %q", tt.code, err, tt.want)
		}
	}
}

func TestSplitActorCode(t *testing.T) {
	tests := []struct{ code, country, sector string }{
		{"CHNGOV", "CHN", "GOV"},
		{"SYRMIL", "SYR", "MIL"},
		{"IGOSCO", "IGO", "SCO"},
		{"IGOUNOREFHCR", "IGO", "UNOREFHCR"},
		{"CHNGOVMIL", "CHN", "GOVMIL"},
		{"CHN", "CHN", ""},
		{"~REB", "", "REB"},
		{"", "", ""},
		{"CH", "CH", ""},
	}
	for _, tt := range tests {
		c, s := SplitActorCode(tt.code)
		if c != tt.country || s != tt.sector {
			t.Errorf("SplitActorCode(%q) = %q, %q; want %q, %q", tt.code, c, s, tt.country, tt.sector)
		}
	}
}

func TestCountries(t *testing.T) {
	tests := []struct {
		code, name string
		country    bool
	}{
		{"CHN", "China", true},
		{"SYR", "Syria", true},
		{"IRN", "Iran", true},
		{"PSE", "Palestine", true},
		{"RUS", "Russia", true},
		{"TWN", "Taiwan", true},
		{"ESH", "Western Sahara", true},
		{"SSD", "South Sudan", true},
		{"ARE", "United Arab Emirates", true},
		{"KSV", "Kosovo", true},
		{"ROM", "Romania", true},
		{"WSB", "", false},
		{"MEA", "", false},
		{"GOV", "", false},
		{"UNO", "", false},
		{"XXX", "", false},
		{"chn", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := CountryName(tt.code); got != tt.name {
			t.Errorf("CountryName(%q) = %q, want %q", tt.code, got, tt.name)
		}
		if got := IsCountry(tt.code); got != tt.country {
			t.Errorf("IsCountry(%q) = %v, want %v", tt.code, got, tt.country)
		}
	}
	// Every ISO 3166-1 country is present.
	n := 0
	for _, b := range tables().blocks {
		if b.Kind == kindCountry {
			n++
		}
	}
	if n < 249 {
		t.Errorf("%d country codes, want at least the 249 of ISO 3166-1", n)
	}
}

func TestIsSector(t *testing.T) {
	for code, want := range map[string]bool{
		"GOV": true, "MIL": true, "REB": true, "COP": true, "CVL": true, "MED": true,
		"PTY": true, "REL": true, "PRM": true, "UAF": true, "SPY": true, "NGO": true, "MNC": true,
		"CHN": false, "UNO": false, "IGO": false, "UIS": false, "gov": false, "": false, "HMS": false,
	} {
		if got := IsSector(code); got != want {
			t.Errorf("IsSector(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestOrganisations(t *testing.T) {
	for _, code := range []string{"UNO", "ARL", "SCO", "EEC", "GCC", "ICC", "AMN", "HRW", "NAT", "OIC", "AFU",
		"BRC", "OPC", "ASN", "EAU", "IMF", "WBK"} {
		if !IsOrganisation(code) {
			t.Errorf("IsOrganisation(%q) = false", code)
		}
		if err := ValidActorCode("IGO" + code); err != nil {
			t.Errorf("IGO%s: %v", code, err)
		}
	}
	if name, kind := BlockName("SCO"); kind != "org" || name == "" {
		t.Errorf("BlockName(SCO) = %q, %q", name, kind)
	}
	if name, kind := BlockName("ZZZ"); name != "" || kind != "" {
		t.Errorf("BlockName(ZZZ) = %q, %q", name, kind)
	}
}
