-- Message templates: published versions (never changed), the lead's draft of each template with its
-- saved test cases, and the reusable blocks templates include by name, versioned the same way.

CREATE TABLE template_versions (
    template_key TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    definition   TEXT    NOT NULL,
    test_cases   TEXT    NOT NULL,
    comment      TEXT    NULL,
    changes      TEXT    NOT NULL,
    published_by TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (template_key, version)
);

CREATE TABLE template_drafts (
    template_key     TEXT    PRIMARY KEY,
    definition       TEXT    NOT NULL,
    test_cases       TEXT    NOT NULL,
    based_on_version INTEGER NULL,
    updated_by       TEXT    NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE template_block_versions (
    block_name   TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    comment      TEXT    NULL,
    published_by TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (block_name, version)
);
