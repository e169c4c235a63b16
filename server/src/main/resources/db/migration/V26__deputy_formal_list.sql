-- 正式代表候选人名单 (issue 10) of a district: which nominations are on it (deputy_nomination.formal), when it
-- was published and how it was settled (basis: WITHIN_MARGIN 初步人数未超过差额上限, CONSULTATION 讨论协商,
-- PRESELECTION 预选). One list per district; runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE deputy_nomination ADD COLUMN formal BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE deputy_formal_list (
    district_id    BIGINT       NOT NULL PRIMARY KEY,
    election_id    BIGINT       NOT NULL,
    published_on   DATE         NOT NULL,
    basis          VARCHAR(20)  NOT NULL,
    candidates     INTEGER      NOT NULL,
    recorded_by    VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_deputy_formal_list_district FOREIGN KEY (district_id, election_id)
        REFERENCES district (id, election_id)
);
