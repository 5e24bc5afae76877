// Package dict loads, validates and indexes marsad's dictionaries: named
// actors, role nouns (agents), event triggers and places. Files are plain
// text (see data/README.md); the built-in set is embedded in the binary and
// users layer their own directory on top.
package dict

import (
	"fmt"
	"strings"
)

// Kind says which dictionary an entry belongs to.
type Kind uint8

// The dictionary kinds, named after their folders.
const (
	Actor   Kind = iota + 1 // actors/: countries, organisations, persons, …
	Agent                   // agents/: role nouns that take a country
	Trigger                 // verbs/: event triggers
	Place                   // places/: gazetteer
)

var kindNames = [...]string{Actor: "actor", Agent: "agent", Trigger: "trigger", Place: "place"}
var kindDirs = [...]string{Actor: "actors", Agent: "agents", Trigger: "verbs", Place: "places"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Dir is the folder that holds files of this kind.
func (k Kind) Dir() string { return kindDirs[k] }

// DatedCode is an actor code valid between two dates (inclusive, YYYY-MM-DD;
// "" means open). A code with neither date is a fallback.
type DatedCode struct {
	Code     string
	From, To string
	// ranged is set when the code was written with "@": CODE@.. is an open
	// range, not a fallback, though both dates are empty.
	ranged bool
}

// Fallback reports whether the code carries no date range.
func (d DatedCode) Fallback() bool { return !d.ranged }

// String renders the code as written in a file.
func (d DatedCode) String() string {
	if !d.ranged {
		return d.Code
	}
	return d.Code + "@" + d.From + ".." + d.To
}

// Covers reports whether date (YYYY-MM-DD) lies in the code's range. An empty
// date is covered by every range.
func (d DatedCode) Covers(date string) bool {
	if date == "" {
		return true
	}
	if d.From != "" && date < d.From {
		return false
	}
	if d.To != "" && date > d.To {
		return false
	}
	return true
}

// Entry is one line of a dictionary file.
type Entry struct {
	Kind  Kind
	File  string // path as given to the loader, e.g. "actors/igos.txt"
	Line  int
	User  bool // from a user directory layered over the built-ins
	Codes []DatedCode
	Forms []string // Arabic forms as written
	Attrs map[string]string
}

// Pos is "file:line", for messages.
func (e *Entry) Pos() string { return fmt.Sprintf("%s:%d", e.File, e.Line) }

// Attr returns an attribute value ("" when absent).
func (e *Entry) Attr(key string) string { return e.Attrs[key] }

// Has reports whether a flag attribute (one without "=") or attribute is set.
func (e *Entry) Has(key string) bool { _, ok := e.Attrs[key]; return ok }

// EN is the entry's English name or gloss.
func (e *Entry) EN() string { return e.Attrs["en"] }

// Code is the entry's primary code: the first code as written.
func (e *Entry) Code() string {
	if len(e.Codes) == 0 {
		return ""
	}
	return e.Codes[0].Code
}

// CodeOn returns the code that applies on date (YYYY-MM-DD): the first
// ranged code covering it, else the fallback. With an empty date the first
// code is returned. ok is false when no code applies (a person outside every
// term and without a fallback).
func (e *Entry) CodeOn(date string) (code string, ok bool) {
	if date == "" {
		return e.Code(), len(e.Codes) > 0
	}
	fallback := ""
	for _, c := range e.Codes {
		if !c.ranged {
			if fallback == "" {
				fallback = c.Code
			}
			continue
		}
		if c.Covers(date) {
			return c.Code, true
		}
	}
	return fallback, fallback != ""
}

// String renders the entry back in file syntax.
func (e *Entry) String() string {
	codes := make([]string, len(e.Codes))
	for i, c := range e.Codes {
		codes[i] = c.String()
	}
	var attrs []string
	for _, k := range attrOrder(e.Attrs) {
		if v := e.Attrs[k]; v != "" {
			attrs = append(attrs, k+"="+v)
		} else {
			attrs = append(attrs, k)
		}
	}
	return strings.Join(codes, ", ") + " | " + strings.Join(e.Forms, " ; ") + " | " + strings.Join(attrs, " ; ")
}
