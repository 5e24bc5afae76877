// Package export writes stored events in the layouts other tools read:
// GDELT 2.0 events and mentions (tab-separated, no header), CSV with a
// header for R and Stata, JSON lines with the coder's full schema, and
// Parquet.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// Events is a stream of stored events.
type Events = iter.Seq2[*store.Event, error]

// Mentions is a stream of stored mentions.
type Mentions = iter.Seq2[*store.Mention, error]

// GeoInfo describes a place for the GDELT geography columns: Type is
// GDELT's 1 country, 4 world city, 5 world first-order division (0 when
// unknown); FeatureID is its GeoNames id.
type GeoInfo struct {
	Type      int
	ADM1      string
	FeatureID string
}

// Options tune the GDELT layout.
type Options struct {
	// Geo looks a place up for its GDELT type and feature id; nil infers
	// the type from the name alone (a country name is type 1).
	Geo func(p *model.Place) GeoInfo
}

// GDELTColumns is the number of columns of a GDELT 2.0 event row.
const GDELTColumns = 61

// GDELTHeader names the 61 columns, in order (the files have no header;
// this is for documentation and tests).
var GDELTHeader = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELTMentionHeader names the 16 columns of a GDELT 2.0 mentions row.
var GDELTMentionHeader = []string{
	"GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
	"SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
	"MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
}

// tsvField keeps a value on one line and out of the next column.
func tsvField(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func actorCols(a *model.Actor) []string {
	if a == nil {
		return make([]string, 10)
	}
	known := ""
	for _, p := range []string{"IGO", "NGO", "IMG", "MNC"} {
		if strings.HasPrefix(a.Code, p) && len(a.Code) >= 6 {
			known = a.Code[3:6]
		}
	}
	country := a.Country
	if len(country) != 3 || country == "IGO" || country == "NGO" {
		country = ""
	}
	name := strings.ToUpper(a.Name)
	return []string{a.Code, name, country, known, "", "", "", a.Sector, "", ""}
}

func geoCols(p *model.Place, o Options) []string {
	if p == nil {
		return []string{"0", "", "", "", "", "", "", ""}
	}
	gi := GeoInfo{}
	if o.Geo != nil {
		gi = o.Geo(p)
	}
	return []string{strconv.Itoa(gi.Type), p.Name, p.Country, gi.ADM1, "",
		strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64), gi.FeatureID}
}

// dateCols returns Day, MonthYear, Year and FractionDate of a YYYY-MM-DD date.
func dateCols(d string) []string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return []string{"", "", "", ""}
	}
	frac := float64(t.Year()) + float64(t.YearDay())/365
	return []string{t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64)}
}

// stamp turns an RFC 3339 time into GDELT's YYYYMMDDHHMMSS.
func stamp(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return ""
	}
	return t.UTC().Format("20060102150405")
}

// GDELTRow renders one event as the 61 GDELT 2.0 columns. CAMEO codes are
// strings with their leading zeros (042, not 42). Country codes in the geo
// columns are ISO-3 (GDELT writes FIPS 10-4); AvgTone is 0, as marsad does
// not measure tone.
func GDELTRow(e *store.Event, o Options) []string {
	row := make([]string, 0, GDELTColumns)
	row = append(row, strconv.FormatInt(e.ID, 10))
	row = append(row, dateCols(e.Date)...)
	row = append(row, actorCols(e.Source)...)
	row = append(row, actorCols(e.Target)...)
	root := "0"
	if e.Sentence == 0 {
		root = "1"
	}
	base, rootCode := e.CAMEO, e.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	if len(rootCode) > 2 {
		rootCode = rootCode[:2]
	}
	row = append(row, root, e.CAMEO, base, rootCode, strconv.Itoa(e.QuadClass),
		strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumSources), strconv.Itoa(e.NumArticles), "0")
	row = append(row, geoCols(nil, o)...) // Actor1Geo: marsad locates the action only
	row = append(row, geoCols(nil, o)...) // Actor2Geo
	row = append(row, geoCols(e.Location, o)...)
	src := e.URL
	if src == "" {
		src = e.Article
	}
	row = append(row, stamp(e.AddedAt), src)
	for i := range row {
		row[i] = tsvField(row[i])
	}
	return row
}

// GDELT writes events in the GDELT 2.0 events layout.
func GDELT(w io.Writer, events Events, o Options) (int, error) {
	bw := bufio.NewWriter(w)
	n := 0
	for e, err := range events {
		if err != nil {
			return n, err
		}
		bw.WriteString(strings.Join(GDELTRow(e, o), "\t"))
		bw.WriteByte('\n')
		n++
	}
	return n, bw.Flush()
}

// charOffset converts a byte offset into text to a character offset, or
// -1 for a side the event does not have.
func charOffset(text string, sp model.Span, present bool) string {
	if !present || sp.Start < 0 || sp.Start > len(text) {
		return "-1"
	}
	return strconv.Itoa(utf8.RuneCountInString(text[:sp.Start]))
}

