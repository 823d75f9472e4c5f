package action

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/sethvargo/go-githubactions"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/comment"
	"github.com/migration-guardian/guardian/internal/config"
	"github.com/migration-guardian/guardian/internal/diff"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/sources"
)

// Env is what the action reads from its surroundings.
type Env struct {
	// Getenv returns an environment variable (os.Getenv in production).
	Getenv func(string) string
	// Transport, when set, performs the API requests (tests).
	Transport http.RoundTripper
	// Backoff, when set, replaces the retry backoff (tests). For the built
	// binary the environment variable MIGRATION_GUARDIAN_RETRY_BACKOFF (a
	// Go duration d) sets a backoff of n·d and caps the wait for a rate
	// limit at 100·d (at least 1s); end-to-end tests use it.
	Backoff func(n int) time.Duration
}

// Modes reported in the `mode` output.
const (
	ModeReview          = "review"
	ModeAnnotationsOnly = "annotations-only"
	ModeScanOnly        = "scan-only"
)

// Exit codes, as for the CLI.
const (
	ExitOK     = 0
	ExitFailed = 1
	ExitError  = 2
)

// Run runs the action and returns the process exit code: 1 when a finding
// reaches fail-on, 2 for invalid inputs or an internal error, 0 otherwise.
// Failures to publish (read-only token, API errors) are reported on stdout
// and never change the exit code. Workflow commands go to stdout; stderr
// receives errors that happen before the workflow-command writer exists.
func Run(ctx context.Context, env Env, stdout, stderr io.Writer) (code int) {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	r := &runner{env: env, stdout: stdout, stderr: stderr}
	r.gha = githubactions.New(githubactions.WithWriter(stdout), githubactions.WithGetenv(env.Getenv))
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "migration-guardian: internal error: %v\n", p)
			code = ExitError
		}
	}()
	return r.run(ctx)
}

type runner struct {
	env    Env
	stdout io.Writer
	stderr io.Writer
	gha    *githubactions.Action
	in     Inputs
	client *github.Client

	owner, repo string
	eventName   string
	number      int
	headSHA     string
	baseSHA     string
	mode        string
	readOnly    bool
	notes       []string
	workspace   string
	workdir     string
	prefix      string // working-directory relative to the repository root, "sub/" or ""
	check       *comment.CheckRun
	reportPath  string
}

func (r *runner) getenv(k string) string { return r.env.Getenv(k) }

// safe runs a go-githubactions call, which panics when its output cannot be
// written.
func (r *runner) safe(f func()) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(r.stderr, "migration-guardian: %v\n", p)
		}
	}()
	f()
}

func (r *runner) infof(format string, args ...any) {
	r.safe(func() { r.gha.Infof(format, args...) })
}

func (r *runner) warnf(format string, args ...any) {
	r.safe(func() { r.gha.Warningf(format, args...) })
}

func (r *runner) errorf(format string, args ...any) {
	r.safe(func() { r.gha.Errorf(format, args...) })
}

// note records a message about the run for the summaries and the log.
func (r *runner) note(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	r.notes = append(r.notes, msg)
	r.infof("%s", msg)
}

// degrade switches to read-only mode after a 403/404 (or spent rate
// limit), keeping the reason.
func (r *runner) degrade(what string, err error) bool {
	if !comment.IsReadOnly(err) {
		return false
	}
	if !r.readOnly {
		r.note("The token cannot %s (%s); falling back to annotations and the job summary.", what, apiStatus(err))
	}
	r.readOnly = true
	return true
}

func apiStatus(err error) string {
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		return fmt.Sprintf("%d %s", er.Response.StatusCode, er.Message)
	}
	var rl *github.RateLimitError
	if errors.As(err, &rl) {
		return "rate limit spent until " + rl.Rate.Reset.Format(time.RFC3339)
	}
	return err.Error()
}

