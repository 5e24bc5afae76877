package cli

import (
	"encoding/json"
	"fmt"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
)

func init() {
	register(&Command{
		Name:    "unknown",
		Summary: "list phrases that look like actors or triggers but matched nothing",
		Usage: `unknown [--input text|jsonl] [--min N] [--top N] [--json] [--dict DIR] [FILE…|-]

Scans a corpus for dictionary gaps: titles followed by names that are not in
the actor dictionary («الرئيس X»), unknown nouns carrying a nationality
adjective, and verb-like words right before a known actor. Candidates are
ranked by frequency, with example sentences.`,
		Run: func(env *Env) error {
			fs := newFlags(env, "unknown")
			input := fs.String("input", "text", "input format: text or jsonl")
			minCount := fs.Int("min", 2, "report phrases seen at least this often")
			top := fs.Int("top", 50, "report at most this many phrases")
			asJSON := fs.Bool("json", false, "write JSON")
			var dicts dictFlag
			fs.Var(&dicts, "dict", "user dictionary folder layered over the built-ins (repeatable)")
			if err := parseFlags(fs, env.Args); err != nil {
				return err
			}
			d, err := dict.LoadWith(dicts...)
			if err != nil {
				return err
			}
			u := coder.NewUnknowns(coder.New(d))
			files := fs.Args()
			if len(files) == 0 {
				files = []string{"-"}
			}
			for _, f := range files {
				if err := readDocs(env, f, *input, "", func(doc model.Document) error { u.Add(doc); return nil }); err != nil {
					return fmt.Errorf("%s: %w", f, err)
				}
			}
			list := u.List(*minCount)
			if len(list) > *top {
				list = list[:*top]
			}
			if *asJSON {
				enc := json.NewEncoder(env.Stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(list)
			}
			for _, x := range list {
				fmt.Fprintf(env.Stdout, "%5d  %-18s %s\n", x.Count, x.Kind, isolate(x.Phrase))
				for _, ex := range x.Examples[:1] {
					fmt.Fprintf(env.Stdout, "       e.g. %s\n", isolate(truncate(ex, 140)))
				}
			}
			return nil
		},
	})
}
