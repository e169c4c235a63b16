package xuanju.server.roster;

import xuanju.core.roster.RosterRule;

/** A problem with the import file as a whole (文件级错误): wrong type, too large, bad header. */
class RosterFileException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient RosterRule rule;

  RosterFileException(RosterRule rule, String messageZh) {
    super(messageZh);
    this.rule = rule;
  }

  RosterRule rule() {
    return rule;
  }
}
