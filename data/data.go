// Package data embeds dyad's knowledge files: the CAMEO/PLOVER ontology, the
// actor knowledge base, verb patterns, grammar word lists, and what
// reactions and country groups mean. They are plain
// text, meant to be read and edited by people; each folder's README.md says
// how its files are laid out.
package data

import "embed"

// FS holds every data file, under paths such as "ontology/cameo.tsv".
//
//go:embed ontology kb verbs grammar reactions groups
var FS embed.FS
