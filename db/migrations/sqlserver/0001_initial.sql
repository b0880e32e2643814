-- Foundation schema. Times are Unix milliseconds (UTC) and money is in minor units (cents) so that
-- both providers sort, compare and aggregate them the same way.

CREATE TABLE customers (
    id                   BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_customers PRIMARY KEY,
    external_id          NVARCHAR(64)   NOT NULL,
    name                 NVARCHAR(200)  NOT NULL,
    email                NVARCHAR(254)  NULL,
    phone                NVARCHAR(40)   NULL,
    company              NVARCHAR(200)  NULL,
    locale               NVARCHAR(16)   NULL,
    time_zone            NVARCHAR(64)   NULL,
    tier                 NVARCHAR(16)   NOT NULL CONSTRAINT ck_customers_tier CHECK (tier IN ('Free', 'Starter', 'Pro', 'Enterprise')),
    arr_cents            BIGINT         NOT NULL CONSTRAINT df_customers_arr DEFAULT 0,
    lifetime_value_cents BIGINT         NOT NULL CONSTRAINT df_customers_ltv DEFAULT 0,
    plan_name            NVARCHAR(100)  NULL,
    product_version      NVARCHAR(50)   NULL,
    lifecycle_stage      NVARCHAR(16)   NULL CONSTRAINT ck_customers_stage CHECK (lifecycle_stage IN ('Onboarding', 'Adoption', 'Maturity', 'Retention')),
    at_risk              BIT            NULL,
    experience_level     NVARCHAR(16)   NOT NULL CONSTRAINT ck_customers_level CHECK (experience_level IN ('New', 'Intermediate', 'Expert')),
    signed_up_at         BIGINT         NULL,
    renewal_at           BIGINT         NULL,
    attributes           NVARCHAR(MAX)  NOT NULL CONSTRAINT df_customers_attributes DEFAULT N'{}',
    created_at           BIGINT         NOT NULL,
    updated_at           BIGINT         NOT NULL
);
CREATE UNIQUE INDEX ux_customers_external_id ON customers (external_id);
CREATE INDEX ix_customers_name ON customers (name);
CREATE INDEX ix_customers_tier_stage ON customers (tier, lifecycle_stage);

