package schema

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// MySQL limits the simulator enforces.
const (
	// MaxIdentifierLength is the longest table, column, index or constraint
	// name MySQL accepts (error 1059).
	MaxIdentifierLength = 64
	// MaxIndexes is the most indexes a table may have (MAX_KEY, error 1069).
	MaxIndexes = 64
	// MaxKeyLength is InnoDB's key length limit for the DYNAMIC and
	// COMPRESSED row formats (error 1071).
	MaxKeyLength = 3072
	// MaxKeyLengthCompact is the limit for the REDUNDANT and COMPACT row formats.
	MaxKeyLengthCompact = 767
	// MaxRowSize is the server's row size limit, BLOB and TEXT counted by
	// their in-row pointer only (error 1118).
	MaxRowSize = 65535
)

// Apply returns the schema after c, or the unchanged input and MySQL's
// error (a *Error) when MySQL would refuse the statement.
//
// Apply never modifies s: the result shares the tables c did not change and
// holds fresh copies of the ones it did. All clauses of one ALTER TABLE are
// applied atomically. Data-changing statements (Insert, Update, Delete,
// Truncate) are checked for the existence of their table and columns only.
func Apply(s *Schema, c Change, o Options) (*Schema, error) {
	if s == nil {
		s = &Schema{}
	}
	if err := checkNotNil(c); err != nil {
		return s, err
	}
	w := &work{o: o, s: &Schema{Tables: slices.Clone(s.Tables)}, owned: map[*Table]bool{}}
	var err *Error
	switch c := c.(type) {
	case *CreateTable:
		err = w.createTable(c)
	case *DropTable:
		err = w.dropTable(c)
	case *RenameTable:
		err = w.renameTable(c)
	case *AlterTable:
		err = w.alterTable(c)
	case *Insert:
		err = w.checkDML(c.Table, c.Columns)
	case *Update:
		err = w.checkDML(c.Table, c.Columns)
	case *Delete:
		err = w.checkDML(c.Table, nil)
	case *Truncate:
		err = w.checkDML(c.Table, nil)
	case *Other, nil:
	default:
		return s, fmt.Errorf("schema: apply: unsupported change %T", c)
	}
	if err != nil {
		return s, err
	}
	if !w.changed {
		return s, nil
	}
	return w.s, nil
}

// checkNotNil refuses typed nil changes and clauses, which a caller can
// build by mistake and which would otherwise be dereferenced.
func checkNotNil(c Change) error {
	if c == nil {
		return nil // nothing to do, like Other
	}
	if v := reflect.ValueOf(c); v.Kind() == reflect.Pointer && v.IsNil() {
		return fmt.Errorf("schema: apply: nil %T", c)
	}
	var specs []AlterSpec
	switch c := c.(type) {
	case *AlterTable:
		specs = c.Specs
	case *CreateTable:
		if c.Table == nil {
			return fmt.Errorf("schema: apply: CREATE TABLE without a table")
		}
	}
	for len(specs) > 0 {
		sp := specs[0]
		specs = specs[1:]
		if sp == nil {
			return fmt.Errorf("schema: apply: nil ALTER TABLE clause")
		}
		if v := reflect.ValueOf(sp); v.Kind() == reflect.Pointer && v.IsNil() {
			return fmt.Errorf("schema: apply: nil %T", sp)
		}
		switch sp := sp.(type) {
		case *AddColumn:
			if sp.Column == nil {
				return fmt.Errorf("schema: apply: ADD COLUMN without a column")
			}
			specs = append(specs, sp.Inline...)
		case *ModifyColumn:
			if sp.Column == nil {
				return fmt.Errorf("schema: apply: MODIFY COLUMN without a column")
			}
			specs = append(specs, sp.Inline...)
		case *AddIndex:
			if sp.Index == nil {
				return fmt.Errorf("schema: apply: ADD INDEX without an index")
			}
		case *AddForeignKey:
			if sp.ForeignKey == nil {
				return fmt.Errorf("schema: apply: ADD FOREIGN KEY without a key")
			}
		case *AddCheck:
			if sp.Check == nil {
				return fmt.Errorf("schema: apply: ADD CHECK without a check")
			}
		}
	}
	return nil
}

// ApplyAll applies the changes in order and stops at the first error,
// returning the state reached before it and the index of the failing change
// (-1 when all applied).
func ApplyAll(s *Schema, cs []Change, o Options) (*Schema, int, error) {
	for i, c := range cs {
		next, err := Apply(s, c, o)
		if err != nil {
			return s, i, err
		}
		s = next
	}
	return s, -1, nil
}

// work is one Apply in progress: a shallow copy of the input schema whose
// tables are cloned the first time they are modified.
type work struct {
	o       Options
	s       *Schema
	owned   map[*Table]bool // tables cloned by this Apply, safe to modify
	changed bool
}

// mutable returns a private copy of the named table, cloning it on first use.
func (w *work) mutable(name string) *Table {
	for i, t := range w.s.Tables {
		if t.Name == name {
			if !w.owned[t] {
				t = t.Clone()
				w.s.Tables[i] = t
				w.owned[t] = true
			}
			w.changed = true
			return t
		}
	}
	return nil
}

// qualify returns the table name as MySQL writes it in "Unknown table" and
// "doesn't exist" messages: db.table when the database is known.
func (w *work) qualify(name string) string {
	if w.o.Database != "" {
		return w.o.Database + "." + name
	}
	return name
}

// InlineReferencesEnforced reports whether a column-level REFERENCES
// clause creates a foreign key: MySQL 9.0 and later do; earlier versions
// parse the clause and ignore it.
func InlineReferencesEnforced(version string) bool {
	major, _ := parseVersion(version)
	return major >= 9
}

func (w *work) is84() bool {
	major, minor := parseVersion(w.o.Version)
	return major > 8 || (major == 8 && minor >= 4)
}

// parseVersion reads "8.0.35" as (8, 0); empty is 8.0.
func parseVersion(v string) (int, int) {
	if v == "" {
		return 8, 0
	}
	parts := strings.SplitN(v, ".", 3)
	major, _ := strconv.Atoi(parts[0])
	minor := 0
	if len(parts) > 1 {
		minor, _ = strconv.Atoi(parts[1])
	}
	return major, minor
}

func checkIdent(name string) *Error {
	if len([]rune(name)) > MaxIdentifierLength {
		return newError(ErTooLongIdent, name)
	}
	return nil
}

// ---------------------------------------------------------------- DML

func (w *work) checkDML(table string, cols []string) *Error {
	t := w.s.Table(table)
	if t == nil {
		return newError(ErNoSuchTable, w.qualify(table))
	}
	for _, c := range cols {
		if t.Column(c) == nil {
			return newError(ErBadField, c, "field list")
		}
	}
	return nil
}

// ---------------------------------------------------------------- CREATE TABLE

