package analyze

import (
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

// UpOps calls fn for each up operation of each judged migration, in replay
// order, with its state before and after.
func (p *Pass) UpOps(fn func(st *replay.Step, r *replay.OpResult)) {
	for _, st := range p.Steps {
		if !st.Judged {
			continue
		}
		for i := range st.Up {
			fn(st, &st.Up[i])
		}
	}
}

// Judged returns the judged steps.
func (p *Pass) Judged() []*replay.Step {
	var out []*replay.Step
	for _, st := range p.Steps {
		if st.Judged {
			out = append(out, st)
		}
	}
	return out
}

// Existing reports whether table existed before the change and is
// therefore assumed to hold data: it is in the state before the op and not
// fresh.
func Existing(r *replay.OpResult, table string) bool {
	return r.Before.Table(table) != nil && !r.IsFresh(table)
}

// Specs returns the clauses of an ALTER TABLE, or nil for other changes.
func Specs(c schema.Change) (string, []schema.AlterSpec) {
	if at, ok := c.(*schema.AlterTable); ok {
		return at.Table, at.Specs
	}
	return "", nil
}

// Subject returns the text a finding about key (an Attrs key, or "" for
// the whole op) is about; it feeds the fingerprint.
func Subject(op *ir.Op, key string) string {
	if key == "" {
		return op.Text
	}
	return key + " " + op.Text
}

// At reports a finding at the op's span for key (falling back to the whole
// op).
func (p *Pass) At(op *ir.Op, key, message, advice string) {
	p.ReportAt(op.AttrSpan(key), Subject(op, key), message, advice)
}
