package sequelize

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
)

// typeDesc is a DataType as the stubs describe it: its key and arguments.
type typeDesc struct {
	Key     string      `json:"key"`
	Options typeOptions `json:"options"`
}

type typeOptions struct {
	Length    *float64 `json:"length"`
	Decimals  *float64 `json:"decimals"`
	Precision *float64 `json:"precision"`
	Scale     *float64 `json:"scale"`
	Variant   string   `json:"variant"` // TEXT('long'), BLOB('tiny')
	Binary    bool     `json:"binary"`
	Unsigned  bool     `json:"unsigned"`
	Zerofill  bool     `json:"zerofill"`
	Values    []string `json:"values"`
	Geo       string   `json:"geo"`
	SQL       string   `json:"sql"`  // a type written as a string
	Text      string   `json:"text"` // an unrecognised value
	Prop      string   `json:"prop"` // INFER: the decorated property
}

// defaultDesc is a defaultValue as the stubs describe it.
type defaultDesc struct {
	// Kind is null, now, uuid, js (a JS-side value with no DB default),
	// literal, fn, bool, number or string.
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

type refDesc struct {
	Table       *string `json:"table"`
	Key         string  `json:"key"`
	ExplicitKey bool    `json:"explicitKey"`
	Text        string  `json:"text"`
}

// attrDesc is one attribute definition (createTable, addColumn, init...).
type attrDesc struct {
	Name          string       `json:"name"`
	Field         *string      `json:"field"`
	Type          *typeDesc    `json:"type"`
	AllowNull     *bool        `json:"allowNull"`
	PrimaryKey    bool         `json:"primaryKey"`
	AutoIncrement bool         `json:"autoIncrement"`
	UniqueTrue    bool         `json:"uniqueTrue"`
	Unique        bool         `json:"unique"`
	UniqueName    *string      `json:"uniqueName"`
	Comment       *string      `json:"comment"`
	First         bool         `json:"first"`
	After         *string      `json:"after"`
	OnDelete      *string      `json:"onDelete"`
	OnUpdate      *string      `json:"onUpdate"`
	HasDefault    bool         `json:"hasDefault"`
	Default       *defaultDesc `json:"default"`
	References    *refDesc     `json:"references"`
	Validate      []string     `json:"validate"`
	Constraints   bool         `json:"constraints"`
}

func sp(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func ival(p *float64) int {
	if p == nil {
		return 0
	}
	return int(*p)
}

// typeSQL renders a DataType the way Sequelize v6's MySQL dialect does
// (src/data-types.js with src/dialects/mysql/data-types.js overrides).
// virtual is true for VIRTUAL, which has no column.
func typeSQL(t *typeDesc) (sql string, virtual bool, err error) {
	if t == nil {
		return "", false, fmt.Errorf("the attribute has no type")
	}
	o := t.Options
	num := func(key string) string {
		s := key
		if o.Length != nil {
			s += "(" + strconv.Itoa(ival(o.Length))
			if o.Decimals != nil {
				s += "," + strconv.Itoa(ival(o.Decimals))
			}
			s += ")"
		}
		if o.Unsigned {
			s += " UNSIGNED"
		}
		if o.Zerofill {
			s += " ZEROFILL"
		}
		return s
	}
	switch t.Key {
	case "STRING":
		n := 255
		if o.Length != nil {
			n = ival(o.Length)
		}
		s := fmt.Sprintf("VARCHAR(%d)", n)
		if o.Binary {
			s += " BINARY"
		}
		return s, false, nil
	case "CHAR":
		n := 255
		if o.Length != nil {
			n = ival(o.Length)
		}
		s := fmt.Sprintf("CHAR(%d)", n)
		if o.Binary {
			s += " BINARY"
		}
		return s, false, nil
	case "TEXT":
		switch o.Variant {
		case "tiny":
			return "TINYTEXT", false, nil
		case "medium":
			return "MEDIUMTEXT", false, nil
		case "long":
			return "LONGTEXT", false, nil
		}
		return "TEXT", false, nil
	case "BLOB":
		switch o.Variant {
		case "tiny":
			return "TINYBLOB", false, nil
		case "medium":
			return "MEDIUMBLOB", false, nil
		case "long":
			return "LONGBLOB", false, nil
		}
		return "BLOB", false, nil
	case "TINYINT", "SMALLINT", "MEDIUMINT", "INTEGER", "BIGINT", "FLOAT", "REAL":
		return num(t.Key), false, nil
	case "DOUBLE":
		return num("DOUBLE PRECISION"), false, nil
	case "DECIMAL", "NUMBER":
		s := "DECIMAL"
		if o.Precision != nil {
			s += "(" + strconv.Itoa(ival(o.Precision))
			if o.Scale != nil {
				s += "," + strconv.Itoa(ival(o.Scale))
			}
			s += ")"
		}
		if o.Unsigned {
			s += " UNSIGNED"
		}
		if o.Zerofill {
			s += " ZEROFILL"
		}
		return s, false, nil
	case "BOOLEAN":
		return "TINYINT(1)", false, nil
	case "DATE":
		if o.Length != nil {
			return fmt.Sprintf("DATETIME(%d)", ival(o.Length)), false, nil
		}
		return "DATETIME", false, nil
	case "DATEONLY":
		return "DATE", false, nil
	case "TIME":
		return "TIME", false, nil
	case "UUID":
		return "CHAR(36) BINARY", false, nil
	case "ENUM":
		if len(o.Values) == 0 {
			return "", false, fmt.Errorf("values for ENUM haven't been defined")
		}
		q := make([]string, len(o.Values))
		for i, v := range o.Values {
			q[i] = schema.QuoteString(v)
		}
		return "ENUM(" + strings.Join(q, ", ") + ")", false, nil
	case "JSON":
		return "JSON", false, nil
	case "GEOMETRY":
		if o.Geo != "" {
			return strings.ToUpper(o.Geo), false, nil
		}
		return "GEOMETRY", false, nil
	case "VIRTUAL":
		return "", true, nil
	case "RAW":
		return o.SQL, false, nil
	case "INFER":
		return "", false, fmt.Errorf("the type of %q cannot be inferred (no design-time type metadata)", o.Prop)
	case "UNKNOWN":
		return "", false, fmt.Errorf("unrecognised data type %s", o.Text)
	}
	return "", false, fmt.Errorf("DataTypes.%s has no MySQL rendering", t.Key)
}

// typeWithoutDefault is the MySQL dialect's set of type strings whose
// DEFAULT it never emits.
var typeWithoutDefault = map[string]bool{"BLOB": true, "TEXT": true, "GEOMETRY": true, "JSON": true}

// columnFrom builds the column a Sequelize attribute definition creates, as
// the MySQL query generator's attributeToSQL renders it. sqlText is that
// rendering without keys (UNIQUE, PRIMARY KEY, REFERENCES).
func columnFrom(name string, a *attrDesc) (col *schema.Column, sqlText string, virtual bool, err error) {
	ts, virtual, err := typeSQL(a.Type)
	if err != nil || virtual {
		return nil, "", virtual, err
	}
	t, perr := schema.ParseType(ts)
	if perr != nil {
		return nil, "", false, fmt.Errorf("type %q: %v", ts, perr)
	}
	c := &schema.Column{Name: name, Type: t, Nullable: true}
	text := ts
	if a.AllowNull != nil && !*a.AllowNull {
		c.Nullable = false
		text += " NOT NULL"
	}
	if a.PrimaryKey {
		c.Nullable = false
	}
	if a.AutoIncrement {
		c.AutoIncrement = true
		text += " auto_increment"
	}
	binary := a.Type != nil && a.Type.Options.Binary && (a.Type.Key == "STRING" || a.Type.Key == "CHAR")
	if a.Default != nil && !typeWithoutDefault[ts] && !binary {
		if d := dbDefault(a.Default); d != nil {
			c.Default = d
			text += " DEFAULT " + d.SQL(t)
		}
	}
	if a.Comment != nil && *a.Comment != "" {
		c.Comment = *a.Comment
		text += " COMMENT " + schema.QuoteString(*a.Comment)
	}
	return c, text, false, nil
}

// dbDefault is the DEFAULT Sequelize emits for a defaultValue, or nil when
// it emits none (NOW, UUIDV1/V4 and other JS-side defaults:
// Utils.defaultValueSchemable is false for them).
func dbDefault(d *defaultDesc) *schema.Default {
	switch d.Kind {
	case "null":
		return &schema.Default{Null: true}
	case "literal", "fn":
		return &schema.Default{Expr: true, Value: d.Value}
	case "bool", "number", "string":
		return &schema.Default{Value: d.Value}
	}
	return nil
}
