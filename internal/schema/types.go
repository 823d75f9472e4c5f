package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseType parses a MySQL column type as written in DDL or as Sequelize
// renders it ("INTEGER", "INT(11) UNSIGNED ZEROFILL", "VARCHAR(255)",
// "CHAR(36) BINARY", "ENUM('a','b')", "DOUBLE PRECISION", "VARCHAR(10)
// CHARACTER SET latin1 COLLATE latin1_bin", "SERIAL", ...) and returns it in
// canonical form (see CanonicalType).
//
// Column attributes that are not part of the type (NOT NULL, DEFAULT, ...)
// are not accepted. SERIAL yields its type only, bigint unsigned; the NOT
// NULL AUTO_INCREMENT UNIQUE it implies belong to the column.
func ParseType(s string) (Type, error) {
	toks, err := lexType(s)
	if err != nil {
		return Type{}, fmt.Errorf("schema: parse type %q: %w", s, err)
	}
	if len(toks) == 0 || toks[0].kind != tokWord {
		return Type{}, fmt.Errorf("schema: parse type %q: no type name", s)
	}
	var t Type
	i := 0
	word := func(k int) string {
		if k < len(toks) && toks[k].kind == tokWord {
			return toks[k].text
		}
		return ""
	}
	name := toks[0].text
	i = 1
	// Multi-word type names.
	switch name {
	case "double":
		if word(i) == "precision" {
			i++
		}
	case "character", "char":
		if word(i) == "varying" {
			name = "varchar"
			i++
		} else if name == "character" {
			name = "char"
		}
	case "national":
		switch word(i) {
		case "char", "character":
			i++
			name = "nchar"
			if word(i) == "varying" {
				name = "nvarchar"
				i++
			}
		case "varchar":
			i++
			name = "nvarchar"
		default:
			return Type{}, fmt.Errorf("schema: parse type %q: NATIONAL without CHAR or VARCHAR", s)
		}
	case "nchar":
		if word(i) == "varchar" || word(i) == "varying" {
			name = "nvarchar"
			i++
		}
	case "long":
		switch word(i) {
		case "varchar":
			name = "mediumtext"
			i++
		case "varbinary":
			name = "mediumblob"
			i++
		default:
			name = "mediumtext"
		}
	}
	t.Base = name
	// Arguments.
	if i < len(toks) && toks[i].kind == tokOpen {
		i++
		var args []token
		for i < len(toks) && toks[i].kind != tokClose {
			if toks[i].kind != tokComma {
				args = append(args, toks[i])
			}
			i++
		}
		if i >= len(toks) {
			return Type{}, fmt.Errorf("schema: parse type %q: unclosed parenthesis", s)
		}
		i++
		if err := t.setArgs(args); err != nil {
			return Type{}, fmt.Errorf("schema: parse type %q: %w", s, err)
		}
	}
	// Attributes.
	for i < len(toks) {
		w := word(i)
		switch w {
		case "unsigned":
			t.Unsigned = true
		case "signed":
			t.Unsigned = false
		case "zerofill":
			t.Zerofill = true
		case "binary":
			t.Binary = true
		case "ascii":
			t.Charset = "latin1"
		case "unicode":
			t.Charset = "ucs2"
		case "byte":
			t.Charset = "binary"
		case "charset":
			i++
			if word(i) == "" {
				return Type{}, fmt.Errorf("schema: parse type %q: CHARSET without a name", s)
			}
			t.Charset = word(i)
		case "character", "char":
			if word(i+1) != "set" || word(i+2) == "" {
				return Type{}, fmt.Errorf("schema: parse type %q: bad CHARACTER SET", s)
			}
			t.Charset = word(i + 2)
			i += 2
		case "collate":
			i++
			if word(i) == "" {
				return Type{}, fmt.Errorf("schema: parse type %q: COLLATE without a name", s)
			}
			t.Collation = word(i)
		default:
			return Type{}, fmt.Errorf("schema: parse type %q: unexpected %q", s, toks[i].text)
		}
		i++
	}
	if !knownBase[t.Base] {
		return Type{}, fmt.Errorf("schema: parse type %q: unknown type %s", s, strings.ToUpper(t.Base))
	}
	if t.Base == "varchar" || t.Base == "nvarchar" || t.Base == "varbinary" {
		if t.Length == 0 {
			return Type{}, fmt.Errorf("schema: parse type %q: %s needs a length", s, strings.ToUpper(t.Base))
		}
	}
	return CanonicalType(t), nil
}

