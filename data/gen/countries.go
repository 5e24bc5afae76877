//go:build ignore

// Command countries writes marsad's country list, data/actors/countries.txt,
// and the country part of the gazetteer, data/places/countries.txt.
//
// Sources, all Debian packages:
//
//   - iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (the 249 codes
//     and English names) and /usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo
//     (Arabic translations of the short, common and official names);
//   - libgeonames-common: /usr/share/locale/ar/LC_MESSAGES/geonames.mo,
//     whose two-letter entries ("TR") are GeoNames' Arabic country names,
//     used as additional forms (and as the only form where iso-codes has no
//     Arabic name, as for Türkiye).
//
// The Arabic names are cleaned (diacritics dropped, « و » joined, inverted
// «X، Y» names split) and corrected through the fixes table below; a form
// that two countries would share is dropped from both and reported.
//
// data/places/countries.txt takes the forms of actors/countries.txt and of
// the type=country lines of actors/countries_extra.txt, and the approximate
// centre of each country from data/gen/country_centroids.tsv.
//
// Usage, from the repository root:
//
//	go run data/gen/countries.go
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	isoJSON   = flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes ISO 3166-1 JSON")
	isoMO     = flag.String("isomo", "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo", "iso-codes Arabic catalogue")
	geoMO     = flag.String("geomo", "/usr/share/locale/ar/LC_MESSAGES/geonames.mo", "GeoNames Arabic catalogue")
	actorsDir = flag.String("actors", "data/actors", "actors folder")
	placesDir = flag.String("places", "data/places", "places folder")
	centroids = flag.String("centroids", "data/gen/country_centroids.tsv", "country centres")
)

// enNames replaces iso-codes English names that are not the common one.
var enNames = map[string]string{
	"BOL": "Bolivia",
	"BRN": "Brunei",
	"COD": "Democratic Republic of the Congo",
	"COG": "Republic of the Congo",
	"FLK": "Falkland Islands",
	"FSM": "Micronesia",
	"IRN": "Iran",
	"KOR": "South Korea",
	"PRK": "North Korea",
	"LAO": "Laos",
	"MDA": "Moldova",
	"PSE": "Palestine",
	"RUS": "Russia",
	"SYR": "Syria",
	"TWN": "Taiwan",
	"TZA": "Tanzania",
	"TUR": "Turkey",
	"VAT": "Vatican City",
	"VEN": "Venezuela",
	"VGB": "British Virgin Islands",
	"VIR": "United States Virgin Islands",
	"VNM": "Vietnam",
	"SHN": "Saint Helena, Ascension and Tristan da Cunha",
	"MAF": "Saint Martin",
	"SXM": "Sint Maarten",
}

