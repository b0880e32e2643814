-- Full-text search over message bodies (QA search): an FTS5 index over messages, kept in step by the
-- repository that stores messages, and filled here for the messages already stored.

CREATE VIRTUAL TABLE messages_fts USING fts5(body, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
