package grammar

import (
	"strings"
)

// Token is the part of a tagged token the clause reader needs.
type Token struct {
	Text  string
	Tag   string // Penn Treebank tag
	Lemma string // lower-case lemma
}

// NP is a noun phrase: an actor mention the caller found, a pronoun, or a
// plain noun chunk ("the official election results").
type NP struct {
	Start, End int    // token range [Start, End)
	Actor      int    // index into the caller's actor list, or -1
	Pronoun    Class  // pronoun class, or 0
	Prep       string // the preposition governing it, lower case, or ""
	PrepAt     int    // token index of Prep, or -1
	Possessor  bool   // "Iran's" in "Iran's programme": it qualifies the next noun
	Clause     int
}

// PredKind says what sort of verb group a predicate is.
type PredKind uint8

const (
	Finite     PredKind = iota // "has congratulated", "did not meet"
	Infinitive                 // "to withdraw" not chained to a verb before it
	Participle                 // "backed by Russia", "killed in the attack"
	Gerund                     // "strengthening relations"
)

// Pred is one verb group and what the clause around it says of it.
type Pred struct {
	Start, End int   // token range [Start, End) of the verb group
	Heads      []int // content verbs that may carry an event, in order
	Kind       PredKind
	Passive    bool
	Clause     int
	Subject    int // NP index of the grammatical subject, or -1
	Report     bool
	// Coordinated: a bare verb after "and"/"or" ("expand and deepen") that
	// shares its subject and modality with the group before it.
	Coordinated bool
	inherit     int // index of the predicate modality is inherited from, or -1
}

// ClauseKind says how a clause attaches to the sentence.
type ClauseKind uint8

const (
	MainClause ClauseKind = iota
	SubordClause
	RelativeClause
	CoordClause
	ReportedClause
	QuoteClause
)

// Clause is a stretch of tokens with its own predicate(s).
type Clause struct {
	Start, End int // token range
	Kind       ClauseKind
	Hypo       bool // opened by "if", "unless", "whether"
	Antecedent int  // for a relative clause, the NP it describes, or -1
	// Resumes is the clause a comma-bounded relative clause interrupted
	// ("Modi, who attended the summit, did not ..."), or -1.
	Resumes int
}

// Analysis is the clause structure of one sentence.
type Analysis struct {
	Tokens  []Token
	NPs     []NP
	Preds   []Pred
	Clauses []Clause
	npAt    []int // token index -> NP index or -1
	clause  []int // token index -> clause index
	words   *Words
}

// ActorSpan marks the tokens [Start, End) that the caller resolved as one
// actor; Analyze keeps each as a single noun phrase.
type ActorSpan struct{ Start, End int }

func isVerb(tag string) bool   { return strings.HasPrefix(tag, "VB") }
func isNoun(tag string) bool   { return strings.HasPrefix(tag, "NN") }
func isAdverb(tag string) bool { return strings.HasPrefix(tag, "RB") }

func isQuoteMark(t string) bool {
	switch t {
	case "\"", "“", "”", "''", "``", "‘", "’", "'":
		return true
	}
	return false
}

// auxiliary lemmas: they carry tense or voice, not the event.
func isAux(lemma string) bool {
	switch lemma {
	case "be", "have", "do", "get":
		return true
	}
	return false
}

// Analyze reads the clause structure of one tagged sentence. actors are the
// token ranges of actor mentions, in order and not overlapping.
func (w *Words) Analyze(toks []Token, actors []ActorSpan) *Analysis {
	a := &Analysis{Tokens: toks, words: w}
	a.retag()
	a.npAt = make([]int, len(toks))
	a.clause = make([]int, len(toks))
	for i := range a.npAt {
		a.npAt[i] = -1
	}
	a.chunk(actors)
	a.verbGroups()
	a.clauses()
	a.reducedRelatives()
	a.finitePastParticiples()
	a.subjects()
	return a
}

// retag mends a tagging error that matters for verb groups: in a split
// infinitive ("to further expand") the tagger often reads the verb as a
// noun. "to" + adverb + lower-case noun is a verb; without the adverb, "to"
// may be a preposition ("to development") and the tag stands.
func (a *Analysis) retag() {
	toks := a.Tokens
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Tag != "TO" || !isAdverb(toks[i+1].Tag) {
			continue
		}
		k := a.skipAdverbs(i + 1)
		if k < len(toks) && toks[k].Tag == "NN" && toks[k].Text != "" && toks[k].Text[0] >= 'a' && toks[k].Text[0] <= 'z' {
			toks[k].Tag = "VB"
		}
	}
	// "Libya must hand over the suspects": after a modal (adverbs aside) a
	// lower-case singular noun is the base verb the modal governs.
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Tag != "MD" || !a.words.Is(strings.ToLower(toks[i].Text), ModalFuture|ModalHypo|ModalOblig) {
			continue
		}
		k := a.skipAdverbs(i + 1)
		if k < len(toks) && toks[k].Tag == "NN" && toks[k].Text != "" && toks[k].Text[0] >= 'a' && toks[k].Text[0] <= 'z' {
			toks[k].Tag = "VB"
		}
	}
}

