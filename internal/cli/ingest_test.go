package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/testutil"
)

// marsad runs the CLI in-process and returns status, stdout and stderr.
func marsad(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func mustRun(t *testing.T, args ...string) (string, string) {
	t.Helper()
	code, out, errOut := marsad(t, args...)
	if code != 0 {
		t.Fatalf("marsad %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out, errOut
}

// sentences are written for these tests; genArticles combines them into
// distinct small articles (shuffled, so no two are near-duplicates).
var sentences = strings.Split(strings.TrimSpace(`
التقى وزير الخارجية المصري نظيره الأردني في عمان وبحث الجانبان تعزيز التعاون الثنائي
وأكد الوزير السعودي دعم بلاده للجهود الدولية الرامية إلى حل الأزمة في اليمن
وأدانت وزارة الخارجية القطرية الهجوم الذي استهدف مدنيين في قطاع غزة
ودعا الأمين العام للأمم المتحدة الأطراف إلى ضبط النفس ووقف القتال فورا
واستقبل الرئيس التركي في أنقرة رئيس الوزراء العراقي لبحث ملف المياه
وأعلنت الحكومة الإيرانية استعدادها لاستئناف المفاوضات مع الدول الكبرى
وقالت وزارة الدفاع الروسية إن قواتها نفذت غارات على مواقع في سوريا
ووقع البلدان اتفاقية للتعاون في مجالي الطاقة والنقل خلال الزيارة
وطالب البرلمان العربي المجتمع الدولي بتحمل مسؤولياته تجاه اللاجئين
ونفت الحكومة السودانية الاتهامات التي وجهتها لها منظمات حقوقية`), "\n")

func genArticles(n int, seed uint64) []map[string]string {
	rng := rand.New(rand.NewPCG(seed, 7))
	var out []map[string]string
	for i := 0; i < n; i++ {
		k := 3 + rng.IntN(4)
		var parts []string
		for j := 0; j < k; j++ {
			parts = append(parts, sentences[rng.IntN(len(sentences))])
		}
		words := strings.Fields(strings.Join(parts, " "))
		rng.Shuffle(len(words), func(a, b int) { words[a], words[b] = words[b], words[a] })
		out = append(out, map[string]string{"id": fmt.Sprintf("g%04d", i), "date": fmt.Sprintf("2023-10-%02d", 1+i%28),
			"source": []string{"spa", "qna", "petra"}[i%3], "text": strings.Join(parts, ". ") + ". " + strings.Join(words[:12], " ") + "."})
	}
	return out
}

func writeJSONL(t *testing.T, path string, recs []map[string]string) {
	t.Helper()
	var b bytes.Buffer
	for _, r := range recs {
		j, _ := json.Marshal(r)
		b.Write(j)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// digest is a checksum of the store's articles and events, for comparing
// runs: every article id with its hash and group, every event row.
func digest(t *testing.T, path string) (articles, events int, sum string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := sha256.New()
	for _, q := range []string{
		`SELECT id || '|' || content_hash || '|' || group_id FROM articles ORDER BY id`,
		`SELECT id || '|' || article FROM copies ORDER BY id`,
		`SELECT article || '|' || key || '|' || sentence || '|' || cameo || '|' || num_mentions || '|' || num_articles || '|' || num_sources FROM events ORDER BY article, key`,
		`SELECT m.article || '|' || e.key || '|' || m.sentence FROM event_mentions m JOIN events e ON e.id = m.event ORDER BY 1`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			h.Write([]byte(s + "\n"))
		}
		rows.Close()
	}
	db.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&articles)
	db.QueryRow(`SELECT COUNT(*) FROM events`).Scan(&events)
	return articles, events, hex.EncodeToString(h.Sum(nil))
}

func TestIngestSearchEventsExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	in := filepath.Join(dir, "in.jsonl")
	recs := genArticles(40, 1)
	recs = append(recs, map[string]string{"id": "dup", "source": "okaz", "text": recs[0]["text"]}) // exact copy
	writeJSONL(t, in, recs)
	_, errOut := mustRun(t, "ingest", "--db", db, in, "../../examples")
	if !strings.Contains(errOut, "1 exact copies") || !strings.Contains(errOut, "0 errors") {
		t.Errorf("summary: %s", errOut)
	}
	_, errOut = mustRun(t, "ingest", "--db", db, in)
	if !strings.Contains(errOut, "0 added, 0 exact copies, 41 already stored") {
		t.Errorf("re-ingest summary: %s", errOut)
	}

	out, _ := mustRun(t, "search", "--db", db, "--limit", "3", "وبالتعاون")
	if !strings.Contains(out, "[التعاون]") && !strings.Contains(out, "[بالتعاون]") && !strings.Contains(out, "[التعاون") {
		t.Errorf("search did not mark التعاون:\n%s", out)
	}
	out, _ = mustRun(t, "search", "--db", db, "الخارجيّة")
	if strings.Contains(out, "\n0 articles") {
		t.Errorf("الخارجيّة found nothing:\n%s", out)
	}

	out, _ = mustRun(t, "events", "--db", db, "--limit", "0", "--format", "jsonl")
	nEvents := strings.Count(out, "\n")
	for _, args := range [][]string{
		{"--actor", "EGY"}, {"--country", "EGY", "--from", "2023-10-01", "--to", "2023-10-31"}, {"--cameo", "0"}, {"--quad", "1"},
		{"--text", "اليمن"}, {"--place-country", "JOR"}, {"--format", "csv"},
	} {
		mustRun(t, append([]string{"events", "--db", db}, args...)...)
	}
	if code, _, _ := marsad(t, "events", "--db", db, "--from", "yesterday"); code != 2 {
		t.Errorf("bad date: exit %d", code)
	}
	if code, _, errOut := marsad(t, "events", "--db", filepath.Join(dir, "none.db")); code != 1 || !strings.Contains(errOut, "no database") {
		t.Errorf("missing db: %d %s", code, errOut)
	}

	gd, pq, cs, jl, mn := filepath.Join(dir, "e.tsv"), filepath.Join(dir, "e.parquet"), filepath.Join(dir, "e.csv"), filepath.Join(dir, "e.jsonl"), filepath.Join(dir, "m.tsv")
	mustRun(t, "export", "--db", db, "--format", "gdelt", "--out", gd, "--mentions", mn)
	mustRun(t, "export", "--db", db, "--format", "parquet", "--out", pq)
	mustRun(t, "export", "--db", db, "--format", "csv", "--out", cs)
	mustRun(t, "export", "--db", db, "--format", "jsonl", "--out", jl)
	b, _ := os.ReadFile(gd)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if nEvents == 0 {
		t.Log("the coder found no events; the export checks are thin")
		lines = nil
	}
	if len(lines) != nEvents {
		t.Errorf("gdelt: %d lines for %d events", len(lines), nEvents)
	}
	for i, l := range lines {
		if n := strings.Count(l, "\t") + 1; n != 61 {
			t.Fatalf("gdelt line %d: %d columns", i+1, n)
		}
	}
	b, _ = os.ReadFile(mn)
	for i, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if l != "" && strings.Count(l, "\t")+1 != 16 {
			t.Fatalf("mentions line %d: %d columns", i+1, strings.Count(l, "\t")+1)
		}
	}
	rows, err := parquet.ReadFile[export.Row](pq)
	if err != nil || len(rows) != nEvents {
		t.Errorf("parquet: %d rows, %v", len(rows), err)
	}
	f, _ := os.Open(cs)
	crecs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(crecs) != nEvents+1 {
		t.Errorf("csv: %d records, %v", len(crecs), err)
	}
	b, _ = os.ReadFile(jl)
	for i, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		var m map[string]any
		if l != "" && json.Unmarshal([]byte(l), &m) != nil {
			t.Fatalf("jsonl line %d does not parse", i+1)
		}
	}

	// Re-coding with the same dictionary is a no-op; --force recodes all
	// and leaves the same events.
	a0, e0, d0 := digest(t, db)
	_, errOut = mustRun(t, "recode", "--db", db)
	if !strings.Contains(errOut, "0 articles re-coded") {
		t.Errorf("recode: %s", errOut)
	}
	_, errOut = mustRun(t, "recode", "--db", db, "--force")
	if !strings.Contains(errOut, fmt.Sprintf("%d articles re-coded", a0)) {
		t.Errorf("recode --force: %s", errOut)
	}
	if a1, e1, d1 := digest(t, db); a1 != a0 || e1 != e0 || d1 != d0 {
		t.Errorf("recode --force changed the store: %d/%d events, digest %s vs %s", e1, e0, d1, d0)
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(in, "bad.jsonl"), []byte("{nope\n"), 0o644)
	os.WriteFile(filepath.Join(in, "ok.txt"), []byte(sentences[0]), 0o644)
	code, _, errOut := marsad(t, "ingest", "--db", db, in, filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(errOut, "empty text") || !strings.Contains(errOut, "malformed JSON") || !strings.Contains(errOut, "missing.txt") || !strings.Contains(errOut, "1 added") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if code, _, _ := marsad(t, "ingest", "--db", db); code != 2 {
		t.Errorf("no input: exit %d", code)
	}
}

func TestIngestFeedPrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>t</title><item><title>x</title><link>http://%s/p</link><guid>p1</guid></item></channel></rss>`, r.Host)
			return
		}
		fmt.Fprint(w, "<html><head><title>عنوان</title></head><body><p>"+sentences[1]+"</p></body></html>")
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "m.db")
	code, _, errOut := marsad(t, "ingest", "--db", db, "--feed", srv.URL+"/feed")
	if code != 1 || !strings.Contains(errOut, "private, loopback or link-local") {
		t.Errorf("without --allow-private: exit %d\n%s", code, errOut)
	}
	_, errOut = mustRun(t, "ingest", "--db", db, "--allow-private", "--feed", srv.URL+"/feed")
	if !strings.Contains(errOut, "1 added") {
		t.Errorf("with --allow-private: %s", errOut)
	}
}

