-- The metrics dashboard reads, for every conversation opened in a period, only the columns ix_conversations_created
-- already includes (0009). A conversation's average review score is answered from this index alone.

CREATE INDEX ix_reviews_conversation_score ON reviews (conversation_id) INCLUDE (score);
