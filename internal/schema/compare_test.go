package schema

import (
	"strings"
	"testing"

	"github.com/pingcap/tidb/pkg/parser"
	_ "github.com/pingcap/tidb/pkg/parser/test_driver"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		name    string
		changes func(t *testing.T) []Change
		want    []string // Kind/Table/Name/Change of each difference, in order
	}{
		{"identical", func(t *testing.T) []Change { return nil }, nil},
		{"extra table", func(t *testing.T) []Change {
			return []Change{&CreateTable{Table: &Table{Name: "tags", Columns: []*Column{col(t, "id", "INT")}}}}
		}, []string{"table/tags//extra"}},
		{"missing table", func(t *testing.T) []Change {
			return []Change{&DropTable{Names: []string{"posts"}}}
		}, []string{"table/posts//missing"}},
		{"columns missing, extra and changed", func(t *testing.T) []Change {
			return []Change{alter("users", &DropColumn{Name: "name"}, &AddColumn{Column: col(t, "age", "INT")},
				&ModifyColumn{Name: "email", Column: col(t, "email", "VARCHAR(320)", notNull)})}
		}, []string{"column/users/age/extra", "column/users/email/changed", "column/users/name/missing"}},
		{"column order", func(t *testing.T) []Change {
			return []Change{alter("users", &ModifyColumn{Name: "status", Column: col(t, "status", "ENUM('active','banned')", notNull, defaultLit("active")), Position: ColumnPosition{After: "id"}})}
		}, []string{"column order/users//changed"}},
		{"indexes missing, extra and changed", func(t *testing.T) []Change {
			return []Change{alter("users", &DropIndex{Name: "email"}, &AddIndex{Index: key("email", "email")}, &AddIndex{Index: key("ix_name", "name")})}
		}, []string{"index/users/email/changed", "index/users/ix_name/extra"}},
		{"index missing", func(t *testing.T) []Change {
			return []Change{alter("users", &DropIndex{Name: "email"})}
		}, []string{"index/users/email/missing"}},
		{"foreign key rule changed", func(t *testing.T) []Change {
			return []Change{alter("posts", &DropForeignKey{Name: "posts_ibfk_1"}),
				alter("posts", &AddForeignKey{ForeignKey: &ForeignKey{Name: "posts_ibfk_1", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: Restrict}})}
		}, []string{"foreign key/posts/posts_ibfk_1/changed"}},
		{"foreign key missing, index stays", func(t *testing.T) []Change {
			return []Change{alter("posts", &DropForeignKey{Name: "posts_ibfk_1"})}
		}, []string{"foreign key/posts/posts_ibfk_1/missing"}},
		{"checks extra and changed", func(t *testing.T) []Change {
			return []Change{alter("users", &AddCheck{Check: &Check{Name: "ck", Expr: "id > 0"}})}
		}, []string{"check/users/ck/extra"}},
		{"table options", func(t *testing.T) []Change {
			return []Change{alter("users", &SetTableOptions{Options: TableOptions{Engine: "myisam", Comment: "people", Charset: "latin1"}, SetEngine: true, SetComment: true, SetCharset: true})}
		}, []string{"option/users/ENGINE/changed", "option/users/DEFAULT CHARSET/changed", "option/users/COLLATE/changed", "option/users/COMMENT/changed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := baseSchema(t)
			b := apply(t, a, tt.changes(t)...)
			var got []string
			for _, d := range Compare(a, b) {
				got = append(got, d.Kind+"/"+d.Table+"/"+d.Name+"/"+d.Change)
				if d.String() == "" {
					t.Errorf("empty String() for %+v", d)
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Fatalf("Compare = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCompareDescribesDefinitions(t *testing.T) {
	a := baseSchema(t)
	b := apply(t, a, alter("users", &ModifyColumn{Name: "email", Column: col(t, "email", "VARCHAR(320)", notNull)}))
	d := Compare(a, b)
	if len(d) != 1 {
		t.Fatalf("Compare = %v, want one difference", d)
	}
	want := "`email` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL -> `email` varchar(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL"
	if got := d[0].Before + " -> " + d[0].After; got != want {
		t.Fatalf("Before -> After = %q, want %q", got, want)
	}
}

func TestCreateSQL(t *testing.T) {
	s := baseSchema(t)
	want := "CREATE TABLE `posts` (\n" +
		"  `id` int unsigned NOT NULL AUTO_INCREMENT,\n" +
		"  `user_id` int unsigned NOT NULL,\n" +
		"  `title` varchar(200) DEFAULT NULL,\n" +
		"  PRIMARY KEY (`id`),\n" +
		"  KEY `user_id` (`user_id`),\n" +
		"  CONSTRAINT `posts_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE\n" +
		") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci"
	if got := s.Table("posts").CreateSQL(); got != want {
		t.Fatalf("CreateSQL =\n%s\nwant\n%s", got, want)
	}
}

// TestRenderChangeParses renders every kind of change and checks that a
// MySQL parser accepts the DDL, and that applying the rendered CREATE TABLE
// gives the same table.
func TestRenderChangeParses(t *testing.T) {
	changes := []Change{
		&CreateTable{Table: baseSchema(t).Table("users")},
		&CreateTable{Table: &Table{Name: "c"}, Like: "users", IfNotExists: true},
		&DropTable{Names: []string{"a", "b"}, IfExists: true},
		&RenameTable{Pairs: []RenamePair{{From: "a", To: "b"}, {From: "c", To: "d"}}},
		&AlterTable{Table: "users", Via: "CREATE INDEX", Specs: []AlterSpec{&AddIndex{Index: uniqueKey("ux", "email", "name")}}},
		&AlterTable{Table: "users", Via: "DROP INDEX", Specs: []AlterSpec{&DropIndex{Name: "ux"}}},
		&AlterTable{Table: "users", Algorithm: "INPLACE", Lock: "NONE", Specs: []AlterSpec{
			&AddColumn{Column: col(t, "age", "INT UNSIGNED", notNull, defaultLit("0")), Position: ColumnPosition{After: "name"}},
			&AddColumn{Column: col(t, "created_at", "DATETIME(3)", notNull, defaultExpr("CURRENT_TIMESTAMP(3)")), Position: ColumnPosition{First: true}},
			&DropColumn{Name: "name"},
			&ModifyColumn{Name: "email", Column: col(t, "email", "VARCHAR(320) CHARACTER SET latin1 COLLATE latin1_bin", notNull)},
			&ModifyColumn{Name: "status", Column: col(t, "state", "ENUM('a','b')")},
			&RenameColumn{From: "x", To: "y"},
			&AlterColumnDefault{Name: "age", Default: &Default{Value: "1"}},
			&AlterColumnDefault{Name: "age"},
			&AddIndex{Index: &Index{Name: "ix", Parts: []IndexPart{{Column: "a", Length: 10}, {Column: "b", Desc: true}}}},
			&AddIndex{Index: primary("id")},
			&AddIndex{Index: &Index{Name: "ft", Kind: "FULLTEXT", Parts: []IndexPart{{Column: "body"}}}},
			&DropIndex{Name: "ix"},
			&DropPrimaryKey{},
			&RenameIndex{From: "a", To: "b"},
			&AddForeignKey{ForeignKey: &ForeignKey{Name: "fk", Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}, OnDelete: SetNull, OnUpdate: Cascade}},
			&AddForeignKey{ForeignKey: fkey("", []string{"a"}, "p", "id"), IndexName: "ix_a"},
			&DropForeignKey{Name: "fk"},
			&AddCheck{Check: &Check{Name: "ck", Expr: "a > 0"}},
			&DropCheck{Name: "ck"},
			&DropConstraint{Name: "c"},
			&SetTableOptions{Options: TableOptions{Engine: "InnoDB", Charset: "utf8mb4", Collation: "utf8mb4_bin", Comment: "it's", RowFormat: "DYNAMIC"},
				SetEngine: true, SetCharset: true, SetCollation: true, SetComment: true, SetRowFormat: true},
			&ConvertCharset{Charset: "utf8mb4", Collation: "utf8mb4_unicode_ci"},
			&RenameTo{Name: "members"},
		}},
		&Delete{Table: "users", HasWhere: true, Where: "id > 10"},
		&Truncate{Table: "users"},
	}
	p := parser.New()
	for _, c := range changes {
		sql := RenderChange(c)
		t.Run(sql, func(t *testing.T) {
			if _, err := p.ParseOneStmt(sql, "", ""); err != nil {
				t.Fatalf("rendered SQL does not parse: %v\n%s", err, sql)
			}
		})
	}
	t.Run("comments for unrecorded DML", func(t *testing.T) {
		for _, c := range []Change{&Insert{Table: "t", Rows: 2}, &Update{Table: "t", Columns: []string{"a"}}, &Other{Kind: "SET"}} {
			if got := RenderChange(c); !strings.HasPrefix(got, "-- ") {
				t.Fatalf("RenderChange(%T) = %q, want a comment", c, got)
			}
		}
	})
}