func (w *work) createTable(c *CreateTable) *Error {
	if c.Table == nil {
		return newError(ErTableMustHaveColumns)
	}
	name := c.Table.Name
	if err := checkIdent(name); err != nil {
		return err
	}
	if w.s.Table(name) != nil {
		if c.IfNotExists {
			return nil // a warning (1050 as a note) only
		}
		return newError(ErTableExists, name)
	}
	if c.Like != "" {
		return w.createLike(name, c.Like)
	}
	src := c.Table
	t := &Table{Name: name, Options: src.Options}
	t.Options.Engine = CanonicalEngine(t.Options.Engine)
	if t.Options.Engine == "" {
		t.Options.Engine = DefaultEngine
	}
	if err := resolveTableCharset(&t.Options, DefaultCharset, DefaultCollation); err != nil {
		return err
	}
	if len(src.Columns) == 0 {
		return newError(ErTableMustHaveColumns)
	}
	st := &alterState{w: w, t: t, creating: true, modified: map[string]bool{}}
	for _, col := range src.Columns {
		if err := st.addColumn(col.Clone(), ColumnPosition{}); err != nil {
			return err
		}
	}
	for _, ix := range src.Indexes {
		if ix == nil {
			continue
		}
		if err := st.addIndex(ix.Clone(), false); err != nil {
			return err
		}
	}
	for _, fk := range src.ForeignKeys {
		if fk == nil {
			continue
		}
		if err := st.addForeignKey(&AddForeignKey{ForeignKey: fk.Clone()}); err != nil {
			return err
		}
	}
	for _, ck := range src.Checks {
		if ck == nil {
			continue
		}
		cc := *ck
		if err := st.addCheck(&cc); err != nil {
			return err
		}
	}
	w.s.Tables = append(w.s.Tables, t)
	w.owned[t] = true
	w.changed = true
	return st.finish()
}

// createLike is CREATE TABLE name LIKE src: columns, indexes, checks and
// options are copied; foreign keys are not.
func (w *work) createLike(name, like string) *Error {
	src := w.s.Table(like)
	if src == nil {
		return newError(ErNoSuchTable, w.qualify(like))
	}
	t := src.Clone()
	t.Name = name
	t.ForeignKeys = nil
	// Check constraint names are unique in a schema: the copies get
	// generated names.
	for i, ck := range t.Checks {
		ck.Name = fmt.Sprintf("%s_chk_%d", name, i+1)
	}
	for _, ck := range t.Checks {
		if err := checkIdent(ck.Name); err != nil {
			return err
		}
		if w.checkNameUsed(ck.Name, nil) {
			return newError(ErCheckConstraintDupName, ck.Name)
		}
	}
	w.s.Tables = append(w.s.Tables, t)
	w.owned[t] = true
	w.changed = true
	return nil
}

// resolveTableCharset completes the table's default charset and collation.
func resolveTableCharset(o *TableOptions, defCS, defCO string) *Error {
	cs, co := resolveCharset(o.Charset, o.Collation, defCS, defCO)
	if !KnownCharset(cs) {
		return newError(ErUnknownCharacterSet, cs)
	}
	if o.Charset != "" && o.Collation != "" && CharsetOfCollation(co) != cs {
		return newError(ErCollationCharsetMismatch, co, cs)
	}
	o.Charset, o.Collation = cs, co
	return nil
}

// ---------------------------------------------------------------- DROP TABLE

func (w *work) dropTable(c *DropTable) *Error {
	var missing []string
	drop := map[string]bool{}
	for _, n := range c.Names {
		if w.s.Table(n) == nil {
			if !c.IfExists {
				missing = append(missing, w.qualify(n))
			}
			continue
		}
		drop[n] = true
	}
	if len(missing) > 0 {
		return newError(ErBadTable, strings.Join(missing, ","))
	}
	if !w.o.ForeignKeyChecksOff {
		for _, n := range c.Names {
			if !drop[n] {
				continue
			}
			for _, other := range w.s.Tables {
				if drop[other.Name] {
					continue
				}
				for _, fk := range other.ForeignKeys {
					if fk.RefTable == n {
						return newError(ErFKCannotDropParent, n, fk.Name, other.Name)
					}
				}
			}
		}
	}
	if len(drop) == 0 {
		return nil
	}
	kept := w.s.Tables[:0:0]
	for _, t := range w.s.Tables {
		if !drop[t.Name] {
			kept = append(kept, t)
		}
	}
	w.s.Tables = kept
	w.changed = true
	return nil
}

// ---------------------------------------------------------------- RENAME TABLE

func (w *work) renameTable(c *RenameTable) *Error {
	for _, p := range c.Pairs {
		if err := w.renameOne(p.From, p.To); err != nil {
			return err
		}
	}
	return nil
}

// renameOne renames a table and everything that names it: foreign keys of
// other tables that reference it, and its own constraint names that begin
// with "<old>_ibfk_" or "<old>_chk_", generated or not, which MySQL 8
// renames along with the table.
func (w *work) renameOne(from, to string) *Error {
	if w.s.Table(from) == nil {
		return newError(ErNoSuchTable, w.qualify(from))
	}
	if err := checkIdent(to); err != nil {
		return err
	}
	if from == to {
		return newError(ErTableExists, to)
	}
	if w.s.Table(to) != nil {
		return newError(ErTableExists, to)
	}
	t := w.mutable(from)
	t.Name = to
	for _, fk := range t.ForeignKeys {
		if rest, ok := cutPrefixFold(fk.Name, from+"_ibfk_"); ok {
			fk.Name = to + "_ibfk_" + rest
			if err := checkIdent(fk.Name); err != nil {
				return err
			}
		}
		if fk.RefTable == from {
			fk.RefTable = to
		}
	}
	for _, ck := range t.Checks {
		if rest, ok := cutPrefixFold(ck.Name, from+"_chk_"); ok {
			ck.Name = to + "_chk_" + rest
			if err := checkIdent(ck.Name); err != nil {
				return err
			}
		}
	}
	for _, other := range slices.Clone(w.s.Tables) {
		if other == t {
			continue
		}
		if slices.ContainsFunc(other.ForeignKeys, func(fk *ForeignKey) bool { return fk.RefTable == from }) {
			m := w.mutable(other.Name)
			for _, fk := range m.ForeignKeys {
				if fk.RefTable == from {
					fk.RefTable = to
				}
			}
		}
	}
	return nil
}

// cutPrefixFold returns what follows prefix in s (compared
// case-insensitively) and whether s had the prefix and something after it.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) <= len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return "", false
	}
	return s[len(prefix):], true
}

