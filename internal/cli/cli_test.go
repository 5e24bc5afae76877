package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/testutil"
)

// run executes the CLI in-process and returns its exit status and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelp(t *testing.T) {
	for name := range commands {
		code, out, _ := run(t, "", "help", name)
		if code != 0 || !strings.Contains(out, "usage: marsad "+name) {
			t.Errorf("help %s: exit %d, output %q", name, code, out)
		}
	}
	if code, _, _ := run(t, ""); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
	if code, _, errs := run(t, "", "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errs)
	}
}

func TestCodeFormats(t *testing.T) {
	example := filepath.Join(testutil.RepoRoot(t), "examples", "01-cairo-amman-talks.txt")
	code, out, errs := run(t, "", "code", "--format", "json", "--date", "2023-10-20", example)
	if code != 0 {
		t.Fatalf("code --format json: exit %d: %s", code, errs)
	}
	var docs []model.Coded
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs) != 1 || docs[0].ID != "01-cairo-amman-talks" {
		t.Fatalf("json output: %v %+v", err, docs)
	}
	in := `{"id":"a","text":"التقى وزير الخارجية المصري نظيره الأردني في عمان.","date":"2023-01-05"}
not json
{"id":7,"text":""}
`
	code, out, errs = run(t, in, "code", "--input", "jsonl", "--format", "jsonl")
	if code != 0 || !strings.Contains(errs, ":2: skipped") {
		t.Fatalf("jsonl: exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 documents out, got %d: %q", len(lines), out)
	}
	for _, l := range lines {
		var c model.Coded
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"tsv", "table"} {
		if code, _, errs := run(t, "التقى وزير الخارجية المصري نظيره الأردني.", "code", "--format", f); code != 0 {
			t.Errorf("--format %s: exit %d %s", f, code, errs)
		}
	}
	if code, _, _ := run(t, "", "code", "--format", "xml"); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "code", "/no/such/file.txt"); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

func TestDictCommands(t *testing.T) {
	broken := filepath.Join(testutil.RepoRoot(t), "internal", "dict", "testdata", "broken")
	code, out, _ := run(t, "", "dict", "check", "--builtin=false", broken)
	if code != 1 || !strings.Contains(out, "actors/bad.txt:3:") {
		t.Errorf("dict check on broken files: exit %d, output %q", code, out)
	}
	code, out, _ = run(t, "", "dict", "lookup", "--date", "2022-07-29", "منظمة شانجهاي للتعاون")
	if code != 0 || !strings.Contains(out, "IGOSCO") {
		t.Errorf("dict lookup: exit %d, %q", code, out)
	}
	code, out, _ = run(t, "", "dict", "stats")
	if code != 0 || !strings.Contains(out, "trigger") {
		t.Errorf("dict stats: exit %d, %q", code, out)
	}
	dir := t.TempDir()
	if code, _, errs := run(t, "", "dict", "export", dir); code != 0 {
		t.Errorf("dict export: exit %d %s", code, errs)
	}
	if code, _, _ := run(t, "", "dict", "check", "--builtin=false", dir); code != 0 {
		t.Errorf("exported dictionaries do not pass the check on their own")
	}
}

func TestExplain(t *testing.T) {
	code, out, errs := run(t, "", "explain", "--date", "2023-01-05", "التقى وزير الخارجية المصري نظيره الأردني في عمان.")
	if code != 0 || !strings.Contains(out, "tokens") || !strings.Contains(out, "triggers:") {
		t.Errorf("explain: exit %d, %q %s", code, out, errs)
	}
}

// TestTSVColumns keeps the documented column list and the written fields in
// step.
func TestTSVColumns(t *testing.T) {
	code, out, errs := run(t, "التقى وزير الخارجية المصري نظيره الأردني في عمان.", "code", "--format", "tsv", "--date", "2023-01-05")
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Fatalf("exit %d, output %q, %s", code, out, errs)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if n := len(strings.Split(line, "\t")); n != len(TSVHeader) {
			t.Errorf("%d columns, TSVHeader has %d: %q", n, len(TSVHeader), line)
		}
	}
}
