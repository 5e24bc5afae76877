package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
)

func init() {
	register(&Command{
		Name:    "code",
		Summary: "code Arabic articles into CAMEO/PLOVER events",
		Usage: `code [--input text|jsonl] [--format table|json|jsonl|tsv] [--date YYYY-MM-DD] [--dict DIR] [FILE…|-]

Reads plain-text articles (one per file; "-" or no FILE reads standard
input) or, with --input jsonl, one JSON object {"id","text","date"} per line,
and writes the events of each document. json and jsonl write one object per
document: {"id","date","events":[…]} (schema in README.md); tsv writes one
line per event; table is for reading in a terminal.`,
		Run: runCode,
	})
}

type codeOptions struct {
	input, format, date string
	dicts               dictFlag
}

func runCode(env *Env) error {
	fs := newFlags(env, "code")
	var o codeOptions
	fs.StringVar(&o.input, "input", "text", "input format: text or jsonl")
	fs.StringVar(&o.format, "format", "table", "output format: table, json, jsonl or tsv")
	fs.StringVar(&o.date, "date", "", "article date (YYYY-MM-DD) for text input")
	fs.Var(&o.dicts, "dict", "user dictionary folder layered over the built-ins (repeatable)")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	switch o.format {
	case "table", "json", "jsonl", "tsv":
	default:
		return usagef("unknown --format %q", o.format)
	}
	if o.input != "text" && o.input != "jsonl" {
		return usagef("unknown --input %q", o.input)
	}
	if o.date != "" && !isDate(o.date) {
		return usagef("--date %q: want YYYY-MM-DD", o.date)
	}
	d, err := dict.LoadWith(o.dicts...)
	if err != nil {
		return err
	}
	cd := coder.New(d)
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	out := newCodedWriter(w, o.format)
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	failed := 0
	for _, f := range files {
		err := readDocs(env, f, o.input, o.date, func(doc model.Document) error {
			return out.write(cd.Code(doc), doc)
		})
		if err != nil {
			fmt.Fprintf(env.Stderr, "marsad code: %s: %v\n", f, err)
			failed++
		}
	}
	if err := out.close(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs failed", failed, len(files))
	}
	return nil
}

func isDate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == ""
}

// readDocs reads the documents of one input and calls fn for each. In jsonl
// input a malformed line is reported and skipped.
func readDocs(env *Env, name, input, date string, fn func(model.Document) error) error {
	var r io.Reader
	if name == "-" {
		r = env.Stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if input == "text" {
		b, err := io.ReadAll(io.LimitReader(r, maxTextInput+1))
		if err != nil {
			return err
		}
		if len(b) > maxTextInput {
			return fmt.Errorf("larger than %d MB; split it or use --input jsonl", maxTextInput>>20)
		}
		id := "stdin"
		if name != "-" {
			id = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		}
		return fn(model.Document{ID: id, Date: date, Text: string(b)})
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxTextInput)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var rec struct {
			ID   any     `json:"id"`
			Text string  `json:"text"`
			Date *string `json:"date"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			fmt.Fprintf(env.Stderr, "marsad code: %s:%d: skipped: %v\n", name, line, err)
			continue
		}
		doc := model.Document{ID: idString(rec.ID, line), Text: rec.Text, Date: date}
		if rec.Date != nil && len(*rec.Date) >= 10 && isDate((*rec.Date)[:10]) {
			doc.Date = (*rec.Date)[:10]
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	return sc.Err()
}

// maxTextInput bounds one text document or JSON line (256 MB).
const maxTextInput = 256 << 20

func idString(v any, line int) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return "line" + strconv.Itoa(line)
}

// codedWriter writes coded documents in one output format.
type codedWriter struct {
	w      *bufio.Writer
	format string
	docs   []model.Coded
	tw     *tabwriter.Writer
}

func newCodedWriter(w *bufio.Writer, format string) *codedWriter {
	cw := &codedWriter{w: w, format: format}
	if format == "table" {
		cw.tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	}
	return cw
}

func (cw *codedWriter) write(c model.Coded, doc model.Document) error {
	switch cw.format {
	case "json":
		cw.docs = append(cw.docs, c)
	case "jsonl":
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		cw.w.Write(b)
		cw.w.WriteByte('\n')
	case "tsv":
		for _, e := range c.Events {
			cw.w.WriteString(strings.Join(tsvFields(c, e), "\t"))
			cw.w.WriteByte('\n')
		}
	case "table":
		fmt.Fprintf(cw.tw, "# %s  %s  (%d events)\n", c.ID, c.Date, len(c.Events))
		fmt.Fprintln(cw.tw, "SENT\tSOURCE\tCAMEO\tTARGET\tPLOVER\tGOLDSTEIN\tLOCATION\tTRIGGER\tN")
		for _, e := range c.Events {
			f := tsvFields(c, e)
			fmt.Fprintf(cw.tw, "%d\t%s\t%s %s\t%s\t%s\t%+.1f\t%s\t%s\t%d\n", e.Sentence, f[3], e.CAMEO, e.CAMEOName, f[4], f[6], e.Goldstein, f[9], isolate(e.Trigger.Text), e.Mentions)
		}
		fmt.Fprintln(cw.tw)
		return cw.tw.Flush()
	}
	return nil
}

func (cw *codedWriter) close() error {
	if cw.format == "json" {
		enc := json.NewEncoder(cw.w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if cw.docs == nil {
			cw.docs = []model.Coded{}
		}
		return enc.Encode(cw.docs)
	}
	return nil
}

// TSVHeader names the columns of --format tsv.
var TSVHeader = []string{"doc_id", "date", "sentence", "source", "target", "cameo", "plover", "goldstein", "quad_class", "location", "country", "lat", "lon", "trigger", "source_text", "target_text", "mentions"}

func tsvFields(c model.Coded, e model.Event) []string {
	src, tgt, srcText, tgtText := "", "", "", ""
	if e.Source != nil {
		src, srcText = e.Source.Code, e.Source.Text
	}
	if e.Target != nil {
		tgt, tgtText = e.Target.Code, e.Target.Text
	}
	plover := ""
	if e.PLOVER != nil {
		plover = *e.PLOVER
	}
	loc, country, lat, lon := "", "", "", ""
	if e.Location != nil {
		loc, country = e.Location.Name, e.Location.Country
		lat, lon = strconv.FormatFloat(e.Location.Lat, 'f', 4, 64), strconv.FormatFloat(e.Location.Lon, 'f', 4, 64)
	}
	return []string{c.ID, e.Date, strconv.Itoa(e.Sentence), src, tgt, e.CAMEO, plover,
		strconv.FormatFloat(e.Goldstein, 'f', 1, 64), strconv.Itoa(e.QuadClass), loc, country, lat, lon,
		clean(e.Trigger.Text), clean(srcText), clean(tgtText), strconv.Itoa(e.Mentions)}
}

// clean keeps a field on one line for TSV.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// isolate wraps right-to-left text in Unicode first-strong isolates so a
// terminal lays out the surrounding columns left to right.
func isolate(s string) string { return "\u2068" + clean(s) + "\u2069" }
