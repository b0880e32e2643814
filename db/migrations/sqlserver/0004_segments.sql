-- Segments: named, dynamic groups of customers defined by conditions over signals. Only the definition
-- is stored; membership is evaluated live.
CREATE TABLE segments (
    id          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_segments PRIMARY KEY,
    segment_key NVARCHAR(64)  NOT NULL,
    name        NVARCHAR(100) NOT NULL,
    description NVARCHAR(500) NULL,
    definition  NVARCHAR(MAX) NOT NULL,
    updated_at  BIGINT        NOT NULL,
    updated_by  NVARCHAR(254) NOT NULL
);
CREATE UNIQUE INDEX ux_segments_key ON segments (segment_key);