// chunk builds noun phrases: the caller's actor spans first, then pronouns
// and plain noun chunks (DT? JJ* NN+).
func (a *Analysis) chunk(actors []ActorSpan) {
	toks := a.Tokens
	next := 0
	addNP := func(np NP) {
		np.PrepAt = a.prepBefore(np.Start)
		if np.PrepAt >= 0 {
			np.Prep = strings.ToLower(toks[np.PrepAt].Text)
		} else if n := len(a.NPs); n > 0 && a.NPs[n-1].Prep != "" {
			// "loyal to Iraq's Al-Qaeda frontman": what a possessor in a
			// phrase owns, or a plain noun phrase right after an actor in
			// it, is in the same phrase
			prev := a.NPs[n-1]
			// "of the Islamist Hamas movement": a name after the
			// adjectives that open its phrase
			adjThenName := prev.Actor < 0 && np.Actor >= 0 && prev.End == np.Start && prev.End-prev.Start >= 2 &&
				toks[prev.Start].Tag == "DT" && (toks[prev.End-1].Tag == "JJ" || toks[prev.End-1].Tag == "NNP" || toks[prev.End-1].Tag == "NNPS")
			if prev.Possessor && prev.End+1 == np.Start || prev.Actor >= 0 && np.Actor < 0 && prev.End == np.Start || adjThenName {
				np.PrepAt, np.Prep = prev.PrepAt, prev.Prep
			}
		}
		if np.End < len(toks) && toks[np.End].Tag == "POS" {
			np.Possessor = true
		}
		a.NPs = append(a.NPs, np)
		for i := np.Start; i < np.End; i++ {
			a.npAt[i] = len(a.NPs) - 1
		}
	}
	for i := 0; i < len(toks); {
		if next < len(actors) && actors[next].Start == i {
			sp := actors[next]
			next++
			if sp.End <= i || sp.End > len(toks) {
				i++
				continue
			}
			addNP(NP{Start: sp.Start, End: sp.End, Actor: next - 1})
			i = sp.End
			continue
		}
		for next < len(actors) && actors[next].Start < i {
			next++ // overlapping or out-of-order span: ignore it
		}
		t := toks[i]
		if t.Tag == "PRP" || t.Tag == "PRP$" {
			if c := a.words.Class(strings.ToLower(t.Text)) & Pronoun; c != 0 {
				np := NP{Start: i, End: i + 1, Actor: -1, Pronoun: c}
				if t.Tag == "PRP$" {
					// "our partnership": the pronoun owns the noun after it;
					// the chunk is the noun, the owner is kept as Possessor.
					np.Possessor = true
				}
				addNP(np)
				i++
				continue
			}
		}
		if isNoun(t.Tag) && a.words.Is(strings.ToLower(t.Text), Time) {
			i++ // "officials today praised": a time word is never an actor
			continue
		}
		if isNoun(t.Tag) || t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" {
			j := i
			for j < len(toks) && (toks[j].Tag == "DT" || toks[j].Tag == "JJ" || toks[j].Tag == "JJS" ||
				toks[j].Tag == "JJR" || toks[j].Tag == "CD" || isNoun(toks[j].Tag)) && !a.isActorStart(actors, next, j) &&
				!(isNoun(toks[j].Tag) && a.words.Is(strings.ToLower(toks[j].Text), Time)) {
				j++
			}
			last := j - 1
			for last >= i && !isNoun(toks[last].Tag) {
				last--
			}
			if last >= i {
				addNP(NP{Start: i, End: last + 1, Actor: -1})
				i = last + 1
				continue
			}
		}
		i++
	}
}

func (a *Analysis) isActorStart(actors []ActorSpan, next, i int) bool {
	return next < len(actors) && actors[next].Start == i
}

// prepBefore returns the index of the preposition directly before token i
// (skipping determiners and possessive pronouns), or -1.
func (a *Analysis) prepBefore(i int) int {
	for j := i - 1; j >= 0; j-- {
		t := a.Tokens[j]
		switch {
		case t.Tag == "IN" || t.Tag == "TO":
			if j+1 < len(a.Tokens) && a.Tokens[j+1].Tag == "CD" && a.words.Is(strings.ToLower(t.Text), Quantity) {
				return -1 // "up to 100 protesters": a quantity, not a phrase
			}
			return j
		case t.Tag == "DT" || t.Tag == "PDT" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "PRP$" || isQuoteMark(t.Text):
			continue
		default:
			return -1
		}
	}
	return -1
}

// reducedRelatives mends the opposite error: a participle read as a simple
// past right after the object of a preposition, with a preposition after it,
// in a clause whose verb came before: "marched to UN offices in the largest
// rally held in support of Iraq" has "marched" for its verb; "held" only
// describes the rally. "and" between the two verbs coordinates them instead.
func (a *Analysis) reducedRelatives() {
	// Last first: "marched in a rally held in support" settles "held"
	// before "marched" asks whether a later verb is the clause's.
	for n := len(a.Preds) - 1; n >= 0; n-- {
		p := &a.Preds[n]
		if p.Kind != Finite || p.Passive || p.End-p.Start != 1 || p.Start == 0 || p.End >= len(a.Tokens) {
			continue
		}
		if t := a.Tokens[p.Start].Tag; t != "VBD" && t != "VBN" {
			continue
		}
		if next := a.Tokens[p.End]; next.Tag != "IN" && next.Tag != "TO" || p.Report ||
			a.words.Is(strings.ToLower(next.Text), Subord|Relative) {
			continue // "warned that ...": a clause follows, not a phrase
		}
		if a.Tokens[p.Start-1].Text == "," && p.Start > 1 {
			// "Serbs, aided at first by the former Yugoslav army, have
			// captured": a participle set off by commas between the
			// subject and its verb describes the subject
			if np := a.npAt[p.Start-2]; np >= 0 && a.NPs[np].Prep == "" {
				if q := a.nextInClause(n, isFinite); q >= 0 && a.Tokens[a.Preds[q].Start-1].Text == "," &&
					!a.ccBetween(p.End, a.Preds[q].Start) && a.onlyPhrasesBetween(p.End, a.Preds[q].Start-1) {
					p.Kind = Participle
					p.Passive = a.byAfter(p.End)
				}
			}
			continue
		}
		np := a.npAt[p.Start-1]
		if np < 0 || !isNoun(a.Tokens[p.Start-1].Tag) {
			continue
		}
		if a.NPs[np].Prep == "" {
			// "soldiers armed with assault rifles patrolled the city": a
			// later verb with no subject of its own is the clause's verb
			// ("a car packed with explosives killed 11": a participle
			// with an object can be that verb)
			canBeVerb := func(q Pred) bool { return isFinite(q) || a.objectParticiple(q) }
			if q := a.nextInClause(n, canBeVerb); q >= 0 && !a.ccBetween(p.End, a.Preds[q].Start) && a.onlyPhrasesBetween(p.End, a.Preds[q].Start) {
				p.Kind = Participle
			}
			continue
		}
		for q := n - 1; q >= 0; q-- {
			f := a.Preds[q]
			if a.clause[f.Start] != a.clause[p.Start] {
				break
			}
			if f.Kind != Finite {
				continue
			}
			if !a.ccBetween(f.End, p.Start) {
				p.Kind = Participle
			}
			break
		}
	}
}

