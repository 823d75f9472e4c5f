package schemaview

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	entityOpenRE = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)\s*\{$`)
	attrRE       = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_()]*)\s+([A-Za-z_][A-Za-z0-9_]*)((?:\s+(?:PK|FK|UK)(?:\s*,\s*(?:PK|FK|UK))*)?)(\s+"[^"\n]*")?$`)
	relRE        = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)\s+(\|\||\|o|\}o|\}\|)(--|\.\.)(\|\||o\||o\{|\|\{)\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*("[^"\n]*"|[A-Za-z_][A-Za-z0-9_]*)$`)
)

// CheckMermaid checks that text is an erDiagram in the subset of mermaid
// syntax this package writes: entity and attribute names are identifiers
// ([A-Za-z_][A-Za-z0-9_]*), attribute types have no spaces or commas, keys
// are PK, FK or UK, no entity is declared twice, no attribute twice in an
// entity, and every relationship names two declared entities. The
// summary runs it before publishing a diagram, since a diagram GitHub
// cannot render shows as an error box.
func CheckMermaid(text string) error {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "erDiagram" {
		return fmt.Errorf("schemaview: mermaid: first line is not erDiagram")
	}
	declared := map[string]bool{}
	type rel struct {
		line     int
		from, to string
	}
	var rels []rel
	var open string // the entity whose block is open
	var attrs map[string]bool
	for i, raw := range lines[1:] {
		n := i + 2
		l := strings.TrimSpace(raw)
		switch {
		case l == "" || strings.HasPrefix(l, "%%"):
		case open != "":
			if l == "}" {
				open = ""
				continue
			}
			m := attrRE.FindStringSubmatch(l)
			if m == nil {
				return fmt.Errorf("schemaview: mermaid: line %d: not an attribute of %s: %q", n, open, l)
			}
			if u := strings.ToUpper(m[2]); u == "PK" || u == "FK" || u == "UK" {
				return fmt.Errorf("schemaview: mermaid: line %d: attribute name %s is a key marker", n, m[2])
			}
			if attrs[strings.ToLower(m[2])] {
				return fmt.Errorf("schemaview: mermaid: line %d: attribute %s declared twice in %s", n, m[2], open)
			}
			attrs[strings.ToLower(m[2])] = true
		default:
			if m := entityOpenRE.FindStringSubmatch(l); m != nil {
				if declared[m[1]] {
					return fmt.Errorf("schemaview: mermaid: line %d: entity %s declared twice", n, m[1])
				}
				declared[m[1]], open, attrs = true, m[1], map[string]bool{}
				continue
			}
			m := relRE.FindStringSubmatch(l)
			if m == nil {
				return fmt.Errorf("schemaview: mermaid: line %d: neither an entity nor a relationship: %q", n, l)
			}
			rels = append(rels, rel{n, m[1], m[5]})
		}
	}
	if open != "" {
		return fmt.Errorf("schemaview: mermaid: entity %s is not closed", open)
	}
	for _, r := range rels {
		for _, e := range []string{r.from, r.to} {
			if !declared[e] {
				return fmt.Errorf("schemaview: mermaid: line %d: relationship names undeclared entity %s", r.line, e)
			}
		}
	}
	return nil
}
