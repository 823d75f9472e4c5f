// Package schemaview renders a replayed schema for people and tools: a JSON
// document with the shape of information_schema (tables, columns, indexes,
// foreign keys in definition order), SHOW CREATE TABLE statements, and a
// mermaid entity-relationship diagram whose attributes can carry change
// markers (NEW, CHANGED, DROPPED) for the pull-request summary.
//
// The `schema` command of the CLI and the schema-diff section of the
// Markdown report are its two users; neither needs a database.
package schemaview