func (r *runner) run(ctx context.Context) int {
	// Mask the token before anything else is written.
	if tok := strings.TrimSpace(r.gha.GetInput("github-token")); tok != "" {
		r.safe(func() { r.gha.AddMask(tok) })
	}
	in, err := ParseInputs(r.gha.GetInput)
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			r.errorf("%s", line)
		}
		r.failureSummary(err)
		return ExitError
	}
	r.in = in
	if err := r.setup(ctx); err != nil {
		r.errorf("%v", err)
		r.failureSummary(err)
		return ExitError
	}
	r.infof("Migration Guardian: %s event, %s.", r.eventName, r.target())
	if job := r.getenv("GITHUB_JOB"); job != "" && strings.EqualFold(job, in.CheckName) {
		r.warnf("check-name %q is also the job's name: a required status check on %q could match the check run instead of the job's exit code; pick another check-name.", in.CheckName, job)
	}

	if r.client != nil && !r.readOnly {
		r.check = &comment.CheckRun{Client: r.client, Repo: r.crepo(), Name: in.CheckName, Mode: in.FilterMode}
		if err := r.check.Start(ctx); err != nil {
			if !r.degrade("create a check run", err) {
				r.note("Could not create the check run: %s.", apiStatus(err))
			}
			r.check = nil
		}
	}

	opts, change, err := r.sources(ctx)
	if err != nil {
		return r.fail(ctx, err)
	}
	res, err := scan.Run(ctx, opts)
	if err != nil {
		return r.fail(ctx, fmt.Errorf("scan: %w", err))
	}
	r.restorePaths(res, change)
	r.publish(ctx, res)
	live := r.verifyLive(ctx, opts)
	return max(r.finish(res), live)
}

func (r *runner) target() string {
	if r.number != 0 {
		return fmt.Sprintf("pull request #%d at %s", r.number, short(r.headSHA))
	}
	return "commit " + short(r.headSHA)
}

func short(s string) string {
	if len(s) > 7 {
		return s[:7]
	}
	return s
}

func (r *runner) crepo() comment.Repo {
	return comment.Repo{Owner: r.owner, Name: r.repo, Number: r.number, HeadSHA: r.headSHA}
}

// setup reads the environment and the event, builds the client and decides
// the target and the mode.
func (r *runner) setup(ctx context.Context) error {
	full := r.getenv("GITHUB_REPOSITORY")
	owner, repo, ok := strings.Cut(full, "/")
	if !ok || owner == "" || repo == "" {
		return fmt.Errorf("action: GITHUB_REPOSITORY %q is not owner/name", full)
	}
	r.owner, r.repo = owner, repo
	r.eventName = r.getenv("GITHUB_EVENT_NAME")
	r.workspace = r.getenv("GITHUB_WORKSPACE")
	if r.workspace == "" {
		r.workspace = "."
	}
	r.workdir = filepath.Join(r.workspace, filepath.FromSlash(r.in.WorkingDirectory))
	if p := path.Clean(filepath.ToSlash(r.in.WorkingDirectory)); p != "." {
		r.prefix = p + "/"
	}

	ev, err := readEvent(r.getenv("GITHUB_EVENT_PATH"))
	if err != nil && strings.HasPrefix(r.eventName, "pull_request") {
		return err
	}
	if r.in.Token == "" {
		r.readOnly = true
		r.note("No github-token: publishing annotations and the job summary only.")
	} else {
		retry := comment.RetryTransport{Base: r.env.Transport, Backoff: r.env.Backoff}
		if d, err := time.ParseDuration(r.getenv("MIGRATION_GUARDIAN_RETRY_BACKOFF")); err == nil {
			retry.Backoff = func(n int) time.Duration { return time.Duration(n) * d }
			retry.MaxRateWait = max(d*100, time.Second)
		}
		r.client, err = comment.NewClient(comment.ClientOptions{
			Token: r.in.Token, APIURL: r.getenv("GITHUB_API_URL"), ServerURL: r.getenv("GITHUB_SERVER_URL"), Retry: retry,
		})
		if err != nil {
			return err
		}
	}

	switch r.eventName {
	case "pull_request", "pull_request_target":
		pr := ev.PullRequest
		if pr == nil {
			return errors.New("action: the event payload has no pull_request")
		}
		r.number = pr.Number
		if r.number == 0 {
			r.number = ev.Number
		}
		// Not GITHUB_SHA: for pull requests it is the test merge commit,
		// on which comments cannot be anchored.
		r.headSHA, r.baseSHA = pr.Head.SHA, pr.Base.SHA
		r.mode = ModeReview
		headRepo, baseRepo := "", full
		if pr.Head.Repo != nil {
			headRepo = pr.Head.Repo.FullName
		}
		if pr.Base.Repo != nil && pr.Base.Repo.FullName != "" {
			baseRepo = pr.Base.Repo.FullName
		}
		switch {
		case r.eventName == "pull_request" && headRepo != "" && !strings.EqualFold(headRepo, baseRepo):
			r.readOnly = true
			r.note("Pull request from the fork %s: the token is read-only, so findings are published as annotations and in the job summary.", headRepo)
		case r.eventName == "pull_request" && r.getenv("GITHUB_ACTOR") == "dependabot[bot]":
			r.readOnly = true
			r.note("Dependabot pull request: the token is read-only, so findings are published as annotations and in the job summary.")
		}
	case "workflow_dispatch":
		n := r.in.PRNumber
		if n == 0 {
			n = ev.dispatchPR()
		}
		if r.client != nil {
			r.findDispatchPR(ctx, n)
		}
		if r.number == 0 {
			r.mode, r.headSHA = ModeScanOnly, r.getenv("GITHUB_SHA")
		}
	default:
		// push (a full-repository scan whose exit code is the required
		// check), schedule, merge_group...
		r.mode = ModeScanOnly
		r.headSHA = r.getenv("GITHUB_SHA")
		if r.headSHA == "" {
			r.headSHA = ev.After
		}
	}
	if r.headSHA == "" {
		return errors.New("action: no commit to review (GITHUB_SHA and the event payload are empty)")
	}
	if r.readOnly && r.mode == ModeReview {
		r.mode = ModeAnnotationsOnly
	}
	return nil
}

