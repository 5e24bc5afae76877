//go:build ignore

// Command verify checks the files written by countries.go and places.go and
// their hand-written companions: every line has three fields, codes have
// the right shape, en= is present, coordinates are in range, kinds and
// types are known, countries.txt holds exactly the ISO 3166-1 codes, each
// country centre lies among that country's cities, the gazetteer stays
// under 3 MB, and a few reference places resolve as they should.
//
// Usage, from the repository root:
//
//	go run data/gen/verify.go
//
// It prints one line per problem and exits 1 when there is any.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var (
	iso3RE    = regexp.MustCompile(`^[A-Z]{3}$`)
	capitalRE = regexp.MustCompile(`^[A-Z]{3}(GOV|MIL|LEG)$`)
	problems  int
)

func fail(format string, a ...any) {
	problems++
	fmt.Printf(format+"\n", a...)
}

type line struct {
	file  string
	n     int
	code  string
	forms []string
	attrs map[string]string
}

func read(path string) []line {
	b, err := os.ReadFile(path)
	if err != nil {
		fail("%s: %v", path, err)
		return nil
	}
	if !strings.HasPrefix(string(b), "#") {
		fail("%s: does not start with a comment header", path)
	}
	var out []line
	for i, raw := range strings.Split(string(b), "\n") {
		s := raw
		for j := 0; j < len(s); j++ {
			if s[j] == '#' && (j == 0 || s[j-1] == ' ' || s[j-1] == '\t') {
				s = s[:j]
				break
			}
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "|")
		if len(f) != 3 {
			fail("%s:%d: %d fields, want 3", path, i+1, len(f))
			continue
		}
		l := line{file: path, n: i + 1, code: strings.TrimSpace(f[0]), attrs: map[string]string{}}
		for _, x := range strings.Split(f[1], ";") {
			if x = strings.Join(strings.Fields(x), " "); x != "" {
				l.forms = append(l.forms, x)
			}
		}
		if len(l.forms) == 0 {
			fail("%s:%d: no forms", path, i+1)
		}
		for _, a := range strings.Split(f[2], ";") {
			k, v, _ := strings.Cut(a, "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if k == "" {
				continue
			}
			if _, dup := l.attrs[k]; dup {
				fail("%s:%d: attribute %s twice", path, i+1, k)
			}
			l.attrs[k] = v
		}
		if l.attrs["en"] == "" {
			fail("%s:%d: no en=", path, i+1)
		}
		out = append(out, l)
	}
	return out
}

