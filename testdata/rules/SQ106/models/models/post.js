'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Post extends Model {
    static associate(models) {
      Post.belongsTo(models.User, { foreignKey: 'author_id' });
      Post.belongsTo(models.Tag, { foreignKey: 'tag_id', constraints: false }); // want SQ106 "`Post.belongsTo\\(Tag\\)` has no inverse"
    }
  }
  Post.init({ authorId: { type: DataTypes.INTEGER, field: 'author_id' } }, { sequelize, modelName: 'Post', tableName: 'posts' });
  return Post;
};
