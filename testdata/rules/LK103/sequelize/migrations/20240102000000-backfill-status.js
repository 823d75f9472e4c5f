'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkUpdate('products', { status: 'active' }, {}); // want LK103 "bulkUpdate` with an empty where rewrites every row of existing table `products`"
    // ok: a where clause bounds the update
    await queryInterface.bulkUpdate('products', { status: 'archived' }, { status: 'old' });
  },
  async down() {
    // Data backfill: nothing to undo in the schema.
  },
};
