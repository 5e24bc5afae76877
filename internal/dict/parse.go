package dict

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Problem is one finding of the loader or the checker, tied to a file line.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) Error() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg) }

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// parseFile reads one dictionary file of kind k. Lines that cannot be parsed
// are reported and skipped; the rest of the file still loads.
func parseFile(k Kind, name string, src []byte, user bool) ([]*Entry, []Problem) {
	var entries []*Entry
	var probs []Problem
	report := func(line int, format string, a ...any) {
		probs = append(probs, Problem{name, line, fmt.Sprintf(format, a...)})
	}
	if !utf8.Valid(src) {
		report(0, "file is not valid UTF-8")
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := stripComment(sc.Text())
		if strings.TrimSpace(line) == "" {
			continue
		}
		e, err := parseLine(k, line)
		if err != "" {
			report(n, "%s", err)
			continue
		}
		e.File, e.Line, e.User = name, n, user
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		report(n+1, "read: %v", err)
	}
	return entries, probs
}

// stripComment drops a '#' comment that starts the line or follows a space.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

func parseLine(k Kind, line string) (*Entry, string) {
	fields := strings.Split(line, "|")
	if len(fields) != 3 {
		return nil, fmt.Sprintf("want 3 fields separated by '|' (CODES | FORMS | ATTRIBUTES), got %d", len(fields))
	}
	e := &Entry{Kind: k, Attrs: map[string]string{}}
	for _, c := range splitList(fields[0], ",") {
		dc, err := parseCode(c)
		if err != "" {
			return nil, err
		}
		e.Codes = append(e.Codes, dc)
	}
	if len(e.Codes) == 0 {
		return nil, "no code"
	}
	if k != Actor && len(e.Codes) > 1 {
		return nil, fmt.Sprintf("a %s entry takes exactly one code", k)
	}
	e.Forms = splitList(fields[1], ";")
	if len(e.Forms) == 0 {
		return nil, "no forms"
	}
	for _, f := range e.Forms {
		f = strings.Join(strings.Fields(f), " ")
		if f == "" {
			return nil, "empty form"
		}
	}
	for i, f := range e.Forms {
		e.Forms[i] = strings.Join(strings.Fields(f), " ")
	}
	for _, a := range splitList(fields[2], ";") {
		key, val, _ := strings.Cut(a, "=")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if key == "" {
			return nil, fmt.Sprintf("attribute %q has no name", a)
		}
		if _, dup := e.Attrs[key]; dup {
			return nil, fmt.Sprintf("attribute %q given twice", key)
		}
		e.Attrs[key] = val
	}
	return e, ""
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseCode reads CODE or CODE@FROM..TO. The code itself is validated later,
// by the checker, against the ontology.
func parseCode(s string) (DatedCode, string) {
	code, rng, ranged := strings.Cut(s, "@")
	dc := DatedCode{Code: strings.TrimSpace(code), ranged: ranged}
	if dc.Code == "" {
		return dc, fmt.Sprintf("empty code in %q", s)
	}
	if !ranged {
		return dc, ""
	}
	from, to, ok := strings.Cut(rng, "..")
	if !ok {
		return dc, fmt.Sprintf("date range %q: want FROM..TO", rng)
	}
	dc.From, dc.To = strings.TrimSpace(from), strings.TrimSpace(to)
	for _, d := range []string{dc.From, dc.To} {
		if d != "" && !validDate(d) {
			return dc, fmt.Sprintf("date %q: want YYYY-MM-DD", d)
		}
	}
	return dc, ""
}

func validDate(d string) bool {
	if !dateRE.MatchString(d) {
		return false
	}
	m := (d[5]-'0')*10 + d[6] - '0'
	day := (d[8]-'0')*10 + d[9] - '0'
	return m >= 1 && m <= 12 && day >= 1 && day <= 31
}

// attrOrder lists attribute names with en first, then alphabetically.
func attrOrder(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "en" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	if _, ok := m["en"]; ok {
		keys = append([]string{"en"}, keys...)
	}
	return keys
}
