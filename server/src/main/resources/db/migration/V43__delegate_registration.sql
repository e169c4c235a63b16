-- 出席上级党代会代表选举, additions (issue 12, seed 003; package xuanju.server.delegates):
-- the 登记表's 入党时间 and 学历 of a recommended name (optional columns of a unit's list), the opinions of the
-- regulators (行政执法、行业监管等有关部门) on a 考察对象 tagged 企业 before the 初步人选 are fixed, the stage
-- counts as settings of the election (NULL = the seed's ratios, 24 and 21 for 16 seats), and corrections of
-- a recommendation unit or a 市委提名 entry (what was changed is in the audit log, with the reason).
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

ALTER TABLE delegate_recommendee ADD COLUMN party_joined DATE;
ALTER TABLE delegate_recommendee ADD COLUMN education VARCHAR(50);

-- 对企业的考察对象，有针对性地听取行政执法、行业监管等有关部门的意见 (seed 003 step 6).
ALTER TABLE delegate_stage_member ADD COLUMN regulator_department VARCHAR(200);
ALTER TABLE delegate_stage_member ADD COLUMN regulator_opinion VARCHAR(1000);

-- 考察对象和初步人选的人数 (seed 003: 24名考察对象, 21名初步人选 for 16 seats); NULL = the default ratio.
CREATE TABLE delegate_stage_counts (
    election_id        BIGINT        NOT NULL PRIMARY KEY REFERENCES election (id),
    subjects_count     INTEGER,
    preliminary_count  INTEGER,
    recorded_by        VARCHAR(64)   NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- 减少名额 (core RoundEngine.reduceSeats): after a vote that left seats unfilled, the officer records that more
-- than half of the delegates present agreed to reduce the seats instead of the 另行选举 (which is then not held).
-- agreed / electors: the delegates who agreed / the delegates present; record: the meeting's record.
CREATE TABLE delegate_conference_reduction (
    election_id      BIGINT        NOT NULL REFERENCES election (id),
    round_no         INTEGER       NOT NULL,
    agreed           INTEGER       NOT NULL,
    electors         INTEGER       NOT NULL,
    record           VARCHAR(500)  NOT NULL,
    CONSTRAINT pk_delegate_conference_reduction PRIMARY KEY (election_id, round_no)
);
