// Package verify replays a repository's migrations on a live
// MySQL-compatible server, the ground truth the simulator approximates.
//
// Run creates a scratch database (guardian_verify_<random>) on the server a
// DSN names, applies every migration's up in order and, for each migration
// under review (all of them, or the ones a change adds or modifies),
// applies up, then down, then up again, reading information_schema after
// each step (Snapshot). It reports the statement that failed with the
// server's error number, every difference between snapshots that should be
// equal (before up versus after down; first up versus second up) and how
// long each step took, then drops the scratch database.
//
// SQL migrations run their statement text; Sequelize migrations run the DDL
// the IR renders for each call (schema.RenderChange), and the SQL given to
// sequelize.query as written.
package verify
