package schema

import "testing"

func TestParseType(t *testing.T) {
	tests := []struct {
		in   string
		want string // Type.String()
		cs   string // Charset/Collation/Binary after parsing, "" when none
	}{
		{"INTEGER", "int", ""},
		{"INT(11)", "int", ""},
		{"INT(11) UNSIGNED ZEROFILL", "int(11) unsigned zerofill", ""},
		{"INT ZEROFILL", "int(10) unsigned zerofill", ""},
		{"BIGINT(20) UNSIGNED", "bigint unsigned", ""},
		{"BIGINT UNSIGNED", "bigint unsigned", ""},
		{"TINYINT(1)", "tinyint(1)", ""},
		{"TINYINT(4)", "tinyint", ""},
		{"BOOLEAN", "tinyint(1)", ""},
		{"BOOL", "tinyint(1)", ""},
		{"SERIAL", "bigint unsigned", ""},
		{"MEDIUMINT", "mediumint", ""},
		{"INT4", "int", ""},
		{"DECIMAL(10,2)", "decimal(10,2)", ""},
		{"DECIMAL", "decimal(10,0)", ""},
		{"NUMERIC(5)", "decimal(5,0)", ""},
		{"DEC(8,3) UNSIGNED", "decimal(8,3) unsigned", ""},
		{"FIXED", "decimal(10,0)", ""},
		{"FLOAT", "float", ""},
		{"FLOAT(10)", "float", ""},
		{"FLOAT(30)", "double", ""},
		{"FLOAT(7,3)", "float(7,3)", ""},
		{"DOUBLE", "double", ""},
		{"DOUBLE PRECISION", "double", ""},
		{"REAL", "double", ""},
		{"VARCHAR(255)", "varchar(255)", ""},
		{"CHARACTER VARYING(20)", "varchar(20)", ""},
		{"CHAR", "char(1)", ""},
		{"CHAR(36) BINARY", "char(36)", "//bin"},
		{"NATIONAL CHAR(3)", "char(3)", "utf8mb3//"},
		{"NVARCHAR(10)", "varchar(10)", "utf8mb3//"},
		{"VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin", "varchar(10)", "latin1/latin1_bin/"},
		{"VARCHAR(10) CHARSET utf8", "varchar(10)", "utf8mb3//"},
		{"VARCHAR(10) COLLATE utf8_unicode_ci", "varchar(10)", "/utf8mb3_unicode_ci/"},
		{"VARCHAR(3) CHARACTER SET binary", "varbinary(3)", ""},
		{"BINARY", "binary(1)", ""},
		{"VARBINARY(16)", "varbinary(16)", ""},
		{"BIT", "bit(1)", ""},
		{"BIT(8)", "bit(8)", ""},
		{"ENUM('a','b')", "enum('a','b')", ""},
		{"ENUM('it''s', 'b')", "enum('it''s','b')", ""},
		{"SET('x','y')", "set('x','y')", ""},
		{"TEXT", "text", ""},
		{"TEXT('tiny')", "tinytext", ""},
		{"TEXT(1000)", "text", ""},
		{"TEXT(100000)", "mediumtext", ""},
		{"MEDIUMTEXT", "mediumtext", ""},
		{"LONG VARCHAR", "mediumtext", ""},
		{"LONGBLOB", "longblob", ""},
		{"BLOB(100)", "tinyblob", ""},
		{"DATETIME", "datetime", ""},
		{"DATETIME(3)", "datetime(3)", ""},
		{"TIMESTAMP(6)", "timestamp(6)", ""},
		{"TIME", "time", ""},
		{"DATE", "date", ""},
		{"YEAR(4)", "year", ""},
		{"JSON", "json", ""},
		{"GEOMETRY", "geometry", ""},
		{"GEOMETRY('POINT')", "point", ""},
		{"`int`", "int", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ty, err := ParseType(tt.in)
			if err != nil {
				t.Fatalf("ParseType(%q): %v", tt.in, err)
			}
			cs := ""
			if ty.Charset != "" || ty.Collation != "" || ty.Binary {
				cs = ty.Charset + "/" + ty.Collation + "/"
				if ty.Binary {
					cs += "bin"
				}
			}
			if got := ty.String() + " " + cs; got != tt.want+" "+tt.cs {
				t.Fatalf("ParseType(%q) = %q, want %q", tt.in, got, tt.want+" "+tt.cs)
			}
			// Round trip: the rendered form parses to the same type, and
			// canonicalising again changes nothing.
			again, err := ParseType(ty.String())
			if err != nil {
				t.Fatalf("ParseType(%q) (round trip): %v", ty.String(), err)
			}
			if again.String() != ty.String() || CanonicalType(ty).String() != ty.String() {
				t.Fatalf("round trip of %q gave %q / %q", ty.String(), again.String(), CanonicalType(ty).String())
			}
		})
	}
}

