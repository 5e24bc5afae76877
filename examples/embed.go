// Package examples holds the example articles bundled with marsad, for
// "marsad demo" and for tests. The articles were written for marsad in
// news-agency style; they are not taken from any publication.
package examples

import "embed"

// FS holds every example article (*.txt) of this folder.
//
//go:embed *.txt
var FS embed.FS