// byAfter reports whether "by" follows token k within a short phrase ("by",
// "at first by"): the participle before it is passive.
func (a *Analysis) byAfter(k int) bool {
	for m := k; m < len(a.Tokens) && m < k+3; m++ {
		if strings.EqualFold(a.Tokens[m].Text, "by") {
			return true
		}
		if a.npAt[m] >= 0 && a.NPs[a.npAt[m]].Actor >= 0 {
			return false
		}
	}
	return false
}

// laterObjectParticiple: predicate n is followed by a preposition, and a
// later lone past participle in its clause by an object.
func (a *Analysis) laterObjectParticiple(n int) bool {
	p := a.Preds[n]
	return p.End < len(a.Tokens) && a.Tokens[p.End].Tag == "IN" && a.nextInClause(n, a.objectParticiple) >= 0
}

// objectParticiple: p is a lone past participle with an object after it
// ("killed at least 11 people"), which can be the clause's verb.
func (a *Analysis) objectParticiple(p Pred) bool {
	return p.Kind == Participle && p.End-p.Start == 1 && a.Tokens[p.Start].Tag == "VBN" && a.objectAt(p.End)
}

// objectAt reports whether an object phrase can begin at token k: a tag
// that starts one, or "at least" before a number.
func (a *Analysis) objectAt(k int) bool {
	if k >= len(a.Tokens) {
		return false
	}
	if strings.EqualFold(a.Tokens[k].Text, "at") && k+1 < len(a.Tokens) && strings.EqualFold(a.Tokens[k+1].Text, "least") {
		return true
	}
	return objectStart(a.Tokens[k].Tag)
}

// objectStart reports whether a tag can begin a verb's object phrase: a
// determiner, a number, a possessive pronoun, an adjective, an adverb
// ("nearly 20") or a bare plural noun.
func objectStart(tag string) bool {
	switch tag {
	case "DT", "CD", "PRP$", "RB", "JJ", "NNS":
		return true
	}
	return false
}

// subjectBeforeAside returns the noun phrase before an aside that ends with
// the comma at token end and opens with a gerund or participle after a comma
// ("thousands of protesters, waving flags, marched"), or -1.
func (a *Analysis) subjectBeforeAside(end int) int {
	for k := end - 1; k > 0; k-- {
		if a.Tokens[k].Text != "," {
			continue
		}
		if t := a.Tokens[k+1]; t.Tag != "VBG" && t.Tag != "VBN" {
			return -1
		}
		return a.npAt[k-1]
	}
	return -1
}

// afterAnd reports whether token i comes right after "and", "or" or "but".
func (a *Analysis) afterAnd(i int) bool {
	return i > 0 && a.Tokens[i-1].Tag == "CC"
}

// nextInClause returns the first predicate after n in n's clause for which
// ok holds, or -1.
func (a *Analysis) nextInClause(n int, ok func(Pred) bool) int {
	for q := n + 1; q < len(a.Preds); q++ {
		if a.clause[a.Preds[q].Start] != a.clause[a.Preds[n].Start] {
			return -1
		}
		if ok(a.Preds[q]) {
			return q
		}
	}
	return -1
}

func isFinite(p Pred) bool { return p.Kind == Finite }

// onlyPhrasesBetween reports whether every noun phrase in [from, to) is the
// object of a preposition and no comma stands there: the words between
// leave the verb at to without a subject of its own.
func (a *Analysis) onlyPhrasesBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.Tokens[k].Text == "," {
			return false
		}
		if np := a.npAt[k]; np >= 0 && a.NPs[np].Prep == "" {
			return false
		}
	}
	return true
}

// ccBetween reports whether a coordinating conjunction stands in [from, to).
func (a *Analysis) ccBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.Tokens[k].Tag == "CC" {
			return true
		}
	}
	return false
}

// finitePastParticiples mends the tagger's most common error in news text:
// a simple past read as a participle ("The army lifted a blockade",
// "Rebels killed three soldiers"). A participle right after a noun phrase
// that is not in a prepositional phrase is the clause's verb when the clause
// has no other finite verb; "the man arrested yesterday said ..." keeps its
// participle.
func (a *Analysis) finitePastParticiples() {
	for n := range a.Preds {
		p := &a.Preds[n]
		if p.Kind != Participle || p.Start == 0 || a.Tokens[p.Start].Tag != "VBN" {
			continue
		}
		if a.pastAfterAnd(n) {
			// "denied the accusation and called on Ruto to ...": a
			// participle after "and" continues a simple past
			p.Kind = Finite
			continue
		}
		np := a.npAt[a.skipTimePhrase(p.Start-1)]
		if a.Tokens[p.Start-1].Text == "," {
			np = a.subjectBeforeAside(p.Start - 1)
		}
		// "Thousands of Nigerians protested": an "of" phrase completes the
		// noun phrase before it, which decides
		for np >= 0 && a.NPs[np].Prep == "of" && a.NPs[np].PrepAt > 0 {
			head := a.npAt[a.NPs[np].PrepAt-1]
			if head < 0 || head == np {
				break
			}
			np = head
		}
		// "a suicide bomber driving a car packed with explosives killed
		// 11 people": after a phrase, a participle with an object of its
		// own is still the verb when the clause has no other
		withObject := p.End-p.Start == 1 && a.objectAt(p.End)
		if np < 0 || (a.NPs[np].Prep != "" && !withObject) || a.NPs[np].Possessor {
			continue
		}
		clause := a.clause[p.Start]
		other := false
		for m, q := range a.Preds {
			// "killed nine people and wounded 20": a past tense after
			// "and" continues this verb, it is not another clause's
			if m != n && q.Kind == Finite && !q.Report && a.clause[q.Start] == clause && !(m > n && a.afterAnd(q.Start)) {
				other = true
			}
		}
		// "a car packed with explosives killed at least 11": a participle
		// followed by a phrase gives way to a later one with an object
		if !other && !a.laterObjectParticiple(n) {
			p.Kind = Finite
		}
	}
}

