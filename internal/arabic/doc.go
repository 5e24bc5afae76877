// Package arabic is marsad's Arabic text engine: the layer every later
// stage uses to cut text into sentences and tokens, to compute the match
// keys that dictionaries are looked up by, and to split clitics off words.
//
// # Spans and keys
//
// Every position this package returns is a byte offset into the ORIGINAL
// text: token spans, sentence spans, clitic parts (relative to the word).
// Normalisation never happens in place: Key computes a separate match key
// for a piece of text, so keys never change or shift spans. Sanitize, which
// does change text, replaces each bad byte by one byte, so offsets survive.
//
// # Key rules
//
// Key (and Normalizer.Key) applies, rune by rune:
//   - harakat, tanween, shadda and sukun (U+064B–U+0652), the superscript
//     alef U+0670 and the Quranic marks U+0610–U+061A and U+06D6–U+06ED are
//     removed, and so is tatweel U+0640;
//   - أ إ آ ٱ (and the wavy-hamza alefs ٲ ٳ) become ا; ى becomes ي; ة
//     becomes ه (keys only: spans and tokens keep ة);
//   - ؤ and ئ become ء when Options.FoldHamzaSeats is set, which the
//     package-level Key does (so مسؤول/مسئول match, and لقائه keys its stem
//     like لقاء);
//   - Persian and Urdu look-alikes become the Arabic letters: ک گ ڪ → ك,
//     ی ے ې → ي, ە ھ ۃ ۀ → ه, ڤ ڥ → ف;
//   - Arabic-Indic ٠–٩ and Persian ۰–۹ digits become ASCII 0–9; the Arabic
//     decimal separator ٫ becomes ".", the thousands separator ٬ ",", ٪ "%";
//   - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) become their
//     base letters by NFKC, lam-alef ligatures as two letters;
//   - invisible marks are removed: zero-width space and (non-)joiners,
//     bidi marks, embeddings, overrides and isolates (U+200B–U+200F,
//     U+202A–U+202E, U+2066–U+2069), U+FEFF, the Arabic letter mark U+061C,
//     the word joiner U+2060–U+2064 and the soft hyphen U+00AD;
//   - fullwidth ASCII forms (U+FF01–U+FF5E) become ASCII;
//   - NBSP and other Unicode spaces become an ASCII space;
//   - cased letters (Latin, and also Greek and Cyrillic) are lower-cased.
//
// Invalid UTF-8 bytes pass through Key unchanged. Key is idempotent, and
// on valid UTF-8 it returns valid UTF-8. A Normalizer built with
// Options{FoldHamzaSeats: false} keeps ؤ and ئ.
//
// # Tokens
//
// Tokenize cuts words, numbers, Latin words, punctuation and symbols; see
// its documentation. Harakat and tatweel stay inside the word they mark.
//
// # Clitics
//
// AppendAnalyses lists the readings of a word as proclitics (و ف, then
// ب ل ك and/or ال, or س), a stem and an optional enclitic pronoun, always
// starting with the unsegmented word; the dictionary decides which reading
// is right.
//
// For dictionary matching, look up the key of each analysis's stem with
// Analysis.StemKey (or AppendStemKey), which restores a stem-final ت or ا
// written before a pronoun to ة or ى (وزارتها → وزاره, the key of وزارة).
//
// # Sentences
//
// SplitSentences and the streaming SentenceScanner cut news copy into
// sentences; see SplitSentences for the rules.
//
// # Typical use
//
//	clean, bad := arabic.Sanitize(doc.Text) // report bad; spans still fit doc.Text
//	var toks []arabic.Token
//	var as []arabic.Analysis
//	for _, sp := range arabic.SplitSentences(clean) {
//		toks = arabic.Tokenize(toks[:0], clean[sp.Start:sp.End]) // offsets relative to sp.Start
//		for _, t := range toks {
//			word := clean[sp.Start+t.Start : sp.Start+t.End]
//			key := arabic.Key(word)
//			as = arabic.AppendAnalyses(as[:0], word)
//			...
//		}
//	}
package arabic
