// Package sqlite is marsad's default store: one SQLite file in WAL mode,
// through the pure-Go driver modernc.org/sqlite, so the binary stays
// static. Full-text search is FTS5 over marsad's own analysed tokens.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DefaultPath is the database file used when no --db is given.
const DefaultPath = "marsad.db"

// Store is a store.Store in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path and brings its
// schema up to date. It refuses a database written by a newer marsad.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		path = DefaultPath
	}
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"busy_timeout(30000)",
		// NORMAL is safe in WAL mode against a killed process; only an OS
		// crash or power loss can lose the last transactions.
		"synchronous(NORMAL)",
		"cache_size(-65536)",
		"temp_store(MEMORY)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// One connection: SQLite writes one transaction at a time anyway, and
	// a second connection would find its page cache stale after every
	// commit of the first and throw it away (pager_reset), which measured
	// as a third of ingest time. Iterators read a page of rows and close
	// them before yielding, so callers may query inside their loops.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, path: path, now: time.Now}, nil
}

// SetClock replaces the clock that stamps coded_at and added_at, for
// reproducible exports in tests.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DB exposes the database for tests and benchmarks.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// PutArticle stores one article and its events in one transaction.
func (s *Store) PutArticle(ctx context.Context, a *store.Article, events []model.Event) (store.Result, error) {
	rs, err := s.PutBatch(ctx, []store.Item{{Article: a, Events: events}})
	if err != nil {
		return store.Result{}, err
	}
	return rs[0], nil
}

// PutBatch stores items in one transaction; see store.Store.
func (s *Store) PutBatch(ctx context.Context, items []store.Item) ([]store.Result, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	w := &writer{tx: tx, ctx: ctx, now: s.stamp(), dirty: map[int64]bool{}}
	out := make([]store.Result, len(items))
	for i, it := range items {
		r, err := w.put(it.Article, it.Events)
		if err != nil {
			return nil, fmt.Errorf("store: article %s: %w", it.Article.ID, err)
		}
		out[i] = r
	}
	if err := w.recount(); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: commit: %w", err)
	}
	return out, nil
}

// writer does the work of one write transaction.
type writer struct {
	tx    *sql.Tx
	ctx   context.Context
	now   string
	dirty map[int64]bool // events whose counts must be recomputed
	stmts map[string]*sql.Stmt
}

func (w *writer) stmt(q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	st, err := w.tx.PrepareContext(w.ctx, q)
	if err != nil {
		return nil, err
	}
	w.stmts[q] = st
	return st, nil
}

