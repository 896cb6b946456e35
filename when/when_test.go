package when

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func newResolver(t testing.TB) *Resolver {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// wed is a Wednesday, the seed article's date.
var wed = time.Date(2024, 11, 6, 0, 0, 0, 0, time.UTC)

func TestDate(t *testing.T) {
	r := newResolver(t)
	tests := []struct {
		sentence string
		doc      time.Time
		want     string // "" = no date
		words    string // the span's text
	}{
		{"Aliyev met Sandu on Monday.", wed, "2024-11-04", "Monday"},
		{"Aliyev met Sandu on Wednesday.", wed, "2024-11-06", "Wednesday"},
		{"Aliyev met Sandu on Thursday.", wed, "2024-10-31", "Thursday"},
		{"Sandu won the election on November 3.", wed, "2024-11-03", "November 3"},
		{"Sandu won the election on Nov. 3.", wed, "2024-11-03", "Nov. 3"},
		{"Sandu won the election on 3 November 2023.", wed, "2023-11-03", "3 November 2023"},
		{"The talks began on November 3rd, 2023 in Baku.", wed, "2023-11-03", "November 3rd, 2023"},
		{"The deal was signed on December 12.", wed, "2023-12-12", "December 12"},
		{"Protesters gathered yesterday in Chisinau.", wed, "2024-11-05", "yesterday"},
		{"Police said today that two were arrested.", wed, "2024-11-06", "today"},
		{"The ministers met last week.", wed, "2024", "last week"},
		{"The ministers met last week.", time.Date(2024, 11, 14, 0, 0, 0, 0, time.UTC), "2024-11", "last week"},
		{"The ministers met two weeks ago.", time.Date(2024, 11, 28, 0, 0, 0, 0, time.UTC), "2024-11", "two weeks ago"},
		{"Troops withdrew three days ago.", wed, "2024-11-03", "three days ago"},
		{"The embassy closed last month.", wed, "2024-10", "last month"},
		{"The embassy closed in March.", wed, "2024-03", "March"},
		{"The embassy closed in December.", wed, "2023-12", "December"},
		{"The embassy closed in March 2022.", wed, "2022-03", "March 2022"},
		{"Trump met Kim in 2019.", wed, "2019", "2019"},
		{"Xi will visit Paris next Tuesday.", wed, "2024-11-12", "next Tuesday"},
		{"Xi will visit Paris on Tuesday.", wed, "2024-11-12", "Tuesday"},
		{"Xi is scheduled to arrive on November 20.", wed, "2024-11-20", "November 20"},
		{"Xi visited Paris last Tuesday.", wed, "2024-11-05", "last Tuesday"},
		{"The summit opens next month.", wed, "2024-12", "next month"},
		// Not dates.
		{"Russia launched an attack on Kyiv.", wed, "", ""},
		{"Thousands march in Tbilisi.", wed, "", ""},
		{"The minister may resign.", wed, "", ""},
		{"May God protect the nation, he said.", wed, "", ""},
		{"2019 people were arrested.", wed, "", ""},
		{"He said the weeks ahead would be hard.", wed, "", ""},
		{"", wed, "", ""},
		{"Protests have continued since Monday.", wed, "", ""},
		{"He recalled the Sept. 11 attacks.", wed, "", ""},
		{"He recalled the Sept. 11 attacks on Monday.", wed, "2024-11-04", "Monday"},
		{"Last week, the ministers met.", time.Date(2024, 11, 14, 0, 0, 0, 0, time.UTC), "2024-11", "Last week"},
		{"This Monday's talks failed.", wed, "2024-11-04", "This Monday"},
	}
	for _, tt := range tests {
		got, span, ok := r.Date(tt.sentence, tt.doc)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Date(%q, %s) = %q, %v; want %q", tt.sentence, tt.doc.Format(time.DateOnly), got, ok, tt.want)
			continue
		}
		if ok && span.In(tt.sentence) != tt.words {
			t.Errorf("Date(%q) span = %q; want %q", tt.sentence, span.In(tt.sentence), tt.words)
		}
	}
}

func TestDatesKeepsTextOrder(t *testing.T) {
	r := newResolver(t)
	s := "Sandu, who won the election on November 3, met Aliyev on Monday."
	got := r.Dates(s, wed)
	if len(got) != 2 || got[0].Date != "2024-11-03" || got[1].Date != "2024-11-04" {
		t.Fatalf("Dates = %+v", got)
	}
}

func TestHistorical(t *testing.T) {
	r := newResolver(t)
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Trump met Kim in 2019.", true},
		{"In 2008, Russia invaded Georgia.", true},
		{"During his first term, Trump imposed tariffs on China.", true},
		{"The two leaders met years ago in Geneva.", true},
		{"The two leaders met two years ago in Geneva.", true},
		{"The embassy closed in March 2022.", true},
		{"Putin, who annexed Crimea in 2014, said on Monday that talks were over.", false},
		{"Former president Trump met Zelensky on Monday.", false},
		{"It was the largest protest since 2014.", false},
		{"Aliyev met Sandu on Monday.", false},
		{"Aliyev met Sandu last week.", false},
		{"Aliyev met Sandu.", false},
		{"He came back in force.", false},
		{"The talks began last year.", false},
		{"Russia warned it would respond in 2025.", false},
		{"Israel captured the territory during the 1967 war.", true},
		{"France played an active role in the 1994 genocide.", true},
		{"Trump accused Biden of rigging the 2020 election.", false},
	}
	for _, tt := range tests {
		if got := r.Historical(tt.sentence, wed); got != tt.want {
			t.Errorf("Historical(%q) = %v; want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	r := newResolver(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc := wed.AddDate(0, 0, i)
			for range 20 {
				r.Date("They met on Monday and again on November 3.", doc)
				r.Historical("In 2019 they met.", doc)
			}
		}()
	}
	wg.Wait()
}

func TestBadLexicon(t *testing.T) {
	for _, text := range []string{
		"month 13 foo\n",
		"weekday x monday\n",
		"colour 1 red\n",
		"month 1\n",
		"modifier sideways last\n",
	} {
		fsys := mapFS{"d.txt": text}
		if _, err := NewFS(fsys, "d.txt"); err == nil || !strings.Contains(err.Error(), "d.txt:1:") {
			t.Errorf("NewFS(%q) error = %v; want d.txt:1: ...", text, err)
		}
	}
}

func FuzzDate(f *testing.F) {
	r := newResolver(f)
	for _, s := range []string{
		"on Monday", "on Nov. 3, 2023", "3 November", "two weeks ago", "in 2019", "last week",
		"next Tuesday", "9999 May 31st 2100", "a decades ago", "This\x00Monday",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, span, ok := r.Date(s, wed)
		if ok {
			if d == "" || span.Start < 0 || span.End > len(s) || span.Start > span.End {
				t.Fatalf("Date(%q) = %q %+v", s, d, span)
			}
		}
		r.Historical(s, wed)
	})
}
