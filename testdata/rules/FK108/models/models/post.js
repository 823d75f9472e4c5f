'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Post extends Model {
    static associate(models) {
      Post.belongsTo(models.User, { as: 'author', foreignKey: 'author_id', constraints: false }); // want FK108 "`posts.author_id` points at `users` only in application code.*scans the whole `posts` table"
      // ok: an index starts with editor_id
      Post.belongsTo(models.User, { as: 'editor', foreignKey: 'editor_id', constraints: false });
      // ok: a database foreign key, MySQL indexes it
      Post.belongsTo(models.User, { as: 'owner', foreignKey: 'owner_id' });
    }
  }
  Post.init({
    authorId: { type: DataTypes.INTEGER, field: 'author_id' },
    editorId: { type: DataTypes.INTEGER, field: 'editor_id' },
    ownerId: { type: DataTypes.INTEGER, field: 'owner_id' },
  }, { sequelize, modelName: 'Post', tableName: 'posts', timestamps: false });
  return Post;
};
