package discard

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/dyad-events/dyad/internal/testshared"
)

func defaultRules(t testing.TB) *Rules {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSentence(t *testing.T) {
	r := defaultRules(t)
	discard := []string{
		"Liverpool beat Chelsea 2-1 at Anfield on Sunday.",
		"Real Madrid defeated Barcelona 3 - 0 in the Clasico.",
		"Nadal won the final 6–4, 6–3.",
		"The striker scored twice before half-time.",
		"The midfielder was sent off in the second half.",
		"Messi completed his hat-trick in stoppage time.",
		"Arsenal's attack was blunted by a stubborn defence in the Premier League match.",
		"The Yankees hit three home runs in the seventh inning.",
		"India were all out for 245 as the bowlers took four wickets each.",
		"Shares fell 3 percent in early trading in Tokyo.",
		"The company reported a quarterly profit of 2 billion dollars.",
		"Microsoft agreed to acquire the game maker for 69 billion dollars.",
		"The bank launched a hostile takeover bid for its smaller rival, shareholders said.",
		"The Dow Jones index fell 200 points.",
		"In the film, an alien army attacks New York and the hero fights back.",
		"The novel's protagonist kills his brother in the third chapter.",
		"The sequel topped the box office this weekend.",
		"Players of the video game storm the castle and kill the villain.",
		"A powerful storm hit the coast, killing 12 people.",
		"The typhoon battered the island overnight.",
		"An earthquake struck the region early on Tuesday.",
		"The actor died of a heart attack at his home.",
		"The coach said the team had played its best match of the season.",
		"Djokovic beat Federer to win his fifth Wimbledon title.",
		"The boxer knocked out his opponent in the third round to take the heavyweight title.",
	}
	keep := []string{
		"Russia launched an attack on Ukrainian positions near Bakhmut.",
		"Israeli troops attacked a refugee camp in Gaza.",
		"The government defeated a no-confidence motion 310-290 in parliament.",
		"The Senate voted 51-49 to confirm the nominee.",
		"The Supreme Court ruled 6-3 against the administration.",
		"Rebels beat back an army offensive near the border.",
		"The Taliban takeover of Kabul forced thousands to flee.",
		"The military takeover in Niger was condemned by ECOWAS.",
		"Turkey's acquisition of the S-400 system angered Washington.",
		"Shares fell sharply after the United States imposed sanctions on the company.",
		"The United States sent aid to the Philippines after the typhoon hit.",
		"China banned the film for its portrayal of Mao.",
		"Hunger strikers in the prison demanded to see a lawyer.",
		"Ukraine's striker drones hit a Russian refinery overnight.",
		"The prime minister attended the World Cup final in Doha and met the emir.",
		"Protesters clashed with police after the match in Belgrade.",
		"The president accused the opposition of scoring political points.",
		"Iran threatened to close the Strait of Hormuz.",
		"The ministers met on 11-12 March in Brussels.",
		"Talks between Hamas and Israel resumed in Cairo on Monday.",
		"Between 10-15 soldiers were killed in the ambush, officials said.",
		"Kim Jong Un oversaw a missile launch, state media said.",
	}
	for _, s := range discard {
		if ok, _ := r.Sentence(s); !ok {
			t.Errorf("Sentence(%q) kept; want discarded", s)
		}
	}
	for _, s := range keep {
		if ok, rule := r.Sentence(s); ok {
			t.Errorf("Sentence(%q) discarded by %s; want kept", s, rule)
		}
	}
}

func TestDocument(t *testing.T) {
	r := defaultRules(t)
	match := "Liverpool beat Chelsea 2-1 in the Premier League on Sunday.\n\nThe striker scored in the 80th minute, the coach said."
	if ok, rule := r.Document(match); !ok {
		t.Errorf("match report kept")
	} else if !strings.Contains(rule, "discards.txt:") {
		t.Errorf("rule name %q lacks file:line", rule)
	}
	news := "Russia launched an attack on Kyiv on Monday.\n\nThe World Cup final was postponed, officials said, and the vote was 2-1."
	if ok, rule := r.Document(news); ok {
		t.Errorf("news document discarded by %s", rule)
	}
}

func TestHasScore(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"won 2-1", true},
		{"won 2 - 1 away", true},
		{"(6–4, 7–5)", true},
		{"on 2024-11-06", false},
		{"1.5-2 percent", false},
		{"a 100-0 vote", false},
		{"G-20 summit", false},
		{"Route 1-A", false},
		{"11/12-13", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasScore(tt.text); got != tt.want {
			t.Errorf("hasScore(%q) = %v; want %v", tt.text, got, tt.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"sentence <score>\n", "r.txt:1: rule needs a positive condition"},
		{"\nsentence @nope & x\n", "r.txt:2: @nope is not defined"},
		{"paragraph foo\n", "r.txt:1: unknown kind"},
		{"sentence a||b\n", "r.txt:1: empty alternative"},
		{"define x <score>\n", "r.txt:1: <score> is not allowed"},
		{"define x a\ndefine x b\n", "r.txt:2: @x defined twice"},
		{"sentence\n", "r.txt:1: rule has no condition"},
		{"sentence a&b<\n", "r.txt:1: alternative"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"r.txt": {Data: []byte(tt.text)}}
		_, err := Load(fsys, "r.txt")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%q) error = %v; want %q", tt.text, err, tt.want)
		}
	}
	if _, err := Load(fstest.MapFS{}, "missing.txt"); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}

