// ok: test files may reset the database
const { sequelize } = require('../src/db');
beforeAll(() => sequelize.sync({ force: true }));
