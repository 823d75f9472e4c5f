'use strict';

module.exports = {
  async up(queryInterface) {
    // Deliberate: renames a column of a table that holds data while the
    // deployed Product model still reads `sku`.
    await queryInterface.renameColumn('products', 'sku', 'stock_code');
  },

  async down(queryInterface) {
    await queryInterface.renameColumn('products', 'stock_code', 'sku');
  },
};
