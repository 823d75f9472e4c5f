package comment

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/google/go-github/v60/github"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/sources"
)

// Review publishes findings as one COMMENT review per run with inline
// comments, plus file-level comments, de-duplicated across runs by the
// hidden fingerprint marker.
type Review struct {
	Client *github.Client
	Repo   Repo
	// Mode is the filter mode (FilterAdded when empty).
	Mode FilterMode
	// MaxComments caps the inline comments of the review
	// (MaxInlineComments when zero, none when negative).
	MaxComments int
	// MaxFileComments caps new file-level comments (MaxFileComments when
	// zero).
	MaxFileComments int
	// Logf reports progress; nil discards.
	Logf func(format string, args ...any)

	// Report describes what the last Publish did.
	Report ReviewReport

	change *sources.Change
}

var _ Backend = (*Review)(nil)

// ReviewReport is what a Review published.
type ReviewReport struct {
	// Inline and FileLevel count the comments created.
	Inline, FileLevel int
	// Kept, Edited, Deleted and Resolved count the existing comments left
	// alone, rewritten, removed and marked resolved.
	Kept, Edited, Deleted, Resolved int
	// Unposted are the findings that have no comment (caps, outside the
	// diff, rejected anchors); the summary lists them.
	Unposted []analyze.Finding
	// Notes explain degradations (422 fallbacks).
	Notes []string
}

type plannedComment struct {
	f      analyze.Finding
	fp     string
	anchor Anchor
	body   string
}

func (p *Review) logf(format string, args ...any) {
	if p.Logf != nil {
		p.Logf(format, args...)
	}
}

// Publish implements Backend.
func (p *Review) Publish(ctx context.Context, r *scan.Result) error {
	p.Report = ReviewReport{}
	p.change = r.Change
	mode := p.Mode
	if mode == "" {
		mode = FilterAdded
	}
	maxInline := p.MaxComments
	switch {
	case maxInline == 0:
		maxInline = MaxInlineComments
	case maxInline < 0:
		maxInline = 0
	}
	maxFile := p.MaxFileComments
	if maxFile <= 0 {
		maxFile = MaxFileComments
	}
	o, n := p.Repo.Owner, p.Repo.Name

	existing, err := ListAll(ctx, func(opt github.ListOptions) ([]*github.PullRequestComment, *github.Response, error) {
		return p.Client.PullRequests.ListComments(ctx, o, n, p.Repo.Number, &github.PullRequestListCommentsOptions{ListOptions: opt})
	})
	if err != nil {
		return fmt.Errorf("comment: list review comments: %w", err)
	}
	own := map[string][]*github.PullRequestComment{}
	replied := map[int64]bool{}
	for _, c := range existing {
		if id := c.GetInReplyTo(); id != 0 {
			replied[id] = true
		}
		if fp, ok := ParseMarker(c.GetBody()); ok && c.GetInReplyTo() == 0 {
			own[fp] = append(own[fp], c)
		}
	}

	// Most severe first, so the caps keep what matters.
	findings := append([]analyze.Finding(nil), r.Findings...)
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Severity > findings[j].Severity })

	current := map[string]bool{}
	var inline, files []plannedComment
	for _, f := range findings {
		fp := fingerprintOf(f)
		if current[fp] {
			p.Report.Unposted = append(p.Report.Unposted, f)
			continue
		}
		current[fp] = true
		a := AnchorFor(f, r.Change, mode)
		pc := plannedComment{f: f, fp: fp, anchor: a, body: FindingBody(f, a.Suggest)}
		if olds := own[fp]; len(olds) > 0 && a.Kind != AnchorSummary {
			body := pc.body
			if !sameAnchor(olds[0], a) {
				// The comment stays where it is (no repost when lines
				// move), so a suggestion would rewrite the wrong lines.
				body = FindingBody(f, false)
			}
			if err := p.refresh(ctx, olds[0], body); err != nil {
				return err
			}
			continue
		}
		switch {
		case a.Kind == AnchorLine && len(inline) < maxInline:
			inline = append(inline, pc)
		case a.Kind != AnchorSummary && len(files) < maxFile:
			pc.anchor.Kind = AnchorFile
			pc.body = FindingBody(f, false)
			files = append(files, pc)
		default:
			p.Report.Unposted = append(p.Report.Unposted, f)
		}
	}

	rejected, err := p.postReview(ctx, inline)
	if err != nil {
		return err
	}
	for _, pc := range rejected {
		if len(files) >= maxFile {
			p.Report.Unposted = append(p.Report.Unposted, pc.f)
			continue
		}
		pc.anchor.Kind = AnchorFile
		pc.body = FindingBody(pc.f, false)
		files = append(files, pc)
	}
	for _, pc := range files {
		_, _, err := p.Client.PullRequests.CreateComment(ctx, o, n, p.Repo.Number, &github.PullRequestComment{
			Body:        github.String(pc.body),
			CommitID:    github.String(p.Repo.HeadSHA),
			Path:        github.String(pc.anchor.Path),
			SubjectType: github.String("file"),
		})
		switch {
		case err == nil:
			p.Report.FileLevel++
		case IsUnprocessable(err):
			p.Report.Unposted = append(p.Report.Unposted, pc.f)
			p.Report.Notes = append(p.Report.Notes, fmt.Sprintf("GitHub refused a file-level comment on %s; the finding is in the summary.", pc.anchor.Path))
		default:
			return fmt.Errorf("comment: create file comment: %w", err)
		}
	}
	return p.cleanup(ctx, own, current, replied)
}

// sameAnchor reports whether an existing comment sits exactly where a is.
func sameAnchor(c *github.PullRequestComment, a Anchor) bool {
	if a.Kind != AnchorLine || c.GetSubjectType() == "file" {
		return false
	}
	return c.GetPath() == a.Path && c.GetLine() == a.Line && c.GetStartLine() == a.StartLine
}

