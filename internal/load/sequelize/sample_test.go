package sequelize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// TestSampleRepository keeps the Sequelize part of the sample repository
// (testdata/sample, used by the README's first command) loading cleanly,
// with its deliberate problems visible in the IR.
func TestSampleRepository(t *testing.T) {
	root := filepath.Join("..", "..", "..", "testdata", "sample")
	rc, err := os.ReadFile(filepath.Join(root, ".sequelizerc"))
	if err != nil {
		t.Fatal(err)
	}
	modelsPath, migrationsPath, err := ReadSequelizeRC(rc)
	if err != nil || modelsPath != "src/models" || migrationsPath != "src/migrations" {
		t.Fatalf("ReadSequelizeRC = %q, %q, %v", modelsPath, migrationsPath, err)
	}
	list := func(dir string) []string {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, dir+"/"+e.Name())
		}
		return out
	}
	o := Options{Root: root}
	ms := LoadMigrations(list(migrationsPath), o)
	for _, m := range ms {
		if len(m.Problems) > 0 {
			t.Errorf("%s: %+v", m.Path, m.Problems)
		}
	}
	tests := []struct {
		name  string
		check func(t *testing.T)
	}{
		{"fk without onDelete", func(t *testing.T) {
			ct := ms[0].Up[0].Change.(*schema.CreateTable)
			fk := ct.Table.ForeignKeys[1]
			if fk.RefTable != "users" || fk.OnDelete != "" || fk.OnUpdate != "" || ms[0].Up[0].Attrs["column:user_id.references"].Line != 19 {
				t.Errorf("fk = %+v attrs %v", fk, ms[0].Up[0].Attrs)
			}
		}},
		{"changeColumn drops NOT NULL", func(t *testing.T) {
			mc := ms[1].Up[0].Change.(*schema.AlterTable).Specs[0].(*schema.ModifyColumn)
			if !mc.Column.Nullable || ms[1].Up[0].Span.Line != 6 {
				t.Errorf("column = %+v at %d", mc.Column, ms[1].Up[0].Span.Line)
			}
		}},
		{"empty down", func(t *testing.T) {
			m := ms[2]
			if m.Convention != "umzug" || !m.HasDown || len(m.Down) != 0 || m.DownSpan.Line != 20 {
				t.Errorf("convention %s hasDown %v down %+v downSpan %+v", m.Convention, m.HasDown, m.Down, m.DownSpan)
			}
		}},
		{"renameColumn on an existing table", func(t *testing.T) {
			m := ms[3]
			vc, _ := schema.ParseType("CHAR(12)")
			state := &schema.Schema{Tables: []*schema.Table{{Name: "products", Columns: []*schema.Column{{Name: "sku", Type: vc}}}}}
			ops := m.Dynamic(ir.Up, state)
			if len(ops) != 1 || !strings.Contains(ops[0].Text, "CHANGE COLUMN `sku` `stock_code` char(12) NOT NULL") || ops[0].Span.Line != 7 {
				t.Errorf("dynamic up = %+v", ops)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.check)
	}
	models, problems := LoadModels(list(modelsPath), o)
	if len(problems) > 0 || len(models) != 3 {
		t.Fatalf("models %d, problems %+v", len(models), problems)
	}
	byName := map[string]*ir.Model{}
	for _, m := range models {
		byName[m.Name] = m
	}
	if r := byName["Review"]; r == nil || r.Table != "reviews" || len(r.Associations) != 2 {
		t.Errorf("Review = %+v", r)
	}
}
