package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/internal/benchcorpus"
	"github.com/dyad-events/dyad/internal/testshared"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/dyad-events/dyad/store"
)

// sentences the coder codes, to build test corpora from.
var corpusSentences = []string{
	"Russian troops shelled the town of Kherson overnight.",
	"Ukraine accused Russia of targeting civilian infrastructure.",
	"Egypt sent humanitarian aid to Sudan.",
	"Turkish President Recep Tayyip Erdogan met German Chancellor Olaf Scholz in Berlin.",
	"Iran fired ballistic missiles at Israel.",
	"China urged both sides to exercise restraint.",
	"The European Union imposed new sanctions on Iran.",
	"Police arrested dozens of protesters in Khartoum.",
	"India condemned the attack on Pakistan.",
	"Japan signed a trade agreement with South Korea.",
}

// writeCorpus writes n JSONL documents of two or three sentences each,
// dated over 90 days, so that many documents report the same events.
func writeCorpus(t testing.TB, path string, n int) {
	t.Helper()
	var b bytes.Buffer
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		k := len(corpusSentences)
		text := corpusSentences[i%k] + " " + corpusSentences[(i*7+3)%k]
		if i%3 == 0 {
			text += " " + corpusSentences[(i*3+1)%k]
		}
		line, _ := json.Marshal(map[string]string{
			"id": fmt.Sprintf("gen-%06d", i), "date": start.AddDate(0, 0, (i*13)%90).Format("2006-01-02"), "text": text,
		})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func openTestStore(t testing.TB, path string) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, store.Options{Window: -1})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return s
}

func storeCounts(t testing.TB, path string) store.Counts {
	t.Helper()
	s := openTestStore(t, path)
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// eventDigest lists every event of a store as id, mentions and sources.
func eventDigest(t testing.TB, path string) []string {
	t.Helper()
	s := openTestStore(t, path)
	defer s.Close()
	var out []string
	for ev, err := range s.Events(context.Background(), store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s x%d %s", ev.ID, ev.Mentions, strings.Join(ev.Sources, ",")))
	}
	slices.Sort(out)
	return out
}

func TestIngestIdempotent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dyad.db")
	examples := filepath.Join(testshared.Root(t), "examples")
	code, _, errs := runCLI("", "ingest", "--db", db, examples)
	if code != 0 || !strings.Contains(errs, "dyad ingest: done:") {
		t.Fatalf("first ingest: exit %d, %s", code, errs)
	}
	first := storeCounts(t, db)
	if first.Documents == 0 || first.Mentions == 0 || first.Events == 0 {
		t.Fatalf("nothing stored: %+v", first)
	}
	code, _, errs = runCLI("", "ingest", "--db", db, examples, examples)
	if code != 0 || !strings.Contains(errs, " 0 documents added, 0 replaced") {
		t.Errorf("re-ingest: exit %d, %s", code, errs)
	}
	if again := storeCounts(t, db); again != first {
		t.Errorf("re-ingest changed the store: %+v, was %+v", again, first)
	}
}

func TestIngestReplacesChangedDocument(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dyad.db")
	in := filepath.Join(dir, "docs.jsonl")
	write := func(text string) {
		line := `{"id":"a","date":"2025-03-04","text":"` + text + `"}` + "\n" +
			`{"id":"b","date":"2025-03-04","text":"Egypt sent humanitarian aid to Sudan."}` + "\n"
		if err := os.WriteFile(in, []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Iran fired ballistic missiles at Israel. China urged both sides to exercise restraint.")
	if code, _, errs := runCLI("", "ingest", "--db", db, in); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	if c := storeCounts(t, db); c.Documents != 2 || c.Mentions != 3 {
		t.Fatalf("after first ingest: %+v", c)
	}
	write("India condemned the attack on Pakistan.")
	code, _, errs := runCLI("", "ingest", "--db", db, in)
	if code != 0 || !strings.Contains(errs, "0 documents added, 1 replaced, 1 unchanged") {
		t.Errorf("changed document: exit %d, %s", code, errs)
	}
	if c := storeCounts(t, db); c != (store.Counts{Documents: 2, Mentions: 2, Events: 2}) {
		t.Errorf("after replacement: %+v, want 2 documents, 2 mentions, 2 events", c)
	}
	_, out, _ := runCLI("", "query", "--db", db, "--actor", "IRN")
	if out != "" {
		t.Errorf("the replaced document's events are still there:\n%s", out)
	}
}

func TestIngestBadInput(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"good.txt":    []byte(goodDoc),
		"nodate.txt":  []byte("Russia attacked Ukraine.\n"),
		"lines.jsonl": []byte(`{"id":"ok","date":"2025-03-04","text":"Egypt sent aid to Sudan."}` + "\n{not json\n"),
	})
	db := filepath.Join(dir, "dyad.db")
	code, _, errs := runCLI("", "ingest", "--db", db, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some inputs skipped); stderr:\n%s", code, errs)
	}
	for _, want := range []string{"nodate.txt", "lines.jsonl:2", "2 skipped (bad input)"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not mention %q:\n%s", want, errs)
		}
	}
	if c := storeCounts(t, db); c.Documents != 2 {
		t.Errorf("%d documents stored, want the 2 good ones", c.Documents)
	}
	if code, _, _ := runCLI("", "ingest", "--db", db); code != 2 {
		t.Errorf("no input: exit %d, want 2", code)
	}
	if code, _, _ := runCLI("", "ingest", "--db", filepath.Join(dir, "missing", "x.db"), dir); code != 2 {
		t.Errorf("unwritable store: exit %d, want 2", code)
	}
}

