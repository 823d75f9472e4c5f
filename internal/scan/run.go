package scan

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/config"
	"github.com/migration-guardian/guardian/internal/filter"
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/load/sqlmig"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/sources"
)

// UsageError is a problem with what the caller asked for (bad flag, bad
// config, missing base): the CLI exits 2 on it.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Run scans a repository or a change and returns the findings.
func Run(ctx context.Context, o Options) (*Result, error) {
	if o.Repo == "" {
		o.Repo = "."
	}
	tree, change, err := resolveSources(ctx, o)
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(o, tree)
	if err != nil {
		return nil, &UsageError{err}
	}
	if o.FailOn != nil {
		cfg.FailOn = *o.FailOn
	}
	if o.MySQLVersion != "" {
		if err := config.CheckMySQLVersion(o.MySQLVersion); err != nil {
			return nil, &UsageError{err}
		}
		cfg.MySQLVersion = o.MySQLVersion
	}
	severity, disabled, err := ruleSettings(cfg)
	if err != nil {
		return nil, &UsageError{err}
	}
	files, err := tree.List()
	if err != nil {
		return nil, err
	}
	res := &Result{Change: change, FailOn: cfg.FailOn, Rules: analyze.All()}
	rc := readRC(tree, files, res)
	cls := newClassifier(cfg, rc)
	inv := cls.discover(files)

	l := &loaded{tree: tree, root: o.Repo}
	l.load(inv, res)
	migs := l.migrations
	sort.SliceStable(migs, func(i, j int) bool {
		if c := sqlmig.CompareVersions(migs[i].Version, migs[j].Version); c != 0 {
			return c < 0
		}
		return migs[i].Path < migs[j].Path
	})

	judge := judgeFunc(change, cfg)
	steps := replay.Run(migs, replay.Options{
		Schema: schema.Options{Version: cfg.MySQLVersion},
		Judge:  judge,
		Change: change != nil,
	})
	res.Steps, res.Models = steps, l.models
	res.Scope = scope(migs, l.models, l.problems)

	settings := analyze.Settings{
		MySQLVersion:        cfg.MySQLVersion,
		LargeTables:         cfg.LargeTables,
		LargeTableThreshold: cfg.LargeTableThreshold,
		MaxIndexes:          cfg.MaxIndexes,
		Base:                change != nil,
	}
	if change != nil {
		settings.Changed, settings.OldPaths = map[string]string{}, map[string]string{}
		for _, f := range change.Files {
			settings.Changed[f.Path] = f.Status
			if f.OldPath != "" {
				settings.OldPaths[f.Path] = f.OldPath
			}
		}
		settings.BaseMigrations = baseMigrations(migs, change, cls)
	}
	findings, ruleErrs := analyze.Run(res.Rules, analyze.Input{
		Steps:    steps,
		Models:   l.models,
		Settings: settings,
		Files:    tree.Read,
		App:      l.app,
		Severity: severity,
		Disabled: disabled,
	})
	for _, e := range ruleErrs {
		res.Notes = append(res.Notes, "internal error: "+e.Error())
	}
	findings = append(findings, problemFindings(l.problems, res.Rules)...)
	res.Findings = filter.Apply(findings, filter.Input{
		Change:   change,
		Read:     tree.Read,
		Spans:    opSpans(steps),
		Disabled: disabled,
		Severity: severity,
	})
	return res, nil
}

func resolveSources(ctx context.Context, o Options) (sources.Tree, *sources.Change, error) {
	if o.Tree != nil {
		return o.Tree, o.Change, nil
	}
	st, err := os.Stat(o.Repo)
	if err != nil || !st.IsDir() {
		return nil, nil, &UsageError{fmt.Errorf("--repo %s: not a directory", o.Repo)}
	}
	if o.Base == "" {
		return sources.DirTree{Root: o.Repo}, nil, nil
	}
	change, err := sources.GitChange(ctx, o.Repo, o.Base)
	if err != nil {
		return nil, nil, &UsageError{err}
	}
	return &sources.GitTree{Dir: o.Repo, Rev: "HEAD"}, change, nil
}

func loadConfig(o Options, tree sources.Tree) (*config.Config, error) {
	if o.ConfigPath != "" {
		return config.Load(o.ConfigPath, true)
	}
	if o.NoTreeConfig {
		return config.Default(), nil
	}
	data, err := tree.Read(config.DefaultPath)
	if err != nil {
		// No config file (or an unreadable one, which the tree reports
		// when listing): the defaults apply.
		return config.Default(), nil
	}
	return config.Parse(config.DefaultPath, data)
}

