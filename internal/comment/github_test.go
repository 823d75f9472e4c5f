package comment

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/diff"
	"github.com/migration-guardian/guardian/internal/githubfake"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/sources"
)

func TestRetryTransport(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	for _, tc := range []struct {
		name       string
		statuses   []int // answers in order; the last repeats
		reset      time.Duration
		wantStatus int
		wantCalls  int
		wantSleeps []time.Duration
	}{
		{name: "success", statuses: []int{200}, wantStatus: 200, wantCalls: 1},
		{name: "5xx once", statuses: []int{502, 200}, wantStatus: 200, wantCalls: 2, wantSleeps: []time.Duration{time.Millisecond}},
		{name: "5xx three times: two retries", statuses: []int{500}, wantStatus: 500, wantCalls: 3, wantSleeps: []time.Duration{time.Millisecond, 2 * time.Millisecond}},
		{name: "4xx not retried", statuses: []int{422}, wantStatus: 422, wantCalls: 1},
		{name: "rate limit resetting soon: wait", statuses: []int{403, 200}, reset: 10 * time.Second, wantStatus: 200, wantCalls: 2, wantSleeps: []time.Duration{11 * time.Second}},
		{name: "rate limit far away: degrade", statuses: []int{403}, reset: 10 * time.Minute, wantStatus: 403, wantCalls: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := int(atomic.AddInt32(&calls, 1))
				st := tc.statuses[min(n, len(tc.statuses))-1]
				b, _ := io.ReadAll(r.Body)
				if string(b) != "payload" {
					t.Errorf("call %d: body %q, want the replayed payload", n, b)
				}
				if st == 403 {
					w.Header().Set("X-RateLimit-Remaining", "0")
					w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(now.Add(tc.reset).Unix(), 10))
				}
				w.WriteHeader(st)
			}))
			defer srv.Close()
			var sleeps []time.Duration
			rt := &RetryTransport{
				Backoff: func(n int) time.Duration { return time.Duration(n) * time.Millisecond },
				Now:     func() time.Time { return now },
				Sleep: func(_ context.Context, d time.Duration) error {
					sleeps = append(sleeps, d)
					return nil
				},
			}
			req, _ := http.NewRequest("POST", srv.URL, strings.NewReader("payload"))
			resp, err := rt.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.wantStatus || int(calls) != tc.wantCalls {
				t.Errorf("status %d after %d calls, want %d after %d", resp.StatusCode, calls, tc.wantStatus, tc.wantCalls)
			}
			if fmt.Sprint(sleeps) != fmt.Sprint(tc.wantSleeps) && !(len(sleeps) == 0 && len(tc.wantSleeps) == 0) {
				t.Errorf("sleeps = %v, want %v", sleeps, tc.wantSleeps)
			}
		})
	}
}

func TestNewClientBaseURL(t *testing.T) {
	for _, tc := range []struct {
		name, api, server, want string
	}{
		{name: "github.com", want: "https://api.github.com/"},
		{name: "runner's API URL", api: "https://api.github.com", server: "https://github.com", want: "https://api.github.com/"},
		{name: "GHES API URL", api: "https://ghe.example.com/api/v3", want: "https://ghe.example.com/api/v3/"},
		{name: "GHES server URL only", server: "https://ghe.example.com", want: "https://ghe.example.com/api/v3/"},
		{name: "GHES server URL with /api/v3", server: "https://ghe.example.com/api/v3", want: "https://ghe.example.com/api/v3/"},
		{name: "plain API root kept", api: "http://127.0.0.1:8080", want: "http://127.0.0.1:8080/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewClient(ClientOptions{Token: "t", APIURL: tc.api, ServerURL: tc.server})
			if err != nil {
				t.Fatal(err)
			}
			if got := c.BaseURL.String(); got != tc.want {
				t.Errorf("BaseURL = %s, want %s", got, tc.want)
			}
		})
	}
}

// publishFixture is pull request #1 with one file whose lines 1-5 are
// added.
func publishFixture(t *testing.T) (*githubfake.Server, Repo, *sources.Change) {
	t.Helper()
	srv := githubfake.New(githubfake.Options{})
	t.Cleanup(srv.Close)
	patch := "@@ -0,0 +1,5 @@\n+a\n+b\n+c\n+d\n+e"
	srv.AddPR(githubfake.PR{Number: 1, HeadSHA: "head1", BaseSHA: "base1", HeadRef: "f", BaseRef: "main",
		Files: []githubfake.File{{Filename: "m.sql", Status: "added", Patch: patch}}})
	lines, err := diff.ParsePatch(patch)
	if err != nil {
		t.Fatal(err)
	}
	change := &sources.Change{Base: "base1", Head: "head1", Files: []*sources.FileChange{{Path: "m.sql", Status: sources.Added, Lines: lines}}}
	return srv, Repo{Owner: "octo", Name: "app", Number: 1, HeadSHA: "head1"}, change
}

