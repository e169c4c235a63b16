-- Keyed audit chain (审计链密钥) and ballots in the chain (docs/security.md §4).
-- audit_event.key_id: NULL for the events written before the key was introduced (plain SHA-256, verified as
-- before); otherwise the id of the key (first 16 hex of a hash of the key) whose HMAC-SHA256 is the event's
-- hash. The key itself is a file outside the database (keys/audit-chain.key).
ALTER TABLE audit_event ADD COLUMN key_id VARCHAR(16);
ALTER TABLE audit_head ADD COLUMN last_key_id VARCHAR(16);
-- The running HMAC of an entry's records in position order (录入记录校验值), keyed with the audit key: a record
-- edited, deleted or inserted behind the application's back no longer matches. Holds no voter, no time and
-- no client id.
ALTER TABLE ballot_entry ADD COLUMN records_mac VARCHAR(64);
