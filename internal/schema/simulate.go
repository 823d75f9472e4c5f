package schema

// Apply returns the schema after c, or the unchanged schema and MySQL's error.
// Placeholder: replaced by the simulator implementation.
func Apply(s *Schema, c Change, o Options) (*Schema, error) { return s, nil }
