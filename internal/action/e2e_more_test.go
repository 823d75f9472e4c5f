package action_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/migration-guardian/guardian/internal/githubfake"
)

func TestRateLimitSpentDegrades(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	f.srv.SetRateLimit(0, time.Now().Add(time.Hour))
	rn := f.prRun()
	rn.workspace = f.repo.dir
	res := execute(t, f.srv, rn)
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	if res.outputs["mode"] != "annotations-only" {
		t.Errorf("mode = %q, want annotations-only", res.outputs["mode"])
	}
	if !strings.Contains(res.stdout, "title=FK101") || !strings.Contains(res.summary, "rate limit") {
		t.Errorf("no fallback annotations or no note about the rate limit:\n%s\n%s", res.stdout, res.summary)
	}
}

func TestInvalidInputs(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	rn := f.prRun()
	rn.inputs = map[string]string{"fail-on": "sometimes", "max-comments": "-3"}
	res := execute(t, f.srv, rn)
	if res.code != 2 {
		t.Fatalf("exit code = %d, want 2", res.code)
	}
	for _, want := range []string{"::error::input fail-on:", "::error::input max-comments:"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	if n := len(f.srv.Requests()); n != 0 {
		t.Errorf("%d API requests with invalid inputs", n)
	}
	if !strings.Contains(res.summary, "input fail-on") {
		t.Errorf("the job summary does not explain the failure:\n%s", res.summary)
	}
}

func TestEnvironmentFilesUnset(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	rn := f.prRun()
	rn.env = map[string]string{"GITHUB_OUTPUT": "", "GITHUB_STEP_SUMMARY": ""}
	res := execute(t, f.srv, rn)
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	if strings.Contains(res.stderr, "panic") || strings.Contains(res.stderr, "internal error") {
		t.Errorf("stderr: %s", res.stderr)
	}
	if len(f.srv.Reviews(7)) != 1 {
		t.Errorf("no review")
	}
}

func TestWorkingDirectory(t *testing.T) {
	nest := func(m map[string]string) map[string]string {
		out := map[string]string{"README.md": "root\n"}
		for k, v := range m {
			out["services/api/"+k] = v
		}
		return out
	}
	for _, checkout := range []bool{true, false} {
		t.Run(fmt.Sprintf("checkout=%v", checkout), func(t *testing.T) {
			r := newRepo(t)
			base := r.commit("base", nest(baseFiles))
			head := r.commit("head", nest(headFiles))
			srv := githubfake.New(githubfake.Options{})
			t.Cleanup(srv.Close)
			r.publish(srv, 7, base, head)
			rn := run{event: "pull_request", payload: prPayload(7, base, head, srv.FullName(), srv.FullName()), sha: mergeSHA,
				inputs: map[string]string{"working-directory": "services/api"}}
			if checkout {
				rn.workspace = r.dir
			}
			res := execute(t, srv, rn)
			if res.code != 1 {
				t.Fatalf("exit code = %d, want 1", res.code)
			}
			c := commentAt(srv.ReviewComments(7), "services/api/migrations/003_create_orders.up.sql")
			if c == nil || c.Line != 4 {
				t.Errorf("FK101 comment = %+v, want services/api/migrations/003_create_orders.up.sql:4", c)
			}
		})
	}
}

func TestFileListCap(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	files := f.repo.prFiles(f.base, f.head)
	for i := len(files); i < githubfake.MaxFiles+5; i++ {
		files = append(files, githubfake.File{Filename: fmt.Sprintf("docs/page%04d.md", i), Status: "added", Patch: "@@ -0,0 +1 @@\n+x"})
	}
	f.srv.SetHead(7, f.head, files)
	rn := f.prRun()
	rn.workspace = f.repo.dir
	res := execute(t, f.srv, rn)
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	if n := countRequests(f.srv, "GET", "/pulls/7/files"); n != githubfake.MaxFiles/100 {
		t.Errorf("listed files in %d pages, want %d", n, githubfake.MaxFiles/100)
	}
	for _, rq := range f.srv.Requests() {
		if strings.HasSuffix(rq.Path, "/pulls/7/files") && rq.Query.Get("per_page") != "100" {
			t.Errorf("per_page = %q, want 100", rq.Query.Get("per_page"))
		}
	}
	if !strings.Contains(res.stdout, "::warning::") || !strings.Contains(res.summary, "3000 files") {
		t.Errorf("no warning about the 3,000-file cap")
	}
}

func TestPullRequestTargetFromFork(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	// The workspace holds the base branch (what pull_request_target checks
	// out); the head's files come through the API.
	f.repo.checkout(f.base)
	rn := run{event: "pull_request_target", payload: prPayload(7, f.base, f.head, "forker/app", f.srv.FullName()), sha: f.base, workspace: f.repo.dir}
	res := execute(t, f.srv, rn)
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	if !hasRequest(f.srv, "GET", "/git/blobs/") {
		t.Errorf("the head's files were not read through the API")
	}
	if len(f.srv.Reviews(7)) != 1 || res.outputs["mode"] != "review" {
		t.Errorf("reviews = %d, mode = %q; want a review", len(f.srv.Reviews(7)), res.outputs["mode"])
	}
}

func TestReviewForbiddenStillCompletesCheckRun(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	f.srv.Inject("POST", "/pulls/7/reviews", 403, 1)
	res := execute(t, f.srv, f.prRun())
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	runs := f.srv.CheckRuns()
	if len(runs) != 1 || runs[0].Status != "completed" || runs[0].Conclusion != "failure" {
		t.Errorf("check runs = %+v, want one completed", runs)
	}
	if res.outputs["mode"] != "annotations-only" {
		t.Errorf("mode = %q, want annotations-only", res.outputs["mode"])
	}
}

func TestFilterModeFile(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	rn := f.prRun()
	rn.inputs = map[string]string{"filter-mode": "file"}
	if res := execute(t, f.srv, rn); res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	if n := len(f.srv.Reviews(7)); n != 0 {
		t.Errorf("reviews = %d, want none in file mode", n)
	}
	cs := f.srv.ReviewComments(7)
	if len(cs) < 2 {
		t.Fatalf("comments = %d, want the two findings as file-level comments", len(cs))
	}
	for _, c := range cs {
		if c.SubjectType != "file" || strings.Contains(c.Body, "```suggestion") {
			t.Errorf("comment %+v is not a plain file-level comment", c)
		}
	}
}