CREATE TABLE customer_events (
    id          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_customer_events PRIMARY KEY,
    customer_id BIGINT        NOT NULL CONSTRAINT fk_customer_events_customer REFERENCES customers (id),
    event_id    NVARCHAR(64)  NOT NULL,
    kind        NVARCHAR(32)  NOT NULL CONSTRAINT ck_customer_events_kind CHECK (kind IN ('FeatureUsed', 'OnboardingStepCompleted', 'OnboardingStepFailed', 'ErrorRaised', 'Login')),
    name        NVARCHAR(100) NOT NULL,
    occurred_at BIGINT        NOT NULL,
    properties  NVARCHAR(MAX) NOT NULL CONSTRAINT df_customer_events_properties DEFAULT N'{}',
    received_at BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_customer_events_event_id ON customer_events (customer_id, event_id);
CREATE INDEX ix_customer_events_timeline ON customer_events (customer_id, occurred_at DESC);

CREATE TABLE transactions (
    id             BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_transactions PRIMARY KEY,
    customer_id    BIGINT        NOT NULL CONSTRAINT fk_transactions_customer REFERENCES customers (id),
    transaction_id NVARCHAR(64)  NOT NULL,
    kind           NVARCHAR(16)  NOT NULL CONSTRAINT ck_transactions_kind CHECK (kind IN ('Order', 'Invoice', 'Refund')),
    amount_minor   BIGINT        NOT NULL CONSTRAINT ck_transactions_amount CHECK (amount_minor >= 0),
    currency       NCHAR(3)      NOT NULL,
    status         NVARCHAR(16)  NOT NULL CONSTRAINT ck_transactions_status CHECK (status IN ('Pending', 'Paid', 'Failed', 'Refunded')),
    occurred_at    BIGINT        NOT NULL,
    description    NVARCHAR(500) NULL,
    received_at    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_transactions_transaction_id ON transactions (customer_id, transaction_id);
CREATE INDEX ix_transactions_timeline ON transactions (customer_id, occurred_at DESC);

CREATE TABLE teams (
    id         BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_teams PRIMARY KEY,
    name       NVARCHAR(100) NOT NULL,
    created_at BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_teams_name ON teams (name);

CREATE TABLE skills (
    id   BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_skills PRIMARY KEY,
    name NVARCHAR(50) NOT NULL
);
CREATE UNIQUE INDEX ux_skills_name ON skills (name);

CREATE TABLE users (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    email           NVARCHAR(254) NOT NULL,
    display_name    NVARCHAR(100) NOT NULL,
    password_hash   NVARCHAR(500) NOT NULL,
    is_disabled     BIT           NOT NULL CONSTRAINT df_users_disabled DEFAULT 0,
    failed_attempts INT           NOT NULL CONSTRAINT df_users_failed DEFAULT 0,
    locked_until    BIGINT        NULL,
    security_stamp  NVARCHAR(64)  NOT NULL,
    created_at      BIGINT        NOT NULL,
    last_sign_in_at BIGINT        NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE user_roles (
    user_id BIGINT       NOT NULL CONSTRAINT fk_user_roles_user REFERENCES users (id),
    role    NVARCHAR(16) NOT NULL CONSTRAINT ck_user_roles_role CHECK (role IN ('Agent', 'Lead', 'QA', 'Admin')),
    CONSTRAINT pk_user_roles PRIMARY KEY (user_id, role)
);

CREATE TABLE agents (
    user_id             BIGINT       NOT NULL CONSTRAINT pk_agents PRIMARY KEY CONSTRAINT fk_agents_user REFERENCES users (id),
    capacity            INT          NOT NULL CONSTRAINT ck_agents_capacity CHECK (capacity BETWEEN 0 AND 100),
    presence            NVARCHAR(16) NOT NULL CONSTRAINT ck_agents_presence CHECK (presence IN ('Online', 'Away', 'Offline')),
    presence_changed_at BIGINT       NOT NULL,
    last_assigned_at    BIGINT       NULL
);

CREATE TABLE team_members (
    team_id BIGINT NOT NULL CONSTRAINT fk_team_members_team REFERENCES teams (id),
    user_id BIGINT NOT NULL CONSTRAINT fk_team_members_user REFERENCES users (id),
    CONSTRAINT pk_team_members PRIMARY KEY (team_id, user_id)
);
CREATE INDEX ix_team_members_user ON team_members (user_id);

CREATE TABLE agent_skills (
    user_id  BIGINT NOT NULL CONSTRAINT fk_agent_skills_user REFERENCES users (id),
    skill_id BIGINT NOT NULL CONSTRAINT fk_agent_skills_skill REFERENCES skills (id),
    CONSTRAINT pk_agent_skills PRIMARY KEY (user_id, skill_id)
);

CREATE TABLE conversations (
    id                        BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_conversations PRIMARY KEY,
    customer_id               BIGINT        NOT NULL CONSTRAINT fk_conversations_customer REFERENCES customers (id),
    channel                   NVARCHAR(16)  NOT NULL CONSTRAINT ck_conversations_channel CHECK (channel IN ('Chat', 'Email', 'Api', 'Proactive')),
    subject                   NVARCHAR(200) NULL,
    status                    NVARCHAR(16)  NOT NULL CONSTRAINT ck_conversations_status CHECK (status IN ('Open', 'Pending', 'Snoozed', 'Resolved')),
    priority                  INT           NOT NULL CONSTRAINT ck_conversations_priority CHECK (priority BETWEEN 1 AND 4),
    team_id                   BIGINT        NULL CONSTRAINT fk_conversations_team REFERENCES teams (id),
    assignee_id               BIGINT        NULL CONSTRAINT fk_conversations_assignee REFERENCES users (id),
    created_at                BIGINT        NOT NULL,
    updated_at                BIGINT        NOT NULL,
    first_response_at         BIGINT        NULL,
    resolved_at               BIGINT        NULL,
    csat                      INT           NULL CONSTRAINT ck_conversations_csat CHECK (csat BETWEEN 1 AND 5),
    last_sequence             BIGINT        NOT NULL CONSTRAINT df_conversations_last_sequence DEFAULT 0,
    sla_first_response_due_at BIGINT        NULL,
    sla_resolution_due_at     BIGINT        NULL
);
CREATE INDEX ix_conversations_customer ON conversations (customer_id, created_at DESC);
CREATE INDEX ix_conversations_queue ON conversations (team_id, status, priority, created_at);
CREATE INDEX ix_conversations_assignee ON conversations (assignee_id, status);

CREATE TABLE messages (
    id                BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_messages PRIMARY KEY,
    conversation_id   BIGINT         NOT NULL CONSTRAINT fk_messages_conversation REFERENCES conversations (id),
    sequence          BIGINT         NOT NULL,
    author_kind       NVARCHAR(16)   NOT NULL CONSTRAINT ck_messages_author CHECK (author_kind IN ('Customer', 'Agent', 'Note', 'System')),
    author_user_id    BIGINT         NULL CONSTRAINT fk_messages_author REFERENCES users (id),
    body              NVARCHAR(4000) NOT NULL,
    client_message_id NVARCHAR(64)   NOT NULL,
    template_key      NVARCHAR(100)  NULL,
    template_version  INT            NULL,
    edited            BIT            NOT NULL CONSTRAINT df_messages_edited DEFAULT 0,
    created_at        BIGINT         NOT NULL
);
CREATE UNIQUE INDEX ux_messages_sequence ON messages (conversation_id, sequence);
CREATE UNIQUE INDEX ux_messages_client_id ON messages (conversation_id, client_message_id);

CREATE TABLE api_keys (
    id                 BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    name               NVARCHAR(100) NOT NULL,
    key_prefix         NVARCHAR(16)  NOT NULL,
    key_hash           NVARCHAR(64)  NOT NULL,
    scope              NVARCHAR(16)  NOT NULL CONSTRAINT ck_api_keys_scope CHECK (scope IN ('Integration', 'Full')),
    created_by_user_id BIGINT        NULL CONSTRAINT fk_api_keys_user REFERENCES users (id),
    created_at         BIGINT        NOT NULL,
    revoked_at         BIGINT        NULL
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);

CREATE TABLE audit_log (
    id      BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    at      BIGINT        NOT NULL,
    actor   NVARCHAR(254) NOT NULL,
    action  NVARCHAR(64)  NOT NULL,
    target  NVARCHAR(200) NULL,
    details NVARCHAR(MAX) NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at DESC);
GO

CREATE TRIGGER audit_log_append_only ON audit_log
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'audit_log is append-only', 1;
END;
GO
