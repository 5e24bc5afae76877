package ingest

import (
	"bytes"
	"context"
	"net/url"
	"testing"
	"unicode/utf8"
)

// FuzzExtractHTML: no input makes the HTML extractor panic, and its text is
// valid UTF-8.
func FuzzExtractHTML(f *testing.F) {
	for _, s := range []string{
		"<html><head><title>عنوان</title><script>alert(1)</script></head><body><p>التقى الوزير نظيره.</p></body></html>",
		"<p>غير مغلق <div><b>",
		"<html><body><nav>قائمة</nav><article><h1>خبر</h1><p>نص الخبر</p></article></body></html>",
		"\xff\xfe<\x00>",
		"",
	} {
		f.Add([]byte(s), "text/html; charset=utf-8")
	}
	f.Add([]byte("<meta charset=windows-1256><p>\xc7\xe1\xd5\xed\xdf</p>"), "text/html")
	u, _ := url.Parse("https://example.org/news/1")
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		title, text, err := ExtractHTML(bytes.NewReader(body), ctype, u)
		if err != nil {
			return
		}
		if !utf8.ValidString(title) || !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out: %q %q", title, text)
		}
	})
}

// FuzzParseFeed: malformed, hostile or truncated feeds give an error or
// items, never a panic.
func FuzzParseFeed(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>خبر</title><link>https://example.org/a</link><description>نص</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><link href="https://example.org/b"/></entry></feed>`,
		`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>`,
		`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","url":"https://example.org/c"}]}`,
		`not a feed at all`,
		"<rss><channel><item>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := ParseFeed(body)
		if err != nil && len(items) > 0 {
			t.Fatalf("error %v with %d items", err, len(items))
		}
	})
}

// FuzzJSONLines: any bytes as a JSON lines file are read record by record;
// bad lines become error records, nothing panics.
func FuzzJSONLines(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"نص","date":"2020-01-02"}` + "\n" + `{broken` + "\n",
		`{"id":7,"text":["x"]}`,
		"\n\n\xff\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := NewReader()
		_ = r.jsonLines(context.Background(), bytes.NewReader(body), "fuzz.jsonl", "fuzz", func(rec Record) error {
			if rec.Err == nil && !utf8.ValidString(rec.Doc.Text) {
				t.Fatalf("record with invalid UTF-8 text and no error")
			}
			return nil
		})
	})
}

// FuzzNormalizeDate: any string maps to "" or a YYYY-MM-DD date.
func FuzzNormalizeDate(f *testing.F) {
	for _, s := range []string{"2015-07-21", "Tue, 21 Jul 2015 10:00:00 GMT", "2015-07-21T10:00:00Z", "٢٠١٥-٠٧-٢١", "yesterday", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := NormalizeDate(s)
		if d != "" && (len(d) != 10 || d[4] != '-' || d[7] != '-') {
			t.Fatalf("NormalizeDate(%q) = %q", s, d)
		}
	})
}
