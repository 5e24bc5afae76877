//go:build ignore

// Command places writes marsad's gazetteer of cities and first-order regions,
// data/places/cities.txt and data/places/adm1.txt, from the GeoNames data
// that Debian ships in the geonames packages:
//
//   - libgeonames0: /usr/lib/x86_64-linux-gnu/libgeonames.so.0.3.0 carries
//     the city table (GeoNames cities with more than 15,000 inhabitants and
//     the national capitals) as a zlib-compressed GResource,
//     /com/lomiri/geonames/cities.compiled, a serialised GVariant array of
//     (id, name, admin1 code, admin1 name, country code, country name,
//     time zone, population, latitude, longitude);
//   - libgeonames-common: /usr/share/locale/ar/LC_MESSAGES/geonames.mo, a
//     gettext catalogue from GeoNames ids ("1512569") and admin1 codes
//     ("UZ.13") to Arabic names.
//
// ISO 3166-1 alpha-2 codes become alpha-3 through iso-codes'
// /usr/share/iso-codes/json/iso_3166-1.json.
//
// Usage, from the repository root:
//
//	go run data/gen/places.go
//	go run data/gen/places.go -corpus ../shared/corpus/articles.jsonl.gz -freq /tmp/freq.tsv
//
// The second form also counts how often each one-word form occurs in a
// corpus (gzip JSON Lines with a "text" field) and writes the counts, to
// help review data/gen/place_stopforms.txt. The gazetteer itself never
// depends on the corpus. See data/gen/README.md for the filters.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	soPath    = flag.String("so", "/usr/lib/x86_64-linux-gnu/libgeonames.so.0.3.0", "libgeonames shared library holding the city table")
	moPath    = flag.String("mo", "/usr/share/locale/ar/LC_MESSAGES/geonames.mo", "GeoNames Arabic gettext catalogue")
	isoPath   = flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes ISO 3166-1 JSON")
	outDir    = flag.String("out", "data/places", "gazetteer folder (read for hand-written files, written for generated ones)")
	stopPath  = flag.String("stop", "data/gen/place_stopforms.txt", "one-word forms never used as place names")
	reportOut = flag.String("report", "data/gen/places-report.txt", "where to write the list of dropped forms and collisions")
	corpus    = flag.String("corpus", "", "optional corpus (gzip JSON Lines, field text) for a frequency review")
	freqOut   = flag.String("freq", "", "with -corpus: write one-word form frequencies here")
)

// city is one row of the GeoNames city table.
type city struct {
	id, name, adm1Code, adm1Name, cc, country, tz string
	pop                                           uint32
	lat, lon                                      float64
}

// place is one gazetteer line in the making.
type place struct {
	iso3, en, kind, adm1 string
	forms                []string
	lat, lon             float64
	geonames             string
	pop                  uint64
	rank                 int // higher wins a shared form: see rankOf
	hand                 bool
	file                 string
	regionTop            bool // the most populous city of its adm1 region
}

