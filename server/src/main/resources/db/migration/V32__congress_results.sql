-- Results of a direct deputies' election (issue 10), per level (TOWN 镇人大代表 / COUNTY 县(旗)人大代表): the
-- steps after the votes, in this order: CONFIRMED (选举委员会确认选举有效并宣布), REVIEWED (代表资格审查委员会审查),
-- ACCEPTED (镇人大主席团 or 县人大常委会确认), each with the body, its document, the day and a note. One row per
-- step; a step is never changed or deleted. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE congress_result_step (
    election_id  BIGINT         NOT NULL REFERENCES election (id),
    level        VARCHAR(10)    NOT NULL,
    step         VARCHAR(10)    NOT NULL,
    body         VARCHAR(200)   NOT NULL,
    document     VARCHAR(200)   NOT NULL DEFAULT '',
    on_date      DATE           NOT NULL,
    note         VARCHAR(2000)  NOT NULL DEFAULT '',
    recorded_by  VARCHAR(64)    NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_congress_result_step PRIMARY KEY (election_id, level, step),
    CONSTRAINT ck_congress_result_step_level CHECK (level IN ('TOWN', 'COUNTY')),
    CONSTRAINT ck_congress_result_step_step CHECK (step IN ('CONFIRMED', 'REVIEWED', 'ACCEPTED'))
);
