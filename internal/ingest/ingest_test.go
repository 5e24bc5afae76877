package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
)

const article = "التقى وزير الخارجية المصري نظيره الأردني في العاصمة الأردنية عمان اليوم، وبحث الجانبان سبل تعزيز التعاون."

// read collects the records of path.
func read(t *testing.T, r *ingest.Reader, path string) (docs []ingest.Record, errs []ingest.Record) {
	t.Helper()
	err := r.Path(context.Background(), path, func(rec ingest.Record) error {
		if rec.Err != nil {
			errs = append(errs, rec)
		} else {
			docs = append(docs, rec)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, errs
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestReadFormats(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte(article))
	write(t, dir, "b.html", []byte(`<html><head><title>وزير الخارجية يبحث</title><script>var x = "لا تقرأني";</script><style>p{}</style></head>
<body><nav>الرئيسية | أخبار</nav><article><p>`+article+`</p></article><footer>حقوق النشر</footer></body></html>`))
	write(t, dir, "c.jsonl", []byte(`{"id":"c1","text":"`+article+` ١","date":"2023-10-20T10:00:00Z","source":"spa","url":"http://x/1"}
{"id":7,"content":"بديل","text":"`+article+` ٢","title":"عنوان"}
`))
	write(t, dir, "d.json", []byte(`[{"id":"d1","text":"`+article+` ٣"},{"id":"d2","text":"`+article+` ٤"}]`))
	write(t, dir, "e.jsonl.gz", gz([]byte(`{"id":"e1","text":"`+article+` ٥"}`+"\n")))
	write(t, dir, "f.txt.gz", gz([]byte(article+" ٦")))
	write(t, dir, "ignored.pdf", []byte("%PDF"))
	docs, errs := read(t, ingest.NewReader(), dir)
	if len(errs) != 0 {
		t.Errorf("errors: %+v", errs)
	}
	got := map[string]model.Document{}
	for _, d := range docs {
		got[d.Doc.ID] = d.Doc
	}
	for _, id := range []string{"a", "b", "c1", "7", "d1", "d2", "e1", "f.txt"[:1]} {
		if _, ok := got[id]; !ok {
			t.Errorf("missing %q in %v", id, got)
		}
	}
	b := got["b"]
	if b.Title != "وزير الخارجية يبحث" || strings.Contains(b.Text, "لا تقرأني") || strings.Contains(b.Text, "p{}") || !strings.Contains(b.Text, "التعاون") {
		t.Errorf("html: title %q text %q", b.Title, b.Text)
	}
	if c := got["c1"]; c.Date != "2023-10-20" || c.Source != "spa" || c.URL != "http://x/1" {
		t.Errorf("jsonl fields: %+v", c)
	}
	// --field-text=content
	r := ingest.NewReader()
	r.Fields.Text = "content"
	docs, errs = read(t, r, filepath.Join(dir, "c.jsonl"))
	if len(docs) != 1 || docs[0].Doc.Text != "بديل" || len(errs) != 1 || !strings.Contains(errs[0].Err.Error(), `no "content" field`) {
		t.Errorf("field-text: %+v %+v", docs, errs)
	}
}

// TestBadInput: every bad input is a clear message; nothing panics and the
// good articles beside it are read.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", []byte(article))
	write(t, dir, "empty.txt", nil)
	write(t, dir, "badutf8.txt", []byte("وزير\xff\xfeالخارجية "+article))
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	write(t, dir, "binary.txt", bin)
	write(t, dir, "lines.jsonl", []byte("{\"id\":\"ok\",\"text\":\""+article+"\"}\n{broken\n\n[1,2]\n{\"id\":\"num\",\"text\":5}\n"))
	write(t, dir, "notgz.txt.gz", []byte("plain"))
	write(t, dir, "array.json", []byte(`[{"id":"x1","text":"نص"}, {oops}]`))
	docs, errs := read(t, ingest.NewReader(), dir)
	msgs := map[string]string{}
	for _, e := range errs {
		msgs[filepath.Base(e.Origin)] = e.Err.Error()
	}
	want := map[string]string{
		"empty.txt":     "empty",
		"binary.txt":    "binary file",
		"lines.jsonl:2": "malformed JSON",
		"lines.jsonl:4": "malformed JSON",
		"lines.jsonl:5": "not a string",
		"notgz.txt.gz":  "not a gzip file",
		"array.json#2":  "malformed JSON",
	}
	for k, w := range want {
		if !strings.Contains(msgs[k], w) {
			t.Errorf("%s: message %q, want it to say %q (all: %v)", k, msgs[k], w, msgs)
		}
	}
	ids := map[string]ingest.Record{}
	for _, d := range docs {
		ids[d.Doc.ID] = d
	}
	for _, id := range []string{"good", "badutf8", "ok", "x1"} {
		if _, ok := ids[id]; !ok {
			t.Errorf("good article %q lost", id)
		}
	}
	if b := ids["badutf8"]; !strings.Contains(b.Doc.Text, "وزير\x1a\x1aالخارجية") || len(b.Notes) != 1 {
		t.Errorf("invalid UTF-8 not replaced byte for byte with a note: %q %v", b.Doc.Text[:20], b.Notes)
	}
}

// TestHugeFile: a 100 MB file is refused quickly without reading it all,
// and a 100 MB line in JSON lines is skipped while the next line is read.
func TestHugeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200 MB; skipped under -short")
	}
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.Repeat([]byte("كلمة "), 1<<20/10)
	for i := 0; i < 100; i++ {
		f.Write(line)
	}
	f.Close()
	g, _ := os.Create(filepath.Join(dir, "huge.jsonl"))
	g.WriteString(`{"id":"big","text":"`)
	for i := 0; i < 100; i++ {
		g.Write(line)
	}
	g.WriteString("\"}\n{\"id\":\"small\",\"text\":\"" + article + "\"}\n")
	g.Close()
	start := time.Now()
	docs, errs := read(t, ingest.NewReader(), dir)
	if len(errs) != 2 || !strings.Contains(errs[0].Err.Error()+errs[1].Err.Error(), "larger than") {
		t.Errorf("errors %+v", errs)
	}
	if len(docs) != 1 || docs[0].Doc.ID != "small" {
		t.Errorf("docs %+v", docs)
	}
	t.Logf("200 MB of oversized input handled in %s", time.Since(start))
}

