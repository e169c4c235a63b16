-- 另选他人 at the 党代表会议: the aggregate 赞成 votes per write-in name and vote (line_no = the line of
-- the count form). An aggregate of the count sheet only: no voter, no time.
CREATE TABLE delegate_conference_write_in (
    election_id  BIGINT      NOT NULL REFERENCES election (id),
    round_no     INTEGER     NOT NULL,
    line_no      INTEGER     NOT NULL,
    write_in     VARCHAR(20) NOT NULL,
    yes_votes    BIGINT      NOT NULL,
    CONSTRAINT pk_delegate_conference_write_in PRIMARY KEY (election_id, round_no, line_no)
);
