'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Post extends Model {}
  Post.init({
    userId: { type: DataTypes.INTEGER, field: 'user_id', references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' }, // want SQ105 "no foreign key on `user_id`"
    // ok: the migration adds this foreign key with the same rules
    authorId: { type: DataTypes.INTEGER, field: 'author_id', references: { model: 'users', key: 'id' }, onDelete: 'SET NULL', onUpdate: 'CASCADE' },
  }, { sequelize, modelName: 'Post', tableName: 'posts' });
  return Post;
};