// pastAfterAnd: predicate n is a bare past participle right after "and",
// "but" or "or", and the finite predicate before it (after its object) is a
// simple past ("VBD"), so the two are coordinated finite verbs.
func (a *Analysis) pastAfterAnd(n int) bool {
	p := a.Preds[n]
	if n == 0 || p.End-p.Start != 1 || a.Tokens[p.Start-1].Tag != "CC" {
		return false
	}
	prev := a.Preds[n-1]
	return prev.Kind == Finite && prev.End-prev.Start == 1 && a.Tokens[prev.Start].Tag == "VBD"
}

// skipTimePhrase steps left from token i over a time phrase ("on
// Thursday", "yesterday", "last week") and returns the token before it.
func (a *Analysis) skipTimePhrase(i int) int {
	for i > 0 {
		t := a.Tokens[i]
		low := strings.ToLower(t.Text)
		switch {
		case a.words.Is(low, Time) || t.Tag == "CD":
			i--
		case (t.Tag == "IN" || t.Tag == "JJ" || t.Tag == "DT") && i+1 < len(a.Tokens) &&
			(a.words.Is(strings.ToLower(a.Tokens[i+1].Text), Time) || a.Tokens[i+1].Tag == "CD"):
			i-- // "on Thursday", "last week", "this morning"
		default:
			return i
		}
	}
	return i
}

// verbGroups finds maximal runs of auxiliaries, adverbs and verbs, with "to"
// and chain adjectives joining a verb to its infinitive ("refused to meet",
// "are determined to further expand").
func (a *Analysis) verbGroups() {
	toks := a.Tokens
	for i := 0; i < len(toks); {
		if !a.startsGroup(i) || a.insideActorName(i) {
			i++
			continue
		}
		j := i
		for j < len(toks) {
			if a.continuesGroup(i, j) {
				j++
				j = a.timeInsideGroup(j)
				continue
			}
			// "threatened on Monday to break relations", "agreed in
			// principle to provide aid": the infinitive is still governed
			if a.isChainWord(j - 1) {
				if k := a.afterInterposed(j); k > j && a.infinitiveAt(k) {
					j = k
					continue
				}
			}
			break
		}
		// Trailing adverbs and "to" belong to what follows, not to the group.
		for j > i+1 && (isAdverb(toks[j-1].Tag) || toks[j-1].Tag == "TO") && !isVerb(toks[j-1].Tag) {
			j--
		}
		a.addPred(i, j)
		i = j
	}
	a.linkCoordination()
}

// timeInsideGroup: a time phrase after a modal or an auxiliary and before
// the verb it governs belongs to the verb group ("will on Tuesday lead",
// "has this week signed"), so that the verb keeps the group's subject. It
// returns the token after the phrase, or j when there is none.
func (a *Analysis) timeInsideGroup(j int) int {
	toks := a.Tokens
	if j == 0 || j >= len(toks) {
		return j
	}
	prev := toks[j-1]
	if prev.Tag != "MD" && !(isVerb(prev.Tag) && isAux(prev.Lemma)) {
		return j
	}
	e := a.timePhraseEnd(j)
	if e == j {
		return j
	}
	if v := a.skipAdverbs(e); v < len(toks) && isVerb(toks[v].Tag) {
		return e
	}
	return j
}

// timePhraseEnd returns the token after a time phrase starting at j ("on
// Tuesday", "last week", "today", "on May 5"), or j when none starts there.
func (a *Analysis) timePhraseEnd(j int) int {
	toks := a.Tokens
	k := j
	if k < len(toks) && (toks[k].Tag == "IN" || toks[k].Tag == "DT" || toks[k].Tag == "JJ") {
		k++ // "on", "this", "last"
	}
	e := k
	for e < len(toks) && (a.isTimeWord(e) || toks[e].Tag == "CD") {
		e++
	}
	if e == k || e-k > 3 {
		return j
	}
	return e
}

// afterInterposed skips what may stand between a chain verb and its "to
// VERB" without breaking the chain: adverbs, a time phrase and a bare
// prepositional idiom ("in principle", "on Monday", "today"). It returns
// the token after them.
func (a *Analysis) afterInterposed(j int) int {
	toks := a.Tokens
	for k := j; ; {
		switch e := a.timePhraseEnd(k); {
		case e > k:
			k = e
		case k < len(toks) && isAdverb(toks[k].Tag):
			k++
		case k+1 < len(toks) && toks[k].Tag == "IN" && toks[k+1].Tag == "NN" && a.npAt[k+1] >= 0 &&
			a.NPs[a.npAt[k+1]].Start == k+1 && a.NPs[a.npAt[k+1]].End == k+2 && a.NPs[a.npAt[k+1]].Actor < 0:
			k += 2 // "in principle"
		default:
			return k
		}
	}
}