// setArgs stores the parenthesised arguments according to the base type.
func (t *Type) setArgs(args []token) error {
	switch t.Base {
	case "enum", "set":
		for _, a := range args {
			if a.kind != tokString {
				return fmt.Errorf("%s value %q is not a quoted string", strings.ToUpper(t.Base), a.text)
			}
			t.Values = append(t.Values, a.text)
		}
		return nil
	case "geometry":
		// Sequelize writes GEOMETRY('POINT'): the argument is the subtype.
		if len(args) == 1 {
			t.Base = strings.ToLower(args[0].text)
		}
		return nil
	case "text", "tinytext", "mediumtext", "longtext", "blob", "tinyblob", "mediumblob", "longblob":
		// Sequelize writes TEXT('tiny'); SQL writes TEXT(n).
		if len(args) == 1 && args[0].kind == tokString {
			switch strings.ToLower(args[0].text) {
			case "tiny", "medium", "long":
				if strings.HasSuffix(t.Base, "text") {
					t.Base = strings.ToLower(args[0].text) + "text"
				} else {
					t.Base = strings.ToLower(args[0].text) + "blob"
				}
			}
			return nil
		}
	}
	nums := make([]int, 0, len(args))
	for _, a := range args {
		if a.kind != tokWord {
			return fmt.Errorf("argument %q is not a number", a.text)
		}
		n, err := strconv.Atoi(a.text)
		if err != nil || n < 0 {
			return fmt.Errorf("argument %q is not a number", a.text)
		}
		nums = append(nums, n)
	}
	if len(nums) == 0 || len(nums) > 2 {
		return fmt.Errorf("%s takes one or two numbers", strings.ToUpper(t.Base))
	}
	switch t.Base {
	case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "bool", "boolean", "serial", "year":
		t.DisplayWidth = nums[0]
	case "decimal", "dec", "numeric", "fixed", "float", "double", "real", "float4", "float8":
		t.Precision = nums[0]
		t.HasPrecision = true
		if len(nums) == 2 {
			t.Scale = nums[1]
		} else if t.Base == "float" || t.Base == "float4" || t.Base == "float8" {
			// FLOAT(p): p selects FLOAT or DOUBLE; no (M,D) is kept.
			t.HasPrecision = false
			if nums[0] > 24 {
				t.Base = "double"
			} else {
				t.Base = "float"
			}
			if nums[0] > 53 {
				return fmt.Errorf("FLOAT precision %d out of range", nums[0])
			}
		}
	case "datetime", "time", "timestamp":
		if nums[0] > 6 {
			return fmt.Errorf("fractional seconds precision %d out of range", nums[0])
		}
		t.Precision = nums[0]
	case "text", "blob":
		// TEXT(n) picks the smallest type holding n characters (bytes for BLOB).
		t.Length = nums[0]
	default:
		t.Length = nums[0]
	}
	if len(nums) == 2 && !t.HasPrecision {
		return fmt.Errorf("%s takes one number", strings.ToUpper(t.Base))
	}
	return nil
}

// knownBase lists the type names ParseType accepts, synonyms included.
var knownBase = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`tinyint smallint mediumint int integer bigint int1 int2 int3 int4 int8 middleint
		bool boolean serial bit decimal dec numeric fixed float double real float4 float8
		char nchar varchar nvarchar binary varbinary tinytext text mediumtext longtext
		tinyblob blob mediumblob longblob enum set json date datetime time timestamp year
		geometry point linestring polygon multipoint multilinestring multipolygon geometrycollection geomcollection`) {
		knownBase[n] = true
	}
}

