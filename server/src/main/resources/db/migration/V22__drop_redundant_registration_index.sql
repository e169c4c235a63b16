-- 选民登记: ix_voter_registration_person (person_id) is the prefix of
-- ix_voter_registration_person_election (person_id, election_id, status, V16): one index less to
-- maintain for every registration written (a registration run writes up to a million).
DROP INDEX ix_voter_registration_person;
