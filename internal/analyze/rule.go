package analyze

import (
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
)

// Rule is one check: a value with its identity, its doc and a run function.
// Findings leave a rule only through Pass.Report; Run returns an error only
// when the rule itself broke.
type Rule struct {
	Code     string // stable code, e.g. FK101; never reused
	Name     string // kebab-case name, e.g. fk-missing-on-delete
	Severity Severity
	Title    string // one line
	// Doc is the rule's documentation in Markdown (why it matters, bad and
	// good examples, how to suppress); loaded from docs/<CODE>.md.
	Doc string
	Run func(*Pass) error
}

// Pass is what a rule sees: the replayed migrations, the models and the
// settings, plus the reporter.
type Pass struct {
	Rule   *Rule
	Steps  []*replay.Step
	Models []*ir.Model
	// Settings carries the configuration that rules consult.
	Settings Settings
	// Files gives the text of repository files by path (for rules that read
	// source text, e.g. TypeScript Optional<> types); may be nil.
	Files func(path string) ([]byte, error)
	// App holds calls found in application code (sync, dropAllTables),
	// Origin "sequelize.sync" etc., for DS103.
	App    []ir.Op
	report func(Finding)
}

// Settings is the part of the configuration that rules read.
type Settings struct {
	MySQLVersion string
	// LargeTables maps table names to their row counts.
	LargeTables map[string]int64
	// LargeTableThreshold is the row count above which a table is large.
	LargeTableThreshold int64
	// MaxIndexes is the configurable index count above which IX107 warns.
	MaxIndexes int
	// Base is true when a change with a base revision is under review.
	Base bool
	// BaseMigrations lists the migration paths that exist on the base
	// revision (for history rules); nil in whole-repository mode.
	BaseMigrations []string
	// Changed maps each changed path to its status (added, modified,
	// renamed, deleted); OldPaths maps renamed paths to their old path.
	Changed  map[string]string
	OldPaths map[string]string
}

// Report records a finding for the current rule. Rule code, name, title and
// default severity are filled in when left empty.
func (p *Pass) Report(f Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.Code
	}
	if f.Name == "" {
		f.Name = p.Rule.Name
	}
	if f.Title == "" {
		f.Title = p.Rule.Title
	}
	if f.Severity == 0 {
		// Zero means "the rule's default"; a rule escalates by setting it.
		f.Severity = p.Rule.Severity
	}
	if f.EndLine < f.Line {
		f.EndLine = f.Line
	}
	p.report(f)
}

// ReportAt reports a finding at a span.
func (p *Pass) ReportAt(span ir.Span, subject, message, advice string) {
	p.Report(Finding{Path: span.Path, Line: span.Line, EndLine: span.EndLine, Message: message, Advice: advice, Subject: subject})
}
