package action_test

import (
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
