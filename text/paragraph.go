package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// paragraphs splits body at blank lines: a newline, optional spaces, tabs or
// carriage returns, and another newline. A single newline is only white space,
// because wire text is hard-wrapped. Each span is trimmed of white space;
// paragraphs that are only white space are dropped.
func paragraphs(body string) []dyad.Span {
	var out []dyad.Span
	add := func(start, end int) {
		if start, end = trimSpace(body, start, end); start < end {
			out = append(out, dyad.Span{Start: start, End: end})
		}
	}
	start := 0
	for i := 0; i < len(body); i++ {
		if body[i] != '\n' {
			continue
		}
		// Look past horizontal white space for a second newline.
		j := i + 1
		for j < len(body) && (body[j] == ' ' || body[j] == '\t' || body[j] == '\r') {
			j++
		}
		if j < len(body) && body[j] == '\n' {
			add(start, i)
			start = j + 1
			i = j
		}
	}
	add(start, len(body))
	return out
}

// trimSpace narrows [start, end) of body past leading and trailing white
// space (Unicode's definition, so a no-break space is trimmed too).
func trimSpace(body string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(body[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(body[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}
