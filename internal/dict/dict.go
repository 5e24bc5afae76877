package dict

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/marsad-project/marsad/data"
)

// Dict is a loaded set of dictionaries with one index per kind.
type Dict struct {
	Entries   []*Entry
	Problems  []Problem  // lines that could not be parsed
	Overrides []Override // user entries that replaced built-in ones

	index        [Place + 1]*Index
	articleForms map[string]string // stem key → one-word form key with ال
	firstMask    map[string]uint8  // first key of any pattern → kinds (1<<Kind)
}

// Override records a user form that replaced a built-in form with the same
// keys.
type Override struct {
	User, Builtin *Pattern
}

// Index returns the index of kind k.
func (d *Dict) Index(k Kind) *Index { return d.index[k] }

// Source is one folder of dictionary files.
type Source struct {
	FS   fs.FS
	Name string // prefix for file names in messages, e.g. "builtin" or a directory
	User bool
}

// Builtin is the embedded data folder.
func Builtin() Source { return Source{FS: data.FS, Name: "data"} }

// UserDir is a user's folder with the same layout as data/.
func UserDir(dir string) (Source, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return Source{}, fmt.Errorf("dictionary folder: %w", err)
	}
	if !st.IsDir() {
		return Source{}, fmt.Errorf("dictionary folder %s: not a directory", dir)
	}
	return Source{FS: os.DirFS(dir), Name: dir, User: true}, nil
}

var (
	defaultOnce sync.Once
	defaultDict *Dict
	defaultErr  error
)

// Default returns the built-in dictionaries, loaded once per process.
func Default() (*Dict, error) {
	defaultOnce.Do(func() { defaultDict, defaultErr = Load(Builtin()) })
	return defaultDict, defaultErr
}

// LoadWith loads the built-ins with the given user folders layered on top
// (later folders win).
func LoadWith(userDirs ...string) (*Dict, error) {
	if len(userDirs) == 0 {
		return Default()
	}
	srcs := []Source{Builtin()}
	for _, d := range userDirs {
		s, err := UserDir(d)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, s)
	}
	return Load(srcs...)
}

// Load reads every source in order. Unparsable lines are collected in
// Problems and skipped; an error is returned only when a folder cannot be
// read at all.
func Load(srcs ...Source) (*Dict, error) {
	d := &Dict{}
	for k := Actor; k <= Place; k++ {
		d.index[k] = newIndex()
	}
	for _, src := range srcs {
		for k := Actor; k <= Place; k++ {
			files, err := fs.Glob(src.FS, k.Dir()+"/*.txt")
			if err != nil {
				return nil, fmt.Errorf("%s: %w", src.Name, err)
			}
			sort.Strings(files)
			for _, f := range files {
				b, err := fs.ReadFile(src.FS, f)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", src.Name, err)
				}
				name := path.Join(src.Name, f)
				entries, probs := parseFile(k, name, b, src.User)
				d.Problems = append(d.Problems, probs...)
				for _, e := range entries {
					d.addEntry(e)
				}
			}
		}
	}
	for k := Actor; k <= Place; k++ {
		d.index[k].sort()
	}
	d.indexArticleForms()
	d.firstMask = map[string]uint8{}
	for k := Actor; k <= Place; k++ {
		for key := range d.index[k].byFirst {
			d.firstMask[key] |= 1 << k
		}
	}
	return d, nil
}

func (d *Dict) addEntry(e *Entry) {
	d.Entries = append(d.Entries, e)
	ix := d.index[e.Kind]
	for _, p := range patterns(e) {
		if e.User && !p.Generated {
			if old := ix.byKey[strings.Join(p.Keys, " ")]; old != nil && !old.Entry.User {
				d.Overrides = append(d.Overrides, Override{User: p, Builtin: old})
				ix.replace(p)
				continue
			}
		}
		if e.Kind == Place {
			// Toponyms are ambiguous by nature: keep every place under a key.
			ix.insertAmbiguous(p)
			continue
		}
		ix.add(p)
	}
}

// insertAmbiguous adds a place pattern even when another place has the same
// keys; the resolver chooses among them.
func (ix *Index) insertAmbiguous(p *Pattern) {
	if len(p.Keys) == 0 {
		return
	}
	key := strings.Join(p.Keys, " ")
	if _, ok := ix.byKey[key]; !ok {
		ix.byKey[key] = p
	}
	ix.byFirst[p.Keys[0]] = append(ix.byFirst[p.Keys[0]], p)
}

// patterns compiles an entry's forms, plus the forms its attributes ask to
// generate (nisba inflections, transliteration variants).
func patterns(e *Entry) []*Pattern {
	var out []*Pattern
	seen := map[string]bool{}
	add := func(form string, gen bool) {
		keys := FormKeys(form)
		if len(keys) == 0 {
			return
		}
		j := strings.Join(keys, " ")
		if seen[j] {
			return
		}
		seen[j] = true
		out = append(out, &Pattern{Keys: keys, Entry: e, Form: form, Generated: gen})
	}
	for _, f := range e.Forms {
		add(f, false)
	}
	if e.Attr("type") == "nisba" {
		for _, f := range e.Forms {
			for _, v := range NisbaForms(f) {
				add(v, true)
			}
		}
	}
	if e.Has("translit") {
		for _, f := range e.Forms {
			for _, v := range TranslitVariants(f) {
				add(v, true)
			}
		}
	}
	return out
}

// Kinds lists the dictionary kinds in load order.
func Kinds() []Kind { return []Kind{Actor, Agent, Trigger, Place} }

// ArticleForm returns the key of a one-word form written with the article
// whose stem key is stem (صين → الصين), when the dictionaries have one. The
// returned string is shared, so callers need not build it.
func (d *Dict) ArticleForm(stem string) (string, bool) {
	k, ok := d.articleForms[stem]
	return k, ok
}

// indexArticleForms records every one-word key that keeps its article.
func (d *Dict) indexArticleForms() {
	d.articleForms = map[string]string{}
	for _, ix := range d.index[Actor:] {
		for _, list := range ix.byFirst {
			for _, p := range list {
				if len(p.Keys) == 1 && strings.HasPrefix(p.Keys[0], "ال") {
					d.articleForms[p.Keys[0][len("ال"):]] = p.Keys[0]
				}
			}
		}
	}
}

// FirstMask tells which kinds have a pattern whose first key is key: bit
// 1<<Kind is set for each. One lookup lets a caller skip words that start
// no pattern of any kind.
func (d *Dict) FirstMask(key string) uint8 { return d.firstMask[key] }