func main() {
	log.SetFlags(0)
	flag.Parse()

	cities, err := readCities(*soPath)
	if err != nil {
		log.Fatalf("read cities: %v", err)
	}
	ar, err := readMO(*moPath)
	if err != nil {
		log.Fatalf("read catalogue: %v", err)
	}
	iso3, err := readISO(*isoPath)
	if err != nil {
		log.Fatalf("read iso-codes: %v", err)
	}
	stop, err := readStop(*stopPath)
	if err != nil {
		log.Fatalf("read stop forms: %v", err)
	}
	rep := &report{}

	// Hand-written files first: their forms take precedence.
	var hand []*place
	for _, name := range []string{"countries.txt", "cities_extra.txt", "adm1_extra.txt"} {
		ps, err := readPlaces(filepath.Join(*outDir, name))
		if err != nil {
			log.Fatalf("read %s: %v", name, err)
		}
		hand = append(hand, ps...)
	}

	top := map[string]*city{} // most populous city of each region
	for i := range cities {
		c := &cities[i]
		k := c.cc + "." + c.adm1Code
		if t := top[k]; t == nil || c.pop > t.pop {
			top[k] = c
		}
	}

	capitals := map[string]bool{}
	for _, c := range findCapitals(cities, rep) {
		capitals[c] = true
	}

	// Cities with an Arabic name.
	var gen []*place
	admPop := map[string]uint64{}
	admLat := map[string]float64{}
	admLon := map[string]float64{}
	admN := map[string]int{}
	admName := map[string]string{}
	for _, c := range cities {
		k := c.cc + "." + c.adm1Code
		if c.adm1Code != "" && c.adm1Code != "00" {
			admPop[k] += uint64(c.pop)
			admLat[k] += c.lat
			admLon[k] += c.lon
			admN[k]++
			if admName[k] == "" {
				admName[k] = c.adm1Name
			}
		}
		a, ok := ar[c.id]
		if !ok {
			if capitals[c.id] {
				rep.addf("capital without an Arabic name: %s, %s (%s)", c.name, c.cc, c.id)
			}
			continue
		}
		i3 := iso3[c.cc]
		if i3 == "" {
			rep.addf("no ISO3 for %s (%s)", c.cc, c.name)
			continue
		}
		if en, ok := enFix[c.id]; ok {
			c.name = en
		}
		forms := cleanForms(a, rep, c.name)
		if len(forms) == 0 {
			continue
		}
		p := &place{
			iso3: i3, en: c.name, kind: "city", adm1: c.adm1Name,
			forms: forms, lat: c.lat, lon: c.lon, geonames: c.id,
			pop: uint64(c.pop), file: "cities.txt",
		}
		if capitals[c.id] {
			p.kind = "capital"
		}
		p.regionTop = top[c.cc+"."+c.adm1Code].id == c.id
		gen = append(gen, p)
	}

	// First-order regions with an Arabic name. Their point is the mean of
	// the cities of the table that lie in them: an approximation.
	keys := make([]string, 0, len(ar))
	for k := range ar {
		keys = append(keys, k)
	}
	sort.Strings(keys) // a fixed order keeps the output reproducible
	for _, k := range keys {
		a := ar[k]
		cc, _, ok := strings.Cut(k, ".")
		if !ok || len(cc) != 2 || admN[k] == 0 {
			if ok && len(cc) == 2 && admN[k] == 0 {
				rep.addf("adm1 %s %q: no city of the table lies in it, dropped", k, a)
			}
			continue
		}
		i3 := iso3[cc]
		if i3 == "" {
			continue
		}
		forms := cleanForms(a, rep, admName[k])
		forms = addBareRegion(forms)
		forms = addRegionHead(forms, i3)
		if len(forms) == 0 {
			continue
		}
		n := float64(admN[k])
		gen = append(gen, &place{
			iso3: i3, en: admName[k], kind: "adm1", forms: forms,
			lat: admLat[k] / n, lon: admLon[k] / n, pop: admPop[k],
			file: "adm1.txt",
		})
	}

	for _, p := range hand {
		p.rank = rankOf(p)
	}
	for _, p := range gen {
		p.rank = rankOf(p)
	}
	gen = dropReplaced(gen, hand, rep)
	gen = dropStopForms(gen, stop, rep)
	gen = resolveShared(hand, gen, rep)

	var cityLines, admLines []*place
	for _, p := range gen {
		if p.file == "adm1.txt" {
			admLines = append(admLines, p)
		} else {
			cityLines = append(cityLines, p)
		}
	}
	if err := writePlaces(filepath.Join(*outDir, "cities.txt"), cityHeader, cityLines); err != nil {
		log.Fatal(err)
	}
	if err := writePlaces(filepath.Join(*outDir, "adm1.txt"), admHeader, admLines); err != nil {
		log.Fatal(err)
	}
	if *reportOut != "" {
		if err := rep.write(*reportOut, len(cityLines), len(admLines)); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("cities.txt: %d places; adm1.txt: %d regions; %d stop forms dropped; %d shared forms resolved\n",
		len(cityLines), len(admLines), len(rep.stopped), len(rep.shared))

	if *corpus != "" {
		all := append(append([]*place{}, hand...), gen...)
		if err := frequencyReview(*corpus, *freqOut, all, cities, ar); err != nil {
			log.Fatal(err)
		}
	}
}

const cityHeader = `# Cities and towns, for event locations: one line per place.
#
#   ISO3 | FORMS | en=… ; lat=… ; lon=… ; kind=city|capital ; geonames=ID ; adm1=REGION
#
# GENERATED by data/gen/places.go: do not edit; add or correct places in
# cities_extra.txt, which wins over this file (see data/gen/README.md).
#
# Source: GeoNames (https://www.geonames.org), CC-BY 4.0: the cities with
# more than 15,000 inhabitants and the national capitals, with their Arabic
# names, as shipped by Debian's libgeonames0 and libgeonames-common
# packages. Country codes via Debian's iso-codes. kind=capital marks national
# capitals. Forms that are ordinary Arabic words were dropped
# (data/gen/place_stopforms.txt), as were forms shared with a more important
# place (data/gen/places-report.txt).
`

const admHeader = `# First-order administrative regions (governorates, provinces, states,
# emirates, regions), for event locations: one line per region.
#
#   ISO3 | FORMS | en=… ; lat=… ; lon=… ; kind=adm1 ; adm1=REGION
#
# GENERATED by data/gen/places.go: do not edit (see data/gen/README.md).
#
# Source: GeoNames (https://www.geonames.org), CC-BY 4.0: admin1 names and
# their Arabic translations, as shipped by Debian's libgeonames0 and
# libgeonames-common packages. lat/lon are NOT centroids from GeoNames: they
# are the mean position of the region's cities in the GeoNames city table,
# a rough point inside (or, for odd shapes, near) the region. A region whose
# Arabic name is «محافظة X» or «ولاية X» also gets the bare «X» when no city
# or country already uses it.
`

// rankOf orders places for a shared form: countries, then capitals, then
// hand-written places, then first-order regions and cities by population.
func rankOf(p *place) int {
	switch {
	case p.kind == "country":
		return 4
	case p.kind == "capital":
		return 3
	case p.hand:
		return 2
	}
	return 1
}

// better reports whether a should keep a form that b also has.
func better(a, b *place) bool {
	if a.rank != b.rank {
		return a.rank > b.rank
	}
	// A city keeps a form shared with the region it lies in when it shares
	// the region's English name too, or is the region's largest city
	// («دبي», «بغداد», «تعز»): in the news the name nearly always means the
	// city. Otherwise the catalogue gave a town its region's name (US towns
	// called «كاليفورنيا»), and the region keeps it.
	if a.iso3 == b.iso3 && a.kind != b.kind && (a.kind == "adm1" || b.kind == "adm1") {
		c, r := a, b
		if a.kind == "adm1" {
			c, r = b, a
		}
		cityWins := c.adm1 == r.en &&
			(sameName(c.en, r.en) || skeleton(c.en) == skeleton(regionHeads.Replace(strings.ToLower(r.en))) ||
				c.regionTop && core[c.iso3])
		return (a == c) == cityWins
	}
	if a.pop != b.pop {
		return a.pop > b.pop
	}
	return a.geonames < b.geonames
}

// regionHeads are the generic words of English region names.
var regionHeads = strings.NewReplacer(" governorate", "", " province", "", " region", "",
	" district", "", " emirate", "", " state", "", " oblast", "", " municipality", "",
	" city", "", "muhafazat ", "", "state of ", "", "provincia de ", "", "wilayat ", "")

// sameName reports whether a city and a region carry the same name
// («Baghdad», «Baghdad Governorate»).
func sameName(city, region string) bool {
	c := strings.ToLower(city)
	r := strings.TrimSpace(regionHeads.Replace(strings.ToLower(region)))
	return c == r || strings.Contains(c, r) || strings.Contains(r, c)
}

// core are the countries whose regions the catalogue names after their
// largest city even when GeoNames spells the two differently (Bizerte,
// Banzart); elsewhere a town that shares its region's Arabic name but not
// its English one is taken for a catalogue slip (Portland «أوريغون»).
var core = map[string]bool{
	"ARE": true, "BHR": true, "COM": true, "DJI": true, "DZA": true, "EGY": true,
	"IRQ": true, "JOR": true, "KWT": true, "LBN": true, "LBY": true, "MAR": true,
	"MRT": true, "OMN": true, "PSE": true, "QAT": true, "SAU": true, "SDN": true,
	"SOM": true, "SYR": true, "TUN": true, "YEM": true, "ISR": true, "IRN": true,
	"TUR": true, "AFG": true, "PAK": true, "UZB": true, "TJK": true, "KGZ": true,
	"KAZ": true, "TKM": true, "AZE": true, "SSD": true, "TCD": true, "MLI": true,
	"NER": true, "ERI": true, "ETH": true,
}

// skeleton reduces a romanised name to its consonants, so that spellings
// of one Arabic name compare equal (Taiz, Ta‘izz; Erbil, Arbīl).
func skeleton(s string) string {
	s = strings.ToLower(s)
	// Drop the article: "Al Qaşrayn", "Ar-Raqqah".
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		switch w {
		case "al", "el", "ar", "as", "ash", "ad", "an", "az", "at", "ath", "aḑ", "aş", "az̧", "aţ":
			continue
		}
		words = append(words, w)
	}
	s = strings.Join(words, "")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'á', 'à', 'â', 'ä', 'ā', 'é', 'è', 'ê', 'ë', 'ē', 'í', 'ì', 'î', 'ï', 'ī', 'ı',
			'ó', 'ò', 'ô', 'ö', 'ō', 'ú', 'ù', 'û', 'ü', 'ū', 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'w', 'ḩ':
			continue
		case 'ç':
			r = 'c'
		case 'ş', 'ș', 'š':
			r = 's'
		case 'ţ', 'ț':
			r = 't'
		case 'ḑ':
			r = 'd'
		case 'ẕ':
			r = 'z'
		case 'ğ', 'g':
			r = 'j'
		case 'q', 'c':
			r = 'k'
		}
		if r >= 'a' && r <= 'z' { // combining marks and the rest go
			b.WriteRune(r)
		}
	}
	out := []rune(b.String())
	// Collapse doubled letters.
	var k []rune
	for i, r := range out {
		if i == 0 || r != out[i-1] {
			k = append(k, r)
		}
	}
	return string(k)
}

