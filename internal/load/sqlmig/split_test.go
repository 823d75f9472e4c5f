package sqlmig

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/migration-guardian/guardian/internal/schema"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/split")

// st is a compact expected statement: its lines and text.
type st struct {
	line, end int
	text      string
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []st
	}{
		{
			name: "simple",
			src:  "SELECT 1;\nSELECT 2;",
			want: []st{{1, 1, "SELECT 1"}, {2, 2, "SELECT 2"}},
		},
		{
			name: "no final delimiter and blank lines",
			src:  "\n\n  CREATE TABLE t (\n    id INT\n  )\n\n",
			want: []st{{3, 5, "CREATE TABLE t (\n    id INT\n  )"}},
		},
		{
			name: "empty statements dropped",
			src:  ";;\n ; SELECT 1;;",
			want: []st{{2, 2, "SELECT 1"}},
		},
		{
			name: "line comments",
			src:  "-- a; b\n# c; d\nSELECT 1 -- e;\n, 2; --not a comment;\n",
			want: []st{{3, 4, "SELECT 1 -- e;\n, 2"}, {4, 4, "--not a comment"}},
		},
		{
			name: "dash dash at end of input",
			src:  "SELECT 1;\n--",
			want: []st{{1, 1, "SELECT 1"}},
		},
		{
			name: "block comments",
			src:  "/* x;\n y; */ SELECT /* ; */ 1;\n/* trailing; */",
			want: []st{{2, 2, "SELECT /* ; */ 1"}},
		},
		{
			name: "executable comments are code",
			src:  "/*!40101 SET NAMES utf8 */;\n/*!80000 SET @x = 1 */;\nSELECT /*+ MAX_EXECUTION_TIME(1) */ 1;",
			want: []st{{1, 1, "/*!40101 SET NAMES utf8 */"}, {2, 2, "/*!80000 SET @x = 1 */"}, {3, 3, "SELECT /*+ MAX_EXECUTION_TIME(1) */ 1"}},
		},
		{
			name: "quotes",
			src:  "INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s;', 'x\\';y');\nSELECT `a;``b` FROM t;",
			want: []st{{1, 1, "INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s;', 'x\\';y')"}, {2, 2, "SELECT `a;``b` FROM t"}},
		},
		{
			name: "multi-line string counts lines",
			src:  "INSERT INTO t VALUES ('a\nb\nc');\nSELECT 1;",
			want: []st{{1, 3, "INSERT INTO t VALUES ('a\nb\nc')"}, {4, 4, "SELECT 1"}},
		},
		{
			name: "comment markers inside quotes",
			src:  "SELECT '-- no', '# no', '/* no */';SELECT 2;",
			want: []st{{1, 1, "SELECT '-- no', '# no', '/* no */'"}, {1, 1, "SELECT 2"}},
		},
		{
			name: "delimiter switches",
			src: "DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND //\nDELIMITER ;\nSELECT 2;\n" +
				"delimiter $$\nCREATE FUNCTION f() RETURNS INT RETURN 1$$\nDELIMITER ;\n",
			want: []st{
				{2, 5, "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND"},
				{7, 7, "SELECT 2"},
				{9, 9, "CREATE FUNCTION f() RETURNS INT RETURN 1"},
			},
		},
		{
			name: "delimiter glued to END",
			src:  "DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END;;\nDELIMITER ;\n",
			want: []st{{2, 2, "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END"}},
		},
		{
			name: "column named delimiter stays a column",
			src:  "CREATE TABLE t (\n  id INT,\ndelimiter VARCHAR(3)\n);",
			want: []st{{1, 4, "CREATE TABLE t (\n  id INT,\ndelimiter VARCHAR(3)\n)"}},
		},
		{
			name: "procedure body without delimiter",
			src: "CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN n INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n" +
				"  lbl: LOOP\n    IF i > n THEN LEAVE lbl; END IF;\n    SET i = IF(i > 2, i + 1, i + 2);\n  END LOOP lbl;\n" +
				"  CASE i WHEN 1 THEN SELECT 1; ELSE BEGIN SELECT 2; END; END CASE;\n" +
				"  WHILE i > 0 DO SET i = i - 1; END WHILE;\n  REPEAT SET i = i + 1; UNTIL i > 3 END REPEAT;\n" +
				"  DROP TABLE IF EXISTS tmp;\nEND;\nSELECT 3;",
			want: []st{
				{1, 12, "CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN n INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n" +
					"  lbl: LOOP\n    IF i > n THEN LEAVE lbl; END IF;\n    SET i = IF(i > 2, i + 1, i + 2);\n  END LOOP lbl;\n" +
					"  CASE i WHEN 1 THEN SELECT 1; ELSE BEGIN SELECT 2; END; END CASE;\n" +
					"  WHILE i > 0 DO SET i = i - 1; END WHILE;\n  REPEAT SET i = i + 1; UNTIL i > 3 END REPEAT;\n" +
					"  DROP TABLE IF EXISTS tmp;\nEND"},
				{13, 13, "SELECT 3"},
			},
		},
		{
			name: "IF NOT and IF EXISTS statements in a body",
			src: "CREATE PROCEDURE p()\nBEGIN\n  IF NOT done THEN SELECT 1; END IF;\n  IF EXISTS (SELECT 1 FROM t) THEN DELETE FROM t; END IF;\n" +
				"  DROP TABLE IF EXISTS x;\n  CREATE TABLE IF NOT EXISTS y (id INT);\n  SELECT IF(a, 1, 2) FROM t;\nEND;\nSELECT 9;",
			want: []st{
				{1, 8, "CREATE PROCEDURE p()\nBEGIN\n  IF NOT done THEN SELECT 1; END IF;\n  IF EXISTS (SELECT 1 FROM t) THEN DELETE FROM t; END IF;\n" +
					"  DROP TABLE IF EXISTS x;\n  CREATE TABLE IF NOT EXISTS y (id INT);\n  SELECT IF(a, 1, 2) FROM t;\nEND"},
				{9, 9, "SELECT 9"},
			},
		},
		{
			name: "trigger with IF and no BEGIN",
			src:  "CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW IF NEW.a < 0 THEN SET NEW.a = 0; END IF;\nSELECT 1;",
			want: []st{{1, 1, "CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW IF NEW.a < 0 THEN SET NEW.a = 0; END IF"}, {2, 2, "SELECT 1"}},
		},
		{
			name: "statement block without StatementEnd",
			src:  "-- +goose StatementBegin\nSELECT 1;\nSELECT 2;\n",
			want: []st{{2, 3, "SELECT 1;\nSELECT 2"}},
		},
		{
			name: "trigger without BEGIN ends at semicolon",
			src:  "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = IF(NEW.a IS NULL, 0, NEW.a);\nSELECT 1;",
			want: []st{{1, 1, "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = IF(NEW.a IS NULL, 0, NEW.a)"}, {2, 2, "SELECT 1"}},
		},
		{
			name: "event body",
			src:  "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END;\nSELECT 1;",
			want: []st{{1, 1, "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END"}, {2, 2, "SELECT 1"}},
		},
		{
			name: "CASE expression in ordinary statements does not nest",
			src:  "SELECT CASE WHEN a THEN 1 END FROM t;\nBEGIN;\nCOMMIT;",
			want: []st{{1, 1, "SELECT CASE WHEN a THEN 1 END FROM t"}, {2, 2, "BEGIN"}, {3, 3, "COMMIT"}},
		},
		{
			name: "create table named like a keyword",
			src:  "CREATE TABLE function_log (id INT);\nSELECT 1;",
			want: []st{{1, 1, "CREATE TABLE function_log (id INT)"}, {2, 2, "SELECT 1"}},
		},
		{
			name: "goose statement block",
			src: "-- +goose Up\n-- +goose StatementBegin\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND;\n-- +goose StatementEnd\n" +
				"CREATE TABLE t (id INT);\n",
			want: []st{{3, 6, "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND"}, {8, 8, "CREATE TABLE t (id INT)"}},
		},
		{
			name: "sql-migrate statement block keeps semicolons",
			src:  "-- +migrate StatementBegin\nUPDATE t SET a = 1; UPDATE t SET b = 2;\n-- +migrate StatementEnd\n",
			want: []st{{2, 2, "UPDATE t SET a = 1; UPDATE t SET b = 2"}},
		},
		{
			name: "crlf line endings",
			src:  "SELECT 1;\r\nSELECT\r\n 2;\r\n",
			want: []st{{1, 1, "SELECT 1"}, {2, 3, "SELECT\r\n 2"}},
		},
		{
			name: "unterminated quote runs to the end",
			src:  "SELECT 1;\nSELECT 'abc;\nSELECT 3;",
			want: []st{{1, 1, "SELECT 1"}, {2, 3, "SELECT 'abc;\nSELECT 3;"}},
		},
		{
			name: "unterminated comment",
			src:  "SELECT 1; /* x\n y",
			want: []st{{1, 1, "SELECT 1"}},
		},
		{
			name: "only comments",
			src:  "-- nothing\n/* here */\n# at all\n",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []st
			for _, s := range Split([]byte(tt.src)) {
				got = append(got, st{s.Line, s.EndLine, s.Text})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split mismatch\n got: %#v\nwant: %#v", got, tt.want)
			}
		})
	}
}

