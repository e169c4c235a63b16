package xuanju.server.security;

import java.time.Instant;

/**
 * A user of the system (系统用户).
 *
 * @param lockedUntil set after too many failed logins (登录失败锁定); null when not locked
 */
public record UserAccount(
    long id,
    String username,
    String displayName,
    String passwordHash,
    boolean admin,
    boolean enabled,
    boolean mustChangePassword,
    int failedLogins,
    Instant lockedUntil,
    int version) {}
