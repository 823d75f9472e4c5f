package analyze

import (
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
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

// TestFK108WithoutMigrations checks the fallback used when no migration
// builds the schema: the models' own indexes decide.
func TestFK108WithoutMigrations(t *testing.T) {
	user := &ir.Model{Name: "User", Table: "users"}
	comment := &ir.Model{Name: "Comment", Table: "comments",
		Attributes: []*ir.Attribute{{Name: "postId", Field: "post_id"}, {Name: "authorId", Field: "author_id"}, {Name: "editorId", Field: "editor_id"}},
		Indexes:    []ir.ModelIndex{{Fields: []string{"authorId", "createdAt"}}},
		Associations: []ir.Association{
			{Kind: "belongsTo", Source: "Comment", Target: "User", ForeignKey: "postId", Span: ir.Span{Path: "models/comment.js", Line: 7}},
			{Kind: "belongsTo", Source: "Comment", Target: "User", ForeignKey: "authorId", Span: ir.Span{Path: "models/comment.js", Line: 8}},
			// A real constraint on post_id elsewhere: sync() indexes it.
			{Kind: "belongsTo", Source: "Comment", Target: "User", ForeignKey: "postId", Constraints: true, Span: ir.Span{Path: "models/comment.js", Line: 9}},
			{Kind: "belongsTo", Source: "Comment", Target: "User", ForeignKey: "editorId", Span: ir.Span{Path: "models/comment.js", Line: 10}},
		}}
	var got []Finding
	p := &Pass{Rule: ruleFK108, Models: []*ir.Model{user, comment}, report: func(f Finding) { got = append(got, f) }}
	if err := runFK108(p); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Line != 10 || !strings.Contains(got[0].Message, "`comments.editor_id`") {
		t.Fatalf("findings = %+v, want one about comments.editor_id at line 10", got)
	}
}