// infinitiveAt: "to" (and adverbs) and a bare verb start at token k.
func (a *Analysis) infinitiveAt(k int) bool {
	if k >= len(a.Tokens) || a.Tokens[k].Tag != "TO" {
		return false
	}
	v := a.skipAdverbs(k + 1)
	return v < len(a.Tokens) && a.Tokens[v].Tag == "VB"
}

// isChainWord: token k is a verb (or chain adjective) that governs a "to
// VERB" complement.
func (a *Analysis) isChainWord(k int) bool {
	if k < 0 {
		return false
	}
	t := a.Tokens[k]
	return isVerb(t.Tag) && a.words.Is(t.Lemma, ChainNeg|ChainFuture|ChainHypo|ChainPass|ChainOblig) || a.isChainAdj(k)
}

// isTimeWord: a time noun ("Tuesday", "week") or a month name next to a
// number ("May 5", "5 May").
func (a *Analysis) isTimeWord(i int) bool {
	t := a.Tokens[i]
	if a.words.Is(strings.ToLower(t.Text), Time) {
		return true
	}
	return t.Tag == "NNP" && (i > 0 && a.Tokens[i-1].Tag == "CD" || i+1 < len(a.Tokens) && a.Tokens[i+1].Tag == "CD")
}

func (a *Analysis) startsGroup(i int) bool {
	t := a.Tokens[i]
	switch {
	case t.Tag == "MD":
		return true
	case t.Tag == "TO":
		k := a.skipAdverbs(i + 1)
		return k < len(a.Tokens) && a.Tokens[k].Tag == "VB"
	case isVerb(t.Tag):
		return true
	case isNoun(t.Tag) && a.words.Is(t.Lemma, ChainFuture|ChainNeg):
		// "Russia plans to ...": tagged as a plural noun, used as a verb.
		k := i + 1
		if k < len(a.Tokens) && a.Tokens[k].Tag == "TO" {
			k = a.skipAdverbs(k + 1)
			return k < len(a.Tokens) && a.Tokens[k].Tag == "VB" && i > 0 && a.npAt[i-1] >= 0
		}
	}
	return false
}

// insideActorName: token i is a participle inside an actor's noun phrase,
// neither its first nor its last word: "Croatian armed forces" names the
// forces; "armed" is no verb of the clause.
func (a *Analysis) insideActorName(i int) bool {
	np := a.npAt[i]
	if np < 0 || a.NPs[np].Actor < 0 || a.NPs[np].Start >= i || i+1 >= a.NPs[np].End {
		return false
	}
	switch a.Tokens[i].Tag {
	case "VBN", "VBD", "VBG":
		return true
	}
	return false
}

func (a *Analysis) skipAdverbs(k int) int {
	for k < len(a.Tokens) && isAdverb(a.Tokens[k].Tag) {
		k++
	}
	return k
}

// continuesGroup reports whether token j extends the group that began at i.
func (a *Analysis) continuesGroup(start, j int) bool {
	t := a.Tokens[j]
	if j == start {
		return true
	}
	switch {
	case t.Tag == "MD" || isVerb(t.Tag):
		return true
	case isAdverb(t.Tag):
		k := a.skipAdverbs(j)
		return k < len(a.Tokens) && (isVerb(a.Tokens[k].Tag) || a.Tokens[k].Tag == "TO" || a.isChainAdj(k))
	case t.Tag == "TO":
		k := a.skipAdverbs(j + 1)
		if k < len(a.Tokens) && a.Tokens[k].Tag == "VBG" {
			// "resorted to throwing stones"
			return isVerb(a.Tokens[j-1].Tag) && a.words.Is(a.Tokens[j-1].Lemma, AspectTo)
		}
		return k < len(a.Tokens) && a.Tokens[k].Tag == "VB"
	case a.isChainAdj(j):
		// "is determined to", "was unable to"
		k := j + 1
		return k < len(a.Tokens) && a.Tokens[k].Tag == "TO"
	}
	return false
}

func (a *Analysis) isChainAdj(j int) bool {
	t := a.Tokens[j]
	return (t.Tag == "JJ" || t.Tag == "VBN") && a.words.Is(strings.ToLower(t.Text), AdjFuture|AdjNeg|AdjFact)
}

func (a *Analysis) addPred(i, j int) {
	toks := a.Tokens
	p := Pred{Start: i, End: j, Subject: -1, inherit: -1}
	first := toks[i]
	switch {
	case first.Tag == "TO":
		p.Kind = Infinitive
	case first.Tag == "VBG":
		p.Kind = Gerund
	case first.Tag == "VBN":
		p.Kind = Participle
	}
	// Content verbs: every verb that is not an auxiliary followed by another
	// verb, not a chain word governing a "to VERB", not a modal.
	for k := i; k < j; k++ {
		t := toks[k]
		if !isVerb(t.Tag) && !(isNoun(t.Tag) && k == i) {
			continue
		}
		if a.followedByVerb(k, j) && isAux(t.Lemma) {
			continue
		}
		// A chain verb governing "to VERB" is a head too: it only matches
		// patterns that spell out the "to VERB" ("attempted to assassinate",
		// "continued to detain"), since a pattern's gap never crosses "to";
		// otherwise the verb it governs carries the event. A chain
		// adjective ("is determined to") carries none, and a verb of
		// refusal leaves the event to the verb it negates ("refused to
		// halt the operation" is a halt that did not happen).
		if a.governsInfinitive(k, j) && (a.isChainAdj(k) || a.words.Is(t.Lemma, ChainNeg)) {
			continue
		}
		// "kept pressing": an aspect verb only says how the gerund after it
		// goes on; the gerund carries the event. A verb of stopping stays
		// a head, since some patterns spell out what stops ("stop
		// fighting" is a ceasefire); otherwise the gerund carries the
		// event, negated ("stopped funding").
		if a.governsGerund(k, j) && !a.words.Is(t.Lemma, AspectStop) {
			continue
		}
		p.Heads = append(p.Heads, k)
	}
	// Passive: a form of "be" (or "get") followed by a past participle head.
	if n := len(p.Heads); n > 0 {
		h := p.Heads[n-1]
		// "Israel is opposed to French mediation": a participle of stance
		// before "to" describes the subject's position, it is not passive
		stance := a.words.Is(strings.ToLower(toks[h].Text), Stance) && h+1 < len(toks) && toks[h+1].Tag == "TO"
		// "Serb forces were engaged in ethnic cleansing": a participle of
		// activity before "in" says what the subject does
		activity := a.words.Is(strings.ToLower(toks[h].Text), Activity) && h+1 < len(toks) && strings.EqualFold(toks[h+1].Text, "in")
		if toks[h].Tag == "VBN" && !a.isChainAdj(h) && !stance && !activity {
			for k := h - 1; k >= i; k-- {
				if toks[k].Lemma == "be" || toks[k].Lemma == "get" {
					p.Passive = true
					break
				}
				if toks[k].Lemma == "have" {
					break
				}
			}
		}
		p.Report = a.words.Is(toks[h].Lemma, Report)
	}
	if p.Kind == Participle && p.Passive {
		p.Kind = Finite
	}
	a.Preds = append(a.Preds, p)
}

