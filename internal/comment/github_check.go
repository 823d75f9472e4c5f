package comment

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
)

// DefaultCheckName is the check run's name. It differs from any job name on
// purpose: a required status check must name the job, whose exit code
// follows fail-on, and a check run of the same name would shadow it.
const DefaultCheckName = "Migration Guardian / review"

// CheckRun publishes the result as a check run on the head commit:
// annotations in batches of MaxAnnotationsPerRequest, then the conclusion
// and the Markdown summary.
type CheckRun struct {
	Client *github.Client
	Repo   Repo
	// Name is the check run's name (DefaultCheckName when empty); it is set
	// on every update, as GitHub otherwise keeps the name but some GHES
	// versions reset it.
	Name string
	// Mode decides which findings are annotated: findings outside the
	// change only with FilterNoFilter or without a change.
	Mode FilterMode
	// Extra is appended to the summary (e.g. notes about the run).
	Extra string
	// ID is the check run, set by Start.
	ID int64
	// Now is replaceable in tests.
	Now func() time.Time
}

var _ Backend = (*CheckRun)(nil)

func (c *CheckRun) name() string {
	if c.Name == "" {
		return DefaultCheckName
	}
	return c.Name
}

func (c *CheckRun) now() github.Timestamp {
	if c.Now != nil {
		return github.Timestamp{Time: c.Now()}
	}
	return github.Timestamp{Time: time.Now()}
}

// Start creates the check run in_progress on the head commit.
func (c *CheckRun) Start(ctx context.Context) error {
	run, _, err := c.Client.Checks.CreateCheckRun(ctx, c.Repo.Owner, c.Repo.Name, github.CreateCheckRunOptions{
		Name:      c.name(),
		HeadSHA:   c.Repo.HeadSHA,
		Status:    github.String("in_progress"),
		StartedAt: ptr(c.now()),
		Output: &github.CheckRunOutput{
			Title:   github.String("Reviewing migrations"),
			Summary: github.String("Migration Guardian is replaying the migrations of this change."),
		},
	})
	if err != nil {
		return fmt.Errorf("comment: create check run: %w", err)
	}
	c.ID = run.GetID()
	return nil
}

// Publish implements Backend. It calls Start first when it was not called.
func (c *CheckRun) Publish(ctx context.Context, r *scan.Result) error {
	if c.ID == 0 {
		if err := c.Start(ctx); err != nil {
			return err
		}
	}
	title := CheckTitle(r)
	anns := Annotations(r, c.Mode)
	for i := 0; i < len(anns); i += MaxAnnotationsPerRequest {
		end := min(i+MaxAnnotationsPerRequest, len(anns))
		_, _, err := c.Client.Checks.UpdateCheckRun(ctx, c.Repo.Owner, c.Repo.Name, c.ID, github.UpdateCheckRunOptions{
			Name: c.name(),
			Output: &github.CheckRunOutput{
				Title:       github.String(title),
				Summary:     github.String(fmt.Sprintf("Adding annotations %d–%d of %d.", i+1, end, len(anns))),
				Annotations: anns[i:end],
			},
		})
		if err != nil {
			return fmt.Errorf("comment: add check-run annotations: %w", err)
		}
	}
	summary := Markdown(r)
	if c.Extra != "" {
		summary += "\n\n" + c.Extra
	}
	_, _, err := c.Client.Checks.UpdateCheckRun(ctx, c.Repo.Owner, c.Repo.Name, c.ID, github.UpdateCheckRunOptions{
		Name:        c.name(),
		Status:      github.String("completed"),
		Conclusion:  github.String(Conclusion(r)),
		CompletedAt: ptr(c.now()),
		Output: &github.CheckRunOutput{
			Title:   github.String(title),
			Summary: github.String(Truncate(summary, MaxCheckSummary, "the check-run summary")),
		},
	})
	if err != nil {
		return fmt.Errorf("comment: complete check run: %w", err)
	}
	return nil
}

// Fail completes a started check run after an internal error, so it does
// not stay in progress forever.
func (c *CheckRun) Fail(ctx context.Context, cause string) error {
	if c.ID == 0 {
		return nil
	}
	_, _, err := c.Client.Checks.UpdateCheckRun(ctx, c.Repo.Owner, c.Repo.Name, c.ID, github.UpdateCheckRunOptions{
		Name:        c.name(),
		Status:      github.String("completed"),
		Conclusion:  github.String("failure"),
		CompletedAt: ptr(c.now()),
		Output: &github.CheckRunOutput{
			Title:   github.String("Migration Guardian could not finish"),
			Summary: github.String(Truncate(cause, MaxCheckSummary, "the error")),
		},
	})
	return err
}

// Conclusion is failure when a finding reaches fail-on, neutral for lesser
// findings and success when there are none.
func Conclusion(r *scan.Result) string {
	switch {
	case r.Failed():
		return "failure"
	case len(r.Findings) > 0:
		return "neutral"
	}
	return "success"
}

// CheckTitle is a one-line count of the findings.
func CheckTitle(r *scan.Result) string {
	if len(r.Findings) == 0 {
		return "No migration issues found"
	}
	counts := r.Count()
	var parts []string
	for s := analyze.Critical; s >= analyze.Optimization; s-- {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	return fmt.Sprintf("%d migration finding(s): %s", len(r.Findings), strings.Join(parts, ", "))
}

// Annotations returns the check-run annotations for r, most severe first.
// Findings outside the change are annotated only with FilterNoFilter or in
// whole-repository mode.
func Annotations(r *scan.Result, mode FilterMode) []*github.CheckRunAnnotation {
	var fs []analyze.Finding
	for _, f := range r.Findings {
		if r.Change != nil && mode != FilterNoFilter && r.Change.File(f.Path) == nil {
			continue
		}
		fs = append(fs, f)
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
	out := make([]*github.CheckRunAnnotation, 0, len(fs))
	for _, f := range fs {
		start := max(f.Line, 1)
		end := max(f.EndLine, start)
		msg := strings.TrimSpace(f.Message)
		if a := strings.TrimSpace(f.Advice); a != "" {
			msg += "\n\n" + a
		}
		title := f.Rule + " " + f.Name
		if f.Title != "" {
			title += ": " + f.Title
		}
		out = append(out, &github.CheckRunAnnotation{
			Path:            github.String(f.Path),
			StartLine:       github.Int(start),
			EndLine:         github.Int(end),
			AnnotationLevel: github.String(f.Severity.AnnotationLevel()),
			Title:           github.String(title),
			Message:         github.String(Truncate(msg, 64*1024-1, "the message")),
		})
	}
	return out
}

func ptr[T any](v T) *T { return &v }
