// Package store defines what marsad keeps: articles, the events coded from
// them and the wire-copy groups that tie copies of one story together. The
// Store interface is what the ingest pipeline and the CLI need; the default
// implementation, SQLite in one file, is in store/sqlite, and only the CLI
// constructs it.
//
// # Events and mentions (GDELT semantics)
//
// Articles that carry the same story (wire copies, found by near-duplicate
// detection) share a group. An event is one distinct (source, target,
// CAMEO code, negation, location) within a group: the first article that
// reports it is its root, and every article that reports it, the root
// included, adds a mention. Exact copies of an article (the same normalised
// text, a second time) are not stored again: they are recorded as copies of
// the first and mention its events. NumMentions, NumArticles and NumSources
// count mentions, distinct mentioning documents and distinct sources, so a
// story run by five papers is one event with five articles, never five
// events.
package store

import (
	"context"
	"errors"
	"iter"

	"github.com/marsad-project/marsad/internal/model"
)

// ErrNotFound is returned by lookups that find nothing.
var ErrNotFound = errors.New("store: not found")

// ErrNewerSchema is returned when a database was written by a newer marsad.
var ErrNewerSchema = errors.New("store: database schema is newer than this marsad; upgrade marsad")

// Article is one stored article.
type Article struct {
	ID          string
	Source      string
	URL         string
	Title       string
	Date        string // YYYY-MM-DD or ""
	Text        string // as ingested (invalid UTF-8 replaced byte for byte)
	ContentHash string // hex SHA-256 of the normalised text (see ContentHash)
	SimHash     uint64 // near-duplicate fingerprint
	GroupID     string // id of the first article of its wire-copy group
	DictVersion string // dictionary version its events were coded with
	CodedAt     string // RFC 3339, UTC

	// Index holds the search tokens of title and text (see IndexTokens),
	// computed by the caller so the writer does not have to; empty means
	// the store computes them.
	IndexTitle, IndexText string
}

// Copy is an exact duplicate of a stored article: the same normalised text
// under another id. Only its metadata is kept.
type Copy struct {
	ID      string
	Of      string // the stored article's id
	Source  string
	URL     string
	Title   string
	Date    string
	AddedAt string
}

// Item is one article of a PutBatch, with its coded events.
type Item struct {
	Article *Article
	Events  []model.Event
}

// Status says what PutBatch did with an item.
type Status uint8

// Statuses.
const (
	Skipped Status = iota // already stored: same id and text, or a known copy
	Added                 // a new article
	Copied                // an exact copy of a stored article, recorded as such
)

var statusNames = [...]string{"skipped", "added", "copied"}

func (s Status) String() string { return statusNames[s] }

// Result is what PutBatch did with one item. ID is the id it was stored
// under: an article whose id is already taken by a different text is
// stored as ID~HASH8, so nothing is lost and a rerun does the same.
type Result struct {
	Status Status
	ID     string
	Of     string // for Copied, the stored article
}

// Event is one stored event: the coder's event as first reported (spans
// point into the root article), with the wire-group counts.
type Event struct {
	ID      int64  `json:"id"`
	Article string `json:"article"` // root article: the first to report the event
	GroupID string `json:"group_id"`
	model.Event
	DictVersion string `json:"dict_version"`
	NumMentions int    `json:"num_mentions"` // mentions in all documents of the group, copies included
	NumArticles int    `json:"num_articles"` // distinct documents that mention it
	NumSources  int    `json:"num_sources"`  // distinct sources that mention it
	SourceName  string `json:"news_source"`  // root article's source
	URL         string `json:"url"`          // root article's URL
	AddedAt     string `json:"added_at"`     // when the root article was coded (RFC 3339)
}

// Mention is one report of an event in one document (GDELT's mentions).
type Mention struct {
	Event      int64
	Article    string // the mentioning article or copy
	Source     string
	URL        string
	Date       string // the mentioning document's date
	Sentence   int
	SourceSpan model.Span // zero when the side has no actor
	TargetSpan model.Span
	Trigger    model.Span
	Mentions   int // times the coder saw it in this document
	Confidence int // 10–100, GDELT-style
	Copy       bool
	DocLen     int    // bytes of the document's text
	Text       string // the document's text when asked for (MentionsWithText)
}

