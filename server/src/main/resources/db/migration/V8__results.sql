-- 选举结果与归档 (results, approval and archive). The request and the upper organisation's decision are rows
-- of approval_request / approval (kind RESULTS, V5). This table holds the archive made when the election is
-- archived (ARCHIVED): the .zip exactly as it was built, its SHA-256 and its manifest, so that every later
-- download gives the same bytes. BYTEA is BINARY VARYING on H2 (PostgreSQL mode) and bytea on PostgreSQL.
CREATE TABLE results_archive (
    election_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES election (id),
    archive       BYTEA         NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    file_count    INTEGER       NOT NULL,
    manifest_json VARCHAR(200000) NOT NULL,
    archived_by   VARCHAR(64)   NOT NULL,
    archived_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
