package action_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/comment"
	"github.com/migration-guardian/guardian/internal/githubfake"
)

const mergeSHA = "6d6572676520636f6d6d6974206e6f74207573656400"

// prFixture is a repository with a base and a head commit served as pull
// request #7.
type prFixture struct {
	repo       *gitRepo
	srv        *githubfake.Server
	base, head string
}

func newPR(t *testing.T, opts githubfake.Options, head map[string]string) *prFixture {
	t.Helper()
	r := newRepo(t)
	base := r.commit("base", baseFiles)
	h := r.commit("head", head)
	srv := githubfake.New(opts)
	t.Cleanup(srv.Close)
	r.publish(srv, 7, base, h)
	return &prFixture{repo: r, srv: srv, base: base, head: h}
}

func (f *prFixture) prRun() run {
	return run{event: "pull_request", payload: prPayload(7, f.base, f.head, f.srv.FullName(), f.srv.FullName()), sha: mergeSHA, ref: "refs/pull/7/merge"}
}

func commentAt(cs []githubfake.ReviewComment, path string) *githubfake.ReviewComment {
	for i := range cs {
		if cs[i].Path == path && cs[i].InReplyTo == 0 {
			return &cs[i]
		}
	}
	return nil
}

func TestPullRequestWithFindings(t *testing.T) {
	for _, tc := range []struct {
		name      string
		checkout  bool // the workspace is checked out at the head
		wantBlobs bool // files read through the API
	}{
		{name: "checked out at head", checkout: true},
		{name: "read via API", wantBlobs: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPR(t, githubfake.Options{}, headFiles)
			rn := f.prRun()
			if tc.checkout {
				rn.workspace = f.repo.dir
			}
			res := execute(t, f.srv, rn)
			if res.code != 1 {
				t.Fatalf("exit code = %d, want 1", res.code)
			}
			if got := hasRequest(f.srv, "GET", "/git/blobs/"); got != tc.wantBlobs {
				t.Errorf("read blobs through the API = %v, want %v", got, tc.wantBlobs)
			}
			reviews := f.srv.Reviews(7)
			if len(reviews) != 1 || reviews[0].Event != "COMMENTED" || reviews[0].CommitID != f.head {
				t.Fatalf("reviews = %+v, want one COMMENTED review on the head", reviews)
			}
			cs := f.srv.ReviewComments(7)
			fk := commentAt(cs, "migrations/003_create_orders.up.sql")
			ds := commentAt(cs, "migrations/004_drop_legacy.up.sql")
			if fk == nil || fk.Line != 4 || fk.StartLine != 0 || fk.Side != "RIGHT" || !strings.Contains(fk.Body, "FK101") {
				t.Errorf("FK101 comment = %+v, want line 4 on the RIGHT side", fk)
			}
			if ds == nil || ds.Line != 1 || !strings.Contains(ds.Body, "DS101") {
				t.Errorf("DS101 comment = %+v, want line 1", ds)
			}
			for _, c := range cs {
				if _, ok := comment.ParseMarker(c.Body); !ok {
					t.Errorf("comment %d has no fingerprint marker", c.ID)
				}
			}
			runs := f.srv.CheckRuns()
			if len(runs) != 1 {
				t.Fatalf("check runs = %d, want 1", len(runs))
			}
			cr := runs[0]
			if cr.Name != "Migration Guardian / review" || cr.HeadSHA != f.head || cr.Conclusion != "failure" || len(cr.Annotations) != 2 {
				t.Errorf("check run = %+v (annotations %d)", cr, len(cr.Annotations))
			}
			for i, n := range cr.Names {
				if n == "" {
					t.Errorf("check-run request %d has no name", i)
				}
			}
			if !strings.Contains(cr.Summary, "FK101") {
				t.Errorf("check-run summary lacks FK101:\n%s", cr.Summary)
			}
			ics := f.srv.IssueComments(7)
			if len(ics) != 1 || !strings.Contains(ics[0].Body, comment.SummaryMarker) {
				t.Errorf("issue comments = %+v, want one sticky summary", ics)
			}
			if !strings.Contains(res.summary, "FK101") || !strings.Contains(res.summary, "DS101") {
				t.Errorf("job summary lacks the findings:\n%s", res.summary)
			}
			want := map[string]string{"findings": "2", "critical": "2", "high": "0", "conclusion": "failure", "mode": "review"}
			for k, v := range want {
				if res.outputs[k] != v {
					t.Errorf("output %s = %q, want %q", k, res.outputs[k], v)
				}
			}
			if _, err := os.Stat(res.outputs["report-path"]); err != nil {
				t.Errorf("report-path %q: %v", res.outputs["report-path"], err)
			}
			if !strings.Contains(res.stdout, "::add-mask::") {
				t.Errorf("the token was not masked")
			}
			for _, rq := range f.srv.Requests() {
				if strings.Contains(rq.Path+rq.Body, mergeSHA) {
					t.Errorf("request %s %s used GITHUB_SHA (the merge commit)", rq.Method, rq.Path)
				}
				if !rq.Authorized {
					t.Errorf("request %s %s sent no token", rq.Method, rq.Path)
				}
			}
		})
	}
}

