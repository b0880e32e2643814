-- Routing: published versions of the rules (with intent phrases and complexity weights), the lead's
-- working draft, and the decision stored for every routed conversation with the signals it saw and
-- the latest assignment attempt.

CREATE TABLE routing_versions (
    version      INT           NOT NULL CONSTRAINT pk_routing_versions PRIMARY KEY,
    definition   NVARCHAR(MAX) NOT NULL,
    comment      NVARCHAR(500) NULL,
    changes      NVARCHAR(MAX) NOT NULL,
    published_by NVARCHAR(254) NOT NULL,
    published_at BIGINT        NOT NULL
);

CREATE TABLE routing_draft (
    id               INT           NOT NULL CONSTRAINT pk_routing_draft PRIMARY KEY CONSTRAINT ck_routing_draft_single CHECK (id = 1),
    definition       NVARCHAR(MAX) NOT NULL,
    based_on_version INT           NULL,
    updated_by       NVARCHAR(254) NOT NULL,
    updated_at       BIGINT        NOT NULL
);

CREATE TABLE routing_decisions (
    conversation_id BIGINT        NOT NULL CONSTRAINT pk_routing_decisions PRIMARY KEY
                                  CONSTRAINT fk_routing_decisions_conversation REFERENCES conversations (id),
    decided_at      BIGINT        NOT NULL,
    ruleset_version INT           NOT NULL,
    rule_id         NVARCHAR(64)  NOT NULL,
    rule_name       NVARCHAR(100) NOT NULL,
    team_id         BIGINT        NULL CONSTRAINT fk_routing_decisions_team REFERENCES teams (id),
    priority        INT           NOT NULL,
    required_skills NVARCHAR(500) NOT NULL,
    sticky_agent_id BIGINT        NULL CONSTRAINT fk_routing_decisions_sticky REFERENCES users (id),
    sticky_reason   NVARCHAR(200) NULL,
    decision        NVARCHAR(MAX) NOT NULL,
    snapshot        NVARCHAR(MAX) NOT NULL,
    assignment      NVARCHAR(MAX) NULL
);
CREATE INDEX ix_routing_decisions_decided ON routing_decisions (decided_at);
CREATE INDEX ix_routing_decisions_rule ON routing_decisions (rule_id, decided_at);

-- When the current owner got the conversation: an agent who goes offline after that hands it back to
-- the queue after the grace period; one who picks it up while offline keeps it.
ALTER TABLE conversations ADD assigned_at BIGINT NULL;
