-- 选举办法 of a residents' committee election (issue 11; core xuanju.core.community.ElectionMethods): the
-- settings it is drafted from, the 居民代表会议's adoption (day, members, present, in favour) and the day it
-- was posted (张榜公布). One per election; once adopted the settings are fixed. mode is a core ElectorateMode
-- key; carry_down NULL means the provincial default. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE community_election_method (
    election_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES election (id),
    mode          VARCHAR(30)   NOT NULL,
    proxy_cap     INTEGER       NOT NULL,
    allow_write_ins BOOLEAN     NOT NULL,
    carry_down    BOOLEAN,
    adopted_on    DATE,
    members       INTEGER,
    attended      INTEGER,
    votes_for     INTEGER,
    posted_on     DATE,
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INTEGER       NOT NULL DEFAULT 0
);
