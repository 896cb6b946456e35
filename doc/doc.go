// Package doc reads the input formats of dyad (shared/spec/event-record.md,
// "Input formats"): plain text files with a `date YYYY-MM-DD` header, JSONL
// files with one document object per line, directories of those, and
// standard input.
//
// Reading never stops at a bad input: every problem becomes one *Error,
// naming the file (and the JSONL line), and the batch goes on.
package doc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// DefaultMaxBytes is the largest document body accepted when
// Options.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// headerSlack is how many bytes a plain file may hold beyond MaxBytes before
// it is refused unread: room for the `date YYYY-MM-DD` header and the white
// space around it. The body itself is then checked exactly.
const headerSlack = 1 << 10

// StdinName is the name a document read from standard input carries, both as
// its ID (plain format) and in error messages.
const StdinName = "stdin"

// Options configures reading.
type Options struct {
	// DefaultDate is the date of a document whose input gives none (a .txt
	// file without a `date YYYY-MM-DD` header, a JSONL object without
	// "date"). When it is zero such a document is an error.
	DefaultDate time.Time
	// MaxBytes is the largest document body accepted; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// Stdin is what the input "-" reads; nil means os.Stdin.
	Stdin io.Reader
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) stdin() io.Reader {
	if o.Stdin == nil {
		return os.Stdin
	}
	return o.Stdin
}

// defaultDate returns DefaultDate as UTC midnight of its calendar day, the
// form Document.Date always has.
func (o Options) defaultDate() (time.Time, bool) {
	if o.DefaultDate.IsZero() {
		return time.Time{}, false
	}
	y, m, d := o.DefaultDate.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
}

// Error is one input problem.
type Error struct {
	Origin string // "path", or "path:line" for a JSONL line (1-based)
	Msg    string // what is wrong, one line
	Err    error  // the underlying error, if any
}

func (e *Error) Error() string { return e.Origin + ": " + e.Msg }

func (e *Error) Unwrap() error { return e.Err }

func errorf(origin, format string, args ...any) *Error {
	return &Error{Origin: origin, Msg: fmt.Sprintf(format, args...)}
}

// ioError turns an OS error into an *Error without repeating the path that
// *fs.PathError already carries.
func ioError(origin string, err error) *Error {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return &Error{Origin: origin, Msg: msg, Err: err}
}

// Read yields every document of the inputs, in order, and one *Error per bad
// input; it never stops at a bad one.
//
// An input is a file, a directory or "-" (standard input). A directory is
// walked recursively in name order and yields its regular files ending in
// .txt (plain), .jsonl or .json (JSONL); hidden files and folders and gold
// files (*.gold.json) are skipped. A file named explicitly is read as JSONL
// when it ends in .jsonl or .json and as plain text otherwise. Standard input
// is JSONL when its first non-space byte is '{', plain text otherwise.
func Read(inputs []string, opts Options) iter.Seq2[dyad.Document, error] {
	return func(yield func(dyad.Document, error) bool) {
		for _, input := range inputs {
			if !readInput(input, opts, yield) {
				return
			}
		}
	}
}

// readInput reads one input and reports whether the caller wants more.
func readInput(input string, opts Options, yield func(dyad.Document, error) bool) bool {
	if input == "-" {
		return readStdin(opts, yield)
	}
	info, err := os.Stat(input)
	if err != nil {
		return yield(dyad.Document{}, ioError(input, err))
	}
	if !info.IsDir() {
		return readFile(input, info, opts, yield)
	}
	files, walkErrs := listDir(input)
	for _, e := range walkErrs {
		if !yield(dyad.Document{}, e) {
			return false
		}
	}
	if len(files) == 0 && len(walkErrs) == 0 {
		return yield(dyad.Document{}, errorf(input, "directory holds no .txt, .jsonl or .json documents"))
	}
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			if !yield(dyad.Document{}, ioError(f, err)) {
				return false
			}
			continue
		}
		if !readFile(f, info, opts, yield) {
			return false
		}
	}
	return true
}

// listDir returns the document files under dir in name order, and an error
// for each entry it could not read.
func listDir(dir string) (files []string, errs []*Error) {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, ioError(path, err))
			if d != nil && d.IsDir() && path != dir {
				return filepath.SkipDir
			}
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && isDocumentName(d.Name()) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, ioError(dir, err))
	}
	return files, errs
}