func TestCleanPullRequest(t *testing.T) {
	f := newPR(t, githubfake.Options{}, cleanFiles)
	res := execute(t, f.srv, f.prRun())
	if res.code != 0 {
		t.Fatalf("exit code = %d, want 0", res.code)
	}
	if n := len(f.srv.Reviews(7)); n != 0 {
		t.Errorf("reviews = %d, want none", n)
	}
	if n := len(f.srv.IssueComments(7)); n != 0 {
		t.Errorf("a clean first run created %d summary comments", n)
	}
	runs := f.srv.CheckRuns()
	if len(runs) != 1 || runs[0].Conclusion != "success" || len(runs[0].Annotations) != 0 {
		t.Errorf("check runs = %+v, want one success", runs)
	}
	if res.outputs["findings"] != "0" || res.outputs["conclusion"] != "success" {
		t.Errorf("outputs = %v", res.outputs)
	}
	if res.summary == "" {
		t.Errorf("the job summary was not written")
	}
}

func TestRerunsOnTheSamePullRequest(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	// Run 1: two findings.
	if res := execute(t, f.srv, f.prRun()); res.code != 1 {
		t.Fatalf("run 1: exit code = %d, want 1", res.code)
	}
	first := f.srv.ReviewComments(7)
	if len(first) != 2 {
		t.Fatalf("run 1: %d comments, want 2", len(first))
	}
	ds := commentAt(first, "migrations/004_drop_legacy.up.sql")
	f.srv.AddReply(ds.ID, "alice", "We have a backup, this is fine.")
	// Someone's duplicate of the summary comment (an earlier crashed run).
	f.srv.AddIssueComment(7, "someone", comment.SummaryMarker+"\nold summary")

	// Run 2: nothing changed: no new review, no reposts, one summary.
	f.srv.ResetRequests()
	if res := execute(t, f.srv, f.prRun()); res.code != 1 {
		t.Fatalf("run 2: exit code = %d, want 1", res.code)
	}
	if n := len(f.srv.Reviews(7)); n != 1 {
		t.Errorf("run 2: reviews = %d, want still 1", n)
	}
	if n := countRequests(f.srv, "POST", "/pulls/7/comments"); n != 0 {
		t.Errorf("run 2: %d file comments posted, want 0", n)
	}
	if got := len(f.srv.ReviewComments(7)); got != 3 { // two findings and alice's reply
		t.Errorf("run 2: %d review comments, want 3", got)
	}
	if ics := f.srv.IssueComments(7); len(ics) != 1 {
		t.Errorf("run 2: %d summary comments, want 1 (duplicate deleted)", len(ics))
	}

	// Run 3: lines moved in 003 (FK101 now on line 6) and 004 is gone.
	r := f.repo
	r.checkout(f.head)
	head3 := r.commit("move lines", map[string]string{
		"migrations/003_create_orders.up.sql": "-- Orders of a user.\n-- Created for checkout.\nCREATE TABLE orders (\n  id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,\n  user_id INT NOT NULL,\n  FOREIGN KEY (user_id) REFERENCES users (id)\n);\n",
		"migrations/004_drop_legacy.up.sql":   "",
		"migrations/004_drop_legacy.down.sql": "",
	})
	f.srv.AddCommit(head3, r.files(head3))
	f.srv.SetHead(7, head3, r.prFiles(f.base, head3))
	rn := run{event: "pull_request", payload: prPayload(7, f.base, head3, f.srv.FullName(), f.srv.FullName()), sha: mergeSHA}
	rn.workspace = r.dir
	if res := execute(t, f.srv, rn); res.code != 1 {
		t.Fatalf("run 3: exit code = %d, want 1", res.code)
	}
	if n := len(f.srv.Reviews(7)); n != 1 {
		t.Errorf("run 3: reviews = %d, want still 1 (no repost of the moved finding)", n)
	}
	cs := f.srv.ReviewComments(7)
	var fk, resolved int
	for _, c := range cs {
		switch {
		case strings.Contains(c.Body, "FK101"):
			fk++
		case c.ID == ds.ID && strings.Contains(c.Body, "Resolved at "+head3[:7]):
			resolved++
		}
	}
	if fk != 1 || resolved != 1 {
		t.Errorf("run 3: FK101 comments = %d (want 1), resolved DS101 = %d (want 1):\n%+v", fk, resolved, cs)
	}
	ics := f.srv.IssueComments(7)
	if len(ics) != 1 || strings.Contains(ics[0].Body, "DS101") || !strings.Contains(ics[0].Body, "FK101") {
		t.Errorf("run 3: summary comments = %+v", ics)
	}

	// Run 4: clean; the unreplied FK101 comment is deleted, the summary
	// says no issues.
	r.checkout(head3)
	head4 := r.commit("fix fk", map[string]string{
		"migrations/003_create_orders.up.sql": "CREATE TABLE orders (\n  id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,\n  user_id INT NOT NULL,\n  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE\n);\n",
	})
	f.srv.AddCommit(head4, r.files(head4))
	f.srv.SetHead(7, head4, r.prFiles(f.base, head4))
	rn = run{event: "pull_request", payload: prPayload(7, f.base, head4, f.srv.FullName(), f.srv.FullName()), sha: mergeSHA, workspace: r.dir}
	if res := execute(t, f.srv, rn); res.code != 0 {
		t.Fatalf("run 4: exit code = %d, want 0", res.code)
	}
	for _, c := range f.srv.ReviewComments(7) {
		if strings.Contains(c.Body, "FK101") && !strings.Contains(c.Body, "Resolved") {
			t.Errorf("run 4: outdated FK101 comment %d not deleted", c.ID)
		}
	}
	ics = f.srv.IssueComments(7)
	if len(ics) != 1 || !strings.Contains(ics[0].Body, "no issues") {
		t.Errorf("run 4: summary comments = %+v, want one saying no issues", ics)
	}
}