// generatedSuffix reports whether name is table+infix+N and returns N.
func generatedSuffix(name, table, infix string) (int, bool) {
	p := table + infix
	if len(name) <= len(p) || !strings.EqualFold(name[:len(p)], p) {
		return 0, false
	}
	n, err := strconv.Atoi(name[len(p):])
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// ---------------------------------------------------------------- ALTER TABLE

// alterState is one CREATE TABLE or ALTER TABLE being applied to a private
// copy of its table.
type alterState struct {
	w        *work
	t        *Table
	orig     *Table // the table before the ALTER; nil for CREATE
	creating bool
	// modified holds the lower-case names (new names) of columns whose
	// definition changed, for the foreign key re-checks at the end.
	modified map[string]bool
	// newFKs are the foreign keys added by this statement.
	newFKs []*ForeignKey
	// fkIndexNames are the index names requested for new foreign keys.
	fkIndexNames map[*ForeignKey]string
	// droppedIndexes are the indexes dropped by this statement, in order.
	droppedIndexes []*Index
}

func (w *work) alterTable(c *AlterTable) *Error {
	orig := w.s.Table(c.Table)
	if orig == nil {
		return newError(ErNoSuchTable, w.qualify(c.Table))
	}
	t := orig.Clone()
	st := &alterState{w: w, t: t, orig: orig, modified: map[string]bool{}}
	// MySQL applies an ALTER's drops first, against the old definition,
	// then column changes, then additions; a name dropped and re-added in
	// one statement is therefore fine.
	var renameTo string
	for _, sp := range c.Specs {
		if d, ok := sp.(*DropForeignKey); ok {
			if err := st.dropForeignKey(d); err != nil {
				return err
			}
		}
	}
	for _, sp := range c.Specs {
		var err *Error
		switch sp := sp.(type) {
		case *DropColumn:
			err = st.dropColumn(sp)
		case *DropIndex:
			err = st.dropIndex(sp.Name, sp.IfExists)
		case *DropPrimaryKey:
			err = st.dropIndex("PRIMARY", false)
		case *DropCheck:
			err = st.dropCheck(sp.Name)
		case *DropConstraint:
			err = st.dropConstraint(sp.Name)
		}
		if err != nil {
			return err
		}
	}
	var later []AlterSpec
	for _, sp := range c.Specs {
		var err *Error
		switch sp := sp.(type) {
		case *AddColumn:
			err = st.addColumn(sp.Column.Clone(), sp.Position)
			later = append(later, sp.Inline...)
		case *ModifyColumn:
			err = st.modifyColumn(sp)
			later = append(later, sp.Inline...)
		case *RenameColumn:
			err = st.renameColumn(sp.From, sp.To)
		case *AlterColumnDefault:
			err = st.alterDefault(sp)
		case *DropForeignKey, *DropColumn, *DropIndex, *DropPrimaryKey, *DropCheck, *DropConstraint:
		case *RenameTo:
			renameTo = sp.Name
		default:
			later = append(later, sp)
		}
		if err != nil {
			return err
		}
	}
	for _, sp := range later {
		var err *Error
		switch sp := sp.(type) {
		case *AddIndex:
			err = st.addIndex(sp.Index.Clone(), sp.IfNotExists)
		case *RenameIndex:
			err = st.renameIndex(sp.From, sp.To)
		case *AddForeignKey:
			err = st.addForeignKey(&AddForeignKey{ForeignKey: sp.ForeignKey.Clone(), IndexName: sp.IndexName})
		case *AddCheck:
			cc := *sp.Check
			err = st.addCheck(&cc)
		case *SetTableOptions:
			err = st.setOptions(sp)
		case *ConvertCharset:
			err = st.convertCharset(sp)
		}
		if err != nil {
			return err
		}
	}
	if err := st.finish(); err != nil {
		return err
	}
	// Commit: the private copy replaces the table.
	for i, x := range w.s.Tables {
		if x == orig {
			w.s.Tables[i] = t
		}
	}
	w.owned[t] = true
	w.changed = true
	if renameTo != "" && renameTo != t.Name {
		return w.renameOne(t.Name, renameTo)
	}
	return nil
}

// resolveColumn canonicalises a new column definition in table t.
func resolveColumn(t *Table, c *Column) *Error {
	if err := checkIdent(c.Name); err != nil {
		return err
	}
	c.Type = CanonicalType(c.Type)
	ty := &c.Type
	if ty.IsCharacter() {
		if ty.Charset != "" && !KnownCharset(ty.Charset) {
			return newError(ErUnknownCharacterSet, ty.Charset)
		}
		if ty.Charset != "" && ty.Collation != "" && CharsetOfCollation(ty.Collation) != ty.Charset {
			return newError(ErCollationCharsetMismatch, ty.Collation, ty.Charset)
		}
		cs, co := resolveCharset(ty.Charset, ty.Collation, t.Options.Charset, t.Options.Collation)
		if ty.Binary {
			co = cs + "_bin"
			if cs == "binary" {
				co = "binary"
			}
			ty.Binary = false
		}
		ty.Charset, ty.Collation = cs, co
		*ty = CanonicalType(*ty) // CHARACTER SET binary turns into a binary type
	}
	switch {
	case ty.Base == "varchar" || ty.Base == "varbinary":
		mb := 1
		if ty.IsCharacter() {
			mb = BytesPerChar(ty.Charset)
		}
		if ty.Length*mb > MaxRowSize {
			return newError(ErTooBigFieldLength, c.Name, MaxRowSize/mb)
		}
	case ty.Base == "char" || ty.Base == "binary":
		if ty.Length > 255 {
			return newError(ErTooBigFieldLength, c.Name, 255)
		}
	case ty.Base == "bit":
		if ty.Length > 64 {
			return newError(ErTooBigFieldLength, c.Name, 64)
		}
	case ty.Base == "decimal":
		if ty.Precision > 65 {
			return newError(ErTooBigPrecision, ty.Precision, c.Name, 65)
		}
		if ty.Scale > 30 {
			return newError(ErTooBigScale, ty.Scale, c.Name, 30)
		}
		if ty.Scale > ty.Precision {
			return newError(ErMBiggerThanD, c.Name)
		}
	case ty.Base == "float" || ty.Base == "double":
		if ty.HasPrecision && ty.Scale > ty.Precision {
			return newError(ErMBiggerThanD, c.Name)
		}
	}
	if c.AutoIncrement && !ty.IsNumeric() {
		return newError(ErWrongFieldSpec, c.Name)
	}
	if err := validateDefault(c); err != nil {
		return err
	}
	normalizeDefault(c)
	return nil
}

// normalizeDefault stores a literal default the way MySQL reports it:
// TRUE/FALSE on numeric columns as 1/0, integers without leading zeros or
// a plus sign, DECIMAL values padded to the column's scale, and ENUM
// values in their declared spelling.
func normalizeDefault(c *Column) {
	d := c.Default
	if d == nil || d.Null || d.Expr {
		return
	}
	ty := c.Type
	if !ty.IsNumeric() && ty.Base != "enum" {
		return // string and temporal literals are stored as written
	}
	v := strings.TrimSpace(d.Value)
	switch {
	case ty.IsNumeric() && strings.EqualFold(v, "true"):
		v = "1"
	case ty.IsNumeric() && strings.EqualFold(v, "false"):
		v = "0"
	}
	switch {
	case ty.IsInteger():
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			v = strconv.FormatInt(n, 10)
		} else if u, err := strconv.ParseUint(v, 10, 64); err == nil {
			v = strconv.FormatUint(u, 10)
		}
	case ty.Base == "decimal":
		if _, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "eE") {
			v = strings.TrimPrefix(v, "+")
			whole, frac, _ := strings.Cut(v, ".")
			if whole == "" || whole == "-" {
				whole += "0"
			}
			if len(frac) < ty.Scale {
				frac += strings.Repeat("0", ty.Scale-len(frac))
			}
			v = whole
			if ty.Scale > 0 {
				v += "." + frac
			}
		}
	case ty.Base == "enum":
		for _, x := range ty.Values {
			if strings.EqualFold(strings.TrimRight(x, " "), strings.TrimRight(v, " ")) {
				v = x
				break
			}
		}
	}
	d.Value = v
}

