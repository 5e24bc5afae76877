package arabic

import (
	"bytes"
	"errors"
	"io"

	"github.com/marsad-project/marsad/internal/model"
)

// SentenceScanner splits a stream into sentences with bounded memory: it
// never holds more than about 2×MaxSentence bytes of input, however long
// the stream or its lines. It yields exactly the spans SplitSentences would
// give for the whole stream. Use it like bufio.Scanner:
//
//	sc := arabic.NewSentenceScanner(r)
//	for sc.Scan() {
//		use(sc.Offset(), sc.Text())
//	}
//	if err := sc.Err(); err != nil { ... }
//
// The text is not sanitised; run Sanitize on it if the stream may hold
// invalid UTF-8.
type SentenceScanner struct {
	r     io.Reader
	buf   []byte
	start int // unread input is buf[start:end]
	end   int
	base  int // stream offset of buf[0]
	eof   bool
	err   error

	sp    splitter
	queue []sentence
	next  int
	cur   sentence
}

type sentence struct {
	span model.Span
	text string
}

// NewSentenceScanner returns a scanner reading from r.
func NewSentenceScanner(r io.Reader) *SentenceScanner {
	return &SentenceScanner{r: r, buf: make([]byte, 4096)}
}

// Scan advances to the next sentence and reports whether there is one. It
// returns false at the end of the input or on a read error.
func (s *SentenceScanner) Scan() bool {
	for s.next >= len(s.queue) {
		s.queue = s.queue[:0]
		s.next = 0
		if !s.fillQueue() {
			s.cur = sentence{}
			return false
		}
	}
	s.cur = s.queue[s.next]
	s.queue[s.next] = sentence{}
	s.next++
	return true
}

// Text returns the current sentence.
func (s *SentenceScanner) Text() string { return s.cur.text }

// Span returns the byte span of the current sentence in the stream.
func (s *SentenceScanner) Span() model.Span { return s.cur.span }

// Offset returns the byte offset of the current sentence in the stream.
func (s *SentenceScanner) Offset() int { return s.cur.span.Start }

// Err returns the first read error other than io.EOF.
func (s *SentenceScanner) Err() error { return s.err }

// fillQueue splits the next line or window of input into s.queue and
// reports whether any input was left to split.
func (s *SentenceScanner) fillQueue() bool {
	for {
		avail := s.buf[s.start:s.end]
		lim := min(len(avail), MaxSentence+1)
		if i := bytes.IndexByte(avail[:lim], '\n'); i >= 0 {
			s.split(avail[:i], true)
			s.start += i + 1
			return true
		}
		if len(avail) > MaxSentence {
			s.split(avail[:MaxSentence+1], false)
			return true
		}
		if s.eof {
			if len(avail) == 0 {
				return false
			}
			s.split(avail, true)
			s.start = s.end
			return true
		}
		s.fill()
	}
}

// split runs the splitter on a final piece (a whole line) or on a window of
// a long line, queues its sentences, and for a window advances s.start.
func (s *SentenceScanner) split(b []byte, final bool) {
	text := string(b) // one copy per line or window; sentences share it
	off := s.base + s.start
	emit := func(a, e int) {
		s.queue = append(s.queue, sentence{model.Span{Start: a, End: e}, text[a-off : e-off]})
	}
	if final {
		s.sp.piece(text, off, true, emit)
		return
	}
	s.start += s.sp.window(text, off, emit)
}

// maxBuffer is the most a SentenceScanner buffers: a window of a long line
// needs MaxSentence+1 bytes, and reads come in on top.
const maxBuffer = 2*MaxSentence + 2

// fill reads more input after compacting the buffer, growing it up to
// maxBuffer when it is full.
func (s *SentenceScanner) fill() {
	if s.start > 0 {
		copy(s.buf, s.buf[s.start:s.end])
		s.base += s.start
		s.end -= s.start
		s.start = 0
	}
	if s.end == len(s.buf) && len(s.buf) < maxBuffer {
		buf := make([]byte, min(2*len(s.buf), maxBuffer))
		copy(buf, s.buf[:s.end])
		s.buf = buf
	}
	for tries := 0; tries < 100; tries++ {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.err = err
			}
			s.eof = true
			return
		}
		if n > 0 {
			return
		}
	}
	s.err = io.ErrNoProgress
	s.eof = true
}