func TestDemo(t *testing.T) {
	out, _ := mustRun(t, "demo")
	for _, want := range []string{"articles", "events by CAMEO root", "top actors", "wire-copy groups", "some events"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
}

// TestCrashResume kills an ingest with SIGKILL at random moments, several
// times, reruns it to completion and checks the store equals that of an
// uninterrupted run: same articles, events and mentions, no duplicates.
func TestCrashResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds marsad and ingests repeatedly; skipped under -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "marsad")
	build := exec.Command("go", "build", "-o", bin, "github.com/marsad-project/marsad/cmd/marsad")
	build.Dir = testutil.RepoRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in.jsonl")
	recs := genArticles(300, 42)
	for i := 0; i < 300; i += 37 { // exact copies and an id reused by another text
		recs = append(recs, map[string]string{"id": fmt.Sprintf("copy%d", i), "source": "wire", "text": recs[i]["text"]})
	}
	recs = append(recs, map[string]string{"id": "g0001", "text": sentences[9] + " نص مختلف."})
	writeJSONL(t, in, recs)

	ingest := func(db string) *exec.Cmd {
		return exec.Command(bin, "ingest", "--db", db, "--batch", "16", in)
	}
	clean := filepath.Join(dir, "clean.db")
	if out, err := ingest(clean).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	wantA, wantE, want := digest(t, clean)

	crashed := filepath.Join(dir, "crashed.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	kills := 3 + rng.IntN(3)
	var partial []string // articles/events found after each kill
	for i := 0; i < kills; i++ {
		c := ingest(crashed)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.IntN(400)) * time.Millisecond)
		c.Process.Signal(syscall.SIGKILL)
		c.Wait()
		partial = append(partial, countArticles(crashed))
	}
	if out, err := ingest(crashed).CombinedOutput(); err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	gotA, gotE, got := digest(t, crashed)
	if gotA != wantA || gotE != wantE || got != want {
		t.Errorf("after %d kills: %d articles, %d events (digest %s); uninterrupted: %d, %d (%s)", kills, gotA, gotE, got, wantA, wantE, want)
	}
	t.Logf("%d kills (store after each: %v); %d articles, %d events in both", kills, partial, gotA, gotE)
}

