package when

import "strings"

// token is one run of ASCII letters and digits in a sentence. Everything
// else (spaces, punctuation, non-ASCII letters) separates tokens; only the
// characters right after a token are remembered, for "Nov." and "3, 2023".
type token struct {
	start, end int       // byte offsets in the sentence
	info       *wordInfo // nil when the word is not in the lexicon
	num        int       // value of a number ("3", "3rd", "2019"), -1 otherwise
	digits     int       // how many digits the number has
	upper      bool      // starts with an upper-case letter
	dot        bool      // directly followed by "."
	comma      bool      // directly followed by ","
}

// maxTokens bounds the work per sentence; a "sentence" longer than this is
// not prose, and its tail is ignored.
const maxTokens = 400

// scan splits s into tokens and reports whether any token can anchor a date
// expression. It does not allocate for sentences without anchors beyond the
// token slice itself.
func (l *lexicon) scan(s string, toks []token) ([]token, bool) {
	anchor := false
	var buf [24]byte
	for i := 0; i < len(s) && len(toks) < maxTokens; {
		if !isAlnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
		t := token{start: i, end: j, num: -1, upper: s[i] >= 'A' && s[i] <= 'Z'}
		if j < len(s) {
			t.dot = s[j] == '.'
			t.comma = s[j] == ','
		}
		w := s[i:j]
		if w[0] >= '0' && w[0] <= '9' {
			t.num, t.digits = parseNumber(w)
			// "in 2019": a year is an anchor only after a preposition.
			if t.isYear() && len(toks) > 0 && toks[len(toks)-1].is(kindMonthPrep) {
				anchor = true
			}
		} else if len(w) <= l.maxWordLen && len(w) <= len(buf) {
			n := copy(buf[:], w)
			for k := range n {
				if c := buf[k]; c >= 'A' && c <= 'Z' {
					buf[k] = c + 'a' - 'A'
				}
			}
			t.info = l.words[string(buf[:n])] // no allocation for the lookup
			if t.info != nil && t.info.kinds&anchorKinds != 0 {
				anchor = true
			}
		}
		toks = append(toks, t)
		i = j
	}
	return toks, anchor
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// parseNumber reads "3", "3rd", "21st" or "2019"; anything else (a digit
// run with other letters, or longer than 4 digits) gives -1.
func parseNumber(w string) (int, int) {
	n, d := 0, 0
	for d < len(w) && w[d] >= '0' && w[d] <= '9' {
		if d == 4 {
			return -1, 0
		}
		n = n*10 + int(w[d]-'0')
		d++
	}
	switch strings.ToLower(w[d:]) {
	case "":
		return n, d
	case "st", "nd", "rd", "th":
		if d <= 2 {
			return n, d
		}
	}
	return -1, 0
}

// isDay reports whether t can be a day of the month.
func (t token) isDay() bool { return t.num >= 1 && t.num <= 31 && t.digits <= 2 }

// isYear reports whether t can be a year in news text.
func (t token) isYear() bool { return t.digits == 4 && t.num >= 1900 && t.num <= 2100 }

func (t token) is(k kind) bool { return t.info != nil && t.info.kinds&k != 0 }
