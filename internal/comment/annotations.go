package comment

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/sethvargo/go-githubactions"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
)

// WorkflowAnnotations writes findings as workflow commands (::error,
// ::warning, ::notice) on the job's log: the fallback when the token cannot
// write reviews or check runs. The runner shows MaxWorkflowAnnotations per
// level, so the most severe ten of each level are written, then one notice
// that counts the rest.
type WorkflowAnnotations struct {
	Action *githubactions.Action
	// Mode decides whether findings outside the change are annotated (see
	// Annotations).
	Mode FilterMode
}

var _ Backend = (*WorkflowAnnotations)(nil)

// Publish implements Backend.
func (w *WorkflowAnnotations) Publish(_ context.Context, r *scan.Result) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("comment: write workflow annotations: %v", p)
		}
	}()
	var fs []analyze.Finding
	for _, f := range r.Findings {
		if r.Change != nil && w.Mode != FilterNoFilter && r.Change.File(f.Path) == nil {
			continue
		}
		fs = append(fs, f)
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
	byLevel := map[string][]analyze.Finding{}
	for _, f := range fs {
		l := f.Severity.AnnotationLevel()
		byLevel[l] = append(byLevel[l], f)
	}
	shown := map[string]int{}
	omitted := 0
	for _, l := range []string{"failure", "warning"} {
		shown[l] = min(len(byLevel[l]), MaxWorkflowAnnotations)
		omitted += len(byLevel[l]) - shown[l]
	}
	notices := len(byLevel["notice"])
	shown["notice"] = min(notices, MaxWorkflowAnnotations)
	if omitted > 0 || notices > MaxWorkflowAnnotations {
		// Leave room for the closing notice.
		shown["notice"] = min(notices, MaxWorkflowAnnotations-1)
	}
	omitted += notices - shown["notice"]
	for _, l := range []string{"failure", "warning", "notice"} {
		list := byLevel[l]
		limit := shown[l]
		for i, f := range list {
			if i >= limit {
				break
			}
			a := w.Action.WithFieldsMap(map[string]string{
				"file":    f.Path,
				"line":    strconv.Itoa(max(f.Line, 1)),
				"endLine": strconv.Itoa(max(f.EndLine, f.Line, 1)),
				"title":   f.Rule + " " + f.Name,
			})
			msg := strings.TrimSpace(f.Message)
			switch l {
			case "failure":
				a.Errorf("%s", msg)
			case "warning":
				a.Warningf("%s", msg)
			default:
				a.Noticef("%s", msg)
			}
		}
	}
	if omitted > 0 {
		w.Action.Noticef("Migration Guardian: %d more findings are not annotated (GitHub shows %d per level); the job summary lists them all.", omitted, MaxWorkflowAnnotations)
	}
	return nil
}

// ErrNoStepSummary is returned when GITHUB_STEP_SUMMARY is not set.
var ErrNoStepSummary = errors.New("comment: GITHUB_STEP_SUMMARY is not set")

// JobSummary appends the Markdown report to the job summary file
// (GITHUB_STEP_SUMMARY). It writes the file itself rather than through
// go-githubactions, which panics when the variable is unset.
type JobSummary struct {
	// Path is the value of GITHUB_STEP_SUMMARY.
	Path string
	// Extra is appended to the report (notes about the run).
	Extra string
}

var _ Backend = (*JobSummary)(nil)

// Publish implements Backend.
func (j *JobSummary) Publish(_ context.Context, r *scan.Result) error {
	if j.Path == "" {
		return ErrNoStepSummary
	}
	body := Markdown(r)
	if j.Extra != "" {
		body += "\n\n" + j.Extra
	}
	body = Truncate(body, MaxJobSummary, "the job summary")
	f, err := os.OpenFile(j.Path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("comment: job summary: %w", err)
	}
	if _, err := f.WriteString(body + "\n"); err != nil {
		f.Close()
		return fmt.Errorf("comment: job summary: %w", err)
	}
	return f.Close()
}
