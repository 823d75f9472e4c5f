package verify

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
)

// Snapshot reads the base tables of database from information_schema into a
// *schema.Schema: tables (engine, collation, comment, explicit row format),
// columns (COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, character set,
// collation, comment, generation expression), indexes (STATISTICS), foreign
// keys (REFERENTIAL_CONSTRAINTS and KEY_COLUMN_USAGE) and check constraints.
// Tables are ordered by name, columns by position, index parts by sequence.
//
// The snapshot is faithful to the server: MariaDB's own spellings (int(11),
// longtext for JSON, current_timestamp(), RESTRICT for unstated rules) are
// kept as types and values the schema package understands, and it is up to
// the caller to normalise what differs from MySQL 8. Index.Implicit is
// never set: information_schema does not say which indexes were generated.
func Snapshot(ctx context.Context, db *sql.DB, database string) (*schema.Schema, error) {
	var version string
	if err := db.QueryRowContext(ctx, "SELECT VERSION()").Scan(&version); err != nil {
		return nil, fmt.Errorf("verify: snapshot: version: %w", err)
	}
	isMariaDB := strings.Contains(strings.ToLower(version), "mariadb")
	s := &schema.Schema{}
	byName := map[string]*schema.Table{}

	rows, err := db.QueryContext(ctx, `SELECT TABLE_NAME, COALESCE(ENGINE,''), COALESCE(TABLE_COLLATION,''),
		COALESCE(TABLE_COMMENT,''), COALESCE(CREATE_OPTIONS,'')
		FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`, database)
	if err != nil {
		return nil, fmt.Errorf("verify: snapshot: tables: %w", err)
	}
	err = scanAll(rows, func() error {
		var name, engine, collation, comment, options string
		if err := rows.Scan(&name, &engine, &collation, &comment, &options); err != nil {
			return err
		}
		t := &schema.Table{Name: name, Options: schema.TableOptions{
			Engine:    engine,
			Collation: schema.CanonicalCollation(collation),
			Charset:   schema.CharsetOfCollation(collation),
			Comment:   comment,
		}}
		for _, opt := range strings.Fields(options) {
			if k, v, ok := strings.Cut(opt, "="); ok && strings.EqualFold(k, "row_format") {
				t.Options.RowFormat = strings.ToUpper(v)
			}
		}
		s.Tables = append(s.Tables, t)
		byName[name] = t
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verify: snapshot: tables: %w", err)
	}

	rows, err = db.QueryContext(ctx, `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,
		COALESCE(EXTRA,''), COALESCE(CHARACTER_SET_NAME,''), COALESCE(COLLATION_NAME,''), COALESCE(COLUMN_COMMENT,''),
		COALESCE(GENERATION_EXPRESSION,'')
		FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`, database)
	if err != nil {
		return nil, fmt.Errorf("verify: snapshot: columns: %w", err)
	}
	err = scanAll(rows, func() error {
		var table, name, colType, nullable, extra, charset, collation, comment, genExpr string
		var def sql.NullString
		if err := rows.Scan(&table, &name, &colType, &nullable, &def, &extra, &charset, &collation, &comment, &genExpr); err != nil {
			return err
		}
		t := byName[table]
		if t == nil {
			return nil // a view
		}
		ty, err := schema.ParseType(colType)
		if err != nil {
			return fmt.Errorf("column %s.%s: %w", table, name, err)
		}
		if ty.IsCharacter() {
			ty.Charset, ty.Collation = schema.CanonicalCharset(charset), schema.CanonicalCollation(collation)
		}
		c := &schema.Column{Name: name, Type: ty, Nullable: nullable == "YES", Comment: comment}
		lowerExtra := strings.ToLower(extra)
		c.AutoIncrement = strings.Contains(lowerExtra, "auto_increment")
		c.Invisible = strings.Contains(lowerExtra, "invisible")
		if i := strings.Index(lowerExtra, "on update "); i >= 0 {
			c.OnUpdate = onUpdateText(extra[i+len("on update "):])
		}
		if strings.Contains(lowerExtra, "generated") && genExpr != "" {
			c.Generated = &schema.Generated{Expr: genExpr, Stored: strings.Contains(lowerExtra, "stored")}
		}
		if c.Generated == nil {
			c.Default = parseDefault(def, isMariaDB, strings.Contains(lowerExtra, "default_generated"))
		}
		t.Columns = append(t.Columns, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verify: snapshot: columns: %w", err)
	}

	rows, err = db.QueryContext(ctx, `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COALESCE(COLUMN_NAME,''), SUB_PART,
		COALESCE(COLLATION,'A'), COALESCE(INDEX_TYPE,'')
		FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`, database)
	if err != nil {
		return nil, fmt.Errorf("verify: snapshot: indexes: %w", err)
	}
	err = scanAll(rows, func() error {
		var table, name, column, collation, indexType string
		var nonUnique int
		var subPart sql.NullInt64
		if err := rows.Scan(&table, &name, &nonUnique, &column, &subPart, &collation, &indexType); err != nil {
			return err
		}
		t := byName[table]
		if t == nil {
			return nil
		}
		ix := t.Index(name)
		if ix == nil {
			ix = &schema.Index{Name: name, Primary: name == "PRIMARY", Unique: nonUnique == 0}
			if k := strings.ToUpper(indexType); k == "FULLTEXT" || k == "SPATIAL" {
				ix.Kind = k
			}
			t.Indexes = append(t.Indexes, ix)
		}
		ix.Parts = append(ix.Parts, schema.IndexPart{Column: column, Length: int(subPart.Int64), Desc: collation == "D"})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verify: snapshot: indexes: %w", err)
	}
	for _, t := range s.Tables {
		// The primary key first, the others by name: a stable order.
		sort.SliceStable(t.Indexes, func(i, j int) bool { return t.Indexes[i].Primary && !t.Indexes[j].Primary })
	}

	rows, err = db.QueryContext(ctx, `SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE,
		k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME
		FROM information_schema.REFERENTIAL_CONSTRAINTS rc
		JOIN information_schema.KEY_COLUMN_USAGE k
		  ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME AND k.TABLE_NAME = rc.TABLE_NAME
		WHERE rc.CONSTRAINT_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
		ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION`, database)
	if err != nil {
		return nil, fmt.Errorf("verify: snapshot: foreign keys: %w", err)
	}
	err = scanAll(rows, func() error {
		var table, name, ref, onUpdate, onDelete, column, refColumn string
		if err := rows.Scan(&table, &name, &ref, &onUpdate, &onDelete, &column, &refColumn); err != nil {
			return err
		}
		t := byName[table]
		if t == nil {
			return nil
		}
		fk := t.ForeignKey(name)
		if fk == nil {
			fk = &schema.ForeignKey{Name: name, RefTable: ref, OnDelete: strings.ToUpper(onDelete), OnUpdate: strings.ToUpper(onUpdate)}
			t.ForeignKeys = append(t.ForeignKeys, fk)
		}
		fk.Columns = append(fk.Columns, column)
		fk.RefColumns = append(fk.RefColumns, refColumn)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verify: snapshot: foreign keys: %w", err)
	}

	if err := snapshotChecks(ctx, db, database, byName, isMariaDB); err != nil {
		return nil, err
	}
	return s, nil
}

// snapshotChecks reads CHECK constraints. MariaDB lists them with their
// table in CHECK_CONSTRAINTS; MySQL needs TABLE_CONSTRAINTS for the table.
func snapshotChecks(ctx context.Context, db *sql.DB, database string, byName map[string]*schema.Table, isMariaDB bool) error {
	q := `SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, COALESCE(tc.ENFORCED, 'YES')
		FROM information_schema.CHECK_CONSTRAINTS cc
		JOIN information_schema.TABLE_CONSTRAINTS tc
		  ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'
		WHERE cc.CONSTRAINT_SCHEMA = ? ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME`
	if isMariaDB {
		q = `SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, 'YES'
		FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME`
	}
	rows, err := db.QueryContext(ctx, q, database)
	if err != nil {
		return fmt.Errorf("verify: snapshot: checks: %w", err)
	}
	err = scanAll(rows, func() error {
		var table, name, clause, enforced string
		if err := rows.Scan(&table, &name, &clause, &enforced); err != nil {
			return err
		}
		if t := byName[table]; t != nil {
			t.Checks = append(t.Checks, &schema.Check{Name: name, Expr: clause, NotEnforced: enforced == "NO"})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("verify: snapshot: checks: %w", err)
	}
	return nil
}

// parseDefault turns COLUMN_DEFAULT into a schema.Default. MySQL 8 reports
// literals unquoted and marks expressions with DEFAULT_GENERATED in EXTRA
// (CURRENT_TIMESTAMP defaults are not marked). MariaDB quotes string
// literals, writes NULL for DEFAULT NULL and reports expressions as text
// (current_timestamp()). A NULL COLUMN_DEFAULT is reported as no default:
// information_schema does not tell "DEFAULT NULL" from no DEFAULT clause.
func parseDefault(def sql.NullString, isMariaDB, generated bool) *schema.Default {
	if !def.Valid {
		return nil
	}
	v := def.String
	if isMariaDB {
		switch {
		case v == "NULL":
			return nil
		case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
			return &schema.Default{Value: unquoteSQL(v[1 : len(v)-1])}
		case isNumber(v):
			return &schema.Default{Value: v}
		case isNow(v):
			return &schema.Default{Expr: true, Value: v}
		}
		return &schema.Default{Expr: true, Value: "(" + v + ")"}
	}
	if generated {
		if isNow(v) {
			return &schema.Default{Expr: true, Value: v}
		}
		return &schema.Default{Expr: true, Value: "(" + v + ")"}
	}
	if isNow(v) {
		return &schema.Default{Expr: true, Value: v}
	}
	return &schema.Default{Value: v}
}

// onUpdateText extracts the ON UPDATE expression from EXTRA.
func onUpdateText(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func isNumber(v string) bool {
	_, err := strconv.ParseFloat(v, 64)
	return err == nil
}

func isNow(v string) bool {
	u := strings.ToUpper(v)
	return strings.HasPrefix(u, "CURRENT_TIMESTAMP") || strings.HasPrefix(u, "NOW(") || strings.HasPrefix(u, "LOCALTIME")
}

// unquoteSQL undoes the ” and backslash escapes of a quoted literal.
func unquoteSQL(s string) string {
	s = strings.ReplaceAll(s, "''", "'")
	return strings.NewReplacer(`\\`, `\`, `\'`, `'`, `\n`, "\n", `\t`, "\t").Replace(s)
}

// scanAll calls fn for each row, then reports any iteration error.
func scanAll(rows *sql.Rows, fn func() error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(); err != nil {
			return err
		}
	}
	return rows.Err()
}