func TestSmallRuleFile(t *testing.T) {
	fsys := fstest.MapFS{"r.txt": {Data: []byte("define sport goal|goals\nsentence scored & @sport & !minister\ndocument\tbox office\n")}}
	r, err := Load(fsys, "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	if ok, rule := r.Sentence("He SCORED two Goals."); !ok || rule != "r.txt:2: scored & @sport & !minister" {
		t.Errorf("Sentence = %v %q", ok, rule)
	}
	if ok, _ := r.Sentence("The minister scored two goals."); ok {
		t.Error("negated condition ignored")
	}
	if ok, _ := r.Sentence("He rescored the goalposts."); ok {
		t.Error("matched inside a word")
	}
	if ok, _ := r.Document("Top of the box office."); !ok {
		t.Error("document rule (tab-separated kind) did not fire")
	}
	if ok, _ := r.Sentence("Top of the box office."); ok {
		t.Error("document rule fired on a sentence")
	}
	var nilRules *Rules
	if ok, _ := nilRules.Sentence("scored goals"); ok {
		t.Error("nil rules discarded")
	}
}

func TestConcurrentUse(t *testing.T) {
	r := defaultRules(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				r.Sentence("Liverpool beat Chelsea 2-1 at Anfield.")
				r.Document("Russia launched an attack.")
			}
		}()
	}
	wg.Wait()
}

// TestPoliticalNewsKept measures the rules on ConfliBERT's CAMEO test split,
// which is all political news: ideally nothing is discarded.
func TestPoliticalNewsKept(t *testing.T) {
	path := filepath.Join(testshared.Dir(t), "data", "conflibert_cameo", "cameo_class", "test.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("skipped: %v", err)
	}
	defer f.Close()
	r := defaultRules(t)
	n, dropped := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text, _, _ := strings.Cut(sc.Text(), "\t")
		if text == "" {
			continue
		}
		n++
		if ok, rule := r.Sentence(text); ok {
			dropped++
			t.Logf("discarded by %s: %s", rule, text)
		}
	}
	t.Logf("%d of %d political sentences discarded", dropped, n)
	if dropped > n/100 {
		t.Errorf("%d of %d political sentences discarded; want at most 1%%", dropped, n)
	}
}

func FuzzSentence(f *testing.F) {
	r := defaultRules(f)
	for _, s := range []string{"Liverpool beat Chelsea 2-1", "2 – 1", "9-", "-9", "shares fell", "\xff2-1 goal"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r.Sentence(s)
		r.Document(s)
	})
}

func FuzzLoad(f *testing.F) {
	f.Add("define a b|c\nsentence @a & !d & <score>\ndocument x\n")
	f.Add("sentence ||&&!!")
	f.Fuzz(func(t *testing.T, text string) {
		r, err := Load(fstest.MapFS{"r.txt": {Data: []byte(text)}}, "r.txt")
		if err == nil {
			r.Sentence(text)
		}
	})
}
