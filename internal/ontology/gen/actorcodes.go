//go:build ignore

// Command actorcodes regenerates the ISO 3166-1 block of
// data/ontology/actorcodes.tsv from Debian's iso-codes package
// (/usr/share/iso-codes/json/iso_3166-1.json). Only the lines between the
// "# BEGIN ISO 3166-1" and "# END ISO 3166-1" markers are replaced; the
// hand-maintained rows (legacy codes, regions, sectors, organisations) are
// kept as they are.
//
// Usage, from the repository root:
//
//	go run ./internal/ontology/gen/actorcodes.go [-iso FILE] [-out FILE]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

const (
	begin = "# BEGIN ISO 3166-1"
	end   = "# END ISO 3166-1"
)

// shortNames replaces ISO's inverted or formal names with the short English
// names used in news; the ISO name is kept in the note column.
var shortNames = map[string]string{
	"BRN": "Brunei",
	"COD": "Democratic Republic of the Congo",
	"FSM": "Micronesia",
	"PSE": "Palestine",
	"RUS": "Russia",
	"VGB": "British Virgin Islands",
	"VIR": "United States Virgin Islands",
}

type country struct {
	Alpha3     string `json:"alpha_3"`
	Name       string `json:"name"`
	CommonName string `json:"common_name"`
}

func main() {
	iso := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes ISO 3166-1 JSON file")
	out := flag.String("out", "data/ontology/actorcodes.tsv", "actor code table to update")
	flag.Parse()
	if err := run(*iso, *out); err != nil {
		fmt.Fprintln(os.Stderr, "actorcodes:", err)
		os.Exit(1)
	}
}

func run(isoPath, outPath string) error {
	raw, err := os.ReadFile(isoPath)
	if err != nil {
		return err
	}
	var doc map[string][]country
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("%s: %w", isoPath, err)
	}
	cs := doc["3166-1"]
	if len(cs) == 0 {
		return fmt.Errorf("%s: no 3166-1 entries", isoPath)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].Alpha3 < cs[j].Alpha3 })
	var rows []string
	for _, c := range cs {
		name, note := c.Name, "ISO 3166-1"
		if c.CommonName != "" {
			name, note = c.CommonName, "ISO 3166-1; official: "+c.Name
		}
		if short, ok := shortNames[c.Alpha3]; ok {
			name, note = short, "ISO 3166-1; ISO name: "+c.Name
		}
		rows = append(rows, strings.Join([]string{c.Alpha3, "country", clean(name), clean(note)}, "\t"))
	}

	old, err := os.ReadFile(outPath)
	if err != nil {
		return err
	}
	lines := strings.Split(string(old), "\n")
	b, e := -1, -1
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, begin):
			b = i
		case strings.HasPrefix(l, end):
			e = i
		}
	}
	if b < 0 || e < b {
		return fmt.Errorf("%s: markers %q and %q not found in order", outPath, begin, end)
	}
	var next []string
	next = append(next, lines[:b+1]...)
	next = append(next, rows...)
	next = append(next, lines[e:]...)
	if err := os.WriteFile(outPath, []byte(strings.Join(next, "\n")), 0o644); err != nil {
		return err
	}
	fmt.Printf("actorcodes: wrote %d ISO 3166-1 rows to %s\n", len(rows), outPath)
	return nil
}

// clean keeps a field free of tabs and newlines.
func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
}
