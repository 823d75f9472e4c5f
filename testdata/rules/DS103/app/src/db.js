const { Sequelize } = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL);
async function start() {
  await sequelize.sync({ alter: true }); // want DS103 "lets Sequelize alter tables"
  await sequelize.sync({ force: true }); // want DS103 "drops and recreates every table"
  // ok: sync() without options only creates missing tables
  await sequelize.sync();
}
module.exports = { sequelize, start };
