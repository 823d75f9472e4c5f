package githubfake

import (
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Limits the fake enforces, as GitHub does.
const (
	// MaxBody is the longest comment body: "body is too long (maximum is
	// 65536 characters)".
	MaxBody = 65536
	// MaxSummary is the longest check-run output summary.
	MaxSummary = 65535
	// MaxAnnotations is the number of annotations one check-run request may
	// carry.
	MaxAnnotations = 50
	// MaxFiles is the number of pull request files the API lists at most.
	MaxFiles = 3000
)

// Options configures a Server.
type Options struct {
	// Owner and Repo name the only repository served ("octo", "app" when
	// empty).
	Owner, Repo string
	// GHES serves the API under /api/v3, like GitHub Enterprise Server.
	GHES bool
	// BotLogin is the author of everything the token writes
	// ("github-actions[bot]" when empty).
	BotLogin string
}

// Request is one recorded request. The Authorization header is not kept.
type Request struct {
	Method string
	// Path is relative to the API root (without /api/v3), e.g.
	// /repos/octo/app/pulls/1.
	Path   string
	Query  url.Values
	Body   string
	Status int
	// Authorized is true when a bearer token was sent.
	Authorized bool
}

// File is one file of a pull request, as pulls/N/files lists it.
type File struct {
	Filename         string `json:"filename"`
	Status           string `json:"status"`
	Patch            string `json:"patch,omitempty"`
	PreviousFilename string `json:"previous_filename,omitempty"`
	Additions        int    `json:"additions"`
	Deletions        int    `json:"deletions"`
}

// PR is a pull request.
type PR struct {
	Number  int
	State   string // "open" when empty
	Title   string
	HeadSHA string
	HeadRef string
	BaseSHA string
	BaseRef string
	// HeadRepo is the full name of the head repository; the base repository
	// when empty (a fork when different).
	HeadRepo string
	Files    []File
}

// User is a comment author.
type User struct {
	Login string `json:"login"`
	Type  string `json:"type,omitempty"`
}

// ReviewComment is a pull request review comment.
type ReviewComment struct {
	ID          int64  `json:"id"`
	PullNumber  int    `json:"-"`
	ReviewID    int64  `json:"pull_request_review_id,omitempty"`
	Path        string `json:"path"`
	Line        int    `json:"line,omitempty"`
	StartLine   int    `json:"start_line,omitempty"`
	Side        string `json:"side,omitempty"`
	StartSide   string `json:"start_side,omitempty"`
	SubjectType string `json:"subject_type,omitempty"`
	CommitID    string `json:"commit_id,omitempty"`
	InReplyTo   int64  `json:"in_reply_to_id,omitempty"`
	Body        string `json:"body"`
	User        User   `json:"user"`
}

// Review is a pull request review.
type Review struct {
	ID         int64  `json:"id"`
	PullNumber int    `json:"-"`
	Event      string `json:"state"`
	Body       string `json:"body"`
	CommitID   string `json:"commit_id"`
	User       User   `json:"user"`
	// Comments is the number of inline comments it carried.
	Comments int `json:"-"`
}

// IssueComment is a comment on the pull request's conversation.
type IssueComment struct {
	ID     int64  `json:"id"`
	Number int    `json:"-"`
	Body   string `json:"body"`
	User   User   `json:"user"`
}

// Annotation is a check-run annotation.
type Annotation struct {
	Path            string `json:"path"`
	StartLine       int    `json:"start_line"`
	EndLine         int    `json:"end_line"`
	AnnotationLevel string `json:"annotation_level"`
	Message         string `json:"message"`
	Title           string `json:"title,omitempty"`
}

// CheckRun is a check run with the annotations of all its requests.
type CheckRun struct {
	ID          int64        `json:"id"`
	Name        string       `json:"name"`
	HeadSHA     string       `json:"head_sha"`
	Status      string       `json:"status"`
	Conclusion  string       `json:"conclusion,omitempty"`
	Title       string       `json:"-"`
	Summary     string       `json:"-"`
	Annotations []Annotation `json:"-"`
	// Updates counts the update requests; Names holds the name sent with
	// each request (empty when none was sent).
	Updates int      `json:"-"`
	Names   []string `json:"-"`
}

type injection struct {
	method, path string
	status       int
	times        int
}

// Server is the fake API.
type Server struct {
	// URL is the API root the client should use (ends in /api/v3 with
	// GHES).
	URL string
	// ServerURL is the web root (GITHUB_SERVER_URL).
	ServerURL string

	srv  *httptest.Server
	opts Options

	mu             sync.Mutex
	readOnly       bool
	pulls          map[int]*PR
	commits        map[string]map[string]string
	reviewComments []*ReviewComment
	reviews        []*Review
	issueComments  []*IssueComment
	checkRuns      []*CheckRun
	requests       []Request
	injections     []*injection
	nextID         int64
	rateRemaining  int
	rateReset      time.Time
}

// New starts a server; Close stops it.
func New(o Options) *Server {
	if o.Owner == "" {
		o.Owner = "octo"
	}
	if o.Repo == "" {
		o.Repo = "app"
	}
	if o.BotLogin == "" {
		o.BotLogin = "github-actions[bot]"
	}
	s := &Server{
		opts:          o,
		pulls:         map[int]*PR{},
		commits:       map[string]map[string]string{},
		nextID:        1000,
		rateRemaining: 5000,
		rateReset:     time.Now().Add(time.Hour),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.ServerURL = s.srv.URL
	s.URL = s.srv.URL
	if o.GHES {
		s.URL += "/api/v3"
	}
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// FullName is owner/repo.
func (s *Server) FullName() string { return s.opts.Owner + "/" + s.opts.Repo }

// BotLogin is the login the token writes as.
func (s *Server) BotLogin() string { return s.opts.BotLogin }

// SetReadOnly makes every write answer 403, as for a fork's token.
func (s *Server) SetReadOnly(ro bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.readOnly = ro
}

// AddCommit stores the files of a commit, served by git/trees, git/blobs
// and contents.
func (s *Server) AddCommit(sha string, files map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cp := make(map[string]string, len(files))
	for k, v := range files {
		cp[k] = v
	}
	s.commits[sha] = cp
}

// AddPR adds or replaces a pull request.
func (s *Server) AddPR(pr PR) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if pr.State == "" {
		pr.State = "open"
	}
	p := pr
	s.pulls[pr.Number] = &p
}

// SetHead moves a pull request's head, as a push to its branch does.
func (s *Server) SetHead(number int, sha string, files []File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.pulls[number]; p != nil {
		p.HeadSHA = sha
		if files != nil {
			p.Files = files
		}
	}
}

// Inject makes the next times requests whose method matches and whose path
// contains path answer status.
func (s *Server) Inject(method, path string, status, times int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.injections = append(s.injections, &injection{method: method, path: path, status: status, times: times})
}

// SetRateLimit sets the remaining requests and the reset time. With zero
// remaining, requests answer 403 until reset.
func (s *Server) SetRateLimit(remaining int, reset time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rateRemaining, s.rateReset = remaining, reset
}

// AddReply adds a reply by someone else to a review comment.
func (s *Server) AddReply(to int64, login, body string) *ReviewComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addReply(to, login, body)
}

// AddIssueComment adds a conversation comment by someone.
func (s *Server) AddIssueComment(number int, login, body string) *IssueComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	c := &IssueComment{ID: s.nextID, Number: number, Body: body, User: User{Login: login}}
	s.issueComments = append(s.issueComments, c)
	return c
}