func client(t *testing.T, srv *githubfake.Server) *github.Client {
	t.Helper()
	c, err := NewClient(ClientOptions{Token: "t", APIURL: srv.URL, Retry: RetryTransport{Retries: -1}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReviewEditsChangedComments(t *testing.T) {
	srv, repo, change := publishFixture(t)
	f := analyze.Finding{Rule: "FK101", Name: "fk", Severity: analyze.Critical, Path: "m.sql", Line: 2, EndLine: 3, Message: "first", Fingerprint: "fp1",
		Suggestion: "b2\nc2"}
	r := &scan.Result{Findings: []analyze.Finding{f}, Change: change, FailOn: analyze.Critical}
	rv := &Review{Client: client(t, srv), Repo: repo}
	if err := rv.Publish(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	cs := srv.ReviewComments(1)
	if len(cs) != 1 || cs[0].StartLine != 2 || cs[0].Line != 3 || !strings.Contains(cs[0].Body, "```suggestion\nb2\nc2\n```") {
		t.Fatalf("comments = %+v", cs)
	}
	r.Findings[0].Message = "second"
	if err := rv.Publish(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	cs = srv.ReviewComments(1)
	if len(cs) != 1 || !strings.Contains(cs[0].Body, "second") || rv.Report.Edited != 1 {
		t.Errorf("after a text change: comments = %+v, report = %+v", cs, rv.Report)
	}
	if err := rv.Publish(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if rv.Report.Kept != 1 || rv.Report.Edited != 0 || len(srv.Reviews(1)) != 1 {
		t.Errorf("unchanged run: report = %+v, reviews = %d", rv.Report, len(srv.Reviews(1)))
	}
	// The finding moves down a line: no repost, and the suggestion is
	// dropped from the comment that stays on the old lines.
	r.Findings[0].Line, r.Findings[0].EndLine = 3, 4
	if err := rv.Publish(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	cs = srv.ReviewComments(1)
	if len(cs) != 1 || strings.Contains(cs[0].Body, "suggestion") || len(srv.Reviews(1)) != 1 {
		t.Errorf("moved finding: comments = %+v, reviews = %d", cs, len(srv.Reviews(1)))
	}
}

func TestCheckRunBatchesAnnotations(t *testing.T) {
	srv, repo, change := publishFixture(t)
	r := &scan.Result{Change: change, FailOn: analyze.High}
	for i := 0; i < 120; i++ {
		r.Findings = append(r.Findings, analyze.Finding{Rule: "IX106", Name: "low", Severity: analyze.Medium, Path: "m.sql", Line: 1 + i%5,
			Message: strings.Repeat("x", 600), Fingerprint: fmt.Sprint(i)})
	}
	cr := &CheckRun{Client: client(t, srv), Repo: repo, Name: "guardian / review"}
	if err := cr.Publish(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	runs := srv.CheckRuns()
	if len(runs) != 1 {
		t.Fatalf("check runs = %d", len(runs))
	}
	run := runs[0]
	if len(run.Annotations) != 120 || run.Updates != 4 || run.Conclusion != "neutral" {
		t.Errorf("annotations = %d, updates = %d, conclusion = %s; want 120, 4 (3 batches + completion), neutral", len(run.Annotations), run.Updates, run.Conclusion)
	}
	for i, n := range run.Names {
		if n != "guardian / review" {
			t.Errorf("request %d named %q", i, n)
		}
	}
	if len(run.Summary) > MaxCheckSummary {
		t.Errorf("summary is %d bytes", len(run.Summary))
	}
}

func TestConclusion(t *testing.T) {
	for _, tc := range []struct {
		name string
		sev  []analyze.Severity
		want string
	}{
		{name: "none", want: "success"},
		{name: "below fail-on", sev: []analyze.Severity{analyze.High}, want: "neutral"},
		{name: "reaches fail-on", sev: []analyze.Severity{analyze.Medium, analyze.Critical}, want: "failure"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &scan.Result{FailOn: analyze.Critical}
			for _, s := range tc.sev {
				r.Findings = append(r.Findings, analyze.Finding{Severity: s})
			}
			if got := Conclusion(r); got != tc.want {
				t.Errorf("Conclusion = %s, want %s", got, tc.want)
			}
		})
	}
}
