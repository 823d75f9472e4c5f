package replay

import (
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

func intType() schema.Type { return schema.Type{Base: "int"} }

func create(name string) ir.Op {
	return ir.Op{Change: &schema.CreateTable{Table: &schema.Table{
		Name:    name,
		Columns: []*schema.Column{{Name: "id", Type: intType()}},
		Indexes: []*schema.Index{{Name: "PRIMARY", Primary: true, Unique: true, Parts: []schema.IndexPart{{Column: "id"}}}},
	}}}
}

func drop(name string) ir.Op { return ir.Op{Change: &schema.DropTable{Names: []string{name}}} }

func addColumn(table, col string) ir.Op {
	return ir.Op{Change: &schema.AlterTable{Table: table, Specs: []schema.AlterSpec{&schema.AddColumn{Column: &schema.Column{Name: col, Type: intType(), Nullable: true}}}}}
}

func mig(version string, up []ir.Op, down ...ir.Op) *ir.Migration {
	return &ir.Migration{Version: version, Path: version + ".sql", Paths: []string{version + ".sql"}, Up: up, Down: down, HasDown: down != nil}
}

func TestFresh(t *testing.T) {
	migs := []*ir.Migration{
		mig("1", []ir.Op{create("a"), addColumn("a", "x")}, drop("a")),
		mig("2", []ir.Op{addColumn("a", "y"), create("b"), addColumn("b", "z")}, drop("b")),
	}
	tests := []struct {
		name   string
		change bool
		judge  func(*ir.Migration) bool
		// fresh[i][j]: is the table altered by op j of migration i fresh?
		want [][]bool
	}{
		{"whole repository: fresh within the creating migration", false, nil, [][]bool{{false, true}, {false, false, true}}},
		{"change: tables created by judged migrations stay fresh", true, nil, [][]bool{{false, true}, {true, false, true}}},
		{"change: unjudged creation is not fresh", true, func(m *ir.Migration) bool { return m.Version == "2" }, [][]bool{{false, false}, {false, false, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := Run(migs, Options{Change: tt.change, Judge: tt.judge})
			for i, st := range steps {
				for j, r := range st.Up {
					table := ""
					switch c := r.Op.Change.(type) {
					case *schema.AlterTable:
						table = c.Table
					case *schema.CreateTable:
						table = c.Table.Name
					}
					if got := r.IsFresh(table); got != tt.want[i][j] {
						t.Errorf("migration %d op %d (%s): fresh = %v, want %v", i, j, table, got, tt.want[i][j])
					}
				}
			}
		})
	}
}

func TestRollbackVerification(t *testing.T) {
	tests := []struct {
		name         string
		m            *ir.Migration
		leftover     int
		downErr      bool
		reapplyErr   bool
		verifiedDown bool
	}{
		{"complete", mig("2", []ir.Op{addColumn("t", "x")}, ir.Op{Change: &schema.AlterTable{Table: "t", Specs: []schema.AlterSpec{&schema.DropColumn{Name: "x"}}}}), 0, false, false, true},
		{"incomplete", mig("2", []ir.Op{addColumn("t", "x"), addColumn("t", "y")}, ir.Op{Change: &schema.AlterTable{Table: "t", Specs: []schema.AlterSpec{&schema.DropColumn{Name: "x"}}}}), 1, false, true, true},
		{"failing down", mig("2", []ir.Op{create("u")}, drop("nope"), drop("u")), 0, true, false, true},
		{"no down", mig("2", []ir.Op{create("u")}), 0, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := Run([]*ir.Migration{mig("1", []ir.Op{create("t")}, drop("t")), tt.m}, Options{})
			st := steps[1]
			if (st.AfterDown != nil) != tt.verifiedDown {
				t.Fatalf("rollback verified = %v, want %v", st.AfterDown != nil, tt.verifiedDown)
			}
			if len(st.Leftover) != tt.leftover {
				t.Errorf("leftover = %+v, want %d", st.Leftover, tt.leftover)
			}
			if got := st.Down != nil && st.Down[0].Err != nil; got != tt.downErr {
				t.Errorf("down error = %v, want %v", got, tt.downErr)
			}
			reapplyErr := false
			for _, r := range st.Reapply {
				reapplyErr = reapplyErr || r.Err != nil
			}
			if reapplyErr != tt.reapplyErr {
				t.Errorf("reapply error = %v, want %v", reapplyErr, tt.reapplyErr)
			}
			if st.After.Table("t") == nil {
				t.Error("the main replay must continue from the state after up, not after down")
			}
		})
	}
}

func TestFailedOpLeavesState(t *testing.T) {
	steps := Run([]*ir.Migration{mig("1", []ir.Op{create("t"), create("t"), addColumn("t", "x")})}, Options{})
	up := steps[0].Up
	if up[1].Err == nil || up[1].Err.Code != 1050 {
		t.Fatalf("second CREATE: err = %v, want 1050", up[1].Err)
	}
	if up[1].After != up[1].Before {
		t.Error("a failed op must leave the state unchanged")
	}
	if up[2].Err != nil || steps[0].After.Table("t").Column("x") == nil {
		t.Errorf("replay must go on after a failure: %v", up[2].Err)
	}
}

func TestDynamic(t *testing.T) {
	m := mig("2", nil)
	var seen *schema.Schema
	m.Dynamic = func(dir ir.Direction, state *schema.Schema) []ir.Op {
		if dir == ir.Up {
			seen = state
			return []ir.Op{addColumn("t", "x")}
		}
		return nil
	}
	steps := Run([]*ir.Migration{mig("1", []ir.Op{create("t")}), m}, Options{})
	if seen == nil || seen.Table("t") == nil {
		t.Fatal("Dynamic did not see the replayed state")
	}
	if steps[1].After.Table("t").Column("x") == nil {
		t.Error("Dynamic ops were not applied")
	}
}
