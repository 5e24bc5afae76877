package dict

import (
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestBuiltinCheck: the built-in dictionaries pass their own check.
func TestBuiltinCheck(t *testing.T) {
	d, err := Load(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Check(d) {
		t.Error(p)
	}
}

// TestBrokenFiles: every kind of error in testdata/broken is reported with
// its file and line.
func TestBrokenFiles(t *testing.T) {
	src, err := UserDir("testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(src)
	if err != nil {
		t.Fatal(err)
	}
	probs := Check(d)
	var all []string
	for _, p := range probs {
		all = append(all, p.Error())
	}
	text := strings.Join(all, "\n")
	t.Log(text)
	for _, want := range []string{
		`actors/bad.txt:3: code XXXGOV`,
		`actors/bad.txt:4: .*inverted`,
		`actors/bad.txt:5: .*overlaps`,
		`actors/bad.txt:6: missing en=`,
		`actors/bad.txt:7: missing type=`,
		`actors/bad.txt:8: date "2010-13-01"`,
		`actors/bad.txt:10: form .*duplicates`,
		`actors/bad.txt:12: form .*conflicts with`,
		`actors/bad.txt:13: want 3 fields`,
		`actors/bad.txt:14: unknown type "planet"`,
		`agents/bad.txt:2: agent code "GOV" must be ~SECTOR`,
		`agents/bad.txt:3: .*unknown sector "XYZ"`,
		`verbs/bad.txt:2: event code "999" is not a CAMEO code`,
		`verbs/bad.txt:3: unknown pos "verbish"`,
		`verbs/bad.txt:4: unknown target slot "فوق"`,
		`places/bad.txt:2: place country "XXX"`,
		`places/bad.txt:3: lat=95`,
		`places/bad.txt:4: missing kind=`,
	} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("no problem matching %q", want)
		}
	}
}

// TestTargetSlotAmam: «أمام» (in front of) is an allowed target slot, for
// protests outside an embassy or a ministry.
func TestTargetSlotAmam(t *testing.T) {
	if !targetSlots["أمام"] {
		t.Error("أمام is not an allowed target slot")
	}
}

// TestHeadAttr: head=noun is accepted on phrase triggers only.
func TestHeadAttr(t *testing.T) {
	for _, c := range []struct {
		line string
		ok   bool
	}{
		{"194 | إطلاق صواريخ ; أطلق .. صواريخ | pos=phrase ; head=noun ; en=rocket fire", true},
		{"190 | هجوم | pos=noun ; head=noun ; en=attack", false},
		{"194 | إطلاق صواريخ | pos=phrase ; head=verb ; en=rocket fire", false},
	} {
		e, msg := parseLine(Trigger, c.line)
		if e == nil {
			t.Fatal(msg)
		}
		n := 0
		checkTrigger(e, func(*Entry, string, ...any) { n++ })
		if (n == 0) != c.ok {
			t.Errorf("%s: %d problems, want ok=%v", c.line, n, c.ok)
		}
	}
}

func TestUserOverride(t *testing.T) {
	d, err := LoadWith("testdata/user")
	if err != nil {
		t.Fatal(err)
	}
	found := d.Lookup("الصين")
	if len(found) == 0 || found[0].Entry.Code() != "USAGOV" || found[0].Override == nil {
		t.Fatalf("user entry does not override the built-in: %+v", found)
	}
	if got := d.Lookup("حركة التجربة المحلية"); len(got) == 0 || got[0].Entry.Code() != "EGYOPP" {
		t.Fatalf("user entry not found: %+v", got)
	}
	if len(d.Overrides) == 0 {
		t.Fatal("no override recorded")
	}
}

func TestDatedCodes(t *testing.T) {
	e, _ := parseLine(Actor, "CHNGOV@2013-03-16..2022-12-30, CHNGOV@2023-07-25.., CHNELI | وانغ يي | en=Wang Yi ; type=person")
	for _, c := range []struct{ date, want string }{
		{"2013-03-16", "CHNGOV"}, {"2022-12-30", "CHNGOV"}, {"2023-03-01", "CHNELI"},
		{"2024-01-01", "CHNGOV"}, {"2010-01-01", "CHNELI"}, {"", "CHNGOV"},
	} {
		if got, _ := e.CodeOn(c.date); got != c.want {
			t.Errorf("CodeOn(%q) = %q, want %q", c.date, got, c.want)
		}
	}
	e, _ = parseLine(Actor, "EGYGOV@2014-06-08.. | عبد الفتاح السيسي | en=Abdel Fattah el-Sisi ; type=person")
	if c, ok := e.CodeOn("2012-01-01"); ok {
		t.Errorf("before the term: got %q, want no code", c)
	}
}

func TestGenerated(t *testing.T) {
	got := strings.Join(NisbaForms("صيني"), " ")
	for _, w := range []string{"صينية", "صينيون", "صينيين", "صينيات", "صينيان", "صينيتين"} {
		if !strings.Contains(got, w) {
			t.Errorf("NisbaForms(صيني) lacks %s: %s", w, got)
		}
	}
	v := strings.Join(TranslitVariants("وانغ يي"), " | ")
	if !strings.Contains(v, "وانج يي") {
		t.Errorf("TranslitVariants(وانغ يي) lacks وانج يي: %s", v)
	}
	v = strings.Join(TranslitVariants("غوتيريش"), " | ")
	if !strings.Contains(v, "جوتيريش") {
		t.Errorf("TranslitVariants(غوتيريش) lacks جوتيريش: %s", v)
	}
}

// TestSeedActors: the seed article's actors resolve through the built-ins.
func TestSeedActors(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, kind, code string
	}{
		{"وانج يي", "actor", "CHNGOV"},
		{"وانغ يي", "actor", "CHNGOV"},
		{"سيرجي لافروف", "actor", "RUSGOV"},
		{"منظمة شانجهاي للتعاون", "actor", "IGOSCO"},
		{"منظمة شنغهاي للتعاون", "actor", "IGOSCO"},
		{"أوزبكستان", "actor", "UZB"},
		{"أفغانستان", "actor", "AFG"},
		{"الأمم المتحدة", "actor", "IGOUNO"},
		{"مجلس الأمن الدولي", "actor", "IGOUNO"},
		{"شينخوا", "actor", "CHNMED"},
		{"الصيني", "actor", "CHN"},
		{"وزير الخارجية", "agent", "~GOV"},
		{"طشقند", "place", "UZB"},
	} {
		found := d.Lookup(c.text)
		ok := false
		for _, f := range found {
			code := f.Entry.Code()
			if f.Entry.Kind == Actor {
				code, _ = f.Entry.CodeOn("2022-07-29")
			}
			if f.Entry.Kind.String() == c.kind && code == c.code && f.StartByte == 0 && f.EndByte == len(c.text) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: want %s %s covering the whole text, got %+v", c.text, c.kind, c.code, found)
		}
	}
	for _, f := range d.Lookup("طشقند") {
		if f.Entry.Kind == Place && (f.Entry.EN() != "Tashkent" || f.Entry.Attr("lat") == "") {
			t.Errorf("طشقند: want Tashkent with coordinates, got %s", f.Entry)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, line := range []string{"a | b", "| b | en=x", "CHN | | en=x", "CHN@2020-01-01 | b | en=x", "CHN | b | =x"} {
		if _, err := parseLine(Actor, line); err == "" {
			t.Errorf("parseLine(%q): no error", line)
		}
	}
}

// BenchmarkLoadBuiltin loads every built-in dictionary; heap-MB is the live
// heap the loaded dictionaries hold (after a GC), the figure the README's
// memory claim rests on.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	var d *Dict
	for i := 0; i < b.N; i++ {
		var err error
		if d, err = Load(Builtin()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	d = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, _ = Load(Builtin())
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
}

func FuzzParseFile(f *testing.F) {
	for _, s := range []string{"CHN | الصين | en=China ; type=country", "x|y|z\n#c\n", "CHNGOV@..|a|b", "\xff|\x00|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		entries, _ := parseFile(Actor, "fuzz.txt", []byte(src), true)
		for _, e := range entries {
			_ = e.String()
			_, _ = e.CodeOn("2020-01-01")
			for _, p := range patterns(e) {
				_ = p
			}
		}
	})
}
