package comment

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/schemaview"
)

func init() {
	extraSections = append(extraSections, SchemaDiff)
}

// Size limits of the schema-diff section. The section shares GitHub's
// 65,535-character limit of a check-run summary and a comment with the
// findings that follow it, so it must stay well below it.
const (
	// maxDiffRows and maxDiffChars bound the element tables, over all
	// tables: with the largest diagram the section stays under about
	// 35,000 characters.
	maxDiffRows  = 80
	maxDiffChars = 12000
	// foldDiagramTables and foldDiagramChars: larger diagrams are folded
	// into <details> so the findings stay in view.
	foldDiagramTables = 8
	foldDiagramChars  = 4000
	// maxDiagramTables and maxDiagramChars: larger diagrams are left out
	// (GitHub's mermaid renderer gives up on big graphs, and they would
	// crowd out the findings).
	maxDiagramTables = 25
	maxDiagramChars  = 20000
)

// SchemaDiff renders the "Schema changes" section of a pull-request
// summary: for each table the migrations under review touch (the state
// before the first judged migration compared with the state after the
// last), the columns, indexes, foreign keys, checks and options they add,
// drop, rename or change, with before → after; then a mermaid ER diagram of
// those tables and their direct foreign-key neighbours with the changed
// attributes marked. It is empty in whole-repository mode and when no
// migration is under review.
func SchemaDiff(r *scan.Result) string {
	if r.Change == nil {
		return ""
	}
	first, last := -1, -1
	for i, st := range r.Steps {
		if st.Judged {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return ""
	}
	before, after := r.Steps[first].Before, r.Steps[last].After
	diffs := schemaview.Diff(before, after)

	var b strings.Builder
	b.WriteString("### Schema changes\n\n")
	span := fmt.Sprintf("`%s`", displayPath(r.Steps[first].Migration.Path))
	if last != first {
		span = fmt.Sprintf("`%s` to `%s`", displayPath(r.Steps[first].Migration.Path), displayPath(r.Steps[last].Migration.Path))
	}
	if len(diffs) == 0 {
		fmt.Fprintf(&b, "The migrations under review (%s) leave the schema unchanged.\n\n", span)
		return b.String()
	}
	names := make([]string, len(diffs))
	for i, td := range diffs {
		names[i] = fmt.Sprintf("`%s` (%s)", escapeCell(td.Name), td.Status)
	}
	fmt.Fprintf(&b, "The migrations under review (%s) touch %d table(s): %s.\n\n", span, len(diffs), strings.Join(names, ", "))

	rows, omitted := 0, 0
	for _, td := range diffs {
		if rows >= maxDiffRows || b.Len() >= maxDiffChars {
			omitted += len(td.Items)
			continue
		}
		fmt.Fprintf(&b, "#### `%s` (%s)\n\n", escapeCell(td.Name), td.Status)
		b.WriteString("| | Element | Before | After |\n|---|---|---|---|\n")
		for _, it := range td.Items {
			if rows >= maxDiffRows || b.Len() >= maxDiffChars {
				omitted++
				continue
			}
			rows++
			name := it.Kind
			switch {
			case it.Change == schemaview.Renamed:
				name += fmt.Sprintf(" `%s` → `%s`", escapeCell(it.From), escapeCell(it.Name))
			case it.Name != "":
				name += fmt.Sprintf(" `%s`", escapeCell(it.Name))
			}
			fmt.Fprintf(&b, "| %s %s | %s | %s | %s |\n", changeIcon(it.Change), it.Change, name, codeCell(it.Before), codeCell(it.After))
		}
		b.WriteString("\n")
	}
	if omitted > 0 {
		fmt.Fprintf(&b, "> %d more schema change(s) are not listed to keep this summary within GitHub's size limits; `guardian schema --at REV` prints the full schema at any commit.\n\n", omitted)
	}

	tables, diagram := schemaview.ChangeDiagram(before, after, diffs)
	if len(tables.Tables) == 0 {
		return b.String()
	}
	text := diagram.Render(tables)
	switch {
	case schemaview.CheckMermaid(text) != nil:
		fmt.Fprintf(&b, "> The ER diagram is left out: %v.\n\n", schemaview.CheckMermaid(text))
	case len(tables.Tables) > maxDiagramTables || len(text) > maxDiagramChars:
		fmt.Fprintf(&b, "> The ER diagram is left out: %d tables and %d characters exceed the summary's limits (%d tables, %d characters). `guardian schema --format mermaid --tables a,b` draws any part of it.\n\n",
			len(tables.Tables), len(text), maxDiagramTables, maxDiagramChars)
	case len(tables.Tables) > foldDiagramTables || len(text) > foldDiagramChars:
		fmt.Fprintf(&b, "<details><summary>ER diagram of the %d touched and neighbouring tables</summary>\n\n```mermaid\n%s```\n\n</details>\n\n", len(tables.Tables), text)
	default:
		fmt.Fprintf(&b, "**ER diagram** of the touched tables and their foreign-key neighbours (attributes marked NEW, CHANGED or DROPPED):\n\n```mermaid\n%s```\n\n", text)
	}
	return b.String()
}

func changeIcon(change string) string {
	switch change {
	case schemaview.Added:
		return "➕"
	case schemaview.Dropped:
		return "➖"
	}
	return "✏️"
}

// codeCell shows a definition as inline code in a table cell; an empty
// definition shows as nothing.
func codeCell(s string) string {
	if s == "" {
		return ""
	}
	return "`" + strings.ReplaceAll(escapeCell(s), "`", "") + "`"
}