// findDispatchPR resolves the pull request of a workflow_dispatch run: the
// pr-number input, else the open pull request of the dispatched branch.
func (r *runner) findDispatchPR(ctx context.Context, n int) {
	if n != 0 {
		pr, _, err := r.client.PullRequests.Get(ctx, r.owner, r.repo, n)
		if err != nil {
			r.note("Could not read pull request #%d (%s); scanning the whole repository at %s instead.", n, apiStatus(err), short(r.getenv("GITHUB_SHA")))
			return
		}
		r.usePR(pr)
		return
	}
	ref := r.getenv("GITHUB_REF")
	branch, ok := strings.CutPrefix(ref, "refs/heads/")
	if !ok {
		return
	}
	prs, _, err := r.client.PullRequests.List(ctx, r.owner, r.repo, &github.PullRequestListOptions{
		State: "open", Head: r.owner + ":" + branch, ListOptions: github.ListOptions{PerPage: 10},
	})
	if err != nil {
		r.note("Could not look up the pull request of %s (%s); scanning the whole repository.", branch, apiStatus(err))
		return
	}
	if len(prs) == 0 {
		r.infof("No open pull request for %s; scanning the whole repository.", branch)
		return
	}
	r.usePR(prs[0])
}

func (r *runner) usePR(pr *github.PullRequest) {
	r.number = pr.GetNumber()
	r.headSHA = pr.GetHead().GetSHA()
	r.baseSHA = pr.GetBase().GetSHA()
	r.mode = ModeReview
	if hr := pr.GetHead().GetRepo().GetFullName(); hr != "" && !strings.EqualFold(hr, r.owner+"/"+r.repo) {
		r.infof("Pull request #%d comes from the fork %s; its files are read through the API.", r.number, hr)
	}
}

