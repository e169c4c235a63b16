package xuanju.core.margin;

/** The post the candidates stand for (职位类别). */
public enum Post {
  /** 委员（党组织委员会委员、村（居）委会成员）或人大代表. */
  MEMBERS,
  /** 党代表大会代表. */
  DELEGATES,
  /** 常委（党的地方委员会常委；人大常委会委员）. */
  STANDING,
  /** 书记、副书记. */
  OFFICERS,
  /** 由人大选举的正职（人大常委会主任、县长、法院院长等，组织法 第二十七条）. */
  CHIEF,
  /** 由人大选举的副职（副县长等，组织法 第二十七条）. */
  DEPUTY_CHIEF
}
