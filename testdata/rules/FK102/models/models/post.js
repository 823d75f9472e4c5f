'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Post extends Model {
    static associate(models) {
      Post.belongsTo(models.User, { as: 'owner', foreignKey: 'ownerId', onDelete: 'SET NULL', onUpdate: 'CASCADE' }); // want FK102 "Model `Post` declares ON DELETE SET NULL for `posts.owner_id`.*allowNull: false.*error 1830"
    }
  }
  Post.init({
    authorId: { type: DataTypes.INTEGER, field: 'author_id', allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL', onUpdate: 'CASCADE' }, // want FK102 "Model `Post` declares ON DELETE SET NULL for `posts.author_id`"
    // ok: nullable, so SET NULL can work
    editorId: { type: DataTypes.INTEGER, field: 'editor_id', allowNull: true, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL', onUpdate: 'CASCADE' },
    ownerId: { type: DataTypes.INTEGER, field: 'owner_id', allowNull: false },
  }, { sequelize, modelName: 'Post', tableName: 'posts', timestamps: false });
  return Post;
};
