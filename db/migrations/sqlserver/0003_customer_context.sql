-- Customer context: aggregates over a customer's events come from index-only scans, and declared
-- communication preferences get a table of their own.

CREATE INDEX ix_customer_events_kind ON customer_events (customer_id, kind, name, occurred_at);

CREATE TABLE customer_preferences (
    customer_id  BIGINT       NOT NULL CONSTRAINT pk_customer_preferences PRIMARY KEY
                              CONSTRAINT fk_customer_preferences_customer REFERENCES customers (id),
    channel      NVARCHAR(16) NULL CONSTRAINT ck_customer_preferences_channel CHECK (channel IN ('Chat', 'Email', 'Api', 'Proactive')),
    window_start NVARCHAR(5)  NULL,
    window_end   NVARCHAR(5)  NULL,
    tone         NVARCHAR(16) NULL CONSTRAINT ck_customer_preferences_tone CHECK (tone IN ('Concise', 'Guided')),
    language     NVARCHAR(16) NULL,
    opted_out    BIT          NOT NULL CONSTRAINT df_customer_preferences_opted_out DEFAULT 0,
    paused_until BIGINT       NULL,
    updated_at   BIGINT       NOT NULL
);

-- Roll-ups kept up to date as events and transactions are stored, so a customer's context costs the same
-- whatever the length of their history.
CREATE TABLE customer_feature_usage (
    customer_id  BIGINT        NOT NULL CONSTRAINT fk_customer_feature_usage_customer REFERENCES customers (id),
    feature      NVARCHAR(100) NOT NULL,
    uses         INT           NOT NULL,
    last_used_at BIGINT        NOT NULL,
    CONSTRAINT pk_customer_feature_usage PRIMARY KEY (customer_id, feature)
);

-- Logins and feature use per customer and hour (Unix ms ÷ 3,600,000).
CREATE TABLE customer_activity_hours (
    customer_id BIGINT NOT NULL CONSTRAINT fk_customer_activity_hours_customer REFERENCES customers (id),
    hour_bucket BIGINT NOT NULL,
    events      INT    NOT NULL,
    CONSTRAINT pk_customer_activity_hours PRIMARY KEY (customer_id, hour_bucket)
);

CREATE TABLE customer_rollups (
    customer_id       BIGINT NOT NULL CONSTRAINT pk_customer_rollups PRIMARY KEY CONSTRAINT fk_customer_rollups_customer REFERENCES customers (id),
    events            INT    NOT NULL CONSTRAINT df_customer_rollups_events DEFAULT 0,
    last_seen_at      BIGINT NULL,
    transactions      INT    NOT NULL CONSTRAINT df_customer_rollups_transactions DEFAULT 0,
    paid_minor        BIGINT NOT NULL CONSTRAINT df_customer_rollups_paid DEFAULT 0,
    refunded_minor    BIGINT NOT NULL CONSTRAINT df_customer_rollups_refunded DEFAULT 0,
    outstanding_minor BIGINT NOT NULL CONSTRAINT df_customer_rollups_outstanding DEFAULT 0
);

CREATE INDEX ix_conversations_customer_resolved ON conversations (customer_id, resolved_at DESC);

INSERT INTO customer_feature_usage (customer_id, feature, uses, last_used_at)
SELECT customer_id, name, COUNT(*), MAX(occurred_at) FROM customer_events WHERE kind = 'FeatureUsed' GROUP BY customer_id, name;

INSERT INTO customer_activity_hours (customer_id, hour_bucket, events)
SELECT customer_id, occurred_at / 3600000, COUNT(*) FROM customer_events WHERE kind IN ('Login', 'FeatureUsed')
GROUP BY customer_id, occurred_at / 3600000;

INSERT INTO customer_rollups (customer_id, events, last_seen_at, transactions, paid_minor, refunded_minor, outstanding_minor)
SELECT c.id,
       (SELECT COUNT(*) FROM customer_events e WHERE e.customer_id = c.id),
       (SELECT MAX(e.occurred_at) FROM customer_events e WHERE e.customer_id = c.id),
       (SELECT COUNT(*) FROM transactions t WHERE t.customer_id = c.id),
       (SELECT COALESCE(SUM(t.amount_minor), 0) FROM transactions t WHERE t.customer_id = c.id AND t.status = 'Paid' AND t.kind <> 'Refund'),
       (SELECT COALESCE(SUM(t.amount_minor), 0) FROM transactions t WHERE t.customer_id = c.id AND t.kind = 'Refund' AND t.status IN ('Refunded', 'Paid')),
       (SELECT COALESCE(SUM(t.amount_minor), 0) FROM transactions t WHERE t.customer_id = c.id AND t.status IN ('Pending', 'Failed') AND t.kind <> 'Refund')
FROM customers c;
