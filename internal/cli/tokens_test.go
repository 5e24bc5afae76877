package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs marsad with args and stdin and returns its exit status and
// output streams.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestTokensTable(t *testing.T) {
	code, out, errOut := runCLI(t, "وزير الخارجية يلتقي نظيره\nوقال وبالتعاون مع بكين.. إن 10% تكفي.", "tokens")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"sentence 1 [0,", "sentence 2 [",
		"span", "kind", "analyses",
		"و+ب+ال+تعاون", "نظير+ه", "number", "10%", "punct", "..",
		"الخارجيه", // the key of الخارجية
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "sentence 3") {
		t.Errorf("agency dots split the sentence:\n%s", out)
	}
}

func TestTokensJSON(t *testing.T) {
	text := "أكد الوزير.\n\nوسيزور بكين"
	code, out, errOut := runCLI(t, text, "tokens", "--json", "-")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 JSON lines, got %d:\n%s", len(lines), out)
	}
	var s struct {
		Sentence int    `json:"sentence"`
		Span     [2]int `json:"span"`
		Text     string `json:"text"`
		Tokens   []struct {
			Span     [2]int   `json:"span"`
			Kind     string   `json:"kind"`
			Text     string   `json:"text"`
			Key      string   `json:"key"`
			Analyses []string `json:"analyses"`
		} `json:"tokens"`
	}
	if err := json.Unmarshal([]byte(lines[1]), &s); err != nil {
		t.Fatal(err)
	}
	if s.Sentence != 2 || s.Text != "وسيزور بكين" || text[s.Span[0]:s.Span[1]] != s.Text {
		t.Errorf("sentence = %+v", s)
	}
	if len(s.Tokens) != 2 {
		t.Fatalf("tokens = %+v", s.Tokens)
	}
	tok := s.Tokens[0]
	if text[tok.Span[0]:tok.Span[1]] != "وسيزور" || tok.Kind != "word" || tok.Key != "وسيزور" {
		t.Errorf("token = %+v", tok)
	}
	found := false
	for _, a := range tok.Analyses {
		found = found || a == "و+س+يزور"
	}
	if !found {
		t.Errorf("analyses of وسيزور = %v", tok.Analyses)
	}
}

func TestTokensFileAndWarnings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.txt")
	if err := os.WriteFile(path, []byte("نص\xff سليم\x00."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "tokens", path)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, "offset 4") || !strings.Contains(errOut, "offset 14") {
		t.Errorf("stderr lacks invalid byte warnings: %q", errOut)
	}
	if !strings.Contains(out, "سليم") {
		t.Errorf("output: %s", out)
	}
	many := strings.Repeat("\xff", 30)
	_, _, errOut = runCLI(t, many, "tokens")
	if !strings.Contains(errOut, "20 more invalid bytes") {
		t.Errorf("stderr does not summarise: %q", errOut)
	}
}

func TestTokensErrors(t *testing.T) {
	if code, _, _ := runCLI(t, "", "tokens", "a", "b"); code != 2 {
		t.Errorf("two files: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "tokens", "--bogus"); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "tokens", filepath.Join(t.TempDir(), "missing")); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
	if code, out, _ := runCLI(t, "", "tokens"); code != 0 || out != "" {
		t.Errorf("empty input: exit %d, output %q", code, out)
	}
	if code, out, _ := runCLI(t, "", "help", "tokens"); code != 0 || !strings.Contains(out, "--json") {
		t.Errorf("help tokens: exit %d, output %q", code, out)
	}
}
