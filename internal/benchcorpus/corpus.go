// Package benchcorpus builds the throughput benchmark corpus: the 76
// sentences of PETRARCH2's GigaWord sample (../shared/data/petrarch2), grouped
// into their 31 stories, repeated N times as distinct documents. It is test
// input only; nothing from it is stored in the repository.
package benchcorpus

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// SampleFile is where the GigaWord sample lives under the shared data folder.
const SampleFile = "data/petrarch2/GigaWord.sample.PETR.xml"

type sentenceXML struct {
	Date string `xml:"date,attr"`
	ID   string `xml:"id,attr"`
	Text string `xml:"Text"`
}

// Stories reads the sample and returns one document per story, with the
// number of sentences in all.
func Stories(sharedDir string) ([]dyad.Document, int, error) {
	path := filepath.Join(sharedDir, SampleFile)
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, fmt.Errorf("read %s: %w", path, err)
	}
	var doc struct {
		Sentences []sentenceXML `xml:"Sentence"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		return nil, 0, fmt.Errorf("parse %s: %w", path, err)
	}
	var docs []dyad.Document
	index := map[string]int{}
	for _, s := range doc.Sentences {
		story := s.ID
		if i := strings.LastIndexByte(story, '_'); i > 0 {
			story = story[:i]
		}
		text := strings.Join(strings.Fields(s.Text), " ")
		n, ok := index[story]
		if !ok {
			d, err := time.Parse("20060102", s.Date)
			if err != nil {
				return nil, 0, fmt.Errorf("%s: sentence %s: bad date %q", path, s.ID, s.Date)
			}
			index[story] = len(docs)
			docs = append(docs, dyad.Document{ID: story, Date: d, Origin: path})
			n = len(docs) - 1
		}
		if docs[n].Body != "" {
			docs[n].Body += "\n\n"
		}
		docs[n].Body += text
	}
	return docs, len(doc.Sentences), nil
}

// Corpus repeats the stories n times, each copy a document of its own.
func Corpus(sharedDir string, n int) ([]dyad.Document, int, error) {
	stories, sentences, err := Stories(sharedDir)
	if err != nil {
		return nil, 0, err
	}
	out := make([]dyad.Document, 0, len(stories)*n)
	for i := range n {
		for _, d := range stories {
			d.ID = fmt.Sprintf("%s#%d", d.ID, i)
			out = append(out, d)
		}
	}
	return out, sentences * n, nil
}

// FindShared returns the shared data folder: dir if given, else ../shared
// from the working directory or any parent of it.
func FindShared(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "..", "shared")
		if st, err := os.Stat(filepath.Join(cand, SampleFile)); err == nil && !st.IsDir() {
			return cand, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no ../shared with %s found above %s (give --data DIR)", SampleFile, wd)
		}
	}
}