// countArticles says how many articles a possibly half-made store holds.
func countArticles(path string) string {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err.Error()
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return "no schema yet"
	}
	return fmt.Sprint(n)
}

// corpusDB ingests the whole shared corpus once into a cached database
// (beside the system temp dir) and returns its path.
func corpusDB(tb testing.TB) string {
	tb.Helper()
	src := testutil.Shared(tb, "corpus/articles.jsonl.gz")
	st, err := os.Stat(src)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("marsad-corpus-v%d-%d.db", sqlite.SchemaVersion, st.Size()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	os.Remove(tmp)
	var out, errOut bytes.Buffer
	if code := Run(context.Background(), []string{"ingest", "--db", tmp, src}, nil, &out, &errOut); code != 0 {
		tb.Fatalf("ingest: %s", errOut.String())
	}
	for _, suf := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suf)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestCorpusDuplicates checks the shared corpus's 558 exact duplicate
// texts (same trimmed text) are each stored once: it ingests every article
// whose text occurs more than once.
func TestCorpusDuplicates(t *testing.T) {
	arts := testutil.CorpusArticles(t, 0)
	byText := map[string][]testutil.Article{}
	var order []string
	for _, a := range arts {
		k := strings.TrimSpace(a.Text)
		if _, ok := byText[k]; !ok {
			order = append(order, k)
		}
		byText[k] = append(byText[k], a)
	}
	if dups := len(arts) - len(byText); dups != 558 {
		t.Fatalf("corpus has %d duplicate texts, its README says 558", dups)
	}
	var recs []map[string]string
	distinct := 0
	for _, k := range order {
		if as := byText[k]; len(as) > 1 {
			distinct++
			for _, a := range as {
				recs = append(recs, map[string]string{"id": a.ID, "date": a.Date, "text": a.Text})
			}
		}
	}
	dir := t.TempDir()
	in, db := filepath.Join(dir, "dups.jsonl"), filepath.Join(dir, "d.db")
	writeJSONL(t, in, recs)
	mustRun(t, "ingest", "--db", db, in)
	sdb, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var stored, copies int
	sdb.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&stored)
	sdb.QueryRow(`SELECT COUNT(*) FROM copies`).Scan(&copies)
	if stored+copies != len(recs) || stored > distinct || copies < 558 {
		t.Errorf("%d articles with %d distinct texts: %d stored, %d copies", len(recs), distinct, stored, copies)
	}
	t.Logf("%d articles sharing %d texts: %d stored, %d recorded as copies", len(recs), distinct, stored, copies)
}
