package ontology

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"github.com/marsad-project/marsad/data"
)

// Paths of the tables inside data.FS.
const (
	cameoFile  = "ontology/cameo.tsv"
	ploverFile = "ontology/plover.tsv"
	actorFile  = "ontology/actorcodes.tsv"
)

// Block kinds in actorcodes.tsv.
const (
	kindCountry  = "country"  // ISO 3166-1 alpha-3 and CAMEO's legacy country codes
	kindRegion   = "region"   // CAMEO regions and sub-national special codes (WSB, GZS)
	kindIntl     = "intl"     // top-level international types: IGO, NGO, IMG, INT, MNC, NGM, UIS
	kindSector   = "sector"   // role/type codes: GOV, MIL, REB, …
	kindOrg      = "org"      // named IGO/NGO organisations: UNO, ARL, AMN, …
	kindGroup    = "group"    // CAMEO known-group codes for non-state groups: HMS, HEZ, …
	kindReligion = "religion" // CAMEO religion codes: MOS, SHI, CHR, …
)

var validKinds = map[string]bool{
	kindCountry: true, kindRegion: true, kindIntl: true, kindSector: true,
	kindOrg: true, kindGroup: true, kindReligion: true,
}

// block is one row of actorcodes.tsv.
type block struct {
	Code, Kind, Name string
}

// set holds the parsed tables.
type set struct {
	codes      []Code
	byCode     map[string]Code
	categories []Category
	blocks     map[string]block
	err        error
}

var tables = sync.OnceValue(func() *set { return load(data.FS) })

// load parses the three tables from fsys. The first error stops loading and
// leaves the set empty, so a bad table is noticed instead of half-used.
func load(fsys fs.FS) *set {
	s := &set{byCode: map[string]Code{}, blocks: map[string]block{}}
	if err := s.loadCameo(fsys); err != nil {
		return &set{byCode: map[string]Code{}, blocks: map[string]block{}, err: err}
	}
	if err := s.loadPlover(fsys); err != nil {
		return &set{byCode: map[string]Code{}, blocks: map[string]block{}, err: err}
	}
	if err := s.loadActors(fsys); err != nil {
		return &set{byCode: map[string]Code{}, blocks: map[string]block{}, err: err}
	}
	return s
}

// readTSV calls row for each data line of a TSV file, skipping comment
// lines, blank lines and the header line (the first non-comment line, which
// must equal header).
func readTSV(fsys fs.FS, name string, header []string, row func(line int, f []string) error) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("ontology: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	seenHeader := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if !seenHeader {
			if strings.Join(f, "\t") != strings.Join(header, "\t") {
				return fmt.Errorf("%s:%d: header must be %q", name, n, strings.Join(header, "\t"))
			}
			seenHeader = true
			continue
		}
		if len(f) != len(header) {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, n, len(f), len(header))
		}
		if err := row(n, f); err != nil {
			return fmt.Errorf("%s:%d: %v", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if !seenHeader {
		return fmt.Errorf("%s: no header line", name)
	}
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func (s *set) loadCameo(fsys fs.FS) error {
	hdr := []string{"code", "name", "goldstein", "quad_class", "plover"}
	err := readTSV(fsys, cameoFile, hdr, func(_ int, f []string) error {
		c := Code{Code: f[0], Name: f[1], PLOVER: f[4]}
		if n := len(c.Code); n < 2 || n > 4 || !isDigits(c.Code) {
			return fmt.Errorf("bad CAMEO code %q", c.Code)
		}
		if _, dup := s.byCode[c.Code]; dup {
			return fmt.Errorf("duplicate CAMEO code %q", c.Code)
		}
		if c.Name == "" {
			return fmt.Errorf("code %s: empty name", c.Code)
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil || g < -10 || g > 10 {
			return fmt.Errorf("code %s: bad goldstein %q", c.Code, f[2])
		}
		c.Goldstein = g
		q, err := strconv.Atoi(f[3])
		if err != nil || q < 1 || q > 4 {
			return fmt.Errorf("code %s: bad quad_class %q", c.Code, f[3])
		}
		c.QuadClass = q
		s.byCode[c.Code] = c
		s.codes = append(s.codes, c)
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range s.codes {
		if len(c.Code) > 2 {
			if _, ok := s.byCode[c.Code[:len(c.Code)-1]]; !ok && len(c.Code) == 4 {
				return fmt.Errorf("%s: code %s has no parent %s", cameoFile, c.Code, c.Code[:3])
			}
			if _, ok := s.byCode[c.Code[:2]]; !ok {
				return fmt.Errorf("%s: code %s has no root %s", cameoFile, c.Code, c.Code[:2])
			}
		}
	}
	sortCodes(s.codes)
	return nil
}

func (s *set) loadPlover(fsys fs.FS) error {
	hdr := []string{"category", "quad", "score", "modes"}
	seen := map[string]bool{}
	err := readTSV(fsys, ploverFile, hdr, func(_ int, f []string) error {
		c := Category{Name: f[0]}
		if c.Name == "" || strings.ToUpper(c.Name) != c.Name {
			return fmt.Errorf("bad category name %q", c.Name)
		}
		if seen[c.Name] {
			return fmt.Errorf("duplicate category %q", c.Name)
		}
		seen[c.Name] = true
		q, err := strconv.Atoi(f[1])
		if err != nil || q < 1 || q > 4 {
			return fmt.Errorf("category %s: bad quad %q", c.Name, f[1])
		}
		c.Quad = q
		sc, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return fmt.Errorf("category %s: bad score %q", c.Name, f[2])
		}
		c.Score = sc
		for _, m := range strings.Split(f[3], ",") {
			if m = strings.TrimSpace(m); m != "" {
				c.Modes = append(c.Modes, m)
			}
		}
		s.categories = append(s.categories, c)
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range s.codes {
		if c.PLOVER != "" && !seen[c.PLOVER] {
			return fmt.Errorf("%s: code %s: unknown PLOVER category %q", cameoFile, c.Code, c.PLOVER)
		}
	}
	return nil
}

func (s *set) loadActors(fsys fs.FS) error {
	hdr := []string{"code", "kind", "name", "note"}
	return readTSV(fsys, actorFile, hdr, func(_ int, f []string) error {
		b := block{Code: f[0], Kind: f[1], Name: f[2]}
		if !isBlock(b.Code) {
			return fmt.Errorf("bad block %q: want three letters A-Z", b.Code)
		}
		if !validKinds[b.Kind] {
			return fmt.Errorf("block %s: unknown kind %q", b.Code, b.Kind)
		}
		if b.Name == "" {
			return fmt.Errorf("block %s: empty name", b.Code)
		}
		if old, dup := s.blocks[b.Code]; dup {
			return fmt.Errorf("block %s listed twice (%s and %s)", b.Code, old.Kind, b.Kind)
		}
		s.blocks[b.Code] = b
		return nil
	})
}

// isBlock reports whether s is three upper-case ASCII letters.
func isBlock(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
