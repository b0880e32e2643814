-- Customer context: aggregates over a customer's events come from index-only scans, and declared
-- communication preferences get a table of their own.

CREATE INDEX ix_customer_events_kind ON customer_events (customer_id, kind, name, occurred_at);

CREATE TABLE customer_preferences (
    customer_id  INTEGER PRIMARY KEY REFERENCES customers (id),
    channel      TEXT    NULL CHECK (channel IN ('Chat', 'Email', 'Api', 'Proactive')),
    window_start TEXT    NULL,
    window_end   TEXT    NULL,
    tone         TEXT    NULL CHECK (tone IN ('Concise', 'Guided')),
    language     TEXT    NULL,
    opted_out    INTEGER NOT NULL DEFAULT 0,
    paused_until INTEGER NULL,
    updated_at   INTEGER NOT NULL
);

-- Roll-ups kept up to date as events and transactions are stored, so a customer's context costs the same
-- whatever the length of their history.
CREATE TABLE customer_feature_usage (
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    feature      TEXT    NOT NULL,
    uses         INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    PRIMARY KEY (customer_id, feature)
);

-- Logins and feature use per customer and hour (Unix ms ÷ 3,600,000).
CREATE TABLE customer_activity_hours (
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    hour_bucket INTEGER NOT NULL,
    events      INTEGER NOT NULL,
    PRIMARY KEY (customer_id, hour_bucket)
);

CREATE TABLE customer_rollups (
    customer_id       INTEGER PRIMARY KEY REFERENCES customers (id),
    events            INTEGER NOT NULL DEFAULT 0,
    last_seen_at      INTEGER NULL,
    transactions      INTEGER NOT NULL DEFAULT 0,
    paid_minor        INTEGER NOT NULL DEFAULT 0,
    refunded_minor    INTEGER NOT NULL DEFAULT 0,
    outstanding_minor INTEGER NOT NULL DEFAULT 0
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