// Requests returns every recorded request.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ResetRequests forgets the recorded requests.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// ReviewComments returns copies of the review comments of a pull request.
func (s *Server) ReviewComments(number int) []ReviewComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copiesOf(s.reviewComments, func(c *ReviewComment) bool { return c.PullNumber == number })
}

// Reviews returns copies of the reviews of a pull request.
func (s *Server) Reviews(number int) []Review {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copiesOf(s.reviews, func(r *Review) bool { return r.PullNumber == number })
}

// IssueComments returns copies of the conversation comments of a pull
// request.
func (s *Server) IssueComments(number int) []IssueComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copiesOf(s.issueComments, func(c *IssueComment) bool { return c.Number == number })
}

// copiesOf returns copies of the stored items that keep accepts, so tests
// can read them while the server goes on changing its own.
func copiesOf[T any](items []*T, keep func(*T) bool) []T {
	var out []T
	for _, it := range items {
		if keep(it) {
			out = append(out, *it)
		}
	}
	return out
}

// CheckRuns returns copies of all check runs.
func (s *Server) CheckRuns() []CheckRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []CheckRun
	for _, c := range s.checkRuns {
		cp := *c
		cp.Annotations = append([]Annotation(nil), c.Annotations...)
		cp.Names = append([]string(nil), c.Names...)
		out = append(out, cp)
	}
	return out
}

