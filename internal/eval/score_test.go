package eval

import (
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

func ptr(s string) *string { return &s }

// TestScoreCounts checks the arithmetic on a hand-made case.
func TestScoreCounts(t *testing.T) {
	gold := `{"id":"a","date":"2020-01-01","text":"x","events":[{"source":"EGYGOV","cameo":"040","plover":"CONSULT","target":"JORGOV"},{"source":"JORGOV","cameo":"040","plover":"CONSULT","target":"EGYGOV"}]}
{"id":"b","date":"2020-01-01","text":"y","events":[]}
{"id":"c","date":"2020-01-01","text":"z","events":[{"source":"SYRMIL","cameo":"190","plover":"ASSAULT","target":"SYRREB"}]}`
	format, items, err := Read(strings.NewReader(gold))
	if err != nil || format != Canonical || len(items) != 3 {
		t.Fatalf("Read: %v %s %d", err, format, len(items))
	}
	pred := map[string][]model.Event{
		"a": {{Source: &model.Actor{Code: "EGYGOV"}, Target: &model.Actor{Code: "JORGOV"}, CAMEO: "040", PLOVER: ptr("CONSULT")}},
		"b": {{Source: &model.Actor{Code: "USAGOV"}, CAMEO: "010"}},
		"c": {},
	}
	rep := Score(format, items, func(d model.Document) model.Coded { return model.Coded{ID: d.ID, Events: pred[d.ID]} }, 5)
	want := map[string]Counts{
		"event":                             {TP: 1, FP: 1, FN: 1},
		"cameo root":                        {TP: 1, FP: 1, FN: 1},
		"full code (source, cameo, target)": {TP: 1, FP: 1, FN: 2},
	}
	for _, s := range rep.Levels {
		if w, ok := want[s.Level]; ok && (Counts{s.TP, s.FP, s.FN}) != w {
			t.Errorf("%s: got TP %d FP %d FN %d, want %+v", s.Level, s.TP, s.FP, s.FN, w)
		}
	}
	if rep.Confusion["19→none"] != 1 || rep.Confusion["none→01"] != 1 || rep.Confusion["04→04"] != 1 {
		t.Errorf("confusion: %v", rep.Confusion)
	}
	if c := (Counts{TP: 1, FP: 1, FN: 3}); c.Precision() != 0.5 || c.Recall() != 0.25 {
		t.Errorf("P/R: %v %v", c.Precision(), c.Recall())
	}
}

func TestReadFormats(t *testing.T) {
	up := `{"id":"x","category":"PROTEST","text":"t","gold":[{"plover":"PROTEST","cameo":null,"source_country":"TUN","source_agent":null,"target_country":null,"target_agent":null}]}`
	f, items, err := Read(strings.NewReader(up))
	if err != nil || f != UP || items[0].Events[0].SourceCountry != "TUN" {
		t.Fatalf("UP: %v %s %+v", err, f, items)
	}
	det := `{"id":"protest-1","category":"PROTEST","label":"easy no","accept":0,"reject":3,"total":3,"text":"t"}`
	f, items, err = Read(strings.NewReader(det))
	if err != nil || f != Detect || items[0].Label != "easy no" {
		t.Fatalf("detect: %v %s %+v", err, f, items)
	}
	if _, _, err := Read(strings.NewReader("{not json\n")); err == nil {
		t.Fatal("malformed line not reported")
	}
}
