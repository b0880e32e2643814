-- The metrics dashboard reads, for every conversation opened in a period, only these columns: with all of them in
-- one index ordered by created_at, a 90-day period is one range of the index, never a visit to each table row.
-- The reviews index answers a conversation's average score the same way.

CREATE INDEX ix_conversations_metrics ON conversations (created_at, customer_id, team_id, assignee_id, first_response_at, resolved_at,
    csat, sla_first_response_due_at, agent_messages, template_messages, edited_template_messages, reassignments, reopens);
CREATE INDEX ix_reviews_conversation_score ON reviews (conversation_id, score);
