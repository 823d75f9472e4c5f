// Package config reads the guardian's settings: the repository file
// (.github/migration-guardian.yml by default) with CLI flags or action
// inputs on top.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"gopkg.in/yaml.v3"

	"github.com/migration-guardian/guardian/internal/analyze"
)

// DefaultPath is where the repository's config file lives.
const DefaultPath = ".github/migration-guardian.yml"

// DefaultLargeTableThreshold is the row count above which a table is large.
const DefaultLargeTableThreshold = 1_000_000

// DefaultMaxIndexes is the index count above which IX107 warns.
const DefaultMaxIndexes = 10

// Config is the effective configuration.
type Config struct {
	// Path is the file the config came from, empty for defaults.
	Path string
	// Globs override discovery when set (doublestar syntax, relative to the
	// repository root).
	Models        []string
	Migrations    []string // Sequelize JS/TS migrations
	SQLMigrations []string
	// Ignore lists globs of paths that are never read.
	Ignore []string
	// App lists globs of application code scanned for sync() calls;
	// empty means every JS/TS file outside tests and build output.
	App []string

	FailOn       analyze.Severity
	MySQLVersion string
	// LargeTables maps table names to row counts.
	LargeTables         map[string]int64
	LargeTableThreshold int64
	MaxIndexes          int
	// StartAfter is a baseline: migrations whose version sorts at or before
	// it are replayed but not judged.
	StartAfter string
	// Rules holds per-rule settings keyed by what the file wrote (a code
	// or a name); Validate resolves them against the registry.
	Rules []RuleSetting
}

// RuleSetting disables a rule or changes its severity.
type RuleSetting struct {
	Key      string // rule code or name as written
	Off      bool
	Severity analyze.Severity
	Line     int // line in the config file, for messages
}

// Default returns the configuration used when no file exists.
func Default() *Config {
	return &Config{
		FailOn:              analyze.Critical,
		MySQLVersion:        "8.0",
		LargeTableThreshold: DefaultLargeTableThreshold,
		MaxIndexes:          DefaultMaxIndexes,
		LargeTables:         map[string]int64{},
	}
}

// Load reads the config file at path. A missing file at the default path is
// not an error; a missing explicit file is.
func Load(path string, explicit bool) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !explicit {
			return Default(), nil
		}
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data)
}

// Error is a config problem located at a line of the file.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Parse reads config text. Unknown keys and bad values are errors that name
// the line.
func Parse(path string, data []byte) (*Config, error) {
	c := Default()
	c.Path = path
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil
		}
		return nil, &Error{Path: path, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Path: path, Line: root.Line, Msg: "the config must be a mapping of keys to values"}
	}
	p := parser{path: path}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "paths":
			p.mapping(v, "paths", func(k, v *yaml.Node) {
				switch k.Value {
				case "models":
					c.Models = p.globs(v, "paths.models")
				case "migrations":
					c.Migrations = p.globs(v, "paths.migrations")
				case "sql-migrations":
					c.SQLMigrations = p.globs(v, "paths.sql-migrations")
				case "app":
					c.App = p.globs(v, "paths.app")
				case "ignore":
					c.Ignore = p.globs(v, "paths.ignore")
				default:
					p.fail(k, "unknown key paths.%s (want models, migrations, sql-migrations, app or ignore)", k.Value)
				}
			})
		case "ignore":
			c.Ignore = append(c.Ignore, p.globs(v, "ignore")...)
		case "fail-on":
			if s, ok := p.severity(v, "fail-on"); ok {
				c.FailOn = s
			}
		case "mysql-version":
			if ver, ok := p.scalar(v, "mysql-version"); ok {
				if err := CheckMySQLVersion(ver); err != nil {
					p.fail(v, "%v", err)
				} else {
					c.MySQLVersion = ver
				}
			}
		case "large-tables":
			p.mapping(v, "large-tables", func(k, v *yaml.Node) {
				if n, ok := p.integer(v, "large-tables."+k.Value); ok {
					c.LargeTables[k.Value] = n
				}
			})
		case "large-table-threshold":
			if n, ok := p.integer(v, "large-table-threshold"); ok {
				c.LargeTableThreshold = n
			}
		case "max-indexes":
			if n, ok := p.integer(v, "max-indexes"); ok {
				c.MaxIndexes = int(n)
			}
		case "start-after":
			if s, ok := p.scalar(v, "start-after"); ok {
				c.StartAfter = s
			}
		case "rules":
			p.mapping(v, "rules", func(k, v *yaml.Node) {
				rs := RuleSetting{Key: k.Value, Line: k.Line}
				val, ok := p.scalar(v, "rules."+k.Value)
				if !ok {
					return
				}
				switch strings.ToLower(val) {
				case "off", "false", "disabled", "disable":
					rs.Off = true
				default:
					s, err := analyze.ParseSeverity(val)
					if err != nil || s == analyze.Never {
						p.fail(v, "rules.%s: %q is not off or a severity (critical, high, medium, optimization)", k.Value, val)
						return
					}
					rs.Severity = s
				}
				c.Rules = append(c.Rules, rs)
			})
		default:
			p.fail(k, "unknown key %q (want paths, ignore, fail-on, mysql-version, large-tables, large-table-threshold, max-indexes, start-after or rules)", k.Value)
		}
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return c, nil
}

