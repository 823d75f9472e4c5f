package analyze

import (
	"testing"

	"github.com/migration-guardian/guardian/internal/schema"
)

func tIndex(name string, unique bool, cols ...string) *schema.Index {
	out := &schema.Index{Name: name, Unique: unique}
	for _, c := range cols {
		out.Parts = append(out.Parts, schema.IndexPart{Column: c})
	}
	return out
}

func tPrimary(cols ...string) *schema.Index {
	out := tIndex("PRIMARY", true, cols...)
	out.Primary = true
	return out
}

func TestCoveringTwin(t *testing.T) {
	tests := []struct {
		name    string
		indexes []*schema.Index // table after the migration; the last one is judged
		want    string          // name of the covering index, "" for none
	}{
		{"left prefix", []*schema.Index{tIndex("ab", false, "a", "b"), tIndex("a", false, "a")}, "ab"},
		{"duplicate of earlier", []*schema.Index{tIndex("a1", false, "a"), tIndex("a2", false, "a")}, "a1"},
		{"duplicate of primary key", []*schema.Index{tPrimary("id"), tIndex("id_idx", false, "id")}, "PRIMARY"},
		{"prefix of primary key", []*schema.Index{tPrimary("a", "b"), tIndex("a_idx", false, "a")}, "PRIMARY"},
		{"unique beside longer non-unique", []*schema.Index{tIndex("ab", false, "a", "b"), tIndex("a_uk", true, "a")}, ""},
		{"unique beside longer unique", []*schema.Index{tIndex("ab_uk", true, "a", "b"), tIndex("a_uk", true, "a")}, ""},
		{"unique duplicating unique", []*schema.Index{tIndex("a_uk", true, "a"), tIndex("a_uk2", true, "a")}, "a_uk"},
		{"unique duplicating primary key", []*schema.Index{tPrimary("a"), tIndex("a_uk", true, "a")}, "PRIMARY"},
		{"non-unique duplicating unique", []*schema.Index{tIndex("a_uk", true, "a"), tIndex("a", false, "a")}, "a_uk"},
		{"different order", []*schema.Index{tIndex("ba", false, "b", "a"), tIndex("a", false, "a")}, ""},
		{"longer than the other", []*schema.Index{tIndex("a", false, "a"), tIndex("ab", false, "a", "b")}, ""},
		{"fulltext twin does not count", []*schema.Index{{Name: "ft", Kind: "FULLTEXT", Parts: []schema.IndexPart{{Column: "a"}, {Column: "b"}}}, tIndex("a", false, "a")}, ""},
		{"prefix lengths differ", []*schema.Index{{Name: "a10", Parts: []schema.IndexPart{{Column: "a", Length: 10}}}, tIndex("a", false, "a")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tbl := &schema.Table{Name: "t", Indexes: tt.indexes}
			got := coveringTwin(tbl, tbl, tt.indexes[len(tt.indexes)-1])
			name := ""
			if got != nil {
				name = got.Name
			}
			if name != tt.want {
				t.Errorf("coveringTwin = %q, want %q", name, tt.want)
			}
		})
	}
}

func TestShadowed(t *testing.T) {
	tests := []struct {
		name string
		old  []*schema.Index
		add  *schema.Index
		want int
	}{
		{"strict prefix", []*schema.Index{tIndex("a", false, "a")}, tIndex("ab", false, "a", "b"), 1},
		{"same key made unique", []*schema.Index{tIndex("a", false, "a")}, tIndex("a_uk", true, "a"), 1},
		{"old unique stays", []*schema.Index{tIndex("a_uk", true, "a")}, tIndex("ab", false, "a", "b"), 0},
		{"implicit foreign key index", []*schema.Index{{Name: "a", Implicit: true, Parts: []schema.IndexPart{{Column: "a"}}}}, tIndex("ab", false, "a", "b"), 0},
		{"not a prefix", []*schema.Index{tIndex("b", false, "b")}, tIndex("ab", false, "a", "b"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := &schema.Table{Name: "t", Indexes: tt.old}
			final := &schema.Table{Name: "t", Indexes: append(append([]*schema.Index{}, tt.old...), tt.add)}
			if got := shadowed(old, final, tt.add); len(got) != tt.want {
				t.Errorf("shadowed = %d indexes, want %d", len(got), tt.want)
			}
		})
	}
}

