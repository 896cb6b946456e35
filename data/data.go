// Package data embeds dyad's knowledge files: the CAMEO/PLOVER ontology, the
// actor knowledge base, verb patterns, grammar word lists, and what
// reactions and country groups mean. They are plain
// text, meant to be read and edited by people; each folder's README.md says
// how its files are laid out.
package data

import (
	"embed"
	"io/fs"
	"strings"
)

// FS holds every data file, under paths such as "ontology/cameo.tsv".
//
//go:embed ontology kb verbs grammar reactions groups
var FS embed.FS

// codingDirs are the folders the coder reads: a change in any of them can
// change the events a document yields.
var codingDirs = map[string]bool{"ontology": true, "kb": true, "verbs": true, "grammar": true}

// Coding returns the part of FS the coder reads (ontology, kb, verbs,
// grammar), so that a store's fingerprint of the knowledge it coded with
// does not change when only reaction kinds or country groups do.
func Coding() fs.FS { return codingFS{} }

type codingFS struct{}

func (codingFS) Open(name string) (fs.File, error) {
	if name != "." && !codingDirs[strings.SplitN(name, "/", 2)[0]] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return FS.Open(name)
}

func (codingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := FS.ReadDir(name)
	if err != nil || name != "." {
		return entries, err
	}
	var out []fs.DirEntry
	for _, e := range entries {
		if codingDirs[e.Name()] {
			out = append(out, e)
		}
	}
	return out, nil
}
