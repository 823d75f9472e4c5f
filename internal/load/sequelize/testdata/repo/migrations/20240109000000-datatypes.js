const { DataTypes, Sequelize } = require('sequelize');

module.exports = {
  async up(queryInterface) {
    await queryInterface.createTable('kitchen_sink', {
      a: DataTypes.STRING,
      b: { type: DataTypes.STRING.BINARY },
      c: { type: Sequelize.CHAR(10) },
      d: { type: DataTypes.TEXT('tiny') },
      e: { type: DataTypes.TEXT({ length: 'long' }) },
      f: { type: DataTypes.TINYINT },
      g: { type: DataTypes.SMALLINT(6).UNSIGNED },
      h: { type: DataTypes.MEDIUMINT },
      i: { type: DataTypes.BIGINT.UNSIGNED.ZEROFILL },
      j: { type: DataTypes.FLOAT },
      k: { type: DataTypes.DOUBLE },
      l: { type: DataTypes.REAL },
      m: { type: DataTypes.DECIMAL(10, 2), defaultValue: 0 },
      n: { type: DataTypes.DATE(3), defaultValue: Sequelize.literal('CURRENT_TIMESTAMP(3)') },
      o: { type: DataTypes.DATEONLY },
      p: { type: DataTypes.TIME },
      q: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 },
      r: { type: DataTypes.ENUM({ values: ['x', 'y'] }) },
      s: { type: DataTypes.JSON },
      t: { type: DataTypes.BLOB('medium') },
      u: { type: DataTypes.GEOMETRY('POINT') },
      v: { type: DataTypes.VIRTUAL },
      w: { type: DataTypes.INTEGER(11), comment: 'legacy width' },
      x: { type: DataTypes.ENUM, values: ['p', 'q'] },
      y: { type: 'VARCHAR(20)' },
      z: { type: DataTypes.DATE, defaultValue: Sequelize.fn('NOW') },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('kitchen_sink');
  },
};
