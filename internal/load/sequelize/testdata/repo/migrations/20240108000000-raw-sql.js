module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(
      `ALTER TABLE users ADD COLUMN age INT NOT NULL DEFAULT 0;
       CREATE INDEX users_age ON users (age);`
    );
    await queryInterface.bulkInsert('teams', [
      { name: 'a', active: true },
      { name: 'b', plan: 'pro' },
    ]);
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query('ALTER TABLE users DROP COLUMN age');
  },
};
