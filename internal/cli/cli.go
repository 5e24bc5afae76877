// Package cli implements the marsad command line. Each subcommand lives in a
// file of its own and registers itself in commands; Run dispatches to it, so
// the whole CLI can be driven from tests without a process.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Env is what a subcommand may touch: its arguments and standard streams.
type Env struct {
	Ctx    context.Context
	Args   []string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// Command is one marsad subcommand.
type Command struct {
	Name    string
	Summary string // one line, shown by "marsad help"
	Usage   string // synopsis and details, shown by "marsad help NAME"
	Run     func(env *Env) error
}

var commands = map[string]*Command{}

// register adds a subcommand; it is called from init in each command's file.
func register(c *Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: duplicate command " + c.Name)
	}
	commands[c.Name] = c
}

// usageError marks an error caused by how the command was called; Run
// answers it with exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Run executes marsad with args (without the program name) and returns the
// process exit status: 0 success, 1 failure, 2 bad usage.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printOverview(stderr)
		return 2
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "marsad: unknown command %q; run \"marsad help\"\n", name)
		return 2
	}
	env := &Env{Ctx: ctx, Args: args[1:], Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if err := cmd.Run(env); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		fmt.Fprintf(stderr, "marsad %s: %v\n", cmd.Name, err)
		if _, ok := err.(usageError); ok {
			fmt.Fprintf(stderr, "run \"marsad help %s\" for usage\n", cmd.Name)
			return 2
		}
		return 1
	}
	return 0
}

// newFlags returns a flag set for cmd that writes its messages to env.Stderr
// and prints the command's usage on -h.
func newFlags(env *Env, cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		if c, ok := commands[cmd]; ok {
			fmt.Fprintf(env.Stderr, "usage: marsad %s\n", c.Usage)
		}
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses env.Args with fs, turning parse failures into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

func printOverview(w io.Writer) {
	fmt.Fprintln(w, "marsad codes Arabic news into political event data (CAMEO/PLOVER).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage: marsad COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].Summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `run "marsad help COMMAND" for details`)
}

func init() {
	register(&Command{
		Name:    "help",
		Summary: "explain marsad or one of its commands",
		Usage:   "help [COMMAND]",
		Run: func(env *Env) error {
			if len(env.Args) == 0 {
				printOverview(env.Stdout)
				return nil
			}
			c, ok := commands[env.Args[0]]
			if !ok {
				return usagef("unknown command %q", env.Args[0])
			}
			fmt.Fprintf(env.Stdout, "marsad %s: %s\n\nusage: marsad %s\n", c.Name, c.Summary, strings.TrimSpace(c.Usage))
			return nil
		},
	})
}
