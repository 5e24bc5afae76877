package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

func init() {
	register(&Command{
		Name:    "export",
		Summary: "write stored events as GDELT 2.0 TSV, CSV, JSON lines or Parquet",
		Usage: `export [--db PATH] --format gdelt|csv|jsonl|parquet [--out FILE] [--mentions FILE] [--from DATE] [--to DATE]

Writes every stored event (one per distinct event; copies of a story add to
its NumMentions, NumArticles and NumSources):
  gdelt    the GDELT 2.0 events layout: 61 tab-separated columns, no header;
           CAMEO codes keep their leading zeros; geo country codes are ISO-3
           (GDELT uses FIPS 10-4) and AvgTone is 0 (marsad measures no tone)
  csv      a header row and one row per event, for R, Stata or a spreadsheet
  jsonl    one JSON object per event in the coder's schema, spans included
  parquet  a Parquet file with the csv columns
--mentions FILE also writes the GDELT 2.0 mentions layout (16 columns, one
row per event per mentioning article; offsets in characters). --out FILE
writes to FILE (atomically) instead of standard output.`,
		Run: runExport,
	})
}

func runExport(env *Env) error {
	fs := newFlags(env, "export")
	db := dbFlag(fs)
	format := fs.String("format", "", "gdelt, csv, jsonl or parquet")
	out := fs.String("out", "", "output file (default: standard output)")
	mentions := fs.String("mentions", "", "also write GDELT mentions to this file")
	var q store.Query
	fs.StringVar(&q.From, "from", "", "first event date, YYYY-MM-DD")
	fs.StringVar(&q.To, "to", "", "last event date, YYYY-MM-DD")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	switch *format {
	case "gdelt", "csv", "jsonl", "parquet":
	case "":
		return usagef("give --format gdelt, csv, jsonl or parquet")
	default:
		return usagef("unknown --format %q", *format)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *format == "parquet" && *out == "" && isTerminal(env.Stdout) {
		return usagef("Parquet is binary: give --out FILE")
	}
	st, err := openExisting(env.Ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	n := 0
	err = writeOut(env.Stdout, *out, func(w io.Writer) error {
		events := st.Events(env.Ctx, q)
		var err error
		switch *format {
		case "gdelt":
			n, err = export.GDELT(w, events, export.Options{Geo: geoLookup()})
		case "csv":
			n, err = export.CSV(w, events)
		case "jsonl":
			n, err = export.JSONL(w, events)
		case "parquet":
			n, err = export.Parquet(w, events)
		}
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "marsad export: %d events\n", n)
	if *mentions == "" {
		return nil
	}
	dates := map[int64]string{}
	for e, err := range st.Events(env.Ctx, store.Query{}) {
		if err != nil {
			return err
		}
		dates[e.ID] = e.Date
	}
	m := 0
	err = writeOut(env.Stdout, *mentions, func(w io.Writer) error {
		var err error
		m, err = export.GDELTMentions(w, st.Mentions(env.Ctx, true), func(id int64) string { return dates[id] })
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "marsad export: %d mentions\n", m)
	return nil
}

// writeOut runs write on path (through a temporary file renamed at the
// end, so a failed export leaves no half file) or on stdout when path is
// empty or "-".
func writeOut(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// geoLookup finds a place's GDELT type and GeoNames id in the built-in
// gazetteer by its English name and country.
func geoLookup() func(p *model.Place) export.GeoInfo {
	d, err := dict.Default()
	if err != nil {
		return nil
	}
	m := map[string]export.GeoInfo{}
	for _, e := range d.Entries {
		if e.Kind != dict.Place {
			continue
		}
		gi := export.GeoInfo{FeatureID: e.Attr("geonames"), ADM1: ""}
		switch e.Attr("kind") {
		case "country":
			gi.Type = 1
		case "adm1":
			gi.Type = 5
		case "city", "capital":
			gi.Type = 4
		}
		k := e.Code() + "/" + e.EN()
		if _, dup := m[k]; !dup {
			m[k] = gi
		}
	}
	return func(p *model.Place) export.GeoInfo { return m[p.Country+"/"+p.Name] }
}
