// Package replay applies migrations in order to a simulated MySQL schema,
// keeping the state before and after each operation, and verifies each
// rollback by replaying down and then up again.
package replay

import (
	"errors"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// OpResult is one operation as replayed.
type OpResult struct {
	Op     *ir.Op
	Before *schema.Schema
	After  *schema.Schema // equals Before when Err is set
	Err    *schema.Error
	// Fresh holds the tables that are new at this point: created earlier in
	// the change (PR mode) or earlier in the same migration (whole-repository
	// mode). They are empty, so data-dependent rules skip them.
	Fresh map[string]bool
}

// IsFresh reports whether table was created by the change before this op.
func (r *OpResult) IsFresh(table string) bool { return r.Fresh[table] }

// Step is one migration as replayed.
type Step struct {
	Migration *ir.Migration
	// Judged is true for the migrations under review: every migration in
	// whole-repository mode, the added and modified ones with a base.
	Judged bool
	Before *schema.Schema
	After  *schema.Schema
	Up     []OpResult
	// Rollback verification (only for judged migrations with a down).
	Down []OpResult
	// AfterDown is the state after applying down to After.
	AfterDown *schema.Schema
	// Leftover lists the differences between Before and AfterDown.
	Leftover []schema.Difference
	// Reapply is up applied again to AfterDown.
	Reapply []OpResult
	// ReapplyDiff lists the differences between After and the second up.
	ReapplyDiff []schema.Difference
}

// Options configures a replay.
type Options struct {
	Schema schema.Options
	// Judge tells which migrations are under review; nil judges all.
	Judge func(*ir.Migration) bool
	// Change is true when a change with a base is under review: tables
	// created by any judged migration stay fresh for the rest of the
	// replay. Otherwise (whole repository) a table is fresh only within the
	// migration that created it.
	Change bool
}

// Run replays the migrations in the order given (callers sort them) and
// returns one step per migration.
func Run(migs []*ir.Migration, o Options) []*Step {
	state := &schema.Schema{}
	fresh := map[string]bool{}
	steps := make([]*Step, 0, len(migs))
	for _, m := range migs {
		judged := o.Judge == nil || o.Judge(m)
		if !o.Change {
			fresh = map[string]bool{}
		}
		st := &Step{Migration: m, Judged: judged, Before: state}
		up := opsFor(m, ir.Up, state)
		st.Up, state, fresh = apply(up, state, fresh, judged, o.Schema)
		st.After = state
		if judged && m.HasDown {
			verifyRollback(st, up, o.Schema)
		}
		steps = append(steps, st)
	}
	return steps
}

func opsFor(m *ir.Migration, dir ir.Direction, state *schema.Schema) []ir.Op {
	if m.Dynamic != nil {
		return m.Dynamic(dir, state)
	}
	return m.Ops(dir)
}

// verifyRollback applies down to the state after up, compares with the
// state before up, then applies up again and compares with the first up.
func verifyRollback(st *Step, firstUp []ir.Op, so schema.Options) {
	down := opsFor(st.Migration, ir.Down, st.After)
	var state *schema.Schema
	st.Down, state, _ = apply(down, st.After, nil, false, so)
	st.AfterDown = state
	st.Leftover = schema.Compare(st.Before, state)
	up := firstUp
	if len(st.Leftover) > 0 {
		// Only a different starting state can change what a migration
		// that reads the database does the second time.
		up = opsFor(st.Migration, ir.Up, state)
	}
	st.Reapply, state, _ = apply(up, state, nil, false, so)
	st.ReapplyDiff = schema.Compare(st.After, state)
}

// apply replays ops from state. A failing op leaves the state unchanged and
// the replay goes on, so later statements are still checked against the
// best available schema.
func apply(ops []ir.Op, state *schema.Schema, fresh map[string]bool, track bool, so schema.Options) ([]OpResult, *schema.Schema, map[string]bool) {
	out := make([]OpResult, 0, len(ops))
	for i := range ops {
		op := &ops[i]
		r := OpResult{Op: op, Before: state, After: state, Fresh: fresh}
		if op.Change != nil {
			next, err := schema.Apply(state, op.Change, so)
			if err != nil {
				var se *schema.Error
				if !errors.As(err, &se) {
					se = &schema.Error{Code: 0, Name: "SIMULATOR", SQLState: "HY000", Message: err.Error()}
				}
				r.Err = se
			} else {
				r.After = next
				if fresh != nil {
					fresh = updateFresh(fresh, op.Change, state, track)
				}
				state = next
			}
		}
		out = append(out, r)
	}
	return out, state, fresh
}

// updateFresh returns the fresh-table set after a successful change. The
// set is copied before it changes, since earlier OpResults share it.
func updateFresh(fresh map[string]bool, c schema.Change, before *schema.Schema, track bool) map[string]bool {
	var add, del []string
	switch c := c.(type) {
	case *schema.CreateTable:
		if track && before.Table(c.Table.Name) == nil {
			add = append(add, c.Table.Name)
		}
	case *schema.DropTable:
		del = append(del, c.Names...)
	case *schema.RenameTable:
		for _, p := range c.Pairs {
			del = append(del, p.From)
			if fresh[p.From] {
				add = append(add, p.To)
			}
		}
	case *schema.AlterTable:
		for _, s := range c.Specs {
			if rt, ok := s.(*schema.RenameTo); ok {
				del = append(del, c.Table)
				if fresh[c.Table] {
					add = append(add, rt.Name)
				}
			}
		}
	}
	if len(add) == 0 && len(del) == 0 {
		return fresh
	}
	next := make(map[string]bool, len(fresh)+len(add))
	for k, v := range fresh {
		next[k] = v
	}
	for _, d := range del {
		delete(next, d)
	}
	for _, a := range add {
		next[a] = true
	}
	return next
}
