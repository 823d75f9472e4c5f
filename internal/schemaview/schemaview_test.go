package schemaview

import (
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/load/sqlmig"
	"github.com/migration-guardian/guardian/internal/schema"
)

// build replays SQL statements on top of base (nil: empty).
func build(t *testing.T, base *schema.Schema, sql string) *schema.Schema {
	t.Helper()
	s := base
	if s == nil {
		s = &schema.Schema{}
	}
	for _, op := range sqlmig.ParseStatements("test.sql", []byte(sql), 1) {
		if op.Change == nil {
			t.Fatalf("not interpreted: %s: %s", op.Text, op.NotAnalyzed)
		}
		next, err := schema.Apply(s, op.Change, schema.Options{})
		if err != nil {
			t.Fatalf("%s: %v", op.Text, err)
		}
		s = next
	}
	return s
}

const shopSQL = `
CREATE TABLE users (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(191) NOT NULL,
  bio TEXT, flags BIT(3) NOT NULL DEFAULT b'101', price DECIMAL(10,2) NOT NULL DEFAULT 0.00, active TINYINT(1) NOT NULL DEFAULT 1,
  token CHAR(36) NOT NULL DEFAULT (uuid()), kind ENUM('a','b') NULL DEFAULT NULL, seen DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3),
  UNIQUE KEY users_email_uk (email), KEY users_bio_ix (bio(10)), KEY users_seen_ix (seen DESC));
CREATE TABLE profiles (user_id BIGINT UNSIGNED NOT NULL PRIMARY KEY, CONSTRAINT profiles_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
CREATE TABLE posts (id INT NOT NULL PRIMARY KEY, author_id BIGINT UNSIGNED NULL, ` + "`weird name`" + ` INT,
  CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON UPDATE no action);
`

func TestNewTable(t *testing.T) {
	s := build(t, nil, shopSQL)
	users, posts := NewTable(s.Table("users")), NewTable(s.Table("posts"))
	str := func(p *string) string {
		if p == nil {
			return "<null>"
		}
		return *p
	}
	col := func(tb Table, name string) Column {
		for _, c := range tb.Columns {
			if c.Name == name {
				return c
			}
		}
		t.Fatalf("no column %s", name)
		return Column{}
	}
	tests := []struct {
		name, got, want string
	}{
		{"type bigint unsigned", col(users, "id").Type, "bigint unsigned"},
		{"type decimal", col(users, "price").Type, "decimal(10,2)"},
		{"type tinyint(1)", col(users, "active").Type, "tinyint(1)"},
		{"type enum", col(users, "kind").Type, "enum('a','b')"},
		{"type datetime(3)", col(users, "seen").Type, "datetime(3)"},
		{"no default", str(col(users, "email").Default), "<null>"},
		{"default NULL", str(col(users, "kind").Default), "<null>"},
		{"numeric default", str(col(users, "price").Default), "0.00"},
		{"expression default", str(col(users, "token").Default), "UUID()"},
		{"now default", str(col(users, "seen").Default), "CURRENT_TIMESTAMP(3)"},
		{"prefix index", strings.Join(users.Indexes[2].Columns, ","), "bio(10)"},
		{"descending index", strings.Join(users.Indexes[3].Columns, ","), "seen DESC"},
		{"index order", users.Indexes[0].Name + "," + users.Indexes[1].Name, "PRIMARY,users_email_uk"},
		{"unstated rule", posts.ForeignKeys[0].OnDelete, "RESTRICT"},
		{"stated rule upper case", posts.ForeignKeys[0].OnUpdate, "NO ACTION"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if !users.Indexes[0].Primary || !users.Indexes[0].Unique {
		t.Errorf("PRIMARY should be primary and unique: %+v", users.Indexes[0])
	}
}

func TestSelect(t *testing.T) {
	s := build(t, nil, shopSQL)
	tests := []struct {
		name    string
		tables  []string
		want    string
		wantErr string
	}{
		{"all", nil, "users,profiles,posts", ""},
		{"definition order kept", []string{"posts", "users"}, "users,posts", ""},
		{"unknown", []string{"users", "nope", "gone"}, "", "no table nope, gone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Select(s, tt.tables)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tb := range got.Tables {
				names = append(names, tb.Name)
			}
			if g := strings.Join(names, ","); g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
		})
	}
}

func TestMermaid(t *testing.T) {
	s := build(t, nil, shopSQL)
	out := Diagram{}.Render(s)
	if err := CheckMermaid(out); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	tests := []struct {
		name, want string
	}{
		{"one-to-one from a unique FK", `users ||--o| profiles : "profiles_user_fk"`},
		{"optional parent from a nullable FK", `users |o--o{ posts : "posts_author_fk"`},
		{"keys", "bigint_unsigned user_id PK, FK"},
		{"unique key", "varchar(191) email UK"},
		{"decimal without comma", "decimal(10_2) price"},
		{"enum without values", "enum kind"},
		{"invalid name rewritten", "int weird_name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(out, tt.want) {
				t.Errorf("diagram lacks %q:\n%s", tt.want, out)
			}
		})
	}
}

