-- Where a voter took the ballot (the central station or a mobile box), so each box's ballots issued can be
-- compared with its check-ins; empty when the desk did not say.
ALTER TABLE community_check_in ADD COLUMN station_id BIGINT REFERENCES polling_station (id);
