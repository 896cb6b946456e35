package kb

import (
	"slices"
	"testing"
	"time"
)

func TestLookups(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if name, ok := k.CountryName("MDA"); !ok || name != "Moldova" {
		t.Errorf("CountryName(MDA) = %q, %v", name, ok)
	}
	if _, ok := k.CountryName("NATO"); ok {
		t.Error("CountryName(NATO) found a country")
	}
	if name, sector, ok := k.OrganisationName("NATO"); !ok || sector != IGOSector || name == "" {
		t.Errorf("OrganisationName(NATO) = %q %q %v", name, sector, ok)
	}
	if cs := k.Countries(); len(cs) < 240 || !slices.Contains(cs, "MDA") {
		t.Errorf("Countries: %d codes", len(cs))
	}
	tests := []struct {
		date string
		code string
		want bool
	}{
		{"2024-11-03", "MDA", true},
		{"2024-11-03", "USA", true},
		{"2024-11-03", "GBR", true},
		{"2024-11-03", "ASM", false}, // a territory
		{"2024-11-03", "NATO", false},
	}
	for _, tc := range tests {
		d, _ := time.Parse("2006-01-02", tc.date)
		if got := slices.Contains(k.StatesWithLeaders(d), tc.code); got != tc.want {
			t.Errorf("StatesWithLeaders(%s) has %s: %v, want %v", tc.date, tc.code, got, tc.want)
		}
	}
}