// ----- GeoNames city table -----

// readCities extracts and decodes the city table from the libgeonames
// shared library.
func readCities(path string) ([]city, error) {
	so, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data, err := gresourceFile(so, "cities.compiled")
	if err != nil {
		return nil, err
	}
	return decodeCities(data)
}

var le = binary.LittleEndian

// gresourceFile finds the GResource bundle (a GVDB file, magic "GVariant")
// inside blob and returns the contents of the resource whose path ends in
// name, inflated when it is stored compressed.
func gresourceFile(blob []byte, name string) ([]byte, error) {
	for off := 0; ; {
		i := bytes.Index(blob[off:], []byte("GVariant"))
		if i < 0 {
			return nil, fmt.Errorf("no GResource holding %s", name)
		}
		g := blob[off+i:]
		off += i + 1
		if d, err := gvdbLookup(g, name); err == nil {
			return d, nil
		}
	}
}

func gvdbLookup(g []byte, name string) ([]byte, error) {
	if len(g) < 24 {
		return nil, errors.New("short header")
	}
	rs, re := le.Uint32(g[16:]), le.Uint32(g[20:])
	if rs >= re || int(re) > len(g) {
		return nil, errors.New("bad root pointer")
	}
	h := g[rs:re]
	if len(h) < 8 {
		return nil, errors.New("short hash table")
	}
	nBloom := le.Uint32(h[0:]) & (1<<27 - 1)
	nBuckets := le.Uint32(h[4:])
	start := 8 + 4*uint64(nBloom) + 4*uint64(nBuckets)
	if start > uint64(len(h)) {
		return nil, errors.New("bad hash table")
	}
	items := h[start:]
	for k := 0; k+24 <= len(items); k += 24 {
		it := items[k:]
		ks, kl := le.Uint32(it[8:]), uint32(le.Uint16(it[12:]))
		if uint64(ks)+uint64(kl) > uint64(len(g)) || it[14] != 'v' {
			continue
		}
		if !strings.HasSuffix(string(g[ks:ks+kl]), name) {
			continue
		}
		vs, ve := le.Uint32(it[16:]), le.Uint32(it[20:])
		if vs >= ve || int(ve) > len(g) {
			return nil, errors.New("bad value pointer")
		}
		// A variant: the (uuay) value, a NUL, then its type string.
		v := g[vs:ve]
		v = v[:bytes.LastIndexByte(v, 0)]
		if len(v) < 8 {
			return nil, errors.New("short resource")
		}
		size, flags, data := le.Uint32(v[0:]), le.Uint32(v[4:]), v[8:]
		if flags&1 != 0 { // G_RESOURCE_FLAGS_COMPRESSED
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil, err
			}
			if data, err = io.ReadAll(r); err != nil {
				return nil, err
			}
		}
		if uint32(len(data)) != size {
			return nil, fmt.Errorf("resource size %d, want %d", len(data), size)
		}
		return data, nil
	}
	return nil, errors.New("not found")
}

