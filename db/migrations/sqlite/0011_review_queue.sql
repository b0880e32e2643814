-- The review queue lists conversations by when they were resolved; ix_conversations_metrics (0010) leads with
-- created_at and so covers everything ix_conversations_created (0009) did, which only cost writes.

CREATE INDEX ix_conversations_resolved ON conversations (resolved_at) WHERE resolved_at IS NOT NULL;
DROP INDEX ix_conversations_created;
