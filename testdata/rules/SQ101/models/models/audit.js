'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Audit extends Model {}
  Audit.init({ // want SQ101 "table `Audits`, which no migration creates"
    action: DataTypes.STRING,
  }, { sequelize, modelName: 'Audit' });
  return Audit;
};
