// ok: spec files are tests too
require('../src/db').sequelize.getQueryInterface().dropAllTables();
