package githubfake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

func do(t *testing.T, s *Server, method, path string, body any) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = strings.NewReader(string(b))
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer t")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func fixture(t *testing.T, o Options) *Server {
	t.Helper()
	s := New(o)
	t.Cleanup(s.Close)
	s.AddPR(PR{Number: 1, HeadSHA: "h", BaseSHA: "b", HeadRef: "f", BaseRef: "main", Files: []File{
		// New lines 1-3 (2 added) and 10-12.
		{Filename: "m.sql", Status: "modified", Patch: "@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -9,3 +10,3 @@\n x\n-y\n+z\n w"},
	}})
	s.AddCommit("h", map[string]string{"m.sql": "a\nb\nc\n", "db/x.sql": "SELECT 1;\n"})
	return s
}

func TestReviewCommentRules(t *testing.T) {
	s := fixture(t, Options{})
	long := strings.Repeat("x", MaxBody+1)
	for _, tc := range []struct {
		name    string
		comment map[string]any
		want    int
	}{
		{name: "added line", comment: map[string]any{"path": "m.sql", "line": 2, "side": "RIGHT", "body": "ok"}, want: 200},
		{name: "context line", comment: map[string]any{"path": "m.sql", "line": 1, "body": "ok"}, want: 200},
		{name: "range in one hunk", comment: map[string]any{"path": "m.sql", "start_line": 1, "line": 3, "body": "ok"}, want: 200},
		{name: "line outside the diff", comment: map[string]any{"path": "m.sql", "line": 6, "body": "no"}, want: 422},
		{name: "start_line equal to line", comment: map[string]any{"path": "m.sql", "start_line": 2, "line": 2, "body": "no"}, want: 422},
		{name: "range across hunks", comment: map[string]any{"path": "m.sql", "start_line": 3, "line": 11, "body": "no"}, want: 422},
		{name: "file not in the pull request", comment: map[string]any{"path": "other.sql", "line": 1, "body": "no"}, want: 422},
		{name: "body too long", comment: map[string]any{"path": "m.sql", "line": 2, "body": long}, want: 422},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := do(t, s, "POST", "/repos/octo/app/pulls/1/reviews", map[string]any{
				"commit_id": "h", "event": "COMMENT", "body": "r", "comments": []any{tc.comment}})
			if resp.StatusCode != tc.want {
				t.Errorf("status = %d, want %d: %s", resp.StatusCode, tc.want, body)
			}
		})
	}
	t.Run("file-level comment", func(t *testing.T) {
		resp, body := do(t, s, "POST", "/repos/octo/app/pulls/1/comments", map[string]any{
			"commit_id": "h", "path": "m.sql", "subject_type": "file", "body": "file"})
		if resp.StatusCode != 201 {
			t.Errorf("status = %d: %s", resp.StatusCode, body)
		}
	})
}

func TestCheckRunRules(t *testing.T) {
	s := fixture(t, Options{})
	ann := func(n int) []any {
		var out []any
		for i := 0; i < n; i++ {
			out = append(out, map[string]any{"path": "m.sql", "start_line": 1, "end_line": 1, "annotation_level": "warning", "message": "m"})
		}
		return out
	}
	resp, body := do(t, s, "POST", "/repos/octo/app/check-runs", map[string]any{"name": "c", "head_sha": "h", "status": "in_progress"})
	if resp.StatusCode != 201 {
		t.Fatalf("create: %d %s", resp.StatusCode, body)
	}
	var run struct{ ID int64 }
	_ = json.Unmarshal([]byte(body), &run)
	for _, tc := range []struct {
		name   string
		output map[string]any
		want   int
	}{
		{name: "50 annotations", output: map[string]any{"title": "t", "summary": "s", "annotations": ann(50)}, want: 200},
		{name: "51 annotations", output: map[string]any{"title": "t", "summary": "s", "annotations": ann(51)}, want: 422},
		{name: "summary at the limit", output: map[string]any{"title": "t", "summary": strings.Repeat("s", MaxSummary)}, want: 200},
		{name: "summary too long", output: map[string]any{"title": "t", "summary": strings.Repeat("s", MaxSummary+1)}, want: 422},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := do(t, s, "PATCH", fmt.Sprintf("/repos/octo/app/check-runs/%d", run.ID), map[string]any{"name": "c", "output": tc.output})
			if resp.StatusCode != tc.want {
				t.Errorf("status = %d, want %d: %s", resp.StatusCode, tc.want, body)
			}
		})
	}
}

