package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/marsad-project/marsad/data"
	"github.com/marsad-project/marsad/internal/dict"
)

func init() {
	register(&Command{
		Name:    "dict",
		Summary: "check, search, count or export the dictionaries",
		Usage: `dict check [--builtin=true] [DIR]
       marsad dict lookup [--dict DIR] [--date YYYY-MM-DD] TEXT
       marsad dict stats [--dict DIR]
       marsad dict export DIR

check   validates the built-in dictionaries and, when DIR is given, the user
        folder DIR layered on top (DIR has actors/, agents/, verbs/, places/).
        Each problem is printed as file:line: message; the exit status is 1
        when there is any. --builtin=false checks DIR alone.
lookup  shows every entry that TEXT matches after normalisation and clitic
        segmentation, with the code in force on --date, and says when a user
        entry overrides a built-in one.
stats   counts entries, forms and codes per dictionary.
export  writes the built-in data files to DIR, to edit and pass with --dict.`,
		Run: runDict,
	})
}

func runDict(env *Env) error {
	if len(env.Args) == 0 {
		return usagef("dict needs a subcommand: check, lookup, stats or export")
	}
	sub, args := env.Args[0], env.Args[1:]
	switch sub {
	case "check":
		return dictCheck(env, args)
	case "lookup":
		return dictLookup(env, args)
	case "stats":
		return dictStats(env, args)
	case "export":
		return dictExport(env, args)
	}
	return usagef("unknown dict subcommand %q", sub)
}

// dictFlag collects repeated --dict DIR flags.
type dictFlag []string

func (d *dictFlag) String() string     { return strings.Join(*d, ",") }
func (d *dictFlag) Set(s string) error { *d = append(*d, s); return nil }

func dictCheck(env *Env, args []string) error {
	fs := newFlags(env, "dict")
	builtin := fs.Bool("builtin", true, "include the built-in dictionaries")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var srcs []dict.Source
	if *builtin {
		srcs = append(srcs, dict.Builtin())
	}
	for _, dir := range fs.Args() {
		s, err := dict.UserDir(dir)
		if err != nil {
			return err
		}
		srcs = append(srcs, s)
	}
	if len(srcs) == 0 {
		return usagef("nothing to check: give a DIR or leave --builtin on")
	}
	d, err := dict.Load(srcs...)
	if err != nil {
		return err
	}
	probs := dict.Check(d)
	for _, p := range probs {
		fmt.Fprintln(env.Stdout, p.Error())
	}
	st := d.Stats()
	fmt.Fprintf(env.Stderr, "checked %d entries (%d actors, %d agents, %d triggers, %d places): %d problems\n",
		len(d.Entries), st.Entries[dict.Actor], st.Entries[dict.Agent], st.Entries[dict.Trigger], st.Entries[dict.Place], len(probs))
	if len(probs) > 0 {
		return fmt.Errorf("%d problems", len(probs))
	}
	return nil
}

func dictLookup(env *Env, args []string) error {
	fs := newFlags(env, "dict")
	var dirs dictFlag
	fs.Var(&dirs, "dict", "user dictionary folder layered over the built-ins (repeatable)")
	date := fs.String("date", "", "date (YYYY-MM-DD) for dated codes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" {
		return usagef("lookup needs TEXT")
	}
	d, err := dict.LoadWith(dirs...)
	if err != nil {
		return err
	}
	found := d.Lookup(text)
	if len(found) == 0 {
		fmt.Fprintln(env.Stdout, "no entry matches")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SPAN\tTEXT\tKIND\tCODE\tFORM\tENTRY\tWHERE")
	for _, f := range found {
		code := f.Entry.Code()
		if f.Entry.Kind == dict.Actor {
			if c, ok := f.Entry.CodeOn(*date); ok {
				code = c
			} else {
				code = "(none on " + *date + ")"
			}
		}
		form := f.Form
		if f.Generated {
			form += " (generated)"
		}
		where := f.Entry.Pos()
		if f.Override != nil {
			where += " overrides " + f.Override.Entry.Pos()
		}
		fmt.Fprintf(tw, "%d-%d\t%s\t%s\t%s\t%s\t%s\t%s\n", f.StartByte, f.EndByte, f.Text, f.Entry.Kind, code, form, f.Entry.EN(), where)
	}
	return tw.Flush()
}

func dictStats(env *Env, args []string) error {
	fs := newFlags(env, "dict")
	var dirs dictFlag
	fs.Var(&dirs, "dict", "user dictionary folder layered over the built-ins (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	d, err := dict.LoadWith(dirs...)
	if err != nil {
		return err
	}
	writeStats(env.Stdout, d.Stats())
	return nil
}

func writeStats(w io.Writer, s dict.Stats) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "dictionary\tentries\tforms\tpatterns\tcodes\t")
	for _, k := range dict.Kinds() {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t\n", k, s.Entries[k], s.Forms[k], s.Indexed[k], len(s.Codes[k]))
	}
	tw.Flush()
	section := func(title string, m map[string]int) {
		fmt.Fprintf(w, "\n%s:\n", title)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := k
			if name == "" {
				name = "(none)"
			}
			fmt.Fprintf(w, "  %-10s %6d\n", name, m[k])
		}
	}
	section("actors by type", s.ByType)
	section("triggers by CAMEO root", s.ByRoot)
	section("places by kind", s.ByPlace)
}

func dictExport(env *Env, args []string) error {
	if len(args) != 1 {
		return usagef("export needs exactly one DIR")
	}
	dir := args[0]
	n := 0
	err := fs.WalkDir(data.FS, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := fs.ReadFile(data.FS, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if _, err := os.Stat(dst); err == nil {
			return fmt.Errorf("%s exists; not overwriting", dst)
		}
		n++
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "wrote %d files to %s\n", n, dir)
	return nil
}
