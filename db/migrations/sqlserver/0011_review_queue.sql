-- The review queue lists conversations by when they were resolved.

CREATE INDEX ix_conversations_resolved ON conversations (resolved_at) INCLUDE (assignee_id, status, subject)
    WHERE resolved_at IS NOT NULL;
