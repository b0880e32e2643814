-- Full-text search over message bodies (QA search). SQL Server full-text indexes cannot be created inside
-- the transaction every migration runs in, so the equivalent is a word index: one row per distinct word of
-- each message, kept in step by the repository that stores messages. Messages stored before this script are
-- indexed by the application at start-up, from the watermark below.

CREATE TABLE message_terms (
    term       NVARCHAR(64) NOT NULL,
    message_id BIGINT       NOT NULL CONSTRAINT fk_message_terms_message REFERENCES messages (id),
    CONSTRAINT pk_message_terms PRIMARY KEY (term, message_id)
);
CREATE INDEX ix_message_terms_message ON message_terms (message_id);

CREATE TABLE message_search_state (
    id                INT    NOT NULL CONSTRAINT pk_message_search_state PRIMARY KEY CONSTRAINT ck_message_search_state_single CHECK (id = 1),
    indexed_up_to_id  BIGINT NOT NULL
);

INSERT INTO message_search_state (id, indexed_up_to_id) VALUES (1, 0);
