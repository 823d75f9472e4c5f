package schema

// Difference is one difference between two schema states.
type Difference struct {
	// Kind is "table", "column", "index", "foreign key", "check" or "option".
	Kind string
	// Table is the table concerned; Name the column, index, key or option
	// (empty when Kind is "table").
	Table string
	Name  string
	// Change is "missing" (in the first state only), "extra" (in the second
	// only) or "changed".
	Change string
	// Before and After describe the definitions in each state, in DDL form.
	Before string
	After  string
}

// Compare names every difference between a and b. Replace with the real
// implementation in the simulator work.
func Compare(a, b *Schema) []Difference { return nil }
