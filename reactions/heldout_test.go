package reactions_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/reactions"
)

// goldReaction is one row of testdata/heldout/gold.tsv: what an analyst
// reads in the held-out articles about one country's reaction.
type goldReaction struct {
	article, to, since, kind      string
	country, status               string
	firstDate, declinedDate, line string
}

// goldQuery is the query several gold rows share.
type goldQuery struct{ to, since, kind string }

// readGold reads a gold table; "#" lines are comments and the first other
// line is the header.
func readGold(t *testing.T, path string) []goldReaction {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	defer f.Close()
	var rows []goldReaction
	header := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if !header {
			header = true
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 8 {
			t.Fatalf("%s:%d: %d columns, want 8", path, n, len(c))
		}
		rows = append(rows, goldReaction{article: c[0], to: c[1], since: c[2], kind: c[3], country: c[4],
			status: c[5], firstDate: c[6], declinedDate: c[7], line: fmt.Sprintf("%s:%d", filepath.Base(path), n)})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return rows
}

// heldoutGaps are gold rows dyad still gets wrong for a reason that needs Go
// code, not data: each is logged, not failed, and fails once it comes right,
// so that the list only shrinks. Keys are article/country.
var heldoutGaps = map[string]string{}

// TestHeldout codes articles written to read like real reports of
// reactions to elections and leaders' deaths, with the gold table written
// before dyad ever ran on them, and checks each country's status and dates.
func TestHeldout(t *testing.T) {
	dir := filepath.Join("testdata", "heldout")
	rows := readGold(t, filepath.Join(dir, "gold.tsv"))
	st := ingest(t, dir)
	k, kinds := loadAll(t)

	var order []goldQuery
	byQuery := map[goldQuery][]goldReaction{}
	for _, r := range rows {
		q := goldQuery{r.to, r.since, r.kind}
		if byQuery[q] == nil {
			order = append(order, q)
		}
		byQuery[q] = append(byQuery[q], r)
	}
	rightRows := 0
	for _, q := range order {
		t.Run(q.to+"/"+q.kind, func(t *testing.T) {
			gold := byQuery[q]
			var expected []string
			for _, r := range gold {
				expected = append(expected, r.country)
			}
			rep, err := reactions.Compute(context.Background(), st, k, kinds,
				reactions.Query{To: q.to, Since: date(q.since), Kind: q.kind, Expected: expected})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]reactions.Reaction{}
			for _, r := range rep.Reactions {
				got[r.Country] = r
			}
			for _, w := range gold {
				r, ok := got[w.country]
				if !ok {
					t.Errorf("%s %s: not in the report", w.line, w.country)
					continue
				}
				right := string(r.Status) == w.status && r.FirstDate == w.firstDate && r.DeclinedDate == w.declinedDate
				if right {
					rightRows++
				}
				gap, known := heldoutGaps[w.article+"/"+w.country]
				switch {
				case right && known:
					t.Errorf("%s %s (%s): now right; remove it from heldoutGaps", w.line, w.country, w.article)
				case !right && known:
					t.Logf("%s %s (%s): known gap (%s): got %s first=%q declined=%q", w.line, w.country, w.article, gap, r.Status, r.FirstDate, r.DeclinedDate)
				case !right:
					var ev string
					if len(r.Evidence) > 0 {
						ev = r.Evidence[0].Doc + ": " + r.Evidence[0].Text
					}
					t.Errorf("%s %s (%s): got %s first=%q declined=%q, want %s first=%q declined=%q; evidence %q",
						w.line, w.country, w.article, r.Status, r.FirstDate, r.DeclinedDate,
						w.status, w.firstDate, w.declinedDate, ev)
				}
			}
		})
	}
	t.Logf("held-out reactions: %d of %d gold rows right, %d known gaps", rightRows, len(rows), len(heldoutGaps))
}
