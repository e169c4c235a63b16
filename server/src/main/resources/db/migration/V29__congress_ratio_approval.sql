-- 代表结构比例的批复 (issue 10): the shares of non-CPC deputies and women for the new congress as the county
-- 人大常委会 approved them (percent; women NULL when not set), with who approved, the document and the day.
-- One per election; runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE congress_ratio_approval (
    election_id      BIGINT        NOT NULL PRIMARY KEY REFERENCES election (id),
    non_cpc_percent  INTEGER       NOT NULL,
    women_percent    INTEGER,
    approved_by      VARCHAR(200)  NOT NULL,
    document         VARCHAR(200)  NOT NULL,
    approved_on      DATE          NOT NULL,
    recorded_by      VARCHAR(64)   NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
