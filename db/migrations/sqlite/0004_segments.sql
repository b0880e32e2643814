-- Segments: named, dynamic groups of customers defined by conditions over signals. Only the definition
-- is stored; membership is evaluated live.
CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    segment_key TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT    NULL,
    definition  TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_segments_key ON segments (segment_key);
