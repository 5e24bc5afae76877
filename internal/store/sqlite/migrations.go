package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/marsad-project/marsad/internal/store"
)

// migrations is append-only: never edit or reorder an entry once it has
// shipped; add a new one. Each runs in a transaction of its own together
// with the schema_version bump, so a crash leaves the schema at a version.
var migrations = []func(tx *sql.Tx) error{
	migrate1,
}

// SchemaVersion is the schema this marsad writes.
var SchemaVersion = len(migrations)

func migrate1(tx *sql.Tx) error {
	return execAll(tx, `
CREATE TABLE articles (
	n            INTEGER PRIMARY KEY,          -- insertion order, the FTS rowid
	id           TEXT NOT NULL UNIQUE,
	source       TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL,
	content_hash TEXT NOT NULL UNIQUE,
	simhash      INTEGER NOT NULL DEFAULT 0,   -- uint64 stored as its int64 bits
	group_id     TEXT NOT NULL,
	dict_version TEXT NOT NULL DEFAULT '',
	coded_at     TEXT NOT NULL DEFAULT ''
)`, `CREATE INDEX articles_group ON articles(group_id)`,
		`CREATE INDEX articles_url ON articles(url) WHERE url <> ''`,
		`
CREATE TABLE copies (
	id       TEXT PRIMARY KEY,
	article  TEXT NOT NULL,                     -- the stored article with the same text
	source   TEXT NOT NULL DEFAULT '',
	url      TEXT NOT NULL DEFAULT '',
	title    TEXT NOT NULL DEFAULT '',
	date     TEXT NOT NULL DEFAULT '',
	added_at TEXT NOT NULL DEFAULT ''
)`, `CREATE INDEX copies_article ON copies(article)`,
		`CREATE INDEX copies_url ON copies(url) WHERE url <> ''`,
		`
CREATE TABLE events (
	id               INTEGER PRIMARY KEY,
	article          TEXT NOT NULL,            -- root: first article to report it
	group_id         TEXT NOT NULL,
	key              TEXT NOT NULL,            -- identity inside the group
	sentence         INTEGER NOT NULL,
	source_code      TEXT, source_country TEXT, source_sector TEXT, source_name TEXT,
	source_text      TEXT, source_start INTEGER, source_end INTEGER,
	target_code      TEXT, target_country TEXT, target_sector TEXT, target_name TEXT,
	target_text      TEXT, target_start INTEGER, target_end INTEGER,
	cameo            TEXT NOT NULL,
	cameo_name       TEXT NOT NULL DEFAULT '',
	plover           TEXT,
	goldstein        REAL NOT NULL,
	quad_class       INTEGER NOT NULL,
	location_name    TEXT, location_country TEXT, location_lat REAL, location_lon REAL,
	location_start   INTEGER, location_end INTEGER,
	date             TEXT NOT NULL DEFAULT '',  -- event date, else the article's
	trigger_text     TEXT NOT NULL DEFAULT '',
	trigger_start    INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
	negated          INTEGER NOT NULL DEFAULT 0,
	mentions         INTEGER NOT NULL DEFAULT 1, -- the coder's count in the root article
	trace            TEXT NOT NULL DEFAULT '[]', -- JSON array
	dict_version     TEXT NOT NULL DEFAULT '',
	num_mentions     INTEGER NOT NULL DEFAULT 0,
	num_articles     INTEGER NOT NULL DEFAULT 0,
	num_sources      INTEGER NOT NULL DEFAULT 0,
	added_at         TEXT NOT NULL DEFAULT ''
)`, `CREATE UNIQUE INDEX events_key ON events(group_id, key)`,
		`CREATE INDEX events_article ON events(article)`,
		`CREATE INDEX events_source ON events(source_code, date)`,
		`CREATE INDEX events_target ON events(target_code, date)`,
		`CREATE INDEX events_source_country ON events(source_country, date)`,
		`CREATE INDEX events_target_country ON events(target_country, date)`,
		`CREATE INDEX events_date ON events(date)`,
		`
CREATE TABLE event_mentions (
	id            INTEGER PRIMARY KEY,
	event         INTEGER NOT NULL,
	article       TEXT NOT NULL,              -- mentioning article or copy
	of_article    TEXT NOT NULL,              -- stored article whose coding made it
	copy          INTEGER NOT NULL DEFAULT 0,
	source        TEXT NOT NULL DEFAULT '',
	url           TEXT NOT NULL DEFAULT '',
	date          TEXT NOT NULL DEFAULT '',
	sentence      INTEGER NOT NULL,
	source_text   TEXT, source_start INTEGER, source_end INTEGER,
	target_text   TEXT, target_start INTEGER, target_end INTEGER,
	trigger_text  TEXT NOT NULL DEFAULT '',
	trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
	location_start INTEGER, location_end INTEGER,
	mentions      INTEGER NOT NULL DEFAULT 1,
	confidence    INTEGER NOT NULL,
	doc_len       INTEGER NOT NULL DEFAULT 0,
	dict_version  TEXT NOT NULL DEFAULT ''
)`, `CREATE INDEX mentions_event ON event_mentions(event)`,
		`CREATE INDEX mentions_of ON event_mentions(of_article)`,
		`
CREATE TABLE actors (
	code    TEXT PRIMARY KEY,
	country TEXT NOT NULL DEFAULT '',
	sector  TEXT NOT NULL DEFAULT '',
	name    TEXT NOT NULL DEFAULT ''
)`, `
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	checked_at    TEXT NOT NULL DEFAULT ''
)`,
		// The indexed columns hold marsad's analysed tokens (store.Analyzer),
		// not the text: contentless, so the text is kept once, in articles.
		// The tokens are already normalised and space-separated, so the
		// plain ascii tokenizer (bytes >= 0x80 are word characters) splits
		// them as written; unicode61 cost a tenth of ingest time.
		`CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='ascii')`,
	)
}

func execAll(tx *sql.Tx, stmts ...string) error {
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("%w in %.60q", err, s)
		}
	}
	return nil
}

// migrate brings the database to SchemaVersion, one transaction per step,
// and refuses a database from a newer marsad.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	for {
		done, err := migrateStep(ctx, db)
		if err != nil || done {
			return err
		}
	}
}

func migrateStep(ctx context.Context, db *sql.DB) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	var v int
	err = tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	switch {
	case err == sql.ErrNoRows:
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version VALUES (0)`); err != nil {
			return false, fmt.Errorf("store: %w", err)
		}
	case err != nil:
		return false, fmt.Errorf("store: %w", err)
	}
	if v > SchemaVersion {
		return false, fmt.Errorf("%w (database v%d, this marsad v%d)", store.ErrNewerSchema, v, SchemaVersion)
	}
	if v == SchemaVersion {
		return true, tx.Commit()
	}
	if err := migrations[v](tx); err != nil {
		return false, fmt.Errorf("store: migration %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, v+1); err != nil {
		return false, fmt.Errorf("store: %w", err)
	}
	return false, tx.Commit()
}
