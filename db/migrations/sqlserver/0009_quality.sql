-- QA review and metrics: the text a template rendered before the agent edited it (for the review diff),
-- per-conversation counters kept up to date as messages and events are stored (the metrics roll-ups),
-- scorecards with their versions, and reviews with their flags.

ALTER TABLE messages ADD template_rendered NVARCHAR(MAX) NULL;

ALTER TABLE conversations ADD
    agent_messages           INT NOT NULL CONSTRAINT df_conversations_agent_messages DEFAULT 0,
    template_messages        INT NOT NULL CONSTRAINT df_conversations_template_messages DEFAULT 0,
    edited_template_messages INT NOT NULL CONSTRAINT df_conversations_edited_template_messages DEFAULT 0,
    reassignments            INT NOT NULL CONSTRAINT df_conversations_reassignments DEFAULT 0,
    reopens                  INT NOT NULL CONSTRAINT df_conversations_reopens DEFAULT 0;
GO

UPDATE conversations SET
    agent_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'),
    template_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'
                                                          AND m.template_key IS NOT NULL),
    edited_template_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'
                                                                 AND m.template_key IS NOT NULL AND m.edited = 1),
    reassignments = (SELECT COUNT(*) FROM conversation_events e WHERE e.conversation_id = conversations.id
                                                                 AND e.kind IN ('transferred', 'escalated', 'returned-to-queue')),
    reopens = (SELECT COUNT(*) FROM conversation_events e WHERE e.conversation_id = conversations.id AND e.kind = 'reopened');

CREATE INDEX ix_conversations_created ON conversations (created_at)
    INCLUDE (customer_id, team_id, assignee_id, first_response_at, resolved_at, csat, sla_first_response_due_at,
             agent_messages, template_messages, edited_template_messages, reassignments, reopens);
CREATE INDEX ix_messages_template ON messages (template_key, template_version, created_at) WHERE template_key IS NOT NULL;

CREATE TABLE scorecard_versions (
    scorecard_key NVARCHAR(64)  NOT NULL,
    version       INT           NOT NULL,
    name          NVARCHAR(100) NOT NULL,
    criteria      NVARCHAR(MAX) NOT NULL,
    retired       BIT           NOT NULL CONSTRAINT df_scorecard_versions_retired DEFAULT 0,
    published_by  NVARCHAR(254) NOT NULL,
    published_at  BIGINT        NOT NULL,
    CONSTRAINT pk_scorecard_versions PRIMARY KEY (scorecard_key, version)
);

CREATE TABLE reviews (
    id                    BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_reviews PRIMARY KEY,
    conversation_id       BIGINT         NOT NULL CONSTRAINT fk_reviews_conversation REFERENCES conversations (id),
    reviewer_id           BIGINT         NOT NULL CONSTRAINT fk_reviews_reviewer REFERENCES users (id),
    agent_id              BIGINT         NULL CONSTRAINT fk_reviews_agent REFERENCES users (id),
    scorecard_key         NVARCHAR(64)   NOT NULL,
    scorecard_version     INT            NOT NULL,
    answers               NVARCHAR(MAX)  NOT NULL,
    comment               NVARCHAR(4000) NULL,
    score                 FLOAT          NULL,
    wrong_routing_team_id BIGINT         NULL CONSTRAINT fk_reviews_wrong_routing_team REFERENCES teams (id),
    wrong_routing_note    NVARCHAR(1000) NULL,
    created_at            BIGINT         NOT NULL,
    updated_at            BIGINT         NOT NULL,
    CONSTRAINT fk_reviews_scorecard FOREIGN KEY (scorecard_key, scorecard_version) REFERENCES scorecard_versions (scorecard_key, version)
);
CREATE UNIQUE INDEX ux_reviews_conversation_reviewer ON reviews (conversation_id, reviewer_id);
CREATE INDEX ix_reviews_updated ON reviews (updated_at);

CREATE TABLE review_template_misfits (
    review_id        BIGINT         NOT NULL CONSTRAINT fk_review_template_misfits_review REFERENCES reviews (id),
    template_key     NVARCHAR(64)   NOT NULL,
    template_version INT            NOT NULL,
    note             NVARCHAR(1000) NULL,
    CONSTRAINT pk_review_template_misfits PRIMARY KEY (review_id, template_key, template_version)
);
CREATE INDEX ix_review_template_misfits_template ON review_template_misfits (template_key, template_version);
