-- Live conversations: anonymous visitors, waiting time, snooze, the conversation timeline and
-- staff notifications (mentions).

ALTER TABLE customers ADD anonymous BIT NOT NULL CONSTRAINT df_customers_anonymous DEFAULT 0;

ALTER TABLE conversations ADD
    waiting_since        BIGINT        NULL,
    snoozed_until        BIGINT        NULL,
    last_message_at      BIGINT        NULL,
    last_message_preview NVARCHAR(200) NULL,
    escalated            BIT           NOT NULL CONSTRAINT df_conversations_escalated DEFAULT 0;
GO

CREATE INDEX ix_conversations_status ON conversations (status, priority, waiting_since);

CREATE TABLE conversation_events (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_conversation_events PRIMARY KEY,
    conversation_id BIGINT        NOT NULL CONSTRAINT fk_conversation_events_conversation REFERENCES conversations (id),
    at              BIGINT        NOT NULL,
    kind            NVARCHAR(32)  NOT NULL,
    actor_user_id   BIGINT        NULL CONSTRAINT fk_conversation_events_actor REFERENCES users (id),
    data            NVARCHAR(MAX) NULL
);
CREATE INDEX ix_conversation_events_conversation ON conversation_events (conversation_id, id);

CREATE TABLE notifications (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_notifications PRIMARY KEY,
    user_id         BIGINT        NOT NULL CONSTRAINT fk_notifications_user REFERENCES users (id),
    conversation_id BIGINT        NULL CONSTRAINT fk_notifications_conversation REFERENCES conversations (id),
    kind            NVARCHAR(32)  NOT NULL,
    text            NVARCHAR(500) NOT NULL,
    at              BIGINT        NOT NULL,
    read_at         BIGINT        NULL
);
CREATE INDEX ix_notifications_user ON notifications (user_id, read_at, id);
GO