func TestParseTypeErrors(t *testing.T) {
	for _, in := range []string{"", "VARCHAR", "FOO", "INT(", "ENUM(a)", "INT NOT NULL", "DATETIME(7)", "CHAR(1,2)"} {
		t.Run(in, func(t *testing.T) {
			if ty, err := ParseType(in); err == nil {
				t.Fatalf("ParseType(%q) = %v, want an error", in, ty)
			}
		})
	}
}

func TestTypeBytes(t *testing.T) {
	tests := []struct {
		typ      string
		charset  string
		maxBytes int
		rowBytes int
	}{
		{"INT", "", 4, 4},
		{"BIGINT", "", 8, 8},
		{"DECIMAL(10,2)", "", 5, 5},
		{"DECIMAL(65,30)", "", 30, 30},
		{"VARCHAR(255)", "utf8mb4", 1020, 1022},
		{"VARCHAR(255)", "utf8mb3", 765, 767},
		{"VARCHAR(255)", "latin1", 255, 256},
		{"CHAR(36)", "ascii", 36, 36},
		{"VARBINARY(16)", "", 16, 17},
		{"TEXT", "utf8mb4", 65535, 10},
		{"JSON", "", 4294967295, 12},
		{"DATETIME(3)", "", 7, 7},
		{"TIMESTAMP", "", 4, 4},
		{"ENUM('a','b')", "utf8mb4", 1, 1},
		{"BIT(9)", "", 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.typ+" "+tt.charset, func(t *testing.T) {
			ty, err := ParseType(tt.typ)
			if err != nil {
				t.Fatal(err)
			}
			if tt.charset != "" {
				ty.Charset = tt.charset
			}
			if got := [2]int{ty.MaxBytes(), ty.RowBytes()}; got != [2]int{tt.maxBytes, tt.rowBytes} {
				t.Fatalf("MaxBytes, RowBytes = %v, want %v", got, [2]int{tt.maxBytes, tt.rowBytes})
			}
		})
	}
}

func TestFKCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"INT", "INT(11)", true},
		{"INT", "INTEGER", true},
		{"INT", "BIGINT", false},
		{"INT UNSIGNED", "INT", false},
		{"VARCHAR(10)", "VARCHAR(20)", true},
		{"CHAR(36)", "VARCHAR(36)", true},
		{"VARCHAR(10) CHARACTER SET latin1", "VARCHAR(10)", false},
		{"VARCHAR(10) COLLATE utf8mb4_bin", "VARCHAR(10) COLLATE utf8mb4_0900_ai_ci", false},
		{"BINARY(16)", "VARBINARY(16)", true},
		{"DECIMAL(10,2)", "DECIMAL(10,3)", false},
		{"DATETIME", "DATETIME(3)", false},
		{"DATE", "DATETIME", false},
	}
	resolve := func(s string) Type {
		ty, err := ParseType(s)
		if err != nil {
			t.Fatal(err)
		}
		if ty.IsCharacter() {
			ty.Charset, ty.Collation = resolveCharset(ty.Charset, ty.Collation, DefaultCharset, DefaultCollation)
		}
		return ty
	}
	for _, tt := range tests {
		t.Run(tt.a+" vs "+tt.b, func(t *testing.T) {
			if got := FKCompatible(resolve(tt.a), resolve(tt.b)); got != tt.want {
				t.Fatalf("FKCompatible = %v, want %v", got, tt.want)
			}
		})
	}
}