// Query selects events. Zero fields do not filter.
type Query struct {
	Actor        string // source or target actor code, or a prefix of it (CHN, CHNGOV)
	Country      string // source or target country (ISO-3 or IGO block)
	CAMEO        string // code prefix: 04, 042
	PLOVER       string // PLOVER category, e.g. CONSULT
	Quad         int    // 1–4
	From, To     string // inclusive YYYY-MM-DD bounds on the event date
	Place        string // location name (English, case-insensitive)
	PlaceCountry string // location country ISO-3
	Text         string // full-text query over the events' articles
	Article      string // root article id
	Limit        int    // 0: no limit
	AfterID      int64  // keyset paging: only ids greater than this
}

// Hit is one search result.
type Hit struct {
	ID, Title, Source, Date, URL string
	Score                        float64      // bm25; lower is better
	Snippet                      string       // a piece of the original text
	At                           int          // byte offset of Snippet in the article text
	Marks                        []model.Span // matched words, relative to Snippet
}

// Stats summarises a store.
type Stats struct {
	Articles, Copies, Events, Mentions int
	Groups                             int // wire-copy groups with more than one article
	GroupedArticles                    int // articles in those groups
	ByRoot                             []Count
	TopActors                          []Count
	Sources                            []Count
	DictVersions                       []Count
}

// Count is a labelled count.
type Count struct {
	Key string
	N   int
}

// Fingerprint is what near-duplicate grouping needs of a stored article.
type Fingerprint struct {
	ID          string
	SimHash     uint64
	ContentHash string
	GroupID     string
}

// FeedState is what is remembered of a polled feed.
type FeedState struct {
	URL          string
	ETag         string
	LastModified string
	CheckedAt    string
}

// Store is marsad's storage. Implementations are safe for concurrent use.
type Store interface {
	// PutBatch stores items in one transaction, in order. An article
	// whose text (content hash) is stored under another id becomes a
	// Copy of it, mentioning its events; one stored already is skipped;
	// so a batch can be repeated safely. Events need the article's
	// GroupID (its own id when empty).
	PutBatch(ctx context.Context, items []Item) ([]Result, error)
	// PutArticle stores one article and its events in one transaction.
	PutArticle(ctx context.Context, a *Article, events []model.Event) (Result, error)
	// HasHash returns the id of the stored article with this content hash,
	// or ErrNotFound.
	HasHash(ctx context.Context, hash string) (string, error)
	// HasID reports whether an article or copy with this id is stored.
	HasID(ctx context.Context, id string) (bool, error)
	// HasURL reports whether an article or copy with this URL is stored.
	HasURL(ctx context.Context, url string) (bool, error)
	// Article returns one article, or ErrNotFound.
	Article(ctx context.Context, id string) (*Article, error)
	// Articles iterates over stored articles in insertion order, without
	// holding the database between pages, so the caller may write.
	Articles(ctx context.Context) iter.Seq2[*Article, error]
	// Fingerprints iterates over every article's near-duplicate data.
	Fingerprints(ctx context.Context) iter.Seq2[Fingerprint, error]
	// Events iterates over events matching q, by id.
	Events(ctx context.Context, q Query) iter.Seq2[*Event, error]
	// Mentions iterates over every mention, by event then document.
	Mentions(ctx context.Context, withText bool) iter.Seq2[*Mention, error]
	// Search runs a full-text query and returns the best hits.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// ReplaceEvents replaces the events of one article (and its copies'
	// mentions) in one transaction, recording the dictionary version.
	ReplaceEvents(ctx context.Context, article string, events []model.Event, dictVersion string) error
	// Stats summarises the store.
	Stats(ctx context.Context) (Stats, error)
	// Feed returns what is remembered of a feed, or ErrNotFound.
	Feed(ctx context.Context, url string) (FeedState, error)
	// PutFeed remembers a feed's state.
	PutFeed(ctx context.Context, f FeedState) error
	// Close releases the store.
	Close() error
}
