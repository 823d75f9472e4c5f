package sqlmig

import (
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
)

// tokKind classifies a token of a statement.
type tokKind int

const (
	tokWord   tokKind = iota // unquoted identifier, keyword or number
	tokIdent                 // `quoted identifier`
	tokString                // 'string' or "string"
	tokPunct                 // any other single byte
)

// token is one lexical token of a statement, with its position.
type token struct {
	kind tokKind
	text string // raw text
	val  string // identifier or string value without quotes
	off  int    // byte offset in the statement
	end  int    // one past the last byte
	line int    // 0-based line relative to the statement start
}

// is reports whether t is the unquoted word w (case-insensitive).
func (t token) is(w string) bool {
	return t.kind == tokWord && strings.EqualFold(t.text, w)
}

// isName reports whether t can be an identifier.
func (t token) isName() bool { return t.kind == tokWord || t.kind == tokIdent }

// isPunct reports whether t is the punctuation byte c.
func (t token) isPunct(c byte) bool { return t.kind == tokPunct && t.text[0] == c }

// tokenize splits a statement into tokens, skipping comments and treating the
// content of executable comments (/*! … */) as code. It never fails.
func tokenize(s string) []token { return tokenizeN(s, -1) }

// tokenizeN is tokenize stopping after max tokens (no limit when max < 0).
func tokenizeN(s string, max int) []token {
	var out []token
	line := 0
	execDepth := 0
	n := len(s)
	for i := 0; i < n && len(out) != max; {
		c := s[i]
		switch {
		case c == '\n':
			line++
			i++
		case isSpace(c):
			i++
		case c == '#' || c == '-' && i+1 < n && s[i+1] == '-' && (i+2 == n || isSpaceOrCtl(s[i+2])):
			for i < n && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < n && s[i+1] == '*':
			if i+2 < n && s[i+2] == '!' {
				i += 3
				for i < n && s[i] >= '0' && s[i] <= '9' {
					i++
				}
				execDepth++
				continue
			}
			i += 2
			for i < n && !(s[i] == '*' && i+1 < n && s[i+1] == '/') {
				if s[i] == '\n' {
					line++
				}
				i++
			}
			i += 2
		case c == '*' && execDepth > 0 && i+1 < n && s[i+1] == '/':
			execDepth--
			i += 2
		case c == '\'' || c == '"' || c == '`':
			from, fromLine := i, line
			var b strings.Builder
			j := i + 1
			for j < n {
				x := s[j]
				if x == '\n' {
					line++
				}
				if x == '\\' && c != '`' && j+1 < n {
					if s[j+1] == '\n' {
						line++
					}
					b.WriteByte(schema.UnescapeChar(s[j+1]))
					j += 2
					continue
				}
				if x == c {
					if j+1 < n && s[j+1] == c {
						b.WriteByte(c)
						j += 2
						continue
					}
					j++
					break
				}
				b.WriteByte(x)
				j++
			}
			if j > n {
				j = n
			}
			k := tokString
			if c == '`' {
				k = tokIdent
			}
			out = append(out, token{kind: k, text: s[from:j], val: b.String(), off: from, end: j, line: fromLine})
			i = j
		case isWordByte(c):
			j := i
			for j < n && isWordByte(s[j]) {
				j++
			}
			out = append(out, token{kind: tokWord, text: s[i:j], val: s[i:j], off: i, end: j, line: line})
			i = j
		default:
			out = append(out, token{kind: tokPunct, text: s[i : i+1], val: s[i : i+1], off: i, end: i + 1, line: line})
			i++
		}
	}
	return out
}

// closeParen returns the index of the token closing the parenthesis opened at
// toks[i], or len(toks).
func closeParen(toks []token, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch {
		case toks[j].isPunct('('):
			depth++
		case toks[j].isPunct(')'):
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return len(toks)
}

// splitTop splits toks[from:to] at the commas that are not nested in
// parentheses and returns the [start, end) ranges of the parts.
func splitTop(toks []token, from, to int) [][2]int {
	var out [][2]int
	depth := 0
	start := from
	for j := from; j < to; j++ {
		switch {
		case toks[j].isPunct('('):
			depth++
		case toks[j].isPunct(')'):
			depth--
		case toks[j].isPunct(',') && depth == 0:
			out = append(out, [2]int{start, j})
			start = j + 1
		}
	}
	if start < to {
		out = append(out, [2]int{start, to})
	}
	return out
}