// CanonicalType resolves synonyms and implied attributes the way MySQL 8
// stores a type: INTEGER is int, BOOL is tinyint(1), REAL and DOUBLE
// PRECISION are double, NUMERIC/DEC/FIXED are decimal (default (10,0)),
// CHAR and BINARY default to length 1, BIT to 1, integer display widths are
// dropped except tinyint(1) and ZEROFILL columns, ZEROFILL implies
// UNSIGNED, utf8 is utf8mb3, and a string type with CHARACTER SET binary
// becomes the binary type. CanonicalType is idempotent.
func CanonicalType(t Type) Type {
	t.Base = strings.ToLower(t.Base)
	t.Values = append([]string(nil), t.Values...)
	switch t.Base {
	case "integer", "int4":
		t.Base = "int"
	case "int1":
		t.Base = "tinyint"
	case "int2":
		t.Base = "smallint"
	case "int3", "middleint":
		t.Base = "mediumint"
	case "int8":
		t.Base = "bigint"
	case "bool", "boolean":
		t.Base, t.DisplayWidth = "tinyint", 1
	case "serial":
		t.Base, t.Unsigned, t.DisplayWidth = "bigint", true, 0
	case "dec", "numeric", "fixed":
		t.Base = "decimal"
	case "real", "float8":
		t.Base = "double"
	case "float4":
		t.Base = "float"
	case "nchar":
		t.Base, t.Charset = "char", "utf8mb3"
	case "nvarchar":
		t.Base, t.Charset = "varchar", "utf8mb3"
	case "geomcollection":
		t.Base = "geometrycollection"
	}
	if t.Zerofill {
		t.Unsigned = true
	}
	switch {
	case t.IsInteger():
		switch {
		case t.Zerofill:
			if t.DisplayWidth == 0 {
				t.DisplayWidth = defaultZerofillWidth[t.Base]
			}
		case t.Base == "tinyint" && t.DisplayWidth == 1:
		default:
			t.DisplayWidth = 0
		}
	case t.Base == "decimal":
		if !t.HasPrecision || t.Precision == 0 {
			t.Precision, t.Scale = 10, 0
		}
		t.HasPrecision = true
	case t.Base == "float" || t.Base == "double":
		if !t.HasPrecision {
			t.Precision, t.Scale = 0, 0
		}
	case t.Base == "char" || t.Base == "binary" || t.Base == "bit":
		if t.Length == 0 {
			t.Length = 1
		}
	case t.Base == "year":
		t.DisplayWidth = 0
	}
	if !t.IsTemporal() && t.Base != "decimal" && t.Base != "float" && t.Base != "double" {
		t.Precision, t.Scale, t.HasPrecision = 0, 0, false
	}
	if t.Base == "time" || t.Base == "datetime" || t.Base == "timestamp" {
		t.HasPrecision = false
		t.Scale = 0
	} else if t.IsTemporal() {
		t.Precision = 0
	}
	if !t.IsInteger() {
		t.DisplayWidth = 0
	}
	if !t.IsNumeric() {
		t.Unsigned, t.Zerofill = false, false
	}
	if t.IsCharacter() {
		t.Charset = CanonicalCharset(t.Charset)
		t.Collation = CanonicalCollation(t.Collation)
		if t.Charset == "binary" || t.Collation == "binary" {
			// CHAR(n) CHARACTER SET binary is BINARY(n), and so on.
			switch t.Base {
			case "char":
				t.Base = "binary"
			case "varchar":
				t.Base = "varbinary"
			case "tinytext":
				t.Base = "tinyblob"
			case "text":
				t.Base = "blob"
			case "mediumtext":
				t.Base = "mediumblob"
			case "longtext":
				t.Base = "longblob"
			}
		}
	}
	if (t.Base == "text" || t.Base == "blob") && t.Length > 0 {
		n := t.Length
		if t.Base == "text" {
			n *= BytesPerChar(t.Charset)
		}
		t.Base = SizedLOB(t.Base == "text", n)
		t.Length = 0
	}
	if !t.IsCharacter() {
		t.Charset, t.Collation, t.Binary = "", "", false
	}
	if !t.IsString() || t.IsBlob() || t.Base == "json" {
		if t.Base != "char" && t.Base != "varchar" && t.Base != "binary" && t.Base != "varbinary" && t.Base != "bit" {
			t.Length = 0
		}
	}
	if t.Base != "enum" && t.Base != "set" {
		t.Values = nil
	}
	if t.Binary && t.Collation != "" && t.Charset != "" {
		t.Binary = false
	}
	return t
}

// SizedLOB returns the smallest TEXT (text true) or BLOB type that holds n
// bytes, as MySQL picks for TEXT(n) and BLOB(n).
func SizedLOB(text bool, n int) string {
	prefix := ""
	switch {
	case n <= 255:
		prefix = "tiny"
	case n <= 65535:
	case n <= 16777215:
		prefix = "medium"
	default:
		prefix = "long"
	}
	if text {
		return prefix + "text"
	}
	return prefix + "blob"
}

var defaultZerofillWidth = map[string]int{"tinyint": 3, "smallint": 5, "mediumint": 8, "int": 10, "bigint": 20}

