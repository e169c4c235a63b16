-- A residents' committee member elected as a write-in (另选他人当选) is known on the ballot by name only. The
-- election committee records who that is (a voter of the election's list, same name), so the supervision
-- committee's and the 两委 summary's checks by person see them like every other member.
CREATE TABLE community_elected_person (
    election_id   BIGINT        NOT NULL REFERENCES election (id),
    elected_name  VARCHAR(50)   NOT NULL,
    person_id     BIGINT        NOT NULL REFERENCES person (id),
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_community_elected_person PRIMARY KEY (election_id, elected_name)
);
