-- Data protection: how each customer field is classified. Unlisted fields are public.
CREATE TABLE field_policies (
    field          NVARCHAR(100) NOT NULL CONSTRAINT pk_field_policies PRIMARY KEY,
    classification NVARCHAR(16)  NOT NULL CONSTRAINT ck_field_policies_classification CHECK (classification IN ('Public', 'Contact', 'Financial', 'Sensitive')),
    updated_at     BIGINT        NOT NULL,
    updated_by     NVARCHAR(254) NOT NULL
);

INSERT INTO field_policies (field, classification, updated_at, updated_by) VALUES
    ('email', 'Contact', 0, 'default policy'),
    ('phone', 'Contact', 0, 'default policy'),
    ('arr', 'Financial', 0, 'default policy'),
    ('lifetimeValue', 'Financial', 0, 'default policy'),
    ('transactions', 'Financial', 0, 'default policy');
