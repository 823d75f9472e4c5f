// Package sequelize loads Sequelize migrations and models (JavaScript or
// TypeScript) into the IR by running them in a sandbox with recording
// stand-ins for the Sequelize API.
//
// # Loading
//
// Each file is bundled with its local imports by esbuild into CommonJS with
// an inline source map (packages external, legacy decorators on, tsconfig
// "paths" honoured, async generators, for-await and dynamic import lowered;
// entry files are bundled 32 to a build, falling back to one build per file
// when a batch has errors).
// Bundling reads repository files only, through Options.Read or from
// Options.Root, refusing paths and symlinks that leave the repository. The
// bundle runs in a fresh goja runtime per file: no file system, network,
// environment, process.exit or real timers; a time limit per file
// (DefaultTimeout) enforced with Interrupt, a bounded call stack, refused
// giant allocations and a heap watchdog. Files load in parallel on a
// bounded worker pool; results keep a deterministic order. A file that
// throws, loops, times out or misbehaves yields located problems or
// NotAnalyzed ops and never stops the others.
//
// require() serves stubs: `sequelize` and `@sequelize/core` (DataTypes with
// their arguments and modifiers, literal, fn, col, Op, the Sequelize class,
// Model with init and associations), `sequelize-typescript` (its decorators
// and DataType), `umzug` (inert types), a `path` stub, and an inert
// stand-in absorbing any use for every other package (fs and child_process
// included). An unresolvable local import is a problem at its import line.
//
// # Migrations
//
// LoadMigrations finds up and down in every shape: module.exports = {up,
// down}, exports.up, ESM named exports, export default {...}, umzug's
// ({ context }) style (the recording queryInterface answers .context),
// promise chains and arrow functions. Each recorded queryInterface call is
// lowered to schema.Change values with Sequelize v6 MySQL semantics (what
// its query generator emits, its default index and constraint names) and
// placed at the original line of the call; "column:<name>",
// "column:<name>.references", "index:<name>" and "constraint:<name>" keys
// of Op.Attrs point at the lines inside the call. sequelize.query SQL goes
// through sqlmig.ParseStatements. Calls that read the database in
// Sequelize (describeTable, showIndex, getForeignKeyReferencesForTable,
// renameColumn, removeColumn, removeConstraint, dropAllTables) make the
// migration dynamic: Migration.Dynamic re-runs it against a replayed schema.
//
// # Models
//
// LoadModels returns ir.Model values for Model.init, sequelize.define,
// factory modules and sequelize-typescript classes (inherited attributes
// included), with Sequelize's table naming (inflection pluralisation,
// freezeTableName, underscored), implicit id, timestamps and paranoid
// columns, indexes, associations (associate(models) is called once the
// file's models have loaded) and TypeScript Optional<> creation attributes.
//
// # Static scans
//
// FindSyncCalls finds sync({force}), sync({alter}) and dropAllTables()
// without running code. ReadSequelizeRC evaluates a .sequelizerc.
package sequelize
