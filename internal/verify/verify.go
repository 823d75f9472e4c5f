package verify

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/sources"
)

// RollbackLimit is the longest a down step may take before it is reported:
// a rollback is the emergency exit of a deployment and must finish within
// minutes even on an empty database, where it is fastest.
const RollbackLimit = 5 * time.Minute

// DatabasePrefix starts the name of every scratch database Run creates.
const DatabasePrefix = "guardian_verify_"

// Options configures Run.
type Options struct {
	// DSN names the server and credentials (go-sql-driver/mysql format,
	// user:password@tcp(host:3306)/). A database name in it is ignored.
	DSN string
	// Repo is the repository root (default "."); Base, when set, limits
	// the round trip to the migrations `git diff Base...HEAD` adds or
	// modifies (the others only run up).
	Repo string
	Base string
	// ConfigPath is an explicit config file, as for scan.
	ConfigPath string
	// Tree and Change, when set, replace reading Repo and running git, as
	// in scan.Options (the action passes the files it read through the
	// GitHub API and the pull request's change).
	Tree   sources.Tree
	Change *sources.Change
	// Rewrite, when set, adapts each statement before it is sent (tests
	// map MySQL 8-only collations for MariaDB). The report shows the
	// statement as written.
	Rewrite func(string) string
	// Database, when set, replaces the random scratch database name. The
	// database must not exist; Run creates and drops it.
	Database string
	// KeepDatabase leaves the scratch database in place for inspection.
	KeepDatabase bool
	// UpOnly applies every migration's up once, without round trips: it
	// checks that the migrations apply on the server and builds the
	// schema they describe.
	UpOnly bool
}

// UsageError is a problem with the request or the connection (bad DSN,
// unreachable server, scratch database not creatable): exit status 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Step names of a MigrationReport.
const (
	StepUp      = "up"
	StepDown    = "down"
	StepUpAgain = "up again"
)

// Report is the result of Run.
type Report struct {
	Server   string // SELECT VERSION()
	Database string // the scratch database
	// Migrations lists the migrations run, in order, up to and including
	// the first one that failed.
	Migrations []*MigrationReport
	// NotRun counts the migrations left out after a failure.
	NotRun int
	// Final is the scratch database's schema when Run stopped, read before
	// the database was dropped.
	Final *schema.Schema
}

// MigrationReport is one migration on the server.
type MigrationReport struct {
	Path string
	// RoundTrip is true when up, down and up again ran (or were meant to).
	RoundTrip bool
	// NoDown is true for a migration under review that has no down half.
	NoDown bool
	Steps  []StepReport
	// Leftover lists the differences between the schema before up and the
	// schema after down; Rerun those between the first and the second up.
	Leftover []schema.Difference
	Rerun    []schema.Difference
	// Skipped lists the operations that could not be sent to the server
	// (not interpreted, or data changes whose values were not recorded).
	Skipped []string
}

// StepReport is one direction of one migration.
type StepReport struct {
	Name       string // StepUp, StepDown or StepUpAgain
	Statements int    // statements sent
	Duration   time.Duration
	Failure    *Failure
}

// Failure is a statement the server refused.
type Failure struct {
	Path      string
	Line      int
	Statement string
	// Code is the server's error number (0 when the error did not come
	// from the server, e.g. a lost connection) and SQLState its state.
	Code     uint16
	SQLState string
	Message  string
}

// String renders the failure as path:line: ERROR code (state): message.
func (f *Failure) String() string {
	if f.Code != 0 {
		return fmt.Sprintf("%s:%d: ERROR %d (%s): %s", f.Path, f.Line, f.Code, f.SQLState, f.Message)
	}
	return fmt.Sprintf("%s:%d: %s", f.Path, f.Line, f.Message)
}

// Failed reports whether the migration has a problem: a refused statement,
// a rollback that does not restore the schema, an up that does not re-run
// to the same schema, or a down slower than RollbackLimit.
func (m *MigrationReport) Failed() bool {
	return m.Failure() != nil || len(m.Leftover) > 0 || len(m.Rerun) > 0 || m.SlowRollback()
}

// Failure returns the first refused statement, or nil.
func (m *MigrationReport) Failure() *Failure {
	for _, s := range m.Steps {
		if s.Failure != nil {
			return s.Failure
		}
	}
	return nil
}