// decodeCities reads a GVariant array of (ssssssudd).
func decodeCities(d []byte) ([]city, error) {
	n := len(d)
	if n < 4 {
		return nil, errors.New("empty city table")
	}
	osz := offsetSize(n)
	last := readOffset(d[n-osz:], osz)
	if last > n || (n-last)%osz != 0 {
		return nil, errors.New("bad array framing")
	}
	count := (n - last) / osz
	out := make([]city, 0, count)
	start := 0
	for j := 0; j < count; j++ {
		end := readOffset(d[last+osz*j:], osz)
		if end < start || end > last {
			return nil, fmt.Errorf("element %d: bad offset", j)
		}
		c, err := decodeCity(d[start:end])
		if err != nil {
			return nil, fmt.Errorf("element %d: %v", j, err)
		}
		out = append(out, c)
		start = (end + 7) &^ 7
	}
	return out, nil
}

func offsetSize(n int) int {
	switch {
	case n <= 0xff:
		return 1
	case n <= 0xffff:
		return 2
	}
	return 4
}

func readOffset(b []byte, size int) int {
	switch size {
	case 1:
		return int(b[0])
	case 2:
		return int(le.Uint16(b))
	}
	return int(le.Uint32(b))
}

func decodeCity(e []byte) (city, error) {
	const nStr = 7
	osz := offsetSize(len(e))
	if len(e) < nStr*osz+20 {
		return city{}, errors.New("short element")
	}
	var s [nStr]string
	pos := 0
	for q := 0; q < nStr; q++ {
		end := readOffset(e[len(e)-osz*(q+1):], osz)
		if end <= pos || end > len(e) {
			return city{}, errors.New("bad string offset")
		}
		s[q] = string(e[pos : end-1]) // drop the NUL
		pos = end
	}
	pos = (pos + 3) &^ 3
	pop := le.Uint32(e[pos:])
	pos = (pos + 4 + 7) &^ 7
	if pos+16 > len(e) {
		return city{}, errors.New("short numbers")
	}
	return city{
		id: s[0], name: s[1], adm1Code: s[2], adm1Name: s[3], cc: s[4], country: s[5], tz: s[6],
		pop: pop,
		lat: math.Float64frombits(le.Uint64(e[pos:])),
		lon: math.Float64frombits(le.Uint64(e[pos+8:])),
	}, nil
}

// ----- gettext and iso-codes -----

// readMO reads a little- or big-endian gettext .mo catalogue.
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 28 {
		return nil, errors.New("short .mo file")
	}
	var bo binary.ByteOrder
	switch le.Uint32(b) {
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

// readISO maps ISO 3166-1 alpha-2 codes to alpha-3 codes.
func readISO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc map[string][]map[string]string
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, e := range doc["3166-1"] {
		m[e["alpha_2"]] = e["alpha_3"]
	}
	// Kosovo has no ISO 3166-1 code; GeoNames uses XK, and marsad uses
	// KOS, the code of PLOVER and the Phoenix dictionaries.
	m["XK"] = "KOS"
	if len(m) < 240 {
		return nil, fmt.Errorf("only %d countries", len(m))
	}
	return m, nil
}

// enFix replaces GeoNames English names that are not the common one, by
// GeoNames id.
var enFix = map[string]string{
	"292968":  "Abu Dhabi", // "Abu Dhabi Island and Internal Islands City"
	"1526273": "Astana",    // "Nur-Sultan", renamed back in 2022
}

