package xuanju.server.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * A role a user holds on an organisation and its subtree (角色). System administrators hold every
 * permission everywhere.
 */
public enum Role {
  /** 上级组织审批人员: approves requests, candidates and results of the organisations below. */
  UPPER_OFFICER("上级组织审批人员", EnumSet.of(Permission.VIEW, Permission.APPROVE)),
  /** 选举工作管理员: runs an organisation's election (roster, plan, nomination, election day). */
  ELECTION_ADMIN("选举工作管理员", EnumSet.of(Permission.VIEW, Permission.MANAGE, Permission.COUNT)),
  /** 计票人: enters ballots. */
  CLERK("计票人", EnumSet.of(Permission.VIEW, Permission.COUNT)),
  /** 监票人: supervises counting and settles differences. */
  SCRUTINEER("监票人", EnumSet.of(Permission.VIEW, Permission.COUNT, Permission.SCRUTINISE)),
  /** 只读观察员: sees, changes nothing. */
  OBSERVER("只读观察员", EnumSet.of(Permission.VIEW));

  private final String labelZh;
  private final Set<Permission> permissions;

  Role(String labelZh, Set<Permission> permissions) {
    this.labelZh = labelZh;
    this.permissions = permissions;
  }

  public String labelZh() {
    return labelZh;
  }

  public boolean allows(Permission p) {
    return permissions.contains(p);
  }
}
