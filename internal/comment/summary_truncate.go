package comment

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Truncate returns s cut to at most limit bytes (so at most limit
// characters, whichever way GitHub counts), ending with a note that says
// what was cut. It cuts at a line boundary and closes a code fence left
// open. what names the text for the note ("the check-run summary").
func Truncate(s string, limit int, what string) string {
	if len(s) <= limit {
		return s
	}
	note := func(cut int) string {
		return fmt.Sprintf("\n\n> ✂️ %d of %d characters of %s were cut to fit GitHub's limit of %d characters. The job summary and the report file (output `report-path`) hold the full report.\n",
			cut, len(s), what, limit)
	}
	budget := limit - len(note(len(s))) - 8 // room for a closing fence
	if budget <= 0 {
		// A limit too small for the note: cut hard at a rune boundary.
		return cutRunes(s, limit)
	}
	head := cutRunes(s, budget)
	if i := strings.LastIndexByte(head, '\n'); i > budget/2 {
		head = head[:i]
	}
	if strings.Count("\n"+head, "\n```")%2 == 1 {
		head += "\n```"
	}
	return head + note(len(s)-len(head))
}

// cutRunes returns the longest prefix of s of at most n bytes that ends on a
// rune boundary.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
