-- The residents' committee election meeting's steps recorded as they happen (选举大会程序环节, seed 002 四（二）2（5）):
-- the formal candidates' statements, the candidates' vote together, their leaving the meeting place (候选人现场回避).
-- One row per election and step; the order is checked by core ElectionDaySteps.
CREATE TABLE community_day_step (
    election_id  BIGINT        NOT NULL REFERENCES election (id),
    step         VARCHAR(40)   NOT NULL,
    note         VARCHAR(500)  NOT NULL DEFAULT '',
    recorded_by  VARCHAR(64)   NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_community_day_step PRIMARY KEY (election_id, step)
);