func main() {
	// Actors.
	iso := isoCodes()
	seen := map[string]bool{}
	for _, l := range read("data/actors/countries.txt") {
		if !iso[l.code] {
			fail("%s:%d: %s is not an ISO 3166-1 alpha-3 code", l.file, l.n, l.code)
		}
		if seen[l.code] {
			fail("%s:%d: %s twice", l.file, l.n, l.code)
		}
		seen[l.code] = true
		wantType(l, "country")
	}
	if len(seen) != len(iso) {
		fail("countries.txt: %d codes, iso-codes has %d", len(seen), len(iso))
	}
	for _, l := range read("data/actors/countries_extra.txt") {
		if !iso[l.code] && l.code != "KOS" {
			fail("%s:%d: %s is not an ISO code (or KOS)", l.file, l.n, l.code)
		}
		wantType(l, "country")
	}
	nisba := read("data/actors/nisba.txt")
	for _, l := range nisba {
		if !iso[l.code] && l.code != "KOS" {
			fail("%s:%d: %s is not an ISO code (or KOS)", l.file, l.n, l.code)
		}
		wantType(l, "nisba")
		for _, f := range l.forms {
			if strings.HasPrefix(f, "ال") {
				fail("%s:%d: nisba %q starts with ال", l.file, l.n, f)
			}
		}
	}
	capitals := read("data/actors/capitals.txt")
	for _, l := range capitals {
		if !capitalRE.MatchString(l.code) || (!iso[l.code[:3]] && l.code[:3] != "KOS") {
			fail("%s:%d: %s is not ISO3 + GOV, MIL or LEG", l.file, l.n, l.code)
		}
		wantType(l, "capital")
	}

	// Places.
	var places []line
	size := int64(0)
	files, _ := filepath.Glob("data/places/*.txt")
	for _, path := range files {
		if st, err := os.Stat(path); err == nil {
			size += st.Size()
		}
		places = append(places, read(path)...)
	}
	if size >= 3<<20 {
		fail("data/places: %d bytes, want under 3 MB", size)
	}
	kinds := map[string]bool{"country": true, "capital": true, "adm1": true, "city": true}
	type pt struct{ lat, lon float64 }
	centre := map[string]pt{}
	citiesOf := map[string][]pt{}
	for _, l := range places {
		if !iso3RE.MatchString(l.code) || (!iso[l.code] && l.code != "KOS") {
			fail("%s:%d: %s is not an ISO code (or KOS)", l.file, l.n, l.code)
		}
		if !kinds[l.attrs["kind"]] {
			fail("%s:%d: kind=%q", l.file, l.n, l.attrs["kind"])
		}
		lat, err1 := strconv.ParseFloat(l.attrs["lat"], 64)
		lon, err2 := strconv.ParseFloat(l.attrs["lon"], 64)
		if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
			fail("%s:%d: bad lat/lon %q %q", l.file, l.n, l.attrs["lat"], l.attrs["lon"])
			continue
		}
		if g := l.attrs["geonames"]; g != "" {
			if _, err := strconv.Atoi(g); err != nil {
				fail("%s:%d: geonames=%q", l.file, l.n, g)
			}
		}
		switch l.attrs["kind"] {
		case "country":
			centre[l.code] = pt{lat, lon}
		case "city", "capital":
			citiesOf[l.code] = append(citiesOf[l.code], pt{lat, lon})
		}
	}
	for c := range iso {
		if _, ok := centre[c]; !ok {
			fail("places/countries.txt: no line for %s", c)
		}
	}
	// A country's centre lies within its cities' box, widened by 8 degrees
	// (for countries with cities).
	var codes []string
	for c := range citiesOf {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		ps := citiesOf[c]
		p, ok := centre[c]
		if !ok || len(ps) < 2 {
			continue
		}
		minLat, maxLat, minLon, maxLon := 90.0, -90.0, 180.0, -180.0
		for _, q := range ps {
			minLat, maxLat = math.Min(minLat, q.lat), math.Max(maxLat, q.lat)
			minLon, maxLon = math.Min(minLon, q.lon), math.Max(maxLon, q.lon)
		}
		const m = 8
		if p.lat < minLat-m || p.lat > maxLat+m || p.lon < minLon-m || p.lon > maxLon+m {
			fail("places/countries.txt: %s centre %.2f,%.2f lies outside its cities (%.1f..%.1f, %.1f..%.1f)",
				c, p.lat, p.lon, minLat, maxLat, minLon, maxLon)
		}
	}

	// Reference places.
	want := []struct {
		form, code string
		lat, lon   float64
	}{
		{"طشقند", "UZB", 41.2995, 69.2401},
		{"سمرقند", "UZB", 39.6542, 66.9597},
		{"غزة", "PSE", 31.50, 34.47},
		{"رام الله", "PSE", 31.90, 35.20},
		{"دمشق", "SYR", 33.51, 36.29},
	}
	for _, w := range want {
		found := false
		for _, l := range places {
			for _, f := range l.forms {
				if f != w.form {
					continue
				}
				lat, _ := strconv.ParseFloat(l.attrs["lat"], 64)
				lon, _ := strconv.ParseFloat(l.attrs["lon"], 64)
				if l.code != w.code || math.Abs(lat-w.lat) > 0.1 || math.Abs(lon-w.lon) > 0.1 {
					fail("%s:%d: %s is %s %.4f,%.4f, want %s near %.4f,%.4f", l.file, l.n, w.form, l.code, lat, lon, w.code, w.lat, w.lon)
				}
				found = true
			}
		}
		if !found {
			fail("places: %s not found", w.form)
		}
	}

	fmt.Printf("countries %d, capitals %d, nisba %d, places %d (%d bytes): %d problems\n",
		len(seen), len(capitals), len(nisba), len(places), size, problems)
	if problems > 0 {
		os.Exit(1)
	}
}

func wantType(l line, t string) {
	if l.attrs["type"] != t {
		fail("%s:%d: type=%q, want %s", l.file, l.n, l.attrs["type"], t)
	}
}

func isoCodes() map[string]bool {
	b, err := os.ReadFile("/usr/share/iso-codes/json/iso_3166-1.json")
	if err != nil {
		fail("iso-codes: %v", err)
		return nil
	}
	var doc map[string][]map[string]string
	if err := json.Unmarshal(b, &doc); err != nil {
		fail("iso-codes: %v", err)
		return nil
	}
	m := map[string]bool{}
	for _, e := range doc["3166-1"] {
		m[e["alpha_3"]] = true
	}
	return m
}
