'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Post extends Model {}
  Post.init({ title: DataTypes.STRING }, { sequelize, modelName: 'Post', tableName: 'posts' });
  return Post;
};