// TestSplitGolden splits each testdata/split/*.sql file and compares the
// statements (lines and kind of op) with the .golden file beside it.
func TestSplitGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "split", "*.sql"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, op := range ParseStatements(filepath.ToSlash(p), src, 1) {
				kind := "NOT ANALYZED: " + op.NotAnalyzed
				if op.Change != nil {
					kind = strings.TrimPrefix(fmt.Sprintf("%T", op.Change), "*schema.")
					if o, ok := op.Change.(*schema.Other); ok {
						kind += " " + o.Kind
					}
				}
				first, _, _ := strings.Cut(op.Text, "\n")
				fmt.Fprintf(&b, "%d-%d %s | %s\n", op.Span.Line, op.Span.EndLine, kind, first)
			}
			golden := strings.TrimSuffix(p, ".sql") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs from %s:\n%s", p, golden, b.String())
			}
		})
	}
}

func TestSplitFirstLine(t *testing.T) {
	got := splitFrom([]byte("\nSELECT 1;\nSELECT\n2;"), 10)
	if len(got) != 2 || got[0].Line != 11 || got[1].Line != 12 || got[1].EndLine != 13 {
		t.Errorf("splitFrom(…, 10) = %+v", got)
	}
}

func TestSplitOffsets(t *testing.T) {
	src := "  -- c\n  SELECT 1;\n\tSELECT 'x';"
	for _, s := range Split([]byte(src)) {
		if src[s.Offset:s.Offset+len(s.Text)] != s.Text {
			t.Errorf("offset %d does not locate %q", s.Offset, s.Text)
		}
	}
}

