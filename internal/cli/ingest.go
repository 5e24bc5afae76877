package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
)

func init() {
	register(&Command{
		Name:    "ingest",
		Summary: "read articles, feeds and pages into the store, coding their events",
		Usage: `ingest [--db PATH] [--feed URL]… [--feeds FILE] [--watch DURATION] [flags] [PATH|URL…]

Reads articles and stores them with their coded events in one SQLite file
(default marsad.db). A PATH is a file or a folder (read recursively):
  .txt         one article; its id is the file name
  .html .htm   a web page; the main text is extracted, the title is <title>
  .json        an array of records (or one record, or JSON lines)
  .jsonl       one record per line: {"id","text","title","date","url","source"}
               (name other fields with --field-text=content and the like)
  .gz          any of these, gzipped
A URL is a web page, or a feed when it serves RSS, Atom or JSON Feed.
--feed URL (repeatable) and --feeds FILE (one URL a line, # comments) read
feeds: each new item's page is fetched and its main text extracted; the
feed's ETag and Last-Modified are remembered, and --watch 10m polls them
again and again until interrupted. Addresses that are private, loopback or
link-local are refused unless --allow-private.

Re-ingesting is safe: a text already stored (same normalised text) adds
nothing, an exact copy under another id is recorded as a copy, and wire
copies (near-duplicates) are grouped, so their events are counted once with
more mentions. An interrupted ingest resumes where it stopped when run
again. A bad article is reported on stderr and skipped; the exit status is
1 only when an input could not be opened at all.`,
		Run: runIngest,
	})
}

// stringsFlag collects a repeatable string flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

// sizeFlag is a byte size written as 123, 64K, 16M or 1G.
type sizeFlag int64

func (s *sizeFlag) String() string { return strconv.FormatInt(int64(*s), 10) }
func (s *sizeFlag) Set(v string) error {
	mul := int64(1)
	switch {
	case strings.HasSuffix(v, "K"), strings.HasSuffix(v, "k"):
		mul, v = 1<<10, v[:len(v)-1]
	case strings.HasSuffix(v, "M"), strings.HasSuffix(v, "m"):
		mul, v = 1<<20, v[:len(v)-1]
	case strings.HasSuffix(v, "G"), strings.HasSuffix(v, "g"):
		mul, v = 1<<30, v[:len(v)-1]
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("want a size such as 16M")
	}
	*s = sizeFlag(n * mul)
	return nil
}

// dbFlag adds --db to a command's flags.
func dbFlag(fs interface {
	StringVar(*string, string, string, string)
}) *string {
	p := new(string)
	fs.StringVar(p, "db", sqlite.DefaultPath, "database file")
	return p
}

// openStore opens the SQLite store; it is the only place the CLI names the
// implementation.
func openStore(ctx context.Context, path string) (store.Store, error) {
	return sqlite.Open(ctx, path)
}

// openExisting opens a store for reading, refusing to create a new file.
func openExisting(ctx context.Context, path string) (store.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no database at %s (run \"marsad ingest --db %s …\" first)", path, path)
	}
	return openStore(ctx, path)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

type ingestOptions struct {
	db           *string
	feeds        stringsFlag
	feedsFile    string
	watch        time.Duration
	allowPrivate bool
	workers      int
	batch        int
	dicts        dictFlag
	maxSize      sizeFlag
	source       string
	fields       ingest.Fields
}

