package store

import (
	"cmp"
	"slices"
)

// member is one mention as the clustering sees it.
type member struct {
	pk, docPK int64
	day       int
	docDate   string
	docID     string
	ord       int
	terms     []string // "ROLE:TERM", see mentionTerms
	// What the event shows when this member is its representative.
	typ, cameo, aux, actor, recipient string
	negated                           int
}

// cluster is one event: mentions of one key whose days chain within the
// window.
type cluster struct {
	members             []member
	firstDay, lastDay   int
	sources             int // distinct documents
	firstSeen, lastSeen string
	terms               []string
}

// rep is the mention that stands for the event: the first by day, then
// document date, document id and position in the document.
func (c *cluster) rep() member { return c.members[0] }

// memberOrder is the order that makes the representative deterministic
// whatever order mentions were stored in.
func memberOrder(a, b member) int {
	return cmp.Or(
		cmp.Compare(a.day, b.day),
		cmp.Compare(a.docDate, b.docDate),
		cmp.Compare(a.docID, b.docID),
		cmp.Compare(a.ord, b.ord),
		cmp.Compare(a.pk, b.pk),
	)
}

// clusterMembers groups mentions of one key into events: sorted by day, a
// new event starts wherever the gap to the previous mention is more than
// window days (single linkage on the date line).
func clusterMembers(ms []member, window int) []cluster {
	slices.SortFunc(ms, memberOrder)
	var out []cluster
	start := 0
	for i := 1; i <= len(ms); i++ {
		if i < len(ms) && ms[i].day-ms[i-1].day <= window {
			continue
		}
		out = append(out, summarise(ms[start:i]))
		start = i
	}
	return out
}

func summarise(ms []member) cluster {
	c := cluster{members: ms, firstDay: ms[0].day, lastDay: ms[len(ms)-1].day}
	docs := map[int64]bool{}
	var terms []string
	for _, m := range ms {
		docs[m.docPK] = true
		if c.firstSeen == "" || m.docDate < c.firstSeen {
			c.firstSeen = m.docDate
		}
		if m.docDate > c.lastSeen {
			c.lastSeen = m.docDate
		}
		terms = append(terms, m.terms...)
	}
	c.sources = len(docs)
	slices.Sort(terms)
	c.terms = slices.Compact(terms)
	return c
}
