package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleDT110 = &Rule{
	Code:     "DT110",
	Name:     "timestamps-or-paranoid",
	Severity: Optimization,
	Title:    "Model without timestamps",
	Run:      runDT110,
}

// runDT110 reports models under review that turn Sequelize's timestamps
// off. Join tables of belongsToMany (their model is named as a `through`)
// are left alone: they hold links, not entities.
func runDT110(p *Pass) error {
	through := map[string]bool{}
	for _, m := range p.Models {
		for _, a := range m.Associations {
			if a.Through != "" {
				through[strings.ToLower(a.Through)] = true
			}
		}
	}
	for _, m := range p.Models {
		if m.Timestamps || !p.modelJudged(m) || through[strings.ToLower(m.Name)] || through[strings.ToLower(m.Table)] {
			continue
		}
		p.ReportAt(m.Span, "model "+m.Name+" timestamps",
			fmt.Sprintf("Model `%s` (table `%s`) turns timestamps off: its rows carry no createdAt/updatedAt, so nobody can tell when a record appeared or last changed when debugging, auditing or backfilling.", m.Name, m.Table),
			"Keep `timestamps: true` (the default) and add the `createdAt`/`updatedAt` columns in a migration; add `paranoid: true` (a `deletedAt` column) where deleted rows must stay recoverable.")
	}
	return nil
}

var ruleDT111 = &Rule{
	Code:     "DT111",
	Name:     "validation-without-check",
	Severity: Optimization,
	Title:    "Model validation (min, max, isIn) without a database CHECK constraint",
	Run:      runDT111,
}

// checkedValidators are the Sequelize validators a CHECK constraint can
// express directly.
var checkedValidators = map[string]bool{"min": true, "max": true, "isIn": true}

// runDT111 reports range and list validations of models under review whose
// column has no CHECK constraint in the final schema. CHECK constraints are
// parsed but ignored before MySQL 8.0.16, so the rule is silent there.
func runDT111(p *Pass) error {
	if !versionAtLeast(p.Settings.MySQLVersion, 8, 0, 16) {
		return nil
	}
	final := p.Final()
	for _, m := range p.Models {
		if !p.modelJudged(m) {
			continue
		}
		t := final.Table(m.Table)
		if t == nil {
			continue // SQ101 reports missing tables and columns
		}
		for _, a := range m.Attributes {
			if a.Virtual || t.Column(a.Field) == nil {
				continue
			}
			var vs []string
			for _, v := range a.Validate {
				if checkedValidators[v] {
					vs = append(vs, v)
				}
			}
			if len(vs) == 0 || hasCheckOn(t, a.Field) {
				continue
			}
			span := a.Span
			if s, ok := a.Attrs["validate"]; ok && s.Valid() {
				span = s
			}
			p.ReportAt(span, "model "+m.Name+"."+a.Name+" validate",
				fmt.Sprintf("Model `%s` validates `%s` (%s) only in JavaScript: rows written by raw queries, bulk updates with `validate: false`, other services or manual fixes bypass it, and table `%s` has no CHECK constraint on `%s`.", m.Name, a.Name, strings.Join(vs, ", "), m.Table, a.Field),
				fmt.Sprintf("Add the rule to the schema too (enforced since MySQL 8.0.16): `ALTER TABLE %s ADD CONSTRAINT %s CHECK (...)` (Sequelize: `queryInterface.addConstraint('%s', { type: 'check', fields: ['%s'], where: {...} })`); check existing rows first.",
					schema.QuoteIdent(m.Table), schema.QuoteIdent(m.Table+"_"+a.Field+"_chk"), m.Table, a.Field))
		}
	}
	return nil
}

// hasCheckOn reports whether an enforced CHECK constraint of t mentions
// column (as a whole word, quoted or not).
func hasCheckOn(t *schema.Table, column string) bool {
	col := strings.ToLower(column)
	for _, ck := range t.Checks {
		if ck.NotEnforced {
			continue
		}
		for _, w := range identWords(ck.Expr) {
			if w == col {
				return true
			}
		}
	}
	return false
}

// identWords returns the lower-case identifiers of an expression.
func identWords(expr string) []string {
	return strings.FieldsFunc(strings.ToLower(expr), func(r rune) bool {
		return !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}
