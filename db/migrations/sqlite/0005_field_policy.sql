-- Data protection: how each customer field is classified. Unlisted fields are public.
CREATE TABLE field_policies (
    field          TEXT    PRIMARY KEY,
    classification TEXT    NOT NULL CHECK (classification IN ('Public', 'Contact', 'Financial', 'Sensitive')),
    updated_at     INTEGER NOT NULL,
    updated_by     TEXT    NOT NULL
);

INSERT INTO field_policies (field, classification, updated_at, updated_by) VALUES
    ('email', 'Contact', 0, 'default policy'),
    ('phone', 'Contact', 0, 'default policy'),
    ('arr', 'Financial', 0, 'default policy'),
    ('lifetimeValue', 'Financial', 0, 'default policy'),
    ('transactions', 'Financial', 0, 'default policy');