// BlobSHA is git's object name of a blob with this content.
func BlobSHA(content string) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	io.WriteString(h, content)
	return hex.EncodeToString(h.Sum(nil))
}

type apiError struct {
	status  int
	message string
	errors  []string
}

func (e *apiError) write(w http.ResponseWriter) {
	body := map[string]any{"message": e.message, "documentation_url": "https://docs.github.com/rest"}
	if len(e.errors) > 0 {
		var errs []map[string]string
		for _, m := range e.errors {
			errs = append(errs, map[string]string{"message": m, "code": "custom", "resource": "PullRequestReviewComment"})
		}
		body["errors"] = errs
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(e.status)
	_ = json.NewEncoder(w).Encode(body)
}

func unprocessable(msgs ...string) *apiError {
	return &apiError{status: http.StatusUnprocessableEntity, message: "Validation Failed", errors: msgs}
}

func notFound() *apiError { return &apiError{status: http.StatusNotFound, message: "Not Found"} }

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (s *Server) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	p := req.URL.Path
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() {
		s.requests = append(s.requests, Request{
			Method: req.Method, Path: p, Query: req.URL.Query(), Body: string(body), Status: rec.status,
			Authorized: strings.HasPrefix(req.Header.Get("Authorization"), "Bearer ") || strings.HasPrefix(req.Header.Get("Authorization"), "token "),
		})
	}()
	if s.opts.GHES {
		if !strings.HasPrefix(p, "/api/v3/") {
			notFound().write(rec)
			return
		}
		p = strings.TrimPrefix(p, "/api/v3")
	}
	// Rate limit headers on every answer.
	if s.rateRemaining <= 0 && time.Now().After(s.rateReset) {
		s.rateRemaining, s.rateReset = 5000, time.Now().Add(time.Hour)
	}
	h := rec.Header()
	h.Set("X-RateLimit-Limit", "5000")
	h.Set("X-RateLimit-Reset", strconv.FormatInt(s.rateReset.Unix(), 10))
	if s.rateRemaining <= 0 {
		h.Set("X-RateLimit-Remaining", "0")
		(&apiError{status: http.StatusForbidden, message: "API rate limit exceeded for installation."}).write(rec)
		return
	}
	s.rateRemaining--
	h.Set("X-RateLimit-Remaining", strconv.Itoa(s.rateRemaining))

	for i, in := range s.injections {
		if in.times > 0 && (in.method == "" || in.method == req.Method) && strings.Contains(p, in.path) {
			in.times--
			if in.times == 0 {
				s.injections = append(s.injections[:i], s.injections[i+1:]...)
			}
			(&apiError{status: in.status, message: http.StatusText(in.status)}).write(rec)
			return
		}
	}
	if s.readOnly && req.Method != http.MethodGet && req.Method != http.MethodHead {
		(&apiError{status: http.StatusForbidden, message: "Resource not accessible by integration"}).write(rec)
		return
	}
	if p == "/rate_limit" {
		writeJSON(rec, http.StatusOK, map[string]any{"resources": map[string]any{"core": map[string]any{
			"limit": 5000, "remaining": s.rateRemaining, "reset": s.rateReset.Unix()}}})
		return
	}
	prefix := "/repos/" + s.FullName()
	if p != prefix && !strings.HasPrefix(p, prefix+"/") {
		notFound().write(rec)
		return
	}
	rest := strings.Split(strings.Trim(strings.TrimPrefix(p, prefix), "/"), "/")
	status, out, err := s.route(req, rest, body)
	if err != nil {
		err.write(rec)
		return
	}
	if list, ok := out.(pageable); ok {
		s.writePage(rec, req, list)
		return
	}
	if raw, ok := out.(rawBody); ok {
		rec.Header().Set("Content-Type", "application/vnd.github.raw")
		rec.WriteHeader(status)
		_, _ = rec.Write(raw)
		return
	}
	writeJSON(rec, status, out)
}

// pageable is a list answered page by page.
type pageable []any

// rawBody is written as is.
type rawBody []byte

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if v != nil {
		_ = json.NewEncoder(w).Encode(v)
	}
}