// GDELTMentionRow renders one mention as the 16 GDELT 2.0 mention columns.
// Offsets are in characters, as GDELT's are (marsad's own are bytes);
// the mentions need their document's text for that.
func GDELTMentionRow(m *store.Mention, eventDate string) []string {
	hasSrc, hasTgt := m.SourceSpan != (model.Span{}), m.TargetSpan != (model.Span{})
	id := m.URL
	if id == "" {
		id = m.Article
	}
	day := func(d string) string {
		if len(d) == 10 {
			return strings.ReplaceAll(d, "-", "") + "000000"
		}
		return ""
	}
	row := []string{
		strconv.FormatInt(m.Event, 10), day(eventDate), day(m.Date), "1", m.Source, id,
		strconv.Itoa(m.Sentence + 1),
		charOffset(m.Text, m.SourceSpan, hasSrc), charOffset(m.Text, m.TargetSpan, hasTgt), charOffset(m.Text, m.Trigger, true),
		"1", strconv.Itoa(m.Confidence), strconv.Itoa(utf8.RuneCountInString(m.Text)), "0", "", "",
	}
	for i := range row {
		row[i] = tsvField(row[i])
	}
	return row
}

// GDELTMentions writes mentions in the GDELT 2.0 mentions layout;
// eventDate gives each event's date.
func GDELTMentions(w io.Writer, mentions Mentions, eventDate func(id int64) string) (int, error) {
	bw := bufio.NewWriter(w)
	n := 0
	for m, err := range mentions {
		if err != nil {
			return n, err
		}
		bw.WriteString(strings.Join(GDELTMentionRow(m, eventDate(m.Event)), "\t"))
		bw.WriteByte('\n')
		n++
	}
	return n, bw.Flush()
}

// Row is one event flattened for CSV and Parquet.
type Row struct {
	ID              int64    `parquet:"id" json:"id"`
	Article         string   `parquet:"article" json:"article"`
	GroupID         string   `parquet:"group_id" json:"group_id"`
	Date            string   `parquet:"date" json:"date"`
	Sentence        int32    `parquet:"sentence" json:"sentence"`
	SourceCode      string   `parquet:"source_code" json:"source_code"`
	SourceCountry   string   `parquet:"source_country" json:"source_country"`
	SourceSector    string   `parquet:"source_sector" json:"source_sector"`
	SourceName      string   `parquet:"source_name" json:"source_name"`
	SourceText      string   `parquet:"source_text" json:"source_text"`
	SourceStart     int32    `parquet:"source_start" json:"source_start"`
	SourceEnd       int32    `parquet:"source_end" json:"source_end"`
	TargetCode      string   `parquet:"target_code" json:"target_code"`
	TargetCountry   string   `parquet:"target_country" json:"target_country"`
	TargetSector    string   `parquet:"target_sector" json:"target_sector"`
	TargetName      string   `parquet:"target_name" json:"target_name"`
	TargetText      string   `parquet:"target_text" json:"target_text"`
	TargetStart     int32    `parquet:"target_start" json:"target_start"`
	TargetEnd       int32    `parquet:"target_end" json:"target_end"`
	CAMEO           string   `parquet:"cameo" json:"cameo"`
	CAMEOName       string   `parquet:"cameo_name" json:"cameo_name"`
	EventBase       string   `parquet:"event_base" json:"event_base"`
	EventRoot       string   `parquet:"event_root" json:"event_root"`
	PLOVER          string   `parquet:"plover" json:"plover"`
	Goldstein       float64  `parquet:"goldstein" json:"goldstein"`
	QuadClass       int32    `parquet:"quad_class" json:"quad_class"`
	Negated         bool     `parquet:"negated" json:"negated"`
	LocationName    string   `parquet:"location_name" json:"location_name"`
	LocationCountry string   `parquet:"location_country" json:"location_country"`
	Lat             *float64 `parquet:"lat,optional" json:"lat"`
	Lon             *float64 `parquet:"lon,optional" json:"lon"`
	Trigger         string   `parquet:"trigger" json:"trigger"`
	TriggerStart    int32    `parquet:"trigger_start" json:"trigger_start"`
	TriggerEnd      int32    `parquet:"trigger_end" json:"trigger_end"`
	NumMentions     int32    `parquet:"num_mentions" json:"num_mentions"`
	NumArticles     int32    `parquet:"num_articles" json:"num_articles"`
	NumSources      int32    `parquet:"num_sources" json:"num_sources"`
	NewsSource      string   `parquet:"news_source" json:"news_source"`
	URL             string   `parquet:"url" json:"url"`
	DictVersion     string   `parquet:"dict_version" json:"dict_version"`
}

