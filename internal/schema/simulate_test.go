package schema

import (
	"fmt"
	"strings"
	"testing"
)

func TestApplyErrors(t *testing.T) {
	long := strings.Repeat("x", 65)
	tbl := func(name string, cols ...*Column) *Table { return &Table{Name: name, Columns: cols} }
	manyIndexes := func() *AlterTable {
		a := alter("users")
		for i := 0; i < 64; i++ {
			a.Specs = append(a.Specs, &AddIndex{Index: key(fmt.Sprintf("ix%d", i), "name")})
		}
		return a
	}
	tests := []struct {
		name     string
		change   Change
		opts     Options
		wantCode int
		wantMsg  string // substring of the message, optional
	}{
		{"1050 table exists", &CreateTable{Table: tbl("users", col(t, "a", "INT"))}, Options{}, 1050, "Table 'users' already exists"},
		{"create if not exists is quiet", &CreateTable{Table: tbl("users", col(t, "a", "INT")), IfNotExists: true}, Options{}, 0, ""},
		{"1051 unknown table", &DropTable{Names: []string{"nope", "nada"}}, Options{Database: "app"}, 1051, "Unknown table 'app.nope,app.nada'"},
		{"drop if exists is quiet", &DropTable{Names: []string{"nope"}, IfExists: true}, Options{}, 0, ""},
		{"1054 modify unknown column", alter("users", &ModifyColumn{Name: "nope", Column: col(t, "nope", "INT")}), Options{}, 1054, "Unknown column 'nope' in 'users'"},
		{"1054 insert unknown column", &Insert{Table: "users", Columns: []string{"email", "nope"}, Rows: 1}, Options{}, 1054, "Unknown column 'nope' in 'field list'"},
		{"1059 long table name", &CreateTable{Table: tbl(long, col(t, "a", "INT"))}, Options{}, 1059, "Identifier name '" + long + "' is too long"},
		{"1059 generated FK name too long", &CreateTable{Table: &Table{Name: strings.Repeat("t", 60), Columns: []*Column{col(t, "u", "INT UNSIGNED")},
			ForeignKeys: []*ForeignKey{fkey("", []string{"u"}, "users", "id")}}}, Options{}, 1059, ""},
		{"1060 duplicate column", alter("users", &AddColumn{Column: col(t, "email", "TEXT")}), Options{}, 1060, "Duplicate column name 'email'"},
		{"1061 duplicate key name", alter("users", &AddIndex{Index: key("email", "name")}), Options{}, 1061, "Duplicate key name 'email'"},
		{"1063 auto_increment on varchar", alter("users", &AddColumn{Column: col(t, "code", "VARCHAR(10)", autoInc)}), Options{}, 1063, ""},
		{"1067 CURRENT_TIMESTAMP on int", alter("users", &AddColumn{Column: col(t, "n", "INT", defaultExpr("CURRENT_TIMESTAMP"))}), Options{}, 1067, "Invalid default value for 'n'"},
		{"1067 string on int", alter("users", &AddColumn{Column: col(t, "n", "INT", defaultLit("abc"))}), Options{}, 1067, ""},
		{"1067 out of range tinyint", alter("users", &AddColumn{Column: col(t, "n", "TINYINT UNSIGNED", defaultLit("256"))}), Options{}, 1067, ""},
		{"1067 enum value not in list", alter("users", &AddColumn{Column: col(t, "s", "ENUM('a','b')", defaultLit("c"))}), Options{}, 1067, ""},
		{"1067 NOT NULL DEFAULT NULL", alter("users", &AddColumn{Column: col(t, "n", "INT", notNull, func(c *Column) { c.Default = &Default{Null: true} })}), Options{}, 1067, ""},
		{"1067 zero date", alter("users", &AddColumn{Column: col(t, "d", "DATETIME", defaultLit("0000-00-00 00:00:00"))}), Options{}, 1067, ""},
		{"1068 multiple primary key", alter("users", &AddIndex{Index: primary("email")}), Options{}, 1068, "Multiple primary key defined"},
		{"1069 too many keys", manyIndexes(), Options{}, 1069, "max 64 keys"},
		{"1071 key too long utf8mb4", alter("users", &AddColumn{Column: col(t, "bio", "VARCHAR(1000)")}, &AddIndex{Index: key("", "bio")}), Options{}, 1071, "max key length is 3072 bytes"},
		{"1071 composite key too long", alter("users", &AddColumn{Column: col(t, "a", "VARCHAR(500)")}, &AddColumn{Column: col(t, "b", "VARCHAR(300)")}, &AddIndex{Index: key("", "a", "b")}), Options{}, 1071, ""},
		{"1072 key column missing", alter("users", &AddIndex{Index: key("", "nope")}), Options{}, 1072, "Key column 'nope' doesn't exist in table"},
		{"1074 varchar too long", alter("users", &AddColumn{Column: col(t, "big", "VARCHAR(20000)")}), Options{}, 1074, "(max = 16383)"},
		{"1075 auto_increment not a key", &CreateTable{Table: tbl("t", col(t, "id", "INT", autoInc))}, Options{}, 1075, "there can be only one auto column"},
		{"1075 dropping the key of auto_increment", alter("users", &DropPrimaryKey{}), Options{}, 1075, ""},
		{"1089 prefix on int", alter("users", &AddIndex{Index: &Index{Parts: []IndexPart{{Column: "id", Length: 4}}}}), Options{}, 1089, ""},
		{"1090 drop all columns", alter("posts", &DropForeignKey{Name: "posts_ibfk_1"}, &DropForeignKey{Name: "fk_posts_email"},
			&DropColumn{Name: "id"}, &DropColumn{Name: "user_id"}, &DropColumn{Name: "title"}, &DropColumn{Name: "user_email"}), Options{}, 1090, "You can't delete all columns"},
		{"1091 drop unknown column", alter("users", &DropColumn{Name: "nope"}), Options{}, 1091, "Can't DROP 'nope'; check that column/key exists"},
		{"1091 drop unknown foreign key", alter("users", &DropForeignKey{Name: "fk_nope"}), Options{}, 1091, ""},
		{"1101 literal default on TEXT", alter("users", &AddColumn{Column: col(t, "bio", "TEXT", defaultLit("x"))}), Options{}, 1101, "BLOB, TEXT, GEOMETRY or JSON column 'bio' can't have a default value"},
		{"1101 literal default on JSON", alter("users", &AddColumn{Column: col(t, "meta", "JSON", defaultLit("{}"))}), Options{}, 1101, ""},
		{"expression default on JSON is fine", alter("users", &AddColumn{Column: col(t, "meta", "JSON", defaultExpr("(JSON_OBJECT())"))}), Options{}, 0, ""},
		{"1113 no columns", &CreateTable{Table: tbl("t")}, Options{}, 1113, "A table must have at least 1 column"},
		{"1118 row size", &CreateTable{Table: &Table{Name: "wide", Options: TableOptions{Charset: "latin1"}, Columns: []*Column{
			col(t, "a", "VARCHAR(30000)"), col(t, "b", "VARCHAR(30000)"), col(t, "c", "VARCHAR(30000)")}}}, Options{}, 1118, "Row size too large"},
		{"1146 alter unknown table", alter("nope", &DropColumn{Name: "x"}), Options{Database: "app"}, 1146, "Table 'app.nope' doesn't exist"},
		{"1146 update unknown table", &Update{Table: "nope", Columns: []string{"a"}}, Options{}, 1146, ""},
		{"1170 TEXT key without length", alter("users", &AddColumn{Column: col(t, "bio", "TEXT")}, &AddIndex{Index: key("", "bio")}), Options{}, 1170, "BLOB/TEXT column 'bio' used in key specification without a key length"},
		{"TEXT key with prefix is fine", alter("users", &AddColumn{Column: col(t, "bio", "TEXT")}, &AddIndex{Index: &Index{Parts: []IndexPart{{Column: "bio", Length: 100}}}}), Options{}, 0, ""},
		{"3152 JSON key", alter("users", &AddColumn{Column: col(t, "meta", "JSON")}, &AddIndex{Index: key("", "meta")}), Options{}, 3152, ""},
		{"1176 rename unknown index", alter("users", &RenameIndex{From: "nope", To: "x"}), Options{}, 1176, "Key 'nope' doesn't exist in table 'users'"},
		{"1239 column count mismatch", alter("posts", &AddForeignKey{ForeignKey: fkey("", []string{"user_id", "id"}, "users", "id")}), Options{}, 1239, ""},
		{"1553 drop index needed by FK", alter("posts", &DropIndex{Name: "user_id"}), Options{}, 1553, "Cannot drop index 'user_id': needed in a foreign key constraint"},
		{"1822 parent column not indexed", alter("posts", &AddColumn{Column: col(t, "author", "VARCHAR(100)")}, &AddForeignKey{ForeignKey: fkey("fk_author", []string{"author"}, "users", "name")}), Options{}, 1822,
			"Failed to add the foreign key constraint. Missing index for constraint 'fk_author' in the referenced table 'users'"},
		{"1822 relaxed with foreign_key_checks=0", alter("posts", &AddColumn{Column: col(t, "author", "VARCHAR(100)")}, &AddForeignKey{ForeignKey: fkey("fk_author", []string{"author"}, "users", "name")}), Options{ForeignKeyChecksOff: true}, 0, ""},
		{"1824 parent table missing", alter("posts", &AddForeignKey{ForeignKey: fkey("", []string{"user_id"}, "accounts", "id")}), Options{}, 1824, "Failed to open the referenced table 'accounts'"},
		{"1824 relaxed with foreign_key_checks=0", alter("posts", &AddForeignKey{ForeignKey: fkey("", []string{"user_id"}, "accounts", "id")}), Options{ForeignKeyChecksOff: true}, 0, ""},
		{"1826 duplicate FK name across tables", &CreateTable{Table: &Table{Name: "comments", Columns: []*Column{col(t, "user_id", "INT UNSIGNED")},
			ForeignKeys: []*ForeignKey{fkey("posts_ibfk_1", []string{"user_id"}, "users", "id")}}}, Options{}, 1826, "Duplicate foreign key constraint name 'posts_ibfk_1'"},
		{"1828 drop FK column", alter("posts", &DropColumn{Name: "user_id"}), Options{}, 1828, "Cannot drop column 'user_id': needed in a foreign key constraint 'posts_ibfk_1'"},
		{"drop FK and its column together", alter("posts", &DropForeignKey{Name: "posts_ibfk_1"}, &DropColumn{Name: "user_id"}), Options{}, 0, ""},
		{"1829 drop referenced column", alter("users", &DropColumn{Name: "id"}), Options{}, 1829, "needed in a foreign key constraint 'posts_ibfk_1' of table 'posts'"},
		{"1830 SET NULL on NOT NULL", alter("posts", &AddForeignKey{ForeignKey: &ForeignKey{Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: SetNull}}), Options{}, 1830,
			"Column 'user_id' cannot be NOT NULL: needed in a foreign key constraint 'posts_ibfk_2' SET NULL"},
		{"3730 drop referenced table", &DropTable{Names: []string{"users"}}, Options{}, 3730, "Cannot drop table 'users' referenced by a foreign key constraint 'posts_ibfk_1' on table 'posts'."},
		{"drop parent and child together", &DropTable{Names: []string{"users", "posts"}}, Options{}, 0, ""},
		{"drop parent with foreign_key_checks=0", &DropTable{Names: []string{"users"}}, Options{ForeignKeyChecksOff: true}, 0, ""},
		{"3734 parent column missing", alter("posts", &AddForeignKey{ForeignKey: fkey("fk_x", []string{"user_id"}, "users", "nope")}), Options{}, 3734, ""},
		{"3780 signedness differs", alter("posts", &AddColumn{Column: col(t, "editor_id", "INT")}, &AddForeignKey{ForeignKey: fkey("fk_editor", []string{"editor_id"}, "users", "id")}), Options{}, 3780,
			"Referencing column 'editor_id' and referenced column 'id' in foreign key constraint 'fk_editor' are incompatible."},
		{"3780 BIGINT vs INT", alter("posts", &AddColumn{Column: col(t, "editor_id", "BIGINT UNSIGNED")}, &AddForeignKey{ForeignKey: fkey("fk_editor", []string{"editor_id"}, "users", "id")}), Options{}, 3780, ""},
		{"3780 modify parent column type", alter("users", &ModifyColumn{Name: "id", Column: col(t, "id", "BIGINT UNSIGNED", autoInc)}), Options{}, 3780, ""},
		{"3780 charset differs", alter("posts", &AddColumn{Column: col(t, "email", "VARCHAR(255) CHARACTER SET latin1")}, &AddForeignKey{ForeignKey: fkey("fk_email", []string{"email"}, "users", "email")}), Options{}, 3780, ""},
		{"VARCHAR(100) may reference VARCHAR(255)", alter("posts", &AddColumn{Column: col(t, "email", "VARCHAR(100)")}, &AddForeignKey{ForeignKey: fkey("fk_email", []string{"email"}, "users", "email")}), Options{}, 0, ""},
		{"3821 drop unknown check", alter("users", &DropCheck{Name: "nope"}), Options{}, 3821, ""},
		{"3822 duplicate check name", alter("users", &AddCheck{Check: &Check{Name: "c1", Expr: "id > 0"}}, &AddCheck{Check: &Check{Name: "c1", Expr: "id > 1"}}), Options{}, 3822, "Duplicate check constraint name 'c1'."},
		{"3940 drop unknown constraint", alter("users", &DropConstraint{Name: "nope"}), Options{}, 3940, "Constraint 'nope' does not exist."},
		{"1553 drop the parent key of a FK", alter("users", &DropIndex{Name: "email"}), Options{}, 1553, "Cannot drop index 'email'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := apply(t, baseSchema(t), alter("posts", &AddColumn{Column: col(t, "user_email", "VARCHAR(255)")},
				&AddForeignKey{ForeignKey: fkey("fk_posts_email", []string{"user_email"}, "users", "email")}))
			_, err := Apply(s, tt.change, tt.opts)
			if got := errCode(err); got != tt.wantCode {
				t.Fatalf("Apply(%s) error = %v, want code %d", RenderChange(tt.change), err, tt.wantCode)
			}
			if tt.wantMsg != "" && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("Apply(%s) error = %q, want it to contain %q", RenderChange(tt.change), err.Error(), tt.wantMsg)
			}
		})
	}
}

