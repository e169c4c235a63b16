package xuanju.core.ballot;

/** What a write-in name without a mark means (另选他人未划符号的处理). */
public enum WriteInWithoutMark {
  /** 整张选票无效. */
  VOID_BALLOT,
  /** 该另选无效，选票其余部分有效. */
  VOID_ENTRY,
  /** 视为赞成. */
  COUNTS_AS_YES
}
