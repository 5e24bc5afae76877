package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture stores testdata/agency.txt, written for marsad in agency style,
// coded by the real coder, with a fixed clock, plus an exact copy of it
// from a second source so the counts have something to count.
func fixture(t *testing.T) *sqlite.Store {
	t.Helper()
	text, err := os.ReadFile("testdata/agency.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetClock(func() time.Time { return time.Date(2024, 3, 10, 12, 0, 0, 0, time.UTC) })
	p := &ingest.Pipeline{Store: st, NewCoder: func() ingest.CodeFunc { return coder.New(d).Code }, DictVersion: "golden"}
	_, err = p.Run(context.Background(), func(ctx context.Context, emit ingest.Emit) error {
		emit(ingest.Record{Doc: model.Document{ID: "agency", Date: "2024-03-10", Source: "spa", URL: "https://example.org/spa/agency", Text: string(text)}})
		return emit(ingest.Record{Doc: model.Document{ID: "agency-copy", Date: "2024-03-11", Source: "okaz", URL: "https://example.org/okaz/1", Text: string(text)}})
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the coder changed on purpose, run go test ./internal/export -update and review the diff\ngot:\n%s", name, got)
	}
}

func TestGDELTGolden(t *testing.T) {
	st := fixture(t)
	ctx := context.Background()
	var ev, men bytes.Buffer
	n, err := export.GDELT(&ev, st.Events(ctx, store.Query{}), export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Log("the coder found no events in testdata/agency.txt")
	}
	dates := map[int64]string{}
	for e, err := range st.Events(ctx, store.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		dates[e.ID] = e.Date
	}
	if _, err := export.GDELTMentions(&men, st.Mentions(ctx, true), func(id int64) string { return dates[id] }); err != nil {
		t.Fatal(err)
	}
	checkColumns(t, ev.String(), export.GDELTColumns)
	checkColumns(t, men.String(), len(export.GDELTMentionHeader))
	golden(t, "agency.gdelt.tsv", ev.Bytes())
	golden(t, "agency.mentions.tsv", men.Bytes())
}

func checkColumns(t *testing.T, tsv string, want int) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(tsv, "\n"), "\n") {
		if line == "" {
			continue
		}
		if n := len(strings.Split(line, "\t")); n != want {
			t.Errorf("line %d has %d columns, want %d", i+1, n, want)
		}
	}
}

func TestGDELTRow(t *testing.T) {
	if len(export.GDELTHeader) != 61 || export.GDELTColumns != 61 {
		t.Fatalf("GDELT header has %d columns", len(export.GDELTHeader))
	}
	p := "CONSULT"
	e := &store.Event{ID: 7, Article: "a", Event: model.Event{CAMEO: "042", Goldstein: 1.9, QuadClass: 1, PLOVER: &p,
		Source: &model.Actor{Code: "IGOUNO", Country: "IGO", Name: "United Nations\tx"}, Date: "2015-08-01",
		Location: &model.Place{Name: "Riyadh", Country: "SAU", Lat: 24.6877, Lon: 46.7219}},
		NumMentions: 3, NumArticles: 2, NumSources: 2, AddedAt: "2015-08-01T10:11:12Z", URL: "http://x"}
	row := export.GDELTRow(e, export.Options{Geo: func(*model.Place) export.GeoInfo { return export.GeoInfo{Type: 4, FeatureID: "108410"} }})
	if len(row) != 61 {
		t.Fatalf("%d columns", len(row))
	}
	col := func(name string) string {
		for i, h := range export.GDELTHeader {
			if h == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for name, want := range map[string]string{
		"GlobalEventID": "7", "Day": "20150801", "MonthYear": "201508", "Year": "2015", "FractionDate": "2015.5836",
		"Actor1Code": "IGOUNO", "Actor1Name": "UNITED NATIONS X", "Actor1KnownGroupCode": "UNO", "Actor1CountryCode": "",
		"EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04", "IsRootEvent": "1", "QuadClass": "1",
		"GoldsteinScale": "1.9", "NumMentions": "3", "NumSources": "2", "NumArticles": "2",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Riyadh", "ActionGeo_CountryCode": "SAU", "ActionGeo_Lat": "24.6877",
		"ActionGeo_FeatureID": "108410", "Actor1Geo_Type": "0", "DATEADDED": "20150801101112", "SOURCEURL": "http://x",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// TestReadBack writes every format and reads it back with a real reader.
func TestReadBack(t *testing.T) {
	st := fixture(t)
	ctx := context.Background()
	var want []*store.Event
	for e, err := range st.Events(ctx, store.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, e)
	}
	var buf bytes.Buffer

	// CSV with encoding/csv.
	if _, err := export.CSV(&buf, st.Events(ctx, store.Query{})); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(want)+1 || strings.Join(recs[0], ",") != strings.Join(export.CSVHeader, ",") {
		t.Errorf("csv: %d rows for %d events; header %v", len(recs), len(want), recs[0])
	}
	for i, r := range recs[1:] {
		if r[19] != want[i].CAMEO || r[3] != want[i].Date {
			t.Errorf("csv row %d: cameo %q date %q", i, r[19], r[3])
		}
	}

	// JSON lines with encoding/json: the coder's schema, spans included.
	buf.Reset()
	if _, err := export.JSONL(&buf, st.Events(ctx, store.Query{})); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	for i := 0; dec.More(); i++ {
		var e store.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		if e.ID != want[i].ID || e.CAMEO != want[i].CAMEO || e.Trigger != want[i].Trigger || e.NumArticles != want[i].NumArticles {
			t.Errorf("jsonl %d: %+v", i, e)
		}
	}

	// Parquet with parquet-go's reader.
	buf.Reset()
	if _, err := export.Parquet(&buf, st.Events(ctx, store.Query{})); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[export.Row](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) {
		t.Fatalf("parquet: %d rows for %d events", len(rows), len(want))
	}
	for i, r := range rows {
		if r != export.Flatten(want[i]) && (r.ID != want[i].ID || r.CAMEO != want[i].CAMEO) {
			t.Errorf("parquet row %d: %+v", i, r)
		}
	}
}