// SlowRollback reports whether the down step took longer than RollbackLimit.
func (m *MigrationReport) SlowRollback() bool {
	for _, s := range m.Steps {
		if s.Name == StepDown && s.Duration > RollbackLimit {
			return true
		}
	}
	return false
}

// Failed reports whether any migration has a problem.
func (r *Report) Failed() bool {
	for _, m := range r.Migrations {
		if m.Failed() {
			return true
		}
	}
	return false
}

// Run replays the repository's migrations on the server (see the package
// documentation). Errors before the first statement (scan, connection,
// scratch database) are returned, as *UsageError when the caller can fix
// them; what the migrations do wrong is in the Report.
func Run(ctx context.Context, o Options) (*Report, error) {
	cfg, err := mysql.ParseDSN(o.DSN)
	if err != nil {
		return nil, &UsageError{fmt.Errorf("verify: --dsn: %w", err)}
	}
	never := analyze.Never
	res, err := scan.Run(ctx, scan.Options{Repo: o.Repo, Base: o.Base, ConfigPath: o.ConfigPath, FailOn: &never, Tree: o.Tree, Change: o.Change})
	if err != nil {
		var ue *scan.UsageError
		if errors.As(err, &ue) {
			return nil, &UsageError{err}
		}
		return nil, fmt.Errorf("verify: %w", err)
	}

	name := o.Database
	if name == "" {
		name, err = randomName()
		if err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
	}
	cfg.DBName = ""
	cfg.MultiStatements = false
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		return nil, &UsageError{fmt.Errorf("verify: %w", err)}
	}
	defer admin.Close()
	rep := &Report{Database: name}
	if err := admin.QueryRowContext(ctx, "SELECT VERSION()").Scan(&rep.Server); err != nil {
		return nil, &UsageError{fmt.Errorf("verify: connect to %s: %w", cfg.Addr, err)}
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+schema.QuoteIdent(name)+" DEFAULT CHARACTER SET utf8mb4"); err != nil {
		return nil, &UsageError{fmt.Errorf("verify: create scratch database %s: %w", name, err)}
	}
	if !o.KeepDatabase {
		defer func() {
			// The caller's context may be cancelled: the drop gets its own.
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
			defer cancel()
			_, _ = admin.ExecContext(dctx, "DROP DATABASE IF EXISTS "+schema.QuoteIdent(name))
		}()
	}

	cfg.DBName = name
	db, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		return nil, &UsageError{fmt.Errorf("verify: %w", err)}
	}
	defer db.Close()
	// One session for everything: SET statements of a migration (e.g.
	// foreign_key_checks) must apply to the statements that follow.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)

	r := &runner{db: db, name: name, rewrite: o.Rewrite, upOnly: o.UpOnly}
	for i, st := range res.Steps {
		mr, ok := r.migration(ctx, st)
		rep.Migrations = append(rep.Migrations, mr)
		if !ok {
			rep.NotRun = len(res.Steps) - i - 1
			break
		}
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("verify: %w", ctx.Err())
	}
	final, err := Snapshot(ctx, db, name)
	if err != nil {
		return nil, err
	}
	rep.Final = final
	return rep, nil
}

// randomName returns a fresh scratch database name.
func randomName() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return DatabasePrefix + hex.EncodeToString(b), nil
}

type runner struct {
	db      *sql.DB
	name    string
	rewrite func(string) string
	upOnly  bool
}

// migration runs one migration: up only when it is not under review, has
// no down or the run is UpOnly; up, down, up again otherwise. It returns false when the server
// state is no longer known (a statement failed), so the run must stop.
func (r *runner) migration(ctx context.Context, st *replay.Step) (*MigrationReport, bool) {
	m := st.Migration
	mr := &MigrationReport{Path: m.Path}
	if !st.Judged || r.upOnly {
		return mr, r.step(ctx, mr, StepUp, m, st.Up)
	}
	if !m.HasDown {
		mr.NoDown = true
		return mr, r.step(ctx, mr, StepUp, m, st.Up)
	}
	mr.RoundTrip = true
	before, err := r.snapshot(ctx)
	if err != nil {
		return r.lost(mr, err), false
	}
	if !r.step(ctx, mr, StepUp, m, st.Up) {
		return mr, false
	}
	afterUp, err := r.snapshot(ctx)
	if err != nil {
		return r.lost(mr, err), false
	}
	if !r.step(ctx, mr, StepDown, m, st.Down) {
		return mr, false
	}
	afterDown, err := r.snapshot(ctx)
	if err != nil {
		return r.lost(mr, err), false
	}
	mr.Leftover = schema.Compare(before, afterDown)
	if !r.step(ctx, mr, StepUpAgain, m, st.Reapply) {
		return mr, false
	}
	again, err := r.snapshot(ctx)
	if err != nil {
		return r.lost(mr, err), false
	}
	mr.Rerun = schema.Compare(afterUp, again)
	return mr, true
}