// ----- capitals -----

// capitalNames names the capital of each UN member state as GeoNames spells
// it in the city table, by ISO 3166-1 alpha-2 code. Where a constitution
// names one capital and the government sits in another, the constitutional
// capital is listed (Bolivia: Sucre; the Netherlands: Amsterdam; Côte
// d'Ivoire: Yamoussoukro; Tanzania: Dodoma; Benin: Porto-Novo); South
// Africa's is its executive capital, Pretoria. Israel and Palestine are
// left out on purpose: both claim Jerusalem, which stays kind=city.
// Singapore and the Vatican are city-states whose name is the country's,
// and Nouakchott is missing from the table: cities_extra.txt has it. A name
// not found is reported in places-report.txt.
var capitalNames = map[string]string{
	"AD": "Andorra la Vella", "AE": "Abu Dhabi Island and Internal Islands City", "AF": "Kabul", "AG": "St John's",
	"AL": "Tirana", "AM": "Yerevan", "AO": "Luanda", "AR": "Buenos Aires",
	"AT": "Vienna", "AU": "Canberra", "AZ": "Baku", "BA": "Sarajevo",
	"BB": "Bridgetown", "BD": "Dhaka", "BE": "Brussels", "BF": "Ouagadougou",
	"BG": "Sofia", "BH": "Manama", "BI": "Gitega", "BJ": "Porto-Novo",
	"BN": "Bandar Seri Begawan", "BO": "Sucre", "BR": "Brasília", "BS": "Nassau",
	"BT": "Thimphu", "BW": "Gaborone", "BY": "Minsk", "BZ": "Belmopan",
	"CA": "Ottawa", "CD": "Kinshasa", "CF": "Bangui", "CG": "Brazzaville",
	"CH": "Bern", "CI": "Yamoussoukro", "CL": "Santiago", "CM": "Yaoundé",
	"CN": "Beijing", "CO": "Bogotá", "CR": "San José", "CU": "Havana",
	"CV": "Praia", "CY": "Nicosia", "CZ": "Prague", "DE": "Berlin",
	"DJ": "Djibouti", "DK": "Copenhagen", "DM": "Roseau", "DO": "Santo Domingo",
	"DZ": "Algiers", "EC": "Quito", "EE": "Tallinn", "EG": "Cairo",
	"ER": "Asmara", "ES": "Madrid", "ET": "Addis Ababa", "FI": "Helsinki",
	"FJ": "Suva", "FM": "Palikir", "FR": "Paris", "GA": "Libreville",
	"GB": "London", "GD": "St. George's", "GE": "Tbilisi", "GH": "Accra",
	"GM": "Banjul", "GN": "Conakry", "GQ": "Malabo", "GR": "Athens",
	"GT": "Guatemala City", "GW": "Bissau", "GY": "Georgetown", "HN": "Tegucigalpa",
	"HR": "Zagreb", "HT": "Port-au-Prince", "HU": "Budapest", "ID": "Jakarta",
	"IE": "Dublin", "IN": "New Delhi", "IQ": "Baghdad", "IR": "Tehran",
	"IS": "Reykjavik", "IT": "Rome", "JM": "Kingston", "JO": "Amman",
	"JP": "Tokyo", "KE": "Nairobi", "KG": "Bishkek", "KH": "Phnom Penh",
	"KI": "Tarawa", "KM": "Moroni", "KN": "Basseterre", "KP": "Pyongyang",
	"KR": "Seoul", "KW": "Kuwait City", "KZ": "Nur-Sultan", "LA": "Vientiane",
	"LB": "Beirut", "LC": "Castries", "LI": "Vaduz", "LK": "Sri Jayewardenepura Kotte",
	"LR": "Monrovia", "LS": "Maseru", "LT": "Vilnius", "LU": "Luxembourg",
	"LV": "Riga", "LY": "Tripoli", "MA": "Rabat", "MC": "Monaco",
	"MD": "Chișinău", "ME": "Podgorica", "MG": "Antananarivo", "MH": "Majuro",
	"MK": "Skopje", "ML": "Bamako", "MM": "Nay Pyi Taw", "MN": "Ulaanbaatar",
	"MT": "Valletta", "MU": "Port Louis", "MV": "Malé",
	"MW": "Lilongwe", "MX": "Mexico City", "MY": "Kuala Lumpur", "MZ": "Maputo",
	"NA": "Windhoek", "NE": "Niamey", "NG": "Abuja", "NI": "Managua",
	"NL": "Amsterdam", "NO": "Oslo", "NP": "Kathmandu", "NR": "Yaren District",
	"NZ": "Wellington", "OM": "Muscat", "PA": "Panama City", "PE": "Lima",
	"PG": "Port Moresby", "PH": "Manila", "PK": "Islamabad", "PL": "Warsaw",
	"PT": "Lisbon", "PW": "Ngerulmud", "PY": "Asunción", "QA": "Doha",
	"RO": "Bucharest", "RS": "Belgrade", "RU": "Moscow", "RW": "Kigali",
	"SA": "Riyadh", "SB": "Honiara", "SC": "Victoria", "SD": "Khartoum",
	"SE": "Stockholm", "SI": "Ljubljana", "SK": "Bratislava",
	"SL": "Freetown", "SM": "San Marino", "SN": "Dakar", "SO": "Mogadishu",
	"SR": "Paramaribo", "SS": "Juba", "ST": "São Tomé", "SV": "San Salvador",
	"SY": "Damascus", "SZ": "Mbabane", "TD": "N'Djamena", "TG": "Lomé",
	"TH": "Bangkok", "TJ": "Dushanbe", "TL": "Dili", "TM": "Ashgabat",
	"TN": "Tunis", "TO": "Nuku'alofa", "TR": "Ankara", "TT": "Port of Spain",
	"TV": "Funafuti", "TZ": "Dodoma", "UA": "Kyiv", "UG": "Kampala",
	"US": "Washington", "UY": "Montevideo", "UZ": "Tashkent",
	"VC": "Kingstown", "VE": "Caracas", "VN": "Hanoi", "VU": "Port Vila",
	"WS": "Apia", "YE": "Sanaa", "ZA": "Pretoria", "ZM": "Lusaka",
	"ZW": "Harare",
}

