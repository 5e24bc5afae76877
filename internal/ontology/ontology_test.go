package ontology

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoads(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		ok        bool
		plover    string
		goldstein float64
		quad      int
	}{
		{"040", true, "CONSULT", 1.0, 1},
		{"04", true, "CONSULT", 1.0, 1},
		{"163", true, "COERCE", -8.0, 4},
		{"010", true, "", 0.0, 1},
		{"020", true, "REQUEST", 3.0, 1},
		{"0211", true, "REQUEST", 3.4, 1},
		{"0311", true, "AGREE", 5.2, 1},
		{"057", true, "SUPPORT", 8.0, 1},
		{"0813", true, "RETREAT", 5.0, 2},
		{"0831", true, "CONCEDE", 5.0, 2},
		{"083", true, "CONCEDE", 5.0, 2},
		{"084", true, "RETREAT", 7.0, 2},
		{"0874", true, "RETREAT", 10.0, 2},
		{"090", true, "ACCUSE", -2.0, 3},
		{"116", true, "ACCUSE", -2.0, 3},
		{"1213", true, "REJECT", -4.0, 3},
		{"016", true, "", -2.0, 1},
		{"022", true, "REQUEST", 3.2, 1},
		{"164", true, "SANCTION", -7.0, 4},
		{"1712", true, "ASSAULT", -9.2, 4},
		{"1711", true, "COERCE", -9.2, 4},
		{"175", true, "ASSAULT", -9.0, 4},
		{"191", true, "COERCE", -9.5, 4},
		{"192", true, "COERCE", -9.5, 4},
		{"195", true, "ASSAULT", -10.0, 4},
		{"2042", true, "ASSAULT", -10.0, 4},
		{"1214", false, "", 0, 0}, // PLOVER conversion file only: not CAMEO
		{"40", false, "", 0, 0},   // codes are strings: no leading-zero folding
		{"0400", false, "", 0, 0},
		{"", false, "", 0, 0},
		{"x", false, "", 0, 0},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if ok != tt.ok {
			t.Errorf("Lookup(%q) ok = %v, want %v", tt.code, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if c.PLOVER != tt.plover || c.Goldstein != tt.goldstein || c.QuadClass != tt.quad || c.Code != tt.code {
			t.Errorf("Lookup(%q) = %+v, want plover %q goldstein %v quad %d", tt.code, c, tt.plover, tt.goldstein, tt.quad)
		}
	}
}

// TestCounts pins the number of codes to the tables of docs/ontology.md:
// section 4 (20 roots), section 5 (147 three-digit codes) and Appendix A
// (145 four-digit codes).
func TestCounts(t *testing.T) {
	n := map[int]int{}
	for _, c := range Codes() {
		n[len(c.Code)]++
	}
	want := map[int]int{2: 20, 3: 147, 4: 145}
	for k, v := range want {
		if n[k] != v {
			t.Errorf("%d-digit codes: %d, want %d", k, n[k], v)
		}
	}
}

func TestHierarchy(t *testing.T) {
	cs := Codes()
	for i, c := range cs {
		if i > 0 && cs[i-1].Code >= c.Code {
			t.Errorf("Codes not sorted at %s", c.Code)
		}
		if len(c.Code) == 4 {
			if _, ok := Lookup(c.Code[:3]); !ok {
				t.Errorf("%s has no 3-digit parent", c.Code)
			}
		}
		r, ok := Lookup(Root(c.Code))
		if !ok {
			t.Errorf("%s has no root", c.Code)
			continue
		}
		if r.QuadClass != c.QuadClass {
			t.Errorf("%s quad %d differs from root %s quad %d", c.Code, c.QuadClass, r.Code, r.QuadClass)
		}
	}
}

// ploverRule restates coding-conventions F independently of the data file.
func ploverRule(code string) string {
	switch code {
	case "163", "191", "192":
		return "COERCE"
	case "1712", "175":
		return "ASSAULT"
	case "0813", "0814":
		return "RETREAT"
	}
	root := code[:2]
	if root == "08" {
		if len(code) == 2 || code[:3] <= "083" {
			return "CONCEDE"
		}
		return "RETREAT"
	}
	return map[string]string{
		"01": "", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
		"06": "COOPERATE", "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
		"12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
		"16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
	}[root]
}

func TestPLOVERIsFunctionOfCode(t *testing.T) {
	for _, c := range Codes() {
		if want := ploverRule(c.Code); c.PLOVER != want {
			t.Errorf("%s (%s): PLOVER %q, want %q", c.Code, c.Name, c.PLOVER, want)
		}
	}
}

func TestQuadFromRoot(t *testing.T) {
	for _, c := range Codes() {
		r := c.Code[:2]
		want := 4
		switch {
		case r <= "05":
			want = 1
		case r <= "08":
			want = 2
		case r <= "13":
			want = 3
		}
		if c.QuadClass != want {
			t.Errorf("%s: quad %d, want %d", c.Code, c.QuadClass, want)
		}
	}
}

func TestRoot(t *testing.T) {
	for in, want := range map[string]string{"040": "04", "0311": "03", "04": "04", "1": "", "": ""} {
		if got := Root(in); got != want {
			t.Errorf("Root(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMutual(t *testing.T) {
	for code, want := range map[string]bool{
		"040": true, "041": true, "044": true, "046": true, "019": true,
		"050": true, "057": true, "061": true, "062": true,
		"042": false, "043": false, "045": false, "036": false, "051": false,
		"190": false, "193": false, "04": false, "0400": false, "": false,
	} {
		if got := Mutual(code); got != want {
			t.Errorf("Mutual(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestPLOVERCategories(t *testing.T) {
	cats := PLOVERCategories()
	if len(cats) != 16 {
		t.Fatalf("%d categories, want 16", len(cats))
	}
	byName := map[string]Category{}
	for _, c := range cats {
		byName[c.Name] = c
	}
	if cats[0].Name != "AGREE" || cats[15].Name != "ASSAULT" {
		t.Errorf("order: first %s, last %s", cats[0].Name, cats[15].Name)
	}
	for name, n := range map[string]int{"CONSULT": 4, "RETREAT": 6, "ASSAULT": 15, "AGREE": 0, "COERCE": 10, "PROTEST": 7} {
		if got := len(byName[name].Modes); got != n {
			t.Errorf("%s: %d modes, want %d", name, got, n)
		}
	}
	if byName["SANCTION"].Quad != 4 || byName["ACCUSE"].Score != -3 {
		t.Errorf("SANCTION quad %d, ACCUSE score %v", byName["SANCTION"].Quad, byName["ACCUSE"].Score)
	}
	// Every PLOVER value used in cameo.tsv is a category.
	for _, c := range Codes() {
		if _, ok := byName[c.PLOVER]; c.PLOVER != "" && !ok {
			t.Errorf("%s: unknown category %s", c.Code, c.PLOVER)
		}
	}
	// Callers cannot change the package's copy.
	cats[1].Modes[0] = "changed"
	if PLOVERCategories()[1].Modes[0] == "changed" {
		t.Error("PLOVERCategories shares its mode slices")
	}
}

func TestLoadBadTables(t *testing.T) {
	good := map[string]string{
		cameoFile:  "# c\ncode\tname\tgoldstein\tquad_class\tplover\n04\tCONSULT\t1.0\t1\tCONSULT\n040\tConsult\t1.0\t1\tCONSULT\n",
		ploverFile: "category\tquad\tscore\tmodes\nCONSULT\t1\t2.5\tvisit,phone\n",
		actorFile:  "code\tkind\tname\tnote\nCHN\tcountry\tChina\t\nGOV\tsector\tGovernment\t\n",
	}
	tests := []struct {
		name, file, text, want string
	}{
		{"ok", "", "", ""},
		{"missing", cameoFile, "\x00", "ontology"},
		{"header", cameoFile, "code\tname\n", "header"},
		{"fields", cameoFile, "code\tname\tgoldstein\tquad_class\tplover\n04\tX\n", "fields"},
		{"goldstein", cameoFile, "code\tname\tgoldstein\tquad_class\tplover\n04\tX\tbig\t1\t\n", "goldstein"},
		{"quad", cameoFile, "code\tname\tgoldstein\tquad_class\tplover\n04\tX\t1\t9\t\n", "quad"},
		{"code", cameoFile, "code\tname\tgoldstein\tquad_class\tplover\n4a\tX\t1\t1\t\n", "bad CAMEO code"},
		{"parent", cameoFile, "code\tname\tgoldstein\tquad_class\tplover\n04\tX\t1\t1\t\n0401\tX\t1\t1\t\n", "parent"},
		{"plover", cameoFile, "code\tname\tgoldstein\tquad_class\tplover\n04\tX\t1\t1\tTALK\n", "unknown PLOVER"},
		{"dup", actorFile, "code\tkind\tname\tnote\nCHN\tcountry\tChina\t\nCHN\torg\tX\t\n", "twice"},
		{"kind", actorFile, "code\tkind\tname\tnote\nCHN\tplanet\tChina\t\n", "kind"},
		{"block", actorFile, "code\tkind\tname\tnote\nchn\tcountry\tChina\t\n", "bad block"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{}
		for k, v := range good {
			fsys[k] = &fstest.MapFile{Data: []byte(v)}
		}
		if tt.file != "" {
			if tt.text == "\x00" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
			}
		}
		s := load(fsys)
		switch {
		case tt.want == "" && s.err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, s.err)
		case tt.want != "" && (s.err == nil || !strings.Contains(s.err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, s.err, tt.want)
		case tt.want != "" && (len(s.codes) != 0 || len(s.blocks) != 0):
			t.Errorf("%s: a failed load keeps data", tt.name)
		}
	}
}
