-- Routing: published versions of the rules (with intent phrases and complexity weights), the lead's
-- working draft, and the decision stored for every routed conversation with the signals it saw and
-- the latest assignment attempt.

CREATE TABLE routing_versions (
    version      INTEGER PRIMARY KEY,
    definition   TEXT    NOT NULL,
    comment      TEXT    NULL,
    changes      TEXT    NOT NULL,
    published_by TEXT    NOT NULL,
    published_at INTEGER NOT NULL
);

CREATE TABLE routing_draft (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    definition       TEXT    NOT NULL,
    based_on_version INTEGER NULL,
    updated_by       TEXT    NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE routing_decisions (
    conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id),
    decided_at      INTEGER NOT NULL,
    ruleset_version INTEGER NOT NULL,
    rule_id         TEXT    NOT NULL,
    rule_name       TEXT    NOT NULL,
    team_id         INTEGER NULL REFERENCES teams (id),
    priority        INTEGER NOT NULL,
    required_skills TEXT    NOT NULL,
    sticky_agent_id INTEGER NULL REFERENCES users (id),
    sticky_reason   TEXT    NULL,
    decision        TEXT    NOT NULL,
    snapshot        TEXT    NOT NULL,
    assignment      TEXT    NULL
);
CREATE INDEX ix_routing_decisions_decided ON routing_decisions (decided_at);
CREATE INDEX ix_routing_decisions_rule ON routing_decisions (rule_id, decided_at);

-- When the current owner got the conversation: an agent who goes offline after that hands it back to
-- the queue after the grace period; one who picks it up while offline keeps it.
ALTER TABLE conversations ADD COLUMN assigned_at INTEGER NULL;
