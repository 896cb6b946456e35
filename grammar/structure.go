package grammar

import "strings"

// clauses splits the sentence into clauses: subordinate ("although ..."),
// relative (", who ..."), coordinated ("... and signed"), reported
// ("said Y ...") and quoted stretches. A relative clause opened after a comma
// closes at the next comma, and the clause around it resumes.
func (a *Analysis) clauses() {
	toks := a.Tokens
	a.Clauses = []Clause{{Start: 0, Kind: MainClause, Antecedent: -1, Resumes: -1}}
	cur := 0
	resume := -1 // clause to resume after a comma-bounded relative clause
	predAt := make([]int, len(toks))
	for i := range predAt {
		predAt[i] = -1
	}
	for n, p := range a.Preds {
		for k := p.Start; k < p.End; k++ {
			predAt[k] = n
		}
	}
	open := func(i int, kind ClauseKind) {
		a.Clauses[cur].End = i
		a.Clauses = append(a.Clauses, Clause{Start: i, Kind: kind, Antecedent: -1, Resumes: -1})
		cur = len(a.Clauses) - 1
	}
	hasPred := func(c Clause, upto int) bool {
		for k := c.Start; k < upto; k++ {
			if predAt[k] >= 0 && a.Preds[predAt[k]].Kind == Finite {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		low := strings.ToLower(t.Text)
		switch {
		case i > 0 && isQuoteMark(t.Text) && a.quoteBoundary(i):
			open(i, QuoteClause)
		case t.Text == ";" || t.Text == ":" || t.Text == "—" || t.Text == "--":
			open(i, MainClause)
		case t.Text == "," && resume < 0 && a.Clauses[cur].Kind == SubordClause && a.Clauses[cur].Start == 0 &&
			hasPred(a.Clauses[cur], i):
			// "As Putin spoke in Moscow, thousands marched": a fronted
			// subordinate clause ends at the comma after its verb
			open(i, MainClause)
		case t.Text == "," && resume < 0 && a.attributionAhead(i+1, predAt):
			// "..., a local official said." closes the reported clause
			open(i, MainClause)
		case t.Text == "," && resume >= 0:
			// end of ", who ... ,": back to the clause that was interrupted
			c := a.Clauses[resume]
			a.Clauses[cur].End = i
			a.Clauses = append(a.Clauses, Clause{Start: i, Kind: c.Kind, Hypo: c.Hypo, Antecedent: c.Antecedent, Resumes: resume})
			cur = len(a.Clauses) - 1
			resume = -1
		case (t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "WP$" || t.Tag == "WRB" && a.words.Is(low, Relative)) && a.words.Is(low, Relative|Subord):
			ante := a.relativeAntecedent(i)
			commaBefore := i > 0 && toks[i-1].Text == ","
			parent := cur
			open(i, RelativeClause)
			a.Clauses[cur].Antecedent = ante
			if commaBefore {
				resume = parent
			}
		case low == "that" && i > 1 && a.reportedThat(i, predAt):
			// "said on Friday that the government and the rebels in
			// Darfur must ...": after a verb of saying, "that" opens what
			// is said, however long its subject
			open(i, SubordClause)
		case (t.Tag == "IN" || t.Tag == "WRB") && a.words.Is(low, Subord|SubordHypo) && a.clauseAhead(i+1, predAt):
			open(i, SubordClause)
			a.Clauses[cur].Hypo = a.words.Is(low, SubordHypo)
		case t.Tag == "CC" && hasPred(a.Clauses[cur], i) && a.clauseAhead(i+1, predAt) && !a.reportedSubjectList(i, predAt):
			open(i, CoordClause)
		case predAt[i] >= 0 && i == a.Preds[predAt[i]].Start && i > 0 && predAt[i-1] < 0 && a.Preds[predAt[i]].Kind == Finite:
			// a verb of saying right before: what follows is reported
			if n := predAt[i]; n > 0 && a.Preds[n-1].Report && a.Preds[n-1].End < i && a.reportedStart(n) > 0 {
				if s := a.reportedStart(n); s > a.Clauses[cur].Start {
					// split the current clause where the reported subject begins
					a.Clauses[cur].End = s
					a.Clauses = append(a.Clauses, Clause{Start: s, Kind: ReportedClause, Antecedent: -1, Resumes: -1})
					cur = len(a.Clauses) - 1
				}
			}
		}
		a.clause[i] = cur
	}
	a.Clauses[cur].End = len(toks)
	// re-assign tokens split after they were visited
	for ci, c := range a.Clauses {
		for k := c.Start; k < c.End && k < len(toks); k++ {
			a.clause[k] = ci
		}
	}
	for n := range a.Preds {
		a.Preds[n].Clause = a.clause[a.Preds[n].Start]
	}
	for n := range a.NPs {
		a.NPs[n].Clause = a.clause[a.NPs[n].Start]
	}
}

// relativeAntecedent returns the noun phrase a relative word at token i
// refers to: the one before it, unless that one only says where the phrase
// before it is ("a fire in its capital Dhaka that killed", "an attack on
// mosques in New Zealand that killed"): places do not act.
func (a *Analysis) relativeAntecedent(i int) int {
	ante := a.npBefore(i)
	if ante > 0 && a.NPs[ante].Prep == "" && a.NPs[ante-1].End == a.NPs[ante].Start && a.NPs[ante-1].Prep != "" {
		ante-- // "in its capital city Dhaka": the name is the phrase's
	}
	for ante >= 0 && a.NPs[ante].PrepAt > 0 && (a.NPs[ante].Actor >= 0 || ante+1 < len(a.NPs) && a.NPs[ante+1].Actor >= 0) {
		if !Locative(a.NPs[ante].Prep) {
			return ante
		}
		host := a.npAt[a.NPs[ante].PrepAt-1]
		if host < 0 || host == ante {
			return ante
		}
		ante = host
	}
	return ante
}

// reportedThat: "that" at token i follows a verb of saying, directly or
// behind a time phrase ("said on Friday that").
func (a *Analysis) reportedThat(i int, predAt []int) bool {
	k := a.skipTimePhrase(i - 1)
	return k >= 0 && predAt[k] >= 0 && a.Preds[predAt[k]].Report && a.Preds[predAt[k]].End == k+1
}

// reportedSubjectList: the "and" at token i joins the subjects of reported
// speech ("said US and British forces must ..."): the words before it are one
// noun phrase right after a verb of saying.
func (a *Analysis) reportedSubjectList(i int, predAt []int) bool {
	if i == 0 || a.npAt[i-1] < 0 {
		return false
	}
	k := a.NPs[a.npAt[i-1]].Start - 1
	return k >= 0 && predAt[k] >= 0 && a.Preds[predAt[k]].Report
}

// quoteBoundary: a quotation mark that separates clauses ("...," the letter
// read / said: "..."), not one around a word or phrase ("heartily").
func (a *Analysis) quoteBoundary(i int) bool {
	prev := a.Tokens[i-1].Text
	switch prev {
	case ",", ".", "?", "!", ":", ";":
		return true
	}
	if i+1 < len(a.Tokens) {
		switch a.Tokens[i+1].Text {
		case ",", ".", "?", "!":
			return false
		}
	}
	return false
}

// attributionAhead: do the tokens from i on read "NP said" or "said NP" and
// end the sentence (", a local official said.", ", officials told AFP")?
func (a *Analysis) attributionAhead(i int, predAt []int) bool {
	k := i
	if k < len(a.Tokens) && a.npAt[k] >= 0 {
		k = a.NPs[a.npAt[k]].End
	}
	if k >= len(a.Tokens) || predAt[k] < 0 || !a.Preds[predAt[k]].Report || k == i && a.npAt[a.Preds[predAt[k]].End%len(a.Tokens)] < 0 {
		return false
	}
	// the rest of the sentence must be short: an object, a time, the stop
	return len(a.Tokens)-a.Preds[predAt[k]].End <= 6
}

// reportedStart: for predicate n right after a verb of saying and a noun
// phrase ("said Russia attacked"), the token where the reported clause
// starts, or 0.
func (a *Analysis) reportedStart(n int) int {
	prev := a.Preds[n-1]
	p := a.Preds[n]
	k := prev.End
	// "said yesterday they would ...", "said on Tuesday it would ...": a
	// time phrase before the subject
	if e := a.timePhraseEnd(k); e < p.Start {
		k = e
	}
	if k < p.Start && (a.Tokens[k].Tag == "IN" || a.Tokens[k].Tag == ",") {
		return 0 // "said that ...": the subordinator opens it; "said, ..." likewise
	}
	if k < p.Start && a.npAt[k] >= 0 {
		return k
	}
	return 0
}

// clauseAhead: does a finite verb group start within a few tokens (after an
// optional noun phrase)?
func (a *Analysis) clauseAhead(i int, predAt []int) bool {
	for k := i; k < len(a.Tokens) && k < i+12; k++ {
		if predAt[k] >= 0 {
			p := a.Preds[predAt[k]]
			return p.Kind == Finite || p.Start == i
		}
		t := a.Tokens[k]
		// Only a subject may stand between: determiners, adjectives, nouns,
		// "of" ("the head of the agency"), an appositive's commas. A
		// preposition or a comma after the first noun phrase means the
		// words are an object list ("drones and a missile at Ukraine,
		// officials said").
		if a.npAt[k] < 0 && !(t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "POS" || t.Tag == "CC" ||
			t.Tag == "PRP$" || isAdverb(t.Tag) || t.Tag == "," || isQuoteMark(t.Text) || t.Tag == "IN") {
			return false
		}
		if t.Tag == "IN" && !strings.EqualFold(t.Text, "of") && k > i && a.npAt[k-1] >= 0 {
			return false
		}
	}
	return false
}

// npBefore returns the noun phrase just before token i (skipping a comma),
// or -1.
func (a *Analysis) npBefore(i int) int {
	k := i - 1
	if k >= 0 && a.Tokens[k].Text == "," {
		k--
	}
	if k >= 0 {
		return a.npAt[k]
	}
	return -1
}

// subjects finds each predicate's subject: the nearest noun phrase to its
// left in the same clause that is neither inside a prepositional phrase nor
// a possessor; failing that, a relative clause's antecedent or the subject of
// the predicate it is coordinated with.
func (a *Analysis) subjects() {
	for n := range a.Preds {
		p := &a.Preds[n]
		c := a.Clauses[p.Clause]
		p.Subject = -1
		// "killed nine people and wounded 20": a bare verb right after
		// "and", following a verb with its own object in this clause,
		// shares that verb's subject; the object is not the subject
		if n > 0 && p.Kind == Finite && a.afterAnd(p.Start) && p.Start-1 > a.Preds[n-1].End {
			if q := a.Preds[n-1]; q.Clause == p.Clause && q.Kind == Finite && q.Subject >= 0 && !q.Passive && !p.Passive {
				p.Subject = q.Subject
				continue
			}
		}
		// Skip an appositive right before the verb: "Pakistan, a key U.S.
		// ally, has refused" has Pakistan for its subject.
		from := p.Start - 1
		if from > c.Start && a.Tokens[from].Text == "," {
			for k := from - 1; k > c.Start; k-- {
				if a.Tokens[k].Text == "," {
					if ni := a.npAt[k-1]; ni >= 0 && a.NPs[ni].Actor >= 0 {
						from = k - 1
					}
					break
				}
			}
		}
		for k := from; k >= c.Start; k-- {
			ni := a.npAt[k]
			if ni < 0 {
				continue
			}
			// "the Islamic Jihad movement rejected": a noun of organisation
			// right after a name stands for the named actor
			if owner := a.orgHeadOwner(ni); owner >= 0 {
				ni = owner
			}
			np := a.NPs[ni]
			k = np.Start
			// "if Israel strikes": the subordinator is not a preposition
			inPP := np.Prep != "" && !(np.PrepAt == c.Start && c.Kind == SubordClause)
			if inPP || np.Possessor {
				continue
			}
			// an object of an earlier verb in this clause is not our subject
			if a.predBetween(np.End, p.Start, c.Start) {
				break
			}
			// "Amnesty International (AI) has accused": an abbreviation in
			// brackets repeats the subject before it
			if np.Start > 0 && a.Tokens[np.Start-1].Text == "(" && np.End < len(a.Tokens) && a.Tokens[np.End].Text == ")" {
				continue
			}
			// "Russian aircraft including helicopter gunships killed": the
			// object of a participle inside the subject is not the subject
			if a.afterNonFinite(np.Start) {
				continue
			}
			p.Subject = ni
			break
		}
		// "Putin had no plans to congratulate Trump": the group opened by a
		// chain noun after "no" belongs to the subject of the "had" before
		if p.Subject >= 0 && n > 0 && isNoun(a.Tokens[p.Start].Tag) && p.Start > 0 &&
			strings.EqualFold(a.Tokens[p.Start-1].Text, "no") && a.Preds[n-1].End == p.Start-1 &&
			a.Tokens[a.Preds[n-1].Start].Lemma == "have" {
			p.Subject = a.Preds[n-1].Subject
		}
		// "Bashir has taken steps to enhance freedoms": the infinitive after
		// a noun of effort is done by the subject of the verb that takes it
		if p.Subject >= 0 && p.Kind == Infinitive && n > 0 && a.NPs[p.Subject].End == p.Start &&
			a.words.Is(a.Tokens[p.Start-1].Lemma, Effort) && isNoun(a.Tokens[p.Start-1].Tag) {
			if q := a.Preds[n-1]; q.Clause == p.Clause && q.End <= a.NPs[p.Subject].Start && q.Kind == Finite {
				p.Subject = q.Subject
			}
		}
		// "the PKK issued a declaration demanding that ...": a gerund of
		// saying or demanding after a document speaks for its author
		if p.Subject >= 0 && p.Kind == Gerund && n > 0 && a.NPs[p.Subject].End == p.Start &&
			a.words.Is(a.Tokens[p.Start-1].Lemma, DocNoun) && isNoun(a.Tokens[p.Start-1].Tag) {
			if q := a.Preds[n-1]; q.Clause == p.Clause && q.End <= a.NPs[p.Subject].Start && q.Kind == Finite && q.Subject >= 0 {
				p.Subject = q.Subject
			}
		}
		if p.Subject >= 0 {
			continue
		}
		switch {
		case p.inherit >= 0:
			p.Subject = a.Preds[p.inherit].Subject
		case c.Resumes >= 0:
			// "Modi, who attended the summit, did not criticise": the
			// interrupted clause's subject, before the relative clause
			p.Subject = a.subjectBefore(a.Clauses[c.Resumes])
		case c.Kind == RelativeClause && c.Antecedent >= 0:
			p.Subject = c.Antecedent
		case c.Kind == CoordClause:
			// "Armenia accused Azerbaijan of attacking civilians and
			// asked ...": the subject of the last finite verb before
			// (skipping reported, subordinate and relative clauses:
			// "Beijing rejected the protest, saying the vessels had
			// intruded, and urged Manila ...")
			// Without a comma before "and" the coordination stays inside
			// the clause before it, whatever its kind ("after security
			// forces stormed the chamber and removed lawmakers").
			inner := c.Start > 0 && a.Tokens[c.Start-1].Text != ","
			for q := n - 1; q >= 0; q-- {
				qc := a.Clauses[a.Preds[q].Clause].Kind
				if a.Preds[q].Kind == Finite && a.Preds[q].Clause != p.Clause && a.Preds[q].Subject >= 0 &&
					(inner && q == n-1 && qc != RelativeClause || qc != ReportedClause && qc != SubordClause && qc != RelativeClause) {
					p.Subject = a.Preds[q].Subject
					break
				}
			}
		}
	}
}

// orgHeadOwner returns the actor noun phrase that a plain noun phrase of
// organisation nouns ("movement", "militarist wing") directly follows, as
// in "the Islamic Jihad movement" or "the APEC (Asia-Pacific Economic
// Cooperation) forum", or -1. The chunker ends a name's phrase at the name,
// so the noun after it would otherwise be read as an actor-less subject.
func (a *Analysis) orgHeadOwner(ni int) int {
	np := a.NPs[ni]
	if np.Actor >= 0 || np.Pronoun != 0 || !a.words.Is(strings.ToLower(a.Tokens[np.End-1].Text), OrgHead) {
		return -1
	}
	for k := np.Start; k < np.End-1; k++ {
		if t := a.Tokens[k].Tag; t != "JJ" && !isNoun(t) {
			return -1 // "the group": a determiner starts a phrase of its own
		}
	}
	k := np.Start - 1
	if k >= 0 && a.Tokens[k].Text == ")" {
		// skip a bracketed abbreviation or gloss: "Hizbollah (Party of God) group"
		for k--; k >= 0 && a.Tokens[k].Text != "("; k-- {
		}
		k--
	}
	if k < 0 {
		return -1
	}
	if owner := a.npAt[k]; owner >= 0 && a.NPs[owner].Actor >= 0 && a.NPs[owner].End == k+1 {
		return owner
	}
	return -1
}

// afterNonFinite reports whether the noun phrase starting at token i is the
// object of a gerund or participle right before it ("including helicopter
// gunships", "backed by Iran" is a prepositional phrase and handled apart).
func (a *Analysis) afterNonFinite(i int) bool {
	k := i - 1
	for k >= 0 && (a.Tokens[k].Tag == "DT" || strings.HasPrefix(a.Tokens[k].Tag, "JJ") || a.Tokens[k].Tag == "CD" || isNoun(a.Tokens[k].Tag)) {
		k--
	}
	if k < 0 {
		return false
	}
	for _, p := range a.Preds {
		if p.Start <= k && k < p.End {
			// "Ousted President Akayev has agreed": a participle opening
			// the sentence or a phrase modifies the name after it
			if p.Start == 0 || a.Tokens[p.Start-1].Tag == "DT" || a.Tokens[p.Start-1].Text == "," {
				return false
			}
			// "saying he would host": a verb of saying takes a clause,
			// whose subject the noun phrase is
			return (p.Kind == Gerund || p.Kind == Participle) && !p.Report
		}
	}
	return false
}

// subjectBefore returns the last noun phrase of clause c that is neither in
// a prepositional phrase nor a possessor, or -1.
func (a *Analysis) subjectBefore(c Clause) int {
	for k := c.End - 1; k >= c.Start; k-- {
		ni := a.npAt[k]
		if ni < 0 {
			continue
		}
		np := a.NPs[ni]
		k = np.Start
		if np.Prep == "" && !np.Possessor {
			return ni
		}
	}
	return -1
}

func (a *Analysis) predBetween(from, to, clauseStart int) bool {
	for _, q := range a.Preds {
		if q.Start >= from && q.End <= to && q.Start >= clauseStart && q.Kind == Finite {
			return true
		}
	}
	return false
}

// Conjuncts returns the actor noun phrases coordinated with np ("A and B",
// "A, B and C"), np included, in text order. A comma alone does not join
// ("In his letter to Trump, Aliyev ..."): the list must close with "and",
// and every member must stand in the same prepositional position.
func (a *Analysis) Conjuncts(np int) []int {
	if np < 0 {
		return nil
	}
	out := []int{np}
	if a.NPs[np].Actor < 0 {
		return out
	}
	sawAnd := false
	for cur := a.NPs[np]; ; {
		k := cur.Start - 1
		// "the United States, India and other governments": words the
		// actor phrase left out before it
		for k > 1 && a.npAt[k] < 0 && (a.Tokens[k].Tag == "JJ" || a.Tokens[k].Tag == "DT") {
			k--
		}
		if k < 1 {
			break
		}
		sep := a.Tokens[k]
		isAnd := sep.Tag == "CC" && strings.EqualFold(sep.Text, "and")
		if !isAnd && !(sep.Text == "," && sawAnd) {
			break
		}
		prev := a.npAt[k-1]
		if prev < 0 || a.NPs[prev].Actor < 0 || a.NPs[prev].Possessor {
			break
		}
		p := a.NPs[prev]
		if isAnd {
			sawAnd = true
			// "A and B" where B has lost its preposition to A: "with A and B"
			p.Prep = a.NPs[np].Prep
		}
		if p.Prep != a.NPs[np].Prep && !(isAnd && a.NPs[prev].Prep == "") {
			break
		}
		out = append([]int{prev}, out...)
		cur = a.NPs[prev]
	}
	return out
}

// Agent returns the "by X" noun phrase of a passive predicate, or -1.
func (a *Analysis) Agent(pi int) int {
	p := a.Preds[pi]
	c := a.Clauses[p.Clause]
	for k := p.End; k < c.End; k++ {
		if ni := a.npAt[k]; ni >= 0 && a.NPs[ni].Prep == "by" {
			return ni
		}
	}
	return -1
}

// ClauseEnd returns the token index where predicate pi's clause ends: the
// stretch after the verb that its objects and complements come from.
func (a *Analysis) ClauseEnd(pi int) int { return a.Clauses[a.Preds[pi].Clause].End }

// NPAt returns the noun phrase covering token i, or -1.
// Out of range, there is none.
func (a *Analysis) NPAt(i int) int {
	if i < 0 || i >= len(a.npAt) {
		return -1
	}
	return a.npAt[i]
}

// ClauseOf returns the clause index of token i.
func (a *Analysis) ClauseOf(i int) int { return a.clause[i] }

// CoordinatedWith returns the predicate that predicate pi is coordinated
// with and shares its subject and modality with ("expand" for "deepen" in
// "to expand and deepen"), or -1.
func (a *Analysis) CoordinatedWith(pi int) int { return a.Preds[pi].inherit }

// AdverbialSubject returns, for a gerund that continues the clause before it
// after a comma ("Russian troops shelled the town, killing two civilians")
// or in a time clause ("Orban said after meeting Stoltenberg"), the subject
// of the finite verb it continues, or -1.
func (a *Analysis) AdverbialSubject(pi int) int {
	p := a.Preds[pi]
	if p.Kind != Gerund || p.Start == 0 {
		return -1
	}
	// ", killing ..." or a time clause "said after meeting Stoltenberg";
	// other gerunds are too often a noun's modifier or part of an absolute
	// phrase ("with the summit hanging in the balance")
	prev := a.Tokens[p.Start-1]
	timeClause := prev.Tag == "IN" && a.words.Is(strings.ToLower(prev.Text), Subord) && !strings.EqualFold(prev.Text, "that")
	if prev.Text != "," && !timeClause {
		return -1
	}
	// "thousands of protesters, waving flags, marched": a gerund between a
	// subject and its verb describes that subject
	if prev.Text == "," {
		if np := a.npBefore(p.Start); np >= 0 {
			for q := pi + 1; q < len(a.Preds); q++ {
				// the subject itself or its "of" phrase ("thousands of
				// protesters, waving flags, marched")
				if s := a.Preds[q].Subject; a.Preds[q].Kind == Finite && s >= 0 && a.NPs[s].Start <= a.NPs[np].Start && a.NPs[s].Clause == a.NPs[np].Clause {
					return s
				}
			}
		}
	}
	q := a.adverbialHost(pi)
	if q < 0 || a.Preds[q].Passive {
		return -1
	}
	return a.Preds[q].Subject
}

// adverbialHost returns the finite predicate a gerund after a comma or a
// time word continues, or -1. After a comma, a finite verb inside a relative
// clause is skipped: in "gave the soldiers who seized power seven days to
// reinstate Bazoum, warning that ...", the leaders warn, not the soldiers.
func (a *Analysis) adverbialHost(pi int) int {
	p := a.Preds[pi]
	if p.Kind != Gerund || p.Start == 0 {
		return -1
	}
	prev := a.Tokens[p.Start-1]
	timeClause := prev.Tag == "IN" && a.words.Is(strings.ToLower(prev.Text), Subord) && !strings.EqualFold(prev.Text, "that")
	if prev.Text != "," && !timeClause {
		return -1
	}
	for q := pi - 1; q >= 0; q-- {
		f := a.Preds[q]
		if f.Kind != Finite || f.Report && !timeClause {
			continue
		}
		if !timeClause && a.Clauses[f.Clause].Kind == RelativeClause && q > 0 {
			continue
		}
		return q
	}
	return -1
}

// IsSubject reports whether noun phrase np is the subject of a finite
// predicate.
func (a *Analysis) IsSubject(np int) bool {
	for _, p := range a.Preds {
		if p.Subject == np && p.Kind == Finite {
			return true
		}
	}
	return false
}