func runIngest(env *Env) error {
	fs := newFlags(env, "ingest")
	o := ingestOptions{maxSize: ingest.DefaultMaxSize, fields: ingest.DefaultFields}
	o.db = dbFlag(fs)
	fs.Var(&o.feeds, "feed", "RSS/Atom feed URL (repeatable)")
	fs.StringVar(&o.feedsFile, "feeds", "", "file of feed URLs, one a line")
	fs.DurationVar(&o.watch, "watch", 0, "poll the feeds again at this interval until interrupted (e.g. 10m)")
	fs.BoolVar(&o.allowPrivate, "allow-private", false, "allow fetching from private, loopback and link-local addresses")
	fs.IntVar(&o.workers, "workers", 0, "coding goroutines (default: one per CPU)")
	fs.IntVar(&o.batch, "batch", 256, "articles per database transaction")
	fs.Var(&o.dicts, "dict", "user dictionary folder layered over the built-ins (repeatable)")
	fs.Var(&o.maxSize, "max-size", "largest article, e.g. 16M")
	fs.StringVar(&o.source, "source", "", "source name for articles that carry none")
	fs.StringVar(&o.fields.ID, "field-id", o.fields.ID, "JSON field holding the article id")
	fs.StringVar(&o.fields.Text, "field-text", o.fields.Text, "JSON field holding the text")
	fs.StringVar(&o.fields.Title, "field-title", o.fields.Title, "JSON field holding the title")
	fs.StringVar(&o.fields.Date, "field-date", o.fields.Date, "JSON field holding the date")
	fs.StringVar(&o.fields.URL, "field-url", o.fields.URL, "JSON field holding the URL")
	fs.StringVar(&o.fields.Source, "field-source", o.fields.Source, "JSON field holding the source name")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if o.feedsFile != "" {
		urls, err := readURLList(o.feedsFile)
		if err != nil {
			return err
		}
		o.feeds = append(o.feeds, urls...)
	}
	if fs.NArg() == 0 && len(o.feeds) == 0 {
		return usagef("nothing to ingest: give a PATH, a URL or --feed URL")
	}
	if o.watch < 0 {
		return usagef("--watch must be positive")
	}
	if o.watch > 0 && len(o.feeds) == 0 {
		return usagef("--watch polls feeds: give --feed or --feeds")
	}
	d, err := dict.LoadWith(o.dicts...)
	if err != nil {
		return err
	}
	st, err := openStore(env.Ctx, *o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	rd := &ingest.Reader{Fields: o.fields, MaxSize: int64(o.maxSize), Source: o.source}
	p := newPipeline(env, st, d, "ingest")
	p.Workers, p.BatchSize = o.workers, o.batch
	fetcher := ingest.NewFetcher(o.allowPrivate)
	fr := &ingest.FeedReader{Fetcher: fetcher, Memory: st, Reader: rd}

	failed := 0
	paths := fs.Args()
	for round := 0; ; round++ {
		var states []store.FeedState
		sum, err := p.Run(env.Ctx, func(ctx context.Context, emit ingest.Emit) error {
			if round == 0 {
				for _, a := range paths {
					if err := ctx.Err(); err != nil {
						return err
					}
					var err error
					if isURL(a) {
						var fst *store.FeedState
						fst, err = ingestURL(ctx, fetcher, fr, rd, a, emit)
						if fst != nil {
							states = append(states, *fst)
						}
					} else {
						err = rd.Path(ctx, a, emit)
					}
					if err != nil {
						if ctx.Err() != nil {
							return ctx.Err()
						}
						fmt.Fprintf(env.Stderr, "marsad ingest: %s: %v\n", a, err)
						failed++
					}
				}
			}
			for _, u := range o.feeds {
				if err := ctx.Err(); err != nil {
					return err
				}
				fst, err := fr.Feed(ctx, u, emit)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					fmt.Fprintf(env.Stderr, "marsad ingest: feed %s: %v\n", u, err)
					failed++
					continue
				}
				states = append(states, fst)
			}
			return nil
		})
		fmt.Fprintf(env.Stderr, "marsad ingest: %s\n", sum)
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
		// Remember feed validators only now that their items are stored.
		for _, f := range states {
			if err := st.PutFeed(context.WithoutCancel(env.Ctx), f); err != nil {
				return err
			}
		}
		if o.watch == 0 || env.Ctx.Err() != nil {
			break
		}
		select {
		case <-env.Ctx.Done():
		case <-time.After(o.watch):
		}
		if env.Ctx.Err() != nil {
			break
		}
	}
	if failed > 0 && o.watch == 0 {
		return fmt.Errorf("%d inputs could not be read", failed)
	}
	return nil
}

// newPipeline sets up coding and reporting for ingest, demo and tests.
func newPipeline(env *Env, st store.Store, d *dict.Dict, cmd string) *ingest.Pipeline {
	p := &ingest.Pipeline{
		Store:       st,
		NewCoder:    func() ingest.CodeFunc { return coder.New(d).Code },
		DictVersion: d.Version(),
		Report: func(origin string, err error) {
			fmt.Fprintf(env.Stderr, "marsad %s: %s: %v\n", cmd, origin, err)
		},
		Note: func(origin, note string) {
			fmt.Fprintf(env.Stderr, "marsad %s: %s: note: %s\n", cmd, origin, note)
		},
	}
	if isTerminal(env.Stderr) {
		p.Progress = env.Stderr
	}
	return p
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// ingestURL reads one URL: a feed when it serves one, else a web page.
func ingestURL(ctx context.Context, f *ingest.Fetcher, fr *ingest.FeedReader, rd *ingest.Reader, u string, emit ingest.Emit) (*store.FeedState, error) {
	resp, err := f.Get(ctx, u, f.MaxFeed, "", "")
	if err != nil {
		return nil, err
	}
	ct := strings.ToLower(resp.ContentType)
	if strings.Contains(ct, "xml") || strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "json") {
		st, err := fr.Feed(ctx, u, emit)
		return &st, err
	}
	title, text, err := ingest.ExtractHTML(bytes.NewReader(resp.Body), resp.ContentType, nil)
	if err != nil {
		return nil, err
	}
	return nil, emit(rd.Finish(ingest.Record{Origin: u, Doc: model.Document{ID: u, URL: u, Title: title, Text: text, Source: hostOf(u, rd.Source)}}))
}

func hostOf(u, dflt string) string {
	if dflt != "" {
		return dflt
	}
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if i := strings.IndexAny(u, "/:?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(strings.ToLower(u), "www.")
}

func readURLList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out, sc.Err()
}
