package ingest

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/marsad-project/marsad/internal/dedup"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// CodeFunc codes one document. Each worker gets its own from NewCoder, so
// it need not be safe for concurrent use.
type CodeFunc func(model.Document) model.Coded

// Pipeline codes records and stores them. Records go to Workers
// goroutines, each with its own coder, which hash, fingerprint, analyse
// for search and code; one writer goroutine puts the results back in input
// order, groups wire copies and commits in batches of BatchSize. Because
// decisions are taken in input order and every batch is one transaction
// that a rerun repeats harmlessly, an ingest killed at any point and run
// again ends with exactly the store an uninterrupted run makes.
type Pipeline struct {
	Store       store.Store
	NewCoder    func() CodeFunc
	DictVersion string
	Workers     int // default: GOMAXPROCS
	BatchSize   int // articles per transaction; default 256

	// Report is told of every record that was skipped, with why; Note of
	// warnings about records that were stored. Both may be nil. They are
	// called from one goroutine at a time.
	Report func(origin string, err error)
	Note   func(origin, note string)
	// Progress, when set, gets a live progress line about twice a second
	// (for a terminal).
	Progress io.Writer

	mu     sync.Mutex // serialises Report and Note
	index  *dedup.Index
	loaded bool

	// known holds the first 64 bits of the content hash of every stored
	// or queued text, so workers skip coding known texts without asking
	// the database; the writer confirms with the store.
	knownMu sync.RWMutex
	known   map[uint64]struct{}
}

func hashKey(h string) uint64 {
	k, _ := strconv.ParseUint(h[:16], 16, 64)
	return k
}

func (p *Pipeline) isKnown(h string) bool {
	p.knownMu.RLock()
	_, ok := p.known[hashKey(h)]
	p.knownMu.RUnlock()
	return ok
}

func (p *Pipeline) addKnown(h string) {
	p.knownMu.Lock()
	p.known[hashKey(h)] = struct{}{}
	p.knownMu.Unlock()
}

// Summary counts what a Run did.
type Summary struct {
	Read       int // records read, bad ones included
	Added      int // new articles stored
	Copies     int // exact copies of stored articles, recorded as copies
	Skipped    int // already stored (same id and text)
	Errors     int // records reported and skipped
	Events     int // events coded in the added articles
	WireCopies int // added articles that joined an existing wire-copy group
	Elapsed    time.Duration
}

// String is the one-line summary printed at the end of an ingest.
func (s Summary) String() string {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Read) / s.Elapsed.Seconds()
	}
	return fmt.Sprintf("%d read, %d added, %d exact copies, %d already stored, %d wire copies grouped, %d events, %d errors in %s (%.0f articles/s)",
		s.Read, s.Added, s.Copies, s.Skipped, s.WireCopies, s.Events, s.Errors, s.Elapsed.Round(time.Millisecond), rate)
}

type job struct {
	seq int
	rec Record
}

type result struct {
	seq     int
	origin  string
	notes   []string
	doc     model.Document
	article *store.Article
	events  []model.Event
	coded   bool // false when the worker took the text for a known one
	err     error
}

func (p *Pipeline) report(origin string, err error) {
	if p.Report == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Report(origin, err)
}

func (p *Pipeline) note(origin, note string) {
	if p.Note == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Note(origin, note)
}

