-- 计票汇总表的双人核对: a box's aggregate tally sheet counts only once a second person, not the one who
-- entered it, has entered the same numbers (confirmed_by). Sheets entered before this version were
-- entered by one person: they stay as they were counted (confirmed by the one who entered them).
ALTER TABLE aggregate_count ADD COLUMN confirmed_by VARCHAR(64);
UPDATE aggregate_count SET confirmed_by = entered_by;