func TestDuplicateQuery(t *testing.T) {
	tbl := &schema.Table{Name: "users", Columns: []*schema.Column{
		{Name: "email", Nullable: true},
		{Name: "team_id"},
		{Name: "handle"},
	}}
	tests := []struct {
		name string
		ix   *schema.Index
		want string
	}{
		{"nullable column", tIndex("u", true, "email"), "SELECT email, COUNT(*) FROM users WHERE email IS NOT NULL GROUP BY email HAVING COUNT(*) > 1"},
		{"composite", tIndex("u", true, "team_id", "handle"), "SELECT team_id, handle, COUNT(*) FROM users GROUP BY team_id, handle HAVING COUNT(*) > 1"},
		{"prefix", &schema.Index{Unique: true, Parts: []schema.IndexPart{{Column: "handle", Length: 8}}}, "SELECT LEFT(handle, 8), COUNT(*) FROM users GROUP BY LEFT(handle, 8) HAVING COUNT(*) > 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := duplicateQuery(tbl, "users", tt.ix); got != tt.want {
				t.Errorf("duplicateQuery =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestOrphanQuery(t *testing.T) {
	tests := []struct {
		name string
		fk   *schema.ForeignKey
		want string
	}{
		{"single column", &schema.ForeignKey{Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}},
			"SELECT COUNT(*) FROM orders c LEFT JOIN users p ON p.id = c.user_id WHERE c.user_id IS NOT NULL AND p.id IS NULL"},
		{"two columns", &schema.ForeignKey{Columns: []string{"tenant_id", "user_id"}, RefTable: "users", RefColumns: []string{"tenant_id", "id"}},
			"SELECT COUNT(*) FROM orders c LEFT JOIN users p ON p.tenant_id = c.tenant_id AND p.id = c.user_id WHERE c.tenant_id IS NOT NULL AND c.user_id IS NOT NULL AND p.tenant_id IS NULL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := orphanQuery("orders", tt.fk); got != tt.want {
				t.Errorf("orphanQuery =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestLowCardinality(t *testing.T) {
	mustType := func(s string) schema.Type {
		ty, err := schema.ParseType(s)
		if err != nil {
			t.Fatalf("ParseType(%q): %v", s, err)
		}
		return schema.CanonicalType(ty)
	}
	tests := []struct {
		name, column, typ string
		low               bool
	}{
		{"boolean", "is_active", "BOOLEAN", true},
		{"tinyint(1)", "flag", "TINYINT(1)", true},
		{"small enum", "kind", "ENUM('a','b','c')", true},
		{"large enum", "country", "ENUM('a','b','c','d','e')", false},
		{"status name", "status", "VARCHAR(20)", true},
		{"snake status suffix", "payment_status", "VARCHAR(20)", true},
		{"camel state suffix", "paymentState", "VARCHAR(20)", true},
		{"word ending in state", "realestate", "VARCHAR(20)", false},
		{"email", "email", "VARCHAR(191)", false},
		{"integer", "user_id", "INT", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lowCardinality(&schema.Column{Name: tt.column, Type: mustType(tt.typ)})
			if (got != "") != tt.low {
				t.Errorf("lowCardinality(%s %s) = %q, want low=%v", tt.column, tt.typ, got, tt.low)
			}
		})
	}
}

func TestKeyBytes(t *testing.T) {
	mustType := func(s string) schema.Type {
		ty, err := schema.ParseType(s)
		if err != nil {
			t.Fatalf("ParseType(%q): %v", s, err)
		}
		return ty
	}
	tbl := &schema.Table{Name: "pages", Options: schema.TableOptions{Charset: "utf8mb4"}, Columns: []*schema.Column{
		{Name: "url", Type: mustType("VARCHAR(1000)")},
		{Name: "code", Type: mustType("VARCHAR(100) CHARACTER SET latin1")},
		{Name: "body", Type: mustType("TEXT")},
		{Name: "id", Type: mustType("BIGINT")},
	}}
	tests := []struct {
		name  string
		ix    *schema.Index
		bytes int
		blob  string
	}{
		{"utf8mb4 varchar", tIndex("u", false, "url"), 4000, ""},
		{"latin1 varchar", tIndex("c", false, "code"), 100, ""},
		{"prefix", &schema.Index{Parts: []schema.IndexPart{{Column: "url", Length: 191}}}, 764, ""},
		{"text without prefix", tIndex("b", false, "body"), 0, "body"},
		{"composite", tIndex("ic", false, "id", "code"), 108, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _, blob := keyBytes(tbl, tt.ix)
			name := ""
			if blob != nil {
				name = blob.Name
			}
			if n != tt.bytes || name != tt.blob {
				t.Errorf("keyBytes = %d, %q; want %d, %q", n, name, tt.bytes, tt.blob)
			}
		})
	}
}

func TestQuoted(t *testing.T) {
	msg := "Column 'user_id' cannot be NOT NULL: needed in a foreign key constraint 'orders_user_fk' SET NULL"
	tests := []struct {
		n    int
		want string
	}{{0, "user_id"}, {1, "orders_user_fk"}, {2, ""}}
	for _, tt := range tests {
		if got := errQuoted(msg, tt.n); got != tt.want {
			t.Errorf("errQuoted(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestImpliedUnique(t *testing.T) {
	tbl := &schema.Table{Name: "t", Indexes: []*schema.Index{tPrimary("id"), tIndex("ab_uk", true, "a", "b"), tIndex("c", false, "c")}}
	tests := []struct {
		name string
		ix   *schema.Index
		want bool
	}{
		{"superset of the primary key", tIndex("x", true, "id", "name"), true},
		{"superset of a unique key in another order", tIndex("x", true, "b", "c", "a"), true},
		{"part of a unique key", tIndex("x", true, "a"), false},
		{"superset of a non-unique key", tIndex("x", true, "c", "d"), false},
		{"prefix part does not count", &schema.Index{Unique: true, Parts: []schema.IndexPart{{Column: "id", Length: 4}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := impliedUnique(tbl, tt.ix); got != tt.want {
				t.Errorf("impliedUnique = %v, want %v", got, tt.want)
			}
		})
	}
}
