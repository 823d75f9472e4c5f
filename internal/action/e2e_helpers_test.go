package action_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/githubfake"
)

// binary is the action built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	os.Exit(func() int {
		dir, err := os.MkdirTemp("", "guardian-e2e-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		defer os.RemoveAll(dir)
		out, err := exec.Command("go", "env", "GOMOD").Output()
		if err != nil {
			fmt.Fprintln(os.Stderr, "go env GOMOD:", err)
			return 2
		}
		root := filepath.Dir(strings.TrimSpace(string(out)))
		binary = filepath.Join(dir, "guardian")
		build := exec.Command("go", "build", "-o", binary, "./cmd/action")
		build.Dir = root
		if b, err := build.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "go build ./cmd/action: %v\n%s", err, b)
			return 2
		}
		return m.Run()
	}())
}

// token is the secret the tests pass; it must never appear in the output.
const token = "ghs_e2eSecretToken0123456789"

// gitRepo is a small repository in a temporary directory.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *gitRepo {
	t.Helper()
	r := &gitRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	r.git("config", "user.email", "dev@example.com")
	r.git("config", "user.name", "Dev")
	r.git("config", "commit.gpgsign", "false")
	return r
}

func (r *gitRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

// commit writes files (an empty content deletes the file) and commits.
func (r *gitRepo) commit(msg string, files map[string]string) string {
	r.t.Helper()
	for p, c := range files {
		full := filepath.Join(r.dir, filepath.FromSlash(p))
		if c == "" {
			os.Remove(full)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
	return strings.TrimSpace(r.git("rev-parse", "HEAD"))
}

func (r *gitRepo) checkout(rev string) { r.git("checkout", "-q", rev) }

// files returns the content of every file at rev.
func (r *gitRepo) files(rev string) map[string]string {
	out := map[string]string{}
	for _, p := range strings.Fields(r.git("ls-tree", "-r", "--name-only", rev)) {
		out[p] = r.git("show", rev+":"+p)
	}
	return out
}

// prFiles returns the pull request files between base and head as the API
// lists them: status and the patch without file headers.
func (r *gitRepo) prFiles(base, head string) []githubfake.File {
	var out []githubfake.File
	sc := bufio.NewScanner(strings.NewReader(r.git("diff", "--name-status", "-M", base, head)))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		file := githubfake.File{Filename: f[len(f)-1]}
		switch f[0][0] {
		case 'A':
			file.Status = "added"
		case 'D':
			file.Status = "removed"
		case 'R':
			file.Status, file.PreviousFilename = "renamed", f[1]
		default:
			file.Status = "modified"
		}
		d := r.git("diff", "-U3", "-M", base, head, "--", file.Filename)
		if i := strings.Index(d, "\n@@ "); i >= 0 {
			file.Patch = strings.TrimSuffix(d[i+1:], "\n")
		}
		out = append(out, file)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Filename < out[j].Filename })
	return out
}

// publish makes the fake serve the pull request base...head of r.
func (r *gitRepo) publish(srv *githubfake.Server, number int, base, head string) {
	srv.AddCommit(base, r.files(base))
	srv.AddCommit(head, r.files(head))
	srv.AddPR(githubfake.PR{Number: number, HeadSHA: head, HeadRef: "feature", BaseSHA: base, BaseRef: "main", Files: r.prFiles(base, head)})
}

// run is one invocation of the binary.
type run struct {
	event   string
	payload any
	sha     string
	ref     string
	// workspace is GITHUB_WORKSPACE; an empty directory when unset (files
	// are then read through the API).
	workspace string
	inputs    map[string]string
	env       map[string]string
	apiURL    string // GITHUB_API_URL; the fake's URL when empty
	serverURL string // GITHUB_SERVER_URL; the fake's server URL when empty
	noAPIURL  bool
}

// result is what a run produced.
type result struct {
	code    int
	stdout  string
	stderr  string
	outputs map[string]string
	summary string
}

func execute(t *testing.T, srv *githubfake.Server, rn run) result {
	t.Helper()
	tmp := t.TempDir()
	eventPath := filepath.Join(tmp, "event.json")
	b, err := json.Marshal(rn.payload)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(eventPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ws := rn.workspace
	if ws == "" {
		ws = t.TempDir()
	}
	outPath, sumPath := filepath.Join(tmp, "output"), filepath.Join(tmp, "summary.md")
	for _, p := range []string{outPath, sumPath} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	apiURL, serverURL := rn.apiURL, rn.serverURL
	if apiURL == "" && !rn.noAPIURL {
		apiURL = srv.URL
	}
	if serverURL == "" {
		serverURL = srv.ServerURL
	}
	env := map[string]string{
		"PATH":                             os.Getenv("PATH"),
		"HOME":                             os.Getenv("HOME"),
		"GITHUB_ACTIONS":                   "true",
		"GITHUB_EVENT_NAME":                rn.event,
		"GITHUB_EVENT_PATH":                eventPath,
		"GITHUB_REPOSITORY":                srv.FullName(),
		"GITHUB_SHA":                       rn.sha,
		"GITHUB_REF":                       rn.ref,
		"GITHUB_WORKSPACE":                 ws,
		"GITHUB_API_URL":                   apiURL,
		"GITHUB_SERVER_URL":                serverURL,
		"GITHUB_OUTPUT":                    outPath,
		"GITHUB_STEP_SUMMARY":              sumPath,
		"GITHUB_JOB":                       "migrations",
		"RUNNER_TEMP":                      tmp,
		"MIGRATION_GUARDIAN_RETRY_BACKOFF": "1ms",
		"INPUT_GITHUB-TOKEN":               token,
		"INPUT_FAIL-ON":                    "critical",
		"INPUT_FILTER-MODE":                "added",
		"INPUT_MAX-COMMENTS":               "30",
		"INPUT_REVIEW":                     "true",
		"INPUT_STICKY-SUMMARY":             "true",
		"INPUT_CHECK-NAME":                 "Migration Guardian / review",
		"INPUT_WORKING-DIRECTORY":          ".",
	}
	for k, v := range rn.inputs {
		env["INPUT_"+strings.ToUpper(k)] = v
	}
	for k, v := range rn.env {
		env[k] = v
	}
	cmd := exec.Command(binary)
	cmd.Dir = ws
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String(), outputs: map[string]string{}}
	if ee, ok := err.(*exec.ExitError); ok {
		res.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run: %v", err)
	}
	res.outputs = parseOutputs(t, outPath)
	sum, _ := os.ReadFile(sumPath)
	res.summary = string(sum)
	// The token appears once, in the command that masks it.
	if strings.Count(res.stdout+res.stderr+res.summary, token) != strings.Count(res.stdout, "::add-mask::"+token+"\n") {
		t.Errorf("the token appears in the output outside ::add-mask::")
	}
	for _, rq := range srv.Requests() {
		if strings.Contains(rq.Body, token) {
			t.Errorf("the token was sent in a request body to %s", rq.Path)
		}
	}
	t.Logf("exit %d\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	return res
}

// parseOutputs reads GITHUB_OUTPUT's heredoc format (name<<DELIM).
func parseOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	lines := strings.Split(string(b), "\n")
	for i := 0; i < len(lines); i++ {
		name, delim, ok := strings.Cut(lines[i], "<<")
		if !ok {
			continue
		}
		var val []string
		for i++; i < len(lines) && lines[i] != delim; i++ {
			val = append(val, lines[i])
		}
		out[name] = strings.Join(val, "\n")
	}
	return out
}

// prPayload is a pull_request event payload.
func prPayload(number int, base, head, headRepo, baseRepo string) map[string]any {
	return map[string]any{
		"action": "synchronize",
		"number": number,
		"pull_request": map[string]any{
			"number": number,
			"head":   map[string]any{"sha": head, "ref": "feature", "repo": map[string]any{"full_name": headRepo}},
			"base":   map[string]any{"sha": base, "ref": "main", "repo": map[string]any{"full_name": baseRepo}},
		},
		"repository": map[string]any{"full_name": baseRepo, "default_branch": "main"},
	}
}

// rollbackOK suppresses RB106 (rollback-data-loss) in a down migration, so
// that the fixtures report only the findings the tests are about.
const rollbackOK = "-- guardian:ignore RB106 the rollback of a new table loses nothing worth keeping\n"

// Migrations used by the tests (golang-migrate layout).
var (
	baseFiles = map[string]string{
		"migrations/001_create_users.up.sql":    "CREATE TABLE users (\n  id INT PRIMARY KEY AUTO_INCREMENT,\n  email VARCHAR(255) NOT NULL\n);\n",
		"migrations/001_create_users.down.sql":  "DROP TABLE users;\n",
		"migrations/002_create_legacy.up.sql":   "CREATE TABLE legacy (id INT PRIMARY KEY);\n",
		"migrations/002_create_legacy.down.sql": "DROP TABLE legacy;\n",
	}
	// headFiles adds a foreign key without ON DELETE (FK101, line 4) and a
	// DROP TABLE of an existing table (DS101, line 1).
	headFiles = map[string]string{
		"migrations/003_create_orders.up.sql":   "CREATE TABLE orders (\n  id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,\n  user_id INT NOT NULL,\n  FOREIGN KEY (user_id) REFERENCES users (id)\n);\n",
		"migrations/003_create_orders.down.sql": rollbackOK + "DROP TABLE orders;\n",
		"migrations/004_drop_legacy.up.sql":     "DROP TABLE legacy;\n",
		"migrations/004_drop_legacy.down.sql":   rollbackOK + "CREATE TABLE legacy (id INT PRIMARY KEY);\n",
	}
	// cleanFiles adds a safe migration.
	cleanFiles = map[string]string{
		"migrations/003_create_tags.up.sql":   "CREATE TABLE tags (\n  id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,\n  name VARCHAR(64) NOT NULL\n);\n",
		"migrations/003_create_tags.down.sql": rollbackOK + "DROP TABLE tags;\n",
	}
)

func countRequests(srv *githubfake.Server, method, pathSuffix string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == method && strings.HasSuffix(r.Path, pathSuffix) {
			n++
		}
	}
	return n
}

func hasRequest(srv *githubfake.Server, method, contains string) bool {
	for _, r := range srv.Requests() {
		if r.Method == method && strings.Contains(r.Path, contains) {
			return true
		}
	}
	return false
}
