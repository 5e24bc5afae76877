// Package model holds the plain data types that flow through marsad's
// pipeline: documents in, coded events out. It has no behaviour beyond
// encoding, so every stage can import it without importing each other.
package model

import (
	"encoding/json"
	"fmt"
)

// Span is a half-open byte range [Start, End) into the original text of one
// document. Spans are never computed on normalised text.
type Span struct {
	Start int
	End   int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether s lies inside a text of n bytes.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// MarshalJSON writes a span as [start,end].
func (s Span) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", s.Start, s.End)), nil
}

// UnmarshalJSON reads a span written as [start,end].
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Document is one article or sentence to code.
type Document struct {
	ID     string `json:"id"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD, or empty when unknown
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	Text   string `json:"text"`
}

// Actor is one side of an event, resolved to a CAMEO-style actor code.
type Actor struct {
	Code    string `json:"code"`              // e.g. CHNGOV, IGOSCO
	Country string `json:"country,omitempty"` // ISO-3 or IGO/NGO block
	Sector  string `json:"sector,omitempty"`  // GOV, MIL, REB, ...
	Name    string `json:"name,omitempty"`    // English name of the entry that matched
	Text    string `json:"text"`              // the mention as written
	Span    Span   `json:"span"`
}

// Place is a resolved location.
type Place struct {
	Name    string  `json:"name"`    // English name
	Country string  `json:"country"` // ISO-3
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Span    Span    `json:"span"`
}

// Trigger is the word or phrase that expresses an event.
type Trigger struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Event is one coded dyadic event.
type Event struct {
	Source    *Actor   `json:"source"`
	Target    *Actor   `json:"target"`
	CAMEO     string   `json:"cameo"`
	CAMEOName string   `json:"cameo_name"`
	PLOVER    *string  `json:"plover"` // nil for 01x statements
	Goldstein float64  `json:"goldstein"`
	QuadClass int      `json:"quad_class"`
	Sentence  int      `json:"sentence"`
	Trigger   Trigger  `json:"trigger"`
	Location  *Place   `json:"location"`
	Date      string   `json:"date,omitempty"`
	Negated   bool     `json:"negated"`
	Mentions  int      `json:"mentions"`
	Trace     []string `json:"trace"`
}

// Coded is the coder's output for one document.
type Coded struct {
	ID     string  `json:"id"`
	Date   string  `json:"date,omitempty"`
	Events []Event `json:"events"`
}
