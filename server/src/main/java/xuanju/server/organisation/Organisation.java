package xuanju.server.organisation;

/**
 * An organisation (组织): an upper party organisation (e.g. 镇党委), a branch (党支部), a community.
 *
 * @param parentId null for a root
 * @param kind the kind code, e.g. {@code TOWN_COMMITTEE}, {@code BRANCH}
 */
public record Organisation(long id, Long parentId, String name, String kind) {}
