package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
)

func TestParse(t *testing.T) {
	const text = `
paths:
  sql-migrations: ["db/**/*.sql"]
  migrations: src/migrations/**/*.ts
  models: ["src/models/**/*.ts", "lib/models/*.js"]
  ignore: ["legacy/**"]
fail-on: high
mysql-version: "8.0.35"
large-tables:
  orders: 25_000_000
  users: 1200
large-table-threshold: 1000000
max-indexes: 12
start-after: "20240101000000"
rules:
  IX106: off
  index-redundant: high
`
	c, err := Parse("cfg.yml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"sql globs", len(c.SQLMigrations) == 1 && c.SQLMigrations[0] == "db/**/*.sql"},
		{"single glob as scalar", len(c.Migrations) == 1},
		{"models", len(c.Models) == 2},
		{"fail-on", c.FailOn == analyze.High},
		{"mysql-version", c.MySQLVersion == "8.0.35"},
		{"large table with underscores", c.LargeTables["orders"] == 25_000_000},
		{"IsLarge", c.IsLarge("orders") && !c.IsLarge("users") && !c.IsLarge("nope")},
		{"max-indexes", c.MaxIndexes == 12},
		{"start-after", c.StartAfter == "20240101000000"},
		{"rules", len(c.Rules) == 2 && c.Rules[0].Off && c.Rules[1].Severity == analyze.High && c.Rules[1].Line == 17},
		{"ignored", c.Ignored("legacy/a/b.sql") && !c.Ignored("db/a.sql")},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("%s: %+v", ch.name, c)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", "fail-on: high\nfailon: low\n", `cfg.yml:2: unknown key "failon"`},
		{"bad severity", "fail-on: severe\n", `cfg.yml:1: fail-on: unknown severity "severe"`},
		{"bad version", "mysql-version: eight\n", `cfg.yml:1: mysql-version "eight"`},
		{"bad rows", "large-tables:\n  orders: many\n", `cfg.yml:2: large-tables.orders: "many" is not a whole number`},
		{"bad rule level", "rules:\n  FK101: loud\n", `cfg.yml:2: rules.FK101: "loud" is not off or a severity`},
		{"unknown path key", "paths:\n  modles: [a]\n", `cfg.yml:2: unknown key paths.modles`},
		{"bad glob", "paths:\n  models: ['a/[b']\n", `is not a valid glob`},
		{"not a mapping", "- a\n- b\n", `cfg.yml:1: the config must be a mapping`},
		{"yaml syntax", "paths: [a\n", `cfg.yml`},
		{"two errors", "a: 1\nb: 2\n", `cfg.yml:2: unknown key "b"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("cfg.yml", []byte(tt.text))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if c, err := Load(filepath.Join(dir, "missing.yml"), false); err != nil || c.FailOn != analyze.Critical || c.MySQLVersion != "8.0" {
		t.Errorf("missing default file: %+v, %v", c, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yml"), true); err == nil {
		t.Error("missing explicit file: want an error")
	}
	p := filepath.Join(dir, "empty.yml")
	os.WriteFile(p, nil, 0o644)
	if c, err := Load(p, true); err != nil || c.FailOn != analyze.Critical {
		t.Errorf("empty file: %+v, %v", c, err)
	}
}

func TestCheckMySQLVersion(t *testing.T) {
	for _, v := range []string{"8.0", "8.0.35", "8.4", "8.4.2", "5.7", "9.1"} {
		if err := CheckMySQLVersion(v); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	for _, v := range []string{"8", "8.x", "latest", "4.1", "8.0.1.2"} {
		if err := CheckMySQLVersion(v); err == nil {
			t.Errorf("%s: accepted", v)
		}
	}
}
