package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"
	"strings"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

const eventCols = `e.id, e.article, e.group_id, e.sentence,
	e.source_code, e.source_country, e.source_sector, e.source_name, e.source_text, e.source_start, e.source_end,
	e.target_code, e.target_country, e.target_sector, e.target_name, e.target_text, e.target_start, e.target_end,
	e.cameo, e.cameo_name, e.plover, e.goldstein, e.quad_class,
	e.location_name, e.location_country, e.location_lat, e.location_lon, e.location_start, e.location_end,
	e.date, e.trigger_text, e.trigger_start, e.trigger_end, e.negated, e.mentions, e.trace, e.dict_version,
	e.num_mentions, e.num_articles, e.num_sources, e.added_at, a.source, a.url`

type nullActor struct {
	code, country, sector, name, text sql.NullString
	start, end                        sql.NullInt64
}

func (n *nullActor) dst() []any {
	return []any{&n.code, &n.country, &n.sector, &n.name, &n.text, &n.start, &n.end}
}

func (n *nullActor) actor() *model.Actor {
	if !n.code.Valid {
		return nil
	}
	return &model.Actor{Code: n.code.String, Country: n.country.String, Sector: n.sector.String, Name: n.name.String,
		Text: n.text.String, Span: model.Span{Start: int(n.start.Int64), End: int(n.end.Int64)}}
}

func scanEvent(rows *sql.Rows) (*store.Event, error) {
	var e store.Event
	var src, tgt nullActor
	var plover, lname, lcountry sql.NullString
	var lat, lon sql.NullFloat64
	var ls, le sql.NullInt64
	var trace string
	dst := []any{&e.ID, &e.Article, &e.GroupID, &e.Sentence}
	dst = append(dst, src.dst()...)
	dst = append(dst, tgt.dst()...)
	dst = append(dst, &e.CAMEO, &e.CAMEOName, &plover, &e.Goldstein, &e.QuadClass,
		&lname, &lcountry, &lat, &lon, &ls, &le,
		&e.Date, &e.Trigger.Text, &e.Trigger.Span.Start, &e.Trigger.Span.End, &e.Negated, &e.Mentions, &trace, &e.DictVersion,
		&e.NumMentions, &e.NumArticles, &e.NumSources, &e.AddedAt, &e.SourceName, &e.URL)
	if err := rows.Scan(dst...); err != nil {
		return nil, err
	}
	e.Source, e.Target = src.actor(), tgt.actor()
	if plover.Valid {
		p := plover.String
		e.PLOVER = &p
	}
	if lname.Valid {
		e.Location = &model.Place{Name: lname.String, Country: lcountry.String, Lat: lat.Float64, Lon: lon.Float64,
			Span: model.Span{Start: int(ls.Int64), End: int(le.Int64)}}
	}
	if err := json.Unmarshal([]byte(trace), &e.Trace); err != nil {
		return nil, fmt.Errorf("event %d trace: %w", e.ID, err)
	}
	if e.Trace == nil {
		e.Trace = []string{}
	}
	return &e, nil
}

// prefixRange turns a code prefix into a half-open range usable by an
// index: codes are ASCII, so bumping the last byte bounds the prefix.
func prefixRange(p string) (lo, hi string) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return p, string(b[:i+1])
		}
	}
	return p, "\U0010FFFF"
}

