package sqlmig

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// readTree returns the files under testdata/dir with slash paths relative to it.
func readTree(t *testing.T, dir string) []File {
	t.Helper()
	root := filepath.Join("testdata", dir)
	var files []File
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, File{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// summary renders a migration on one line: version, name, convention, up
// path, down path, HasDown, DownSpan line, and the op kinds of each direction
// with their first lines.
func summary(m *ir.Migration) string {
	ops := func(list []ir.Op) string {
		var parts []string
		for _, op := range list {
			kind := "NA"
			if op.Change != nil {
				kind = strings.TrimPrefix(fmt.Sprintf("%T", op.Change), "*schema.")
			}
			parts = append(parts, fmt.Sprintf("%s@%d", kind, op.Span.Line))
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	down := "-"
	if m.HasDown {
		down = fmt.Sprintf("down@%s:%d", m.DownSpan.Path, m.DownSpan.Line)
	}
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s up=%s down=%s", m.Version, m.Name, m.Convention, m.Path, m.DownPath, down, ops(m.Up), ops(m.Down))
}

func TestLoadConventions(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{
			dir: "golang-migrate",
			want: []string{
				"1|init|golang-migrate|db/migrations/1_init.up.sql|db/migrations/1_init.down.sql|down@db/migrations/1_init.down.sql:1 up=[CreateTable@1] down=[DropTable@1]",
				"2|add_email|golang-migrate|db/migrations/2_add_email.up.sql|db/migrations/2_add_email.down.sql|down@db/migrations/2_add_email.down.sql:1 up=[AlterTable@1] down=[]",
				"10|index|golang-migrate|db/migrations/10_index.up.sql||- up=[AlterTable@1] down=[]",
			},
		},
		{
			dir: "rollback",
			want: []string{
				"001|create|rollback-pair|sql/001_create.sql|sql/001_create_ROLLBACK.sql|down@sql/001_create_ROLLBACK.sql:1 up=[CreateTable@1] down=[DropTable@1]",
				"002|col|rollback-pair|sql/002_col.sql|sql/002_col.rollback.sql|down@sql/002_col.rollback.sql:1 up=[AlterTable@1] down=[AlterTable@1]",
				"003|plain|plain|sql/003_plain.sql||- up=[AlterTable@1] down=[]",
			},
		},
		{
			dir: "dbmate",
			want: []string{
				"20240101120000|users|dbmate|db/migrations/20240101120000_users.sql||down@db/migrations/20240101120000_users.sql:6 up=[CreateTable@2] down=[DropTable@7]",
				"20240102120000|empty_down|dbmate|db/migrations/20240102120000_empty_down.sql||down@db/migrations/20240102120000_empty_down.sql:3 up=[AlterTable@2] down=[]",
				"20240103120000|no_down|dbmate|db/migrations/20240103120000_no_down.sql||- up=[AlterTable@2] down=[]",
			},
		},
		{
			dir: "goose",
			want: []string{
				"00001|create|goose|migrations/00001_create.sql||down@migrations/00001_create.sql:11 up=[CreateTable@3 Other@5] down=[Other@12 DropTable@13]",
			},
		},
		{
			dir: "sql-migrate",
			want: []string{
				"1|init|sql-migrate|migrations/1_init.sql||down@migrations/1_init.sql:6 up=[CreateTable@2 NA@4] down=[DropTable@7]",
			},
		},
		{
			dir: "shmig",
			want: []string{
				"1400000000|create|shmig|migrations/1400000000-create.sql||down@migrations/1400000000-create.sql:6 up=[Other@2 CreateTable@3 Other@4] down=[Other@7 DropTable@8 Other@9]",
			},
		},
		{
			dir: "flyway",
			want: []string{
				"1|init|flyway|src/main/resources/db/migration/V1__init.sql|src/main/resources/db/migration/U1__init.sql|down@src/main/resources/db/migration/U1__init.sql:1 up=[CreateTable@1] down=[DropTable@1]",
				"1.1|more|flyway|src/main/resources/db/migration/V1_1__more.sql||- up=[AlterTable@1] down=[]",
				"1.10|later|flyway|src/main/resources/db/migration/V1.10__later.sql||- up=[AlterTable@1] down=[]",
				"2|two|flyway|src/main/resources/db/migration/V2__two.sql||- up=[AlterTable@1] down=[]",
				"|views|flyway-repeatable|src/main/resources/db/migration/R__views.sql||- up=[Other@1] down=[]",
			},
		},
		{
			dir: "popx",
			want: []string{
				"1|init|popx|migrations/1_init.mysql.up.sql|migrations/1_init.down.sql|down@migrations/1_init.down.sql:1 up=[CreateTable@1] down=[DropTable@1]",
				"2|more|popx|migrations/2_more.up.sql||- up=[CreateTable@1] down=[]",
			},
		},
		{
			dir: "folder",
			want: []string{
				"3||folder|migrations/3/up.sql||- up=[AlterTable@1] down=[]",
				// numeric order: an 8-digit version sorts before a 14-digit one
				"20240101|init|folder|migrations/20240101_init/up.sql|migrations/20240101_init/down.sql|down@migrations/20240101_init/down.sql:1 up=[CreateTable@1] down=[DropTable@1]",
				"20230101000000|base|prisma|prisma/migrations/20230101000000_base/migration.sql||- up=[CreateTable@1] down=[]",
			},
		},
		{
			dir: "plain",
			want: []string{
				"1|first|plain|migrations/1_first.sql||- up=[CreateTable@1] down=[]",
				"2|dup|plain|migrations/2_dup.sql||- up=[AlterTable@1] down=[]",
				"2|second|plain|migrations/2_second.sql||- up=[AlterTable@1] down=[]",
				"10|tenth|plain|migrations/10_tenth.sql||- up=[AlterTable@1] down=[]",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			var got []string
			for _, m := range Load(readTree(t, tt.dir)) {
				if m.Kind != "sql" {
					t.Errorf("%s: Kind = %q", m.Path, m.Kind)
				}
				if len(m.Problems) > 0 {
					t.Errorf("%s: problems %+v", m.Path, m.Problems)
				}
				got = append(got, summary(m))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Load(%s)\n got:\n  %s\nwant:\n  %s", tt.dir, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestLoadPopxShadowedFileNotRead(t *testing.T) {
	ms := Load(readTree(t, "popx"))
	ct := ms[0].Up[0].Change.(*schema.CreateTable)
	if ct.Table.Name != "mysql_only" {
		t.Errorf("popx up read %q, want the .mysql. file", ct.Table.Name)
	}
	if !reflect.DeepEqual(ms[0].Paths, []string{"migrations/1_init.mysql.up.sql", "migrations/1_init.down.sql"}) {
		t.Errorf("Paths = %v", ms[0].Paths)
	}
}

func TestLoadIgnoresVendoredAndUnversioned(t *testing.T) {
	files := []File{
		{Path: "node_modules/pkg/migrations/1_x.sql", Data: []byte("DROP TABLE a;")},
		{Path: "app/vendor/migrations/1_x.up.sql", Data: []byte("DROP TABLE a;")},
		{Path: ".git/migrations/1_x.sql", Data: []byte("DROP TABLE a;")},
		{Path: "db/schema.sql", Data: []byte("CREATE TABLE a (id INT);")},
		{Path: "db/migrations/README.md", Data: []byte("# 1_x.sql")},
		{Path: "db/queries/report.sql", Data: []byte("SELECT 1;")},
	}
	if ms := Load(files); len(ms) != 0 {
		t.Errorf("Load read %d migrations: %s", len(ms), summary(ms[0]))
	}
}

func TestLoadVersionShapes(t *testing.T) {
	tests := []struct {
		path, version, name string
	}{
		{"db/001-init.sql", "001", "init"},
		{"db/2024-01-31-add-users.sql", "2024-01-31", "add-users"},
		{"db/2024_01_31_120000_create_users_table.sql", "2024_01_31_120000", "create_users_table"},
		{"db/7.sql", "7", ""},
		{"db/1.2_fix.sql", "1.2", "fix"},
		{"db/20240101120000_Add_Users.UP.sql", "20240101120000", "Add_Users"},
	}
	for _, tt := range tests {
		ms := Load([]File{{Path: tt.path, Data: []byte("SELECT 1;")}})
		if len(ms) != 1 || ms[0].Version != tt.version || ms[0].Name != tt.name {
			t.Errorf("%s: got %v", tt.path, ms)
			continue
		}
	}
}

func TestLoadUnversionedWithMarkers(t *testing.T) {
	ms := Load([]File{{Path: "db/init.sql", Data: []byte("-- migrate:up\nCREATE TABLE a (id INT);\n")}})
	if len(ms) != 1 || ms[0].Convention != ConvDbmate || ms[0].Version != "" || ms[0].Name != "init" {
		t.Fatalf("got %v", ms)
	}
}

func TestLoadProblems(t *testing.T) {
	huge := make([]byte, MaxFileSize+1)
	for i := range huge {
		huge[i] = ' '
	}
	files := []File{
		{Path: "migrations/1_huge.sql", Data: huge},
		{Path: "migrations/2_latin1.sql", Data: []byte("SELECT 1;\nINSERT INTO t VALUES ('caf\xe9');\n")},
		{Path: "migrations/3_orphan_rollback.sql", Data: []byte("DROP TABLE x;")},
		{Path: "migrations/4_pre.sql", Data: []byte("SET x = 1;\n-- +goose Up\nSELECT 1;\n")},
		{Path: "migrations/5_a.up.sql", Data: []byte("SELECT 1;")},
		{Path: "migrations/5_a.mysql.up.sql", Data: []byte("SELECT 2;")},
		{Path: "migrations/6_bad.sql", Data: []byte("CREATE TABLE (;\nSELECT 1;")},
	}
	ms := Load(files)
	want := map[string]string{
		"1": "over the 5 MiB limit",
		"2": "not valid UTF-8",
		"3": "rollback file without the migration",
		"4": "belong to no section",
		"6": "",
		"5": "",
	}
	if len(ms) != len(want) {
		t.Fatalf("got %d migrations", len(ms))
	}
	for _, m := range ms {
		w := want[m.Version]
		if w == "" {
			if len(m.Problems) != 0 {
				t.Errorf("%s: unexpected problems %+v", m.Path, m.Problems)
			}
			continue
		}
		if len(m.Problems) != 1 || !strings.Contains(m.Problems[0].Message, w) || !m.Problems[0].Span.Valid() {
			t.Errorf("%s: problems %+v, want one containing %q", m.Path, m.Problems, w)
		}
	}
	if ms[1].Problems[0].Span.Line != 2 {
		t.Errorf("invalid UTF-8 reported at line %d, want 2", ms[1].Problems[0].Span.Line)
	}
	if bad := ms[5]; bad.Up[0].Change != nil || bad.Up[0].NotAnalyzed == "" || bad.Up[1].Change == nil {
		t.Errorf("a bad statement must not hide the next one: %s", summary(bad))
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2", "10", -1},
		{"10", "2", 1},
		{"1.2", "1.10", -1},
		{"1_2", "1.2", 0},
		{"001", "1", 0},
		{"1", "1.1", -1},
		{"20240101120000", "20240101120001", -1},
		{"20231231235959", "20240101000000", -1},
		{"99999999999999999999999", "100000000000000000000000", -1},
		{"1a", "1b", -1},
		{"", "1", 1},
		{"1", "", -1},
		{"", "", 0},
	}
	for _, tt := range tests {
		if got := CompareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDefaultGlobs(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"migrations/1_init.up.sql", true},
		{"db/migrations/20240101_x.sql", true},
		{"db/001_x.sql", true},
		{"src/main/resources/db/migration/V1__init.sql", true},
		{"services/api/migrate/3_x.up.sql", true},
		{"database/migrations/2024_01_01_000000_x.sql", true},
		{"prisma/migrations/20240101_init/migration.sql", true},
		{"sql/001.sql", true},
		{"flyway/V2__x.sql", true},
		{"db/migrations/1_x.js", false},
		{"test/fixtures/query.sql", false},
		{"report.sql", false},
	}
	for _, tt := range tests {
		got := false
		for _, g := range DefaultGlobs() {
			if ok, err := doublestar.Match(g, tt.path); err != nil {
				t.Fatalf("bad glob %q: %v", g, err)
			} else if ok {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("DefaultGlobs match %s = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	var files []File
	for i := 1; i <= 1000; i++ {
		up := fmt.Sprintf(`-- migration %d
CREATE TABLE t%d (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL DEFAULT '',
  parent_id BIGINT UNSIGNED NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY idx_parent (parent_id),
  CONSTRAINT fk_t%d_parent FOREIGN KEY (parent_id) REFERENCES t%d (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
ALTER TABLE t%d ADD COLUMN note TEXT NULL AFTER name, ALGORITHM=INSTANT;
INSERT INTO t%d (name) VALUES ('a'), ('b');
`, i, i, i, max(i-1, 1), i, i)
		files = append(files,
			File{Path: fmt.Sprintf("db/migrations/%d_create_t%d.up.sql", i, i), Data: []byte(up)},
			File{Path: fmt.Sprintf("db/migrations/%d_create_t%d.down.sql", i, i), Data: []byte(fmt.Sprintf("DROP TABLE t%d;\n", i))})
	}
	b.ResetTimer()
	for b.Loop() {
		ms := Load(files)
		if len(ms) != 1000 {
			b.Fatalf("got %d migrations", len(ms))
		}
	}
}
