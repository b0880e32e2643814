-- Message templates: published versions (never changed), the lead's draft of each template with its
-- saved test cases, and the reusable blocks templates include by name, versioned the same way.

CREATE TABLE template_versions (
    template_key NVARCHAR(64)  NOT NULL,
    version      INT           NOT NULL,
    definition   NVARCHAR(MAX) NOT NULL,
    test_cases   NVARCHAR(MAX) NOT NULL,
    comment      NVARCHAR(500) NULL,
    changes      NVARCHAR(MAX) NOT NULL,
    published_by NVARCHAR(254) NOT NULL,
    published_at BIGINT        NOT NULL,
    CONSTRAINT pk_template_versions PRIMARY KEY (template_key, version)
);

CREATE TABLE template_drafts (
    template_key     NVARCHAR(64)  NOT NULL CONSTRAINT pk_template_drafts PRIMARY KEY,
    definition       NVARCHAR(MAX) NOT NULL,
    test_cases       NVARCHAR(MAX) NOT NULL,
    based_on_version INT           NULL,
    updated_by       NVARCHAR(254) NOT NULL,
    updated_at       BIGINT        NOT NULL
);

CREATE TABLE template_block_versions (
    block_name   NVARCHAR(64)  NOT NULL,
    version      INT           NOT NULL,
    body         NVARCHAR(MAX) NOT NULL,
    comment      NVARCHAR(500) NULL,
    published_by NVARCHAR(254) NOT NULL,
    published_at BIGINT        NOT NULL,
    CONSTRAINT pk_template_block_versions PRIMARY KEY (block_name, version)
);
