// Package eval scores coded events against gold-standard sentences: marsad's
// own canonical gold, the UniversalPetrarch Arabic span set, and the
// arabic_event_gsr detection set.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format names a gold file layout.
type Format string

// Gold formats. Canonical is marsad's own; UP is up-arabic-gsr.jsonl (one
// PROTEST/ASSAULT event per sentence, CAMEO left empty); Detect is
// detect-gsr.jsonl (yes/no per category).
const (
	Canonical Format = "canonical"
	UP        Format = "up"
	Detect    Format = "detect"
)

// GoldEvent is one gold event, reduced to what is scored.
type GoldEvent struct {
	Source   string // actor code or "" (null)
	Target   string
	CAMEO    string // "" when the gold leaves it empty
	PLOVER   string // "" for null
	Location string
	// For UP gold, where only the country halves are coded.
	SourceCountry, TargetCountry string
}

// Item is one gold sentence or document.
type Item struct {
	ID     string
	Date   string
	Text   string
	Tags   []string
	Events []GoldEvent
	// Detect format.
	Category string // PROTEST or ASSAULT
	Label    string // yes, easy no, difficult no, ambiguous
	Line     int
}

// Read parses a gold file, detecting its format from the first record.
// Malformed lines are returned as errors with their line numbers, after the
// good ones.
func Read(r io.Reader) (Format, []Item, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var items []Item
	var format Format
	var bad []string
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(b, &raw); err != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		f := detectFormat(raw)
		if format == "" {
			format = f
		}
		if f != format {
			bad = append(bad, fmt.Sprintf("line %d: a %s record in a %s file", line, f, format))
			continue
		}
		it, err := parseItem(f, b)
		if err != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		it.Line = line
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return format, items, err
	}
	if len(bad) > 0 {
		return format, items, fmt.Errorf("%d bad lines: %s", len(bad), strings.Join(bad, "; "))
	}
	if format == "" {
		return format, nil, fmt.Errorf("no gold records")
	}
	return format, items, nil
}

func detectFormat(raw map[string]json.RawMessage) Format {
	switch {
	case raw["events"] != nil:
		return Canonical
	case raw["gold"] != nil:
		return UP
	case raw["label"] != nil:
		return Detect
	}
	return Canonical
}

func parseItem(f Format, b []byte) (Item, error) {
	switch f {
	case UP:
		var rec struct {
			ID       string `json:"id"`
			Category string `json:"category"`
			Text     string `json:"text"`
			Gold     []struct {
				PLOVER        *string `json:"plover"`
				CAMEO         *string `json:"cameo"`
				SourceCountry *string `json:"source_country"`
				SourceAgent   *string `json:"source_agent"`
				TargetCountry *string `json:"target_country"`
				TargetAgent   *string `json:"target_agent"`
			} `json:"gold"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return Item{}, err
		}
		it := Item{ID: rec.ID, Text: rec.Text, Category: rec.Category}
		for _, g := range rec.Gold {
			it.Events = append(it.Events, GoldEvent{PLOVER: str(g.PLOVER), CAMEO: str(g.CAMEO),
				SourceCountry: str(g.SourceCountry), TargetCountry: str(g.TargetCountry),
				Source: str(g.SourceCountry) + str(g.SourceAgent), Target: str(g.TargetCountry) + str(g.TargetAgent)})
		}
		return it, nil
	case Detect:
		var rec struct {
			ID, Category, Label, Text string
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return Item{}, err
		}
		return Item{ID: rec.ID, Text: rec.Text, Category: rec.Category, Label: rec.Label}, nil
	}
	var rec struct {
		ID     string   `json:"id"`
		Date   string   `json:"date"`
		Text   string   `json:"text"`
		Tags   []string `json:"tags"`
		Events []struct {
			Source   *string `json:"source"`
			Target   *string `json:"target"`
			CAMEO    *string `json:"cameo"`
			PLOVER   *string `json:"plover"`
			Location *string `json:"location"`
		} `json:"events"`
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		return Item{}, err
	}
	if rec.Text == "" {
		return Item{}, fmt.Errorf("record %q has no text", rec.ID)
	}
	it := Item{ID: rec.ID, Date: rec.Date, Text: rec.Text, Tags: rec.Tags}
	for _, e := range rec.Events {
		if e.CAMEO == nil || *e.CAMEO == "" {
			return Item{}, fmt.Errorf("record %q: an event without cameo", rec.ID)
		}
		ge := GoldEvent{Source: str(e.Source), Target: str(e.Target), CAMEO: *e.CAMEO, PLOVER: str(e.PLOVER), Location: str(e.Location)}
		ge.SourceCountry, ge.TargetCountry = countryKey(ge.Source), countryKey(ge.Target)
		it.Events = append(it.Events, ge)
	}
	return it, nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// countryKey is the "country" half of an actor code for scoring: the first
// three letters, or the whole organisation code for IGO/NGO actors (IGOSCO
// and IGOUNO are different actors).
func countryKey(code string) string {
	if len(code) < 3 {
		return code
	}
	c := code[:3]
	if (c == "IGO" || c == "NGO") && len(code) >= 6 {
		return code[len(code)-3:]
	}
	return c
}
