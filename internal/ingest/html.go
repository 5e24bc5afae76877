package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ExtractHTML returns the title (from <title>) and the main text of an
// HTML page: readability's article body, or, when it finds none (a short
// page), the page's visible text without scripts, styles, navigation,
// headers, footers and forms. contentType is the HTTP header, used with
// the page's own <meta charset> to decode legacy encodings such as
// windows-1256.
func ExtractHTML(r io.Reader, contentType string, pageURL *url.URL) (title, text string, err error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return "", "", err
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", "", errors.New("empty page: skipped")
	}
	cr, err := charset.NewReader(bytes.NewReader(raw), contentType)
	if err != nil {
		return "", "", fmt.Errorf("page encoding: %w", err)
	}
	doc, err := html.Parse(cr)
	if err != nil {
		return "", "", fmt.Errorf("HTML: %w", err)
	}
	title = strings.Join(strings.Fields(nodeText(find(doc, atom.Title))), " ")
	if pageURL == nil {
		pageURL = &url.URL{Scheme: "file", Path: "/"}
	}
	p := readability.NewParser()
	p.CharThresholds = 200
	var buf strings.Builder
	if art, err := p.ParseDocument(doc, pageURL); err == nil && art.Node != nil {
		if err := art.RenderText(&buf); err == nil {
			text = strings.TrimSpace(buf.String())
		}
	}
	if text == "" {
		text = visibleText(doc)
	}
	if text == "" {
		return title, "", errors.New("no text found in the page: skipped")
	}
	return title, text, nil
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// dropped are elements whose text is never article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Button: true, atom.Select: true,
	atom.Iframe: true, atom.Svg: true, atom.Template: true, atom.Title: true, atom.Head: true,
}

var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Tr: true, atom.Section: true, atom.Article: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true,
}

// visibleText is the fallback extraction: text of the body outside dropped
// elements, a line per block.
func visibleText(doc *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && dropped[n.DataAtom] {
			return
		}
		if n.Type == html.TextNode {
			if t := strings.Join(strings.Fields(n.Data), " "); t != "" {
				if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
					b.WriteByte(' ')
				}
				b.WriteString(t)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blocks[n.DataAtom] && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
	}
	walk(doc)
	return strings.TrimSpace(b.String())
}