// refresh edits an existing comment when its text changed.
func (p *Review) refresh(ctx context.Context, c *github.PullRequestComment, body string) error {
	if strings.TrimSpace(c.GetBody()) == strings.TrimSpace(body) {
		p.Report.Kept++
		return nil
	}
	_, _, err := p.Client.PullRequests.EditComment(ctx, p.Repo.Owner, p.Repo.Name, c.GetID(), &github.PullRequestComment{Body: github.String(body)})
	if err != nil {
		return fmt.Errorf("comment: edit review comment: %w", err)
	}
	p.Report.Edited++
	return nil
}

// postReview creates the run's single COMMENT review. On a 422 it retries
// once with only the comments on "+" lines; it returns the comments that
// GitHub would not take, for file-level posting.
func (p *Review) postReview(ctx context.Context, inline []plannedComment) ([]plannedComment, error) {
	if len(inline) == 0 {
		return nil, nil
	}
	err := p.createReview(ctx, inline)
	if err == nil {
		p.Report.Inline += len(inline)
		return nil, nil
	}
	if !IsUnprocessable(err) {
		return nil, fmt.Errorf("comment: create review: %w", err)
	}
	p.logf("GitHub rejected the review (422); retrying with comments on added lines only")
	var added, rest []plannedComment
	for _, pc := range inline {
		if p.onAddedLines(pc.anchor) {
			added = append(added, pc)
		} else {
			rest = append(rest, pc)
		}
	}
	if len(added) > 0 {
		err = p.createReview(ctx, added)
		if err == nil {
			p.Report.Inline += len(added)
			p.Report.Notes = append(p.Report.Notes, fmt.Sprintf("GitHub rejected %d inline comments outside added lines; they became file-level comments or summary entries.", len(rest)))
			return rest, nil
		}
		if !IsUnprocessable(err) {
			return nil, fmt.Errorf("comment: create review: %w", err)
		}
	}
	p.Report.Notes = append(p.Report.Notes, "GitHub rejected the inline review; its findings became file-level comments or summary entries.")
	return inline, nil
}

func (p *Review) onAddedLines(a Anchor) bool {
	if p.change == nil {
		return false
	}
	fc := p.change.File(a.Path)
	if fc == nil || fc.Lines == nil || !fc.Lines.IsAdded(a.Line) {
		return false
	}
	return a.StartLine == 0 || fc.Lines.IsAdded(a.StartLine)
}

func (p *Review) createReview(ctx context.Context, inline []plannedComment) error {
	comments := make([]*github.DraftReviewComment, 0, len(inline))
	for _, pc := range inline {
		dc := &github.DraftReviewComment{
			Path: github.String(pc.anchor.Path),
			Body: github.String(pc.body),
			Side: github.String("RIGHT"),
			Line: github.Int(pc.anchor.Line),
		}
		if pc.anchor.StartLine > 0 && pc.anchor.StartLine < pc.anchor.Line {
			dc.StartLine = github.Int(pc.anchor.StartLine)
			dc.StartSide = github.String("RIGHT")
		}
		comments = append(comments, dc)
	}
	body := fmt.Sprintf("Migration Guardian left %d comment(s) on %s. The check run and the summary comment list every finding.\n\n%s",
		len(inline), shortSHA(p.Repo.HeadSHA), ReviewMarker)
	_, _, err := p.Client.PullRequests.CreateReview(ctx, p.Repo.Owner, p.Repo.Name, p.Repo.Number, &github.PullRequestReviewRequest{
		CommitID: github.String(p.Repo.HeadSHA),
		Body:     github.String(body),
		Event:    github.String("COMMENT"),
		Comments: comments,
	})
	return err
}

// cleanup deletes the action's outdated comments, or marks them resolved
// when someone replied, and removes duplicates of a fingerprint.
func (p *Review) cleanup(ctx context.Context, own map[string][]*github.PullRequestComment, current map[string]bool, replied map[int64]bool) error {
	fps := make([]string, 0, len(own))
	for fp := range own {
		fps = append(fps, fp)
	}
	sort.Strings(fps)
	for _, fp := range fps {
		list := own[fp]
		stale := list
		if current[fp] {
			stale = list[1:]
		}
		for _, c := range stale {
			if replied[c.GetID()] {
				if strings.Contains(c.GetBody(), resolvedMarker) {
					continue
				}
				body := fmt.Sprintf("✅ Resolved at %s: Migration Guardian no longer reports this finding.\n\n<details><summary>Original comment</summary>\n\n%s\n</details>\n\n%s",
					shortSHA(p.Repo.HeadSHA), stripMarkers(c.GetBody()), resolvedMarker+"\n"+FingerprintMarker(fp))
				if _, _, err := p.Client.PullRequests.EditComment(ctx, p.Repo.Owner, p.Repo.Name, c.GetID(), &github.PullRequestComment{Body: github.String(body)}); err != nil {
					return fmt.Errorf("comment: mark comment resolved: %w", err)
				}
				p.Report.Resolved++
				continue
			}
			if _, err := p.Client.PullRequests.DeleteComment(ctx, p.Repo.Owner, p.Repo.Name, c.GetID()); err != nil {
				return fmt.Errorf("comment: delete outdated comment: %w", err)
			}
			p.Report.Deleted++
		}
	}
	return nil
}

func stripMarkers(body string) string {
	body = markerRE.ReplaceAllString(body, "")
	body = strings.ReplaceAll(body, resolvedMarker, "")
	return strings.TrimSpace(body)
}

func shortSHA(s string) string {
	if len(s) > 7 {
		return s[:7]
	}
	return s
}