func TestReadOnlyAndInjection(t *testing.T) {
	s := fixture(t, Options{})
	s.SetReadOnly(true)
	if resp, _ := do(t, s, "POST", "/repos/octo/app/issues/1/comments", map[string]any{"body": "x"}); resp.StatusCode != 403 {
		t.Errorf("write in read-only mode: %d, want 403", resp.StatusCode)
	}
	if resp, _ := do(t, s, "GET", "/repos/octo/app/pulls/1", nil); resp.StatusCode != 200 {
		t.Errorf("read in read-only mode: %d, want 200", resp.StatusCode)
	}
	s.Inject("GET", "/pulls/1", 503, 1)
	if resp, _ := do(t, s, "GET", "/repos/octo/app/pulls/1", nil); resp.StatusCode != 503 {
		t.Errorf("injected: %d, want 503", resp.StatusCode)
	}
	if resp, _ := do(t, s, "GET", "/repos/octo/app/pulls/1", nil); resp.StatusCode != 200 {
		t.Errorf("after the injection: %d, want 200", resp.StatusCode)
	}
	if n := len(s.Requests()); n != 4 {
		t.Errorf("recorded %d requests, want 4", n)
	}
}

func TestPaging(t *testing.T) {
	s := fixture(t, Options{})
	for i := 0; i < 250; i++ {
		s.AddIssueComment(1, "u", fmt.Sprint(i))
	}
	for _, tc := range []struct {
		name     string
		query    string
		wantLen  int
		wantNext bool
	}{
		{name: "default 30", query: "", wantLen: 30, wantNext: true},
		{name: "100 per page", query: "?per_page=100", wantLen: 100, wantNext: true},
		{name: "capped at 100", query: "?per_page=500", wantLen: 100, wantNext: true},
		{name: "last page", query: "?per_page=100&page=3", wantLen: 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := do(t, s, "GET", "/repos/octo/app/issues/1/comments"+tc.query, nil)
			var list []any
			_ = json.Unmarshal([]byte(body), &list)
			hasNext := strings.Contains(resp.Header.Get("Link"), `rel="next"`)
			if len(list) != tc.wantLen || hasNext != tc.wantNext {
				t.Errorf("got %d items, next=%v; want %d, %v", len(list), hasNext, tc.wantLen, tc.wantNext)
			}
			if resp.Header.Get("X-RateLimit-Remaining") == "" {
				t.Errorf("no rate-limit headers")
			}
		})
	}
}

func TestTreesBlobsContentsAndGHES(t *testing.T) {
	s := fixture(t, Options{GHES: true})
	if !strings.HasSuffix(s.URL, "/api/v3") {
		t.Fatalf("URL = %s", s.URL)
	}
	resp, body := do(t, s, "GET", "/repos/octo/app/git/trees/h?recursive=1", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, `"db/x.sql"`) {
		t.Fatalf("tree: %d %s", resp.StatusCode, body)
	}
	req, _ := http.NewRequest("GET", s.URL+"/repos/octo/app/git/blobs/"+BlobSHA("SELECT 1;\n"), nil)
	req.Header.Set("Accept", "application/vnd.github.v3.raw")
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r2.Body)
	r2.Body.Close()
	if string(b) != "SELECT 1;\n" {
		t.Errorf("raw blob = %q", b)
	}
	if resp, _ := do(t, s, "GET", "/repos/octo/app/contents/db/x.sql?ref=h", nil); resp.StatusCode != 200 {
		t.Errorf("contents: %d", resp.StatusCode)
	}
	r3, err := http.Get(s.ServerURL + "/repos/octo/app/pulls/1")
	if err != nil {
		t.Fatal(err)
	}
	r3.Body.Close()
	if r3.StatusCode != 404 {
		t.Errorf("GHES answered outside /api/v3: %d", r3.StatusCode)
	}
}
