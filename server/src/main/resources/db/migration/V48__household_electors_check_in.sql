-- The residents' committee's three lawful electorates (居组法 第八条, issue 11).
-- person.household is the 户号 of the person register (the household in the 户籍/居住 records the community
-- keeps), empty when unknown; 每户派代表选举 counts households by it.
ALTER TABLE person ADD COLUMN household VARCHAR(50) NOT NULL DEFAULT '';

-- 户代表 / 居民小组代表 named for a residents' committee election: one row per representative, with how they
-- were chosen (e.g. 第三居民小组会议推选). Which kind they are follows the adopted 选举办法's electorate.
CREATE TABLE community_elector (
    election_id      BIGINT        NOT NULL REFERENCES election (id),
    registration_id  BIGINT        NOT NULL REFERENCES voter_registration (id),
    basis            VARCHAR(200)  NOT NULL DEFAULT '',
    recorded_by      VARCHAR(64)   NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_community_elector PRIMARY KEY (election_id, registration_id)
);

-- 签到领票 of one vote (one ballot paper): check_key is core ElectorateMode.checkInKey (voter:<registration> or,
-- when households vote, household:<户号>), so the key makes one ballot per voter or per household even with
-- several desks. Who checked in is recorded, never which ballot they took: no ballot content here.
CREATE TABLE community_check_in (
    vote_id          BIGINT        NOT NULL REFERENCES community_vote (id),
    check_key        VARCHAR(80)   NOT NULL,
    registration_id  BIGINT        NOT NULL REFERENCES voter_registration (id),
    checked_in_by    VARCHAR(64)   NOT NULL,
    checked_in_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_community_check_in PRIMARY KEY (vote_id, check_key)
);
CREATE INDEX ix_community_check_in_registration ON community_check_in (registration_id);