// validateDefault raises 1067 or 1101 for a default MySQL 8 rejects.
func validateDefault(c *Column) *Error {
	d := c.Default
	if d == nil {
		return nil
	}
	ty := c.Type
	if d.Null {
		if !c.Nullable {
			return newError(ErInvalidDefault, c.Name)
		}
		return nil
	}
	if d.Expr {
		if isNowExpr(d.Value) {
			if ty.Base != "datetime" && ty.Base != "timestamp" {
				return newError(ErInvalidDefault, c.Name)
			}
			return nil
		}
		// Parenthesised expression defaults (8.0.13+) are allowed on every
		// type, TEXT/BLOB/JSON/GEOMETRY included.
		return nil
	}
	if c.AutoIncrement {
		return newError(ErInvalidDefault, c.Name)
	}
	if ty.IsLOB() {
		return newError(ErBlobCantHaveDefault, c.Name)
	}
	v := d.Value
	switch {
	case ty.IsInteger():
		n, ok := parseNumber(v)
		if !ok || !integerInRange(ty, n) {
			return newError(ErInvalidDefault, c.Name)
		}
	case ty.IsNumeric():
		if _, ok := parseNumber(v); !ok {
			return newError(ErInvalidDefault, c.Name)
		}
	case ty.Base == "enum":
		if !enumHas(ty.Values, v) {
			return newError(ErInvalidDefault, c.Name)
		}
	case ty.Base == "set":
		if v != "" {
			for _, part := range strings.Split(v, ",") {
				if !enumHas(ty.Values, part) {
					return newError(ErInvalidDefault, c.Name)
				}
			}
		}
	case ty.Base == "char" || ty.Base == "varchar":
		if len([]rune(v)) > ty.Length {
			return newError(ErInvalidDefault, c.Name)
		}
	case ty.Base == "binary" || ty.Base == "varbinary":
		if len(v) > ty.Length {
			return newError(ErInvalidDefault, c.Name)
		}
	case ty.Base == "date" || ty.Base == "datetime" || ty.Base == "timestamp":
		if !validDate(v) {
			return newError(ErInvalidDefault, c.Name)
		}
	}
	return nil
}

// isNowExpr reports CURRENT_TIMESTAMP and its synonyms, with or without a
// fractional-seconds argument.
func isNowExpr(v string) bool {
	u := strings.ToUpper(strings.TrimSpace(v))
	if i := strings.IndexByte(u, '('); i >= 0 {
		u = u[:i]
	}
	switch strings.TrimSpace(u) {
	case "CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP":
		return true
	}
	return false
}

