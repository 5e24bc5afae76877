package coder

import (
	"fmt"
	"io"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Explanation records how a document was coded, step by step.
type Explanation struct {
	Sentences []*sentenceExplain
	Result    model.Coded
	text      string
}

type sentenceExplain struct {
	s        *sentence
	mentions []*mention
	places   []*placeRef
	triggers []*trig
	contents []*content
	events   []model.Event
}

// Write prints the explanation for a dictionary editor.
func (x *Explanation) Write(w io.Writer) {
	for _, sx := range x.Sentences {
		s := sx.s
		fmt.Fprintf(w, "── sentence %d [%d,%d)\n%s\n\n", s.index, s.start, s.end, x.text[s.start:s.end])
		fmt.Fprintln(w, "tokens (span, key, clitic readings):")
		var an []arabic.Analysis
		for k, wd := range s.words {
			an = arabic.AppendAnalyses(an[:0], wd.text)
			var readings []string
			for i := range an {
				readings = append(readings, an[i].Format(wd.text))
			}
			fmt.Fprintf(w, "  %3d [%d,%d) %-14s key=%-12s %s\n", k, wd.start, wd.end, wd.text, wd.key, strings.Join(readings, " | "))
		}
		fmt.Fprintln(w, "\nactor mentions:")
		if len(sx.mentions) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		for _, m := range sx.mentions {
			role := "actor"
			switch {
			case m.media:
				role = "reporter (media, not an actor)"
			case m.place:
				role = "place (locative use)"
			}
			extra := ""
			if m.prep != "" {
				extra += " prep=" + m.prep
			}
			if m.conj {
				extra += " conj"
			}
			if m.next != nil {
				extra += " coordinated-with-next"
			}
			fmt.Fprintf(w, "  words %d-%d «%s» → %s (%s)%s; %s\n", m.i, m.j, x.text[m.start:m.end], m.code, role, extra, m.trace)
		}
		fmt.Fprintln(w, "\nplaces:")
		if len(sx.places) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		for _, p := range sx.places {
			fmt.Fprintf(w, "  words %d-%d → %s, %s (%.4f, %.4f) %s\n", p.i, p.j, p.name, p.country, p.lat, p.lon, p.entry.Pos())
		}
		fmt.Fprintln(w, "\ntriggers:")
		if len(sx.triggers) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		for _, t := range sx.triggers {
			status := "coded"
			switch {
			case t.why != "":
				status = "rejected: " + t.why
			case t.speech:
				status = "speech verb: its content is coded"
			}
			fmt.Fprintf(w, "  words %d-%d «%s» %s %s pos=%s slots=%s — %s\n", t.i, t.j, t.form, t.code, t.entry.Pos(), t.pos, strings.Join(t.slots, ","), status)
		}
		for _, ct := range sx.contents {
			sp := "(no speaker)"
			if ct.speaker != nil {
				sp = ct.speaker.code
			}
			fmt.Fprintf(w, "  reported speech words %d-%d by %s\n", ct.lo, ct.hi, sp)
		}
		fmt.Fprintln(w, "\nevents:")
		if len(sx.events) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		for _, e := range sx.events {
			writeEvent(w, e)
		}
		fmt.Fprintln(w)
	}
}

func writeEvent(w io.Writer, e model.Event) {
	src, tgt := "-", "-"
	if e.Source != nil {
		src = e.Source.Code
	}
	if e.Target != nil {
		tgt = e.Target.Code
	}
	loc := ""
	if e.Location != nil {
		loc = " @ " + e.Location.Name + ", " + e.Location.Country
	}
	fmt.Fprintf(w, "  %s → %s  %s %s%s\n", src, tgt, e.CAMEO, e.CAMEOName, loc)
	for _, t := range e.Trace {
		fmt.Fprintf(w, "      · %s\n", t)
	}
}
