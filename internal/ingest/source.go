// Package ingest reads articles from files, folders, web pages and feeds
// and runs them through the coder into a store: N coding workers (one
// coder each) and a single writer that commits in batches, so an ingest is
// fast, idempotent (a text already stored adds nothing) and safe to kill
// and rerun.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Record is one article read from an input, or the error that stopped
// reading one.
type Record struct {
	Doc    model.Document
	Origin string   // where it came from: path, path:line, URL
	Notes  []string // warnings that did not stop it (bad bytes replaced)
	Err    error    // set when the article could not be read; Doc is then empty
}

// Fields names the JSON fields of a record.
type Fields struct {
	ID, Text, Title, Date, URL, Source string
}

// DefaultFields are the field names of marsad's and the shared corpus's
// JSON lines.
var DefaultFields = Fields{ID: "id", Text: "text", Title: "title", Date: "date", URL: "url", Source: "source"}

// Reader reads articles from files and folders.
type Reader struct {
	Fields  Fields
	MaxSize int64  // largest article text, in bytes (and largest .txt/.html file)
	Source  string // source name for files that carry none
}

// DefaultMaxSize bounds one article (16 MB: the longest in the shared
// corpus is 61 KB).
const DefaultMaxSize = 16 << 20

// NewReader returns a Reader with the default field names and limits.
func NewReader() *Reader {
	return &Reader{Fields: DefaultFields, MaxSize: DefaultMaxSize}
}

// Emit receives records; an error from it stops reading.
type Emit func(Record) error

// Path reads a file or a folder (recursively, in name order). Problems
// with one file or record are emitted as Records with Err set and reading
// goes on; the error returned is only for a path that cannot be read at all
// or an error from emit.
func (r *Reader) Path(ctx context.Context, path string, emit Emit) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return r.file(ctx, path, emit)
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return emit(Record{Origin: p, Err: err})
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasPrefix(d.Name(), ".") && Supported(d.Name()) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.file(ctx, f, emit); err != nil {
			return err
		}
	}
	return nil
}

// kind is what an input file holds, by its name.
func kind(name string) string {
	name = strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	switch filepath.Ext(name) {
	case ".txt", ".text":
		return "text"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".json":
		return "json"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

// Supported reports whether a file name has an extension ingest reads.
func Supported(name string) bool { return kind(name) != "" }

func (r *Reader) file(ctx context.Context, path string, emit Emit) error {
	k := kind(path)
	if k == "" {
		return emit(Record{Origin: path, Err: fmt.Errorf("unknown file type %q (want .txt, .html, .json, .jsonl, optionally .gz)", filepath.Ext(path))})
	}
	f, err := os.Open(path)
	if err != nil {
		return emit(Record{Origin: path, Err: err})
	}
	defer f.Close()
	var in io.Reader = bufio.NewReaderSize(f, 64<<10)
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(in)
		if err != nil {
			return emit(Record{Origin: path, Err: fmt.Errorf("not a gzip file: %w", err)})
		}
		defer zr.Close()
		in = zr
	}
	base := filepath.Base(path)
	id := strings.TrimSuffix(base, filepath.Ext(base))
	if strings.HasSuffix(strings.ToLower(base), ".gz") {
		id = strings.TrimSuffix(id, filepath.Ext(id))
	}
	switch k {
	case "text", "html":
		b, err := readLimited(in, r.maxSize())
		if err != nil {
			return emit(Record{Origin: path, Err: err})
		}
		rec := Record{Origin: path, Doc: model.Document{ID: id, Source: r.Source}}
		if k == "html" {
			title, text, err := ExtractHTML(bytes.NewReader(b), "", nil)
			if err != nil {
				return emit(Record{Origin: path, Err: err})
			}
			rec.Doc.Title, b = title, []byte(text)
		} else if isBinary(b) {
			return emit(Record{Origin: path, Err: errors.New("binary file, not text: skipped")})
		}
		rec.Doc.Text = string(b)
		return emit(r.Finish(rec))
	case "json":
		return r.jsonFile(ctx, in, path, id, emit)
	default:
		return r.jsonLines(ctx, in, path, id, emit)
	}
}

func (r *Reader) maxSize() int64 {
	if r.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return r.MaxSize
}

// readLimited reads all of in, refusing more than max bytes without
// reading them.
func readLimited(in io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(in, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("larger than the %s limit for one article: skipped (raise --max-size, or split it)", sizeString(max))
	}
	return b, nil
}

func sizeString(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n>>10, 10) + " KB"
}