// CSVHeader names the CSV columns: Row's fields, in order.
var CSVHeader = []string{"id", "article", "group_id", "date", "sentence",
	"source_code", "source_country", "source_sector", "source_name", "source_text", "source_start", "source_end",
	"target_code", "target_country", "target_sector", "target_name", "target_text", "target_start", "target_end",
	"cameo", "cameo_name", "event_base", "event_root", "plover", "goldstein", "quad_class", "negated",
	"location_name", "location_country", "lat", "lon", "trigger", "trigger_start", "trigger_end",
	"num_mentions", "num_articles", "num_sources", "news_source", "url", "dict_version"}

// Flatten turns an event into a Row.
func Flatten(e *store.Event) Row {
	r := Row{ID: e.ID, Article: e.Article, GroupID: e.GroupID, Date: e.Date, Sentence: int32(e.Sentence),
		CAMEO: e.CAMEO, CAMEOName: e.CAMEOName, Goldstein: e.Goldstein, QuadClass: int32(e.QuadClass), Negated: e.Negated,
		Trigger: e.Trigger.Text, TriggerStart: int32(e.Trigger.Span.Start), TriggerEnd: int32(e.Trigger.Span.End),
		NumMentions: int32(e.NumMentions), NumArticles: int32(e.NumArticles), NumSources: int32(e.NumSources),
		NewsSource: e.SourceName, URL: e.URL, DictVersion: e.DictVersion}
	r.EventBase, r.EventRoot = e.CAMEO[:min(3, len(e.CAMEO))], e.CAMEO[:min(2, len(e.CAMEO))]
	if e.PLOVER != nil {
		r.PLOVER = *e.PLOVER
	}
	if a := e.Source; a != nil {
		r.SourceCode, r.SourceCountry, r.SourceSector, r.SourceName, r.SourceText = a.Code, a.Country, a.Sector, a.Name, a.Text
		r.SourceStart, r.SourceEnd = int32(a.Span.Start), int32(a.Span.End)
	}
	if a := e.Target; a != nil {
		r.TargetCode, r.TargetCountry, r.TargetSector, r.TargetName, r.TargetText = a.Code, a.Country, a.Sector, a.Name, a.Text
		r.TargetStart, r.TargetEnd = int32(a.Span.Start), int32(a.Span.End)
	}
	if p := e.Location; p != nil {
		r.LocationName, r.LocationCountry = p.Name, p.Country
		lat, lon := p.Lat, p.Lon
		r.Lat, r.Lon = &lat, &lon
	}
	return r
}

func (r Row) strings() []string {
	i32 := func(n int32) string { return strconv.Itoa(int(n)) }
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	return []string{strconv.FormatInt(r.ID, 10), r.Article, r.GroupID, r.Date, i32(r.Sentence),
		r.SourceCode, r.SourceCountry, r.SourceSector, r.SourceName, r.SourceText, i32(r.SourceStart), i32(r.SourceEnd),
		r.TargetCode, r.TargetCountry, r.TargetSector, r.TargetName, r.TargetText, i32(r.TargetStart), i32(r.TargetEnd),
		r.CAMEO, r.CAMEOName, r.EventBase, r.EventRoot, r.PLOVER, strconv.FormatFloat(r.Goldstein, 'f', -1, 64), i32(r.QuadClass),
		strconv.FormatBool(r.Negated), r.LocationName, r.LocationCountry, f(r.Lat), f(r.Lon),
		r.Trigger, i32(r.TriggerStart), i32(r.TriggerEnd), i32(r.NumMentions), i32(r.NumArticles), i32(r.NumSources),
		r.NewsSource, r.URL, r.DictVersion}
}

// CSV writes events as CSV with a header row (RFC 4180, UTF-8).
func CSV(w io.Writer, events Events) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return 0, err
	}
	n := 0
	for e, err := range events {
		if err != nil {
			return n, err
		}
		if err := cw.Write(Flatten(e).strings()); err != nil {
			return n, err
		}
		n++
	}
	cw.Flush()
	return n, cw.Error()
}

// JSONL writes one event per line in the coder's schema (spans included)
// with the store's fields: id, article, group_id, num_mentions, ….
func JSONL(w io.Writer, events Events) (int, error) {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	for e, err := range events {
		if err != nil {
			return n, err
		}
		if err := enc.Encode(e); err != nil {
			return n, err
		}
		n++
	}
	return n, bw.Flush()
}

// Parquet writes events as a Parquet file of Rows.
func Parquet(w io.Writer, events Events) (int, error) {
	pw := parquet.NewGenericWriter[Row](w, parquet.Compression(&parquet.Zstd))
	buf := make([]Row, 0, 1024)
	n := 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := pw.Write(buf)
		buf = buf[:0]
		return err
	}
	for e, err := range events {
		if err != nil {
			return n, err
		}
		buf = append(buf, Flatten(e))
		n++
		if len(buf) == cap(buf) {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := flush(); err != nil {
		return n, err
	}
	if err := pw.Close(); err != nil {
		return n, fmt.Errorf("parquet: %w", err)
	}
	return n, nil
}