// TestChildIngest is not a test: it is the child process of
// TestIngestSurvivesKill when that re-executes the test binary (no Go tool
// to build dyad with), with DYAD_TEST_CHILD_ARGS set to run one ingest.
func TestChildIngest(t *testing.T) {
	args := os.Getenv("DYAD_TEST_CHILD_ARGS")
	if args == "" {
		t.Skip("child process of TestIngestSurvivesKill")
	}
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, strings.Split(args, "\x1f")))
}

// childBinary returns a dyad binary for child processes: built with go
// build (without the race detector, so a -race run stays quick) when the Go
// tool is at hand, else this test binary, which runs TestChildIngest.
func childBinary(t *testing.T) (path string, reexec bool) {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		return os.Args[0], true
	}
	bin := filepath.Join(t.TempDir(), "dyad")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Logf("go build failed (%v), using the test binary: %s", err, out)
		return os.Args[0], true
	}
	return bin, false
}

func startChild(t *testing.T, bin string, reexec bool, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	if reexec {
		cmd = exec.Command(bin, "-test.run=^TestChildIngest$")
		cmd.Env = append(os.Environ(), "DYAD_TEST_CHILD_ARGS="+strings.Join(args, "\x1f"))
	}
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errb
}

// TestIngestSurvivesKill kills an ingest child process with SIGKILL in the
// middle of its run, twice, queries the store while it writes, re-runs it
// to the end, and finds the same documents, mentions and events as a clean
// run.
func TestIngestSurvivesKill(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, corpus, 4000)
	began := time.Now()
	bin, reexec := childBinary(t)
	t.Logf("child binary ready in %s", time.Since(began).Round(time.Millisecond))
	clean, killed := filepath.Join(dir, "clean.db"), filepath.Join(dir, "killed.db")
	child, errb := startChild(t, bin, reexec, "ingest", "--db", clean, corpus)
	if err := child.Wait(); err != nil {
		t.Fatalf("clean run: %v: %s", err, errb)
	}
	want := storeCounts(t, clean)
	t.Logf("clean run done at %s: %+v", time.Since(began).Round(time.Millisecond), want)

	kills := 0
	for round := 0; round < 2; round++ {
		child, errb := startChild(t, bin, reexec, "ingest", "--db", killed, "--batch", "100", corpus)
		exited := make(chan error, 1)
		go func() { exited <- child.Wait() }()
		// Wait for this run to commit something new, querying as it goes.
		before := 0
		if _, err := os.Stat(killed); err == nil {
			before = storeCounts(t, killed).Documents
		}
		deadline := time.Now().Add(2 * time.Minute)
		killedIt := false
		for !killedIt && time.Now().Before(deadline) {
			select {
			case err := <-exited:
				t.Logf("round %d: the ingest finished before it could be killed (%v): %s", round, err, errb)
				deadline = time.Time{}
				continue
			case <-time.After(10 * time.Millisecond):
			}
			if _, err := os.Stat(killed); err != nil {
				continue
			}
			code, _, qerr := runCLI("", "query", "--db", killed, "--actor", "RUS", "--limit", "5")
			if code != 0 {
				t.Errorf("query during ingest: exit %d: %s", code, qerr)
			}
			if n := storeCounts(t, killed).Documents; n > before && n < want.Documents {
				if err := child.Process.Signal(syscall.SIGKILL); err == nil {
					killedIt = true
					kills++
					<-exited
					t.Logf("round %d: killed with %d of %d documents stored", round, n, want.Documents)
				}
			}
		}
	}
	if kills == 0 {
		t.Log("no run was killed mid-way (the machine is too fast for this corpus); the re-run check still applies")
	}
	child, errb = startChild(t, bin, reexec, "ingest", "--db", killed, corpus)
	if err := child.Wait(); err != nil {
		t.Fatalf("re-run after kill: %v: %s", err, errb)
	}
	if got := storeCounts(t, killed); got != want {
		t.Errorf("after kill and re-run: %+v, clean run: %+v", got, want)
	}
	if got, want := eventDigest(t, killed), eventDigest(t, clean); !slices.Equal(got, want) {
		t.Errorf("events differ from the clean run: %d vs %d", len(got), len(want))
	}
}