func TestHeadMovedSinceTheEvent(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	f.srv.SetHead(7, "0123456789abcdef0123456789abcdef01234567", nil)
	res := execute(t, f.srv, f.prRun())
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	if len(f.srv.Reviews(7))+len(f.srv.IssueComments(7)) != 0 {
		t.Errorf("comments changed although the head moved")
	}
	if !strings.Contains(res.summary, "moved") {
		t.Errorf("the job summary does not say the head moved:\n%s", res.summary)
	}
	if runs := f.srv.CheckRuns(); len(runs) != 1 || runs[0].Conclusion != "failure" {
		t.Errorf("check runs = %+v", runs)
	}
}

func TestReadOnlyToken(t *testing.T) {
	for _, tc := range []struct {
		name     string
		headRepo string
		event    string
	}{
		{name: "fork pull request", headRepo: "forker/app", event: "pull_request"},
		{name: "403 on the first write", headRepo: "octo/app", event: "pull_request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPR(t, githubfake.Options{}, headFiles)
			f.srv.SetReadOnly(true)
			rn := run{event: tc.event, payload: prPayload(7, f.base, f.head, tc.headRepo, f.srv.FullName()), sha: mergeSHA}
			res := execute(t, f.srv, rn)
			if res.code != 1 {
				t.Fatalf("exit code = %d, want 1 (posting errors never change it)", res.code)
			}
			if res.outputs["mode"] != "annotations-only" {
				t.Errorf("mode = %q, want annotations-only", res.outputs["mode"])
			}
			if !strings.Contains(res.stdout, "file=migrations/003_create_orders.up.sql,line=4,title=FK101") {
				t.Errorf("no workflow annotation for FK101:\n%s", res.stdout)
			}
			if !strings.Contains(res.summary, "FK101") {
				t.Errorf("job summary lacks FK101")
			}
			if tc.headRepo != "octo/app" {
				for _, rq := range f.srv.Requests() {
					if rq.Method != "GET" {
						t.Errorf("fork run wrote %s %s", rq.Method, rq.Path)
					}
				}
			}
		})
	}
}

