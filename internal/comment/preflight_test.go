package comment

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/schema"
)

// TestPreflightGolden renders the pre-flight plan of the sample repository
// (whole repository and the demo pull request) and of a repository whose
// second migration adds keys to tables that hold data; go test -update
// rewrites the golden files.
func TestPreflightGolden(t *testing.T) {
	never := analyze.Never
	tests := []struct {
		name   string
		golden string
		opts   func(t *testing.T) scan.Options
		want   []string
	}{
		{
			name:   "sample repository",
			golden: "preflight.golden",
			opts:   func(t *testing.T) scan.Options { return scan.Options{Repo: "../../testdata/sample"} },
			want: []string{
				"mysqldump --single-transaction <database> orders users products coupons > backup-",
				"`orders.currency` is added NOT NULL without a default",
				"ALTER TABLE `products` ADD COLUMN `status` enum('draft','active','archived') NOT NULL DEFAULT 'draft' AFTER `price_cents`;",
				"This migration has no down",
			},
		},
		{
			name:   "sample pull request",
			golden: "preflight_change.golden",
			opts:   func(t *testing.T) scan.Options { return scan.Options{Repo: demoRepo(t), Base: "HEAD~1"} },
			want: []string{
				"mysqldump --single-transaction <database> coupons products > backup-",
				"`wishlists` (new)",
				"ALTER TABLE `coupons` MODIFY COLUMN `code` varchar(32) NOT NULL;",
				"The down is empty",
			},
		},
		{
			name:   "keys on existing tables",
			golden: "preflight_keys.golden",
			opts:   func(t *testing.T) scan.Options { return scan.Options{Repo: "testdata/preflight"} },
			want: []string{
				"LEFT JOIN `teams` p ON p.`id` = c.`team_id` WHERE c.`team_id` IS NOT NULL AND p.`id` IS NULL;",
				"FROM `members` WHERE `email` IS NOT NULL GROUP BY `email` HAVING COUNT(*) > 1",
				"SELECT COUNT(*) AS null_rows FROM `members` WHERE `nickname` IS NULL;",
				"GROUP BY LEFT(`name`, 20)",
				"`members.project_id` is added by this change and existing rows hold NULL",
				"DROP TABLE `projects`;",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts(t)
			opts.FailOn = &never
			res, err := scan.Run(context.Background(), opts)
			if err != nil {
				t.Fatalf("scan: %v", err)
			}
			got := Preflight(res)
			checkGolden(t, tt.golden, got)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("pre-flight plan lacks %q", w)
				}
			}
			if !strings.Contains(Markdown(res), "### 🧰 Pre-flight plan") {
				t.Error("the Markdown summary lacks the pre-flight section")
			}
		})
	}
}

func TestPreflightEmptyWithoutJudgedMigrations(t *testing.T) {
	if got := Preflight(&scan.Result{}); got != "" {
		t.Errorf("Preflight of an empty result = %q, want empty", got)
	}
}

func TestPreflightLimitsRollbacks(t *testing.T) {
	res := &scan.Result{}
	for i := range maxRollbacks + 2 {
		res.Steps = append(res.Steps, &replay.Step{
			Migration: &ir.Migration{Path: fmt.Sprintf("migrations/%03d.sql", i)},
			Judged:    true,
			Before:    &schema.Schema{},
			After:     &schema.Schema{},
		})
	}
	got := Preflight(res)
	tests := []struct {
		name string
		want string
		in   bool
	}{
		{"newest shown", "Roll back `migrations/011.sql`", true},
		{"oldest left out", "Roll back `migrations/001.sql`", false},
		{"says what was left out", "2 older migration(s) under review are not shown", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(got, tt.want) != tt.in {
				t.Errorf("contains %q = %v, want %v", tt.want, !tt.in, tt.in)
			}
		})
	}
}
