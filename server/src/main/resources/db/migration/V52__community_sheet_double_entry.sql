-- The community tally sheets are entered twice, by two clerks (entry_no 1 and 2), as the congress's are
-- (tally_sheet_entry); a sheet counts once the two entries agree (RESIDENTS.COUNT.DOUBLE_ENTRY). Existing rows
-- are first entries. Still no time column: the audit log dates each entry (BallotSecrecyTest).
ALTER TABLE community_post_sheet ADD COLUMN entry_no INTEGER NOT NULL DEFAULT 1;
ALTER TABLE community_post_sheet DROP CONSTRAINT pk_community_post_sheet;
ALTER TABLE community_post_sheet ADD CONSTRAINT pk_community_post_sheet PRIMARY KEY (vote_id, station_id, post, entry_no);
