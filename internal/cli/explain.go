package cli

import (
	"strings"

	"github.com/marsad-project/marsad/internal/coder"
	"github.com/marsad-project/marsad/internal/dict"
	"github.com/marsad-project/marsad/internal/model"
)

func init() {
	register(&Command{
		Name:    "explain",
		Summary: "show every step of coding a sentence or article",
		Usage: `explain [--date YYYY-MM-DD] [--dict DIR] TEXT|-

Prints the tokens and their clitic readings, the actor mentions and how each
was resolved, the places, every trigger tried (and why one was rejected),
and the final events with the rules that produced them.`,
		Run: func(env *Env) error {
			fs := newFlags(env, "explain")
			date := fs.String("date", "", "article date (YYYY-MM-DD)")
			var dicts dictFlag
			fs.Var(&dicts, "dict", "user dictionary folder layered over the built-ins (repeatable)")
			if err := parseFlags(fs, env.Args); err != nil {
				return err
			}
			text := strings.Join(fs.Args(), " ")
			if text == "-" {
				var doc model.Document
				err := readDocs(env, "-", "text", *date, func(d model.Document) error { doc = d; return nil })
				if err != nil {
					return err
				}
				text = doc.Text
			}
			if strings.TrimSpace(text) == "" {
				return usagef("explain needs TEXT (or - for standard input)")
			}
			d, err := dict.LoadWith(dicts...)
			if err != nil {
				return err
			}
			_, ex := coder.New(d).Explain(model.Document{ID: "explain", Date: *date, Text: text})
			ex.Write(env.Stdout)
			return nil
		},
	})
}
