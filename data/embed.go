// Package data embeds marsad's built-in dictionaries and ontology tables.
// The files are plain text, documented in README.md beside this file.
package data

import "embed"

// FS holds every built-in data file, under actors/, agents/, verbs/,
// places/ and ontology/.
//
//go:embed actors agents verbs places ontology
var FS embed.FS
