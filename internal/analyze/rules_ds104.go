package analyze

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleDS104 = &Rule{
	Code:     "DS104",
	Name:     "column-narrowing",
	Severity: Critical,
	Title:    "Column changed to a type that cannot hold all its values",
	Run:      runDS104,
}

func runDS104(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		table, specs := Specs(r.Op.Change)
		if table == "" || r.Err != nil || !Existing(r, table) {
			return
		}
		after := r.After.Table(table)
		for _, s := range specs {
			mc, ok := s.(*schema.ModifyColumn)
			if !ok || mc.Column == nil {
				continue
			}
			old := r.Before.Table(table).Column(mc.Name)
			if old == nil || old.Generated != nil || mc.Column.Generated != nil {
				continue
			}
			nt := mc.Column.Type
			if after != nil {
				if c := after.Column(mc.Column.Name); c != nil {
					nt = c.Type
				}
			}
			why := narrowing(old.Type, nt)
			if why == "" {
				continue
			}
			from, to := strings.ToUpper(old.Type.String()), strings.ToUpper(nt.String())
			p.ReportAt(ColumnSpan(r.Op, mc.Column.Name), "ds104 "+mc.Name+" "+r.Op.Text,
				fmt.Sprintf("`%s.%s` changes from %s to %s, which %s: in strict mode the ALTER fails on the first row that does not fit (error 1406 Data too long or 1264/1265 out of range / truncated), otherwise those values are silently cut.", table, old.Name, from, to, why),
				fmt.Sprintf("Check the data first (for example `SELECT COUNT(*) FROM %s WHERE <value does not fit %s>`), fix or archive the rows that do not fit, or keep the wider type; widen instead of narrowing when in doubt.", schema.QuoteIdent(table), to))
		}
	})
	return nil
}

// narrowing says why values of type o may not fit type n, or "" when every
// value fits (or the change is one this rule does not judge).
func narrowing(o, n schema.Type) string {
	switch {
	case o.IsInteger() && n.IsInteger():
		return rangeNarrowing(intRange(o), intRange(n))
	case o.IsInteger() && n.Base == "decimal":
		return rangeNarrowing(intRange(o), decimalRange(n))
	case o.Base == "decimal" && n.Base == "decimal":
		var why []string
		if n.Scale < o.Scale {
			why = append(why, fmt.Sprintf("keeps %d decimal places instead of %d (values are rounded)", n.Scale, o.Scale))
		}
		if n.Precision-n.Scale < o.Precision-o.Scale {
			why = append(why, fmt.Sprintf("holds %d digits before the point instead of %d", n.Precision-n.Scale, o.Precision-o.Scale))
		}
		if n.Unsigned && !o.Unsigned {
			why = append(why, "cannot hold negative values")
		}
		return strings.Join(why, " and ")
	case o.Base == "double" && n.Base == "float":
		return "keeps about 7 significant digits instead of 15"
	case o.Base == "enum" && n.Base == "enum", o.Base == "set" && n.Base == "set":
		if gone := missingValues(o.Values, n.Values); len(gone) > 0 {
			return "drops the member(s) " + quoteValues(gone)
		}
	case o.IsString() && n.IsString() && o.Base != "enum" && o.Base != "set" && n.Base != "enum" && n.Base != "set":
		if o.IsCharacter() != n.IsCharacter() {
			return "" // a text/binary conversion is not a length question
		}
		if oc, nc := o.CharLength(), n.CharLength(); nc < oc {
			unit := "characters"
			if !o.IsCharacter() {
				unit = "bytes"
			}
			return fmt.Sprintf("holds at most %s %s instead of %s", groupDigits(int64(nc)), unit, groupDigits(int64(oc)))
		}
		if o.Charset == n.Charset && n.MaxBytes() < o.MaxBytes() {
			return fmt.Sprintf("holds at most %s bytes instead of %s, too few for values with multi-byte characters", groupDigits(int64(n.MaxBytes())), groupDigits(int64(o.MaxBytes())))
		}
	case o.IsTemporal() && n.IsTemporal():
		return temporalNarrowing(o, n)
	}
	return ""
}

// intRange is the range of an integer type.
func intRange(t schema.Type) [2]*big.Int {
	bits := uint(8 * t.MaxBytes())
	one := big.NewInt(1)
	if t.Unsigned {
		hi := new(big.Int).Sub(new(big.Int).Lsh(one, bits), one)
		return [2]*big.Int{big.NewInt(0), hi}
	}
	hi := new(big.Int).Sub(new(big.Int).Lsh(one, bits-1), one)
	lo := new(big.Int).Neg(new(big.Int).Lsh(one, bits-1))
	return [2]*big.Int{lo, hi}
}

// decimalRange is the range of the integer part of a DECIMAL(p,s).
func decimalRange(t schema.Type) [2]*big.Int {
	hi := new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(t.Precision-t.Scale)), nil), big.NewInt(1))
	lo := new(big.Int).Neg(hi)
	if t.Unsigned {
		lo = big.NewInt(0)
	}
	return [2]*big.Int{lo, hi}
}

func rangeNarrowing(o, n [2]*big.Int) string {
	var why []string
	if n[0].Cmp(o[0]) > 0 {
		if n[0].Sign() == 0 {
			why = append(why, "cannot hold negative values")
		} else {
			why = append(why, "cannot hold values below "+n[0].String())
		}
	}
	if n[1].Cmp(o[1]) < 0 {
		why = append(why, "cannot hold values above "+n[1].String())
	}
	return strings.Join(why, " and ")
}

func temporalNarrowing(o, n schema.Type) string {
	hasTime := func(t schema.Type) bool { return t.Base == "datetime" || t.Base == "timestamp" }
	switch {
	case hasTime(o) && (n.Base == "date" || n.Base == "year"):
		return "drops the time of day"
	case hasTime(o) && n.Base == "time":
		return "drops the date"
	case o.Base == "date" && n.Base == "year":
		return "keeps only the year"
	case o.Base == "datetime" && n.Base == "timestamp":
		return "only holds dates from 1970 to 2038 (TIMESTAMP range)"
	case o.Base == n.Base && (o.Base == "datetime" || o.Base == "timestamp" || o.Base == "time") && n.Precision < o.Precision:
		return fmt.Sprintf("keeps %d fractional-second digits instead of %d (values are rounded)", n.Precision, o.Precision)
	}
	return ""
}
