package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// maxBadWarnings bounds the invalid-byte warnings printed one by one.
const maxBadWarnings = 10

func init() {
	register(&Command{
		Name:    "tokens",
		Summary: "show how marsad cuts text into sentences, tokens, keys and clitics",
		Usage: `tokens [--json] [FILE|-]

Reads UTF-8 text from FILE, or from standard input when FILE is "-" or
missing, and prints each sentence followed by its tokens: byte span in the
input, kind, text, match key and the clitic segmentations of the token
(e.g. و+ب+ال+تعاون; the unsegmented reading is not repeated). With --json
it prints one JSON object per sentence, one per line. Invalid UTF-8 and NUL
bytes are reported on standard error and read as spaces.`,
		Run: runTokens,
	})
}

// tokenJSON is one token in --json output.
type tokenJSON struct {
	Span     model.Span `json:"span"`
	Kind     string     `json:"kind"`
	Text     string     `json:"text"`
	Key      string     `json:"key"`
	Analyses []string   `json:"analyses,omitempty"`
}

// sentenceJSON is one line of --json output.
type sentenceJSON struct {
	Sentence int         `json:"sentence"`
	Span     model.Span  `json:"span"`
	Text     string      `json:"text"`
	Tokens   []tokenJSON `json:"tokens"`
}

func runTokens(env *Env) error {
	fs := newFlags(env, "tokens")
	asJSON := fs.Bool("json", false, "print one JSON object per sentence")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("at most one FILE")
	}
	raw, err := readInput(env, fs.Arg(0))
	if err != nil {
		return err
	}
	text, bad := arabic.Sanitize(string(raw))
	for i, off := range bad {
		if i == maxBadWarnings {
			fmt.Fprintf(env.Stderr, "marsad tokens: warning: %d more invalid bytes\n", len(bad)-i)
			break
		}
		fmt.Fprintf(env.Stderr, "marsad tokens: warning: invalid UTF-8 or NUL byte at offset %d\n", off)
	}

	out := bufio.NewWriter(env.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var toks []arabic.Token
	var as []arabic.Analysis
	for n, sp := range arabic.SplitSentences(text) {
		if err := env.Ctx.Err(); err != nil {
			return err
		}
		sentence := text[sp.Start:sp.End]
		toks = arabic.Tokenize(toks[:0], sentence)
		if *asJSON {
			s := sentenceJSON{Sentence: n + 1, Span: sp, Text: sentence, Tokens: make([]tokenJSON, 0, len(toks))}
			for _, t := range toks {
				word := sentence[t.Start:t.End]
				as = arabic.AppendAnalyses(as[:0], word)
				s.Tokens = append(s.Tokens, tokenJSON{
					Span:     model.Span{Start: sp.Start + t.Start, End: sp.Start + t.End},
					Kind:     t.Kind.String(),
					Text:     word,
					Key:      arabic.Key(word),
					Analyses: formatAnalyses(word, as),
				})
			}
			if err := enc.Encode(s); err != nil {
				return err
			}
			continue
		}
		if n > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintf(out, "sentence %d [%d,%d): %s\n", n+1, sp.Start, sp.End, sentence)
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  span\tkind\ttext\tkey\tanalyses")
		for _, t := range toks {
			word := sentence[t.Start:t.End]
			as = arabic.AppendAnalyses(as[:0], word)
			fmt.Fprintf(tw, "  %d-%d\t%s\t%s\t%s\t%s\n", sp.Start+t.Start, sp.Start+t.End,
				t.Kind, word, arabic.Key(word), strings.Join(formatAnalyses(word, as), " "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return out.Flush()
}

// formatAnalyses formats the segmented analyses of word, skipping the
// first, unsegmented one.
func formatAnalyses(word string, as []arabic.Analysis) []string {
	if len(as) <= 1 {
		return nil
	}
	out := make([]string, 0, len(as)-1)
	for i := 1; i < len(as); i++ {
		out = append(out, as[i].Format(word))
	}
	return out
}

// readInput reads the named file, or standard input for "" and "-".
func readInput(env *Env, name string) ([]byte, error) {
	if name == "" || name == "-" {
		if env.Stdin == nil {
			return nil, nil
		}
		return io.ReadAll(env.Stdin)
	}
	return os.ReadFile(name)
}