// writePage answers one page of list with per_page (30 by default, 100 at
// most) and a Link header.
func (s *Server) writePage(w http.ResponseWriter, req *http.Request, list pageable) {
	q := req.URL.Query()
	per, _ := strconv.Atoi(q.Get("per_page"))
	if per <= 0 {
		per = 30
	}
	if per > 100 {
		per = 100
	}
	page, _ := strconv.Atoi(q.Get("page"))
	if page <= 0 {
		page = 1
	}
	last := max(1, (len(list)+per-1)/per)
	from := min((page-1)*per, len(list))
	to := min(from+per, len(list))
	link := func(n int, rel string) string {
		u := *req.URL
		u.Scheme, u.Host = "http", req.Host
		qq := u.Query()
		qq.Set("page", strconv.Itoa(n))
		qq.Set("per_page", strconv.Itoa(per))
		u.RawQuery = qq.Encode()
		return fmt.Sprintf("<%s>; rel=%q", u.String(), rel)
	}
	var links []string
	if page < last {
		links = append(links, link(page+1, "next"), link(last, "last"))
	}
	if page > 1 {
		links = append(links, link(1, "first"), link(page-1, "prev"))
	}
	if len(links) > 0 {
		w.Header().Set("Link", strings.Join(links, ", "))
	}
	page0 := list[from:to]
	if page0 == nil {
		page0 = pageable{}
	}
	writeJSON(w, http.StatusOK, []any(page0))
}

func (s *Server) id() int64 {
	s.nextID++
	return s.nextID
}

func (s *Server) user() User { return User{Login: s.opts.BotLogin, Type: "Bot"} }

func (s *Server) route(req *http.Request, rest []string, body []byte) (int, any, *apiError) {
	m := req.Method
	seg := func(i int) string {
		if i < len(rest) {
			return rest[i]
		}
		return ""
	}
	n := len(rest)
	switch {
	case n == 1 && rest[0] == "" && m == "GET":
		return 200, s.repoJSON(), nil
	case seg(0) == "pulls" && n == 1 && m == "GET":
		return s.listPulls(req)
	case seg(0) == "pulls" && seg(1) == "comments" && n == 3:
		id, _ := strconv.ParseInt(seg(2), 10, 64)
		return s.editReviewComment(m, id, body)
	case seg(0) == "pulls" && n >= 2:
		num, err := strconv.Atoi(seg(1))
		pr := s.pulls[num]
		if err != nil || pr == nil {
			return 0, nil, notFound()
		}
		switch {
		case n == 2 && m == "GET":
			return 200, s.pullJSON(pr), nil
		case n == 3 && seg(2) == "files" && m == "GET":
			var out pageable
			for i, f := range pr.Files {
				if i >= MaxFiles {
					break
				}
				out = append(out, f)
			}
			return 200, out, nil
		case n == 3 && seg(2) == "comments" && m == "GET":
			var out pageable
			for _, c := range s.reviewComments {
				if c.PullNumber == num {
					out = append(out, c)
				}
			}
			return 200, out, nil
		case n == 3 && seg(2) == "comments" && m == "POST":
			return s.createReviewComment(pr, body)
		case n == 3 && seg(2) == "reviews" && m == "GET":
			var out pageable
			for _, r := range s.reviews {
				if r.PullNumber == num {
					out = append(out, r)
				}
			}
			return 200, out, nil
		case n == 3 && seg(2) == "reviews" && m == "POST":
			return s.createReview(pr, body)
		}
	case seg(0) == "issues" && seg(1) == "comments" && n == 3:
		id, _ := strconv.ParseInt(seg(2), 10, 64)
		return s.editIssueComment(m, id, body)
	case seg(0) == "issues" && n == 3 && seg(2) == "comments":
		num, err := strconv.Atoi(seg(1))
		if err != nil || s.pulls[num] == nil {
			return 0, nil, notFound()
		}
		if m == "GET" {
			var out pageable
			for _, c := range s.issueComments {
				if c.Number == num {
					out = append(out, c)
				}
			}
			return 200, out, nil
		}
		if m == "POST" {
			var in struct {
				Body string `json:"body"`
			}
			if json.Unmarshal(body, &in) != nil || in.Body == "" {
				return 0, nil, unprocessable("body can't be blank")
			}
			if utf8.RuneCountInString(in.Body) > MaxBody {
				return 0, nil, unprocessable("body is too long (maximum is 65536 characters)")
			}
			c := &IssueComment{ID: s.id(), Number: num, Body: in.Body, User: s.user()}
			s.issueComments = append(s.issueComments, c)
			return 201, c, nil
		}
	case seg(0) == "check-runs" && n == 1 && m == "POST":
		return s.createCheckRun(body)
	case seg(0) == "check-runs" && n == 2 && m == "PATCH":
		id, _ := strconv.ParseInt(seg(1), 10, 64)
		return s.updateCheckRun(id, body)
	case seg(0) == "check-runs" && n == 2 && m == "GET":
		id, _ := strconv.ParseInt(seg(1), 10, 64)
		for _, c := range s.checkRuns {
			if c.ID == id {
				return 200, c, nil
			}
		}
		return 0, nil, notFound()
	case seg(0) == "commits" && n == 3 && seg(2) == "check-runs" && m == "GET":
		var runs []*CheckRun
		for _, c := range s.checkRuns {
			if c.HeadSHA == seg(1) {
				runs = append(runs, c)
			}
		}
		return 200, map[string]any{"total_count": len(runs), "check_runs": runs}, nil
	case seg(0) == "git" && seg(1) == "trees" && n == 3 && m == "GET":
		return s.tree(seg(2), req.URL.Query().Get("recursive") != "")
	case seg(0) == "git" && seg(1) == "blobs" && n == 3 && m == "GET":
		return s.blob(seg(2), req.Header.Get("Accept"))
	case seg(0) == "contents" && n >= 2 && m == "GET":
		return s.contents(strings.Join(rest[1:], "/"), req.URL.Query().Get("ref"))
	}
	return 0, nil, notFound()
}