// Run reads the records produce emits and stores them. It returns when
// produce has returned and everything read is stored; the error is
// produce's or a store failure that stopped the run (one bad record never
// does).
func (p *Pipeline) Run(ctx context.Context, produce func(ctx context.Context, emit Emit) error) (Summary, error) {
	start := time.Now()
	var sum Summary
	if err := p.loadIndex(ctx); err != nil {
		return sum, err
	}
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize := p.BatchSize
	if batchSize <= 0 {
		batchSize = 256
	}
	// The results buffer holds a batch or two, so the workers keep coding
	// while the writer commits (a buffer of a few results stalled them and
	// cost a third of the throughput).
	jobs := make(chan job, 4*workers)
	results := make(chan result, max(4*workers, 2*batchSize))

	var readErrs int
	var prodErr error
	go func() {
		defer close(jobs)
		seq := 0
		prodErr = produce(ctx, func(r Record) error {
			if r.Err != nil {
				readErrs++
				p.report(r.Origin, r.Err)
				return nil
			}
			select {
			case jobs <- job{seq, r}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.work(jobs, results)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	err := p.write(context.WithoutCancel(ctx), results, &sum, start, batchSize)
	sum.Errors += readErrs
	sum.Read += readErrs
	sum.Elapsed = time.Since(start)
	if err == nil {
		err = prodErr
	}
	return sum, err
}

func (p *Pipeline) loadIndex(ctx context.Context) error {
	if p.loaded {
		return nil
	}
	p.index = dedup.NewIndex()
	p.known = map[uint64]struct{}{}
	for f, err := range p.Store.Fingerprints(ctx) {
		if err != nil {
			return err
		}
		p.index.Add(f.SimHash, f.GroupID)
		p.known[hashKey(f.ContentHash)] = struct{}{}
	}
	p.loaded = true
	return nil
}

// work prepares records: hash, search tokens, fingerprint, coding. It
// never touches the database.
func (p *Pipeline) work(jobs <-chan job, results chan<- result) {
	code := p.NewCoder()
	an := store.NewAnalyzer()
	var keys []string
	for j := range jobs {
		r := result{seq: j.seq, origin: j.rec.Origin, notes: j.rec.Notes, doc: j.rec.Doc}
		d := j.rec.Doc
		a := &store.Article{ID: d.ID, Source: d.Source, URL: d.URL, Title: d.Title, Date: d.Date, Text: d.Text,
			ContentHash: store.ContentHash(d.Text), DictVersion: p.DictVersion}
		r.article = a
		if !p.isKnown(a.ContentHash) {
			r.err = p.prepare(code, an, &keys, &r)
		}
		results <- r
	}
}

// prepare analyses and codes a new text.
func (p *Pipeline) prepare(code CodeFunc, an *store.Analyzer, keys *[]string, r *result) error {
	a := r.article
	a.IndexTitle, _ = an.Analyze(a.Title, nil)
	a.IndexText, *keys = an.Analyze(a.Text, (*keys)[:0])
	a.SimHash = dedup.SimHash(*keys)
	var err error
	r.events, err = safeCode(code, r.doc)
	r.coded = true
	return err
}

func safeCode(code CodeFunc, d model.Document) (ev []model.Event, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("coder failed: %v: skipped", x)
		}
	}()
	return code(d).Events, nil
}

// write is the single writer: results in input order, grouping, batches.
func (p *Pipeline) write(ctx context.Context, results <-chan result, sum *Summary, start time.Time, batchSize int) error {
	pending := map[int]result{}
	next := 0
	var batch []result
	pendHash := map[string]string{} // content hash → id, for texts not yet committed
	pendID := map[string]bool{}
	storeErrs := 0
	var fatal error

	flush := func() {
		if len(batch) == 0 || fatal != nil {
			return
		}
		items := make([]store.Item, len(batch))
		for i, r := range batch {
			items[i] = store.Item{Article: r.article, Events: r.events}
		}
		rs, err := p.Store.PutBatch(ctx, items)
		if err != nil {
			// Find the bad article: store the batch one by one.
			rs = make([]store.Result, len(items))
			for i := range items {
				r1, err := p.Store.PutBatch(ctx, items[i:i+1])
				if err != nil {
					rs[i].Status = 255
					sum.Errors++
					storeErrs++
					p.report(batch[i].origin, err)
					if storeErrs >= 20 {
						fatal = fmt.Errorf("giving up after %d store errors: %w", storeErrs, err)
						return
					}
					continue
				}
				rs[i] = r1[0]
			}
		}
		for i, r := range rs {
			switch r.Status {
			case store.Added:
				sum.Added++
				sum.Events += len(batch[i].events)
				if batch[i].article.GroupID != batch[i].article.ID {
					sum.WireCopies++
				}
			case store.Copied:
				sum.Copies++
			case store.Skipped:
				sum.Skipped++
			}
			if r.Status <= store.Copied {
				for _, n := range batch[i].notes {
					p.note(batch[i].origin, n)
				}
			}
		}
		batch = batch[:0]
		clear(pendHash)
		clear(pendID)
	}

	var code CodeFunc // the writer's own, for the rare text a worker skipped
	an := store.NewAnalyzer()
	var keys []string
	take := func(r result) {
		sum.Read++
		if r.err != nil {
			sum.Errors++
			p.report(r.origin, r.err)
			return
		}
		a := r.article
		known := ""
		if p.isKnown(a.ContentHash) {
			if id, ok := pendHash[a.ContentHash]; ok {
				known = id
			} else if id, err := p.Store.HasHash(ctx, a.ContentHash); err == nil {
				known = id
			}
		}
		if known != "" && known == a.ID {
			sum.Skipped++
			return
		}
		if known == "" {
			// A new text: settle its id and its wire-copy group now, in
			// input order, exactly as a rerun would.
			if !r.coded { // 64-bit hash prefix collision: code it here
				if code == nil {
					code = p.NewCoder()
				}
				if err := p.prepare(code, an, &keys, &r); err != nil {
					sum.Errors++
					p.report(r.origin, err)
					return
				}
			}
			if taken, err := p.idTaken(ctx, a.ID, pendID); err == nil && taken {
				a.ID = a.ID + "~" + a.ContentHash[:8]
			}
			a.GroupID = p.index.Find(a.SimHash)
			if a.GroupID == "" {
				a.GroupID = a.ID
			}
			p.index.Add(a.SimHash, a.GroupID)
			p.addKnown(a.ContentHash)
			pendHash[a.ContentHash] = a.ID
			pendID[a.ID] = true
		}
		batch = append(batch, r)
		if len(batch) >= batchSize {
			flush()
		}
	}

	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	lastFlush := time.Now()
	for {
		select {
		case r, ok := <-results:
			if !ok {
				flush()
				p.progress(sum, start, true)
				return fatal
			}
			pending[r.seq] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				take(r)
			}
		case <-tick.C:
			p.progress(sum, start, false)
			if time.Since(lastFlush) > time.Second {
				flush()
				lastFlush = time.Now()
			}
		}
		if fatal != nil {
			for range results {
			}
			return fatal
		}
	}
}

func (p *Pipeline) idTaken(ctx context.Context, id string, pend map[string]bool) (bool, error) {
	if pend[id] {
		return true, nil
	}
	return p.Store.HasID(ctx, id)
}

func (p *Pipeline) progress(s *Summary, start time.Time, final bool) {
	if p.Progress == nil {
		return
	}
	el := time.Since(start).Seconds()
	fmt.Fprintf(p.Progress, "\r%d read, %d added (%.0f articles/s), %d events, %d copies, %d errors ", s.Read, s.Added, float64(s.Read)/max(el, 1e-9), s.Events, s.Copies, s.Errors)
	if final {
		fmt.Fprintln(p.Progress)
	}
}