// String renders the type as information_schema COLUMNS.COLUMN_TYPE does:
// lower case, no character set ("varchar(255)", "int unsigned",
// "decimal(10,2)", "enum('a','b')", "datetime(3)").
func (t Type) String() string {
	var b strings.Builder
	b.WriteString(t.Base)
	switch {
	case t.IsInteger():
		if t.DisplayWidth > 0 {
			fmt.Fprintf(&b, "(%d)", t.DisplayWidth)
		}
	case t.Base == "decimal" || ((t.Base == "float" || t.Base == "double") && t.HasPrecision):
		fmt.Fprintf(&b, "(%d,%d)", t.Precision, t.Scale)
	case t.Base == "char" || t.Base == "varchar" || t.Base == "binary" || t.Base == "varbinary" || t.Base == "bit":
		fmt.Fprintf(&b, "(%d)", t.Length)
	case t.Base == "enum" || t.Base == "set":
		b.WriteByte('(')
		for i, v := range t.Values {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(QuoteString(v))
		}
		b.WriteByte(')')
	case t.Base == "datetime" || t.Base == "time" || t.Base == "timestamp":
		if t.Precision > 0 {
			fmt.Fprintf(&b, "(%d)", t.Precision)
		}
	}
	if t.Unsigned {
		b.WriteString(" unsigned")
	}
	if t.Zerofill {
		b.WriteString(" zerofill")
	}
	return b.String()
}

