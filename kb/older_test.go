package kb

import "testing"

// TestOlderNews: wire text from the 1980s and 1990s names former states,
// leaders by their terms then, and armed groups and IGOs of the period.
func TestOlderNews(t *testing.T) {
	k := defaultKB(t)
	tests := []struct {
		name, date, doc string
		want            []want
	}{
		{"Soviet leader", "1990-06-01", "Soviet President Mikhail Gorbachev spoke.", []want{
			{"Soviet President Mikhail Gorbachev", "Mikhail Gorbachev", "SUN", "GOV", Person}}},
		{"former state", "1988-01-01", "The Soviet Union protested.", []want{
			{"The Soviet Union", "Soviet Union", "SUN", "GOV", Country}}},
		{"shared alias by date, elder Bush", "1990-06-01", "George Bush spoke.", []want{
			{"George Bush", "George H. W. Bush", "USA", "GOV", Person}}},
		{"shared alias by date, younger Bush", "2003-06-01", "George Bush spoke.", []want{
			{"George Bush", "George W. Bush", "USA", "GOV", Person}}},
		{"rebel group", "1995-01-01", "The Tamil Tigers attacked.", []want{
			{"The Tamil Tigers", "Liberation Tigers of Tamil Eelam", "LKA", "REB", Group}}},
		{"predecessor igo", "1995-01-01", "The OAU met.", []want{
			{"The OAU", "Organization of African Unity", "AFU", "IGO", Organisation}}},
		{"plural demonym of a people", "1998-01-01", "Kosovo Albanians marched.", []want{
			{"Kosovo Albanians", "Kosovo", "XKX", "", Country}}},
		{"US agency", "2018-01-01", "ICE detained them.", []want{
			{"ICE", "United States", "USA", "COP", Country}}},
		{"embassy", "2018-01-01", "The U.S. embassy said.", []want{
			{"The U.S. embassy", "United States", "USA", "GOV", Country}}},
		{"party", "2018-01-01", "Republicans objected.", []want{
			{"Republicans", "Republican Party", "USA", "PTY", Organisation}}},
		{"other countries' Democrats are not US Democrats", "2018-01-01", "The Social Democrats won.", nil},
		{"adjective before a titled alias", "2016-01-01", "Saudi King Salman spoke.", []want{
			{"Saudi King Salman", "Salman bin Abdulaziz", "SAU", "GOV", Person}}},
		{"adjective before a thing is no actor", "2016-01-01", "Russian gas flowed.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectMentions(t, findAll(t, k, tt.date, tt.doc), tt.want)
		})
	}
}
