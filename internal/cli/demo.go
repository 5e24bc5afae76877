package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/marsad-project/marsad/examples"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/ontology"
	"github.com/marsad-project/marsad/internal/store"
)

func init() {
	register(&Command{
		Name:    "demo",
		Summary: "ingest the bundled example articles and summarise them",
		Usage: `demo [--keep PATH]

Ingests the example articles built into marsad into a temporary store and
prints what came out: articles, events by CAMEO root, the most active
actors, wire-copy groups and a few events. --keep PATH writes the store to
PATH instead, to explore with "marsad events --db PATH" and friends.`,
		Run: runDemo,
	})
}

func runDemo(env *Env) error {
	fs := newFlags(env, "demo")
	keep := fs.String("keep", "", "keep the demo database at this path")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	path := *keep
	if path == "" {
		dir, err := os.MkdirTemp("", "marsad-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "demo.db")
	}
	d, err := dict.Default()
	if err != nil {
		return err
	}
	st, err := openStore(env.Ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	p := newPipeline(env, st, d, "demo")
	p.Progress = nil
	sum, err := p.Run(env.Ctx, func(ctx context.Context, emit ingest.Emit) error {
		return emitExamples(emit)
	})
	if err != nil {
		return err
	}
	return printDemo(env, st, sum)
}

// emitExamples emits every bundled example article, in name order.
func emitExamples(emit ingest.Emit) error {
	names, err := fs.Glob(examples.FS, "*.txt")
	if err != nil {
		return err
	}
	rd := ingest.NewReader()
	rd.Source = "examples"
	for _, n := range names {
		b, err := fs.ReadFile(examples.FS, n)
		if err != nil {
			return err
		}
		rec := ingest.Record{Origin: "examples/" + n, Doc: model.Document{ID: strings.TrimSuffix(n, ".txt"), Source: "examples", Text: string(b)}}
		if err := emit(rd.Finish(rec)); err != nil {
			return err
		}
	}
	return nil
}

func printDemo(env *Env, st store.Store, sum ingest.Summary) error {
	ctx := env.Ctx
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "marsad demo: %d example articles ingested in %s\n\n", sum.Added+sum.Copies, sum.Elapsed.Round(1e6))
	fmt.Fprintf(w, "articles\t%d stored, %d exact copies\n", s.Articles, s.Copies)
	fmt.Fprintf(w, "events\t%d distinct, %d mentions\n", s.Events, s.Mentions)
	fmt.Fprintf(w, "wire-copy groups\t%d (holding %d articles)\n", s.Groups, s.GroupedArticles)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "events by CAMEO root:")
	for _, c := range s.ByRoot {
		fmt.Fprintf(w, "  %s\t%s\t%d\n", c.Key, rootName(c.Key), c.N)
	}
	fmt.Fprintln(w, "top actors:")
	for _, c := range s.TopActors {
		fmt.Fprintf(w, "  %s\t%d\n", c.Key, c.N)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "some events:")
	fmt.Fprintln(w, "  ARTICLE\tSOURCE\tCAMEO\tTARGET\tPLACE\tTRIGGER\tARTICLES")
	n := 0
	for e, err := range st.Events(ctx, store.Query{Limit: 8}) {
		if err != nil {
			return err
		}
		place := ""
		if e.Location != nil {
			place = e.Location.Name
		}
		fmt.Fprintf(w, "  %s\t%s\t%s %s\t%s\t%s\t%s\t%d\n", e.Article, actorCode(e.Source), e.CAMEO, e.CAMEOName, actorCode(e.Target), place, isolate(e.Trigger.Text), e.NumArticles)
		n++
	}
	if n == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	return w.Flush()
}

func actorCode(a *model.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

// rootName names a CAMEO root code, or "" when unknown.
func rootName(root string) string {
	if c, ok := ontology.Lookup(root); ok {
		return c.Name
	}
	return ""
}
