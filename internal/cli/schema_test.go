package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/schemaview"
	"github.com/migration-guardian/guardian/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const sampleRepo = "../../testdata/sample"

// run calls Main and returns its exit status, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), []byte(got), *update)
}

func TestSchemaFormatsGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"json", []string{"--format", "json"}, "schema_sample.json.golden"},
		{"json is the default", nil, "schema_sample.json.golden"},
		{"sql", []string{"--format", "sql"}, "schema_sample.sql.golden"},
		{"mermaid", []string{"--format", "mermaid"}, "schema_sample.mermaid.golden"},
		{"tables", []string{"--format", "mermaid", "--tables", "orders, users"}, "schema_sample_tables.mermaid.golden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"schema", "--repo", sampleRepo}, tt.args...)...)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, errOut)
			}
			if tt.name != "json is the default" {
				checkGolden(t, tt.golden, out)
			} else if want, _ := os.ReadFile(filepath.Join("testdata", tt.golden)); out != string(want) && !*update {
				t.Errorf("default format is not json")
			}
			if strings.HasSuffix(tt.golden, ".mermaid.golden") {
				if err := schemaview.CheckMermaid(out); err != nil {
					t.Errorf("mermaid syntax: %v", err)
				}
			}
		})
	}
}

// TestSchemaJSONShape decodes the JSON output into the documented shape.
func TestSchemaJSONShape(t *testing.T) {
	code, out, errOut := run(t, "schema", "--repo", sampleRepo)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Tables []struct {
			Name    string `json:"name"`
			Columns []struct {
				Name          string  `json:"name"`
				Type          string  `json:"type"`
				Nullable      *bool   `json:"nullable"`
				Default       *string `json:"default"`
				AutoIncrement *bool   `json:"auto_increment"`
			} `json:"columns"`
			Indexes []struct {
				Name    string   `json:"name"`
				Columns []string `json:"columns"`
				Unique  *bool    `json:"unique"`
				Primary *bool    `json:"primary"`
			} `json:"indexes"`
			ForeignKeys []struct {
				Name       string   `json:"name"`
				Columns    []string `json:"columns"`
				RefTable   string   `json:"ref_table"`
				RefColumns []string `json:"ref_columns"`
				OnDelete   string   `json:"on_delete"`
				OnUpdate   string   `json:"on_update"`
			} `json:"foreign_keys"`
		} `json:"tables"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("decode: %v", err)
	}
	var names []string
	for _, tb := range doc.Tables {
		names = append(names, tb.Name)
		for _, c := range tb.Columns {
			if c.Nullable == nil || c.AutoIncrement == nil || c.Type == "" || c.Type != strings.ToLower(c.Type) {
				t.Errorf("%s.%s: incomplete or upper-case column %+v", tb.Name, c.Name, c)
			}
		}
		for _, fk := range tb.ForeignKeys {
			if fk.OnDelete == "" || fk.OnUpdate == "" || fk.OnDelete != strings.ToUpper(fk.OnDelete) {
				t.Errorf("%s.%s: rules %q/%q", tb.Name, fk.Name, fk.OnDelete, fk.OnUpdate)
			}
		}
	}
	if got, want := strings.Join(names, ","), "users,products,orders,order_items,coupons,reviews,wishlists"; got != want {
		t.Errorf("tables in %s, want definition order %s", got, want)
	}
}

func TestSchemaUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"unknown format", []string{"--format", "yaml"}, "unknown --format"},
		{"unknown table", []string{"--tables", "nope"}, "no table nope"},
		{"not a directory", []string{"--repo", "does-not-exist"}, "not a directory"},
		{"bad revision", []string{"--at", "no-such-rev"}, "--at no-such-rev"},
		{"extra argument", []string{"extra"}, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"schema", "--repo", sampleRepo}, tt.args...)
			code, _, errOut := run(t, args...)
			if code != ExitUsage {
				t.Fatalf("exit %d, want %d", code, ExitUsage)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.wantErr)
			}
		})
	}
}

func TestSchemaAtRevision(t *testing.T) {
	dir := gitRepo(t, map[string]string{
		"db/migrations/001_a.up.sql": "CREATE TABLE a (id INT NOT NULL PRIMARY KEY);\n",
	}, map[string]string{
		"db/migrations/002_b.up.sql": "CREATE TABLE b (id INT NOT NULL PRIMARY KEY, a_id INT NULL, CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES a (id));\n",
	})
	// An uncommitted migration counts for the working tree only.
	if err := os.WriteFile(filepath.Join(dir, "db/migrations/003_c.up.sql"), []byte("CREATE TABLE c (id INT);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		at   string
		want string
	}{
		{"base commit", "HEAD~1", "a"},
		{"head commit", "HEAD", "a,b"},
		{"working tree", "", "a,b,c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"schema", "--repo", dir}
			if tt.at != "" {
				args = append(args, "--at", tt.at)
			}
			code, out, errOut := run(t, args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var doc schemaview.Doc
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tb := range doc.Tables {
				names = append(names, tb.Name)
			}
			if got := strings.Join(names, ","); got != tt.want {
				t.Errorf("tables %s, want %s", got, tt.want)
			}
		})
	}
}
