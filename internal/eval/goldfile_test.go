package eval

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/ontology"
	"github.com/marsad-project/marsad/internal/testutil"
)

// TestGoldFileConsistent checks marsad's own gold against the conventions it
// claims to follow: unique ids, spans that are substrings of the text, codes
// that exist, PLOVER as the function of CAMEO, actor codes that are valid,
// reciprocal and visit events present in both directions.
func TestGoldFileConsistent(t *testing.T) {
	for _, set := range []struct {
		name string
		min  int
	}{{"gold.jsonl", 400}, {"heldout.jsonl", 150}} {
		t.Run(set.name, func(t *testing.T) {
			checkGoldFile(t, filepath.Join(testutil.RepoRoot(t), "testdata", "gold", set.name), set.min)
		})
	}
}

func checkGoldFile(t *testing.T, p string, min int) {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type ev struct {
		Source, Target, CAMEO, PLOVER, Location *string
		SourceText                              *string `json:"source_text"`
		TargetText                              *string `json:"target_text"`
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<22)
	ids := map[string]bool{}
	n := 0
	for sc.Scan() {
		n++
		var rec struct {
			ID, Date, Text string
			Events         []ev
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if ids[rec.ID] {
			t.Errorf("%s: duplicate id", rec.ID)
		}
		ids[rec.ID] = true
		dyads := map[string]bool{}
		for _, e := range rec.Events {
			if e.CAMEO == nil {
				t.Errorf("%s: event without cameo", rec.ID)
				continue
			}
			c, ok := ontology.Lookup(*e.CAMEO)
			if !ok {
				t.Errorf("%s: unknown CAMEO %q", rec.ID, *e.CAMEO)
				continue
			}
			if got := str(e.PLOVER); got != c.PLOVER {
				t.Errorf("%s: %s has plover %q, want %q", rec.ID, *e.CAMEO, got, c.PLOVER)
			}
			for _, a := range []*string{e.Source, e.Target} {
				if a != nil && ontology.ValidActorCode(*a) != nil {
					t.Errorf("%s: actor code %q: %v", rec.ID, *a, ontology.ValidActorCode(*a))
				}
			}
			for _, s := range []*string{e.SourceText, e.TargetText} {
				if s != nil && !strings.Contains(rec.Text, *s) {
					t.Errorf("%s: %q is not in the text", rec.ID, *s)
				}
			}
			dyads[str(e.Source)+" "+*e.CAMEO+" "+str(e.Target)] = true
		}
		for _, e := range rec.Events {
			if e.CAMEO == nil || e.Target == nil || e.Source == nil {
				continue
			}
			rev := *e.Target + " " + *e.CAMEO + " " + *e.Source
			switch {
			case *e.CAMEO == "042":
				rev = *e.Target + " 043 " + *e.Source
			case *e.CAMEO == "043":
				rev = *e.Target + " 042 " + *e.Source
			case !ontology.Mutual(*e.CAMEO):
				continue
			}
			if !dyads[rev] {
				t.Errorf("%s: %s %s %s has no reverse event %s (B1/B2)", rec.ID, *e.Source, *e.CAMEO, *e.Target, rev)
			}
		}
	}
	if n < min {
		t.Errorf("%d gold sentences in %s; want at least %d", n, p, min)
	}
}