// eventFilter builds the WHERE clause of q. The actor and country filters
// match either side; they are written as a UNION of two index range scans
// so SQLite never falls back to reading the whole table.
func eventFilter(q store.Query) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	dateCond := func(col string) (string, []any) {
		var c []string
		var a []any
		if q.From != "" {
			c = append(c, col+" >= ?")
			a = append(a, q.From)
		}
		if q.To != "" {
			c = append(c, col+" <= ?")
			a = append(a, q.To)
		}
		if len(c) == 0 {
			return "", nil
		}
		return " AND " + strings.Join(c, " AND "), a
	}
	eitherSide := func(srcCol, tgtCol, val string, prefix bool) {
		dc, da := dateCond("date")
		var c1, c2 string
		var a1 []any
		if prefix {
			lo, hi := prefixRange(val)
			c1 = srcCol + " >= ? AND " + srcCol + " < ?"
			c2 = tgtCol + " >= ? AND " + tgtCol + " < ?"
			a1 = []any{lo, hi}
		} else {
			c1, c2 = srcCol+" = ?", tgtCol+" = ?"
			a1 = []any{val}
		}
		var a []any
		a = append(a, a1...)
		a = append(a, da...)
		a = append(a, a1...)
		a = append(a, da...)
		add("e.id IN (SELECT id FROM events WHERE "+c1+dc+" UNION SELECT id FROM events WHERE "+c2+dc+")", a...)
	}
	if q.Actor != "" {
		eitherSide("source_code", "target_code", strings.ToUpper(q.Actor), true)
	}
	if q.Country != "" {
		eitherSide("source_country", "target_country", strings.ToUpper(q.Country), false)
	}
	if q.CAMEO != "" {
		lo, hi := prefixRange(q.CAMEO)
		add("e.cameo >= ? AND e.cameo < ?", lo, hi)
	}
	if q.PLOVER != "" {
		add("e.plover = ?", strings.ToUpper(q.PLOVER))
	}
	if q.Quad != 0 {
		add("e.quad_class = ?", q.Quad)
	}
	if q.From != "" {
		add("e.date >= ?", q.From)
	}
	if q.To != "" {
		add("e.date <= ?", q.To)
	}
	if q.Place != "" {
		add("e.location_name = ? COLLATE NOCASE", q.Place)
	}
	if q.PlaceCountry != "" {
		add("e.location_country = ?", strings.ToUpper(q.PlaceCountry))
	}
	if q.Article != "" {
		add("e.article = ?", q.Article)
	}
	if q.Text != "" {
		pq := store.ParseQuery(q.Text)
		if pq.Empty() {
			add("0")
		} else {
			// Events any of whose mentioning articles matches.
			add(`e.id IN (SELECT m.event FROM event_mentions m JOIN articles a2 ON a2.id = m.of_article
				WHERE a2.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))`, pq.FTS5())
		}
	}
	if q.AfterID > 0 {
		add("e.id > ?", q.AfterID)
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// EventsSQL returns the statement Events runs for q, for EXPLAIN in tests.
func EventsSQL(q store.Query) (string, []any) {
	where, args := eventFilter(q)
	sqlText := `SELECT ` + eventCols + ` FROM events e JOIN articles a ON a.id = e.article` + where + ` ORDER BY e.id`
	if q.Limit > 0 {
		sqlText += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	return sqlText, args
}

// Events iterates over the events matching q, by id. Pages are read one
// query at a time so a long export never holds a read transaction open.
func (s *Store) Events(ctx context.Context, q store.Query) iter.Seq2[*store.Event, error] {
	return func(yield func(*store.Event, error) bool) {
		left := q.Limit
		for {
			pq := q
			pq.Limit = pageSize
			if left > 0 && left < pageSize {
				pq.Limit = left
			}
			sqlText, args := EventsSQL(pq)
			rows, err := s.db.QueryContext(ctx, sqlText, args...)
			if err != nil {
				yield(nil, fmt.Errorf("store: events: %w", err))
				return
			}
			var page []*store.Event
			for rows.Next() {
				e, err := scanEvent(rows)
				if err != nil {
					rows.Close()
					yield(nil, fmt.Errorf("store: events: %w", err))
					return
				}
				page = append(page, e)
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				yield(nil, fmt.Errorf("store: events: %w", err))
				return
			}
			for _, e := range page {
				if !yield(e, nil) {
					return
				}
			}
			if len(page) < pq.Limit {
				return
			}
			q.AfterID = page[len(page)-1].ID
			if left > 0 {
				left -= len(page)
				if left == 0 {
					return
				}
			}
		}
	}
}

// Mentions iterates over every mention by event then document. With
// withText, each carries its document's text (a copy's is its original's),
// read once per document.
func (s *Store) Mentions(ctx context.Context, withText bool) iter.Seq2[*store.Mention, error] {
	return func(yield func(*store.Mention, error) bool) {
		var afterID int64
		texts := map[string]string{}
		for {
			rows, err := s.db.QueryContext(ctx, `SELECT id, event, article, of_article, copy, source, url, date, sentence,
				source_start, source_end, target_start, target_end, trigger_start, trigger_end, mentions, confidence, doc_len
				FROM event_mentions WHERE id > ? ORDER BY id LIMIT ?`, afterID, pageSize)
			if err != nil {
				yield(nil, fmt.Errorf("store: mentions: %w", err))
				return
			}
			var page []*store.Mention
			var ofs []string
			for rows.Next() {
				var m store.Mention
				var of string
				var ss, se, ts, te sql.NullInt64
				if err := rows.Scan(&afterID, &m.Event, &m.Article, &of, &m.Copy, &m.Source, &m.URL, &m.Date, &m.Sentence,
					&ss, &se, &ts, &te, &m.Trigger.Start, &m.Trigger.End, &m.Mentions, &m.Confidence, &m.DocLen); err != nil {
					rows.Close()
					yield(nil, fmt.Errorf("store: mentions: %w", err))
					return
				}
				m.SourceSpan = model.Span{Start: int(ss.Int64), End: int(se.Int64)}
				m.TargetSpan = model.Span{Start: int(ts.Int64), End: int(te.Int64)}
				page = append(page, &m)
				ofs = append(ofs, of)
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				yield(nil, fmt.Errorf("store: mentions: %w", err))
				return
			}
			for i, m := range page {
				if withText {
					t, ok := texts[ofs[i]]
					if !ok {
						if len(texts) > 1024 {
							clear(texts)
						}
						if err := s.db.QueryRowContext(ctx, `SELECT text FROM articles WHERE id = ?`, ofs[i]).Scan(&t); err != nil {
							yield(nil, fmt.Errorf("store: mentions: text of %s: %w", ofs[i], err))
							return
						}
						texts[ofs[i]] = t
					}
					m.Text = t
				}
				if !yield(m, nil) {
					return
				}
			}
			if len(page) < pageSize {
				return
			}
		}
	}
}

// Search runs a full-text query: bm25 over the analysed title (weight 2)
// and body, with a snippet of the original text around the best matches.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	pq := store.ParseQuery(query)
	if pq.Empty() {
		return nil, fmt.Errorf("store: search: no words in %q", query)
	}
	if limit <= 0 {
		limit = 10
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.date, a.url, a.text, f.score
		FROM (SELECT rowid, bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ?) f
		JOIN articles a ON a.n = f.rowid ORDER BY f.score, a.n`, pq.FTS5(), limit)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		var text string
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &h.Date, &h.URL, &text, &h.Score); err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		h.Snippet, h.At, h.Marks = pq.Snippet(text, 24)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}
