package cli

import (
	"bufio"
	"fmt"
	"text/tabwriter"

	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/store"
)

func init() {
	register(&Command{
		Name:    "events",
		Summary: "list stored events, filtered by actor, code, date, place or text",
		Usage: `events [--db PATH] [--actor CODE|--country ISO3] [--cameo PREFIX] [--plover CAT] [--quad N]
       [--from DATE] [--to DATE] [--place NAME|--place-country ISO3] [--text QUERY]
       [--format table|jsonl|csv] [--limit N]

Lists events from the store, one per distinct event: copies of a story are
counted in ARTICLES and SOURCES, not listed again. --actor matches the
source or target code or a prefix of it (CHN matches CHNGOV); --country the
source or target country; --cameo a code prefix (04 is all of CONSULT);
--from/--to bound the event date (YYYY-MM-DD, inclusive); --text keeps
events of articles that match a full-text query (as "marsad search").`,
		Run: runEvents,
	})
}

func runEvents(env *Env) error {
	fs := newFlags(env, "events")
	db := dbFlag(fs)
	var q store.Query
	fs.StringVar(&q.Actor, "actor", "", "source or target actor code or prefix")
	fs.StringVar(&q.Country, "country", "", "source or target country (ISO-3)")
	fs.StringVar(&q.CAMEO, "cameo", "", "CAMEO code prefix")
	fs.StringVar(&q.PLOVER, "plover", "", "PLOVER category")
	fs.IntVar(&q.Quad, "quad", 0, "QuadClass 1-4")
	fs.StringVar(&q.From, "from", "", "first date, YYYY-MM-DD")
	fs.StringVar(&q.To, "to", "", "last date, YYYY-MM-DD")
	fs.StringVar(&q.Place, "place", "", "location name (English)")
	fs.StringVar(&q.PlaceCountry, "place-country", "", "location country (ISO-3)")
	fs.StringVar(&q.Text, "text", "", "full-text query over the events' articles")
	format := fs.String("format", "table", "table, jsonl or csv")
	fs.IntVar(&q.Limit, "limit", 100, "most events to list (0: all)")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if q.Actor != "" && q.Country != "" {
		return usagef("give --actor or --country, not both")
	}
	if q.Place != "" && q.PlaceCountry != "" {
		return usagef("give --place or --place-country, not both")
	}
	for _, d := range []string{q.From, q.To} {
		if d != "" && !isDate(d) {
			return usagef("date %q: want YYYY-MM-DD", d)
		}
	}
	if q.Quad < 0 || q.Quad > 4 {
		return usagef("--quad must be 1-4")
	}
	if q.Limit < 0 {
		return usagef("--limit must be >= 0")
	}
	st, err := openExisting(env.Ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	events := st.Events(env.Ctx, q)
	switch *format {
	case "jsonl":
		_, err = export.JSONL(env.Stdout, events)
	case "csv":
		_, err = export.CSV(env.Stdout, events)
	case "table":
		err = eventTable(env, events)
	default:
		return usagef("unknown --format %q", *format)
	}
	return err
}

func eventTable(env *Env, events export.Events) error {
	bw := bufio.NewWriter(env.Stdout)
	defer bw.Flush()
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tSOURCE\tCAMEO\tTARGET\tPLOVER\tGOLDSTEIN\tPLACE\tARTICLES\tSOURCES\tARTICLE\tTRIGGER")
	n := 0
	for e, err := range events {
		if err != nil {
			return err
		}
		plover, place := "", ""
		if e.PLOVER != nil {
			plover = *e.PLOVER
		}
		if e.Location != nil {
			place = e.Location.Name
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%+.1f\t%s\t%d\t%d\t%s\t%s\n", e.ID, e.Date, actorCode(e.Source), e.CAMEO,
			actorCode(e.Target), plover, e.Goldstein, place, e.NumArticles, e.NumSources, e.Article, isolate(e.Trigger.Text))
		n++
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(bw, "%d events\n", n)
	return nil
}
