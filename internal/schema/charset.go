package schema

import "strings"

// Server defaults of MySQL 8.0 (character_set_server, collation_server,
// default_storage_engine). A table that states none of them gets these.
const (
	DefaultCharset   = "utf8mb4"
	DefaultCollation = "utf8mb4_0900_ai_ci"
	DefaultEngine    = "InnoDB"
)

// charsetInfo is what the simulator needs to know about a character set:
// its default collation and its maximum bytes per character (mbmaxlen).
type charsetInfo struct {
	collation string
	maxLen    int
}

// charsets lists the MySQL 8 character sets with their default collation
// (SHOW CHARACTER SET). utf8 is an alias of utf8mb3 and is resolved by
// CanonicalCharset before lookup.
var charsets = map[string]charsetInfo{
	"utf8mb4":  {"utf8mb4_0900_ai_ci", 4},
	"utf8mb3":  {"utf8mb3_general_ci", 3},
	"latin1":   {"latin1_swedish_ci", 1},
	"latin2":   {"latin2_general_ci", 1},
	"latin5":   {"latin5_turkish_ci", 1},
	"latin7":   {"latin7_general_ci", 1},
	"ascii":    {"ascii_general_ci", 1},
	"binary":   {"binary", 1},
	"ucs2":     {"ucs2_general_ci", 2},
	"utf16":    {"utf16_general_ci", 4},
	"utf16le":  {"utf16le_general_ci", 4},
	"utf32":    {"utf32_general_ci", 4},
	"cp1250":   {"cp1250_general_ci", 1},
	"cp1251":   {"cp1251_general_ci", 1},
	"cp1256":   {"cp1256_general_ci", 1},
	"cp1257":   {"cp1257_general_ci", 1},
	"cp850":    {"cp850_general_ci", 1},
	"cp852":    {"cp852_general_ci", 1},
	"cp866":    {"cp866_general_ci", 1},
	"cp932":    {"cp932_japanese_ci", 2},
	"dec8":     {"dec8_swedish_ci", 1},
	"greek":    {"greek_general_ci", 1},
	"hebrew":   {"hebrew_general_ci", 1},
	"koi8r":    {"koi8r_general_ci", 1},
	"koi8u":    {"koi8u_general_ci", 1},
	"swe7":     {"swe7_swedish_ci", 1},
	"tis620":   {"tis620_thai_ci", 1},
	"gbk":      {"gbk_chinese_ci", 2},
	"gb2312":   {"gb2312_chinese_ci", 2},
	"gb18030":  {"gb18030_chinese_ci", 4},
	"big5":     {"big5_chinese_ci", 2},
	"sjis":     {"sjis_japanese_ci", 2},
	"ujis":     {"ujis_japanese_ci", 3},
	"eucjpms":  {"eucjpms_japanese_ci", 3},
	"euckr":    {"euckr_korean_ci", 2},
	"armscii8": {"armscii8_general_ci", 1},
	"geostd8":  {"geostd8_general_ci", 1},
	"keybcs2":  {"keybcs2_general_ci", 1},
	"macce":    {"macce_general_ci", 1},
	"macroman": {"macroman_general_ci", 1},
	"hp8":      {"hp8_english_ci", 1},
}

// CanonicalCharset returns the lower-case name MySQL 8 reports for a
// character set: utf8 is an alias of utf8mb3.
func CanonicalCharset(cs string) string {
	cs = strings.ToLower(strings.TrimSpace(cs))
	if cs == "utf8" {
		return "utf8mb3"
	}
	return cs
}

// CanonicalCollation returns the lower-case name MySQL 8.0.30+ reports for a
// collation: utf8_* collations are reported as utf8mb3_*.
func CanonicalCollation(co string) string {
	co = strings.ToLower(strings.TrimSpace(co))
	if strings.HasPrefix(co, "utf8_") {
		return "utf8mb3_" + co[len("utf8_"):]
	}
	return co
}

// DefaultCollationOf returns the default collation of a character set, or ""
// when the character set is unknown.
func DefaultCollationOf(charset string) string {
	return charsets[CanonicalCharset(charset)].collation
}

// CharsetOfCollation returns the character set a collation belongs to: the
// part of its name before the first underscore (binary for binary).
func CharsetOfCollation(collation string) string {
	co := CanonicalCollation(collation)
	if co == "binary" {
		return "binary"
	}
	if i := strings.IndexByte(co, '_'); i > 0 {
		return co[:i]
	}
	return co
}

// KnownCharset reports whether the simulator knows the character set.
func KnownCharset(charset string) bool {
	_, ok := charsets[CanonicalCharset(charset)]
	return ok
}

// BytesPerChar returns the maximum bytes a character takes in the character
// set (mbmaxlen); unknown character sets count as utf8mb4 (4), the worst case.
func BytesPerChar(charset string) int {
	if info, ok := charsets[CanonicalCharset(charset)]; ok {
		return info.maxLen
	}
	return 4
}

// resolveCharset completes a (charset, collation) pair the way MySQL does:
// a collation implies its charset, a charset alone takes its default
// collation, and neither inherits the given defaults.
func resolveCharset(cs, co, defCS, defCO string) (string, string) {
	cs, co = CanonicalCharset(cs), CanonicalCollation(co)
	switch {
	case cs == "" && co == "":
		return defCS, defCO
	case cs == "":
		return CharsetOfCollation(co), co
	case co == "":
		if d := DefaultCollationOf(cs); d != "" {
			return cs, d
		}
		return cs, ""
	}
	return cs, co
}

// CanonicalEngine returns the engine name as MySQL reports it (InnoDB,
// MyISAM, MEMORY...).
func CanonicalEngine(e string) string {
	switch strings.ToLower(e) {
	case "":
		return ""
	case "innodb":
		return "InnoDB"
	case "myisam":
		return "MyISAM"
	case "memory", "heap":
		return "MEMORY"
	case "csv":
		return "CSV"
	case "archive":
		return "ARCHIVE"
	case "blackhole":
		return "BLACKHOLE"
	case "ndb", "ndbcluster":
		return "ndbcluster"
	}
	return e
}
