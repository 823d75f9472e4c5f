package schema

import "fmt"

// Error is the error MySQL would raise for a statement, with its number.
type Error struct {
	Code     int    // MySQL error number, e.g. 1050
	Name     string // symbol, e.g. ER_TABLE_EXISTS_ERROR
	SQLState string // e.g. 42S01
	Message  string // the server's message text, filled in
}

// Error renders the error as the mysql client prints it:
// ERROR 1050 (42S01): Table 't' already exists.
func (e *Error) Error() string {
	return fmt.Sprintf("ERROR %d (%s): %s", e.Code, e.SQLState, e.Message)
}

// Options configures the simulator.
type Options struct {
	// Version is the MySQL version being simulated, e.g. "8.0.35"; empty means 8.0.
	Version string
	// ForeignKeyChecks is foreign_key_checks; the simulator assumes ON unless told otherwise.
	ForeignKeyChecksOff bool
	// Database is the current database name; when set, messages that MySQL
	// qualifies with it ("Unknown table 'db.t'") are qualified the same way.
	Database string
}
