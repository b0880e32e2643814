-- Live conversations: anonymous visitors, waiting time, snooze, the conversation timeline and
-- staff notifications (mentions).

ALTER TABLE customers ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;

ALTER TABLE conversations ADD COLUMN waiting_since INTEGER NULL;
ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER NULL;
ALTER TABLE conversations ADD COLUMN last_message_at INTEGER NULL;
ALTER TABLE conversations ADD COLUMN last_message_preview TEXT NULL;
ALTER TABLE conversations ADD COLUMN escalated INTEGER NOT NULL DEFAULT 0;

CREATE INDEX ix_conversations_status ON conversations (status, priority, waiting_since);

CREATE TABLE conversation_events (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    at              INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    actor_user_id   INTEGER NULL REFERENCES users (id),
    data            TEXT    NULL
);
CREATE INDEX ix_conversation_events_conversation ON conversation_events (conversation_id, id);

CREATE TABLE notifications (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    conversation_id INTEGER NULL REFERENCES conversations (id),
    kind            TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    read_at         INTEGER NULL
);
CREATE INDEX ix_notifications_user ON notifications (user_id, read_at, id);