func (a *Analysis) followedByVerb(k, end int) bool {
	for m := k + 1; m < end; m++ {
		if isVerb(a.Tokens[m].Tag) || a.isChainAdj(m) {
			return true
		}
	}
	return false
}

// governsGerund: token k is an aspect verb ("keep", "stop") with a gerund
// right after it (adverbs aside) inside the group ending at end.
func (a *Analysis) governsGerund(k, end int) bool {
	t := a.Tokens[k]
	if !isVerb(t.Tag) || !a.words.Is(t.Lemma, Aspect|AspectStop|AspectTo) {
		return false
	}
	m := a.skipAdverbs(k + 1)
	if a.words.Is(t.Lemma, AspectTo) {
		// "resorted to throwing": the gerund comes after "to"
		if m >= end || a.Tokens[m].Tag != "TO" {
			return false
		}
		m = a.skipAdverbs(m + 1)
	}
	return m < end && a.Tokens[m].Tag == "VBG"
}

// governsInfinitive: token k is a chain word ("refuse", "plan") whose
// "to VERB" follows inside the same group.
func (a *Analysis) governsInfinitive(k, end int) bool {
	t := a.Tokens[k]
	if !a.words.Is(t.Lemma, ChainNeg|ChainFuture|ChainHypo|ChainPass|ChainOblig) && !a.isChainAdj(k) {
		return false
	}
	m := a.afterInterposed(k + 1)
	return m < end && a.Tokens[m].Tag == "TO"
}

// linkCoordination marks bare verbs after "and"/"or" that continue the
// group before them ("to further expand and deepen").
func (a *Analysis) linkCoordination() {
	for n := 1; n < len(a.Preds); n++ {
		p := &a.Preds[n]
		prev := a.Preds[n-1]
		cc := p.Start - 1
		if cc >= 0 && a.elidedPassive(n) {
			// "was shot and killed", "five were killed and 15 wounded": a
			// bare past form after a passive shares its "be"
			p.Passive, p.Kind = true, Finite
			if cc == prev.End {
				p.Coordinated, p.inherit = true, n-1
			}
			continue
		}
		if cc < 0 || a.Tokens[cc].Tag != "CC" || cc != prev.End {
			continue
		}
		t := a.Tokens[p.Start]
		if t.Tag == "VB" || t.Tag == prevHeadTag(a, prev) {
			p.Coordinated = true
			p.Kind = prev.Kind
			if p.Kind == Infinitive && len(prev.Heads) > 0 && a.Tokens[prev.Start].Tag != "TO" {
				p.Kind = Finite
			}
			p.inherit = n - 1
		}
	}
}

// elidedPassive: predicate n is one past form (VBN or VBD) after "and"
// that follows a passive predicate, right after it ("was shot and killed")
// or after a number or a short noun phrase of its own ("five people were
// killed and 15 wounded"). It shares the passive's "be".
func (a *Analysis) elidedPassive(n int) bool {
	p, prev := a.Preds[n], a.Preds[n-1]
	if !prev.Passive || p.Passive {
		return false
	}
	// "was shot and nearly killed": adverbs, then one past form
	v := p.Start
	for v < p.End-1 && isAdverb(a.Tokens[v].Tag) {
		v++
	}
	if v != p.End-1 {
		return false
	}
	if t := a.Tokens[v]; t.Tag != "VBN" && t.Tag != "VBD" {
		return false
	}
	k := p.Start - 1
	for k > prev.End && isAdverb(a.Tokens[k].Tag) {
		k--
	}
	if a.Tokens[k].Tag == "CC" && k == prev.End {
		return strings.EqualFold(a.Tokens[k].Text, "and") || strings.EqualFold(a.Tokens[k].Text, "or")
	}
	// "and 15 [others] wounded": at most a number and a noun between
	for m := k; m >= prev.End && m >= k-2; m-- {
		switch t := a.Tokens[m]; {
		case t.Tag == "CD" || t.Tag == "NNS" || t.Tag == "JJ":
			continue
		case strings.EqualFold(t.Text, "and") && m < k && m == prev.End:
			return a.Tokens[m+1].Tag == "CD"
		default:
			return false
		}
	}
	return false
}

func prevHeadTag(a *Analysis, p Pred) string {
	if len(p.Heads) == 0 {
		return ""
	}
	return a.Tokens[p.Heads[len(p.Heads)-1]].Tag
}

// reported reports whether predicate pi's clause is what a verb of saying
// reports.
func (a *Analysis) reported(pi int) bool {
	gov := a.Governor(pi)
	return gov >= 0 && a.Preds[gov].Report
}

