// Package replay applies migrations in order to a simulated MySQL schema,
// keeping the state before and after each operation, and verifies each
// rollback by replaying down and then up again.
package replay

import (
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