// fixes corrects the Arabic names of the catalogues, keyed by ISO3 and the
// cleaned name: the value replaces the name (nil drops it). Wrong
// translations, literal renderings that news never uses, and names that are
// ordinary words go here; common variants that are merely missing go in
// actors/countries_extra.txt.
var fixes = map[string][]string{
	"MDA/المالديف":            nil, // Moldova translated as the Maldives
	"GRC/الجمهورية الهلنستية": {"الجمهورية الهيلينية"},
	"FRA/جمهورية الفرنسية":    {"الجمهورية الفرنسية"},
	"SRB/صربية":               {"صربيا"}, // صربية is also the feminine adjective
	"SRB/جمهورية صربية":       {"جمهورية صربيا"},
	"LTU/لثوانيا":             {"ليتوانيا"},
	"LTU/جمهورية لثوانيا":     {"جمهورية ليتوانيا"},
	"VAT/المقعد المقدس (ولاية مدينة الفاتيكان)":     {"الكرسي الرسولي", "دولة مدينة الفاتيكان"},
	"TWN/تايوان، محافظة صينية":                      {"تايوان"},
	"KOR/كوريا، جمهورية كوريا":                      {"جمهورية كوريا"},
	"PRK/كوريا، جمهورية كوريا الشعبية الديموقراطية": {"جمهورية كوريا الشعبية الديموقراطية"},
	"COD/الكونغو، جمهورية الكونغو الديموقراطية":     {"جمهورية الكونغو الديموقراطية"},
	"VGB/فيرجن، جزر فيرجن البريطانية":               {"جزر فيرجن البريطانية"},
	"VIR/فيرجن، جزر فيرجن الأميركية":                {"جزر فيرجن الأميركية"},
	"SHN/ساينت هيلينا، تريستان دا كونا":             {"سانت هيلينا"},
	"HUN/المجر (هنغاريا)":                           {"المجر", "هنغاريا"},
	"FLK/جزر فولكلاند (مالفيناس)":                   {"جزر فوكلاند", "جزر مالفيناس"},
	"MAF/سانت مارتين (القطاع الفرنسي)":              {"سانت مارتين"},
	"SXM/سانت مارتن (الجزء الهولندي)":               {"سينت مارتن"},
	"TLS/تيمور-ليستي":                               {"تيمور ليشتي"},
	"TLS/جمهورية تيمور-ليستي الديموقراطية":          {"جمهورية تيمور ليشتي الديمقراطية"},
	"IMN/آيزل أف مان":                               {"جزيرة مان"},
	"GGY/جزيرة جويرزني":                             {"غيرنزي"},
	"GLP/جوادالوبي":                                 {"غوادلوب"},
	"PCN/بتكيرن":                                    {"جزر بيتكيرن"},
	"NCL/نيو قلدونيا":                               {"كاليدونيا الجديدة"},
	"ATA/القطب الجنوبي":                             {"أنتاركتيكا", "القارة القطبية الجنوبية"}, // the South Pole, not the continent
	"CXR/جزر الكريسماس":                             {"جزيرة عيد الميلاد"},
	"CCK/جزر كوكوس (كيلينغ)":                        {"جزر كوكوس"},
	"MMR/ميانمار (بورما)":                           {"ميانمار", "بورما"},
	"MLI/مالي":                                      nil, // مالي is the everyday adjective "financial"
	"BEN/بنين":                                      nil, // بنين is "boys" (مدارس البنين), far more frequent than Benin
}

// fallback gives an Arabic name where no catalogue has one.
var fallback = map[string]string{
	"TUR": "تركيا",
}

type country struct {
	a2, a3, en string
	forms      []string
}

