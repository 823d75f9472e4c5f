package mariadb

import (
	"context"
	"database/sql"

	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/verify"
)

// Snapshot reads the base tables of database from information_schema into a
// *schema.Schema. It is verify.Snapshot, which the `verify` command uses on
// live servers; see there for what is read and how server spellings are
// kept.
func Snapshot(ctx context.Context, db *sql.DB, database string) (*schema.Schema, error) {
	return verify.Snapshot(ctx, db, database)
}
