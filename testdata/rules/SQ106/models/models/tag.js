'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Tag extends Model {}
  Tag.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Tag', tableName: 'users', timestamps: false });
  return Tag;
};