// feedServer serves an RSS feed of two items whose pages it also serves.
func feedServer(t *testing.T) (*httptest.Server, *int) {
	hits := new(int)
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		*hits++
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
<item><title>الأول</title><link>%[1]s/a1</link><guid>a1</guid><pubDate>Fri, 20 Oct 2023 10:00:00 GMT</pubDate></item>
<item><title>الثاني</title><link>%[1]s/missing</link><guid>a2</guid><description>&lt;p&gt;ملخص الخبر الثاني عن لقاء الوزيرين.&lt;/p&gt;</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>الأول</title><script>alert(1)</script></head><body><p>`+article+`</p></body></html>`)
	})
	mux.HandleFunc("/notxml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "this is not a feed") })
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!DOCTYPE html><html><body>x</body></html>")
	})
	mux.HandleFunc("/lol", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">`)
		for i := 2; i <= 9; i++ {
			fmt.Fprintf(w, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
		}
		fmt.Fprint(w, `]><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>`)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, hits
}

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestFeed(t *testing.T) {
	srv, hits := feedServer(t)
	st := openStore(t)
	ctx := context.Background()
	fr := &ingest.FeedReader{Fetcher: ingest.NewFetcher(true), Memory: st, Reader: ingest.NewReader()}
	p := pipeline(st)
	var state store.FeedState
	run := func() ingest.Summary {
		sum, err := p.Run(ctx, func(ctx context.Context, emit ingest.Emit) error {
			var err error
			state, err = fr.Feed(ctx, srv.URL+"/feed", emit)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		st.PutFeed(ctx, state)
		return sum
	}
	sum := run()
	if sum.Added != 2 || sum.Errors != 0 {
		t.Fatalf("first poll: %s", sum)
	}
	a, err := st.Article(ctx, "a1")
	if err != nil || a.Text != article || a.Title != "الأول" || a.Date != "2023-10-20" || a.Source != "127.0.0.1" {
		t.Errorf("a1 = %+v, %v", a, err)
	}
	if a2, err := st.Article(ctx, "a2"); err != nil || !strings.Contains(a2.Text, "ملخص الخبر الثاني") {
		t.Errorf("a2 (summary fallback) = %+v, %v", a2, err)
	}
	// The second poll sends the ETag and gets 304: nothing fetched or added.
	if sum := run(); sum.Read != 0 || *hits != 2 {
		t.Errorf("second poll: %s, %d feed requests", sum, *hits)
	}
}

func TestFeedErrors(t *testing.T) {
	srv, _ := feedServer(t)
	st := openStore(t)
	ctx := context.Background()
	for _, c := range []struct {
		path, allow, want string
	}{
		{"/notxml", "yes", "not XML"},
		{"/html", "yes", "HTML page"},
		{"/lol", "yes", "XML entities"},
		{"/feed", "", "private, loopback or link-local"},
	} {
		fr := &ingest.FeedReader{Fetcher: ingest.NewFetcher(c.allow != ""), Memory: st, Reader: ingest.NewReader()}
		start := time.Now()
		_, err := fr.Feed(ctx, srv.URL+c.path, func(ingest.Record) error { return nil })
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.path, err, c.want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s took %s", c.path, d)
		}
	}
	// A feed item that points at a private address is refused, while the
	// feed itself is fetched (the page fetcher has no --allow-private).
	if _, err := ingest.NewFetcher(false).Get(ctx, srv.URL+"/a1", 1<<20, "", ""); !errors.Is(err, ingest.ErrPrivateAddress) {
		t.Errorf("loopback page: %v", err)
	}
	for _, a := range []string{"127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254", "::1", "fe80::1", "100.64.0.1", "0.0.0.0", "::ffff:127.0.0.1"} {
		if ingest.PublicAddr(netip.MustParseAddr(a)) {
			t.Errorf("%s counted as public", a)
		}
	}
	if !ingest.PublicAddr(netip.MustParseAddr("8.8.8.8")) {
		t.Error("8.8.8.8 not public")
	}
}

func TestLimits(t *testing.T) {
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("x"), 2<<20))
	}))
	defer big.Close()
	_, err := ingest.NewFetcher(true).Get(context.Background(), big.URL, 1<<20, "", "")
	if !errors.Is(err, ingest.ErrTooLarge) {
		t.Errorf("2 MB over a 1 MB limit: %v", err)
	}
	if _, err := ingest.NewFetcher(true).Get(context.Background(), "file:///etc/passwd", 1<<20, "", ""); err == nil {
		t.Error("file URL fetched")
	}
}

