'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkDelete('sessions', {}); // want DS105 "bulkDelete` with an empty where deletes the rows of existing table `sessions`"
    await queryInterface.bulkDelete('sessions', null); // want DS105 "bulkDelete` with an empty where"
    // ok: only expired sessions
    await queryInterface.bulkDelete('sessions', { expired: true });
  },
  async down() {
    // The deleted rows cannot be restored.
  },
};
