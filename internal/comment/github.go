package comment

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// GitHub API limits. Each one is a constant because the API refused a
// request that went past it.
const (
	// MaxInlineComments is the default number of inline comments in one
	// review. Larger reviews are accepted but GitHub starts to answer
	// "422 Unprocessable Entity: was submitted too quickly" and the review
	// becomes unreadable; reviewdog settled on 30 for the same reason.
	MaxInlineComments = 30
	// MaxFileComments caps file-level comments (subject_type: file) a run
	// creates; each is its own request, and the secondary rate limit
	// ("403 You have exceeded a secondary rate limit") answers bursts of
	// content-creating requests.
	MaxFileComments = 10
	// MaxAnnotationsPerRequest is the number of check-run annotations one
	// create or update request may carry: "422 Validation Failed: Only 50
	// annotations are allowed per request".
	MaxAnnotationsPerRequest = 50
	// MaxCheckSummary is the size of a check run's output.summary:
	// "422 Validation Failed: summary is too long (maximum is 65535
	// characters)".
	MaxCheckSummary = 65535
	// MaxCommentBody is the size of an issue or review comment body:
	// "422 Validation Failed: body is too long (maximum is 65536
	// characters)". Bodies are kept strictly under it.
	MaxCommentBody = 65536
	// MaxWorkflowAnnotations is the number of workflow-command annotations
	// of one level that the runner shows for a step; the rest are dropped
	// with "Only 10 error/warning/notice annotations are shown".
	MaxWorkflowAnnotations = 10
	// MaxJobSummary is the size of one step's job summary: "$GITHUB_STEP_SUMMARY
	// upload aborted, supports content up to a size of 1024k".
	MaxJobSummary = 1024*1024 - 1024
	// MaxPRFiles is the number of files the "list pull request files"
	// endpoint returns at most; larger pull requests are cut silently.
	MaxPRFiles = 3000
	// PerPage is the page size used for every list call (the API's maximum).
	PerPage = 100
)

// ClientOptions configures NewClient.
type ClientOptions struct {
	// Token authenticates the requests; it is never logged.
	Token string
	// APIURL is GITHUB_API_URL (used as is); ServerURL is GITHUB_SERVER_URL,
	// used when APIURL is empty. A GHES server URL with or without /api/v3
	// works.
	APIURL, ServerURL string
	// Retry configures the retrying transport.
	Retry RetryTransport
	// UserAgent overrides the default user agent.
	UserAgent string
}

// NewClient returns a go-github client for github.com or a GitHub
// Enterprise Server, behind a transport that retries server errors and waits
// for a rate limit that resets soon.
func NewClient(o ClientOptions) (*github.Client, error) {
	rt := o.Retry
	if rt.Base == nil {
		rt.Base = http.DefaultTransport
	}
	var base http.RoundTripper = &rt
	if o.Token != "" {
		base = &tokenTransport{token: o.Token, base: base}
	}
	c := github.NewClient(&http.Client{Transport: base, Timeout: 2 * time.Minute})
	if o.UserAgent != "" {
		c.UserAgent = o.UserAgent
	} else {
		c.UserAgent = "migration-guardian"
	}
	api := strings.TrimSpace(o.APIURL)
	server := strings.TrimRight(strings.TrimSpace(o.ServerURL), "/")
	switch {
	case api != "":
		// The runner's GITHUB_API_URL is the API root already
		// (https://api.github.com or https://HOST/api/v3); it is used
		// verbatim so that both forms work.
		u, err := url.Parse(api)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, fmt.Errorf("comment: bad GITHUB_API_URL %q", api)
		}
		if strings.HasSuffix(strings.TrimRight(u.Path, "/"), "/api/v3") {
			upload := strings.TrimSuffix(strings.TrimRight(api, "/"), "/api/v3") + "/api/uploads/"
			return c.WithEnterpriseURLs(api, upload)
		}
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		c.BaseURL = u
		return c, nil
	case server == "" || server == "https://github.com":
		return c, nil
	default:
		// A GHES server URL: WithEnterpriseURLs appends /api/v3/ when it is
		// missing.
		if _, err := url.Parse(server); err != nil {
			return nil, fmt.Errorf("comment: bad GITHUB_SERVER_URL %q", server)
		}
		return c.WithEnterpriseURLs(server, server)
	}
}

// tokenTransport sets the Authorization header. It keeps the token out of
// every error message: go-github never prints headers, and this type has no
// String method.
type tokenTransport struct {
	token string
	base  http.RoundTripper
}

func (t *tokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+t.token)
	return t.base.RoundTrip(req)
}

