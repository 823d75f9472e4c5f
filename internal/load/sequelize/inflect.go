package sequelize

import (
	"regexp"
	"strings"
)

// The pluralisation rules of the `inflection` package Sequelize v6 uses for
// default table names, applied in order; the first matching rule wins.
type inflectRule struct {
	re   *regexp.Regexp
	repl string
}

func rules(pairs ...string) []inflectRule {
	out := make([]inflectRule, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, inflectRule{regexp.MustCompile("(?i)" + pairs[i]), pairs[i+1]})
	}
	return out
}

var pluralRules = rules(
	// already plural
	`(m)en$`, "${1}en",
	`(pe)ople$`, "${1}ople",
	`(child)ren$`, "${1}ren",
	`([ti])a$`, "${1}a",
	`((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$`, "${1}ses",
	`(hive)s$`, "${1}s",
	`(tive)s$`, "${1}s",
	`(curve)s$`, "${1}s",
	`([lr])ves$`, "${1}ves",
	`([^fo])ves$`, "${1}ves",
	`([^aeiouy]|qu)ies$`, "${1}ies",
	`(s)eries$`, "${1}eries",
	`(m)ovies$`, "${1}ovies",
	`(x|ch|ss|sh)es$`, "${1}es",
	`(m|l)ice$`, "${1}ice",
	`(bus)es$`, "${1}es",
	`(o)es$`, "${1}es",
	`(shoe)s$`, "${1}s",
	`(cris|ax|test)es$`, "${1}es",
	`(octop|vir)i$`, "${1}i",
	`(alias|canvas|status|campus)es$`, "${1}es",
	`^(summons)es$`, "${1}es",
	`^(ox)en`, "${1}en",
	`(matr)ices$`, "${1}ices",
	`^feet$`, "feet",
	`^geese$`, "geese",
	`^teeth$`, "teeth",
	`^(vert|ind)ices$`, "${1}ices",
	`(quiz)zes$`, "${1}zes",
	// singular to plural
	`^(m|wom)an$`, "${1}en",
	`(pe)rson$`, "${1}ople",
	`(child)$`, "${1}ren",
	`(drive)$`, "${1}s",
	`^(ox)$`, "${1}en",
	`(ax|test)is$`, "${1}es",
	`(octop|vir)us$`, "${1}i",
	`(alias|status|canvas|campus)$`, "${1}es",
	`^(summons)$`, "${1}es",
	`(bu)s$`, "${1}ses",
	`(buffal|tomat|potat)o$`, "${1}oes",
	`([ti])um$`, "${1}a",
	`sis$`, "ses",
	`(?:([^f])fe|([lr])f)$`, "${1}${2}ves",
	`^(foo)t$`, "${1}eet",
	`^(goo)se$`, "${1}ese",
	`^(too)th$`, "${1}eeth",
	`(hive)$`, "${1}s",
	`([^aeiouy]|qu)y$`, "${1}ies",
	`(x|ch|ss|sh)$`, "${1}es",
	`(matr|vert|ind)(?:ix|ex)$`, "${1}ices",
	`([ml])ouse$`, "${1}ice",
	`^(quiz)$`, "${1}zes",
	`s$`, "s",
	`$`, "s",
)

// uncountable words keep their form (a subset of inflection's list: the
// ones that plausibly name a model).
var uncountable = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`advice aircraft baggage cash chess deer education equipment evidence feedback fish
		food furniture gold hardware health help homework information jewelry knowledge luggage mail management
		metadata money moose music news oil permission police progress research rice safety series sheep
		software species staff stuff traffic transportation travel trust usage water weather wildlife work`) {
		uncountable[w] = true
	}
}

// pluralize returns the plural of word the way inflection.pluralize does.
func pluralize(word string) string {
	if word == "" {
		return word
	}
	lower := strings.ToLower(word)
	if uncountable[lower] {
		return word
	}
	for _, r := range pluralRules {
		if r.re.MatchString(word) {
			return r.re.ReplaceAllString(word, r.repl)
		}
	}
	return word
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// underscore is inflection.underscore: an underscore before every capital,
// no leading underscore, lower case ("createdAt" is "created_at").
func underscore(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpper(c) {
			b.WriteByte('_')
		}
		b.WriteByte(c)
	}
	return strings.ToLower(strings.TrimPrefix(b.String(), "_"))
}

// underscoredIf is Sequelize's Utils.underscoredIf.
func underscoredIf(s string, cond bool) string {
	if cond {
		return underscore(s)
	}
	return s
}

var camelRe = regexp.MustCompile(`[-_\s]+(.)?`)

// camelize is Sequelize's Utils.camelize ("User_id" is "UserId").
func camelize(s string) string {
	return camelRe.ReplaceAllStringFunc(strings.TrimSpace(s), func(m string) string {
		t := strings.TrimLeft(m, "-_ \t\n")
		return strings.ToUpper(t)
	})
}
