package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/testutil"
)

// BenchmarkIngest stores the first 3,000 articles of the shared corpus end
// to end: hashing, fingerprints, search tokens, coding, SQLite and FTS5.
// The target is 1,000 articles/s on 2 cores.
func BenchmarkIngest(b *testing.B) {
	arts := testutil.CorpusArticles(b, benchN())
	d, err := dict.Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		p := &ingest.Pipeline{Store: st, NewCoder: func() ingest.CodeFunc { return coder.New(d).Code }, DictVersion: d.Version()}
		b.StartTimer()
		sum, err := p.Run(ctx, func(ctx context.Context, emit ingest.Emit) error {
			for _, a := range arts {
				if err := emit(ingest.Record{Doc: model.Document{ID: a.ID, Date: a.Date, Text: a.Text}}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if sum.Errors > 0 {
			b.Fatalf("%d errors", sum.Errors)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// benchN is how many corpus articles BenchmarkIngest stores: 3,000, or
// MARSAD_BENCH_ARTICLES to measure how ingest scales.
func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("MARSAD_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 3000
}
