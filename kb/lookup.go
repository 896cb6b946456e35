package kb

import (
	"slices"
	"time"
)

// Lookups by code, for commands that start from a code or a date rather
// than from text (dyad reactions).

// Countries returns the code of every country in countries.tsv, in file
// order.
func (k *KB) Countries() []string {
	out := make([]string, len(k.countries))
	for i, c := range k.countries {
		out[i] = c.Code
	}
	return out
}

// CountryName returns the canonical name of a country code; ok is false
// when countries.tsv does not list it.
func (k *KB) CountryName(code string) (name string, ok bool) {
	i, ok := k.countryIndex[code]
	if !ok {
		return "", false
	}
	return k.countries[i].Name, true
}

// OrganisationName returns the name and sector of an organisation code in
// orgs.tsv (an IGO, an NGO or another organisation, not an armed group);
// ok is false when there is none.
func (k *KB) OrganisationName(code string) (name, sector string, ok bool) {
	for _, o := range k.orgs {
		if o.Code == code && o.Kind == Organisation {
			return o.Name, o.Sector, true
		}
	}
	return "", "", false
}

// leaderTitles are the offices.tsv titles whose offices make a state's
// leaders.
var leaderTitles = []string{"head of state", "head of government"}

// StatesWithLeaders returns, sorted, the codes of the countries where
// someone in people.tsv holds, on date d, an office that offices.tsv lists
// for "head of state" or "head of government": the states whose reaction
// to an event the knowledge base can expect.
func (k *KB) StatesWithLeaders(d time.Time) []string {
	leader := map[string]bool{}
	for _, t := range leaderTitles {
		for _, o := range k.officeTitles[t] {
			leader[officeKey(o)] = true
		}
	}
	var out []string
	for code, terms := range k.holders {
		if _, isCountry := k.countryIndex[code]; !isCountry {
			continue
		}
		for _, h := range terms {
			o := k.people[h.person].Offices[h.office]
			if o.holds(d) && leader[officeKey(o.Office)] {
				out = append(out, code)
				break
			}
		}
	}
	slices.Sort(out)
	return out
}