// parseNumber reads a numeric literal as MySQL accepts it for a numeric
// default (TRUE and FALSE included).
func parseNumber(v string) (float64, bool) {
	v = strings.TrimSpace(v)
	switch strings.ToUpper(v) {
	case "TRUE":
		return 1, true
	case "FALSE":
		return 0, true
	}
	if strings.HasPrefix(strings.ToLower(v), "0x") {
		n, err := strconv.ParseUint(v[2:], 16, 64)
		return float64(n), err == nil
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

func integerInRange(t Type, n float64) bool {
	bits := map[string]int{"tinyint": 8, "smallint": 16, "mediumint": 24, "int": 32, "bigint": 64}[t.Base]
	if t.Unsigned {
		return n >= 0 && n <= math.Pow(2, float64(bits))-1
	}
	half := math.Pow(2, float64(bits-1))
	return n >= -half && n <= half-1
}

func enumHas(values []string, v string) bool {
	for _, x := range values {
		if strings.EqualFold(strings.TrimRight(x, " "), strings.TrimRight(v, " ")) {
			return true
		}
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(values) {
		return true
	}
	return false
}

// validDate accepts YYYY-MM-DD with an optional time part and refuses zero
// dates (sql_mode NO_ZERO_DATE and NO_ZERO_IN_DATE are on by default).
func validDate(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) < 8 {
		return false
	}
	datePart := v
	if i := strings.IndexAny(v, " T"); i >= 0 {
		datePart = v[:i]
	}
	f := strings.FieldsFunc(datePart, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(f) != 3 {
		return false
	}
	y, e1 := strconv.Atoi(f[0])
	m, e2 := strconv.Atoi(f[1])
	d, e3 := strconv.Atoi(f[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return false
	}
	return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

func (st *alterState) insertColumn(c *Column, pos ColumnPosition) *Error {
	t := st.t
	switch {
	case pos.First:
		t.Columns = slices.Insert(t.Columns, 0, c)
	case pos.After != "":
		i := t.ColumnIndex(pos.After)
		if i < 0 {
			return newError(ErBadField, pos.After, t.Name)
		}
		t.Columns = slices.Insert(t.Columns, i+1, c)
	default:
		t.Columns = append(t.Columns, c)
	}
	return nil
}

func (st *alterState) addColumn(c *Column, pos ColumnPosition) *Error {
	if c == nil {
		return newError(ErTableMustHaveColumns)
	}
	if err := resolveColumn(st.t, c); err != nil {
		return err
	}
	if st.t.Column(c.Name) != nil {
		return newError(ErDupFieldName, c.Name)
	}
	st.modified[strings.ToLower(c.Name)] = true
	return st.insertColumn(c, pos)
}

func (st *alterState) dropColumn(d *DropColumn) *Error {
	t := st.t
	i := t.ColumnIndex(d.Name)
	if i < 0 {
		if d.IfExists {
			return nil
		}
		return newError(ErCantDropFieldOrKey, d.Name)
	}
	name := t.Columns[i].Name
	for _, fk := range t.ForeignKeys {
		if containsFold(fk.Columns, name) {
			return newError(ErFKColumnCannotDrop, name, fk.Name)
		}
	}
	if !st.w.o.ForeignKeyChecksOff {
		for _, other := range st.w.s.Tables {
			if other.Name == t.Name {
				continue
			}
			for _, fk := range other.ForeignKeys {
				if fk.RefTable == t.Name && containsFold(fk.RefColumns, name) {
					return newError(ErFKColumnCannotDropChild, name, fk.Name, other.Name)
				}
			}
		}
	}
	t.Columns = slices.Delete(t.Columns, i, i+1)
	// MySQL removes the column from every index and drops an index left
	// with no key part.
	kept := t.Indexes[:0:0]
	for _, ix := range t.Indexes {
		ix.Parts = slices.DeleteFunc(ix.Parts, func(p IndexPart) bool { return strings.EqualFold(p.Column, name) })
		if len(ix.Parts) > 0 {
			kept = append(kept, ix)
		}
	}
	t.Indexes = kept
	return nil
}

func (st *alterState) modifyColumn(m *ModifyColumn) *Error {
	t := st.t
	i := t.ColumnIndex(m.Name)
	if i < 0 {
		return newError(ErBadField, m.Name, t.Name)
	}
	c := m.Column.Clone()
	if c == nil {
		return newError(ErBadField, m.Name, t.Name)
	}
	old := t.Columns[i]
	if !strings.EqualFold(old.Name, c.Name) && t.Column(c.Name) != nil {
		return newError(ErDupFieldName, c.Name)
	}
	if err := resolveColumn(t, c); err != nil {
		return err
	}
	t.Columns[i] = c
	if pos := m.Position; pos.First || pos.After != "" {
		t.Columns = slices.Delete(t.Columns, i, i+1)
		if pos.After != "" && strings.EqualFold(pos.After, c.Name) {
			return newError(ErBadField, pos.After, t.Name)
		}
		if err := st.insertColumn(c, pos); err != nil {
			return err
		}
	}
	if old.Name != c.Name {
		st.propagateRename(old.Name, c.Name)
	}
	st.modified[strings.ToLower(c.Name)] = true
	return nil
}

func (st *alterState) renameColumn(from, to string) *Error {
	t := st.t
	c := t.Column(from)
	if c == nil {
		return newError(ErBadField, from, t.Name)
	}
	if err := checkIdent(to); err != nil {
		return err
	}
	if !strings.EqualFold(from, to) && t.Column(to) != nil {
		return newError(ErDupFieldName, to)
	}
	old := c.Name
	c.Name = to
	st.propagateRename(old, to)
	if st.modified[strings.ToLower(old)] {
		st.modified[strings.ToLower(to)] = true
	}
	return nil
}

// propagateRename renames a column in the table's index parts and foreign
// keys, and in the referenced columns of every foreign key (of any table)
// that points at it, as MySQL 8 does.
func (st *alterState) propagateRename(from, to string) {
	t := st.t
	for _, ix := range t.Indexes {
		for k := range ix.Parts {
			if strings.EqualFold(ix.Parts[k].Column, from) {
				ix.Parts[k].Column = to
			}
		}
	}
	for _, fk := range t.ForeignKeys {
		renameIn(fk.Columns, from, to)
		if fk.RefTable == t.Name {
			renameIn(fk.RefColumns, from, to)
		}
	}
	for _, fk := range st.newFKs {
		if !slices.Contains(t.ForeignKeys, fk) {
			renameIn(fk.Columns, from, to)
		}
	}
	for _, other := range slices.Clone(st.w.s.Tables) {
		if other.Name == t.Name {
			continue
		}
		refers := slices.ContainsFunc(other.ForeignKeys, func(fk *ForeignKey) bool {
			return fk.RefTable == t.Name && containsFold(fk.RefColumns, from)
		})
		if refers {
			m := st.w.mutable(other.Name)
			for _, fk := range m.ForeignKeys {
				if fk.RefTable == t.Name {
					renameIn(fk.RefColumns, from, to)
				}
			}
		}
	}
}

func renameIn(names []string, from, to string) {
	for i := range names {
		if strings.EqualFold(names[i], from) {
			names[i] = to
		}
	}
}

func containsFold(names []string, n string) bool {
	return slices.ContainsFunc(names, func(x string) bool { return strings.EqualFold(x, n) })
}

func (st *alterState) alterDefault(a *AlterColumnDefault) *Error {
	c := st.t.Column(a.Name)
	if c == nil {
		return newError(ErBadField, a.Name, st.t.Name)
	}
	if a.Default == nil {
		c.Default = nil
		return nil
	}
	d := *a.Default
	c.Default = &d
	if err := validateDefault(c); err != nil {
		return err
	}
	normalizeDefault(c)
	return nil
}

// ---------------------------------------------------------------- indexes

func (st *alterState) dropIndex(name string, ifExists bool) *Error {
	t := st.t
	for i, ix := range t.Indexes {
		if strings.EqualFold(ix.Name, name) {
			t.Indexes = slices.Delete(t.Indexes, i, i+1)
			st.droppedIndexes = append(st.droppedIndexes, ix)
			return nil
		}
	}
	if ifExists {
		return nil
	}
	return newError(ErCantDropFieldOrKey, name)
}

func (st *alterState) renameIndex(from, to string) *Error {
	t := st.t
	ix := t.Index(from)
	if ix == nil || ix.Primary {
		return newError(ErKeyDoesNotExist, from, t.Name)
	}
	if strings.EqualFold(to, "PRIMARY") {
		return newError(ErWrongNameForIndex, to)
	}
	if err := checkIdent(to); err != nil {
		return err
	}
	if !strings.EqualFold(from, to) && t.Index(to) != nil {
		return newError(ErDupKeyName, to)
	}
	ix.Name = to
	return nil
}

// uniqueIndexName returns base, or base_2, base_3, ... whichever is free
// (MySQL's make_unique_key_name).
func uniqueIndexName(t *Table, base string) string {
	if t.Index(base) == nil && !strings.EqualFold(base, "PRIMARY") {
		return base
	}
	for n := 2; ; n++ {
		c := fmt.Sprintf("%s_%d", base, n)
		if t.Index(c) == nil {
			return c
		}
	}
}

func (st *alterState) addIndex(ix *Index, ifNotExists bool) *Error {
	t := st.t
	if ix == nil || len(ix.Parts) == 0 {
		return newError(ErTableMustHaveColumns)
	}
	for _, p := range ix.Parts {
		if p.Column == "" {
			continue
		}
		if t.Column(p.Column) == nil {
			return newError(ErKeyColumnDoesNotExist, p.Column)
		}
	}
	if ix.Primary {
		ix.Name, ix.Unique = "PRIMARY", true
		if t.PrimaryKey() != nil {
			return newError(ErMultiplePriKey)
		}
		for _, p := range ix.Parts {
			if c := t.Column(p.Column); c != nil {
				c.Nullable = false
			}
		}
	} else {
		if strings.EqualFold(ix.Name, "PRIMARY") {
			return newError(ErWrongNameForIndex, ix.Name)
		}
		if ix.Name == "" {
			base := ix.Parts[0].Column
			if base == "" {
				base = "functional_index"
			} else {
				base = t.Column(base).Name
			}
			ix.Name = uniqueIndexName(t, base)
		}
		if err := checkIdent(ix.Name); err != nil {
			return err
		}
		if t.Index(ix.Name) != nil {
			if ifNotExists {
				return nil
			}
			return newError(ErDupKeyName, ix.Name)
		}
	}
	for k := range ix.Parts {
		if c := t.Column(ix.Parts[k].Column); c != nil {
			ix.Parts[k].Column = c.Name
		}
	}
	if strings.EqualFold(ix.Kind, "FULLTEXT") {
		for _, p := range ix.Parts {
			c := t.Column(p.Column)
			if c == nil || !(c.Type.Base == "char" || c.Type.Base == "varchar" || c.Type.IsText()) {
				return newError(ErBadFTColumn, p.Column)
			}
		}
	}
	ix.Implicit = false
	t.Indexes = append(t.Indexes, ix)
	st.replaceImplicit(ix)
	if ix.Primary {
		// The primary key is listed first, as SHOW CREATE TABLE does.
		t.Indexes = append([]*Index{ix}, slices.DeleteFunc(t.Indexes, func(x *Index) bool { return x == ix })...)
	}
	return nil
}

// replaceImplicit drops the indexes MySQL generated for foreign keys once
// the new index can serve the same foreign keys (their columns are a left
// prefix of it).
func (st *alterState) replaceImplicit(ix *Index) {
	if ix.Kind != "" {
		return
	}
	st.t.Indexes = slices.DeleteFunc(st.t.Indexes, func(x *Index) bool {
		return x != ix && x.Implicit && isLeftPrefix(x.Columns(), ix) && noPrefixParts(x)
	})
}

// isLeftPrefix reports whether cols are the first key parts of ix, whole
// columns (no prefix length), in order.
func isLeftPrefix(cols []string, ix *Index) bool {
	if len(cols) == 0 || len(cols) > len(ix.Parts) || ix.Kind != "" {
		return false
	}
	for i, c := range cols {
		p := ix.Parts[i]
		if p.Column == "" || p.Length > 0 || !strings.EqualFold(p.Column, c) {
			return false
		}
	}
	return true
}

func noPrefixParts(ix *Index) bool {
	for _, p := range ix.Parts {
		if p.Length > 0 {
			return false
		}
	}
	return true
}

// coveringIndex returns an index of t that can serve a foreign key on cols.
func coveringIndex(t *Table, cols []string) *Index {
	for _, ix := range t.Indexes {
		if isLeftPrefix(cols, ix) {
			return ix
		}
	}
	return nil
}

// ---------------------------------------------------------------- foreign keys and checks

func (st *alterState) dropForeignKey(d *DropForeignKey) *Error {
	t := st.t
	for i, fk := range t.ForeignKeys {
		if strings.EqualFold(fk.Name, d.Name) {
			t.ForeignKeys = slices.Delete(t.ForeignKeys, i, i+1)
			return nil
		}
	}
	if d.IfExists {
		return nil
	}
	return newError(ErCantDropFieldOrKey, d.Name)
}

func (st *alterState) dropCheck(name string) *Error {
	t := st.t
	for i, ck := range t.Checks {
		if strings.EqualFold(ck.Name, name) {
			t.Checks = slices.Delete(t.Checks, i, i+1)
			return nil
		}
	}
	return newError(ErCheckConstraintNotFound, name)
}

// dropConstraint resolves DROP CONSTRAINT name to the foreign key, check or
// unique key of that name.
func (st *alterState) dropConstraint(name string) *Error {
	t := st.t
	fk, ck, ix := t.ForeignKey(name), t.Check(name), t.Index(name)
	if ix != nil && !ix.Unique {
		ix = nil
	}
	n := 0
	for _, found := range []bool{fk != nil, ck != nil, ix != nil} {
		if found {
			n++
		}
	}
	switch {
	case n == 0:
		return newError(ErConstraintNotFound, name)
	case n > 1:
		return newError(ErMultipleConstraintsSameNm, name)
	case fk != nil:
		return st.dropForeignKey(&DropForeignKey{Name: name})
	case ck != nil:
		return st.dropCheck(name)
	}
	return st.dropIndex(ix.Name, false)
}

// fkNameUsed reports whether a foreign key of that name exists anywhere in
// the schema (InnoDB foreign key names are unique per database).
func (w *work) fkNameUsed(name string, self *Table) bool {
	for _, t := range w.s.Tables {
		if self != nil && t.Name == self.Name {
			t = self
		}
		if t.ForeignKey(name) != nil {
			return true
		}
	}
	if self != nil && w.s.Table(self.Name) == nil && self.ForeignKey(name) != nil {
		return true
	}
	return false
}

// checkNameUsed reports whether a check constraint of that name exists
// anywhere in the schema (check names are unique per database).
func (w *work) checkNameUsed(name string, self *Table) bool {
	for _, t := range w.s.Tables {
		if self != nil && t.Name == self.Name {
			t = self
		}
		if t.Check(name) != nil {
			return true
		}
	}
	if self != nil && w.s.Table(self.Name) == nil && self.Check(name) != nil {
		return true
	}
	return false
}

func nextGenerated(names []string, table, infix string) int {
	max := 0
	for _, n := range names {
		if k, ok := generatedSuffix(n, table, infix); ok && k > max {
			max = k
		}
	}
	return max + 1
}

func (st *alterState) addForeignKey(a *AddForeignKey) *Error {
	t := st.t
	fk := a.ForeignKey
	if fk == nil {
		return newError(ErWrongFKDef, "")
	}
	if fk.Inline && !InlineReferencesEnforced(st.w.o.Version) {
		// Column-level REFERENCES: parsed and ignored before MySQL 9.0.
		return nil
	}
	// The index MySQL may create for the key is named after the constraint
	// when it has a name, else after the FOREIGN KEY index_name, else after
	// the first column.
	indexName := a.IndexName
	if fk.Name != "" {
		indexName = fk.Name
	} else {
		names := make([]string, 0, len(t.ForeignKeys))
		for _, x := range t.ForeignKeys {
			names = append(names, x.Name)
		}
		fk.Name = fmt.Sprintf("%s_ibfk_%d", t.Name, nextGenerated(names, t.Name, "_ibfk_"))
	}
	if err := checkIdent(fk.Name); err != nil {
		return err
	}
	if st.w.fkNameUsed(fk.Name, t) {
		return newError(ErFKDupName, fk.Name)
	}
	if len(fk.Columns) == 0 || len(fk.Columns) != len(fk.RefColumns) {
		return newError(ErWrongFKDef, fk.Name)
	}
	for i, c := range fk.Columns {
		col := t.Column(c)
		if col == nil {
			return newError(ErKeyColumnDoesNotExist, c)
		}
		fk.Columns[i] = col.Name
	}
	fk.OnDelete = strings.ToUpper(fk.OnDelete)
	fk.OnUpdate = strings.ToUpper(fk.OnUpdate)
	t.ForeignKeys = append(t.ForeignKeys, fk)
	st.newFKs = append(st.newFKs, fk)
	if st.fkIndexNames == nil {
		st.fkIndexNames = map[*ForeignKey]string{}
	}
	st.fkIndexNames[fk] = indexName
	return nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (st *alterState) addCheck(ck *Check) *Error {
	t := st.t
	if ck.Name == "" {
		names := make([]string, 0, len(t.Checks))
		for _, x := range t.Checks {
			names = append(names, x.Name)
		}
		ck.Name = fmt.Sprintf("%s_chk_%d", t.Name, nextGenerated(names, t.Name, "_chk_"))
	}
	if err := checkIdent(ck.Name); err != nil {
		return err
	}
	if st.w.checkNameUsed(ck.Name, t) {
		return newError(ErCheckConstraintDupName, ck.Name)
	}
	t.Checks = append(t.Checks, ck)
	return nil
}

// ---------------------------------------------------------------- options

func (st *alterState) setOptions(s *SetTableOptions) *Error {
	o := &st.t.Options
	if s.SetEngine {
		o.Engine = CanonicalEngine(s.Options.Engine)
	}
	if s.SetCharset || s.SetCollation {
		cs, co := "", ""
		if s.SetCharset {
			cs = s.Options.Charset
		}
		if s.SetCollation {
			co = s.Options.Collation
		}
		n := TableOptions{Charset: cs, Collation: co}
		if err := resolveTableCharset(&n, o.Charset, o.Collation); err != nil {
			return err
		}
		o.Charset, o.Collation = n.Charset, n.Collation
	}
	if s.SetComment {
		o.Comment = s.Options.Comment
	}
	if s.SetRowFormat {
		o.RowFormat = strings.ToUpper(s.Options.RowFormat)
	}
	return nil
}

// convertCharset is CONVERT TO CHARACTER SET: the table default and every
// character column change; TEXT columns grow to the smallest TEXT type that
// still holds as many characters as before, as MySQL does.
func (st *alterState) convertCharset(c *ConvertCharset) *Error {
	n := TableOptions{Charset: c.Charset, Collation: c.Collation}
	if err := resolveTableCharset(&n, DefaultCharset, DefaultCollation); err != nil {
		return err
	}
	st.t.Options.Charset, st.t.Options.Collation = n.Charset, n.Collation
	for _, col := range st.t.Columns {
		ty := &col.Type
		if !ty.IsCharacter() {
			continue
		}
		if ty.IsText() {
			chars := ty.MaxBytes() / BytesPerChar(ty.Charset)
			ty.Base = SizedLOB(true, chars*BytesPerChar(n.Charset))
		}
		ty.Charset, ty.Collation = n.Charset, n.Collation
		*ty = CanonicalType(*ty)
		st.modified[strings.ToLower(col.Name)] = true
	}
	return nil
}

// ---------------------------------------------------------------- final checks

// finish runs the checks MySQL makes on the finished table definition and
// adds the indexes foreign keys need.
func (st *alterState) finish() *Error {
	t := st.t
	w := st.w
	if len(t.Columns) == 0 {
		if st.creating {
			return newError(ErTableMustHaveColumns)
		}
		return newError(ErCantRemoveAllFields)
	}
	if pk := t.PrimaryKey(); pk != nil {
		for _, p := range pk.Parts {
			if c := t.Column(p.Column); c != nil {
				c.Nullable = false
			}
		}
	}
	if len(t.Indexes) > MaxIndexes {
		return newError(ErTooManyKeys, MaxIndexes)
	}
	for _, ix := range t.Indexes {
		if err := checkKey(t, ix); err != nil {
			return err
		}
	}
	// AUTO_INCREMENT: at most one column, and it must lead some index.
	ai := 0
	for _, c := range t.Columns {
		if !c.AutoIncrement {
			continue
		}
		ai++
		led := false
		for _, ix := range t.Indexes {
			if len(ix.Parts) > 0 && strings.EqualFold(ix.Parts[0].Column, c.Name) && ix.Kind == "" {
				led = true
			}
		}
		if ai > 1 || !led {
			return newError(ErWrongAutoKey)
		}
	}
	// Indexes foreign keys need: new keys get one generated; old keys whose
	// index this statement dropped make it fail.
	for _, fk := range t.ForeignKeys {
		if coveringIndex(t, fk.Columns) != nil {
			continue
		}
		if !slices.Contains(st.newFKs, fk) {
			return newError(ErDropIndexFK, st.droppedCovering(fk.Columns))
		}
		base := firstNonEmpty(st.fkIndexNames[fk], fk.Columns[0])
		ix := &Index{Name: uniqueIndexName(t, base), Implicit: true}
		for _, c := range fk.Columns {
			ix.Parts = append(ix.Parts, IndexPart{Column: c})
		}
		if err := checkIdent(ix.Name); err != nil {
			return err
		}
		if err := checkKey(t, ix); err != nil {
			return err
		}
		t.Indexes = append(t.Indexes, ix)
	}
	if len(t.Indexes) > MaxIndexes {
		return newError(ErTooManyKeys, MaxIndexes)
	}
	// Parent side: foreign keys of any table that reference this one still
	// need an index here.
	if len(st.droppedIndexes) > 0 && !w.o.ForeignKeyChecksOff {
		for _, other := range w.s.Tables {
			fks := other.ForeignKeys
			if other.Name == t.Name {
				fks = t.ForeignKeys
			}
			for _, fk := range fks {
				if fk.RefTable == t.Name && coveringIndex(t, fk.RefColumns) == nil {
					return newError(ErDropIndexFK, st.droppedCovering(fk.RefColumns))
				}
			}
		}
	}
	// New foreign keys, and old ones whose columns changed, are validated
	// against their parents.
	for _, fk := range t.ForeignKeys {
		if err := st.validateFK(t, fk, slices.Contains(st.newFKs, fk)); err != nil {
			return err
		}
	}
	if !st.creating && len(st.modified) > 0 && !w.o.ForeignKeyChecksOff {
		for _, other := range w.s.Tables {
			if other.Name == t.Name {
				continue
			}
			for _, fk := range other.ForeignKeys {
				if fk.RefTable != t.Name || !st.touches(fk.RefColumns) {
					continue
				}
				if err := st.checkCompatible(other, fk, t); err != nil {
					return err
				}
			}
		}
	}
	size, nullable := 0, 0
	for _, c := range t.Columns {
		if c.Generated != nil && !c.Generated.Stored {
			continue
		}
		size += c.Type.RowBytes()
		if c.Nullable {
			nullable++
		}
	}
	if size+(nullable+7)/8 > MaxRowSize {
		return newError(ErTooBigRowSize)
	}
	return nil
}

// droppedCovering names the dropped index that served cols, for error 1553.
func (st *alterState) droppedCovering(cols []string) string {
	for _, ix := range st.droppedIndexes {
		if isLeftPrefix(cols, ix) {
			return ix.Name
		}
	}
	if len(st.droppedIndexes) > 0 {
		return st.droppedIndexes[0].Name
	}
	return strings.Join(cols, ",")
}

func (st *alterState) touches(cols []string) bool {
	for _, c := range cols {
		if st.modified[strings.ToLower(c)] {
			return true
		}
	}
	return false
}

// validateFK checks a foreign key of t: rules against nullability always
// (1830); the parent table, its columns, index and column compatibility
// when the key is new or its columns changed, unless foreign_key_checks is
// off.
func (st *alterState) validateFK(t *Table, fk *ForeignKey, isNew bool) *Error {
	if fk.OnDelete == SetNull || fk.OnUpdate == SetNull {
		for _, c := range fk.Columns {
			if col := t.Column(c); col != nil && !col.Nullable {
				return newError(ErFKColumnNotNull, col.Name, fk.Name)
			}
		}
	}
	if !isNew && !st.touches(fk.Columns) {
		return nil
	}
	parent := st.w.s.Table(fk.RefTable)
	if fk.RefTable == t.Name {
		parent = t
	}
	if parent == nil {
		if st.w.o.ForeignKeyChecksOff {
			return nil
		}
		return newError(ErFKCannotOpenParent, fk.RefTable)
	}
	for i, rc := range fk.RefColumns {
		col := parent.Column(rc)
		if col == nil {
			if st.w.o.ForeignKeyChecksOff {
				return nil
			}
			return newError(ErFKNoColumnParent, rc, fk.Name, parent.Name)
		}
		fk.RefColumns[i] = col.Name
	}
	if isNew && !st.w.o.ForeignKeyChecksOff {
		ix := coveringIndex(parent, fk.RefColumns)
		if ix == nil {
			return newError(ErFKNoIndexParent, fk.Name, parent.Name)
		}
		if st.w.is84() && !hasUniqueExact(parent, fk.RefColumns) {
			return newError(ErFKNoUniqueIndexParent, fk.Name, parent.Name)
		}
	}
	return st.checkCompatible(t, fk, parent)
}

// hasUniqueExact reports a PRIMARY or UNIQUE key on exactly cols (MySQL 8.4
// restrict_fk_on_non_standard_key).
func hasUniqueExact(t *Table, cols []string) bool {
	for _, ix := range t.Indexes {
		if ix.Unique && len(ix.Parts) == len(cols) && isLeftPrefix(cols, ix) {
			return true
		}
	}
	return false
}

// checkCompatible raises 3780 when a referencing column and its referenced
// column differ in a way InnoDB refuses (see FKCompatible).
func (st *alterState) checkCompatible(child *Table, fk *ForeignKey, parent *Table) *Error {
	for i, c := range fk.Columns {
		cc := child.Column(c)
		if i >= len(fk.RefColumns) {
			break
		}
		pc := parent.Column(fk.RefColumns[i])
		if cc == nil || pc == nil {
			continue
		}
		if !FKCompatible(cc.Type, pc.Type) {
			return newError(ErFKIncompatibleColumns, cc.Name, pc.Name, fk.Name)
		}
	}
	return nil
}

// FKCompatible reports whether a foreign key column of type a may reference
// a column of type b. The rule is InnoDB's (MySQL 8 reference manual,
// "FOREIGN KEY Constraints", and cmp_cols_are_equal): integer and DECIMAL
// types must have the same base type, size and signedness (INT and BIGINT
// are incompatible, display width is ignored); non-binary strings (CHAR,
// VARCHAR) must have the same character set and collation but their length
// may differ (VARCHAR(10) may reference VARCHAR(20)); binary strings are
// compatible with each other; other types must have the same base type and
// fractional-seconds precision.
func FKCompatible(a, b Type) bool {
	charLike := func(t Type) bool { return t.Base == "char" || t.Base == "varchar" || t.IsText() }
	binLike := func(t Type) bool { return t.Base == "binary" || t.Base == "varbinary" || t.IsBlob() }
	switch {
	case charLike(a) || charLike(b):
		return charLike(a) && charLike(b) && a.Charset == b.Charset && a.Collation == b.Collation
	case binLike(a) || binLike(b):
		return binLike(a) && binLike(b)
	case a.Base != b.Base:
		return false
	case a.IsNumeric():
		return a.Unsigned == b.Unsigned && a.Precision == b.Precision && a.Scale == b.Scale
	case a.IsTemporal():
		return a.Precision == b.Precision
	}
	return true
}

// checkKey raises 1170, 3152, 1089 or 1071 for an index MySQL refuses.
func checkKey(t *Table, ix *Index) *Error {
	if ix.Kind != "" {
		return nil // FULLTEXT and SPATIAL keys have no length limit here
	}
	limit := MaxKeyLength
	switch strings.ToUpper(t.Options.RowFormat) {
	case "COMPACT", "REDUNDANT":
		limit = MaxKeyLengthCompact
	}
	total := 0
	for _, p := range ix.Parts {
		if p.Column == "" {
			continue
		}
		c := t.Column(p.Column)
		if c == nil {
			continue
		}
		ty := c.Type
		var n int
		switch {
		case p.Length > 0:
			if !ty.IsString() || ty.Base == "enum" || ty.Base == "set" || (ty.CharLength() > 0 && p.Length > ty.CharLength()) {
				return newError(ErWrongSubKey)
			}
			n = p.Length
			if ty.IsCharacter() {
				n *= BytesPerChar(ty.Charset)
			}
		case ty.Base == "json":
			return newError(ErJSONUsedAsKey, c.Name)
		case ty.IsText() || ty.IsBlob():
			return newError(ErBlobKeyWithoutLength, c.Name)
		case ty.IsSpatial():
			n = 0 // spatial columns in a plain index take no fixed length here
		default:
			n = ty.MaxBytes()
		}
		if n > limit {
			return newError(ErTooLongKey, limit)
		}
		total += n
	}
	if total > limit {
		return newError(ErTooLongKey, limit)
	}
	return nil
}
