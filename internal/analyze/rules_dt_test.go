package analyze

import (
	"slices"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

func TestNameWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"total_amount", []string{"total", "amount"}},
		{"settingsJson", []string{"settings", "json"}},
		{"HTTPStatus", []string{"http", "status"}},
		{"size_bytes2", []string{"size", "bytes2"}},
		{"email", []string{"email"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := nameWords(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("nameWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestVersionAtLeast(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"", true},
		{"8.0", true},
		{"8.0.12", false},
		{"8.0.13", true},
		{"8.4", true},
		{"5.7", false},
	}
	for _, tt := range tests {
		t.Run(tt.v, func(t *testing.T) {
			if got := versionAtLeast(tt.v, 8, 0, 13); got != tt.want {
				t.Errorf("versionAtLeast(%q, 8.0.13) = %v, want %v", tt.v, got, tt.want)
			}
		})
	}
}

// modelPass runs rule over models against a final schema holding table.
func modelPass(t *testing.T, rule *Rule, table *schema.Table, settings Settings, models ...*ir.Model) []Finding {
	t.Helper()
	state := &schema.Schema{Tables: []*schema.Table{table}}
	steps := []*replay.Step{{Judged: true, Before: &schema.Schema{}, After: state}}
	fs, errs := Run([]*Rule{rule}, Input{Steps: steps, Models: models, Settings: settings})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return fs
}

func TestModelRules(t *testing.T) {
	intCol := &schema.Column{Name: "stock", Type: schema.Type{Base: "int"}}
	products := &schema.Table{Name: "products", Columns: []*schema.Column{intCol}}
	checked := products.Clone()
	checked.Checks = []*schema.Check{{Name: "products_stock_chk", Expr: "(`stock` >= 0)"}}
	model := func(timestamps bool, validate ...string) *ir.Model {
		return &ir.Model{
			Name: "Product", Table: "products", Timestamps: timestamps,
			Span: ir.Span{Path: "models/product.js", Line: 3},
			Attributes: []*ir.Attribute{{
				Name: "stock", Field: "stock", Validate: validate,
				Span: ir.Span{Path: "models/product.js", Line: 5},
			}},
		}
	}
	tests := []struct {
		name     string
		rule     *Rule
		table    *schema.Table
		settings Settings
		model    *ir.Model
		want     string // message fragment, "" for no finding
	}{
		{"timestamps off", ruleDT110, products, Settings{}, model(false), "turns timestamps off"},
		{"timestamps on", ruleDT110, products, Settings{}, model(true), ""},
		{"unchanged model in a change", ruleDT110, products, Settings{Base: true, Changed: map[string]string{"x.js": "added"}}, model(false), ""},
		{"changed model in a change", ruleDT110, products, Settings{Base: true, Changed: map[string]string{"models/product.js": "modified"}}, model(false), "turns timestamps off"},
		{"min without check", ruleDT111, products, Settings{}, model(true, "min", "isInt"), "validates `stock` (min) only in JavaScript"},
		{"min with check", ruleDT111, checked, Settings{}, model(true, "min"), ""},
		{"other validators", ruleDT111, products, Settings{}, model(true, "isInt", "notEmpty"), ""},
		{"checks ignored before 8.0.16", ruleDT111, products, Settings{MySQLVersion: "8.0.15"}, model(true, "max"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := modelPass(t, tt.rule, tt.table, tt.settings, tt.model)
			switch {
			case tt.want == "" && len(fs) > 0:
				t.Errorf("unexpected finding: %s", fs[0].Message)
			case tt.want != "" && len(fs) != 1:
				t.Errorf("got %d findings, want 1", len(fs))
			case tt.want != "" && !strings.Contains(fs[0].Message, tt.want):
				t.Errorf("message %q lacks %q", fs[0].Message, tt.want)
			}
		})
	}
}
