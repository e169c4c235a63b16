-- Issue 9, districts and seats (xuanju.server.district): what V12 leaves open. Runs unchanged on H2
-- (PostgreSQL mode) and PostgreSQL.

-- 代表名额: where the population came from (register count or a figure typed in, with why), the
-- document of the provincial decision giving a 民族乡 the extra 5 %, and the deviation share above
-- which a district is warned about (core Apportionment.DEFAULT_LIMIT, a local-plan setting: a/b).
ALTER TABLE seat_total ADD COLUMN population_note VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE seat_total ADD COLUMN extra_document VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE seat_total ADD COLUMN deviation_limit VARCHAR(20) NOT NULL DEFAULT '1/5';

-- 选区人口: computed from the person register unless the committee typed it in because the register
-- is incomplete (population_override, with population_note saying why).
ALTER TABLE district ADD COLUMN population_override BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE district ADD COLUMN population_note VARCHAR(200) NOT NULL DEFAULT '';

-- 省级变体 chosen for one election (core profile.ProvincialVariant id); NULL = the installation's.
ALTER TABLE election ADD COLUMN provincial_variant VARCHAR(40);
