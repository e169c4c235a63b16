-- Sign-in throttling per client (按设备限制登录尝试, security.LoginThrottle). One row per (client address,
-- account) and one per client address for all accounts (account_key '*'). The account is kept only as an
-- HMAC of the user name typed (key file keys/login-throttle.key), so names mistyped into the user-name field
-- are not stored. Rows whose last attempt is older than a day are deleted. Runs on H2 and PostgreSQL.
CREATE TABLE login_throttle (
    client        VARCHAR(64) NOT NULL,
    account_key   VARCHAR(64) NOT NULL,
    failures      INTEGER     NOT NULL DEFAULT 0,
    blocks        INTEGER     NOT NULL DEFAULT 0,
    last_attempt  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_login_throttle PRIMARY KEY (client, account_key)
);
CREATE INDEX ix_login_throttle_last ON login_throttle (last_attempt);
CREATE INDEX ix_login_throttle_account ON login_throttle (account_key);