func (w *writer) exec(q string, args ...any) (sql.Result, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

func (w *writer) queryRow(q string, args ...any) *sql.Row {
	st, err := w.stmt(q)
	if err != nil {
		return w.tx.QueryRowContext(w.ctx, q, args...)
	}
	return st.QueryRowContext(w.ctx, args...)
}

func (w *writer) put(a *store.Article, events []model.Event) (store.Result, error) {
	if a.ContentHash == "" {
		a.ContentHash = store.ContentHash(a.Text)
	}
	// Same text stored already?
	var have string
	err := w.queryRow(`SELECT id FROM articles WHERE content_hash = ?`, a.ContentHash).Scan(&have)
	switch {
	case err == nil:
		if have == a.ID {
			return store.Result{Status: store.Skipped, ID: a.ID}, nil
		}
		return w.putCopy(a, have)
	case err != sql.ErrNoRows:
		return store.Result{}, err
	}
	// Id taken by another text (or by a copy)?
	id := a.ID
	if taken, err := w.idTaken(id); err != nil {
		return store.Result{}, err
	} else if taken {
		id = a.ID + "~" + a.ContentHash[:8]
		if taken, err := w.idTaken(id); err != nil || taken {
			return store.Result{Status: store.Skipped, ID: id}, err
		}
	}
	if a.GroupID == a.ID {
		a.GroupID = id
	}
	a.ID = id
	if a.GroupID == "" {
		a.GroupID = a.ID
	}
	if a.CodedAt == "" {
		a.CodedAt = w.now
	}
	res, err := w.exec(`INSERT INTO articles (id, source, url, title, date, text, content_hash, simhash, group_id, dict_version, coded_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.Source, a.URL, a.Title, a.Date, a.Text, a.ContentHash, int64(a.SimHash), a.GroupID, a.DictVersion, a.CodedAt)
	if err != nil {
		return store.Result{}, err
	}
	n, _ := res.LastInsertId()
	it, ib := a.IndexTitle, a.IndexText
	if it == "" && ib == "" {
		an := store.NewAnalyzer()
		it, _ = an.Analyze(a.Title, nil)
		ib, _ = an.Analyze(a.Text, nil)
	}
	if _, err := w.exec(`INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)`, n, it, ib); err != nil {
		return store.Result{}, err
	}
	doc := docInfo{article: a.ID, of: a.ID, source: a.Source, url: a.URL, date: a.Date, docLen: len(a.Text)}
	if err := w.insertEvents(a, doc, events); err != nil {
		return store.Result{}, err
	}
	return store.Result{Status: store.Added, ID: a.ID}, nil
}

func (w *writer) idTaken(id string) (bool, error) {
	var one int
	err := w.queryRow(`SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM copies WHERE id = ? LIMIT 1`, id, id).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, err
}

// putCopy records a as an exact copy of the stored article of, and copies
// of's own mentions to it.
func (w *writer) putCopy(a *store.Article, of string) (store.Result, error) {
	if taken, err := w.idTaken(a.ID); err != nil || taken {
		return store.Result{Status: store.Skipped, ID: a.ID, Of: of}, err
	}
	if _, err := w.exec(`INSERT INTO copies (id, article, source, url, title, date, added_at) VALUES (?,?,?,?,?,?,?)`,
		a.ID, of, a.Source, a.URL, a.Title, a.Date, w.now); err != nil {
		return store.Result{}, err
	}
	res, err := w.exec(`INSERT INTO event_mentions (event, article, of_article, copy, source, url, date, sentence,
		source_text, source_start, source_end, target_text, target_start, target_end,
		trigger_text, trigger_start, trigger_end, location_start, location_end, mentions, confidence, doc_len, dict_version)
		SELECT event, ?1, of_article, 1, ?2, ?3, ?5, sentence,
		source_text, source_start, source_end, target_text, target_start, target_end,
		trigger_text, trigger_start, trigger_end, location_start, location_end, mentions, confidence, doc_len, dict_version
		FROM event_mentions WHERE of_article = ?4 AND article = ?4 ORDER BY id`, a.ID, a.Source, a.URL, of, a.Date)
	if err != nil {
		return store.Result{}, err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		if err := w.markDirty(`SELECT DISTINCT event FROM event_mentions WHERE of_article = ? AND article = ?`, of, a.ID); err != nil {
			return store.Result{}, err
		}
	}
	return store.Result{Status: store.Copied, ID: a.ID, Of: of}, nil
}

func (w *writer) markDirty(q string, args ...any) error {
	rows, err := w.tx.QueryContext(w.ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		w.dirty[id] = true
	}
	return rows.Err()
}

// docInfo is a document that mentions events.
type docInfo struct {
	article, of, source, url, date string
	copy                           bool
	docLen                         int
}

// eventKey is an event's identity inside its wire group: the same dyad,
// code, negation and place reported twice is one event mentioned twice.
func eventKey(e *model.Event) string {
	var b strings.Builder
	if e.Source != nil {
		b.WriteString(e.Source.Code)
	}
	b.WriteByte('|')
	if e.Target != nil {
		b.WriteString(e.Target.Code)
	}
	b.WriteByte('|')
	b.WriteString(e.CAMEO)
	if e.Negated {
		b.WriteString("|not")
	} else {
		b.WriteString("|")
	}
	b.WriteByte('|')
	if e.Location != nil {
		b.WriteString(e.Location.Country)
		b.WriteByte('/')
		b.WriteString(e.Location.Name)
	}
	return b.String()
}

// Confidence is a GDELT-style confidence (10–100) for one mention: how
// completely the coder filled the event from this sentence.
func Confidence(e *model.Event) int {
	c := 40
	if e.Source != nil {
		c += 20
	}
	if e.Target != nil {
		c += 20
	}
	if e.Location != nil {
		c += 10
	}
	if e.Sentence == 0 {
		c += 10
	}
	if e.Negated {
		c -= 20
	}
	return max(10, min(100, c))
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// insertEvents stores the events a's coding produced: a mention for a and
// for each copy of a, and a new event for each key not yet in a's group.
func (w *writer) insertEvents(a *store.Article, doc docInfo, events []model.Event) error {
	if w.dirty == nil {
		w.dirty = map[int64]bool{}
	}
	docs := []docInfo{doc}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, source, url, date FROM copies WHERE article = ? ORDER BY rowid`, a.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		c := docInfo{of: a.ID, copy: true, docLen: doc.docLen}
		if err := rows.Scan(&c.article, &c.source, &c.url, &c.date); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range events {
		e := &events[i]
		key := eventKey(e)
		var id int64
		err := w.queryRow(`SELECT id FROM events WHERE group_id = ? AND key = ?`, a.GroupID, key).Scan(&id)
		if err == sql.ErrNoRows {
			id, err = w.insertEvent(a, key, e)
		}
		if err != nil {
			return err
		}
		for _, d := range docs {
			if err := w.insertMention(id, d, e, a.DictVersion); err != nil {
				return err
			}
		}
		w.dirty[id] = true
		if err := w.putActor(e.Source); err != nil {
			return err
		}
		if err := w.putActor(e.Target); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) putActor(a *model.Actor) error {
	if a == nil || a.Code == "" {
		return nil
	}
	_, err := w.exec(`INSERT OR IGNORE INTO actors (code, country, sector, name) VALUES (?,?,?,?)`, a.Code, a.Country, a.Sector, a.Name)
	return err
}

type actorCols struct {
	code, country, sector, name, text any
	start, end                        any
}

func actorArgs(a *model.Actor) actorCols {
	if a == nil {
		return actorCols{}
	}
	return actorCols{a.Code, a.Country, a.Sector, a.Name, a.Text, a.Span.Start, a.Span.End}
}

type placeCols struct{ name, country, lat, lon, start, end any }

func placeArgs(p *model.Place) placeCols {
	if p == nil {
		return placeCols{}
	}
	return placeCols{p.Name, p.Country, p.Lat, p.Lon, p.Span.Start, p.Span.End}
}

func (w *writer) insertEvent(a *store.Article, key string, e *model.Event) (int64, error) {
	trace, err := json.Marshal(e.Trace)
	if err != nil {
		return 0, err
	}
	if e.Trace == nil {
		trace = []byte("[]")
	}
	date := e.Date
	if date == "" {
		date = a.Date
	}
	var plover any
	if e.PLOVER != nil {
		plover = *e.PLOVER
	}
	src, tgt, loc := actorArgs(e.Source), actorArgs(e.Target), placeArgs(e.Location)
	res, err := w.exec(`INSERT INTO events (article, group_id, key, sentence,
		source_code, source_country, source_sector, source_name, source_text, source_start, source_end,
		target_code, target_country, target_sector, target_name, target_text, target_start, target_end,
		cameo, cameo_name, plover, goldstein, quad_class,
		location_name, location_country, location_lat, location_lon, location_start, location_end,
		date, trigger_text, trigger_start, trigger_end, negated, mentions, trace, dict_version, added_at)
		VALUES (?,?,?,?, ?,?,?,?,?,?,?, ?,?,?,?,?,?,?, ?,?,?,?,?, ?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?)`,
		a.ID, a.GroupID, key, e.Sentence,
		src.code, src.country, src.sector, src.name, src.text, src.start, src.end,
		tgt.code, tgt.country, tgt.sector, tgt.name, tgt.text, tgt.start, tgt.end,
		e.CAMEO, e.CAMEOName, plover, e.Goldstein, e.QuadClass,
		loc.name, loc.country, loc.lat, loc.lon, loc.start, loc.end,
		date, e.Trigger.Text, e.Trigger.Span.Start, e.Trigger.Span.End, e.Negated, max(1, e.Mentions), string(trace), a.DictVersion, a.CodedAt)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (w *writer) insertMention(event int64, d docInfo, e *model.Event, dictVersion string) error {
	src, tgt, loc := actorArgs(e.Source), actorArgs(e.Target), placeArgs(e.Location)
	_, err := w.exec(`INSERT INTO event_mentions (event, article, of_article, copy, source, url, date, sentence,
		source_text, source_start, source_end, target_text, target_start, target_end,
		trigger_text, trigger_start, trigger_end, location_start, location_end, mentions, confidence, doc_len, dict_version)
		VALUES (?,?,?,?,?,?,?,?, ?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?)`,
		event, d.article, d.of, d.copy, d.source, d.url, d.date, e.Sentence,
		src.text, src.start, src.end, tgt.text, tgt.start, tgt.end,
		e.Trigger.Text, e.Trigger.Span.Start, e.Trigger.Span.End, loc.start, loc.end,
		max(1, e.Mentions), Confidence(e), d.docLen, dictVersion)
	return err
}

// recount recomputes the GDELT counts of every event touched by the
// transaction.
func (w *writer) recount() error {
	for id := range w.dirty {
		if _, err := w.exec(`UPDATE events SET
			num_mentions = (SELECT COALESCE(SUM(mentions),0) FROM event_mentions WHERE event = ?1),
			num_articles = (SELECT COUNT(DISTINCT article) FROM event_mentions WHERE event = ?1),
			num_sources  = (SELECT COUNT(DISTINCT source) FROM event_mentions WHERE event = ?1)
			WHERE id = ?1`, id); err != nil {
			return fmt.Errorf("store: recount: %w", err)
		}
	}
	clear(w.dirty)
	return nil
}

// ReplaceEvents replaces the events that one article's coding produced, in
// one transaction. Events it was the root of but that other articles also
// report move to the earliest remaining mention; the others go.
func (s *Store) ReplaceEvents(ctx context.Context, article string, events []model.Event, dictVersion string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	w := &writer{tx: tx, ctx: ctx, now: s.stamp(), dirty: map[int64]bool{}}
	a, err := articleByID(ctx, tx, article)
	if err != nil {
		return err
	}
	if err := w.markDirty(`SELECT DISTINCT event FROM event_mentions WHERE of_article = ?`, article); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if _, err := w.exec(`DELETE FROM event_mentions WHERE of_article = ?`, article); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	// Drop events nobody mentions any more; re-root the rest.
	for id := range w.dirty {
		var m struct {
			id               int64
			article          string
			sentence         int
			st, tt, trt      sql.NullString
			ss, se, ts, te   sql.NullInt64
			trs, tre, ls, le sql.NullInt64
		}
		err := tx.QueryRowContext(ctx, `SELECT id, of_article, sentence, source_text, source_start, source_end,
			target_text, target_start, target_end, trigger_text, trigger_start, trigger_end, location_start, location_end
			FROM event_mentions WHERE event = ? AND copy = 0 ORDER BY id LIMIT 1`, id).Scan(
			&m.id, &m.article, &m.sentence, &m.st, &m.ss, &m.se, &m.tt, &m.ts, &m.te, &m.trt, &m.trs, &m.tre, &m.ls, &m.le)
		if err == sql.ErrNoRows {
			if _, err := w.exec(`DELETE FROM events WHERE id = ?`, id); err != nil {
				return fmt.Errorf("store: %w", err)
			}
			delete(w.dirty, id)
			continue
		}
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		if _, err := w.exec(`UPDATE events SET article = ?, sentence = ?, source_text = ?, source_start = ?, source_end = ?,
			target_text = ?, target_start = ?, target_end = ?, trigger_text = ?, trigger_start = ?, trigger_end = ?,
			location_start = ?, location_end = ? WHERE id = ? AND article = ?`,
			m.article, m.sentence, m.st, m.ss, m.se, m.tt, m.ts, m.te, m.trt, m.trs, m.tre, m.ls, m.le, id, article); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	a.DictVersion = dictVersion
	a.CodedAt = w.now
	if _, err := w.exec(`UPDATE articles SET dict_version = ?, coded_at = ? WHERE id = ?`, dictVersion, a.CodedAt, article); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	doc := docInfo{article: a.ID, of: a.ID, source: a.Source, url: a.URL, date: a.Date, docLen: len(a.Text)}
	if err := w.insertEvents(a, doc, events); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if err := w.recount(); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const articleCols = `n, id, source, url, title, date, text, content_hash, simhash, group_id, dict_version, coded_at`

func scanArticle(sc interface{ Scan(...any) error }) (*store.Article, int64, error) {
	var a store.Article
	var n, sh int64
	err := sc.Scan(&n, &a.ID, &a.Source, &a.URL, &a.Title, &a.Date, &a.Text, &a.ContentHash, &sh, &a.GroupID, &a.DictVersion, &a.CodedAt)
	a.SimHash = uint64(sh)
	return &a, n, err
}

func articleByID(ctx context.Context, q queryer, id string) (*store.Article, error) {
	a, _, err := scanArticle(q.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return a, nil
}

// Article returns one stored article.
func (s *Store) Article(ctx context.Context, id string) (*store.Article, error) {
	return articleByID(ctx, s.db, id)
}

// HasHash returns the id of the article with this content hash.
func (s *Store) HasHash(ctx context.Context, hash string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM articles WHERE content_hash = ?`, hash).Scan(&id)
	if err == sql.ErrNoRows {
		return "", store.ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("store: %w", err)
	}
	return id, nil
}

// HasID reports whether an article or copy has this id.
func (s *Store) HasID(ctx context.Context, id string) (bool, error) {
	return s.exists(ctx, `SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM copies WHERE id = ? LIMIT 1`, id)
}

// HasURL reports whether an article or copy has this URL.
func (s *Store) HasURL(ctx context.Context, u string) (bool, error) {
	if u == "" {
		return false, nil
	}
	return s.exists(ctx, `SELECT 1 FROM articles WHERE url = ? AND url <> '' UNION ALL SELECT 1 FROM copies WHERE url = ? AND url <> '' LIMIT 1`, u)
}

func (s *Store) exists(ctx context.Context, q, arg string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, q, arg, arg).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: %w", err)
	}
	return true, nil
}

// pageSize is how many rows the iterators read per query.
const pageSize = 256

// Articles iterates over articles in insertion order, one page per query.
func (s *Store) Articles(ctx context.Context) iter.Seq2[*store.Article, error] {
	return func(yield func(*store.Article, error) bool) {
		var after int64
		for {
			rows, err := s.db.QueryContext(ctx, `SELECT `+articleCols+` FROM articles WHERE n > ? ORDER BY n LIMIT ?`, after, pageSize)
			if err != nil {
				yield(nil, fmt.Errorf("store: %w", err))
				return
			}
			var page []*store.Article
			for rows.Next() {
				a, n, err := scanArticle(rows)
				if err != nil {
					rows.Close()
					yield(nil, fmt.Errorf("store: %w", err))
					return
				}
				page = append(page, a)
				after = n
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				yield(nil, fmt.Errorf("store: %w", err))
				return
			}
			for _, a := range page {
				if !yield(a, nil) {
					return
				}
			}
			if len(page) < pageSize {
				return
			}
		}
	}
}

// Fingerprints iterates over every article's fingerprint, content hash
// and group, in insertion order, a page at a time.
func (s *Store) Fingerprints(ctx context.Context) iter.Seq2[store.Fingerprint, error] {
	return func(yield func(store.Fingerprint, error) bool) {
		var after int64
		for {
			rows, err := s.db.QueryContext(ctx, `SELECT n, id, simhash, content_hash, group_id FROM articles WHERE n > ? ORDER BY n LIMIT ?`, after, 4096)
			if err != nil {
				yield(store.Fingerprint{}, fmt.Errorf("store: %w", err))
				return
			}
			var page []store.Fingerprint
			for rows.Next() {
				var f store.Fingerprint
				var sh int64
				if err := rows.Scan(&after, &f.ID, &sh, &f.ContentHash, &f.GroupID); err != nil {
					rows.Close()
					yield(f, fmt.Errorf("store: %w", err))
					return
				}
				f.SimHash = uint64(sh)
				page = append(page, f)
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				yield(store.Fingerprint{}, fmt.Errorf("store: %w", err))
				return
			}
			for _, f := range page {
				if !yield(f, nil) {
					return
				}
			}
			if len(page) < 4096 {
				return
			}
		}
	}
}

// Feed returns what is remembered of a feed.
func (s *Store) Feed(ctx context.Context, u string) (store.FeedState, error) {
	f := store.FeedState{URL: u}
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, checked_at FROM feeds WHERE url = ?`, u).Scan(&f.ETag, &f.LastModified, &f.CheckedAt)
	if err == sql.ErrNoRows {
		return f, store.ErrNotFound
	}
	if err != nil {
		return f, fmt.Errorf("store: %w", err)
	}
	return f, nil
}

// PutFeed remembers a feed's state.
func (s *Store) PutFeed(ctx context.Context, f store.FeedState) error {
	if f.CheckedAt == "" {
		f.CheckedAt = s.stamp()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (?,?,?,?)
		ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
		f.URL, f.ETag, f.LastModified, f.CheckedAt)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// Stats summarises the store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	for _, q := range []struct {
		sql string
		dst []any
	}{
		{`SELECT COUNT(*) FROM articles`, []any{&st.Articles}},
		{`SELECT COUNT(*) FROM copies`, []any{&st.Copies}},
		{`SELECT COUNT(*) FROM events`, []any{&st.Events}},
		{`SELECT COUNT(*) FROM event_mentions`, []any{&st.Mentions}},
		{`SELECT COUNT(*), COALESCE(SUM(k),0) FROM (SELECT COUNT(*) AS k FROM articles GROUP BY group_id HAVING k > 1)`, []any{&st.Groups, &st.GroupedArticles}},
	} {
		if err := s.db.QueryRowContext(ctx, q.sql).Scan(q.dst...); err != nil {
			return st, fmt.Errorf("store: %w", err)
		}
	}
	var err error
	if st.ByRoot, err = s.counts(ctx, `SELECT substr(cameo,1,2), COUNT(*) FROM events GROUP BY 1 ORDER BY 1`); err != nil {
		return st, err
	}
	if st.TopActors, err = s.counts(ctx, `SELECT code, COUNT(*) AS k FROM (SELECT source_code AS code FROM events WHERE source_code IS NOT NULL
		UNION ALL SELECT target_code FROM events WHERE target_code IS NOT NULL) GROUP BY code ORDER BY k DESC, code LIMIT 10`); err != nil {
		return st, err
	}
	if st.Sources, err = s.counts(ctx, `SELECT source, COUNT(*) AS k FROM articles GROUP BY source ORDER BY k DESC, source`); err != nil {
		return st, err
	}
	if st.DictVersions, err = s.counts(ctx, `SELECT dict_version, COUNT(*) AS k FROM articles GROUP BY dict_version ORDER BY k DESC`); err != nil {
		return st, err
	}
	return st, nil
}

func (s *Store) counts(ctx context.Context, q string) ([]store.Count, error) {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []store.Count
	for rows.Next() {
		var c store.Count
		var k sql.NullString
		if err := rows.Scan(&k, &c.N); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		c.Key = k.String
		out = append(out, c)
	}
	return out, rows.Err()
}
