-- Foundation schema. Times are Unix milliseconds (UTC) and money is in minor units (cents) so that
-- both providers sort, compare and aggregate them the same way.

CREATE TABLE customers (
    id                   INTEGER PRIMARY KEY,
    external_id          TEXT    NOT NULL,
    name                 TEXT    NOT NULL,
    email                TEXT    NULL,
    phone                TEXT    NULL,
    company              TEXT    NULL,
    locale               TEXT    NULL,
    time_zone            TEXT    NULL,
    tier                 TEXT    NOT NULL CHECK (tier IN ('Free', 'Starter', 'Pro', 'Enterprise')),
    arr_cents            INTEGER NOT NULL DEFAULT 0,
    lifetime_value_cents INTEGER NOT NULL DEFAULT 0,
    plan_name            TEXT    NULL,
    product_version      TEXT    NULL,
    lifecycle_stage      TEXT    NULL CHECK (lifecycle_stage IN ('Onboarding', 'Adoption', 'Maturity', 'Retention')),
    at_risk              INTEGER NULL,
    experience_level     TEXT    NOT NULL CHECK (experience_level IN ('New', 'Intermediate', 'Expert')),
    signed_up_at         INTEGER NULL,
    renewal_at           INTEGER NULL,
    attributes           TEXT    NOT NULL DEFAULT '{}',
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_customers_external_id ON customers (external_id);
CREATE INDEX ix_customers_name ON customers (name);
CREATE INDEX ix_customers_tier_stage ON customers (tier, lifecycle_stage);

CREATE TABLE customer_events (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    event_id    TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('FeatureUsed', 'OnboardingStepCompleted', 'OnboardingStepFailed', 'ErrorRaised', 'Login')),
    name        TEXT    NOT NULL,
    occurred_at INTEGER NOT NULL,
    properties  TEXT    NOT NULL DEFAULT '{}',
    received_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_customer_events_event_id ON customer_events (customer_id, event_id);
CREATE INDEX ix_customer_events_timeline ON customer_events (customer_id, occurred_at DESC);

CREATE TABLE transactions (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    transaction_id TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('Order', 'Invoice', 'Refund')),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency       TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('Pending', 'Paid', 'Failed', 'Refunded')),
    occurred_at    INTEGER NOT NULL,
    description    TEXT    NULL,
    received_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_transactions_transaction_id ON transactions (customer_id, transaction_id);
CREATE INDEX ix_transactions_timeline ON transactions (customer_id, occurred_at DESC);

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_teams_name ON teams (name);

CREATE TABLE skills (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_skills_name ON skills (name);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT    NOT NULL,
    display_name    TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    is_disabled     INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NULL,
    security_stamp  TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    last_sign_in_at INTEGER NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role    TEXT    NOT NULL CHECK (role IN ('Agent', 'Lead', 'QA', 'Admin')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE agents (
    user_id             INTEGER PRIMARY KEY REFERENCES users (id),
    capacity            INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 100),
    presence            TEXT    NOT NULL CHECK (presence IN ('Online', 'Away', 'Offline')),
    presence_changed_at INTEGER NOT NULL,
    last_assigned_at    INTEGER NULL
);

CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX ix_team_members_user ON team_members (user_id);

CREATE TABLE agent_skills (
    user_id  INTEGER NOT NULL REFERENCES users (id),
    skill_id INTEGER NOT NULL REFERENCES skills (id),
    PRIMARY KEY (user_id, skill_id)
);

CREATE TABLE conversations (
    id                        INTEGER PRIMARY KEY,
    customer_id               INTEGER NOT NULL REFERENCES customers (id),
    channel                   TEXT    NOT NULL CHECK (channel IN ('Chat', 'Email', 'Api', 'Proactive')),
    subject                   TEXT    NULL,
    status                    TEXT    NOT NULL CHECK (status IN ('Open', 'Pending', 'Snoozed', 'Resolved')),
    priority                  INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
    team_id                   INTEGER NULL REFERENCES teams (id),
    assignee_id               INTEGER NULL REFERENCES users (id),
    created_at                INTEGER NOT NULL,
    updated_at                INTEGER NOT NULL,
    first_response_at         INTEGER NULL,
    resolved_at               INTEGER NULL,
    csat                      INTEGER NULL CHECK (csat BETWEEN 1 AND 5),
    last_sequence             INTEGER NOT NULL DEFAULT 0,
    sla_first_response_due_at INTEGER NULL,
    sla_resolution_due_at     INTEGER NULL
);
CREATE INDEX ix_conversations_customer ON conversations (customer_id, created_at DESC);
CREATE INDEX ix_conversations_queue ON conversations (team_id, status, priority, created_at);
CREATE INDEX ix_conversations_assignee ON conversations (assignee_id, status);

CREATE TABLE messages (
    id                INTEGER PRIMARY KEY,
    conversation_id   INTEGER NOT NULL REFERENCES conversations (id),
    sequence          INTEGER NOT NULL,
    author_kind       TEXT    NOT NULL CHECK (author_kind IN ('Customer', 'Agent', 'Note', 'System')),
    author_user_id    INTEGER NULL REFERENCES users (id),
    body              TEXT    NOT NULL,
    client_message_id TEXT    NOT NULL,
    template_key      TEXT    NULL,
    template_version  INTEGER NULL,
    edited            INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_messages_sequence ON messages (conversation_id, sequence);
CREATE UNIQUE INDEX ux_messages_client_id ON messages (conversation_id, client_message_id);

CREATE TABLE api_keys (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL,
    key_prefix         TEXT    NOT NULL,
    key_hash           TEXT    NOT NULL,
    scope              TEXT    NOT NULL CHECK (scope IN ('Integration', 'Full')),
    created_by_user_id INTEGER NULL REFERENCES users (id),
    created_at         INTEGER NOT NULL,
    revoked_at         INTEGER NULL
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT    NULL,
    details TEXT    NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at DESC);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
