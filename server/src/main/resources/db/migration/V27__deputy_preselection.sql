-- 预选 (issue 10): the votes each standing nominee of a district received in the preliminary vote that
-- settled the formal candidate list (NULL: no preliminary vote). Runs unchanged on H2 and PostgreSQL.
ALTER TABLE deputy_nomination ADD COLUMN preselection_votes INTEGER;