func TestIdents(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  string
	}{
		{"valid kept", []string{"users", "Order_Items"}, "users,Order_Items"},
		{"invalid characters", []string{"order-items", "a b", "café"}, "order_items,a_b,caf_"},
		{"leading digit", []string{"2fa"}, "_2fa"},
		{"key markers are not names", []string{"pk", "FK"}, "pk_,FK_"},
		{"collisions made distinct", []string{"a-b", "a_b", "A.B"}, "a_b,a_b_2,A_B_3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := newIdents()
			var got []string
			for _, n := range tt.names {
				got = append(got, ids.get("", n))
			}
			if g := strings.Join(got, ","); g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
		})
	}
}

func TestCheckMermaid(t *testing.T) {
	tests := []struct {
		name, text, wantErr string
	}{
		{"valid", "erDiagram\n    a {\n        int id PK\n    }\n    b {\n    }\n    a ||--o{ b : \"fk\"\n", ""},
		{"header", "graph TD\n", "first line"},
		{"undeclared entity", "erDiagram\n    a {\n    }\n    a ||--o{ b : \"fk\"\n", "undeclared entity b"},
		{"space in type", "erDiagram\n    a {\n        int unsigned id\n    }\n", "not an attribute"},
		{"comma in type", "erDiagram\n    a {\n        decimal(10,2) x\n    }\n", "not an attribute"},
		{"bad entity name", "erDiagram\n    a-b {\n    }\n", "neither an entity"},
		{"duplicate entity", "erDiagram\n    a {\n    }\n    a {\n    }\n", "declared twice"},
		{"duplicate attribute", "erDiagram\n    a {\n        int x\n        int X\n    }\n", "declared twice"},
		{"key marker as a name", "erDiagram\n    a {\n        int pk\n    }\n", "key marker"},
		{"unclosed", "erDiagram\n    a {\n        int x\n", "not closed"},
		{"quote in comment", "erDiagram\n    a {\n        int x \"a\"b\"\n    }\n", "not an attribute"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckMermaid(tt.text)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("err %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	before := build(t, nil, shopSQL)
	tests := []struct {
		name   string
		change string
		want   []string // "table status: kind change name (from) before -> after"
	}{
		{"rename", "ALTER TABLE users RENAME COLUMN bio TO about",
			[]string{"users changed: column renamed about (bio) text -> text", "users changed: index changed users_bio_ix () KEY `users_bio_ix` (`bio`(10)) -> KEY `users_bio_ix` (`about`(10))"}},
		{"two identical columns dropped and added are not paired", "ALTER TABLE posts DROP COLUMN `weird name`, ADD COLUMN x INT, ADD COLUMN y INT",
			[]string{"posts changed: column dropped weird name () int DEFAULT NULL -> ", "posts changed: column added x ()  -> int DEFAULT NULL", "posts changed: column added y ()  -> int DEFAULT NULL"}},
		{"modify", "ALTER TABLE users MODIFY email VARCHAR(255) NOT NULL",
			[]string{"users changed: column changed email () varchar(191) NOT NULL -> varchar(255) NOT NULL"}},
		{"new table", "CREATE TABLE tags (id INT NOT NULL PRIMARY KEY)",
			[]string{"tags new: column added id ()  -> int NOT NULL", "tags new: index added PRIMARY ()  -> PRIMARY KEY (`id`)"}},
		{"dropped table", "DROP TABLE profiles",
			[]string{"profiles dropped: column dropped user_id () bigint unsigned NOT NULL -> ", "profiles dropped: index dropped PRIMARY () PRIMARY KEY (`user_id`) -> ",
				"profiles dropped: foreign key dropped profiles_user_fk () CONSTRAINT `profiles_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE -> "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			after := build(t, before, tt.change)
			var got []string
			for _, td := range Diff(before, after) {
				for _, it := range td.Items {
					got = append(got, td.Name+" "+td.Status+": "+it.Kind+" "+it.Change+" "+it.Name+" ("+it.From+") "+it.Before+" -> "+it.After)
				}
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("got\n%s\nwant\n%s", g, w)
			}
		})
	}
}

func TestChangeDiagram(t *testing.T) {
	before := build(t, nil, shopSQL+"CREATE TABLE unrelated (id INT);")
	after := build(t, before, `ALTER TABLE profiles ADD COLUMN nick VARCHAR(20) NULL;
ALTER TABLE users DROP COLUMN bio, MODIFY active TINYINT(1) NULL;
CREATE TABLE follows (id INT NOT NULL PRIMARY KEY, user_id BIGINT UNSIGNED NOT NULL, CONSTRAINT follows_user_fk FOREIGN KEY (user_id) REFERENCES users (id));`)
	tables, d := ChangeDiagram(before, after, Diff(before, after))
	out := d.Render(tables)
	if err := CheckMermaid(out); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	tests := []struct {
		name, want string
		absent     bool
	}{
		{"new column", `varchar(20) nick "NEW"`, false},
		{"changed column", `tinyint(1) active "CHANGED: was tinyint(1) NOT NULL DEFAULT '1'"`, false},
		{"dropped column", `text bio "DROPPED"`, false},
		{"new table's columns", `int id PK "NEW"`, false},
		{"new relationship", `users ||--o{ follows : "follows_user_fk (NEW)"`, false},
		{"neighbour drawn briefly", "posts {\n        int id PK\n        bigint_unsigned author_id FK\n    }", false},
		{"unrelated table left out", "unrelated", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(out, tt.want) == tt.absent {
				t.Errorf("diagram (absent=%v) %q:\n%s", tt.absent, tt.want, out)
			}
		})
	}
}