func main() {
	log.SetFlags(0)
	flag.Parse()

	var doc map[string][]map[string]string
	b, err := os.ReadFile(*isoJSON)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		log.Fatal(err)
	}
	isoAR, err := readMO(*isoMO)
	if err != nil {
		log.Fatalf("%s: %v", *isoMO, err)
	}
	geoAR, err := readMO(*geoMO)
	if err != nil {
		log.Fatalf("%s: %v (apt-get install libgeonames-common)", *geoMO, err)
	}

	var cs []*country
	for _, e := range doc["3166-1"] {
		c := &country{a2: e["alpha_2"], a3: e["alpha_3"], en: e["common_name"]}
		if c.en == "" {
			c.en = e["name"]
		}
		if en, ok := enNames[c.a3]; ok {
			c.en = en
		}
		var raw []string
		for _, k := range []string{"common_name", "name", "official_name"} {
			if s, ok := isoAR[e[k]]; ok && e[k] != "" {
				raw = append(raw, s)
			}
		}
		if s, ok := geoAR[c.a2]; ok {
			raw = append(raw, s)
		}
		if len(raw) == 0 && fallback[c.a3] != "" {
			raw = append(raw, fallback[c.a3])
		}
		for _, r := range raw {
			for _, f := range clean(c.a3, r) {
				if !hasKey(c.forms, f) {
					c.forms = append(c.forms, f)
				}
			}
		}
		cs = append(cs, c)
	}
	if len(cs) != 249 {
		log.Printf("warning: %d countries, want 249", len(cs))
	}

	// A form that two countries share names neither.
	owners := map[string][]string{}
	for _, c := range cs {
		for _, f := range c.forms {
			k := key(f)
			owners[k] = append(owners[k], c.a3)
		}
	}
	for _, c := range cs {
		var keep []string
		for _, f := range c.forms {
			if o := owners[key(f)]; len(o) > 1 {
				log.Printf("shared form %q (%s): dropped", f, strings.Join(o, ", "))
				continue
			}
			keep = append(keep, f)
		}
		c.forms = keep
		if len(keep) == 0 {
			log.Fatalf("%s: no Arabic name left", c.a3)
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].a3 < cs[j].a3 })

	var out bytes.Buffer
	out.WriteString(actorsHeader)
	for _, c := range cs {
		fmt.Fprintf(&out, "%s | %s | en=%s ; type=country\n", c.a3, strings.Join(c.forms, " ; "), c.en)
	}
	if err := os.WriteFile(filepath.Join(*actorsDir, "countries.txt"), out.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}

	nISO := len(cs)

	// The gazetteer: generated forms, then the hand-written ones.
	extra, err := readExtra(filepath.Join(*actorsDir, "countries_extra.txt"))
	if err != nil {
		log.Fatal(err)
	}
	centre, err := readCentroids(*centroids)
	if err != nil {
		log.Fatal(err)
	}
	byCode := map[string]*country{}
	for _, c := range cs {
		byCode[c.a3] = c
	}
	for _, x := range extra {
		c := byCode[x.a3]
		if c != nil && c.en != "" && x.en != c.en {
			log.Printf("countries_extra.txt: %s en=%q, countries.txt has %q", x.a3, x.en, c.en)
		}
		if c != nil {
			for _, f := range x.forms {
				if hasKey(c.forms, f) {
					log.Printf("countries_extra.txt: %s %q repeats a form of countries.txt: remove it", x.a3, f)
				}
			}
		}
		if c == nil {
			c = &country{a3: x.a3, en: x.en}
			byCode[x.a3] = c
			cs = append(cs, c)
		}
		for _, f := range x.forms {
			if !hasKey(c.forms, f) {
				c.forms = append(c.forms, f)
			}
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].a3 < cs[j].a3 })
	out.Reset()
	out.WriteString(placesHeader)
	for _, c := range cs {
		p, ok := centre[c.a3]
		if !ok {
			log.Fatalf("%s: no centroid in %s", c.a3, *centroids)
		}
		fmt.Fprintf(&out, "%s | %s | en=%s ; lat=%s ; lon=%s ; kind=country\n",
			c.a3, strings.Join(c.forms, " ; "), c.en, p[0], p[1])
	}
	if err := os.WriteFile(filepath.Join(*placesDir, "countries.txt"), out.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("countries.txt: %d countries; places/countries.txt: %d\n", nISO, len(cs))
}

const actorsHeader = `# Countries and territories as actors: every code of ISO 3166-1 (249), coded
# by its alpha-3 code (Palestine: PSE).
#
#   ISO3 | FORMS | en=… ; type=country
#
# GENERATED by data/gen/countries.go: do not edit; put variants in
# countries_extra.txt (see data/gen/README.md).
#
# Sources: Debian's iso-codes (ISO 3166-1 codes, English names and their
# Arabic translations, LGPL-2.1+) and the Arabic country names of GeoNames
# (https://www.geonames.org, CC-BY 4.0) shipped in Debian's
# libgeonames-common; wrong or unused translations corrected by hand in
# the generator. en= is the common English name. Mali has no bare «مالي»
# here (the everyday adjective "financial") and Benin no bare «بنين»
# ("boys"); see countries_extra.txt for the forms that name them.

`

const placesHeader = `# Countries and territories as event locations: every code of ISO 3166-1
# (249) plus Kosovo (KOS), at an approximate centre.
#
#   ISO3 | FORMS | en=… ; lat=… ; lon=… ; kind=country
#
# GENERATED by data/gen/countries.go from actors/countries.txt,
# actors/countries_extra.txt and data/gen/country_centroids.tsv: do not
# edit (see data/gen/README.md).
#
# Sources: Debian's iso-codes (LGPL-2.1+) and GeoNames' Arabic country
# names (https://www.geonames.org, CC-BY 4.0) via Debian's
# libgeonames-common; variants and centres written by marsad's developers.

`