func (s *Server) repoJSON() map[string]any {
	return map[string]any{"id": 1, "name": s.opts.Repo, "full_name": s.FullName(), "default_branch": "main",
		"owner": map[string]any{"login": s.opts.Owner}}
}

func (s *Server) pullJSON(pr *PR) map[string]any {
	headRepo := pr.HeadRepo
	if headRepo == "" {
		headRepo = s.FullName()
	}
	return map[string]any{
		"number": pr.Number, "state": pr.State, "title": pr.Title,
		"head": map[string]any{"sha": pr.HeadSHA, "ref": pr.HeadRef, "label": strings.Split(headRepo, "/")[0] + ":" + pr.HeadRef,
			"repo": map[string]any{"full_name": headRepo, "name": strings.Split(headRepo, "/")[1]}},
		"base": map[string]any{"sha": pr.BaseSHA, "ref": pr.BaseRef,
			"repo": map[string]any{"full_name": s.FullName(), "name": s.opts.Repo}},
	}
}

func (s *Server) listPulls(req *http.Request) (int, any, *apiError) {
	q := req.URL.Query()
	state := q.Get("state")
	if state == "" {
		state = "open"
	}
	var nums []int
	for n := range s.pulls {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var out pageable
	for _, n := range nums {
		pr := s.pulls[n]
		if state != "all" && pr.State != state {
			continue
		}
		if h := q.Get("head"); h != "" {
			headRepo := pr.HeadRepo
			if headRepo == "" {
				headRepo = s.FullName()
			}
			if h != strings.Split(headRepo, "/")[0]+":"+pr.HeadRef {
				continue
			}
		}
		out = append(out, s.pullJSON(pr))
	}
	return 200, out, nil
}

// draftComment is a review comment as a request sends it.
type draftComment struct {
	Path        string `json:"path"`
	Body        string `json:"body"`
	Line        int    `json:"line"`
	StartLine   int    `json:"start_line"`
	Side        string `json:"side"`
	StartSide   string `json:"start_side"`
	Position    int    `json:"position"`
	SubjectType string `json:"subject_type"`
	CommitID    string `json:"commit_id"`
	InReplyTo   int64  `json:"in_reply_to"`
}

// checkComment applies GitHub's rules for an inline or file comment.
func (s *Server) checkComment(pr *PR, d draftComment) *apiError {
	if d.Body == "" {
		return unprocessable("body can't be blank")
	}
	if utf8.RuneCountInString(d.Body) > MaxBody {
		return unprocessable("body is too long (maximum is 65536 characters)")
	}
	var file *File
	for i := range pr.Files {
		if pr.Files[i].Filename == d.Path {
			file = &pr.Files[i]
		}
	}
	if file == nil {
		return unprocessable("pull_request_review_thread.path could not be resolved")
	}
	if d.SubjectType == "file" {
		return nil
	}
	if d.Position != 0 {
		return unprocessable("position is deprecated in this fake; use line")
	}
	if d.Line <= 0 {
		return unprocessable("pull_request_review_thread.line could not be resolved")
	}
	if d.Side != "" && d.Side != "RIGHT" && d.Side != "LEFT" {
		return unprocessable("pull_request_review_thread.side is not included in the list")
	}
	hunks := Hunks(file.Patch, d.Side == "LEFT")
	h := hunkOf(hunks, d.Line)
	if h < 0 {
		return unprocessable("pull_request_review_thread.line must be part of the diff")
	}
	if d.StartLine != 0 {
		if d.StartLine >= d.Line {
			return unprocessable("pull_request_review_thread.start_line must precede the end line")
		}
		if hunkOf(hunks, d.StartLine) != h {
			return unprocessable("pull_request_review_thread.start_line must be part of the same hunk as the line")
		}
	}
	return nil
}

func hunkOf(hunks [][2]int, line int) int {
	for i, h := range hunks {
		if line >= h[0] && line <= h[1] {
			return i
		}
	}
	return -1
}

// Hunks returns the line ranges of a patch's hunks on the new (RIGHT) side,
// or the old side when left is set.
func Hunks(patch string, left bool) [][2]int {
	var out [][2]int
	for _, l := range strings.Split(patch, "\n") {
		if !strings.HasPrefix(l, "@@ ") {
			continue
		}
		f := strings.Fields(l)
		if len(f) < 3 {
			continue
		}
		r := f[2]
		if left {
			r = f[1]
		}
		r = strings.TrimLeft(r, "+-")
		start, count := r, "1"
		if i := strings.IndexByte(r, ','); i >= 0 {
			start, count = r[:i], r[i+1:]
		}
		a, _ := strconv.Atoi(start)
		c, _ := strconv.Atoi(count)
		if c == 0 {
			continue
		}
		out = append(out, [2]int{a, a + c - 1})
	}
	return out
}

func (s *Server) createReviewComment(pr *PR, body []byte) (int, any, *apiError) {
	var d draftComment
	if err := json.Unmarshal(body, &d); err != nil {
		return 0, nil, &apiError{status: 400, message: "Problems parsing JSON"}
	}
	if d.InReplyTo != 0 {
		c := s.addReply(d.InReplyTo, s.opts.BotLogin, d.Body)
		if c == nil {
			return 0, nil, notFound()
		}
		return 201, c, nil
	}
	if d.CommitID == "" {
		return 0, nil, unprocessable("commit_id can't be blank")
	}
	if err := s.checkComment(pr, d); err != nil {
		return 0, nil, err
	}
	c := &ReviewComment{ID: s.id(), PullNumber: pr.Number, Path: d.Path, Line: d.Line, StartLine: d.StartLine,
		Side: d.Side, StartSide: d.StartSide, SubjectType: d.SubjectType, CommitID: d.CommitID, Body: d.Body, User: s.user()}
	if c.SubjectType == "" {
		c.SubjectType = "line"
		if c.Side == "" {
			c.Side = "RIGHT"
		}
	}
	s.reviewComments = append(s.reviewComments, c)
	return 201, c, nil
}

// addReply is AddReply for callers holding the lock.
func (s *Server) addReply(to int64, login, body string) *ReviewComment {
	var parent *ReviewComment
	for _, c := range s.reviewComments {
		if c.ID == to {
			parent = c
		}
	}
	if parent == nil {
		return nil
	}
	c := &ReviewComment{ID: s.id(), PullNumber: parent.PullNumber, Path: parent.Path, Line: parent.Line, Side: parent.Side,
		InReplyTo: to, Body: body, User: User{Login: login}, CommitID: parent.CommitID}
	s.reviewComments = append(s.reviewComments, c)
	return c
}

func (s *Server) createReview(pr *PR, body []byte) (int, any, *apiError) {
	var in struct {
		CommitID string         `json:"commit_id"`
		Body     string         `json:"body"`
		Event    string         `json:"event"`
		Comments []draftComment `json:"comments"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return 0, nil, &apiError{status: 400, message: "Problems parsing JSON"}
	}
	switch in.Event {
	case "COMMENT", "APPROVE", "REQUEST_CHANGES", "":
	default:
		return 0, nil, unprocessable("event is not included in the list")
	}
	if (in.Event == "COMMENT" || in.Event == "REQUEST_CHANGES") && in.Body == "" && len(in.Comments) == 0 {
		return 0, nil, unprocessable("body can't be blank")
	}
	if utf8.RuneCountInString(in.Body) > MaxBody {
		return 0, nil, unprocessable("body is too long (maximum is 65536 characters)")
	}
	for _, d := range in.Comments {
		if d.SubjectType != "" {
			return 0, nil, unprocessable("subject_type is not permitted in review comments")
		}
		if err := s.checkComment(pr, d); err != nil {
			return 0, nil, err
		}
	}
	commit := in.CommitID
	if commit == "" {
		commit = pr.HeadSHA
	}
	state := "COMMENTED"
	switch in.Event {
	case "APPROVE":
		state = "APPROVED"
	case "REQUEST_CHANGES":
		state = "CHANGES_REQUESTED"
	case "":
		state = "PENDING"
	}
	r := &Review{ID: s.id(), PullNumber: pr.Number, Event: state, Body: in.Body, CommitID: commit, User: s.user(), Comments: len(in.Comments)}
	s.reviews = append(s.reviews, r)
	for _, d := range in.Comments {
		side := d.Side
		if side == "" {
			side = "RIGHT"
		}
		s.reviewComments = append(s.reviewComments, &ReviewComment{ID: s.id(), PullNumber: pr.Number, ReviewID: r.ID, Path: d.Path,
			Line: d.Line, StartLine: d.StartLine, Side: side, StartSide: d.StartSide, SubjectType: "line", CommitID: commit, Body: d.Body, User: s.user()})
	}
	return 200, r, nil
}

// patchedBody reads the body of a comment edit, with GitHub's rules: not
// blank, at most MaxBody characters.
func patchedBody(body []byte) (string, *apiError) {
	var in struct {
		Body string `json:"body"`
	}
	if json.Unmarshal(body, &in) != nil || in.Body == "" {
		return "", unprocessable("body can't be blank")
	}
	if utf8.RuneCountInString(in.Body) > MaxBody {
		return "", unprocessable("body is too long (maximum is 65536 characters)")
	}
	return in.Body, nil
}

func (s *Server) editReviewComment(m string, id int64, body []byte) (int, any, *apiError) {
	return editComment(&s.reviewComments, m, id, body,
		func(c *ReviewComment) int64 { return c.ID },
		func(c *ReviewComment, text string) { c.Body = text })
}

func (s *Server) editIssueComment(m string, id int64, body []byte) (int, any, *apiError) {
	return editComment(&s.issueComments, m, id, body,
		func(c *IssueComment) int64 { return c.ID },
		func(c *IssueComment, text string) { c.Body = text })
}

// editComment answers GET, DELETE and PATCH on one stored comment of
// either kind, as GitHub does.
func editComment[T any](list *[]*T, m string, id int64, body []byte, idOf func(*T) int64, setBody func(*T, string)) (int, any, *apiError) {
	for i, c := range *list {
		if idOf(c) != id {
			continue
		}
		switch m {
		case "GET":
			return 200, c, nil
		case "DELETE":
			*list = append((*list)[:i], (*list)[i+1:]...)
			return 204, nil, nil
		case "PATCH":
			text, err := patchedBody(body)
			if err != nil {
				return 0, nil, err
			}
			setBody(c, text)
			return 200, c, nil
		}
	}
	return 0, nil, notFound()
}

type checkRunIn struct {
	Name       *string `json:"name"`
	HeadSHA    string  `json:"head_sha"`
	Status     string  `json:"status"`
	Conclusion string  `json:"conclusion"`
	Output     *struct {
		Title       *string      `json:"title"`
		Summary     *string      `json:"summary"`
		Annotations []Annotation `json:"annotations"`
	} `json:"output"`
}

func (s *Server) applyCheckRun(c *CheckRun, in checkRunIn) *apiError {
	if in.Output != nil {
		if in.Output.Title == nil || in.Output.Summary == nil {
			return unprocessable("output.title and output.summary are required")
		}
		if len(in.Output.Annotations) > MaxAnnotations {
			return unprocessable("Only 50 annotations are allowed per request")
		}
		if utf8.RuneCountInString(*in.Output.Summary) > MaxSummary {
			return unprocessable("summary is too long (maximum is 65535 characters)")
		}
		for _, a := range in.Output.Annotations {
			if a.Path == "" || a.StartLine <= 0 || a.EndLine < a.StartLine {
				return unprocessable("annotation path, start_line and end_line are required")
			}
			switch a.AnnotationLevel {
			case "notice", "warning", "failure":
			default:
				return unprocessable("annotation_level is not included in the list")
			}
		}
	}
	if in.Conclusion != "" {
		switch in.Conclusion {
		case "success", "failure", "neutral", "cancelled", "skipped", "timed_out", "action_required":
		default:
			return unprocessable("conclusion is not included in the list")
		}
	}
	if in.Name != nil {
		c.Name = *in.Name
		c.Names = append(c.Names, *in.Name)
	} else {
		c.Names = append(c.Names, "")
	}
	if in.Status != "" {
		c.Status = in.Status
	}
	if in.Conclusion != "" {
		c.Conclusion, c.Status = in.Conclusion, "completed"
	}
	if in.Output != nil {
		c.Title, c.Summary = *in.Output.Title, *in.Output.Summary
		c.Annotations = append(c.Annotations, in.Output.Annotations...)
	}
	return nil
}

func (s *Server) createCheckRun(body []byte) (int, any, *apiError) {
	var in checkRunIn
	if err := json.Unmarshal(body, &in); err != nil {
		return 0, nil, &apiError{status: 400, message: "Problems parsing JSON"}
	}
	if in.Name == nil || *in.Name == "" || in.HeadSHA == "" {
		return 0, nil, unprocessable("name and head_sha are required")
	}
	c := &CheckRun{ID: s.id(), HeadSHA: in.HeadSHA, Status: "queued"}
	if err := s.applyCheckRun(c, in); err != nil {
		return 0, nil, err
	}
	s.checkRuns = append(s.checkRuns, c)
	return 201, c, nil
}

func (s *Server) updateCheckRun(id int64, body []byte) (int, any, *apiError) {
	var in checkRunIn
	if err := json.Unmarshal(body, &in); err != nil {
		return 0, nil, &apiError{status: 400, message: "Problems parsing JSON"}
	}
	for _, c := range s.checkRuns {
		if c.ID == id {
			if err := s.applyCheckRun(c, in); err != nil {
				return 0, nil, err
			}
			c.Updates++
			return 200, c, nil
		}
	}
	return 0, nil, notFound()
}

func (s *Server) tree(sha string, recursive bool) (int, any, *apiError) {
	files, ok := s.commits[sha]
	if !ok {
		return 0, nil, notFound()
	}
	var paths []string
	dirs := map[string]bool{}
	for p := range files {
		paths = append(paths, p)
		for d := p; strings.Contains(d, "/"); {
			d = d[:strings.LastIndexByte(d, '/')]
			dirs[d] = true
		}
	}
	var entries []map[string]any
	for d := range dirs {
		if recursive || !strings.Contains(d, "/") {
			entries = append(entries, map[string]any{"path": d, "mode": "040000", "type": "tree", "sha": BlobSHA("tree:" + d)})
		}
	}
	for _, p := range paths {
		if !recursive && strings.Contains(p, "/") {
			continue
		}
		entries = append(entries, map[string]any{"path": p, "mode": "100644", "type": "blob", "sha": BlobSHA(files[p]), "size": len(files[p])})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i]["path"].(string) < entries[j]["path"].(string) })
	return 200, map[string]any{"sha": sha, "tree": entries, "truncated": false}, nil
}

func (s *Server) blob(sha, accept string) (int, any, *apiError) {
	for _, files := range s.commits {
		for _, content := range files {
			if BlobSHA(content) != sha {
				continue
			}
			if strings.Contains(accept, "raw") {
				return 200, rawBody(content), nil
			}
			return 200, map[string]any{"sha": sha, "size": len(content), "encoding": "base64",
				"content": base64.StdEncoding.EncodeToString([]byte(content))}, nil
		}
	}
	return 0, nil, notFound()
}

func (s *Server) contents(path, ref string) (int, any, *apiError) {
	files, ok := s.commits[ref]
	if !ok {
		return 0, nil, notFound()
	}
	content, ok := files[path]
	if !ok {
		return 0, nil, notFound()
	}
	name := path[strings.LastIndexByte(path, '/')+1:]
	return 200, map[string]any{"type": "file", "encoding": "base64", "name": name, "path": path, "size": len(content),
		"sha": BlobSHA(content), "content": base64.StdEncoding.EncodeToString([]byte(content))}, nil
}
