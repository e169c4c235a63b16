-- 出席上级党代会代表选举: the election at the 党代表会议 (e.g. the 区党代表会议; issue 12, seed 003 "代表选举并上报市委";
-- package xuanju.server.delegates). The conference (应到会, 实到会) is recorded once, with its candidates: the
-- 预备人选 after the 市委组织部's review and the 市委提名 candidates, in 姓氏笔画 order. Each vote (round) is
-- entered as an aggregate (ballots issued/returned, valid/invalid, votes per candidate) and decided by core's
-- RoundEngine; a tie re-vote or a 另行选举 adds the next round.
-- Ballot secrecy (docs/security.md §3): the round and vote tables hold no time, no user and no person column;
-- who entered a count and when is in the audit log only. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE delegate_conference (
    election_id      BIGINT        NOT NULL REFERENCES election (id),
    name             VARCHAR(200)  NOT NULL,
    held_on          DATE          NOT NULL,
    expected         INTEGER       NOT NULL,
    present          INTEGER       NOT NULL,
    seats            INTEGER       NOT NULL,
    recorded_by      VARCHAR(64)   NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_delegate_conference PRIMARY KEY (election_id)
);

-- The candidates on the ballot: candidate_key = 'R' || delegate_recommendee.id (a 预备人选) or
-- 'U' || delegate_upper_nominee.id (市委提名); ballot_order = the 姓氏笔画 order, from 1.
CREATE TABLE delegate_conference_candidate (
    election_id      BIGINT        NOT NULL REFERENCES election (id),
    candidate_key    VARCHAR(20)   NOT NULL,
    ballot_order     INTEGER       NOT NULL,
    CONSTRAINT pk_delegate_conference_candidate PRIMARY KEY (election_id, candidate_key)
);

-- One vote at the conference: kind = core RoundKind (FIRST, TIE_REVOTE, FURTHER), its seats and candidates
-- (keys, comma-separated, ballot order); the counts are null until entered.
CREATE TABLE delegate_conference_round (
    election_id      BIGINT        NOT NULL REFERENCES election (id),
    round_no         INTEGER       NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    seats            INTEGER       NOT NULL,
    further_round    INTEGER       NOT NULL,
    candidate_keys   VARCHAR(4000) NOT NULL,
    ballots_issued   INTEGER,
    ballots_returned INTEGER,
    valid_ballots    INTEGER,
    invalid_ballots  INTEGER,
    CONSTRAINT pk_delegate_conference_round PRIMARY KEY (election_id, round_no)
);

-- The aggregate count per candidate and round (赞成/不赞成/弃权).
CREATE TABLE delegate_conference_vote (
    election_id      BIGINT        NOT NULL REFERENCES election (id),
    round_no         INTEGER       NOT NULL,
    candidate_key    VARCHAR(20)   NOT NULL,
    yes_votes        INTEGER       NOT NULL,
    no_votes         INTEGER       NOT NULL,
    abstain_votes    INTEGER       NOT NULL,
    CONSTRAINT pk_delegate_conference_vote PRIMARY KEY (election_id, round_no, candidate_key)
);