// RetryTransport retries a request that failed with a 5xx status or a
// network error (twice by default, with a short backoff), and waits for a
// rate limit when it resets within MaxRateWait. A rate limit further away is
// returned to the caller, which degrades.
type RetryTransport struct {
	// Base performs the requests (http.DefaultTransport when nil).
	Base http.RoundTripper
	// Retries is the number of retries after a 5xx (2 when zero; negative
	// for none).
	Retries int
	// Backoff is the wait before retry n (1-based); 500ms·n when nil.
	Backoff func(n int) time.Duration
	// MaxRateWait is the longest wait for a rate-limit reset (60s when
	// zero).
	MaxRateWait time.Duration
	// Now and Sleep are replaceable in tests.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

func (t *RetryTransport) retries() int {
	switch {
	case t.Retries < 0:
		return 0
	case t.Retries == 0:
		return 2
	}
	return t.Retries
}

func (t *RetryTransport) backoff(n int) time.Duration {
	if t.Backoff != nil {
		return t.Backoff(n)
	}
	return time.Duration(n) * 500 * time.Millisecond
}

func (t *RetryTransport) sleep(ctx context.Context, d time.Duration) error {
	if t.Sleep != nil {
		return t.Sleep(ctx, d)
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

func (t *RetryTransport) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

// RoundTrip implements http.RoundTripper.
func (t *RetryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	maxWait := t.MaxRateWait
	if maxWait == 0 {
		maxWait = time.Minute
	}
	waitedForRate := false
	sent := false
	for attempt := 0; ; attempt++ {
		r := req
		if sent {
			if req.Body != nil && req.GetBody == nil {
				return nil, errors.New("comment: cannot retry a request whose body cannot be replayed")
			}
			r = req.Clone(req.Context())
			if req.GetBody != nil {
				b, err := req.GetBody()
				if err != nil {
					return nil, err
				}
				r.Body = b
			}
		}
		resp, err := base.RoundTrip(r)
		sent = true
		retryable := err != nil || (resp != nil && resp.StatusCode >= 500)
		if !retryable && resp != nil && !waitedForRate {
			if d, ok := rateLimitWait(resp, t.now()); ok && d <= maxWait {
				drain(resp)
				waitedForRate = true
				if err := t.sleep(req.Context(), d); err != nil {
					return nil, err
				}
				attempt--
				continue
			}
		}
		if !retryable || attempt >= t.retries() {
			return resp, err
		}
		if err == nil {
			drain(resp)
		}
		if err := t.sleep(req.Context(), t.backoff(attempt+1)); err != nil {
			return nil, err
		}
	}
}

// rateLimitWait reports how long to wait when resp says the rate limit is
// exhausted (primary: 403/429 with X-RateLimit-Remaining: 0; secondary:
// Retry-After).
func rateLimitWait(resp *http.Response, now time.Time) (time.Duration, bool) {
	if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
		return 0, false
	}
	if s := resp.Header.Get("Retry-After"); s != "" {
		if n, err := strconv.Atoi(s); err == nil {
			return time.Duration(n) * time.Second, true
		}
	}
	if resp.Header.Get("X-RateLimit-Remaining") != "0" {
		return 0, false
	}
	reset, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64)
	if err != nil {
		return 0, false
	}
	d := time.Unix(reset, 0).Sub(now) + time.Second
	if d < 0 {
		d = 0
	}
	return d, true
}

func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
}

// IsReadOnly reports whether err says the token may not do this (403 or
// 404, which GitHub answers for a resource the token cannot see), or that
// the rate limit is spent. Callers fall back to annotations and the job
// summary.
func IsReadOnly(err error) bool {
	var rl *github.RateLimitError
	var ab *github.AbuseRateLimitError
	if errors.As(err, &rl) || errors.As(err, &ab) {
		return true
	}
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		return er.Response.StatusCode == http.StatusForbidden || er.Response.StatusCode == http.StatusNotFound
	}
	return false
}

// IsUnprocessable reports whether err is a 422 Validation Failed.
func IsUnprocessable(err error) bool {
	var er *github.ErrorResponse
	return errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusUnprocessableEntity
}

// Repo names the pull request (or commit) the GitHub backends write to.
type Repo struct {
	Owner, Name string
	// Number is the pull request number; zero when there is none.
	Number int
	// HeadSHA is the commit that is reviewed.
	HeadSHA string
}

// ListAll pages through a go-github list call, PerPage items at a time,
// following the Link header until the last page.
func ListAll[T any](ctx context.Context, fetch func(opt github.ListOptions) ([]T, *github.Response, error)) ([]T, error) {
	var out []T
	opt := github.ListOptions{PerPage: PerPage, Page: 1}
	for {
		items, resp, err := fetch(opt)
		if err != nil {
			return out, err
		}
		out = append(out, items...)
		if resp == nil || resp.NextPage == 0 || resp.NextPage == opt.Page {
			return out, nil
		}
		opt.Page = resp.NextPage
		if err := ctx.Err(); err != nil {
			return out, err
		}
	}
}