// snapshot reads the scratch database, once more on a fresh connection if
// the first one broke (a loaded server sometimes drops an idle session).
func (r *runner) snapshot(ctx context.Context) (*schema.Schema, error) {
	s, err := Snapshot(ctx, r.db, r.name)
	if errors.Is(err, mysql.ErrInvalidConn) || errors.Is(err, driver.ErrBadConn) {
		s, err = Snapshot(ctx, r.db, r.name)
	}
	return s, err
}

// lost records a failure that is not a statement's (a snapshot query).
func (r *runner) lost(mr *MigrationReport, err error) *MigrationReport {
	mr.Steps = append(mr.Steps, StepReport{Name: "snapshot", Failure: &Failure{Path: mr.Path, Message: "reading information_schema: " + err.Error()}})
	return mr
}

// step sends the statements of one direction and records its time. It
// stops at the first refused statement and returns false.
func (r *runner) step(ctx context.Context, mr *MigrationReport, name string, m *ir.Migration, ops []replay.OpResult) bool {
	sr := StepReport{Name: name}
	start := time.Now()
	defer func() {
		sr.Duration = time.Since(start)
		mr.Steps = append(mr.Steps, sr)
	}()
	for _, res := range ops {
		op := res.Op
		stmt, skip := Statement(m, op)
		if skip != "" {
			if name == StepUp || name == StepDown {
				mr.Skipped = append(mr.Skipped, fmt.Sprintf("%s:%d: %s", op.Span.Path, op.Span.Line, skip))
			}
			continue
		}
		sent := stmt
		if r.rewrite != nil {
			sent = r.rewrite(stmt)
		}
		sr.Statements++
		if _, err := r.db.ExecContext(ctx, sent); err != nil {
			f := &Failure{Path: op.Span.Path, Line: op.Span.Line, Statement: stmt, Message: err.Error()}
			var me *mysql.MySQLError
			if errors.As(err, &me) {
				f.Code, f.Message = me.Number, me.Message
				f.SQLState = string(me.SQLState[:])
			}
			if f.Path == "" {
				f.Path = m.Path
			}
			sr.Failure = f
			return false
		}
	}
	return true
}

// Statement returns the SQL to send for op, or why it cannot be sent. SQL
// migrations and sequelize.query send their text; other Sequelize calls
// send the DDL the IR renders in MySQL's dialect. Calls the loader did not
// interpret, and data changes whose values were not recorded, are skipped.
func Statement(m *ir.Migration, op *ir.Op) (stmt, skip string) {
	if o, ok := op.Change.(*schema.Other); ok && o.Kind == "EMPTY" {
		return "", "empty statement"
	}
	if m.Kind == "sql" || op.Origin == "sql" || op.Origin == "sequelize.query" {
		text := strings.TrimSpace(op.Text)
		switch {
		case text == "":
			return "", "empty statement"
		case m.Kind != "sql" && op.Change == nil && (strings.HasPrefix(text, "queryInterface.") || strings.HasPrefix(text, "sequelize.")):
			// The SQL itself was not a string the loader could read.
			return "", "not interpreted (" + op.NotAnalyzed + ")"
		}
		return op.Text, ""
	}
	if op.Change == nil {
		return "", "not interpreted (" + op.NotAnalyzed + ")"
	}
	if _, ok := op.Change.(*schema.Other); ok {
		return "", "no statement (" + oneLine(op.Text) + ")"
	}
	s := schema.RenderChange(op.Change)
	if strings.HasPrefix(s, "--") {
		return "", "values not recorded (" + strings.TrimSpace(strings.TrimPrefix(s, "--")) + ")"
	}
	return s, ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