// findCapitals returns the GeoNames ids of the capitals in capitalNames;
// when a name occurs more than once in a country, the most populous wins.
func findCapitals(cities []city, rep *report) []string {
	best := map[string]*city{}
	for i := range cities {
		c := &cities[i]
		want, ok := capitalNames[c.cc]
		if !ok || !strings.EqualFold(c.name, want) {
			continue
		}
		if b := best[c.cc]; b == nil || c.pop > b.pop {
			best[c.cc] = c
		}
	}
	var ids []string
	var missing []string
	for cc, name := range capitalNames {
		c := best[cc]
		if c == nil {
			missing = append(missing, cc+" "+name)
			continue
		}
		ids = append(ids, c.id)
	}
	sort.Strings(missing)
	for _, m := range missing {
		rep.addf("capital not in the city table: %s", m)
	}
	return ids
}

// ----- forms -----

// cleanForms turns a GeoNames Arabic name into gazetteer forms: bidi marks
// and diacritics go, «X (Y)» and «X، Y» give X and Y, names without an
// Arabic letter or with fewer than three letters are dropped.
func cleanForms(raw string, rep *report, en string) []string {
	raw = strings.Map(func(r rune) rune {
		switch {
		case r == 0x200E || r == 0x200F || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x061C || r == 0xFEFF:
			return -1
		case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640:
			return -1
		case r == '|' || r == ';' || r == '#':
			return ' '
		}
		return r
	}, raw)
	raw = strings.NewReplacer("(", "،", ")", "،", ",", "،", "/", "،").Replace(raw)
	var out []string
	for _, part := range strings.Split(raw, "،") {
		f := strings.Join(strings.Fields(part), " ")
		f = strings.Trim(f, "-–. ")
		if f == "" {
			continue
		}
		if !isArabicForm(f) {
			rep.addf("not Arabic, dropped: %q (%s)", f, en)
			continue
		}
		if letters(f) < 3 || utf8.RuneCountInString(key(f)) < 3 {
			// «ألما» keys as «ما» once the article-like ال is folded.
			rep.addf("too short, dropped: %q (%s)", f, en)
			continue
		}
		if !contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// isArabicForm reports whether every letter of f is Arabic.
func isArabicForm(f string) bool {
	n := 0
	for _, r := range f {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Arabic, r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

func letters(f string) int {
	n := 0
	for _, r := range f {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// regionWords are the generic heads of region names.
var regionWords = []string{"محافظة", "ولاية", "إمارة", "منطقة", "إقليم", "مقاطعة", "محافظه", "جهة", "شعبية", "المحافظة", "المنطقة", "بلدية"}

// addBareRegion adds «X» for «محافظة X» and the like.
func addBareRegion(forms []string) []string {
	out := append([]string{}, forms...)
	for _, f := range forms {
		for _, w := range regionWords {
			if rest, ok := strings.CutPrefix(f, w+" "); ok && letters(rest) >= 3 && !contains(out, rest) {
				out = append(out, rest)
			}
		}
	}
	return out
}

// regionHead is the word the press puts before a first-order region's name,
// by country.
var regionHead = map[string]string{
	"EGY": "محافظة", "IRQ": "محافظة", "SYR": "محافظة", "JOR": "محافظة", "YEM": "محافظة",
	"OMN": "محافظة", "KWT": "محافظة", "BHR": "محافظة", "LBN": "محافظة", "PSE": "محافظة",
	"SAU": "منطقة", "DZA": "ولاية", "TUN": "ولاية", "SDN": "ولاية", "MRT": "ولاية",
	"ARE": "إمارة", "LBY": "شعبية", "MAR": "جهة", "IRN": "محافظة", "TUR": "ولاية",
	"AFG": "ولاية", "SOM": "إقليم",
}

// addRegionHead adds «محافظة X» for a region called «X» in countries whose
// press names regions so; the longer form survives when a city takes «X».
func addRegionHead(forms []string, iso3 string) []string {
	head := regionHead[iso3]
	if head == "" {
		return forms
	}
	out := append([]string{}, forms...)
	for _, f := range forms {
		hasHead := false
		for _, w := range regionWords {
			if strings.HasPrefix(f, w+" ") {
				hasHead = true
			}
		}
		if !hasHead && !contains(out, head+" "+f) {
			out = append(out, head+" "+f)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// key approximates marsad's match key (internal/arabic.Key, then the
// dictionary's article fold) for collision checks: diacritics and tatweel
// go; hamza-on-alef forms fold to ا, ى and Persian ی to ي, ة to ه, ؤ and ئ
// to ء, Persian ک to ك; a leading ال is dropped from words of four or more
// letters and لل from words of five or more.
func key(form string) string {
	var words []string
	for _, w := range strings.Fields(form) {
		var b strings.Builder
		for _, r := range w {
			switch {
			case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640, r == 0x200E, r == 0x200F:
				continue
			case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
				r = 'ا'
			case r == 'ى' || r == 'ی':
				r = 'ي'
			case r == 'ة':
				r = 'ه'
			case r == 'ؤ' || r == 'ئ':
				r = 'ء'
			case r == 'ک' || r == 'گ':
				r = 'ك'
			case r == '-' || r == '–' || r == '.' || r == '\'' || r == '’':
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
		k := b.String()
		switch n := utf8.RuneCountInString(k); {
		case strings.HasPrefix(k, "ال") && n >= 4:
			k = k[len("ال"):]
		case strings.HasPrefix(k, "لل") && n >= 5:
			k = k[len("لل"):]
		}
		if k != "" {
			words = append(words, k)
		}
	}
	return strings.Join(words, " ")
}

// ----- stop forms and shared forms -----

func readStop(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			m[key(line)] = true
		}
	}
	return m, sc.Err()
}

// dropReplaced removes generated places that a hand-written line replaces:
// a city with the same GeoNames id, a region with the same country and
// English name.
func dropReplaced(gen, hand []*place, rep *report) []*place {
	ids := map[string]bool{}
	regions := map[string]bool{}
	for _, h := range hand {
		if h.geonames != "" {
			ids[h.geonames] = true
		}
		if h.kind == "adm1" {
			regions[h.iso3+"/"+h.en] = true
		}
	}
	var out []*place
	for _, p := range gen {
		if (p.geonames != "" && ids[p.geonames]) || (p.kind == "adm1" && regions[p.iso3+"/"+p.en]) {
			rep.addf("replaced by a hand-written line: %s, %s (%s) %s", p.en, p.iso3, p.kind, strings.Join(p.forms, " ; "))
			continue
		}
		out = append(out, p)
	}
	return out
}

// dropStopForms removes forms whose key is a stop form, and places left
// without forms.
func dropStopForms(ps []*place, stop map[string]bool, rep *report) []*place {
	var out []*place
	for _, p := range ps {
		var keep []string
		for _, f := range p.forms {
			if stop[key(f)] {
				rep.stopped = append(rep.stopped, fmt.Sprintf("%s\t%s, %s (%s)", f, p.en, p.iso3, p.kind))
				continue
			}
			keep = append(keep, f)
		}
		p.forms = keep
		if len(keep) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// resolveShared gives each form key to one place: hand-written places keep
// theirs, and among generated places the better one (see better) keeps a
// shared form; the others lose it, and a place left without forms goes.
func resolveShared(hand, gen []*place, rep *report) []*place {
	owner := map[string]*place{}
	for _, p := range hand {
		for _, f := range p.forms {
			k := key(f)
			if o, ok := owner[k]; !ok || better(p, o) {
				owner[k] = p
			}
		}
	}
	handOwned := map[string]bool{}
	for k := range owner {
		handOwned[k] = true
	}
	for _, p := range gen {
		for _, f := range p.forms {
			k := key(f)
			if handOwned[k] {
				continue
			}
			if o, ok := owner[k]; !ok || better(p, o) {
				owner[k] = p
			}
		}
	}
	var out []*place
	for _, p := range gen {
		var keep []string
		seen := map[string]bool{}
		for _, f := range p.forms {
			k := key(f)
			if seen[k] {
				continue
			}
			seen[k] = true
			if o := owner[k]; o != p {
				rep.shared = append(rep.shared, fmt.Sprintf("%s\t%s, %s (%s) loses it to %s, %s (%s%s)",
					f, p.en, p.iso3, p.kind, o.en, o.iso3, o.kind, handNote(o)))
				continue
			}
			keep = append(keep, f)
		}
		p.forms = keep
		if len(keep) > 0 {
			out = append(out, p)
		}
	}
	return out
}

func handNote(p *place) string {
	if p.hand {
		return ", " + p.file
	}
	return ""
}

// ----- reading and writing gazetteer files -----

// readPlaces reads a hand-written gazetteer file; a missing file is empty.
func readPlaces(path string) ([]*place, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []*place
	for n, line := range strings.Split(string(b), "\n") {
		if i := commentAt(line); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "|")
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 fields", path, n+1)
		}
		p := &place{iso3: strings.TrimSpace(fields[0]), hand: true, file: filepath.Base(path)}
		for _, f := range strings.Split(fields[1], ";") {
			if f = strings.Join(strings.Fields(f), " "); f != "" {
				p.forms = append(p.forms, f)
			}
		}
		for _, a := range strings.Split(fields[2], ";") {
			k, v, _ := strings.Cut(a, "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "en":
				p.en = v
			case "kind":
				p.kind = v
			case "geonames":
				p.geonames = v
			}
		}
		out = append(out, p)
	}
	return out, nil
}

func commentAt(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return i
		}
	}
	return -1
}

func writePlaces(path, header string, ps []*place) error {
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.iso3 != b.iso3 {
			return a.iso3 < b.iso3
		}
		if a.pop != b.pop {
			return a.pop > b.pop
		}
		return a.en < b.en
	})
	var buf bytes.Buffer
	buf.WriteString(header)
	buf.WriteString("\n")
	for _, p := range ps {
		fmt.Fprintf(&buf, "%s | %s | en=%s ; lat=%s ; lon=%s ; kind=%s",
			p.iso3, strings.Join(p.forms, " ; "), attr(p.en), coord(p.lat), coord(p.lon), p.kind)
		if p.geonames != "" {
			fmt.Fprintf(&buf, " ; geonames=%s", p.geonames)
		}
		if p.adm1 != "" {
			fmt.Fprintf(&buf, " ; adm1=%s", attr(p.adm1))
		} else if p.kind == "adm1" {
			fmt.Fprintf(&buf, " ; adm1=%s", attr(p.en))
		}
		buf.WriteString("\n")
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// attr makes s safe as an attribute value.
func attr(s string) string {
	s = strings.NewReplacer("|", "/", ";", ",", " #", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func coord(f float64) string {
	s := fmt.Sprintf("%.4f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// ----- report -----

type report struct {
	notes   []string
	stopped []string
	shared  []string
}

func (r *report) addf(format string, a ...any) { r.notes = append(r.notes, fmt.Sprintf(format, a...)) }

func (r *report) write(path string, nCities, nAdm int) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# places-report.txt: written by data/gen/places.go; do not edit.\n")
	fmt.Fprintf(&b, "# cities.txt: %d places; adm1.txt: %d regions.\n\n", nCities, nAdm)
	section := func(title string, lines []string) {
		sort.Strings(lines)
		fmt.Fprintf(&b, "## %s (%d)\n\n", title, len(lines))
		for _, l := range lines {
			b.WriteString(l)
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	section("Forms dropped as ordinary words (place_stopforms.txt)", r.stopped)
	section("Forms shared by two places: kept by the more important one", r.shared)
	section("Other notes", r.notes)
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// ----- corpus frequency review -----

// frequencyReview counts, in a corpus, the tokens whose key (or whose key
// after one proclitic و ف ب ل ك) equals a one-word place form, and writes
// form, count, and the places that use it, most frequent first.
func frequencyReview(path, out string, ps []*place, cities []city, ar map[string]string) error {
	want := map[string][]string{}
	note := func(f, what string) {
		if strings.Contains(f, " ") {
			return
		}
		k := key(f)
		if !contains(want[k], what) {
			want[k] = append(want[k], what)
		}
	}
	for _, p := range ps {
		for _, f := range p.forms {
			note(f, fmt.Sprintf("%s %s/%s", f, p.en, p.iso3))
		}
	}
	// Also forms dropped already, so that the review covers them.
	for _, c := range cities {
		if a, ok := ar[c.id]; ok {
			for _, f := range cleanForms(a, &report{}, c.name) {
				note(f, fmt.Sprintf("%s %s/%s", f, c.name, c.cc))
			}
		}
	}
	counts := map[string]int{} // the whole token
	clitic := map[string]int{} // after a proclitic
	total := 0
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(zr)
	for {
		var rec struct {
			Text string `json:"text"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		for _, tok := range strings.FieldsFunc(rec.Text, func(r rune) bool { return !unicode.Is(unicode.Arabic, r) || r == '،' || r == '؛' || r == '؟' }) {
			total++
			k := key(tok)
			if _, ok := want[k]; ok {
				counts[k]++
				continue
			}
			for _, pre := range []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"} {
				rest, ok := strings.CutPrefix(tok, pre)
				if !ok || utf8.RuneCountInString(rest) < 3 {
					continue
				}
				if strings.HasSuffix(pre, "ل") {
					// ل + ال: للقدس → القدس
					if r2, ok := strings.CutPrefix(rest, "ل"); ok {
						if k2 := key("ال" + r2); want[k2] != nil {
							clitic[k2]++
							break
						}
					}
				}
				if k2 := key(rest); want[k2] != nil {
					clitic[k2]++
					break
				}
			}
		}
	}
	type kv struct {
		k    string
		n, c int
	}
	var rows []kv
	for k := range want {
		rows = append(rows, kv{k, counts[k], clitic[k]})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].n != rows[j].n {
			return rows[i].n > rows[j].n
		}
		return rows[i].k < rows[j].k
	})
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %d tokens; columns: whole-token count, count after a proclitic, key, places\n", total)
	for _, r := range rows {
		fmt.Fprintf(&b, "%d\t%d\t%s\t%s\n", r.n, r.c, r.k, strings.Join(want[r.k], " | "))
	}
	if out == "" {
		_, err = os.Stdout.Write(b.Bytes())
		return err
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}
