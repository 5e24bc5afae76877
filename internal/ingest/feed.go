package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// FeedItem is one entry of a parsed feed.
type FeedItem struct {
	ID, Link, Title, Date string
	Summary               string // the item's own content or description, as HTML or text
}

// ErrNotFeed is returned for a body that is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not a feed")

// ParseFeed parses an RSS, Atom or JSON feed. A document that declares XML
// entities is refused before parsing: entity expansion ("billion laughs")
// is a way to make a tiny feed cost gigabytes, and no news feed needs it.
func ParseFeed(body []byte) ([]FeedItem, error) {
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(head) == 0 {
		return nil, fmt.Errorf("%w: empty document", ErrNotFeed)
	}
	switch head[0] {
	case '<':
		if bytes.Contains(body, []byte("<!ENTITY")) {
			return nil, fmt.Errorf("%w: the document declares XML entities (<!ENTITY): refused, as entity expansion can blow up memory", ErrNotFeed)
		}
		lower := bytes.ToLower(head[:min(len(head), 512)])
		if bytes.Contains(lower, []byte("<html")) || bytes.HasPrefix(lower, []byte("<!doctype html")) {
			return nil, fmt.Errorf("%w: an HTML page, not RSS or Atom", ErrNotFeed)
		}
	case '{':
	default:
		return nil, fmt.Errorf("%w: not XML (it starts with %q)", ErrNotFeed, string(head[:min(len(head), 16)]))
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	items := make([]FeedItem, 0, len(f.Items))
	for _, it := range f.Items {
		fi := FeedItem{ID: it.GUID, Link: strings.TrimSpace(it.Link), Title: strings.TrimSpace(it.Title), Summary: it.Content}
		if fi.Summary == "" {
			fi.Summary = it.Description
		}
		if it.PublishedParsed != nil {
			fi.Date = it.PublishedParsed.UTC().Format("2006-01-02")
		} else if it.UpdatedParsed != nil {
			fi.Date = it.UpdatedParsed.UTC().Format("2006-01-02")
		}
		if fi.ID == "" {
			fi.ID = fi.Link
		}
		items = append(items, fi)
	}
	return items, nil
}

// FeedMemory is what feed reading needs of a store.
type FeedMemory interface {
	Feed(ctx context.Context, url string) (store.FeedState, error)
	HasURL(ctx context.Context, url string) (bool, error)
	HasID(ctx context.Context, id string) (bool, error)
}

// FeedReader polls feeds and emits the articles of their new items.
type FeedReader struct {
	Fetcher *Fetcher
	Memory  FeedMemory
	Reader  *Reader // limits and source name
}

// Feed fetches one feed (conditionally, with the remembered ETag and
// Last-Modified) and emits a record per item not stored yet: the item's
// page with its main text extracted, or the item's own summary when the
// page cannot be had. It returns the feed's new state, to remember once
// the records are stored (remembering it earlier could lose items if the
// ingest is interrupted).
func (fr *FeedReader) Feed(ctx context.Context, feedURL string, emit Emit) (store.FeedState, error) {
	st, err := fr.Memory.Feed(ctx, feedURL)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return st, err
	}
	st.URL = feedURL
	resp, err := fr.Fetcher.Get(ctx, feedURL, fr.Fetcher.MaxFeed, st.ETag, st.LastModified)
	if err != nil {
		return st, err
	}
	if resp.Status == 304 {
		return st, nil
	}
	items, err := ParseFeed(resp.Body)
	if err != nil {
		return st, fmt.Errorf("%s: %w", feedURL, err)
	}
	source := hostName(feedURL)
	if fr.Reader.Source != "" {
		source = fr.Reader.Source
	}
	// Feeds list the newest first; store the oldest first, so the first
	// copy of a story is the group's root.
	slices.Reverse(items)
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		rec := fr.item(ctx, feedURL, source, it)
		if rec.Doc.ID == "" && rec.Err == nil {
			continue // stored already
		}
		if err := emit(rec); err != nil {
			return st, err
		}
	}
	st.ETag, st.LastModified = resp.ETag, resp.LastModified
	return st, nil
}

func (fr *FeedReader) item(ctx context.Context, feedURL, source string, it FeedItem) Record {
	origin := feedURL + " item " + it.ID
	link := it.Link
	if link != "" {
		if base, err := url.Parse(feedURL); err == nil {
			if u, err := base.Parse(link); err == nil {
				link = u.String()
			}
		}
	}
	id := it.ID
	if id == "" {
		id = link
	}
	if id == "" {
		return Record{Origin: origin, Err: errors.New("item has neither guid nor link: skipped")}
	}
	if seen, err := fr.Memory.HasURL(ctx, link); err != nil {
		return Record{Origin: origin, Err: err}
	} else if seen {
		return Record{}
	}
	if seen, err := fr.Memory.HasID(ctx, id); err != nil {
		return Record{Origin: origin, Err: err}
	} else if seen {
		return Record{}
	}
	rec := Record{Origin: origin, Doc: model.Document{ID: id, URL: link, Title: it.Title, Date: it.Date, Source: source}}
	var pageErr error
	if link != "" {
		resp, err := fr.Fetcher.Get(ctx, link, fr.Fetcher.MaxPage, "", "")
		switch {
		case err != nil:
			pageErr = err
		case !isHTML(resp.ContentType):
			pageErr = fmt.Errorf("%s: not an HTML page (%s)", link, resp.ContentType)
		default:
			pu, _ := url.Parse(resp.URL)
			title, text, err := ExtractHTML(bytes.NewReader(resp.Body), resp.ContentType, pu)
			if err != nil {
				pageErr = fmt.Errorf("%s: %w", link, err)
			} else {
				rec.Doc.Text = text
				if rec.Doc.Title == "" {
					rec.Doc.Title = title
				}
			}
		}
	}
	if rec.Doc.Text == "" && it.Summary != "" {
		_, text, err := ExtractHTML(strings.NewReader("<html><body>"+it.Summary+"</body></html>"), "text/html; charset=utf-8", nil)
		if err == nil {
			rec.Doc.Text = text
			if pageErr != nil {
				rec.Notes = append(rec.Notes, fmt.Sprintf("page not used (%v): the feed's summary was stored instead", pageErr))
			}
			pageErr = nil
		}
	}
	if pageErr != nil {
		return Record{Origin: origin, Err: pageErr}
	}
	return fr.Reader.Finish(rec)
}

func hostName(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
}