// BenchmarkIngest measures coding and storing the benchmark corpus (the
// GigaWord sample repeated 200 times: 6,200 documents) into a new SQLite
// store.
func BenchmarkIngest(b *testing.B) {
	shared := testshared.Dir(b)
	docs, _, err := benchcorpus.Corpus(shared, 200)
	if err != nil {
		b.Fatal(err)
	}
	c, err := defaultCoder()
	if err != nil {
		b.Fatal(err)
	}
	version, err := baseDictVersion()
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		path := filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i))
		st, err := sqlite.Open(context.Background(), path, store.Options{Window: -1})
		if err != nil {
			b.Fatal(err)
		}
		var errb bytes.Buffer
		in := &ingester{e: &env{stdout: io.Discard, stderr: &errb}, st: st, version: version, batch: ingestBatch, start: time.Now()}
		if code := in.run(context.Background(), c, slices2Seq(docs), 0); code != 0 {
			b.Fatalf("ingest: exit %d: %s", code, errb.String())
		}
		st.Close()
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	// CPU time says what the work costs when other processes share the
	// machine and wall-clock rates swing.
	b.ReportMetric(float64(len(docs)*b.N)/(cpuTime()-cpu0).Seconds(), "docs/cpu-s")
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCodeOnly is the coding alone, for comparison with
// BenchmarkIngest.
func BenchmarkCodeOnly(b *testing.B) {
	docs, _, err := benchcorpus.Corpus(testshared.Dir(b), 200)
	if err != nil {
		b.Fatal(err)
	}
	c, err := defaultCoder()
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for b.Loop() {
		c.CodeAll(slices2Seq(docs), 0, func(coder.Result) error { return nil })
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(len(docs)*b.N)/(cpuTime()-cpu0).Seconds(), "docs/cpu-s")
}

// TestIngestPostgres runs ingest, query, stats and export against
// PostgreSQL when DYAD_TEST_POSTGRES names a server.
func TestIngestPostgres(t *testing.T) {
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("skipped: set DYAD_TEST_POSTGRES=postgres://... to run the PostgreSQL command tests (.ci/run starts a server)")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		t.Skipf("skipped: PostgreSQL at DYAD_TEST_POSTGRES is not reachable: %v", err)
	}
	schema := fmt.Sprintf("dyad_cmd_test_%d", os.Getpid())
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db := u.String()

	examples := filepath.Join(testshared.Root(t), "examples")
	if code, _, errs := runCLI("", "ingest", "--db", db, examples); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI("", "ingest", "--db", db, examples); code != 0 || !strings.Contains(errs, " 0 documents added") {
		t.Errorf("re-ingest: exit %d: %s", code, errs)
	}
	code, out, errs := runCLI("", "query", "--db", db, "--actor", "aliyev", "--format", "jsonl")
	if code != 0 || !strings.Contains(out, `"mentions":`) {
		t.Errorf("query: exit %d: %s\n%s", code, errs, out)
	}
	if code, out, _ := runCLI("", "stats", "--db", db); code != 0 || !strings.Contains(out, "by type") {
		t.Errorf("stats: exit %d\n%s", code, out)
	}
	if code, _, errs := runCLI("", "export", "--db", db, "--format", "csv", "--out", filepath.Join(t.TempDir(), "e.csv")); code != 0 {
		t.Errorf("export: exit %d: %s", code, errs)
	}
}

// TestExtraDictsSeesEveryDictionaryOption: a dictionary given on the command
// line changes the dictionaries version and is not coded with the cached
// default coder.
func TestExtraDictsSeesEveryDictionaryOption(t *testing.T) {
	var cf codeFlags
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	cf.add(fs)
	var args []string
	fs.VisitAll(func(f *flag.Flag) {
		if _, ok := f.Value.(*stringList); ok {
			args = append(args, "--"+f.Name, "/dict/"+f.Name)
		}
	})
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	if got := cf.dictionaries(); len(got) != len(args)/2 || len(got) < 2 {
		t.Errorf("dictionaries() = %q for %q: every repeatable flag of codeFlags names a dictionary and must be listed", got, args)
	}
	if got := (&codeFlags{date: "2024-01-01", workers: 3}).dictionaries(); len(got) != 0 {
		t.Errorf("dictionaries() with none = %q", got)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "verbs.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := dictVersion(codeFlags{})
	if err != nil {
		t.Fatal(err)
	}
	withVerbs, err := dictVersion(codeFlags{verbs: stringList{filepath.Join(dir, "verbs.txt")}})
	if err != nil || withVerbs == base {
		t.Errorf("dictionaries version with --verbs: %q, %v (base %q)", withVerbs, err, base)
	}
}
