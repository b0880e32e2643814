-- QA review and metrics: the text a template rendered before the agent edited it (for the review diff),
-- per-conversation counters kept up to date as messages and events are stored (the metrics roll-ups),
-- scorecards with their versions, and reviews with their flags.

ALTER TABLE messages ADD COLUMN template_rendered TEXT NULL;

ALTER TABLE conversations ADD COLUMN agent_messages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN template_messages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN edited_template_messages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN reassignments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN reopens INTEGER NOT NULL DEFAULT 0;

UPDATE conversations SET
    agent_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'),
    template_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'
                                                          AND m.template_key IS NOT NULL),
    edited_template_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'
                                                                 AND m.template_key IS NOT NULL AND m.edited = 1),
    reassignments = (SELECT COUNT(*) FROM conversation_events e WHERE e.conversation_id = conversations.id
                                                                 AND e.kind IN ('transferred', 'escalated', 'returned-to-queue')),
    reopens = (SELECT COUNT(*) FROM conversation_events e WHERE e.conversation_id = conversations.id AND e.kind = 'reopened');

CREATE INDEX ix_conversations_created ON conversations (created_at);
CREATE INDEX ix_messages_template ON messages (template_key, template_version, created_at) WHERE template_key IS NOT NULL;

CREATE TABLE scorecard_versions (
    scorecard_key TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    criteria      TEXT    NOT NULL,
    retired       INTEGER NOT NULL DEFAULT 0,
    published_by  TEXT    NOT NULL,
    published_at  INTEGER NOT NULL,
    PRIMARY KEY (scorecard_key, version)
);

CREATE TABLE reviews (
    id                   INTEGER PRIMARY KEY,
    conversation_id      INTEGER NOT NULL REFERENCES conversations (id),
    reviewer_id          INTEGER NOT NULL REFERENCES users (id),
    agent_id             INTEGER NULL REFERENCES users (id),
    scorecard_key        TEXT    NOT NULL,
    scorecard_version    INTEGER NOT NULL,
    answers              TEXT    NOT NULL,
    comment              TEXT    NULL,
    score                REAL    NULL,
    wrong_routing_team_id INTEGER NULL REFERENCES teams (id),
    wrong_routing_note   TEXT    NULL,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    FOREIGN KEY (scorecard_key, scorecard_version) REFERENCES scorecard_versions (scorecard_key, version)
);
CREATE UNIQUE INDEX ux_reviews_conversation_reviewer ON reviews (conversation_id, reviewer_id);
CREATE INDEX ix_reviews_updated ON reviews (updated_at);

CREATE TABLE review_template_misfits (
    review_id        INTEGER NOT NULL REFERENCES reviews (id),
    template_key     TEXT    NOT NULL,
    template_version INTEGER NOT NULL,
    note             TEXT    NULL,
    PRIMARY KEY (review_id, template_key, template_version)
);
CREATE INDEX ix_review_template_misfits_template ON review_template_misfits (template_key, template_version);
