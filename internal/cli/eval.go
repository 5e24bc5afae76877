package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/eval"
	"github.com/marsad-project/marsad/internal/model"
)

func init() {
	register(&Command{
		Name:    "eval",
		Summary: "score the coder against gold-standard sentences",
		Usage: `eval [--json] [--worst N] [--dict DIR] GOLD.jsonl…

Codes every gold sentence and reports precision, recall and F1 at several
levels (event detected; PLOVER category; CAMEO root; source country + root;
source country + root + target country; the full code), a confusion table by
CAMEO root and the worst examples. Reads marsad's canonical gold
({"id","date","text","events":[…]}), the UniversalPetrarch Arabic set
(up-arabic-gsr.jsonl: scored by PLOVER category, PROTEST/ASSAULT only) and
the detection set (detect-gsr.jsonl: yes/no per category, ambiguous left
out). The format is detected from the records.`,
		Run: runEval,
	})
}

func runEval(env *Env) error {
	fs := newFlags(env, "eval")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	worst := fs.Int("worst", 10, "how many worst examples to show")
	var dicts dictFlag
	fs.Var(&dicts, "dict", "user dictionary folder layered over the built-ins (repeatable)")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("eval needs a gold file")
	}
	d, err := dict.LoadWith(dicts...)
	if err != nil {
		return err
	}
	cd := coder.New(d)
	code := func(doc model.Document) model.Coded { return cd.Code(doc) }
	var reports []eval.Report
	for _, path := range fs.Args() {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		format, items, err := eval.Read(f)
		f.Close()
		if err != nil && len(items) == 0 {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "marsad eval: %s: %v (scored the rest)\n", path, err)
		}
		rep := eval.Score(format, items, code, *worst)
		reports = append(reports, rep)
		if !*asJSON {
			writeReport(env.Stdout, path, rep)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(reports)
	}
	return nil
}

func writeReport(w io.Writer, path string, rep eval.Report) {
	fmt.Fprintf(w, "%s: %d items (%s gold)\n\n", path, rep.Items, rep.Format)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if rep.Detect != nil {
		fmt.Fprintln(tw, "category\tscored\tpos\tneg\tTP\tFP\tFN\tP\tR\tF1\tFP on easy no\tFP on difficult no\tambiguous skipped")
		cats := make([]string, 0, len(rep.Detect))
		for k := range rep.Detect {
			cats = append(cats, k)
		}
		sort.Strings(cats)
		for _, k := range cats {
			s := rep.Detect[k]
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%d/%d\t%d/%d\t%d\n", k, s.Items, s.Positives, s.Negatives,
				s.TP, s.FP, s.FN, s.P, s.R, s.F1, s.FPEasy, s.NegativesEasy, s.FPDifficult, s.NegativesDiffc, s.SkippedAmbig)
		}
		tw.Flush()
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintln(tw, "level\titems\tTP\tFP\tFN\tprecision\trecall\tF1")
	for _, s := range rep.Levels {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n", s.Level, s.Items, s.TP, s.FP, s.FN, s.P, s.R, s.F1)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nconfusion (gold→predicted, by CAMEO root; PLOVER for UP gold), most frequent first:")
	type kv struct {
		k string
		v int
	}
	var conf []kv
	for k, v := range rep.Confusion {
		conf = append(conf, kv{k, v})
	}
	sort.Slice(conf, func(i, j int) bool {
		if conf[i].v != conf[j].v {
			return conf[i].v > conf[j].v
		}
		return conf[i].k < conf[j].k
	})
	var line []string
	for _, c := range conf {
		line = append(line, fmt.Sprintf("%s:%d", c.k, c.v))
	}
	for len(line) > 0 {
		n := min(8, len(line))
		fmt.Fprintln(w, "  "+strings.Join(line[:n], "  "))
		line = line[n:]
	}
	if len(rep.Worst) > 0 {
		fmt.Fprintln(w, "\nworst examples (deepest level):")
		for _, e := range rep.Worst {
			fmt.Fprintf(w, "  %s  %s\n    gold: %s\n    pred: %s\n", e.ID, truncate(e.Text, 160), strings.Join(e.Gold, " | "), strings.Join(e.Pred, " | "))
		}
	}
	fmt.Fprintln(w)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
