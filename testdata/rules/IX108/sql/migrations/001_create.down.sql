DROP TABLE tags;
DROP TABLE likes;
DROP TABLE comments;
DROP TABLE posts;
DROP TABLE users;
