package analyze

import (
	"fmt"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleER101 = &Rule{
	Code:     "ER101",
	Name:     "mysql-will-fail",
	Severity: Critical,
	Title:    "MySQL would reject this statement",
	Run:      runER101,
}

// errorOwners maps MySQL error numbers to the rule that explains them in
// more detail; ER101 leaves those to it.
var errorOwners = map[int]string{
	3780: "FK103", 1824: "FK104", 1822: "FK104", 1830: "FK102", 1553: "FK107",
	1059: "IX103", 1071: "IX104", 1170: "IX104", 1061: "IX102", 1826: "IX102",
	1069: "IX107", 1118: "DT108", 1067: "DT109", 1101: "DT109",
}

// ownedElsewhere reports whether a registered rule explains this error.
func ownedElsewhere(code int) bool {
	owner, ok := errorOwners[code]
	if !ok {
		return false
	}
	for _, r := range registry {
		if r.Code == owner && r.Run != nil {
			return true
		}
	}
	return false
}

func runER101(p *Pass) error {
	for _, st := range p.Judged() {
		failed := map[string]bool{} // tables whose CREATE failed in this migration
		for i := range st.Up {
			r := &st.Up[i]
			if r.Err == nil {
				continue
			}
			table := ChangedTable(r.Op.Change)
			if ct, ok := r.Op.Change.(*schema.CreateTable); ok && ct.Table != nil {
				// After 1050 the table does exist; otherwise it is missing
				// for the rest of the migration.
				if r.Err.Code != 1050 {
					failed[ct.Table.Name] = true
				}
			} else if failed[table] {
				// A consequence of the earlier failure, not a separate problem.
				continue
			}
			if ownedElsewhere(r.Err.Code) {
				continue
			}
			p.ReportAt(r.Op.Span, r.Op.Text,
				fmt.Sprintf("MySQL would reject this statement with error %d (%s): %s.", r.Err.Code, r.Err.Name, r.Err.Message),
				erAdvice(r))
		}
	}
	return nil
}

func erAdvice(r *replay.OpResult) string {
	switch r.Err.Code {
	case 1050:
		return "The table already exists at this point of the history: drop the duplicate CREATE, or rename the new table."
	case 1051, 1146:
		return "The table does not exist at this point of the history: check the name and the order of the migrations."
	case 1054:
		return "The column does not exist at this point of the history: check the name and the order of the migrations."
	case 1060:
		return "The column already exists: an earlier migration adds it; remove the duplicate."
	case 1091:
		return "Nothing by that name exists here: check the name, or use IF EXISTS if the object may be absent."
	case 1068:
		return "The table already has a primary key: drop it in the same ALTER before adding the new one."
	case 3730:
		return "Drop the referencing foreign keys (or the child tables) first."
	}
	return "Fix the statement so that it applies to the schema built by the earlier migrations."
}
