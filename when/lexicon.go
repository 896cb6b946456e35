package when

import (
	"bufio"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// DateWordsFile is the word list in data.FS; its header documents the format.
const DateWordsFile = "grammar/datewords.txt"

// kind is a bit set: one word may be several kinds ("last" is a modifier and
// a word that makes a bare month a date).
type kind uint16

const (
	kindMonth kind = 1 << iota
	kindWeekday
	kindRelday
	kindUnit
	kindModifier
	kindAgo
	kindCount
	kindMonthPrep
	kindFuture
	kindOngoing
	kindNamePrefix
)

// anchorKinds are the kinds that can start a date expression on their own;
// a sentence with none of them is not a date candidate.
const anchorKinds = kindMonth | kindWeekday | kindRelday | kindUnit

var kindNames = map[string]kind{
	"month":      kindMonth,
	"weekday":    kindWeekday,
	"relday":     kindRelday,
	"unit":       kindUnit,
	"modifier":   kindModifier,
	"ago":        kindAgo,
	"count":      kindCount,
	"monthprep":  kindMonthPrep,
	"future":     kindFuture,
	"ongoing":    kindOngoing,
	"nameprefix": kindNamePrefix,
}

// Modifier values.
const (
	modPast    = "past"
	modFuture  = "future"
	modCurrent = "current"
)

// wordInfo is everything the lexicon knows about one lower-case word.
type wordInfo struct {
	kinds    kind
	month    int    // 1..12 for kindMonth
	weekday  int    // 1..7 (Monday first) for kindWeekday
	relday   int    // day offset for kindRelday
	count    int    // for kindCount
	unit     string // day, week, month, year, decade
	modifier string // modPast, modFuture, modCurrent
	name     string // canonical month or weekday name given to the parser
}

// lexicon is the parsed datewords file.
type lexicon struct {
	words      map[string]*wordInfo
	historical map[string][][]string // first word -> phrases, each a word list
	maxWordLen int
}

func (l *lexicon) word(w string) *wordInfo {
	info := l.words[w]
	if info == nil {
		info = &wordInfo{}
		l.words[w] = info
	}
	return info
}

// parseLexicon reads the datewords format; errors name "file:line".
func parseLexicon(fsys fs.FS, path string) (*lexicon, error) {
	raw, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	l := &lexicon{words: map[string]*wordInfo{}, historical: map[string][][]string{}}
	sc := bufio.NewScanner(strings.NewReader(string(raw)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(strings.ToLower(line))
		if len(f) == 0 {
			continue
		}
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want KIND VALUE WORD...", path, n)
		}
		if err := l.addLine(f[0], f[1], f[2:]); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	for w := range l.words {
		l.maxWordLen = max(l.maxWordLen, len(w))
	}
	return l, nil
}

func (l *lexicon) addLine(kindName, value string, words []string) error {
	if kindName == "historical" {
		l.historical[words[0]] = append(l.historical[words[0]], words)
		return nil
	}
	k, ok := kindNames[kindName]
	if !ok {
		return fmt.Errorf("unknown kind %q", kindName)
	}
	num := 0
	switch k {
	case kindMonth, kindWeekday, kindRelday, kindCount:
		v, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("kind %s: value %q is not a number", kindName, value)
		}
		num = v
	case kindModifier:
		if value != modPast && value != modFuture && value != modCurrent {
			return fmt.Errorf("modifier value %q: want past, future or current", value)
		}
	}
	if k == kindMonth && (num < 1 || num > 12) || k == kindWeekday && (num < 1 || num > 7) {
		return fmt.Errorf("kind %s: value %d out of range", kindName, num)
	}
	for _, w := range words {
		info := l.word(w)
		info.kinds |= k
		switch k {
		case kindMonth:
			info.month, info.name = num, words[0]
		case kindWeekday:
			info.weekday, info.name = num, words[0]
		case kindRelday:
			info.relday = num
		case kindCount:
			info.count = num
		case kindUnit:
			info.unit = value
		case kindModifier:
			info.modifier = value
		}
	}
	return nil
}
