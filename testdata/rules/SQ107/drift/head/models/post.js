'use strict';
const { Model, DataTypes } = require('sequelize');
// ok: the model changed and the same change adds the migration for it
module.exports = (sequelize) => {
  class Post extends Model {}
  Post.init({ title: DataTypes.STRING, body: DataTypes.TEXT }, { sequelize, modelName: 'Post', tableName: 'posts' });
  return Post;
};
