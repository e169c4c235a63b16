package xuanju.server.election;

import xuanju.server.election.kind.ElectionKindConfig;
import xuanju.server.election.kind.PartyBranchKind;
import xuanju.server.election.kind.PartyCongressDelegatesKind;
import xuanju.server.election.kind.ResidentsCommitteeKind;
import xuanju.server.election.kind.TownPeoplesCongressKind;
import xuanju.server.election.kind.VillageCommitteeKind;

/**
 * The kind of election (选举类型). Everything that differs between kinds — electorate, contests,
 * stages, approval chain, documents, wording, plan checks — is in its {@link #config()
 * configuration} (package {@code election.kind}); services ask the configuration and never compare
 * kinds.
 */
public enum ElectionKind {
  /** 党支部委员会换届选举 */
  PARTY_BRANCH,
  /** 社区居民委员会选举 */
  RESIDENTS_COMMITTEE,
  /** 村民委员会选举 */
  VILLAGE_COMMITTEE,
  /** 乡镇人大代表选举 */
  TOWN_PEOPLES_CONGRESS,
  /** 出席上级党代会代表选举 (seed 003; package delegates) */
  PARTY_CONGRESS_DELEGATES;

  /** The kind's configuration (选举类型配置). */
  public ElectionKindConfig config() {
    return switch (this) {
      case PARTY_BRANCH -> PartyBranchKind.CONFIG;
      case RESIDENTS_COMMITTEE -> ResidentsCommitteeKind.CONFIG;
      case VILLAGE_COMMITTEE -> VillageCommitteeKind.CONFIG;
      case TOWN_PEOPLES_CONGRESS -> TownPeoplesCongressKind.CONFIG;
      case PARTY_CONGRESS_DELEGATES -> PartyCongressDelegatesKind.CONFIG;
    };
  }

  public String labelZh() {
    return config().labelZh();
  }

  public String defaultProfile() {
    return config().defaultProfile();
  }

  public String timelineTemplate() {
    return config().timelineTemplate();
  }
}
