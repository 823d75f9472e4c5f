package sqlmig

import (
	"strconv"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
)

// scan holds what a token-level pass over a statement finds: the lines of its
// parts (for Op.Attrs) and the facts the parser's AST loses.
type scan struct {
	toks      []token
	firstLine int
	table     string
	attrs     map[string]ir.Span
	columns   map[string]colInfo // by lower-case column name
	// fks queues, per comma-joined lower-case local column list, the names
	// written around FOREIGN KEY clauses, in order.
	fks map[string][]fkNames
	// algorithm is the ALGORITHM= value, upper case, when written.
	algorithm string
	// dropConstraint lists the names of DROP CONSTRAINT clauses, in order
	// (the parser represents them as DROP CHECK).
	dropConstraint []string
	// parenDefaults are the DEFAULT (expression) clauses of column
	// definitions, which the parser accepts only for some expressions.
	parenDefaults []parenDefault
	// charsets are the character set names the parser does not know.
	charsets []token
	// blank lists the tokens to hide from the parser (column INVISIBLE).
	blank []token
	// uncheckN counts the unnamed checks seen, for their generated names.
	uncheckN int
}

// colInfo is what the token pass learns about one column definition.
type colInfo struct {
	defaultParen bool // DEFAULT (…): an expression default
	invisible    bool // INVISIBLE attribute (MySQL 8.0.23+)
}

// parenDefault locates the parentheses of a DEFAULT (expression) clause.
type parenDefault struct {
	column      string // lower case
	open, close token
}

// fkNames are the CONSTRAINT symbol and the index name of a FOREIGN KEY clause.
type fkNames struct {
	constraint string
	index      string
}

var keyKeywords = map[string]bool{
	"CONSTRAINT": true, "PRIMARY": true, "UNIQUE": true, "KEY": true, "INDEX": true,
	"FULLTEXT": true, "SPATIAL": true, "FOREIGN": true, "CHECK": true, "PERIOD": true,
}

// scanStatement runs the token pass over the tokens of a statement whose
// first line is firstLine in the file.
func scanStatement(toks []token, firstLine int) *scan {
	sc := &scan{toks: toks, firstLine: firstLine, columns: map[string]colInfo{}}
	if len(toks) < 3 {
		return sc
	}
	sc.findAlgorithm()
	sc.findCharsets()
	switch {
	case toks[0].is("CREATE"):
		i := 1
		for i < len(toks) && toks[i].kind == tokWord && !toks[i].is("TABLE") && !toks[i].is("INDEX") && i < 4 {
			i++
		}
		if i >= len(toks) {
			return sc
		}
		if toks[i].is("TABLE") {
			i++
			i = sc.skipIfNotExists(i)
			i = sc.tableName(i)
			if i < len(toks) && toks[i].isPunct('(') {
				end := closeParen(toks, i)
				for _, r := range splitTop(toks, i+1, end) {
					sc.element(toks[r[0]:r[1]])
				}
			}
		} else if toks[i].is("INDEX") {
			for j := i; j < len(toks); j++ {
				if toks[j].isPunct('(') {
					end := closeParen(toks, j)
					sc.set("index:"+strings.Join(partColumns(toks, j, end), ","), toks[0], toks[len(toks)-1])
					break
				}
			}
		}
	case toks[0].is("ALTER"):
		i := 1
		for i < len(toks) && !toks[i].is("TABLE") && i < 4 {
			i++
		}
		if i >= len(toks) {
			return sc
		}
		i = sc.tableName(i + 1)
		for _, r := range splitTop(toks, i, len(toks)) {
			sc.clause(toks[r[0]:r[1]])
		}
	}
	return sc
}

func (sc *scan) skipIfNotExists(i int) int {
	toks := sc.toks
	if i+2 < len(toks) && toks[i].is("IF") && toks[i+1].is("NOT") && toks[i+2].is("EXISTS") {
		return i + 3
	}
	return i
}

// tableName skips a possibly qualified table name starting at i, records it
// and returns the index after it.
func (sc *scan) tableName(i int) int {
	toks := sc.toks
	if i >= len(toks) {
		return i
	}
	sc.table = toks[i].val
	i++
	for i+1 < len(toks) && toks[i].isPunct('.') {
		sc.table = toks[i+1].val
		i += 2
	}
	return i
}

func (sc *scan) findAlgorithm() {
	depth := 0
	for i, t := range sc.toks {
		switch {
		case t.isPunct('('):
			depth++
		case t.isPunct(')'):
			depth--
		case depth == 0 && t.is("ALGORITHM"):
			j := i + 1
			if j < len(sc.toks) && sc.toks[j].isPunct('=') {
				j++
			}
			if j < len(sc.toks) && sc.toks[j].kind == tokWord {
				sc.algorithm = strings.ToUpper(sc.toks[j].text)
			}
		}
	}
}

