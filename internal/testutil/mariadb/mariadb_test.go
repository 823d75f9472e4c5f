package mariadb

import (
	"context"
	"strings"
	"testing"
)

func TestStartAndSnapshot(t *testing.T) {
	dsn := Start(t)
	db := Open(t, dsn)
	ctx := context.Background()
	for _, stmt := range []string{
		"CREATE TABLE users (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE," +
			" status ENUM('a','b') NOT NULL DEFAULT 'a', note VARCHAR(20) DEFAULT 'it''s', created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)",
		"CREATE TABLE posts (id INT UNSIGNED NOT NULL PRIMARY KEY, user_id INT UNSIGNED NOT NULL, title VARCHAR(100)," +
			" KEY ix_title (title(10)), CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)",
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s, err := Snapshot(ctx, db, Database)
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}
	tests := []struct {
		name string
		got  func() string
		want string
	}{
		{"tables", func() string { return s.Tables[0].Name + "," + s.Tables[1].Name }, "posts,users"},
		{"id", func() string { return s.Table("users").Column("id").DefinitionSQL() }, "`id` int unsigned NOT NULL AUTO_INCREMENT"},
		{"enum default", func() string { return s.Table("users").Column("status").Default.Value }, "a"},
		{"quoted default", func() string { return s.Table("users").Column("note").Default.Value }, "it's"},
		{"now default", func() string {
			return s.Table("users").Column("created_at").Default.SQL(s.Table("users").Column("created_at").Type)
		}, "CURRENT_TIMESTAMP"},
		{"email charset", func() string { return s.Table("users").Column("email").Type.Charset }, "utf8mb4"},
		{"indexes", func() string {
			var n []string
			for _, ix := range s.Table("posts").Indexes {
				n = append(n, ix.IndexSQL())
			}
			return strings.Join(n, "; ")
		}, "PRIMARY KEY (`id`); KEY `fk_user` (`user_id`); KEY `ix_title` (`title`(10))"},
		{"foreign key", func() string { return s.Table("posts").ForeignKeys[0].ForeignKeySQL() },
			"CONSTRAINT `fk_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got(); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