// oneEvent is a stand-in coder: one event per document, so pipeline tests
// do not depend on what the real coder finds.
func oneEvent(d model.Document) model.Coded {
	if strings.Contains(d.Text, "PANIC") {
		panic("boom")
	}
	return model.Coded{ID: d.ID, Events: []model.Event{{CAMEO: "010", QuadClass: 1, Source: &model.Actor{Code: "EGYGOV", Country: "EGY"},
		Trigger: model.Trigger{Text: d.Text[:6], Span: model.Span{End: 6}}, Mentions: 1}}}
}

func pipeline(st store.Store) *ingest.Pipeline {
	return &ingest.Pipeline{Store: st, NewCoder: func() ingest.CodeFunc { return oneEvent }, DictVersion: "test", BatchSize: 3}
}

func emitAll(recs []ingest.Record) func(context.Context, ingest.Emit) error {
	return func(ctx context.Context, emit ingest.Emit) error {
		for _, r := range recs {
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestPipeline(t *testing.T) {
	st := openStore(t)
	long := strings.Repeat(article+" ", 4)
	var recs []ingest.Record
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields(long)
	for i := 0; i < 20; i++ {
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		recs = append(recs, ingest.Record{Doc: model.Document{ID: fmt.Sprint("n", i), Source: "s", Text: strings.Join(words, " ")}})
	}
	recs = append(recs,
		ingest.Record{Doc: model.Document{ID: "copy", Source: "other", Text: recs[0].Doc.Text + "\n"}}, // exact copy
		ingest.Record{Doc: model.Document{ID: "wire1", Source: "spa", Text: long}},
		ingest.Record{Doc: model.Document{ID: "wire2", Source: "petra", Text: "عمان (بترا) - " + long}}, // wire copy
		ingest.Record{Doc: model.Document{ID: "bad", Text: "PANIC " + article}},
		ingest.Record{Origin: "x", Err: errors.New("unreadable")},
	)
	var reported []string
	p := pipeline(st)
	p.Report = func(o string, err error) { reported = append(reported, o+": "+err.Error()) }
	sum, err := p.Run(context.Background(), emitAll(recs))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 22 || sum.Copies != 1 || sum.WireCopies != 1 || sum.Errors != 2 || sum.Read != 25 {
		t.Errorf("summary %s; reported %q", sum, reported)
	}
	ctx := context.Background()
	w2, err := st.Article(ctx, "wire2")
	if err != nil || w2.GroupID != "wire1" {
		t.Errorf("wire2 group %q, %v", w2.GroupID, err)
	}
	stats, _ := st.Stats(ctx)
	if stats.Events != 21 { // 20 + one for the wire group
		t.Errorf("%d events, want 21", stats.Events)
	}
	// A second run adds nothing.
	p2 := pipeline(st)
	sum, err = p2.Run(ctx, emitAll(recs))
	if err != nil || sum.Added != 0 || sum.Copies != 0 || sum.Skipped != 23 {
		t.Errorf("rerun: %s, %v", sum, err)
	}
	stats2, _ := st.Stats(ctx)
	if stats2.Events != stats.Events || stats2.Mentions != stats.Mentions || stats2.Articles != stats.Articles {
		t.Errorf("rerun changed the store: %+v vs %+v", stats2, stats)
	}
}
