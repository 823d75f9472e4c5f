package sqlmig

import (
	"strings"
)

// Statement is one statement cut out of a SQL file by Split.
type Statement struct {
	// Text is the statement from its first to its last code character,
	// without the delimiter that ends it and without the comments around it
	// (comments inside it are kept).
	Text string
	// Line and EndLine are the 1-based lines of the first and the last code
	// character of the statement.
	Line, EndLine int
	// Offset is the byte offset of Text in the input.
	Offset int
}

// Split cuts SQL text into statements the way the mysql command-line client
// does: it honours quoting ('…', "…", `…`), comments (--, #, /* */; the
// executable /*! */ and /*+ */ forms are code), DELIMITER commands,
// BEGIN…END bodies of stored programs written without DELIMITER, and the
// goose and sql-migrate StatementBegin/StatementEnd annotations. Statements
// that hold no code are dropped. Lines are counted from 1.
//
// Split never fails: unterminated quotes or comments run to the end of the
// input.
func Split(src []byte) []Statement {
	return splitFrom(src, 1)
}

// splitter is the state of one Split run.
type splitter struct {
	src   []byte
	i     int
	line  int
	delim string
	out   []Statement

	// the statement being built
	start, end         int // offsets of first code byte and one past the last; start < 0 when none
	startLine, endLine int

	// raw is true between StatementBegin and StatementEnd annotations.
	raw bool

	// stored-program body tracking (only with the ";" delimiter)
	words    int
	compound int // 0 undecided, 1 yes, -1 no
	depth    int
	skipNext bool // the word after END (IF, LOOP, ...) closes nothing
	// prevSig is the previous significant token: an upper-case word, a
	// punctuation byte, or "'" for any quoted token.
	prevSig string
}

func splitFrom(src []byte, firstLine int) []Statement {
	s := &splitter{src: src, line: firstLine, delim: ";", start: -1}
	s.run()
	return s.out
}

func (s *splitter) run() {
	atLineStart := true
	n := len(s.src)
	for s.i < n {
		c := s.src[s.i]
		if atLineStart {
			if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				s.i++
				continue
			}
			atLineStart = false
			if s.lineCommand() {
				atLineStart = true
				continue
			}
		}
		if !s.raw && s.depth == 0 && s.matchDelim() {
			s.finish()
			s.i += len(s.delim)
			s.skipNext = false
			continue
		}
		switch {
		case c == '\n':
			s.line++
			s.i++
			atLineStart = true
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			s.i++
		case c == '#':
			s.skipLine()
		case c == '-' && s.i+1 < n && s.src[s.i+1] == '-' && (s.i+2 == n || isSpaceOrCtl(s.src[s.i+2])):
			s.skipLine()
		case c == '/' && s.i+1 < n && s.src[s.i+1] == '*':
			code := s.i+2 < n && (s.src[s.i+2] == '!' || s.src[s.i+2] == '+')
			from, fromLine := s.i, s.line
			j := s.i + 2
			for j < n && !(s.src[j] == '*' && j+1 < n && s.src[j+1] == '/') {
				if s.src[j] == '\n' {
					s.line++
				}
				j++
			}
			if j < n {
				j += 2
			} else {
				j = n
			}
			s.i = j
			if code {
				s.markRange(from, fromLine, j)
				s.skipNext = false
			}
		case c == '\'' || c == '"' || c == '`':
			from, fromLine := s.i, s.line
			s.skipQuoted(c)
			s.markRange(from, fromLine, s.i)
			s.skipNext = false
			s.prevSig = "'"
		case isWordByte(c):
			from := s.i
			j := s.i
			custom := s.delim != ";"
			for j < n && isWordByte(s.src[j]) {
				if custom && j > from && hasPrefixFold(s.src[j:], s.delim) {
					break
				}
				j++
			}
			s.markRange(from, s.line, j)
			s.i = j
			s.word(string(s.src[from:j]))
		default:
			s.markRange(s.i, s.line, s.i+1)
			s.prevSig = string(c)
			s.i++
			s.skipNext = false
		}
	}
	if s.raw {
		s.finishRaw() // StatementEnd missing: the block runs to the end
	} else {
		s.finish()
	}
}

// lineCommand handles the client commands and annotations that only count at
// the start of a line: DELIMITER and StatementBegin/StatementEnd. It reports
// whether it consumed the line.
func (s *splitter) lineCommand() bool {
	rest := s.src[s.i:]
	eol := indexByte(rest, '\n')
	lineText := rest
	if eol >= 0 {
		lineText = rest[:eol]
	}
	if rest[0] == '-' {
		switch annotation(lineText) {
		case "statementbegin":
			if !s.raw {
				s.finish()
				s.raw = true
			}
		case "statementend":
			if s.raw {
				s.finishRaw()
			}
		default:
			return false
		}
		s.skipLine()
		return true
	}
	if s.raw || (rest[0] != 'd' && rest[0] != 'D') || len(rest) < 10 || !hasPrefixFold(rest, "delimiter") || !isSpace(rest[9]) {
		return false
	}
	fields := strings.Fields(string(lineText[9:]))
	if len(fields) == 0 {
		return false
	}
	d := fields[0]
	if s.start >= 0 {
		// Inside a statement only an unmistakable DELIMITER line counts; a
		// column named delimiter must stay a column.
		if len(fields) != 1 || strings.ContainsAny(d, "(),'\"`") || isIdentLike(d) {
			return false
		}
		s.finish()
	}
	s.delim = d
	s.skipLine()
	return true
}

