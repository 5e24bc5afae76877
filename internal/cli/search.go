package cli

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/marsad-project/marsad/internal/model"
)

func init() {
	register(&Command{
		Name:    "search",
		Summary: "full-text search of stored articles, Arabic-aware",
		Usage: `search [--db PATH] [--limit N] "QUERY"

Finds the stored articles that contain every word of QUERY, ranked by
BM25 (title words weigh double), each with a snippet of the original text
with the matches marked. Words match as marsad reads them: spelling
variants (أ/إ/ا, ة/ه, ى/ي), harakat and tatweel are ignored and clitics are
split, so الخارجيّة finds الخارجية and وبالتعاون finds التعاون.`,
		Run: runSearch,
	})
}

func runSearch(env *Env) error {
	fs := newFlags(env, "search")
	db := dbFlag(fs)
	limit := fs.Int("limit", 10, "most articles to show")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if q == "" {
		return usagef("give a query")
	}
	if *limit <= 0 {
		return usagef("--limit must be positive")
	}
	st, err := openExisting(env.Ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(env.Ctx, q, *limit)
	if err != nil {
		return err
	}
	open, close := "[", "]"
	if isTerminal(env.Stdout) {
		open, close = "\x1b[1;33m", "\x1b[0m"
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	for i, h := range hits {
		fmt.Fprintf(w, "%d. %s  %s  %s  (bm25 %.2f)\n", i+1, h.ID, h.Date, h.Source, h.Score)
		if h.Title != "" {
			fmt.Fprintf(w, "   %s\n", clean(h.Title))
		}
		if h.URL != "" {
			fmt.Fprintf(w, "   %s\n", h.URL)
		}
		fmt.Fprintf(w, "   …%s…\n\n", clean(highlight(h.Snippet, h.Marks, open, close)))
	}
	fmt.Fprintf(w, "%d articles\n", len(hits))
	return nil
}

// highlight wraps the marked spans of s (relative to s) in open and close.
func highlight(s string, marks []model.Span, open, close string) string {
	var b strings.Builder
	last := 0
	for _, m := range marks {
		if m.Start < last || m.End > len(s) || m.Start > m.End {
			continue
		}
		b.WriteString(s[last:m.Start])
		b.WriteString(open)
		b.WriteString(s[m.Start:m.End])
		b.WriteString(close)
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String()
}
