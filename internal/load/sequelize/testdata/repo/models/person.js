const { Model, DataTypes } = require('sequelize');
const sequelize = require('./db').default;

class Person extends Model {}
Person.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Person' });

class Status extends Model {}
Status.init({ label: DataTypes.STRING }, { sequelize, modelName: 'Status' });

class Box extends Model {}
Box.init({ label: DataTypes.STRING }, { sequelize, modelName: 'Box', underscored: true });

module.exports = { Person, Status, Box };