// conditionAfter reports whether a conditional clause ("if the talks
// resumed") follows predicate pi: its "would" stays hypothetical.
func (a *Analysis) conditionAfter(pi int) bool {
	for _, c := range a.Clauses {
		if c.Hypo && c.Start > a.Preds[pi].Start {
			return true
		}
	}
	return false
}

// PerfectModal reports whether predicate pi is a modal perfect ("may have
// launched", "could have been killed"): a guess about the past, never an
// announced action.
func (a *Analysis) PerfectModal(pi int) bool {
	p := a.Preds[pi]
	for k := p.Start; k+1 < p.End; k++ {
		if a.Tokens[k].Tag == "MD" {
			for m := k + 1; m < p.End; m++ {
				if a.Tokens[m].Lemma == "have" && m+1 < p.End && (a.Tokens[m+1].Tag == "VBN" || a.Tokens[m+1].Lemma == "be") {
					return true
				}
			}
		}
	}
	return false
}

// Modality returns whether the event carried by head (a token index in p.Heads)
// is negated and its auxiliary mode, from the words of the group before the
// head, the group it is coordinated with, and its clause.
func (a *Analysis) Modality(pi int, head int) (negated bool, aux string) {
	p := a.Preds[pi]
	if p.inherit >= 0 {
		pp := a.Preds[p.inherit]
		hd := pp.Start
		if len(pp.Heads) > 0 {
			hd = pp.Heads[len(pp.Heads)-1]
		}
		negated, aux = a.Modality(p.inherit, hd)
	}
	for k := p.Start; k < head && k < p.End; k++ {
		t := a.Tokens[k]
		low := strings.ToLower(t.Text)
		c := a.words.Class(low)
		if t.Tag == "MD" || isAdverb(t.Tag) || low == "n't" {
			c |= a.words.Class(t.Lemma)
		} else if isVerb(t.Tag) || isNoun(t.Tag) {
			c = a.words.Class(t.Lemma)
			if a.isChainAdj(k) {
				c |= a.words.Class(low)
			}
		}
		switch {
		case c&Neg != 0 && (isAdverb(t.Tag) || low == "n't" || low == "not" || low == "never"):
			negated = !negated
		case c&(ChainNeg|AdjNeg) != 0 && a.governsInfinitive(k, p.End):
			negated = true
		case c&AspectStop != 0 && isVerb(t.Tag) && a.governsGerund(k, p.End):
			negated = !negated // "stopped funding"; "has not stopped shelling" is shelling
		case c&ModalFuture != 0 && t.Tag == "MD":
			aux = setAux(aux, "future")
		case low == "would" && t.Tag == "MD" && a.reported(pi) && !a.conditionAfter(pi):
			// "the rebels said they would release three hostages": in
			// reported speech "would" is the speaker's "will"
			aux = setAux(aux, "future")
		case c&ModalHypo != 0 && t.Tag == "MD":
			// "would like to", "could" -> hypothetical unless already future
			aux = setAux(aux, "hypothetical")
		case c&(ChainFuture|AdjFuture) != 0 && a.governsInfinitive(k, p.End):
			aux = setAux(aux, "future")
		case c&ChainHypo != 0 && a.governsInfinitive(k, p.End):
			aux = setAux(aux, "hypothetical")
		}
	}
	// "Putin had no plans to congratulate": a chain noun opening the group
	// after "no" negates what it governs
	if first := a.Tokens[p.Start]; isNoun(first.Tag) && p.Start > 0 && strings.EqualFold(a.Tokens[p.Start-1].Text, "no") {
		negated = !negated
	}
	// "Chile never met ...": a negator right before the group (the group
	// starts at its first verb)
	for k := p.Start - 1; k >= 0 && isAdverb(a.Tokens[k].Tag); k-- {
		low := strings.ToLower(a.Tokens[k].Text)
		if a.words.Is(low, Neg) && (low == "never" || low == "not") {
			negated = !negated
		}
	}
	if negated && a.negativeComplement(head) {
		negated = false // "would not go unanswered": a double negative
	}
	// "agreed that their countries should cooperate", "pledged that it
	// would send troops": a modal action in the "that" clause of a verb of
	// agreeing or pledging is what the speaker commits to
	if aux != "" && a.pledgedClause(pi) {
		aux = "future"
	}
	if p.Clause < len(a.Clauses) && a.Clauses[p.Clause].Hypo && (aux == "" || aux == "future") {
		aux = "hypothetical"
	}
	return negated, aux
}

// pledgedClause reports whether predicate pi stands in the "that" clause
// of a finite verb of agreeing or pledging (a chain-future verb: "agreed
// on Wednesday that ...").
func (a *Analysis) pledgedClause(pi int) bool {
	c := a.Clauses[a.Preds[pi].Clause]
	if c.Kind != SubordClause || c.Hypo || !strings.EqualFold(a.Tokens[c.Start].Text, "that") {
		return false
	}
	for q := pi - 1; q >= 0; q-- {
		g := a.Preds[q]
		if g.End > c.Start {
			continue
		}
		if g.Kind != Finite || len(g.Heads) == 0 {
			return false
		}
		h := g.Heads[len(g.Heads)-1]
		return a.words.Is(a.Tokens[h].Lemma, ChainFuture) && !a.governsInfinitive(h, g.End)
	}
	return false
}

// setAux keeps the strongest reading: future intent wins over a plain fact,
// hypothetical wins over future ("would be ready to").
func setAux(old, add string) string {
	if old == "hypothetical" {
		return old
	}
	return add
}

// Obliged reports whether the group before head says the action must or
// should happen ("must return", "should cooperate", "needs to enact").
func (a *Analysis) Obliged(pi, head int) bool {
	p := a.Preds[pi]
	for k := p.Start; k < head && k < p.End; k++ {
		t := a.Tokens[k]
		if t.Tag == "MD" && a.words.Is(strings.ToLower(t.Text), ModalOblig) {
			return true
		}
		if isVerb(t.Tag) && a.words.Is(t.Lemma, ChainOblig) && a.governsInfinitive(k, p.End) {
			return true
		}
	}
	return false
}

