// ok: a data-only migration may have an empty down
module.exports = {
  up: (queryInterface) => queryInterface.bulkInsert('tags', [{ id: 1 }]),
  down: async () => {},
};