// parserCharsets are the character sets the TiDB parser knows; it rejects
// the others MySQL has (utf16, sjis, cp1251...).
var parserCharsets = map[string]bool{
	"utf8": true, "utf8mb3": true, "utf8mb4": true, "ascii": true, "latin1": true,
	"binary": true, "gbk": true, "gb18030": true,
}

// findCharsets records the character set names the parser would reject.
func (sc *scan) findCharsets() {
	toks := sc.toks
	for i := 0; i < len(toks); i++ {
		j := -1
		switch {
		case toks[i].is("CHARSET"):
			j = i + 1
		case toks[i].is("CHARACTER") && i+1 < len(toks) && toks[i+1].is("SET"):
			j = i + 2
		}
		if j < 0 {
			continue
		}
		if j < len(toks) && toks[j].isPunct('=') {
			j++
		}
		if j < len(toks) && toks[j].kind == tokWord && len(toks[j].text) >= 3 && !parserCharsets[strings.ToLower(toks[j].text)] {
			sc.charsets = append(sc.charsets, toks[j])
		}
	}
}

func (sc *scan) set(key string, from, to token) {
	if sc.attrs == nil {
		sc.attrs = map[string]ir.Span{}
	}
	if _, dup := sc.attrs[key]; dup {
		return
	}
	sc.attrs[key] = ir.Span{Line: sc.firstLine + from.line, EndLine: sc.firstLine + to.line}
}

// clause handles one comma-separated clause of ALTER TABLE.
func (sc *scan) clause(ts []token) {
	if len(ts) == 0 {
		return
	}
	skip := func(i int, w string) int {
		if i < len(ts) && ts[i].is(w) {
			return i + 1
		}
		return i
	}
	switch {
	case ts[0].is("ADD"):
		i := skip(1, "COLUMN")
		if i < len(ts) && ts[i].isPunct('(') {
			end := closeParen(ts, i)
			for _, r := range splitTop(ts, i+1, end) {
				sc.element(ts[r[0]:r[1]])
			}
			return
		}
		i = sc.skipIfNotExistsIn(ts, i)
		sc.elementFrom(ts, i, ts[0])
	case ts[0].is("MODIFY"):
		i := skip(1, "COLUMN")
		i = sc.skipIfExistsIn(ts, i)
		sc.elementFrom(ts, i, ts[0])
	case ts[0].is("CHANGE"):
		i := skip(1, "COLUMN")
		i = sc.skipIfExistsIn(ts, i)
		sc.elementFrom(ts, i+1, ts[0])
		if i < len(ts) && ts[i].isName() {
			sc.set("column:"+ts[i].val, ts[0], ts[len(ts)-1])
		}
	case ts[0].is("DROP"):
		if len(ts) < 2 {
			return
		}
		if ts[1].is("CONSTRAINT") && len(ts) > 2 {
			sc.dropConstraint = append(sc.dropConstraint, ts[2].val)
			return
		}
		i := skip(1, "COLUMN")
		i = sc.skipIfExistsIn(ts, i)
		if i < len(ts) && ts[i].isName() && !(ts[i].kind == tokWord && keyKeywords[strings.ToUpper(ts[i].text)]) {
			sc.set("column:"+ts[i].val, ts[0], ts[len(ts)-1])
		}
	case ts[0].is("ALTER"):
		i := skip(1, "COLUMN")
		if i < len(ts) && ts[i].isName() && !(ts[i].kind == tokWord && keyKeywords[strings.ToUpper(ts[i].text)]) {
			sc.set("column:"+ts[i].val, ts[0], ts[len(ts)-1])
			for j := i + 1; j+1 < len(ts); j++ {
				if ts[j].is("DEFAULT") && ts[j+1].isPunct('(') {
					ci := sc.columns[strings.ToLower(ts[i].val)]
					ci.defaultParen = true
					sc.columns[strings.ToLower(ts[i].val)] = ci
				}
			}
		}
	case ts[0].is("RENAME"):
		if len(ts) >= 4 && ts[1].is("COLUMN") {
			sc.set("column:"+ts[len(ts)-1].val, ts[0], ts[len(ts)-1])
		}
	}
}

func (sc *scan) skipIfNotExistsIn(ts []token, i int) int {
	if i+2 < len(ts) && ts[i].is("IF") && ts[i+1].is("NOT") && ts[i+2].is("EXISTS") {
		return i + 3
	}
	return i
}

