package analyze

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed docs/*.md
var docFS embed.FS

// registry is the one explicit list of rules, filled in init so that rules
// may call Lookup without an initialization cycle. Codes are stable and
// never reused; a retired rule keeps its number.
var registry []*Rule

func init() {
	registry = []*Rule{
		// Core: replay, rollback, keys, compatibility, history.
		ruleER101, ruleGD101,
		ruleRB101, ruleRB102, ruleRB103, ruleRB104, ruleRB105,
		ruleFK101, ruleFK103, ruleFK104, ruleFK109,
		ruleBC101, ruleBC103,
		ruleDS101, ruleDS102,
		ruleMH101, ruleMH102,
		// Data types and integrity (DT102-DT112).
		ruleDT102, ruleDT103, ruleDT104, ruleDT105, ruleDT106, ruleDT107,
		ruleDT108, ruleDT109, ruleDT110, ruleDT111, ruleDT112,
		// Foreign keys, indexes and history (issue 5a).
		ruleFK102, ruleFK105, ruleFK106, ruleFK107, ruleFK108,
		ruleIX101, ruleIX102, ruleIX103, ruleIX104, ruleIX105, ruleIX106, ruleIX107, ruleIX108,
		ruleMH103,
		// Locking, compatibility, data loss and rollback (issue 5b).
		ruleLK101, ruleLK102, ruleLK103, ruleLK104, ruleLK105, ruleLK106, ruleLK107,
		ruleBC102, ruleBC104, ruleDS104, ruleDS105, ruleRB106,
		// Sequelize models versus the migrated schema, and Sequelize calls.
		ruleSQ101, ruleSQ102, ruleSQ103, ruleSQ104, ruleSQ105, ruleSQ106, ruleSQ107,
		ruleDS103, ruleBC105, ruleDT101,
		// Suppression comments (reported by the filter step).
		ruleGD102, ruleGD103,
	}
}

var validated sync.Once

// All returns every rule, sorted by code, with its doc attached. It panics
// on a duplicate code or name: a programming error that tests catch.
func All() []*Rule {
	validated.Do(func() {
		if err := Validate(registry); err != nil {
			panic(err)
		}
		for _, r := range registry {
			if b, err := docFS.ReadFile("docs/" + r.Code + ".md"); err == nil {
				r.Doc = string(b)
			}
		}
		sort.Slice(registry, func(i, j int) bool { return registry[i].Code < registry[j].Code })
	})
	return registry
}

// Validate checks a rule list for duplicate or malformed codes and names.
func Validate(rules []*Rule) error {
	codes, names := map[string]bool{}, map[string]bool{}
	for _, r := range rules {
		if r == nil {
			return fmt.Errorf("analyze: nil rule in the registry")
		}
		if len(r.Code) != 5 || strings.ToUpper(r.Code) != r.Code {
			return fmt.Errorf("analyze: rule code %q is not two letters and three digits", r.Code)
		}
		if r.Name == "" || strings.ToLower(r.Name) != r.Name || strings.Contains(r.Name, " ") {
			return fmt.Errorf("analyze: rule %s: name %q is not kebab-case", r.Code, r.Name)
		}
		if codes[r.Code] {
			return fmt.Errorf("analyze: duplicate rule code %s", r.Code)
		}
		if names[r.Name] {
			return fmt.Errorf("analyze: duplicate rule name %s", r.Name)
		}
		codes[r.Code], names[r.Name] = true, true
	}
	return nil
}

// Lookup finds a rule by code or name, case-insensitively.
func Lookup(key string) *Rule {
	for _, r := range All() {
		if strings.EqualFold(r.Code, key) || strings.EqualFold(r.Name, key) {
			return r
		}
	}
	return nil
}