// sources builds the scan options: the head tree (the workspace when it is
// checked out at the head, the API otherwise) and the change (the pull
// request's files).
func (r *runner) sources(ctx context.Context) (scan.Options, *sources.Change, error) {
	opts := scan.Options{
		Repo:       r.workdir,
		ConfigPath: r.configPath(),
		// Under pull_request_target the scanned tree is the pull request's
		// own content: it must not choose its own rules.
		NoTreeConfig: r.eventName == "pull_request_target",
		FailOn:       &r.in.FailOn,
		MySQLVersion: r.in.MySQLVersion,
	}
	head, herr := workspaceHead(ctx, r.workdir)
	var change *sources.Change
	if r.number != 0 {
		c, err := r.listChange(ctx)
		switch {
		case err == nil:
			change = c
		case !r.readOnly:
			return opts, nil, err
		case herr == nil && head == r.headSHA && r.baseSHA != "":
			// The API refused (403/404, rate limit): diff the checkout.
			gc, gerr := sources.GitChange(ctx, r.workspace, r.baseSHA)
			if gerr != nil {
				r.note("Could not list the pull request's files (%s) nor diff the checkout against %s; the whole repository was reviewed.", apiStatus(err), short(r.baseSHA))
				break
			}
			r.note("Could not list the pull request's files (%s); the change was taken from the checkout (git diff %s...HEAD).", apiStatus(err), short(r.baseSHA))
			change = gc
		default:
			r.note("Could not list the pull request's files (%s); the whole repository was reviewed.", apiStatus(err))
		}
	}
	switch {
	case herr == nil && head == r.headSHA:
		r.infof("Reading files from the workspace (checked out at %s).", short(head))
		opts.Tree = sources.DirTree{Root: r.workdir}
	case r.client != nil:
		t := &APITree{Client: r.client, Owner: r.owner, Repo: r.repo, SHA: r.headSHA, Prefix: r.prefix, Ctx: ctx}
		if err := t.Err(); err != nil {
			r.degrade("read the repository", err)
			if _, statErr := os.Stat(r.workdir); statErr != nil {
				return opts, nil, fmt.Errorf("action: no way to read the files at %s: %w", short(r.headSHA), err)
			}
			r.note("Could not read the files at %s through the API (%s); the workspace checkout (%s) was scanned instead.", short(r.headSHA), apiStatus(err), short(head))
			opts.Tree = sources.DirTree{Root: r.workdir}
			break
		}
		if herr == nil {
			r.infof("The workspace is at %s, not at the head %s: reading files through the API.", short(head), short(r.headSHA))
		} else {
			r.infof("No checkout at the head %s: reading files through the API.", short(r.headSHA))
		}
		if t.Truncated() {
			r.note("GitHub truncated the repository tree; files beyond the first 100,000 entries were not read.")
		}
		opts.Tree = t
	default:
		r.note("The workspace is not checked out at %s and there is no token to read it; the workspace was scanned as it is.", short(r.headSHA))
		opts.Tree = sources.DirTree{Root: r.workdir}
	}
	opts.Change = scopeChange(change, r.prefix)
	return opts, change, nil
}