// clean turns one catalogue name into forms.
func clean(a3, raw string) []string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640, r == 0x200E, r == 0x200F:
			return -1
		}
		return r
	}, raw)
	s = strings.Join(strings.Fields(s), " ")
	if v, ok := fixes[a3+"/"+s]; ok {
		return v
	}
	s = strings.ReplaceAll(s, " و ", " و")
	s = strings.ReplaceAll(s, " - ", " ")
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '،' || r == ',' || r == '(' || r == ')' }) {
		part = strings.TrimSpace(part)
		if v, ok := fixes[a3+"/"+part]; ok {
			out = append(out, v...)
			continue
		}
		if letters(part) >= 3 {
			out = append(out, part)
		}
	}
	return out
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasKey(list []string, f string) bool {
	k := key(f)
	for _, x := range list {
		if key(x) == k {
			return true
		}
	}
	return false
}

// key approximates marsad's match key: see key in places.go.
func key(form string) string {
	var words []string
	for _, w := range strings.Fields(form) {
		var b strings.Builder
		for _, r := range w {
			switch {
			case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640:
				continue
			case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
				r = 'ا'
			case r == 'ى' || r == 'ی':
				r = 'ي'
			case r == 'ة':
				r = 'ه'
			case r == 'ؤ' || r == 'ئ':
				r = 'ء'
			case r == '-':
				continue
			}
			b.WriteRune(r)
		}
		k := b.String()
		switch n := utf8.RuneCountInString(k); {
		case strings.HasPrefix(k, "ال") && n >= 4:
			k = k[len("ال"):]
		case strings.HasPrefix(k, "لل") && n >= 5:
			k = k[len("لل"):]
		}
		words = append(words, k)
	}
	return strings.Join(words, " ")
}

// readExtra reads the type=country lines of countries_extra.txt.
func readExtra(path string) ([]*country, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []*country
	for n, line := range strings.Split(string(b), "\n") {
		for i := 0; i < len(line); i++ {
			if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
				line = line[:i]
				break
			}
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 fields", path, n+1)
		}
		c := &country{a3: strings.TrimSpace(f[0])}
		isCountry := false
		for _, a := range strings.Split(f[2], ";") {
			k, v, _ := strings.Cut(a, "=")
			switch strings.TrimSpace(k) {
			case "en":
				c.en = strings.TrimSpace(v)
			case "type":
				isCountry = strings.TrimSpace(v) == "country"
			}
		}
		if !isCountry {
			continue
		}
		for _, x := range strings.Split(f[1], ";") {
			if x = strings.Join(strings.Fields(x), " "); x != "" {
				c.forms = append(c.forms, x)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func readCentroids(path string) (map[string][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string][2]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 3 {
			return nil, fmt.Errorf("%s:%d: want ISO3, lat, lon", path, n)
		}
		for i, lim := range []float64{90, 180} {
			v, err := strconv.ParseFloat(p[i+1], 64)
			if err != nil || v < -lim || v > lim {
				return nil, fmt.Errorf("%s:%d: bad coordinate %q", path, n, p[i+1])
			}
		}
		m[p[0]] = [2]string{p[1], p[2]}
	}
	return m, sc.Err()
}

// readMO reads a gettext .mo catalogue.
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 28 {
		return nil, errors.New("short .mo file")
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, errors.New("not a .mo file")
	}
	n, oo, to := bo.Uint32(b[8:]), bo.Uint32(b[12:]), bo.Uint32(b[16:])
	str := func(tab, i uint32) (string, error) {
		p := uint64(tab) + 8*uint64(i)
		if p+8 > uint64(len(b)) {
			return "", errors.New("bad table")
		}
		l, o := bo.Uint32(b[p:]), bo.Uint32(b[p+4:])
		if uint64(o)+uint64(l) > uint64(len(b)) {
			return "", errors.New("bad string")
		}
		return string(b[o : o+l]), nil
	}
	m := make(map[string]string, n)
	for i := uint32(0); i < n; i++ {
		k, err := str(oo, i)
		if err != nil {
			return nil, err
		}
		v, err := str(to, i)
		if err != nil {
			return nil, err
		}
		if k != "" && v != "" {
			m[k] = v
		}
	}
	return m, nil
}