// isBinary reports a file that is not text: NUL bytes, or many invalid
// UTF-8 sequences, in its first 8 KB.
func isBinary(b []byte) bool {
	head := b[:min(len(b), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 && len(head)-i >= utf8.UTFMax {
			bad++
		}
		i += n
	}
	return bad > len(head)/20
}

// Finish validates and cleans a record's text: invalid UTF-8 and NUL bytes
// are replaced one for one (offsets survive) with a note; an empty text is
// an error.
func (r *Reader) Finish(rec Record) Record {
	if rec.Err != nil {
		return rec
	}
	if int64(len(rec.Doc.Text)) > r.maxSize() {
		rec.Err = fmt.Errorf("text larger than the %s limit: skipped", sizeString(r.maxSize()))
		rec.Doc = model.Document{}
		return rec
	}
	clean, bad := arabic.Sanitize(rec.Doc.Text)
	if len(bad) > 0 {
		rec.Doc.Text = clean
		rec.Notes = append(rec.Notes, fmt.Sprintf("%d invalid UTF-8 or NUL bytes replaced by U+001A (first at byte %d)", len(bad), bad[0]))
	}
	rec.Doc.Title, _ = arabic.Sanitize(rec.Doc.Title)
	if strings.TrimSpace(rec.Doc.Text) == "" {
		rec.Err = errors.New("empty text: skipped")
		rec.Doc = model.Document{}
	}
	return rec
}

// jsonFile reads a .json file: an array of records, one record, or (as
// many tools write) JSON lines.
func (r *Reader) jsonFile(ctx context.Context, in io.Reader, path, id string, emit Emit) error {
	br := bufio.NewReader(in)
	for {
		c, _, err := br.ReadRune()
		if err != nil {
			if err == io.EOF {
				return emit(Record{Origin: path, Err: errors.New("empty file: skipped")})
			}
			return emit(Record{Origin: path, Err: err})
		}
		if c == '\uFEFF' || c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			continue
		}
		br.UnreadRune()
		if c != '[' {
			return r.jsonLines(ctx, br, path, id, emit)
		}
		break
	}
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil {
		return emit(Record{Origin: path, Err: err})
	}
	for n := 1; dec.More(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var m map[string]json.RawMessage
		origin := path + "#" + strconv.Itoa(n)
		if err := dec.Decode(&m); err != nil {
			// A syntax error leaves the decoder lost: report and stop this file.
			return emit(Record{Origin: origin, Err: fmt.Errorf("malformed JSON: %w", err)})
		}
		if err := emit(r.Finish(r.fromJSON(m, origin, id+":"+strconv.Itoa(n)))); err != nil {
			return err
		}
	}
	return nil
}

// MaxLine bounds one JSON line (64 MB).
const MaxLine = 64 << 20

// jsonLines reads one JSON object per line; a malformed or oversized line
// is reported and skipped.
func (r *Reader) jsonLines(ctx context.Context, in io.Reader, path, id string, emit Emit) error {
	br := bufio.NewReaderSize(in, 1<<20)
	limit := max(r.maxSize()*2, 1<<20)
	limit = min(limit, MaxLine)
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, tooLong, err := readLine(br, limit)
		if err != nil && err != io.EOF {
			return emit(Record{Origin: path + ":" + strconv.Itoa(line), Err: err})
		}
		origin := path + ":" + strconv.Itoa(line)
		switch {
		case tooLong:
			if e := emit(Record{Origin: origin, Err: fmt.Errorf("line longer than %s: skipped", sizeString(limit))}); e != nil {
				return e
			}
		case len(bytes.TrimSpace(b)) > 0:
			var m map[string]json.RawMessage
			var rec Record
			if e := json.Unmarshal(b, &m); e != nil {
				rec = Record{Origin: origin, Err: fmt.Errorf("malformed JSON: %v: skipped", e)}
			} else {
				rec = r.Finish(r.fromJSON(m, origin, id+":"+strconv.Itoa(line)))
			}
			if e := emit(rec); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line without its newline. A line longer than limit is
// consumed and reported as tooLong, without being kept in memory.
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > limit {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return bytes.TrimRight(buf, "\r\n"), tooLong, nil
		default:
			return buf, tooLong, err
		}
	}
}

func (r *Reader) fromJSON(m map[string]json.RawMessage, origin, defaultID string) Record {
	f := r.Fields
	rec := Record{Origin: origin}
	var text string
	err := json.Unmarshal(m[f.Text], &text)
	if ok := err == nil && string(m[f.Text]) != "null"; !ok {
		if _, present := m[f.Text]; !present {
			rec.Err = fmt.Errorf("no %q field: skipped (use --field-text to name it)", f.Text)
		} else {
			rec.Err = fmt.Errorf("field %q is not a string: skipped", f.Text)
		}
		return rec
	}
	d := model.Document{Text: text, Source: r.Source}
	d.ID, _ = jsonString(m[f.ID])
	if d.ID == "" {
		d.ID = defaultID
	}
	d.Title, _ = jsonString(m[f.Title])
	d.URL, _ = jsonString(m[f.URL])
	if s, ok := jsonString(m[f.Source]); ok && s != "" {
		d.Source = s
	}
	date, _ := jsonString(m[f.Date])
	d.Date = NormalizeDate(date)
	if date != "" && d.Date == "" {
		rec.Notes = append(rec.Notes, fmt.Sprintf("date %q not understood: left empty", date))
	}
	rec.Doc = d
	return rec
}

// jsonString reads a JSON string or number as a string.
func jsonString(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, true
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), true
	}
	return "", false
}

var dateLayouts = []string{
	time.RFC3339, time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822,
	"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006/01/02", "02/01/2006", "20060102",
}

// NormalizeDate returns a date as YYYY-MM-DD, or "" when it cannot be read.
func NormalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC().Format("2006-01-02")
		}
	}
	return ""
}
