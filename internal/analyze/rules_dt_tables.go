package analyze

import (
	"fmt"
	"sort"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleDT106 = &Rule{
	Code:     "DT106",
	Name:     "no-primary-key",
	Severity: High,
	Title:    "Table without a primary key",
	Run:      runDT106,
}

// runDT106 reports tables that the judged migrations create, or whose
// primary key they drop, and that still have no primary key (nor a UNIQUE
// key over NOT NULL columns, which InnoDB and the tools accept in its place)
// once every migration has run.
func runDT106(p *Pass) error {
	final := p.Final()
	type site struct {
		r    *replay.OpResult
		what string
	}
	var order []string
	last := map[string]site{}
	p.UpOps(func(_ *replay.Step, r *replay.OpResult) {
		if r.Err != nil || r.Op.Change == nil {
			return
		}
		var table, what string
		switch c := r.Op.Change.(type) {
		case *schema.CreateTable:
			if c.Table == nil {
				return
			}
			table, what = c.Table.Name, "is created"
		case *schema.AlterTable:
			for _, s := range c.Specs {
				if _, ok := s.(*schema.DropPrimaryKey); ok {
					table, what = c.Table, "loses its primary key here"
				}
			}
		}
		if table == "" {
			return
		}
		if _, ok := last[table]; !ok {
			order = append(order, table)
		}
		last[table] = site{r, what}
	})
	// The last statement that left the table without a key is the one to fix.
	for _, table := range order {
		t, at := final.Table(table), last[table]
		if t == nil || t.PrimaryKey() != nil || notNullUnique(t) != nil {
			continue
		}
		p.ReportAt(at.r.Op.Span, at.r.Op.Text,
			fmt.Sprintf("Table `%s` %s without a primary key and keeps none: InnoDB clusters it on a hidden row id, row-based replication must scan the whole table for each changed row, Group Replication refuses writes to it, and online schema change tools (gh-ost, pt-online-schema-change) cannot copy it.", table, at.what),
			fmt.Sprintf("Give `%s` a primary key: an `id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY` column, or `PRIMARY KEY (a, b)` over the columns that identify a row (Sequelize: `primaryKey: true`).", table))
	}
	return nil
}

// notNullUnique returns a UNIQUE index whose columns are all NOT NULL: the
// key InnoDB promotes to the clustered index when there is no primary key.
func notNullUnique(t *schema.Table) *schema.Index {
	for _, ix := range t.Indexes {
		if !ix.Unique || ix.Primary {
			continue
		}
		ok := len(ix.Parts) > 0
		for _, part := range ix.Parts {
			c := t.Column(part.Column)
			if part.Column == "" || c == nil || c.Nullable || part.Length > 0 {
				ok = false
			}
		}
		if ok {
			return ix
		}
	}
	return nil
}

var ruleDT108 = &Rule{
	Code:     "DT108",
	Name:     "row-size-too-large",
	Severity: Critical,
	Title:    "Row size over MySQL's 65,535-byte limit",
	Run:      runDT108,
}

// runDT108 explains error 1118 raised by the simulator: it lists what each
// of the largest columns takes of the row.
func runDT108(p *Pass) error {
	p.UpOps(func(_ *replay.Step, r *replay.OpResult) {
		if r.Err == nil || r.Err.Code != schema.ErTooBigRowSize || r.Op.Change == nil {
			return
		}
		table := ChangedTable(r.Op.Change)
		t := tableAfter(r, table)
		if t == nil {
			p.ReportAt(r.Op.Span, r.Op.Text, "MySQL refuses this statement: "+r.Err.Error()+".",
				"Turn the widest VARCHAR columns into TEXT (stored off the row) or shorten them.")
			return
		}
		type part struct {
			name  string
			typ   string
			bytes int
		}
		var parts []part
		total, nullable := 0, 0
		for _, c := range t.Columns {
			if c.Generated != nil && !c.Generated.Stored {
				continue
			}
			ty := c.Type
			if ty.IsCharacter() && ty.Charset == "" {
				ty.Charset = t.Options.Charset
				if ty.Charset == "" {
					ty.Charset = schema.DefaultCharset
				}
			}
			n := ty.RowBytes()
			total += n
			if c.Nullable {
				nullable++
			}
			label := ty.String()
			if ty.IsCharacter() {
				label += " " + ty.Charset
			}
			parts = append(parts, part{c.Name, label, n})
		}
		total += (nullable + 7) / 8
		sort.SliceStable(parts, func(i, j int) bool { return parts[i].bytes > parts[j].bytes })
		var top []string
		for i, pt := range parts {
			if i == 3 {
				break
			}
			top = append(top, fmt.Sprintf("`%s` %s takes %s", pt.name, pt.typ, commas(uint64(pt.bytes))))
		}
		span, subject := r.Op.Span, r.Op.Text
		if len(parts) > 0 {
			if _, ok := r.Op.Attrs["column:"+parts[0].name]; ok {
				span, subject = ColumnSpan(r.Op, parts[0].name), Subject(r.Op, "column:"+parts[0].name)
			}
		}
		p.ReportAt(span, subject,
			fmt.Sprintf("Table `%s` would need up to %s bytes per row (%s), over MySQL's limit of 65,535 bytes for all columns together: MySQL refuses the statement with error 1118 (Row size too large).", table, commas(uint64(total)), strings.Join(top, ", ")),
			"Turn the widest VARCHAR columns into TEXT or JSON (stored off the row, they count 9 to 12 bytes), shorten them, or move rarely used ones to a separate table; utf8mb4 counts 4 bytes a character.")
	})
	return nil
}

var ruleDT109 = &Rule{
	Code:     "DT109",
	Name:     "invalid-default",
	Severity: Critical,
	Title:    "Column default that MySQL rejects for the type",
	Run:      runDT109,
}

// runDT109 explains errors 1067 and 1101 raised by the simulator, and
// reports expression defaults on servers older than 8.0.13.
func runDT109(p *Pass) error {
	old := !versionAtLeast(p.Settings.MySQLVersion, 8, 0, 13)
	p.UpOps(func(_ *replay.Step, r *replay.OpResult) {
		if r.Op.Change == nil {
			return
		}
		if r.Err != nil && (r.Err.Code == schema.ErInvalidDefault || r.Err.Code == schema.ErBlobCantHaveDefault) {
			name := quotedName(r.Err.Message)
			table, c := defaultColumn(r, name)
			if c == nil {
				p.ReportAt(r.Op.Span, r.Op.Text, "MySQL refuses this default: "+r.Err.Error()+".",
					"Give the column a default its type can hold, or none.")
				return
			}
			why, advice := defaultProblem(c)
			p.ReportAt(ColumnSpan(r.Op, c.Name), Subject(r.Op, "column:"+c.Name),
				fmt.Sprintf("Column `%s.%s` %s DEFAULT %s is rejected by MySQL with error %d (%s): %s.", table, c.Name, typeSQL(c.Type), c.Default.SQL(c.Type), r.Err.Code, r.Err.Name, why),
				advice)
			return
		}
		if !old || r.Err != nil {
			return
		}
		forEachDeclared(r, func(table string, c *schema.Column) {
			if c.Default == nil || !c.Default.Expr || isNow(c.Default.Value) {
				return
			}
			p.ReportAt(ColumnSpan(r.Op, c.Name), Subject(r.Op, "column:"+c.Name),
				fmt.Sprintf("Column `%s.%s` has the expression default %s, which MySQL accepts only from 8.0.13; the configured version %s refuses the statement with a syntax error (1064).", table, c.Name, c.Default.SQL(c.Type), p.Settings.MySQLVersion),
				"Set the value from the application or a trigger, or raise `mysql-version` once the servers run 8.0.13 or later.")
		})
	})
	return nil
}

// quotedName returns the first 'quoted' name of a MySQL error message.
func quotedName(msg string) string {
	i := strings.IndexByte(msg, '\'')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(msg[i+1:], '\'')
	if j < 0 {
		return ""
	}
	return msg[i+1 : i+1+j]
}

// forEachDeclared calls fn for each column definition a change states.
func forEachDeclared(r *replay.OpResult, fn func(table string, c *schema.Column)) {
	switch c := r.Op.Change.(type) {
	case *schema.CreateTable:
		if c.Table != nil {
			for _, col := range c.Table.Columns {
				fn(c.Table.Name, col)
			}
		}
	case *schema.AlterTable:
		for _, s := range c.Specs {
			switch s := s.(type) {
			case *schema.AddColumn:
				fn(c.Table, s.Column)
			case *schema.ModifyColumn:
				fn(c.Table, s.Column)
			case *schema.AlterColumnDefault:
				if old := r.Before.Table(c.Table).Column(s.Name); old != nil && s.Default != nil {
					col := old.Clone()
					d := *s.Default
					col.Default = &d
					fn(c.Table, col)
				}
			}
		}
	}
}

// defaultColumn finds the column definition (with its default) that an
// error names, resolving its character set from the table.
func defaultColumn(r *replay.OpResult, name string) (string, *schema.Column) {
	var table string
	var found *schema.Column
	forEachDeclared(r, func(t string, c *schema.Column) {
		if found == nil && c.Default != nil && strings.EqualFold(c.Name, name) {
			table, found = t, c
		}
	})
	return table, found
}

func isNow(v string) bool {
	u := strings.ToUpper(strings.TrimSpace(v))
	for _, p := range []string{"CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP"} {
		if u == p || strings.HasPrefix(u, p+"(") {
			return true
		}
	}
	return false
}

// defaultProblem says why MySQL rejects a column's default and what to
// write instead.
func defaultProblem(c *schema.Column) (why, advice string) {
	d, ty := c.Default, c.Type
	base := strings.ToUpper(ty.Base)
	switch {
	case d.Null && !c.Nullable:
		return "a NOT NULL column cannot default to NULL",
			"Drop `DEFAULT NULL`, give a real default, or make the column nullable."
	case c.AutoIncrement:
		return "an AUTO_INCREMENT column cannot have a default",
			"Remove the DEFAULT clause; MySQL generates the value."
	case d.Expr && isNow(d.Value):
		return "CURRENT_TIMESTAMP is a default only for DATETIME and TIMESTAMP columns",
			"Make the column DATETIME or TIMESTAMP, use `DEFAULT (CURRENT_DATE)` for a DATE column (8.0.13+), or drop the default and set the value in the application."
	case ty.IsLOB():
		return base + " columns cannot have a literal default",
			fmt.Sprintf("Write the default as an expression in parentheses, `DEFAULT (%s)` (MySQL 8.0.13+), or set it in the application.", schema.QuoteString(d.Value))
	case ty.IsNumeric():
		return fmt.Sprintf("%s is not a %s value", schema.QuoteString(d.Value), ty.String()),
			"Use a number within the type's range as the default (Sequelize: `defaultValue: 0`)."
	case ty.Base == "enum" || ty.Base == "set":
		return fmt.Sprintf("%s is not one of the values %s", schema.QuoteString(d.Value), strings.TrimPrefix(ty.String(), ty.Base)),
			"Default to one of the listed values, or add the value to the list."
	case ty.Base == "char" || ty.Base == "varchar" || ty.Base == "binary" || ty.Base == "varbinary":
		return fmt.Sprintf("the default is longer than the column's %d characters", ty.Length),
			"Shorten the default or widen the column."
	case ty.IsTemporal():
		return fmt.Sprintf("%s is not a valid %s (zero dates are refused under the default NO_ZERO_DATE, NO_ZERO_IN_DATE and strict sql_mode)", schema.QuoteString(d.Value), base),
			"Use a real date, `CURRENT_TIMESTAMP` for DATETIME/TIMESTAMP, or make the column nullable with no default."
	}
	return "the value does not fit the column's type", "Give the column a default its type can hold, or none."
}
