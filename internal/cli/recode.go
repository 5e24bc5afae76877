package cli

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

func init() {
	register(&Command{
		Name:    "recode",
		Summary: "re-code stored articles with the current (or given) dictionaries",
		Usage: `recode [--db PATH] [--dict DIR]… [--force] [--workers N]

Runs the coder again over every stored article whose events were coded
with another dictionary version, replacing that article's events in one
transaction each, and records the version (a hash of the loaded entries)
beside every event. Interrupted, it resumes where it stopped; --force
re-codes every article.`,
		Run: runRecode,
	})
}

func runRecode(env *Env) error {
	fs := newFlags(env, "recode")
	db := dbFlag(fs)
	var dicts dictFlag
	fs.Var(&dicts, "dict", "user dictionary folder layered over the built-ins (repeatable)")
	force := fs.Bool("force", false, "re-code articles already coded with this dictionary version")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "coding goroutines")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	d, err := dict.LoadWith(dicts...)
	if err != nil {
		return err
	}
	version := d.Version()
	st, err := openExisting(env.Ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()

	type done struct {
		id     string
		events []model.Event
		err    error
	}
	start := time.Now()
	jobs := make(chan *store.Article, 4**workers)
	results := make(chan done, 4**workers)
	var iterErr error
	go func() {
		defer close(jobs)
		for a, err := range st.Articles(env.Ctx) {
			if err != nil {
				iterErr = err
				return
			}
			if !*force && a.DictVersion == version {
				continue
			}
			select {
			case jobs <- a:
			case <-env.Ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range max(1, *workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := coder.New(d)
			for a := range jobs {
				r := done{id: a.ID}
				func() {
					defer func() {
						if x := recover(); x != nil {
							r.err = fmt.Errorf("coder failed: %v", x)
						}
					}()
					r.events = c.Code(model.Document{ID: a.ID, Date: a.Date, Title: a.Title, URL: a.URL, Source: a.Source, Text: a.Text}).Events
				}()
				results <- r
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	n, events, failed := 0, 0, 0
	var storeErr error
	for r := range results {
		if storeErr != nil {
			continue
		}
		if r.err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "marsad recode: %s: %v: kept its old events\n", r.id, r.err)
			continue
		}
		if err := st.ReplaceEvents(env.Ctx, r.id, r.events, version); err != nil {
			storeErr = err
			continue
		}
		n++
		events += len(r.events)
	}
	fmt.Fprintf(env.Stderr, "marsad recode: %d articles re-coded with dictionary %s (%d events, %d failed) in %s\n",
		n, version, events, failed, time.Since(start).Round(time.Millisecond))
	if storeErr != nil {
		return storeErr
	}
	if iterErr != nil {
		return iterErr
	}
	return env.Ctx.Err()
}