// QuoteString quotes a string literal the way SHOW CREATE TABLE does.
func QuoteString(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Equal reports whether two canonical types are the same, character set and
// collation included.
func (t Type) Equal(u Type) bool {
	if t.String() != u.String() {
		return false
	}
	return t.Charset == u.Charset && t.Collation == u.Collation && t.Binary == u.Binary
}

// IsInteger reports tinyint, smallint, mediumint, int and bigint.
func (t Type) IsInteger() bool {
	switch t.Base {
	case "tinyint", "smallint", "mediumint", "int", "bigint":
		return true
	}
	return false
}

// IsNumeric reports integer, decimal, float and double types.
func (t Type) IsNumeric() bool {
	return t.IsInteger() || t.Base == "decimal" || t.Base == "float" || t.Base == "double"
}

// IsTemporal reports date, datetime, time, timestamp and year.
func (t Type) IsTemporal() bool {
	switch t.Base {
	case "date", "datetime", "time", "timestamp", "year":
		return true
	}
	return false
}

// IsCharacter reports the types that carry a character set: char, varchar,
// the TEXT family, enum and set.
func (t Type) IsCharacter() bool {
	switch t.Base {
	case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set":
		return true
	}
	return false
}

// IsString reports character and binary string types (char, varchar,
// binary, varbinary, TEXT and BLOB families, enum, set).
func (t Type) IsString() bool {
	return t.IsCharacter() || t.Base == "binary" || t.Base == "varbinary" || t.IsBlob()
}

// IsText reports the TEXT family.
func (t Type) IsText() bool {
	switch t.Base {
	case "tinytext", "text", "mediumtext", "longtext":
		return true
	}
	return false
}

// IsBlob reports the BLOB family.
func (t Type) IsBlob() bool {
	switch t.Base {
	case "tinyblob", "blob", "mediumblob", "longblob":
		return true
	}
	return false
}

// IsSpatial reports geometry types.
func (t Type) IsSpatial() bool {
	switch t.Base {
	case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection":
		return true
	}
	return false
}

// IsLOB reports the types stored off-row that MySQL forbids literal defaults
// on and that need a prefix length in an index: TEXT, BLOB, JSON and geometry.
func (t Type) IsLOB() bool {
	return t.IsText() || t.IsBlob() || t.Base == "json" || t.IsSpatial()
}

// CharLength returns the maximum length in characters (bytes for binary
// types) of a string type, 0 for other types.
func (t Type) CharLength() int {
	switch t.Base {
	case "char", "varchar", "binary", "varbinary":
		return t.Length
	case "tinytext", "tinyblob":
		return 255
	case "text", "blob":
		return 65535
	case "mediumtext", "mediumblob":
		return 16777215
	case "longtext", "longblob", "json":
		return 4294967295
	}
	return 0
}

// MaxBytes returns the maximum bytes of one value's data, not counting
// length prefixes: what an index key part on the whole column takes and the
// basis of row-size math. Character types count the character set's
// maximum bytes per character (utf8mb4 4, utf8mb3 3, latin1 1); a type with
// no character set yet counts as utf8mb4. TEXT and BLOB families return
// their byte capacity.
func (t Type) MaxBytes() int {
	mb := 1
	if t.IsCharacter() {
		mb = BytesPerChar(t.Charset)
		if t.Charset == "" {
			mb = 4
		}
	}
	switch t.Base {
	case "tinyint":
		return 1
	case "smallint":
		return 2
	case "mediumint":
		return 3
	case "int":
		return 4
	case "bigint":
		return 8
	case "float":
		return 4
	case "double":
		return 8
	case "decimal":
		return decimalBytes(t.Precision, t.Scale)
	case "bit":
		return (t.Length + 7) / 8
	case "year":
		return 1
	case "date":
		return 3
	case "time":
		return 3 + (t.Precision+1)/2
	case "datetime":
		return 5 + (t.Precision+1)/2
	case "timestamp":
		return 4 + (t.Precision+1)/2
	case "char", "varchar":
		return t.Length * mb
	case "binary", "varbinary":
		return t.Length
	case "enum":
		if len(t.Values) > 255 {
			return 2
		}
		return 1
	case "set":
		switch n := len(t.Values); {
		case n <= 8:
			return 1
		case n <= 16:
			return 2
		case n <= 24:
			return 3
		case n <= 32:
			return 4
		}
		return 8
	case "tinytext", "tinyblob":
		return 255
	case "text", "blob":
		return 65535
	case "mediumtext", "mediumblob":
		return 16777215
	}
	// longtext, longblob, json, geometry.
	return 4294967295
}

// RowBytes returns what the column contributes to the 65,535-byte row size
// limit of error 1118: the value bytes plus 1 or 2 length bytes for
// variable-length strings; TEXT, BLOB, JSON and geometry count only their
// in-row pointer (9 to 12 bytes).
func (t Type) RowBytes() int {
	switch {
	case t.Base == "varchar" || t.Base == "varbinary":
		n := t.MaxBytes()
		if n > 255 {
			return n + 2
		}
		return n + 1
	case t.Base == "tinytext" || t.Base == "tinyblob":
		return 9
	case t.Base == "text" || t.Base == "blob":
		return 10
	case t.Base == "mediumtext" || t.Base == "mediumblob":
		return 11
	case t.IsLOB():
		return 12
	}
	return t.MaxBytes()
}

// decimalBytes is the packed size of DECIMAL(p,s): 4 bytes per 9 digits on
// each side of the point, plus the leftover digits.
func decimalBytes(p, s int) int {
	left := [...]int{0, 1, 1, 2, 2, 3, 3, 4, 4}
	in, fr := max(p-s, 0), max(s, 0)
	return in/9*4 + left[in%9] + fr/9*4 + left[fr%9]
}

// Token kinds of the type lexer.
const (
	tokWord = iota
	tokString
	tokOpen
	tokClose
	tokComma
)

type token struct {
	kind int
	text string
}

// lexType splits a type string into lower-case words, quoted strings and
// punctuation.
func lexType(s string) ([]token, error) {
	var out []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			out = append(out, token{tokOpen, "("})
			i++
		case c == ')':
			out = append(out, token{tokClose, ")"})
			i++
		case c == ',':
			out = append(out, token{tokComma, ","})
			i++
		case c == '=':
			// CHARSET=latin1 style; the '=' carries no meaning here.
			i++
		case c == '\'' || c == '"':
			q := c
			var b strings.Builder
			i++
			for {
				if i >= len(s) {
					return nil, fmt.Errorf("unterminated string")
				}
				if s[i] == '\\' && i+1 < len(s) {
					b.WriteByte(UnescapeChar(s[i+1]))
					i += 2
					continue
				}
				if s[i] == q {
					if i+1 < len(s) && s[i+1] == q {
						b.WriteByte(q)
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(s[i])
				i++
			}
			out = append(out, token{tokString, b.String()})
		case c == '`':
			j := strings.IndexByte(s[i+1:], '`')
			if j < 0 {
				return nil, fmt.Errorf("unterminated identifier")
			}
			out = append(out, token{tokWord, strings.ToLower(s[i+1 : i+1+j])})
			i += j + 2
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\n\r(),='\"`", rune(s[j])) {
				j++
			}
			out = append(out, token{tokWord, strings.ToLower(s[i:j])})
			i = j
		}
	}
	return out, nil
}

// UnescapeChar returns the character a backslash escape stands for in a
// MySQL string literal (\n, \t, \r, \0; any other character stands
// for itself).
func UnescapeChar(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	case 'r':
		return '\r'
	case '0':
		return 0
	}
	return c
}