func (sc *scan) skipIfExistsIn(ts []token, i int) int {
	if i+1 < len(ts) && ts[i].is("IF") && ts[i+1].is("EXISTS") {
		return i + 2
	}
	return i
}

// element handles one element of a table definition: a column definition or
// a key, foreign key or check.
func (sc *scan) element(ts []token) {
	if len(ts) > 0 {
		sc.elementFrom(ts, 0, ts[0])
	}
}

// elementFrom handles the element that starts at ts[i]; first is the token
// the span starts at (the ADD/MODIFY keyword of an ALTER clause).
func (sc *scan) elementFrom(ts []token, i int, first token) {
	if i >= len(ts) {
		return
	}
	last := ts[len(ts)-1]
	cname := ""
	if ts[i].is("CONSTRAINT") {
		i++
		if i < len(ts) && ts[i].isName() && !(ts[i].kind == tokWord && keyKeywords[strings.ToUpper(ts[i].text)]) {
			cname = ts[i].val
			i++
		}
		if i >= len(ts) {
			return
		}
	}
	head := strings.ToUpper(ts[i].text)
	if ts[i].kind != tokWord {
		head = ""
	}
	switch head {
	case "PRIMARY", "UNIQUE", "KEY", "INDEX", "FULLTEXT", "SPATIAL":
		if open := findPunct(ts, i, '('); open >= 0 {
			sc.set("index:"+strings.Join(partColumns(ts, open, closeParen(ts, open)), ","), first, last)
		}
		return
	case "FOREIGN":
		open := findPunct(ts, i, '(')
		if open < 0 {
			return
		}
		names := fkNames{constraint: cname}
		if j := i + 2; j < open && ts[j].isName() {
			if j+1 < open || !ts[j].is("IF") {
				names.index = ts[open-1].val
			}
		}
		cols := partColumns(ts, open, closeParen(ts, open))
		key := strings.Join(cols, ",")
		sc.set("fk:"+key, first, last)
		if sc.fks == nil {
			sc.fks = map[string][]fkNames{}
		}
		lk := strings.ToLower(key)
		sc.fks[lk] = append(sc.fks[lk], names)
		return
	case "CHECK":
		sc.set("check:"+sc.checkName(cname), first, last)
		return
	case "PERIOD", "LIKE":
		return
	}
	if !ts[i].isName() {
		return
	}
	// A column definition.
	name := ts[i].val
	sc.set("column:"+name, first, last)
	info := sc.columns[strings.ToLower(name)]
	depth := 0
	for j := i + 1; j < len(ts); j++ {
		t := ts[j]
		switch {
		case t.isPunct('('):
			depth++
		case t.isPunct(')'):
			depth--
		case depth != 0:
		case t.is("DEFAULT") && j+1 < len(ts) && ts[j+1].isPunct('('):
			info.defaultParen = true
			if end := closeParen(ts, j+1); end < len(ts) {
				sc.parenDefaults = append(sc.parenDefaults, parenDefault{column: strings.ToLower(name), open: ts[j+1], close: ts[end]})
			}
		case t.is("REFERENCES"):
			sc.set("fk:"+name, t, last)
		case t.is("PRIMARY") || t.is("UNIQUE"):
			sc.set("index:"+name, t, t)
		case t.is("CHECK"):
			cn := ""
			if j >= 2 && ts[j-2].is("CONSTRAINT") {
				cn = ts[j-1].val
			}
			sc.set("check:"+sc.checkName(cn), t, last)
		case t.is("INVISIBLE"):
			info.invisible = true
			sc.blank = append(sc.blank, t)
		case t.is("VISIBLE"):
			sc.blank = append(sc.blank, t)
		}
	}
	sc.columns[strings.ToLower(name)] = info
}

// checkName returns the written name, or the one MySQL generates for the
// n-th unnamed check of a CREATE TABLE (<table>_chk_<n>).
func (sc *scan) checkName(written string) string {
	if written != "" {
		return written
	}
	sc.uncheckN++
	return sc.table + "_chk_" + strconv.Itoa(sc.uncheckN)
}

func findPunct(ts []token, from int, c byte) int {
	for j := from; j < len(ts); j++ {
		if ts[j].isPunct(c) {
			return j
		}
	}
	return -1
}

// partColumns returns the column of each key part inside the parentheses
// toks[open:end]; a functional part gives "".
func partColumns(toks []token, open, end int) []string {
	var cols []string
	for _, r := range splitTop(toks, open+1, end) {
		if toks[r[0]].isName() {
			cols = append(cols, toks[r[0]].val)
		} else {
			cols = append(cols, "")
		}
	}
	return cols
}
