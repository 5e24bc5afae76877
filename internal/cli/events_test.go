package cli

import (
	"context"
	"testing"

	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
)

// BenchmarkEventQuery queries the whole shared corpus (ingested once into
// a cached database) by actor and date, as "marsad events --actor SAU
// --from … --to …" does. The target is under 50 ms.
func BenchmarkEventQuery(b *testing.B) {
	path := corpusDB(b)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for _, q := range []struct {
		name string
		q    store.Query
	}{
		{"actor-prefix+3days", store.Query{Actor: "SAU", From: "2015-08-01", To: "2015-08-03", Limit: 1000}},
		{"actor-code+all-dates", store.Query{Actor: "IRNGOV", Limit: 1000}},
		{"country+week", store.Query{Country: "YEM", From: "2015-07-21", To: "2015-07-27", Limit: 1000}},
	} {
		b.Run(q.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = 0
				for _, err := range st.Events(ctx, q.q) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
			}
			b.ReportMetric(float64(n), "events")
		})
	}
}