// configPath resolves the config input against the workspace. The file is
// read from the workspace, not from the pull request's head, so a
// pull_request_target run uses the base branch's trusted configuration.
func (r *runner) configPath() string {
	c := r.in.Config
	if c == "" && r.eventName == "pull_request_target" {
		// The workspace holds the base branch: prefer its configuration
		// to the one the pull request may have changed.
		p := filepath.Join(r.workdir, filepath.FromSlash(config.DefaultPath))
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	if c == "" || filepath.IsAbs(c) {
		return c
	}
	return filepath.Join(r.workspace, filepath.FromSlash(c))
}

// listChange pages through the pull request's files.
func (r *runner) listChange(ctx context.Context) (*sources.Change, error) {
	if r.client == nil {
		return nil, errors.New("action: a pull request review needs github-token")
	}
	files, err := comment.ListAll(ctx, func(opt github.ListOptions) ([]*github.CommitFile, *github.Response, error) {
		return r.client.PullRequests.ListFiles(ctx, r.owner, r.repo, r.number, &opt)
	})
	if err != nil {
		r.degrade("list the pull request's files", err)
		return nil, fmt.Errorf("action: list files of pull request #%d: %w", r.number, err)
	}
	if len(files) >= comment.MaxPRFiles {
		r.warnf("Pull request #%d lists %d files, GitHub's maximum: later files are not in the change and get no comments.", r.number, len(files))
		r.notes = append(r.notes, fmt.Sprintf("GitHub lists at most %d files of a pull request; files past that were not reviewed as part of the change.", comment.MaxPRFiles))
	}
	c := &sources.Change{Base: r.baseSHA, Head: r.headSHA}
	for _, f := range files {
		fc := &sources.FileChange{Path: f.GetFilename(), OldPath: f.GetPreviousFilename(), Status: fileStatus(f.GetStatus())}
		if patch := f.GetPatch(); patch != "" {
			lines, err := diff.ParsePatch(patch)
			if err != nil {
				r.infof("Could not parse the diff of %s (%v); it gets file-level feedback only.", fc.Path, err)
			} else {
				fc.Lines = lines
			}
		}
		c.Files = append(c.Files, fc)
	}
	return c, nil
}

func fileStatus(s string) string {
	switch s {
	case "added", "copied":
		return sources.Added
	case "removed":
		return sources.Deleted
	case "renamed":
		return sources.Renamed
	}
	return sources.Modified
}

// scopeChange keeps the files under prefix, relative to it.
func scopeChange(c *sources.Change, prefix string) *sources.Change {
	if c == nil || prefix == "" {
		return c
	}
	out := &sources.Change{Base: c.Base, Head: c.Head}
	for _, f := range c.Files {
		if !strings.HasPrefix(f.Path, prefix) {
			continue
		}
		cp := *f
		cp.Path = strings.TrimPrefix(f.Path, prefix)
		cp.OldPath = strings.TrimPrefix(f.OldPath, prefix)
		out.Files = append(out.Files, &cp)
	}
	return out
}

// restorePaths makes finding paths relative to the repository root again
// and gives the result the pull request's own change for anchoring.
func (r *runner) restorePaths(res *scan.Result, change *sources.Change) {
	if r.prefix != "" {
		for i := range res.Findings {
			res.Findings[i].Path = r.prefix + res.Findings[i].Path
		}
	}
	if change != nil {
		res.Change = change
	}
}

// publish writes every report; errors degrade to the fallbacks and never
// reach the exit code.
func (r *runner) publish(ctx context.Context, res *scan.Result) {
	var unposted []analyze.Finding
	if r.mode == ModeReview && !r.readOnly && r.client != nil {
		unposted = r.publishPR(ctx, res)
	}
	extra := r.extra(res, unposted)

	checked := false
	// A check run that was started is always completed, even when a later
	// write (a comment) was refused, so it never stays in progress.
	if r.check != nil {
		r.check.Extra = extra
		if err := r.check.Publish(ctx, res); err != nil {
			if !r.degrade("update the check run", err) {
				r.note("Could not complete the check run: %s.", apiStatus(err))
			}
		} else {
			checked = true
			r.infof("Check run %q: %s.", r.in.CheckName, comment.Conclusion(res))
		}
	}
	if r.readOnly && r.mode == ModeReview {
		r.mode = ModeAnnotationsOnly
	}
	if !checked {
		wa := &comment.WorkflowAnnotations{Action: r.gha, Mode: r.in.FilterMode}
		if r.mode == ModeScanOnly {
			wa.Mode = comment.FilterNoFilter
		}
		if err := wa.Publish(ctx, res); err != nil {
			fmt.Fprintf(r.stderr, "migration-guardian: %v\n", err)
		}
	}
	extra = r.extra(res, unposted) // notes may have grown
	js := &comment.JobSummary{Path: r.getenv("GITHUB_STEP_SUMMARY"), Extra: extra}
	if err := js.Publish(ctx, res); err != nil {
		if errors.Is(err, comment.ErrNoStepSummary) {
			r.infof("GITHUB_STEP_SUMMARY is not set; the job summary was not written.")
		} else {
			r.warnf("Could not write the job summary: %v", err)
		}
	}
	r.writeReports(res)
}

// publishPR posts the review and the sticky comment, after checking that
// the pull request's head has not moved since the event.
func (r *runner) publishPR(ctx context.Context, res *scan.Result) []analyze.Finding {
	pr, _, err := r.client.PullRequests.Get(ctx, r.owner, r.repo, r.number)
	if err != nil {
		if !r.degrade("read the pull request", err) {
			r.note("Could not read pull request #%d (%s); comments were left unchanged.", r.number, apiStatus(err))
		}
		return nil
	}
	if now := pr.GetHead().GetSHA(); now != "" && now != r.headSHA {
		r.note("The head of #%d moved from %s to %s since this run started; review comments and the summary comment were left unchanged (the run for %s will update them).", r.number, short(r.headSHA), short(now), short(now))
		return nil
	}
	var unposted []analyze.Finding
	if r.in.Review {
		limit := r.in.MaxComments
		if limit == 0 {
			limit = -1 // Review: negative means no inline comments
		}
		rv := &comment.Review{Client: r.client, Repo: r.crepo(), Mode: r.in.FilterMode, MaxComments: limit, Logf: r.infof}
		err := rv.Publish(ctx, res)
		rp := rv.Report
		r.notes = append(r.notes, rp.Notes...)
		unposted = rp.Unposted
		r.infof("Review: %d inline and %d file-level comments created, %d kept, %d edited, %d deleted, %d marked resolved.",
			rp.Inline, rp.FileLevel, rp.Kept, rp.Edited, rp.Deleted, rp.Resolved)
		if err != nil {
			if !r.degrade("post review comments", err) {
				r.note("Could not finish the review: %s.", apiStatus(err))
			}
			return unposted
		}
	}
	if r.in.StickySummary {
		st := &comment.Sticky{Client: r.client, Repo: r.crepo(), Extra: r.extra(res, unposted)}
		if err := st.Publish(ctx, res); err != nil {
			if !r.degrade("write the summary comment", err) {
				r.note("Could not update the summary comment: %s.", apiStatus(err))
			}
		}
	}
	return unposted
}

// extra is the run's notes and the findings that got no comment, appended
// to the summaries.
func (r *runner) extra(res *scan.Result, unposted []analyze.Finding) string {
	var b strings.Builder
	if len(unposted) > 0 {
		fmt.Fprintf(&b, "### Findings without a review comment\n\n%d finding(s) are outside the diff, past the comment limits, or were refused by GitHub:\n\n", len(unposted))
		for _, f := range unposted {
			fmt.Fprintf(&b, "- **%s** %s `%s:%d`: %s\n", f.Severity, f.Rule, f.Path, f.Line, oneLine(f.Message))
		}
	}
	if len(r.notes) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("### About this run\n\n")
		for _, n := range r.notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	return b.String()
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// writeReports writes the report file (output report-path) and the SARIF
// file when asked.
func (r *runner) writeReports(res *scan.Result) {
	dir := r.getenv("RUNNER_TEMP")
	if dir == "" {
		dir = os.TempDir()
	}
	p := filepath.Join(dir, "migration-guardian-report.md")
	body := comment.Markdown(res)
	if extra := r.extra(res, nil); extra != "" {
		body += "\n\n" + extra
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		r.warnf("Could not write the report file: %v", err)
		p = ""
	}
	r.reportPath = p
	if r.in.SARIFFile != "" {
		sp := filepath.Join(r.workspace, filepath.FromSlash(r.in.SARIFFile))
		if err := writeSARIF(sp, res); err != nil {
			r.warnf("Could not write the SARIF file: %v", err)
		}
	}
}

// fail reports an internal error: the check run is completed as failed and
// the job summary says what happened.
func (r *runner) fail(ctx context.Context, err error) int {
	r.errorf("%v", err)
	if r.check != nil {
		if ferr := r.check.Fail(ctx, "Migration Guardian stopped with an error:\n\n```\n"+err.Error()+"\n```"); ferr != nil {
			r.infof("Could not complete the check run: %s.", apiStatus(ferr))
		}
	}
	r.failureSummary(err)
	r.setOutputs(map[string]string{"conclusion": "failure", "mode": r.mode})
	return ExitError
}

// failureSummary writes an internal error to the job summary, which is
// written on every run.
func (r *runner) failureSummary(err error) {
	p := r.getenv("GITHUB_STEP_SUMMARY")
	if p == "" {
		return
	}
	f, ferr := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if ferr != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "## Migration Guardian could not finish\n\n```\n%s\n```\n", err)
}

// finish sets the outputs and decides the exit code from fail-on.
func (r *runner) finish(res *scan.Result) int {
	counts := res.Count()
	r.setOutputs(map[string]string{
		"findings":    strconv.Itoa(len(res.Findings)),
		"critical":    strconv.Itoa(counts[analyze.Critical]),
		"high":        strconv.Itoa(counts[analyze.High]),
		"conclusion":  comment.Conclusion(res),
		"mode":        r.mode,
		"report-path": r.reportPath,
	})
	if res.Failed() {
		r.errorf("Migration Guardian: findings reach fail-on %s (%s; mode %s).", res.FailOn, comment.CheckTitle(res), r.mode)
		return ExitFailed
	}
	r.infof("Migration Guardian: %s (fail-on %s, mode %s).", comment.CheckTitle(res), res.FailOn, r.mode)
	return ExitOK
}

// setOutputs writes the step outputs, when GITHUB_OUTPUT is set
// (go-githubactions panics otherwise).
func (r *runner) setOutputs(kv map[string]string) {
	if r.getenv("GITHUB_OUTPUT") == "" {
		r.infof("GITHUB_OUTPUT is not set; outputs were not written.")
		return
	}
	for _, k := range []string{"findings", "critical", "high", "conclusion", "mode", "report-path"} {
		if v, ok := kv[k]; ok {
			r.safe(func() { r.gha.SetOutput(k, v) })
		}
	}
}