type parser struct {
	path string
	errs []error
}

func (p *parser) fail(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{Path: p.path, Line: n.Line, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) scalar(n *yaml.Node, key string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		p.fail(n, "%s: want a single value", key)
		return "", false
	}
	return n.Value, true
}

func (p *parser) integer(n *yaml.Node, key string) (int64, bool) {
	s, ok := p.scalar(n, key)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64)
	if err != nil || v < 0 {
		p.fail(n, "%s: %q is not a whole number", key, s)
		return 0, false
	}
	return v, true
}

func (p *parser) severity(n *yaml.Node, key string) (analyze.Severity, bool) {
	s, ok := p.scalar(n, key)
	if !ok {
		return 0, false
	}
	v, err := analyze.ParseSeverity(s)
	if err != nil {
		p.fail(n, "%s: %v", key, err)
		return 0, false
	}
	return v, true
}

func (p *parser) mapping(n *yaml.Node, key string, each func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.fail(n, "%s: want a mapping", key)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		each(n.Content[i], n.Content[i+1])
	}
}

func (p *parser) globs(n *yaml.Node, key string) []string {
	var items []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		items = []*yaml.Node{n}
	case yaml.SequenceNode:
		items = n.Content
	default:
		p.fail(n, "%s: want a glob or a list of globs", key)
		return nil
	}
	var out []string
	for _, it := range items {
		if it.Kind != yaml.ScalarNode {
			p.fail(it, "%s: want a glob", key)
			continue
		}
		if !doublestar.ValidatePattern(it.Value) {
			p.fail(it, "%s: %q is not a valid glob", key, it.Value)
			continue
		}
		out = append(out, it.Value)
	}
	return out
}

// CheckMySQLVersion accepts 8.0, 8.0.N, 8.N and 8.N.N (and 5.7 for the
// online-DDL tables); it rejects anything else.
func CheckMySQLVersion(v string) error {
	parts := strings.Split(v, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return fmt.Errorf("mysql-version %q: want MAJOR.MINOR or MAJOR.MINOR.PATCH, e.g. 8.0.35", v)
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			return fmt.Errorf("mysql-version %q: %q is not a number", v, p)
		}
	}
	if major, _ := strconv.Atoi(parts[0]); major < 5 || major > 9 {
		return fmt.Errorf("mysql-version %q: only MySQL 5.7 to 9.x are known", v)
	}
	return nil
}

// Ignored reports whether a path matches an ignore glob.
func (c *Config) Ignored(path string) bool {
	for _, g := range c.Ignore {
		if ok, _ := doublestar.Match(g, path); ok {
			return true
		}
	}
	return false
}

// IsLarge reports whether a table is configured as large.
func (c *Config) IsLarge(table string) bool {
	n, ok := c.LargeTables[table]
	return ok && n >= c.LargeTableThreshold
}

// Match reports whether path matches any of the globs.
func Match(globs []string, path string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, path); ok {
			return true
		}
	}
	return false
}

// SortedLargeTables returns the large table names, sorted.
func (c *Config) SortedLargeTables() []string {
	var out []string
	for t := range c.LargeTables {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
