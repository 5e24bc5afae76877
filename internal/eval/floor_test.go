package eval

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/testutil"
)

var raiseFloor = flag.Bool("raise-floor", false, "raise testdata/gold/floor.json to the F1 measured now (never lowers it)")

func codeFunc(t testing.TB) CodeFunc {
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := coder.New(d)
	return func(doc model.Document) model.Coded { return c.Code(doc) }
}

// TestGoldFloor scores the coder on marsad's own gold sets and fails when an
// F1 falls below the floor recorded beside each: gold.jsonl (the
// development set the coder is tuned on) against floor.json, heldout.jsonl
// (written independently and never tuned against) against
// heldout-floor.json. Floors only rise: -raise-floor writes the new figures
// when they are higher.
func TestGoldFloor(t *testing.T) {
	root := testutil.RepoRoot(t)
	code := codeFunc(t)
	for _, set := range []struct{ gold, floor string }{
		{"gold.jsonl", "floor.json"},
		{"heldout.jsonl", "heldout-floor.json"},
	} {
		t.Run(set.gold, func(t *testing.T) {
			checkFloor(t, code, filepath.Join(root, "testdata", "gold", set.gold), filepath.Join(root, "testdata", "gold", set.floor))
		})
	}
}

func checkFloor(t *testing.T, code CodeFunc, goldPath, floorPath string) {
	f, err := os.Open(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format, items, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(format, items, code, 0)
	floor := map[string]float64{}
	if b, err := os.ReadFile(floorPath); err == nil {
		if err := json.Unmarshal(b, &floor); err != nil {
			t.Fatalf("%s: %v", floorPath, err)
		}
	}
	raised := false
	for _, s := range rep.Levels {
		t.Logf("%-40s P %.3f R %.3f F1 %.3f", s.Level, s.P, s.R, s.F1)
		if min, ok := floor[s.Level]; ok && s.F1+1e-9 < min {
			t.Errorf("%s: F1 %.3f is below the floor %.3f", s.Level, s.F1, min)
		}
		if *raiseFloor && s.F1 > floor[s.Level] {
			floor[s.Level] = float64(int(s.F1*1000)) / 1000
			raised = true
		}
	}
	if raised {
		b, _ := json.MarshalIndent(floor, "", "  ")
		if err := os.WriteFile(floorPath, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSharedEval runs the peer gold sets when ../shared is present, to show
// the figures in test logs; it asserts only that scoring works.
func TestSharedEval(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the shared eval sets in -short mode")
	}
	for _, name := range []string{"eval/up-arabic-gsr.jsonl"} {
		p := testutil.Shared(t, name)
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		format, items, err := Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if format != UP || len(items) != 645 {
			t.Fatalf("%s: format %s, %d items; want up, 645", name, format, len(items))
		}
		rep := Score(format, items, codeFunc(t), 3)
		for _, s := range rep.Levels {
			t.Logf("%s %-45s P %.3f R %.3f F1 %.3f", name, s.Level, s.P, s.R, s.F1)
		}
	}
}