func TestWorkflowDispatch(t *testing.T) {
	for _, tc := range []struct {
		name       string
		inputs     map[string]string
		ref        string
		wantReview bool
	}{
		{name: "pr-number input", inputs: map[string]string{"pr-number": "7"}, ref: "refs/heads/main", wantReview: true},
		{name: "open pull request of the ref", ref: "refs/heads/feature", wantReview: true},
		{name: "no pull request: scan only", ref: "refs/heads/other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPR(t, githubfake.Options{}, headFiles)
			rn := run{event: "workflow_dispatch", payload: map[string]any{"inputs": map[string]any{}, "ref": tc.ref}, sha: f.head, ref: tc.ref, inputs: tc.inputs, workspace: f.repo.dir}
			res := execute(t, f.srv, rn)
			if res.code != 1 {
				t.Fatalf("exit code = %d, want 1", res.code)
			}
			if got := len(f.srv.Reviews(7)) == 1; got != tc.wantReview {
				t.Errorf("review posted = %v, want %v", got, tc.wantReview)
			}
			wantMode := "review"
			if !tc.wantReview {
				wantMode = "scan-only"
			}
			if res.outputs["mode"] != wantMode {
				t.Errorf("mode = %q, want %q", res.outputs["mode"], wantMode)
			}
			runs := f.srv.CheckRuns()
			if len(runs) != 1 || runs[0].HeadSHA != f.head {
				t.Errorf("check runs = %+v, want one on the head", runs)
			}
		})
	}
}

func TestPushToMain(t *testing.T) {
	r := newRepo(t)
	r.commit("base", baseFiles)
	sha := r.commit("merge", headFiles)
	srv := githubfake.New(githubfake.Options{})
	t.Cleanup(srv.Close)
	srv.AddCommit(sha, r.files(sha))
	rn := run{event: "push", payload: map[string]any{"after": sha, "ref": "refs/heads/main"}, sha: sha, ref: "refs/heads/main", workspace: r.dir}
	res := execute(t, srv, rn)
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1 (the required status check)", res.code)
	}
	runs := srv.CheckRuns()
	if len(runs) != 1 || runs[0].HeadSHA != sha || runs[0].Name == "migrations" || runs[0].Conclusion != "failure" {
		t.Errorf("check runs = %+v", runs)
	}
	if res.outputs["mode"] != "scan-only" {
		t.Errorf("mode = %q", res.outputs["mode"])
	}
	if hasRequest(srv, "POST", "/pulls/") || hasRequest(srv, "POST", "/issues/") {
		t.Errorf("a push run commented")
	}
}