func FuzzSplit(f *testing.F) {
	seeds := []string{
		"SELECT 1;",
		"DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //\nDELIMITER ;\n",
		"CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN IF a THEN SET b=1; END IF; END;",
		"-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose StatementEnd\n",
		"/*!40101 SET x */; /* c */ 'a\\'b' \"c\"\"d\" `e``f` # g\n",
		"DELIMITER\nDELIMITER $$\nSELECT 1$$$$",
		"'", "/*", "`", "--", "-- +migrate StatementBegin\n", "DELIMITER ;;\n;;;",
		"CREATE PROCEDURE p() BEGIN END IF END LOOP END",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Count(string(src), "\n") + 1
		for _, s := range Split(src) {
			if strings.TrimSpace(s.Text) == "" {
				t.Fatalf("empty statement %+v", s)
			}
			if s.Line < 1 || s.EndLine < s.Line || s.EndLine > lines {
				t.Fatalf("bad lines %d-%d (of %d) for %q", s.Line, s.EndLine, lines, s.Text)
			}
			if s.Offset < 0 || s.Offset+len(s.Text) > len(src) {
				t.Fatalf("bad offset %d", s.Offset)
			}
		}
		if utf8.Valid(src) && len(src) < 2000 {
			_ = ParseStatements("f.sql", src, 1)
		}
	})
}

func ExampleSplit() {
	src := "DELIMITER //\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW\nBEGIN\n  SET NEW.x = 1;\nEND //\nDELIMITER ;\nDROP TABLE b;\n"
	for _, s := range Split([]byte(src)) {
		fmt.Printf("%d-%d %s\n", s.Line, s.EndLine, strings.ReplaceAll(s.Text, "\n", " "))
	}
	// Output:
	// 2-5 CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN   SET NEW.x = 1; END
	// 7-7 DROP TABLE b
}
