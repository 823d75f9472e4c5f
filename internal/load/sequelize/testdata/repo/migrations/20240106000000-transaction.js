module.exports = {
  up: (queryInterface, Sequelize) =>
    queryInterface.sequelize.transaction(async (t) => {
      await queryInterface.addColumn('teams', 'slug', { type: Sequelize.STRING(80) }, { transaction: t });
      await queryInterface.bulkUpdate('teams', { slug: 'x' }, { slug: null }, { transaction: t });
    }),
  down: async (queryInterface) => {
    const t = await queryInterface.sequelize.transaction();
    try {
      await queryInterface.removeColumn('teams', 'slug', { transaction: t });
      await t.commit();
    } catch (e) {
      await t.rollback();
      throw e;
    }
    await queryInterface.bulkDelete('teams', { name: 'tmp' });
  },
};
