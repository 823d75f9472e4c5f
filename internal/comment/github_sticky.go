package comment

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"

	"github.com/migration-guardian/guardian/internal/scan"
)

// Sticky keeps one summary comment on the pull request up to date. The
// comment is found by SummaryMarker, never by the bot's login (a GHES app or
// a personal token posts under other names), across all pages of comments.
// It is edited in place; duplicates are deleted. A clean run turns it into
// "no issues"; a clean run with no earlier comment creates nothing.
type Sticky struct {
	Client *github.Client
	Repo   Repo
	// Extra is appended to the report (notes about the run).
	Extra string
	// Action says what the last Publish did: "created", "updated",
	// "unchanged" or "none".
	Action string
}

var _ Backend = (*Sticky)(nil)

// Publish implements Backend.
func (s *Sticky) Publish(ctx context.Context, r *scan.Result) error {
	o, n := s.Repo.Owner, s.Repo.Name
	all, err := ListAll(ctx, func(opt github.ListOptions) ([]*github.IssueComment, *github.Response, error) {
		return s.Client.Issues.ListComments(ctx, o, n, s.Repo.Number, &github.IssueListCommentsOptions{ListOptions: opt})
	})
	if err != nil {
		return fmt.Errorf("comment: list issue comments: %w", err)
	}
	var mine []*github.IssueComment
	for _, c := range all {
		if strings.Contains(c.GetBody(), SummaryMarker) {
			mine = append(mine, c)
		}
	}
	body := StickyBody(r, s.Extra, s.Repo.HeadSHA)
	s.Action = "none"
	switch {
	case len(mine) == 0 && len(r.Findings) == 0:
		return nil
	case len(mine) == 0:
		if _, _, err := s.Client.Issues.CreateComment(ctx, o, n, s.Repo.Number, &github.IssueComment{Body: github.String(body)}); err != nil {
			return fmt.Errorf("comment: create summary comment: %w", err)
		}
		s.Action = "created"
	case strings.TrimSpace(mine[0].GetBody()) == strings.TrimSpace(body):
		s.Action = "unchanged"
	default:
		if _, _, err := s.Client.Issues.EditComment(ctx, o, n, mine[0].GetID(), &github.IssueComment{Body: github.String(body)}); err != nil {
			return fmt.Errorf("comment: edit summary comment: %w", err)
		}
		s.Action = "updated"
	}
	for _, c := range mine[min(1, len(mine)):] {
		if _, err := s.Client.Issues.DeleteComment(ctx, o, n, c.GetID()); err != nil {
			return fmt.Errorf("comment: delete duplicate summary comment: %w", err)
		}
	}
	return nil
}

// StickyBody renders the summary comment: the full Markdown report when it
// fits under MaxCommentBody, otherwise a condensed list that points to the
// check run and the job summary.
func StickyBody(r *scan.Result, extra, sha string) string {
	var head string
	if len(r.Findings) == 0 {
		head = fmt.Sprintf("## ✅ Migration Guardian: no issues\n\nNo migration findings at %s.\n", shortSHA(sha))
	} else {
		head = Markdown(r)
	}
	if extra != "" {
		head += "\n\n" + extra
	}
	full := head
	if !strings.Contains(full, SummaryMarker) {
		full += "\n\n" + SummaryMarker
	}
	if len(full) < MaxCommentBody {
		return full
	}
	return condensed(r, sha)
}

// condensed is the fallback summary: counts and one line per finding, cut
// to fit.
func condensed(r *scan.Result, sha string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Migration Guardian: %s\n\nThe full report is too long for a comment; it is in the check run and the job summary. Findings at %s:\n\n", CheckTitle(r), shortSHA(sha))
	tail := "\n\n" + SummaryMarker
	for i, f := range r.Findings {
		line := fmt.Sprintf("- **%s** %s `%s:%d` %s\n", f.Severity, f.Rule, f.Path, f.Line, firstSentence(f.Message))
		more := fmt.Sprintf("\n… and %d more findings.", len(r.Findings)-i)
		if b.Len()+len(line)+len(more)+len(tail) >= MaxCommentBody {
			b.WriteString(more)
			break
		}
		b.WriteString(line)
	}
	b.WriteString(tail)
	return b.String()
}

func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\n"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 300 {
		s = cutRunes(s, 300) + "…"
	}
	return s
}
