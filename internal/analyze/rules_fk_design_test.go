package analyze

import (
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/schema"
)

func TestSnakeCase(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"camel", "authorId", "author_id"},
		{"already snake", "author_id", "author_id"},
		{"leading capital", "UserId", "user_id"},
		{"several words", "parentCategoryId", "parent_category_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := snakeCase(tt.in); got != tt.want {
				t.Errorf("snakeCase(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCascadeChain(t *testing.T) {
	fk := func(parent, rule string) *schema.ForeignKey {
		return &schema.ForeignKey{Columns: []string{parent + "_id"}, RefTable: parent, RefColumns: []string{"id"}, OnDelete: rule}
	}
	table := func(name string, fks ...*schema.ForeignKey) *schema.Table {
		return &schema.Table{Name: name, ForeignKeys: fks}
	}
	s := &schema.Schema{Tables: []*schema.Table{
		table("users"),
		table("orders", fk("users", schema.Cascade)),
		table("items", fk("orders", schema.Cascade)),
		table("parts", fk("items", schema.Cascade)),
		table("payments", fk("orders", schema.Restrict)),
		table("notes", fk("orders", schema.Cascade)),
		// A cycle must not hang the search.
		table("a", fk("b", schema.Cascade)),
		table("b", fk("a", schema.Cascade)),
		// Self-references cascade within one table.
		table("categories", fk("categories", schema.Cascade)),
	}}
	g := newCascadeGraph(s)
	tests := []struct {
		name          string
		parent, child string
		want          string
	}{
		{"whole chain through the middle edge", "orders", "items", "users → orders → items → parts"},
		{"chain through the first edge takes the deepest branch", "users", "orders", "users → orders → items → parts"},
		{"side branch", "orders", "notes", "users → orders → notes"},
		{"cycle", "a", "b", "a → b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(g.chainThrough(tt.parent, tt.child), " → "); got != tt.want {
				t.Errorf("chainThrough(%s, %s) = %s, want %s", tt.parent, tt.child, got, tt.want)
			}
		})
	}
	if got := strings.Join(g.reach("users"), ","); got != "orders,items,notes,parts" {
		t.Errorf("reach(users) = %s", got)
	}
	if len(g.children["categories"]) != 0 {
		t.Errorf("self-reference counted as a cascade edge")
	}
}