// isDocumentName reports whether a file met while walking a directory is a
// document. Gold sets keep NAME.gold.json next to NAME.txt, so gold files
// are not documents.
func isDocumentName(name string) bool {
	if strings.HasSuffix(name, ".gold.json") {
		return false
	}
	switch filepath.Ext(name) {
	case ".txt", ".jsonl", ".json":
		return true
	}
	return false
}

func isJSONLName(name string) bool {
	ext := filepath.Ext(name)
	return ext == ".jsonl" || ext == ".json"
}

func readFile(path string, info fs.FileInfo, opts Options, yield func(dyad.Document, error) bool) bool {
	if info.Size() == 0 {
		return yield(dyad.Document{}, errorf(path, "empty file"))
	}
	if isJSONLName(path) {
		f, err := os.Open(path)
		if err != nil {
			return yield(dyad.Document{}, ioError(path, err))
		}
		defer f.Close()
		return readJSONL(path, f, opts, yield)
	}
	limit := opts.maxBytes() + headerSlack
	if info.Size() > limit {
		return yield(dyad.Document{}, errorf(path, "file is %d bytes, over the limit of %d", info.Size(), opts.maxBytes()))
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(dyad.Document{}, ioError(path, err))
	}
	defer f.Close()
	// The limit also guards against a file that grew since Stat.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return yield(dyad.Document{}, ioError(path, err))
	}
	if int64(len(data)) > limit {
		return yield(dyad.Document{}, errorf(path, "file is over the limit of %d bytes", opts.maxBytes()))
	}
	return yield(ParsePlain(path, data, opts))
}

// readJSONL yields the documents of one JSONL stream, and reports an input
// without any line at all, which would otherwise pass unnoticed.
func readJSONL(origin string, r io.Reader, opts Options, yield func(dyad.Document, error) bool) bool {
	seen := false
	for d, err := range ParseJSONL(origin, r, opts) {
		seen = true
		if !yield(d, err) {
			return false
		}
	}
	if !seen {
		return yield(dyad.Document{}, errorf(origin, "no documents (only blank lines)"))
	}
	return true
}

func readStdin(opts Options, yield func(dyad.Document, error) bool) bool {
	br := bufio.NewReader(opts.stdin())
	// Sniff the format from the first non-space byte, keeping what was read.
	var head []byte
	for {
		b, err := br.ReadByte()
		if err == io.EOF {
			return yield(dyad.Document{}, errorf(StdinName, "empty input"))
		}
		if err != nil {
			return yield(dyad.Document{}, ioError(StdinName, err))
		}
		head = append(head, b)
		if !isSpace(b) {
			break
		}
	}
	r := io.MultiReader(bytes.NewReader(head), br)
	if head[len(head)-1] == '{' {
		return readJSONL(StdinName, r, opts, yield)
	}
	limit := opts.maxBytes() + headerSlack
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return yield(dyad.Document{}, ioError(StdinName, err))
	}
	if int64(len(data)) > limit {
		return yield(dyad.Document{}, errorf(StdinName, "input is over the limit of %d bytes", opts.maxBytes()))
	}
	return yield(ParsePlain(StdinName, data, opts))
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'
}

// docID is the ID of a document read from a file: its base name without
// extension ("seed/000_28.txt" -> "000_28").
func docID(name string) string {
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// parseDate parses a YYYY-MM-DD date that must be a real calendar date, and
// returns it as UTC midnight.
func parseDate(s string) (time.Time, error) {
	t, err := time.Parse(dyad.DateLayout, s)
	if err != nil || len(s) != len(dyad.DateLayout) {
		return time.Time{}, fmt.Errorf("bad date %q", s)
	}
	return t, nil
}

// checkText refuses bytes that are not text: a NUL byte (binary file) or
// invalid UTF-8. The message gives the byte offset of the first bad byte.
func checkText(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Sprintf("binary data (NUL byte at offset %d)", i)
	}
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return fmt.Sprintf("not valid UTF-8 (bad byte at offset %d)", i)
	}
	return ""
}

// checkBody applies the rules every document body obeys, whatever its format.
func checkBody(body string, opts Options) string {
	if n := int64(len(body)); n > opts.maxBytes() {
		return fmt.Sprintf("document is %d bytes, over the limit of %d", n, opts.maxBytes())
	}
	if strings.TrimSpace(body) == "" {
		return "empty body"
	}
	return ""
}
