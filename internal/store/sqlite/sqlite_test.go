package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ev(src, tgt, cameo string, sentence int) model.Event {
	e := model.Event{CAMEO: cameo, CAMEOName: "x", Goldstein: 1, QuadClass: 1, Sentence: sentence,
		Trigger: model.Trigger{Text: "بحث", Span: model.Span{Start: 10, End: 16}}, Mentions: 1, Trace: []string{"t"}}
	if src != "" {
		e.Source = &model.Actor{Code: src, Country: src[:3], Text: "مصر", Span: model.Span{Start: 0, End: 6}}
	}
	if tgt != "" {
		e.Target = &model.Actor{Code: tgt, Country: tgt[:3], Text: "الأردن", Span: model.Span{Start: 20, End: 32}}
	}
	return e
}

func art(id, source, text, group string) *store.Article {
	return &store.Article{ID: id, Source: source, Date: "2023-10-20", Text: text, GroupID: group}
}

func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func events(t *testing.T, s *Store, q store.Query) []*store.Event {
	t.Helper()
	var out []*store.Event
	for e, err := range s.Events(context.Background(), q) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func TestPutIdempotentAndCopies(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	items := []store.Item{
		{Article: art("a", "spa", "التقى وزير الخارجية المصري نظيره الأردني في عمان.", ""), Events: []model.Event{ev("EGYGOV", "JORGOV", "040", 0), ev("EGYGOV", "JORGOV", "040", 2)}},
		{Article: art("b", "petra", "  التقى وزير الخارجية المصري\nنظيره الأردني في عمان. ", "")}, // same text, other layout
		{Article: art("a", "spa", "نص آخر تماما لا علاقة له.", "")},                               // id taken by another text
	}
	rs, err := s.PutBatch(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Status != store.Added || rs[1].Status != store.Copied || rs[1].Of != "a" || rs[2].Status != store.Added || !strings.HasPrefix(rs[2].ID, "a~") {
		t.Fatalf("results %+v", rs)
	}
	// Twice the same batch adds nothing.
	for i := range items {
		items[i].Article.ID = []string{"a", "b", "a"}[i]
	}
	rs, err = s.PutBatch(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		if r.Status != store.Skipped {
			t.Errorf("rerun item %d: %v", i, r.Status)
		}
	}
	if n := count(t, s, "articles"); n != 2 {
		t.Errorf("%d articles, want 2", n)
	}
	if n := count(t, s, "copies"); n != 1 {
		t.Errorf("%d copies, want 1", n)
	}
	// The two coded mentions of one dyad are one event; the copy counts.
	es := events(t, s, store.Query{})
	if len(es) != 1 {
		t.Fatalf("%d events, want 1", len(es))
	}
	e := es[0]
	if e.NumMentions != 4 || e.NumArticles != 2 || e.NumSources != 2 {
		t.Errorf("counts mentions %d articles %d sources %d, want 4 2 2", e.NumMentions, e.NumArticles, e.NumSources)
	}
	if e.Source.Text != "مصر" || e.Trigger.Span != (model.Span{Start: 10, End: 16}) || e.Trace[0] != "t" {
		t.Errorf("event lost fields: %+v", e)
	}
	if id, err := s.HasHash(ctx, store.ContentHash("التقى وزير الخارجية المصري نظيره الأردني في عمان.")); err != nil || id != "a" {
		t.Errorf("HasHash = %q, %v", id, err)
	}
	if _, err := s.HasHash(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("HasHash(missing) err = %v", err)
	}
	if _, err := s.Article(ctx, "zzz"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(missing) err = %v", err)
	}
}

func TestWireGroupCountsOnce(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	// Three papers run one story (group "w1"); their coder finds the same
	// event: one event, three articles, three sources.
	for i, src := range []string{"spa", "okaz", "sabq"} {
		id := "w" + string(rune('1'+i))
		_, err := s.PutArticle(ctx, art(id, src, "نسخة "+src+" من الخبر نفسه عن لقاء الوزيرين.", "w1"), []model.Event{ev("EGYGOV", "JORGOV", "040", 0)})
		if err != nil {
			t.Fatal(err)
		}
	}
	es := events(t, s, store.Query{})
	if len(es) != 1 || es[0].NumArticles != 3 || es[0].NumSources != 3 || es[0].Article != "w1" {
		t.Fatalf("events %+v", es)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Groups != 1 || st.GroupedArticles != 3 || st.Events != 1 || st.Mentions != 3 {
		t.Errorf("stats %+v", st)
	}
	// Re-coding the root article without the event moves the root.
	if err := s.ReplaceEvents(ctx, "w1", nil, "v2"); err != nil {
		t.Fatal(err)
	}
	es = events(t, s, store.Query{})
	if len(es) != 1 || es[0].Article != "w2" || es[0].NumArticles != 2 {
		t.Fatalf("after re-coding w1: %+v", es[0])
	}
	// Re-coding all three away deletes it; re-coding back restores it.
	for _, id := range []string{"w2", "w3"} {
		if err := s.ReplaceEvents(ctx, id, nil, "v2"); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, s, "events"); n != 0 {
		t.Errorf("%d events left", n)
	}
	if err := s.ReplaceEvents(ctx, "w1", []model.Event{ev("EGYGOV", "", "010", 1)}, "v3"); err != nil {
		t.Fatal(err)
	}
	es = events(t, s, store.Query{})
	if len(es) != 1 || es[0].DictVersion != "v3" || es[0].CAMEO != "010" {
		t.Fatalf("after re-coding back: %+v", es)
	}
	if err := s.ReplaceEvents(ctx, "nope", nil, "v"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ReplaceEvents(missing) = %v", err)
	}
}

func TestEventQueries(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	put := func(id, date, text string, es ...model.Event) {
		a := art(id, "spa", text, "")
		a.Date = date
		if _, err := s.PutArticle(ctx, a, es); err != nil {
			t.Fatal(err)
		}
	}
	loc := ev("SAUGOV", "YEMREB", "190", 0)
	loc.Location = &model.Place{Name: "Aden", Country: "YEM", Lat: 12.8, Lon: 45.0, Span: model.Span{Start: 40, End: 48}}
	p := "FIGHT"
	loc.PLOVER, loc.QuadClass = &p, 4
	put("1", "2015-07-21", "التحالف يقصف مواقع الحوثيين في عدن.", loc)
	put("2", "2015-08-01", "وزير الخارجية السعودي يلتقي نظيره الصيني في الرياض لبحث التعاون.", ev("SAUGOV", "CHNGOV", "040", 0))
	put("3", "2015-08-02", "الصين تدعو إلى الحوار.", ev("CHNGOV", "", "020", 0))
	for _, c := range []struct {
		q    store.Query
		want int
	}{
		{store.Query{}, 3},
		{store.Query{Actor: "CHN"}, 2},
		{store.Query{Actor: "chngov", From: "2015-08-02"}, 1},
		{store.Query{Actor: "SAU", To: "2015-07-31"}, 1},
		{store.Query{Country: "YEM"}, 1},
		{store.Query{CAMEO: "04"}, 1},
		{store.Query{PLOVER: "fight"}, 1},
		{store.Query{Quad: 4}, 1},
		{store.Query{Place: "aden"}, 1},
		{store.Query{PlaceCountry: "YEM"}, 1},
		{store.Query{Text: "التعاون"}, 1},
		{store.Query{Text: "وبالتعاون"}, 1},
		{store.Query{Limit: 2}, 2},
	} {
		if got := len(events(t, s, c.q)); got != c.want {
			t.Errorf("%+v: %d events, want %d", c.q, got, c.want)
		}
	}
	hits, err := s.Search(ctx, "الصيني", 5)
	if err != nil || len(hits) != 1 || hits[0].ID != "2" || len(hits[0].Marks) != 1 {
		t.Fatalf("search: %+v %v", hits, err)
	}
	if _, err := s.Search(ctx, "...", 5); err == nil {
		t.Error("empty query did not fail")
	}
}

// TestEventQueryUsesIndexes checks the plan of a query by actor and date:
// it must search the (code, date) indexes, never scan the events table.
func TestEventQueryUsesIndexes(t *testing.T) {
	s := open(t)
	q, args := EventsSQL(store.Query{Actor: "SAU", From: "2015-08-01", To: "2015-08-03", Limit: 100})
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		rows.Scan(&id, &parent, &unused, &detail)
		plan = append(plan, detail)
	}
	all := strings.Join(plan, "\n")
	if !strings.Contains(all, "events_source") || !strings.Contains(all, "events_target") {
		t.Errorf("plan does not use the actor indexes:\n%s", all)
	}
	if strings.Contains(all, "SCAN events") || strings.Contains(all, "SCAN e\n") {
		t.Errorf("plan scans events:\n%s", all)
	}
}

func TestSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	s.db.QueryRow(`SELECT version FROM schema_version`).Scan(&v)
	if v != SchemaVersion {
		t.Errorf("version %d, want %d", v, SchemaVersion)
	}
	s.db.Exec(`UPDATE schema_version SET version = ?`, SchemaVersion+1)
	s.Close()
	if _, err := Open(ctx, path); !errors.Is(err, store.ErrNewerSchema) {
		t.Errorf("opening a newer schema: %v", err)
	}
}

func TestFeeds(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	if _, err := s.Feed(ctx, "http://x/feed"); !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	s.PutFeed(ctx, store.FeedState{URL: "http://x/feed", ETag: `"1"`})
	s.PutFeed(ctx, store.FeedState{URL: "http://x/feed", ETag: `"2"`, LastModified: "Mon"})
	f, err := s.Feed(ctx, "http://x/feed")
	if err != nil || f.ETag != `"2"` || f.LastModified != "Mon" {
		t.Errorf("feed %+v %v", f, err)
	}
}
