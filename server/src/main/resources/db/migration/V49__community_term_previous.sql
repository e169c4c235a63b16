-- The previous term's figures (上届班子情况, seed 002 三（四）, ST-03 and ST-04) recorded on a community's 换届 by the
-- organising staff, so that the 两委 summary can say whether this term's shares are higher: the 两委 team
-- (distinct persons on both committees) and how many had 大专（含大专）以上; the residents' committee and how many
-- were party members. Each pair is recorded together or not at all (NULL: not recorded); the service checks
-- 0 <= part <= whole and whole >= 1.
ALTER TABLE community_term ADD COLUMN previous_team_size INTEGER;
ALTER TABLE community_term ADD COLUMN previous_team_college INTEGER;
ALTER TABLE community_term ADD COLUMN previous_residents_size INTEGER;
ALTER TABLE community_term ADD COLUMN previous_residents_party INTEGER;
ALTER TABLE community_term ADD COLUMN previous_recorded_by VARCHAR(64);
ALTER TABLE community_term ADD COLUMN previous_recorded_at TIMESTAMP WITH TIME ZONE;