// annotation returns "statementbegin" or "statementend" for a goose or
// sql-migrate annotation line, or "".
func annotation(line []byte) string {
	t := strings.TrimSpace(string(line))
	if !strings.HasPrefix(t, "--") {
		return ""
	}
	f := strings.Fields(strings.ToLower(t[2:]))
	if len(f) < 2 || (f[0] != "+goose" && f[0] != "+migrate") {
		return ""
	}
	switch f[1] {
	case "statementbegin", "statementend":
		return f[1]
	}
	return ""
}

func (s *splitter) matchDelim() bool {
	if s.delim == ";" {
		return s.src[s.i] == ';'
	}
	return hasPrefixFold(s.src[s.i:], s.delim)
}

// skipLine moves to the newline that ends the current line (not past it).
func (s *splitter) skipLine() {
	j := indexByte(s.src[s.i:], '\n')
	if j < 0 {
		s.i = len(s.src)
		return
	}
	s.i += j
}

// skipQuoted moves past a quoted string or identifier starting at s.i.
func (s *splitter) skipQuoted(q byte) {
	n := len(s.src)
	j := s.i + 1
	for j < n {
		c := s.src[j]
		switch {
		case c == '\n':
			s.line++
		case c == '\\' && q != '`':
			j++
			if j < n && s.src[j] == '\n' {
				s.line++
			}
		case c == q:
			if j+1 < n && s.src[j+1] == q {
				j++
			} else {
				s.i = j + 1
				return
			}
		}
		j++
	}
	s.i = n
}

// markRange records code bytes [from, to) whose first byte sits on fromLine
// and whose last byte sits on the current line.
func (s *splitter) markRange(from, fromLine, to int) {
	if s.start < 0 {
		s.start, s.startLine = from, fromLine
		s.words, s.compound, s.depth, s.prevSig, s.skipNext = 0, 0, 0, "", false
	}
	s.end, s.endLine = to, s.line
}

func (s *splitter) finish() {
	if s.start >= 0 {
		text := string(s.src[s.start:s.end])
		s.out = append(s.out, Statement{Text: text, Line: s.startLine, EndLine: s.endLine, Offset: s.start})
	}
	s.start = -1
	s.depth = 0
}

// finishRaw ends a StatementBegin/StatementEnd block; the trailing delimiter,
// when there is one, is not part of the statement.
func (s *splitter) finishRaw() {
	s.raw = false
	if s.start < 0 {
		return
	}
	text := string(s.src[s.start:s.end])
	trimmed := strings.TrimRight(text, " \t\r\n")
	for strings.HasSuffix(trimmed, ";") {
		trimmed = strings.TrimRight(strings.TrimSuffix(trimmed, ";"), " \t\r\n")
	}
	if strings.TrimSpace(trimmed) != "" {
		endLine := s.endLine - strings.Count(text[len(trimmed):], "\n")
		s.out = append(s.out, Statement{Text: trimmed, Line: s.startLine, EndLine: endLine, Offset: s.start})
	}
	s.start = -1
	s.depth = 0
}

// word tracks BEGIN…END nesting in CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT
// statements so that the semicolons of the body do not end the statement.
func (s *splitter) word(w string) {
	if s.delim != ";" || s.raw {
		return
	}
	u := strings.ToUpper(w)
	s.words++
	prev := s.prevSig
	s.prevSig = u
	if s.compound == 0 {
		switch {
		case s.words == 1 && u != "CREATE":
			s.compound = -1
		case u == "PROCEDURE" || u == "FUNCTION" || u == "TRIGGER" || u == "EVENT":
			s.compound = 1
		case s.words > 1 && nonCompoundCreate[u], s.words > 16:
			s.compound = -1
		}
		return
	}
	if s.compound < 0 {
		return
	}
	if s.skipNext {
		s.skipNext = false
		switch u {
		case "IF", "LOOP", "CASE", "REPEAT", "WHILE":
			return
		}
	}
	switch u {
	case "END":
		if s.depth > 0 {
			s.depth--
		}
		s.skipNext = true
	case "BEGIN":
		if prev != "XA" {
			s.depth++
		}
	case "CASE", "LOOP", "WHILE":
		s.depth++
	case "REPEAT":
		if s.nextByte() != '(' {
			s.depth++
		}
	case "IF":
		// IF opens a block only as a statement, which follows one of these;
		// IF(…) calls and IF [NOT] EXISTS clauses follow other tokens.
		switch prev {
		case ";", "BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT", "ROW":
			s.depth++
		}
	}
}

var nonCompoundCreate = map[string]bool{
	"TABLE": true, "INDEX": true, "UNIQUE": true, "FULLTEXT": true, "SPATIAL": true,
	"VIEW": true, "DATABASE": true, "SCHEMA": true, "USER": true, "ROLE": true,
	"TEMPORARY": true, "TABLESPACE": true, "SERVER": true, "LOGFILE": true,
	"RESOURCE": true, "SEQUENCE": true, "SPATIAL_REFERENCE_SYSTEM": true,
}

// nextByte returns the next non-space byte after s.i, or 0.
func (s *splitter) nextByte() byte {
	for j := s.i; j < len(s.src); j++ {
		if !isSpace(s.src[j]) {
			return s.src[j]
		}
	}
	return 0
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// isIdentLike reports whether w is made of letters, digits and underscores
// only, so that it reads as a name rather than as a delimiter.
func isIdentLike(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return w != ""
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isSpaceOrCtl(c byte) bool { return c <= ' ' }

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// hasPrefixFold reports whether b starts with p, ASCII case-insensitively.
func hasPrefixFold(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		x, y := b[i], p[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