// Governor returns the predicate whose reported or demanded content
// predicate pi's clause is ("Russia said [Sudan must return ...]",
// "groups are demanding [that Mugabe abandon ...]"), or -1.
func (a *Analysis) Governor(pi int) int {
	c := a.Clauses[a.Preds[pi].Clause]
	if c.Kind != ReportedClause && c.Kind != SubordClause {
		return -1
	}
	if c.Kind == SubordClause && !strings.EqualFold(a.Tokens[c.Start].Text, "that") {
		return -1
	}
	for q := pi - 1; q >= 0; q-- {
		g := a.Preds[q]
		if g.End > c.Start {
			continue
		}
		// "issued a declaration demanding that Ankara provide ...": a
		// gerund of demanding governs its "that" clause too
		if g.Kind == Gerund && g.Subject >= 0 && a.demands(g) && !g.Report {
			return q
		}
		if g.Kind != Finite {
			continue
		}
		if g.Report || a.demands(g) || a.warns(g) || a.saysThrough(g, c.Start) {
			return q
		}
		return -1
	}
	return -1
}

// saysThrough: the object of predicate g, right before the "that" clause at
// start, is a noun of saying ("issued a stern reminder to Iraq that it
// must"): the clause is what g's subject says.
func (a *Analysis) saysThrough(g Pred, start int) bool {
	for k := g.End; k < start; k++ {
		if np := a.npAt[k]; np >= 0 && a.NPs[np].Prep == "" && isNoun(a.Tokens[a.NPs[np].End-1].Tag) &&
			a.words.Is(a.Tokens[a.NPs[np].End-1].Lemma, SayNoun) {
			return true
		}
	}
	return false
}

// Warns reports whether predicate pi is a verb of warning or vowing.
func (a *Analysis) Warns(pi int) bool { return a.warns(a.Preds[pi]) }

func (a *Analysis) warns(p Pred) bool {
	for k := p.Start; k < p.End; k++ {
		if isVerb(a.Tokens[k].Tag) && a.words.Is(a.Tokens[k].Lemma, Warn) {
			return true
		}
	}
	return false
}

// Demands reports whether predicate pi is a verb of demanding.
func (a *Analysis) Demands(pi int) bool { return a.demands(a.Preds[pi]) }

func (a *Analysis) demands(p Pred) bool {
	for _, h := range p.Heads {
		if a.words.Is(a.Tokens[h].Lemma, Demand) {
			return true
		}
	}
	return false
}

// Frame returns the clause that predicate pi's clause belongs to for the
// purpose of sharing what it is aimed at: a coordinated clause or the rest
// of a clause a relative clause interrupted belongs to the clause it
// continues; the main clause is 0; a reported, relative, subordinate or
// quoted clause is a frame of its own ("blamed Hamas and said Washington
// would support ..." does not aim the support at Hamas).
func (a *Analysis) Frame(pi int) int {
	if pi < 0 || pi >= len(a.Preds) {
		return -1
	}
	p := a.Preds[pi]
	// "shelled the town, killing two civilians": a gerund aside belongs to
	// the verb it continues
	if q := a.adverbialHost(pi); q >= 0 && q < pi {
		return a.Frame(q)
	}
	// "rejected the protest, saying ..., and urged Manila": a coordinated
	// verb whose subject stands in an earlier clause continues that clause
	if c := a.Clauses[p.Clause]; c.Kind == CoordClause && p.Subject >= 0 {
		if sc := a.NPs[p.Subject].Clause; sc < p.Clause {
			return a.frameOf(sc)
		}
	}
	// "said it firmly opposed the statement and warned Washington": a
	// reported clause whose subject is a pronoun mostly reports the
	// speaker's own stand, which belongs with the speaker's frame
	if p.Subject >= 0 && a.NPs[p.Subject].Pronoun != 0 {
		if gov := a.speechGovernor(pi); gov >= 0 && gov < pi {
			return a.Frame(gov)
		}
	}
	return a.frameOf(p.Clause)
}

func (a *Analysis) frameOf(ci int) int {
	for ci > 0 && ci < len(a.Clauses) {
		c := a.Clauses[ci]
		switch {
		case c.Resumes >= 0 && c.Resumes < ci:
			ci = c.Resumes
		case c.Kind == MainClause:
			return 0
		case c.Kind == CoordClause:
			ci--
		default:
			return ci
		}
	}
	return 0
}

// speechGovernor returns the verb of saying, demanding or warning, of any
// kind ("said", "warning"), whose reported or "that" clause predicate pi
// stands in, or -1.
func (a *Analysis) speechGovernor(pi int) int {
	c := a.Clauses[a.Preds[pi].Clause]
	if c.Kind != ReportedClause && !(c.Kind == SubordClause && strings.EqualFold(a.Tokens[c.Start].Text, "that")) {
		return -1
	}
	for q := pi - 1; q >= 0; q-- {
		g := a.Preds[q]
		if g.End > c.Start {
			continue
		}
		if g.Report || a.demands(g) || a.warns(g) {
			return q
		}
		return -1
	}
	return -1
}

// negativeComplement reports whether the head is followed by a negative
// adjective ("go unanswered", "leave it unpunished") that cancels a "not".
func (a *Analysis) negativeComplement(head int) bool {
	k := head + 1
	if k < len(a.Tokens) && (a.Tokens[k].Tag == "PRP" || isAdverb(a.Tokens[k].Tag)) {
		k++
	}
	return k < len(a.Tokens) && a.words.Is(strings.ToLower(a.Tokens[k].Text), NegAdj)
}