func TestReviewRejected(t *testing.T) {
	for _, tc := range []struct {
		name       string
		rejections int
		wantInline int
		wantFile   int
	}{
		{name: "retry with added lines succeeds", rejections: 1, wantInline: 2},
		{name: "file-level fallback", rejections: 2, wantFile: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPR(t, githubfake.Options{}, headFiles)
			f.srv.Inject("POST", "/pulls/7/reviews", 422, tc.rejections)
			res := execute(t, f.srv, f.prRun())
			if res.code != 1 {
				t.Fatalf("exit code = %d, want 1", res.code)
			}
			var inline, file int
			for _, c := range f.srv.ReviewComments(7) {
				if c.SubjectType == "file" {
					file++
				} else {
					inline++
				}
			}
			if inline != tc.wantInline || file != tc.wantFile {
				t.Errorf("inline = %d, file = %d, want %d and %d", inline, file, tc.wantInline, tc.wantFile)
			}
		})
	}
}

func TestServerErrorRetried(t *testing.T) {
	f := newPR(t, githubfake.Options{}, headFiles)
	f.srv.Inject("GET", "/pulls/7/files", 502, 1)
	f.srv.Inject("POST", "/check-runs", 500, 2)
	res := execute(t, f.srv, f.prRun())
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	if n := len(f.srv.CheckRuns()); n != 1 {
		t.Errorf("check runs = %d, want 1 after two retries", n)
	}
	if n := len(f.srv.Reviews(7)); n != 1 {
		t.Errorf("reviews = %d, want 1", n)
	}
	if n := countRequests(f.srv, "POST", "/check-runs"); n != 3 {
		t.Errorf("check-run creations = %d, want 3 (one try, two retries)", n)
	}
}

func TestMoreFindingsThanMaxComments(t *testing.T) {
	head := map[string]string{}
	const n = 13
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("migrations/%03d_create_child%d", i+3, i)
		head[name+".up.sql"] = fmt.Sprintf("CREATE TABLE child%d (\n  id BIGINT UNSIGNED PRIMARY KEY,\n  user_id INT NOT NULL,\n  FOREIGN KEY (user_id) REFERENCES users (id)\n);\n", i)
		head[name+".down.sql"] = rollbackOK + fmt.Sprintf("DROP TABLE child%d;\n", i)
	}
	f := newPR(t, githubfake.Options{}, head)
	rn := f.prRun()
	rn.inputs = map[string]string{"max-comments": "2"}
	res := execute(t, f.srv, rn)
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1", res.code)
	}
	var inline, file int
	for _, c := range f.srv.ReviewComments(7) {
		if c.SubjectType == "file" {
			file++
		} else {
			inline++
		}
	}
	if inline != 2 || file != comment.MaxFileComments {
		t.Errorf("inline = %d, file = %d, want 2 and %d", inline, file, comment.MaxFileComments)
	}
	if rv := f.srv.Reviews(7); len(rv) != 1 || rv[0].Comments != 2 {
		t.Errorf("reviews = %+v, want one with 2 comments", rv)
	}
	if !strings.Contains(res.summary, "Findings without a review comment") {
		t.Errorf("the job summary does not list the findings past the caps")
	}
	if got := res.outputs["findings"]; got != fmt.Sprint(n) {
		t.Errorf("findings = %s, want %d", got, n)
	}
}

func TestEnterpriseServer(t *testing.T) {
	for _, tc := range []struct {
		name     string
		apiURL   bool // GITHUB_API_URL ending in /api/v3
		noAPIURL bool // only GITHUB_SERVER_URL
	}{
		{name: "GITHUB_API_URL with /api/v3", apiURL: true},
		{name: "GITHUB_SERVER_URL only", noAPIURL: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPR(t, githubfake.Options{GHES: true}, headFiles)
			rn := f.prRun()
			rn.noAPIURL = tc.noAPIURL
			res := execute(t, f.srv, rn)
			if res.code != 1 {
				t.Fatalf("exit code = %d, want 1", res.code)
			}
			if len(f.srv.Reviews(7)) != 1 || len(f.srv.CheckRuns()) != 1 {
				t.Errorf("review or check run missing on GHES")
			}
			for _, rq := range f.srv.Requests() {
				if rq.Status == 404 {
					t.Errorf("%s %s answered 404", rq.Method, rq.Path)
				}
			}
		})
	}
}