// ruleSettings resolves the config's rule keys against the registry.
func ruleSettings(cfg *config.Config) (map[string]analyze.Severity, map[string]bool, error) {
	sev, off := map[string]analyze.Severity{}, map[string]bool{}
	var errs []error
	for _, rs := range cfg.Rules {
		r := analyze.Lookup(rs.Key)
		if r == nil {
			errs = append(errs, &config.Error{Path: cfg.Path, Line: rs.Line, Msg: fmt.Sprintf("rules: unknown rule %q (use a code such as FK101 or a name such as fk-missing-on-delete)", rs.Key)})
			continue
		}
		if rs.Off {
			off[r.Code] = true
		} else {
			sev[r.Code] = rs.Severity
		}
	}
	return sev, off, errors.Join(errs...)
}

// judgeFunc decides which migrations are under review.
func judgeFunc(change *sources.Change, cfg *config.Config) func(*ir.Migration) bool {
	return func(m *ir.Migration) bool {
		if cfg.StartAfter != "" && sqlmig.CompareVersions(m.Version, cfg.StartAfter) <= 0 {
			return false
		}
		if change == nil {
			return true
		}
		for _, p := range m.Paths {
			if f := change.File(p); f != nil && f.Status != sources.Deleted {
				return true
			}
		}
		return false
	}
}

// baseMigrations lists the migration paths that exist on the base revision:
// every head migration path the change did not add, plus the old paths of
// renamed and deleted files that were migrations.
func baseMigrations(migs []*ir.Migration, change *sources.Change, cls *classifier) []string {
	var out []string
	for _, m := range migs {
		for _, p := range m.Paths {
			f := change.File(p)
			switch {
			case f == nil, f.Status == sources.Modified:
				out = append(out, p)
			case f.Status == sources.Renamed:
				out = append(out, f.OldPath)
			}
		}
	}
	for _, f := range change.Files {
		if k := cls.kind(f.Path); f.Status == sources.Deleted && (k == kindSQL || k == kindJS) {
			out = append(out, f.Path)
		}
	}
	sort.Strings(out)
	return out
}

func scope(migs []*ir.Migration, models []*ir.Model, problems []ir.Problem) Scope {
	s := Scope{Models: len(models), Migrations: len(migs), NotAnalyzed: len(problems)}
	for _, m := range migs {
		s.NotAnalyzed += len(m.Problems)
		for _, ops := range [][]ir.Op{m.Up, m.Down} {
			for _, op := range ops {
				if op.Change != nil {
					s.Operations++
				}
				if op.NotAnalyzed != "" {
					s.NotAnalyzed++
				}
			}
		}
	}
	for _, m := range models {
		s.NotAnalyzed += len(m.Problems)
	}
	return s
}

// opSpans lists every op span per file, so suppression comments can cover
// a whole statement.
func opSpans(steps []*replay.Step) map[string][]ir.Span {
	out := map[string][]ir.Span{}
	for _, st := range steps {
		for _, ops := range [][]ir.Op{st.Migration.Up, st.Migration.Down} {
			for _, op := range ops {
				if op.Span.Valid() {
					out[op.Span.Path] = append(out[op.Span.Path], op.Span)
				}
			}
		}
	}
	return out
}

// problemFindings turns loader problems outside migrations (models, app
// code, .sequelizerc) into GD101 findings; migration problems are reported
// by the GD101 rule itself.
func problemFindings(problems []ir.Problem, rules []*analyze.Rule) []analyze.Finding {
	r := analyze.Lookup("GD101")
	if r == nil {
		return nil
	}
	var out []analyze.Finding
	for _, p := range problems {
		out = append(out, analyze.Finding{
			Rule: r.Code, Name: r.Name, Severity: r.Severity, Title: r.Title,
			Path: p.Span.Path, Line: p.Span.Line, EndLine: max(p.Span.EndLine, p.Span.Line),
			Message: "Not analyzed: " + p.Message,
			Advice:  "The guardian could not read this; review it by hand or simplify it.",
			Subject: p.Message,
		})
	}
	return out
}

// absRoot returns an absolute path for esbuild's resolver.
func absRoot(repo string) string {
	if a, err := filepath.Abs(repo); err == nil {
		return a
	}
	return repo
}