func TestForeignKeyParentKeyByVersion(t *testing.T) {
	s := apply(t, baseSchema(t), alter("users", &AddIndex{Index: key("", "name")}))
	add := alter("posts", &AddColumn{Column: col(t, "author", "VARCHAR(100)")},
		&AddForeignKey{ForeignKey: fkey("fk_author", []string{"author"}, "users", "name")})
	tests := []struct {
		name     string
		version  string
		wantCode int
	}{
		{"8.0 accepts a non-unique parent index", "8.0.36", 0},
		{"8.4 requires a unique parent key", "8.4.0", ErFKNoUniqueIndexParent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Apply(s, add, Options{Version: tt.version})
			if got := errCode(err); got != tt.wantCode {
				t.Fatalf("error = %v, want code %d", err, tt.wantCode)
			}
		})
	}
}

func TestApplyBehaviour(t *testing.T) {
	tests := []struct {
		name  string
		steps func(t *testing.T, s *Schema) *Schema
		check func(s *Schema) string // describes what was found; compared with want
		want  string
	}{
		{
			name:  "implicit FK index named after the first column",
			steps: func(t *testing.T, s *Schema) *Schema { return s },
			check: func(s *Schema) string { return indexNames(s.Table("posts")) },
			want:  "PRIMARY(id) user_id(user_id)*",
		},
		{
			name: "implicit FK index named after the constraint",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("posts", &AddColumn{Column: col(t, "editor_id", "INT UNSIGNED")},
					&AddForeignKey{ForeignKey: fkey("fk_editor", []string{"editor_id"}, "users", "id")}))
			},
			check: func(s *Schema) string { return indexNames(s.Table("posts")) },
			want:  "PRIMARY(id) user_id(user_id)* fk_editor(editor_id)*",
		},
		{
			name: "implicit FK index named after the FOREIGN KEY index_name",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("posts", &AddColumn{Column: col(t, "editor_id", "INT UNSIGNED")},
					&AddForeignKey{ForeignKey: fkey("", []string{"editor_id"}, "users", "id"), IndexName: "ix_editor"}))
			},
			check: func(s *Schema) string { return indexNames(s.Table("posts")) },
			want:  "PRIMARY(id) user_id(user_id)* ix_editor(editor_id)*",
		},
		{
			name: "explicit index replaces the implicit one",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("posts", &AddColumn{Column: col(t, "created_at", "DATETIME")}),
					alter("posts", &AddIndex{Index: key("ix_user_created", "user_id", "created_at")}))
			},
			check: func(s *Schema) string { return indexNames(s.Table("posts")) },
			want:  "PRIMARY(id) ix_user_created(user_id,created_at)",
		},
		{
			name: "existing index serves a new FK",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, &CreateTable{Table: &Table{Name: "c", Columns: []*Column{col(t, "u", "INT UNSIGNED"), col(t, "v", "INT")},
					Indexes:     []*Index{key("ix_uv", "u", "v")},
					ForeignKeys: []*ForeignKey{fkey("", []string{"u"}, "users", "id")}}})
			},
			check: func(s *Schema) string { return indexNames(s.Table("c")) },
			want:  "ix_uv(u,v)",
		},
		{
			name: "dropping a column shrinks and drops indexes",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("users", &AddIndex{Index: key("ix_name_status", "name", "status")}, &AddIndex{Index: key("ix_name", "name")}),
					alter("users", &DropColumn{Name: "name"}))
			},
			check: func(s *Schema) string { return indexNames(s.Table("users")) },
			want:  "PRIMARY(id) email(email) ix_name_status(status)",
		},
		{
			name: "generated index, FK and check names",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("posts", &AddIndex{Index: key("", "title")}, &AddIndex{Index: key("", "title", "id")},
					&AddColumn{Column: col(t, "editor_id", "INT UNSIGNED")},
					&AddForeignKey{ForeignKey: fkey("", []string{"editor_id"}, "users", "id")},
					&AddCheck{Check: &Check{Expr: "id > 0"}}, &AddCheck{Check: &Check{Expr: "id < 10"}}))
			},
			check: func(s *Schema) string {
				p := s.Table("posts")
				return indexNames(p) + " | " + p.ForeignKeys[0].Name + " " + p.ForeignKeys[1].Name + " | " + p.Checks[0].Name + " " + p.Checks[1].Name
			},
			want: "PRIMARY(id) user_id(user_id)* title(title) title_2(title,id) editor_id(editor_id)* | posts_ibfk_1 posts_ibfk_2 | posts_chk_1 posts_chk_2",
		},
		{
			name: "primary key columns become NOT NULL",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, &CreateTable{Table: &Table{Name: "k", Columns: []*Column{col(t, "a", "INT"), col(t, "b", "INT")}, Indexes: []*Index{primary("a")}}})
			},
			check: func(s *Schema) string {
				return fmt.Sprint(s.Table("k").Column("a").Nullable, s.Table("k").Column("b").Nullable)
			},
			want: "false true",
		},
		{
			name: "RENAME TABLE updates referencing FKs and generated names",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, &RenameTable{Pairs: []RenamePair{{From: "users", To: "accounts"}, {From: "posts", To: "articles"}}})
			},
			check: func(s *Schema) string {
				fk := s.Table("articles").ForeignKeys[0]
				return fk.Name + " -> " + fk.RefTable
			},
			want: "articles_ibfk_1 -> accounts",
		},
		{
			name:  "ALTER TABLE RENAME TO updates referencing FKs",
			steps: func(t *testing.T, s *Schema) *Schema { return apply(t, s, alter("users", &RenameTo{Name: "members"})) },
			check: func(s *Schema) string { return s.Table("posts").ForeignKeys[0].RefTable },
			want:  "members",
		},
		{
			name: "RENAME COLUMN updates indexes and both sides of FKs",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("users", &RenameColumn{From: "id", To: "user_id"}), alter("posts", &RenameColumn{From: "user_id", To: "author_id"}))
			},
			check: func(s *Schema) string {
				fk := s.Table("posts").ForeignKeys[0]
				return indexNames(s.Table("users")) + " | " + indexNames(s.Table("posts")) + " | " + strings.Join(fk.Columns, ",") + " -> " + strings.Join(fk.RefColumns, ",")
			},
			want: "PRIMARY(user_id) email(email) | PRIMARY(id) user_id(author_id)* | author_id -> user_id",
		},
		{
			name: "CHANGE renames like RENAME COLUMN",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("posts", &ModifyColumn{Name: "user_id", Column: col(t, "owner_id", "INT UNSIGNED", notNull)}))
			},
			check: func(s *Schema) string {
				return indexNames(s.Table("posts")) + " " + s.Table("posts").ForeignKeys[0].Columns[0]
			},
			want: "PRIMARY(id) user_id(owner_id)* owner_id",
		},
		{
			name: "CREATE TABLE LIKE copies without foreign keys",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, &CreateTable{Table: &Table{Name: "posts_copy"}, Like: "posts"})
			},
			check: func(s *Schema) string {
				c := s.Table("posts_copy")
				return fmt.Sprint(len(c.Columns), len(c.ForeignKeys), " ", indexNames(c))
			},
			want: "3 0 PRIMARY(id) user_id(user_id)*",
		},
		{
			name: "string columns inherit the table charset; BINARY picks _bin",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, &CreateTable{Table: &Table{Name: "l", Options: TableOptions{Charset: "latin1"},
					Columns: []*Column{col(t, "a", "VARCHAR(10)"), col(t, "b", "CHAR(36) BINARY"), col(t, "c", "VARCHAR(5) COLLATE utf8mb4_bin"), col(t, "d", "VARCHAR(5) CHARACTER SET utf8")}}})
			},
			check: func(s *Schema) string {
				l := s.Table("l")
				var out []string
				for _, c := range l.Columns {
					out = append(out, c.Type.Charset+"/"+c.Type.Collation)
				}
				return l.Options.Collation + " " + strings.Join(out, " ")
			},
			want: "latin1_swedish_ci latin1/latin1_swedish_ci latin1/latin1_bin utf8mb4/utf8mb4_bin utf8mb3/utf8mb3_general_ci",
		},
		{
			name: "server defaults",
			steps: func(t *testing.T, s *Schema) *Schema {
				return s
			},
			check: func(s *Schema) string {
				u := s.Table("users")
				return u.Options.Engine + " " + u.Options.Charset + " " + u.Options.Collation + " " + u.Column("email").Type.Collation
			},
			want: "InnoDB utf8mb4 utf8mb4_0900_ai_ci utf8mb4_0900_ai_ci",
		},
		{
			name: "CONVERT TO CHARACTER SET changes every string column",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, &CreateTable{Table: &Table{Name: "l", Options: TableOptions{Charset: "latin1"},
					Columns: []*Column{col(t, "a", "VARCHAR(10)"), col(t, "b", "TEXT"), col(t, "n", "INT")}}},
					alter("l", &ConvertCharset{Charset: "utf8mb4"}))
			},
			check: func(s *Schema) string {
				l := s.Table("l")
				return l.Columns[0].Type.Collation + " " + l.Columns[1].Type.String() + " " + l.Columns[1].Type.Charset + " " + l.Options.Charset
			},
			want: "utf8mb4_0900_ai_ci mediumtext utf8mb4 utf8mb4",
		},
		{
			name: "DROP CONSTRAINT resolves a foreign key, a check and a unique key",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("users", &AddCheck{Check: &Check{Name: "ck_id", Expr: "id > 0"}}),
					alter("posts", &DropConstraint{Name: "posts_ibfk_1"}),
					alter("users", &DropConstraint{Name: "ck_id"}, &DropConstraint{Name: "email"}))
			},
			check: func(s *Schema) string {
				return fmt.Sprint(len(s.Table("posts").ForeignKeys), len(s.Table("users").Checks), " ", indexNames(s.Table("users")))
			},
			want: "0 0 PRIMARY(id)",
		},
		{
			name: "DML leaves the schema unchanged",
			steps: func(t *testing.T, s *Schema) *Schema {
				next := apply(t, s, &Insert{Table: "users", Columns: []string{"email"}, Rows: 2}, &Update{Table: "users", Columns: []string{"name"}},
					&Delete{Table: "posts"}, &Truncate{Table: "posts"}, &Other{Kind: "SET"})
				if next != s {
					t.Errorf("DML returned a different schema")
				}
				return next
			},
			check: func(s *Schema) string { return fmt.Sprint(len(s.Tables)) },
			want:  "2",
		},
		{
			name: "drop and re-add an index of the same name in one ALTER",
			steps: func(t *testing.T, s *Schema) *Schema {
				return apply(t, s, alter("users", &DropIndex{Name: "email"}, &AddIndex{Index: uniqueKey("email", "email", "name")}))
			},
			check: func(s *Schema) string { return indexNames(s.Table("users")) },
			want:  "PRIMARY(id) email(email,name)",
		},
		{
			name: "failed ALTER is atomic",
			steps: func(t *testing.T, s *Schema) *Schema {
				next, err := Apply(s, alter("users", &AddColumn{Column: col(t, "x", "INT")}, &DropColumn{Name: "nope"}), Options{})
				if err == nil || next != s {
					t.Errorf("Apply = (%p, %v), want the input back with an error", next, err)
				}
				return next
			},
			check: func(s *Schema) string { return fmt.Sprint(s.Table("users").Column("x") == nil) },
			want:  "true",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.steps(t, baseSchema(t))
			if got := tt.check(s); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// snapshot renders every table, so that any mutation shows.
func snapshot(s *Schema) string {
	var b strings.Builder
	for _, t := range s.Tables {
		b.WriteString(t.CreateSQL())
		for _, ix := range t.Indexes {
			fmt.Fprintf(&b, " %v", ix.Implicit)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestApplyCopyOnWrite(t *testing.T) {
	changes := []Change{
		alter("posts", &RenameColumn{From: "user_id", To: "author_id"}, &AddIndex{Index: key("", "title")}),
		alter("users", &RenameColumn{From: "id", To: "uid"}),
		alter("users", &ModifyColumn{Name: "email", Column: col(t, "email", "VARCHAR(300)")}),
		&RenameTable{Pairs: []RenamePair{{From: "users", To: "members"}}},
		alter("users", &AddCheck{Check: &Check{Expr: "1"}}, &SetTableOptions{Options: TableOptions{Comment: "x"}, SetComment: true}),
		alter("posts", &AddIndex{Index: key("ix", "user_id", "title")}),
		alter("users", &ConvertCharset{Charset: "latin1"}),
		&DropTable{Names: []string{"posts"}},
		alter("users", &AlterColumnDefault{Name: "name", Default: &Default{Value: "n"}}),
	}
	for i, c := range changes {
		t.Run(fmt.Sprintf("%d %s", i, RenderChange(c)), func(t *testing.T) {
			s := baseSchema(t)
			before := snapshot(s)
			users := s.Table("users")
			next, err := Apply(s, c, Options{})
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if after := snapshot(s); after != before {
				t.Fatalf("input schema changed:\n%s\nwas:\n%s", after, before)
			}
			if next == s {
				t.Fatalf("Apply returned the input for a schema change")
			}
			if _, ok := c.(*AlterTable); ok && c.(*AlterTable).Table == "posts" && next.Table("users") != users {
				t.Fatalf("an untouched table was copied")
			}
		})
	}
}

func TestApplyRefusesNilParts(t *testing.T) {
	tests := []struct {
		name   string
		change Change
	}{
		{"nil create", (*CreateTable)(nil)},
		{"create without table", &CreateTable{}},
		{"nil clause", alter("users", nil)},
		{"typed nil clause", alter("users", (*AddColumn)(nil))},
		{"add column without column", alter("users", &AddColumn{})},
		{"nil inline clause", alter("users", &AddColumn{Column: col(t, "x", "INT"), Inline: []AlterSpec{(*AddIndex)(nil)}})},
		{"add check without check", alter("users", &AddCheck{})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := baseSchema(t)
			next, err := Apply(s, tt.change, Options{})
			if err == nil || next != s {
				t.Fatalf("Apply = (%p, %v), want the input and an error", next, err)
			}
			if got := RenderChange(tt.change); !strings.HasPrefix(got, "-- ") {
				t.Fatalf("RenderChange = %q, want a comment", got)
			}
		})
	}
}

func TestDefaultsNormalised(t *testing.T) {
	tests := []struct {
		typ, value, want string
	}{
		{"DECIMAL(10,2)", "1.5", "1.50"},
		{"DECIMAL(10,0)", "7", "7"},
		{"TINYINT(1)", "TRUE", "1"},
		{"INT", "007", "7"},
		{"INT", "+3", "3"},
		{"ENUM('Alpha','beta')", "alpha", "Alpha"},
		{"VARCHAR(10)", " x ", " x "},
	}
	for _, tt := range tests {
		t.Run(tt.typ+" "+tt.value, func(t *testing.T) {
			s := apply(t, baseSchema(t), alter("users", &AddColumn{Column: col(t, "d", tt.typ, defaultLit(tt.value))}))
			if got := s.Table("users").Column("d").Default.Value; got != tt.want {
				t.Fatalf("default = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestInlineReferences: MySQL before 9.0 parses a column-level REFERENCES
// and creates no foreign key (nor its index); 9.0 and later enforce it.
func TestInlineReferences(t *testing.T) {
	parent := &CreateTable{Table: &Table{Name: "users", Columns: []*Column{{Name: "id", Type: Type{Base: "int"}}}, Indexes: []*Index{{Name: "PRIMARY", Primary: true, Unique: true, Parts: []IndexPart{{Column: "id"}}}}}}
	child := &CreateTable{Table: &Table{Name: "orders",
		Columns:     []*Column{{Name: "user_id", Type: Type{Base: "int"}, Nullable: true}},
		ForeignKeys: []*ForeignKey{{Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, Inline: true}},
	}}
	tests := []struct {
		version string
		wantFKs int
	}{
		{"8.0.35", 0},
		{"8.4", 0},
		{"9.1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			o := Options{Version: tt.version}
			s, err := Apply(&Schema{}, parent, o)
			if err != nil {
				t.Fatal(err)
			}
			s, err = Apply(s, child, o)
			if err != nil {
				t.Fatal(err)
			}
			orders := s.Table("orders")
			if got := len(orders.ForeignKeys); got != tt.wantFKs {
				t.Errorf("foreign keys = %d, want %d", got, tt.wantFKs)
			}
			if got := len(orders.Indexes); got != tt.wantFKs {
				t.Errorf("indexes = %d, want %d (the FK's implicit index only when the FK exists)", got, tt.wantFKs)
			}
		})
	}
}
