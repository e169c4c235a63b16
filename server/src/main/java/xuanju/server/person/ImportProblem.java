package xuanju.server.person;

/**
 * The problems of a person-register import that are not row checks of {@code core} (导入问题代码). The
 * codes appear in the JSON report only; pages show the Chinese message.
 */
public enum ImportProblem {
  FILE_TYPE("PERSON.IMPORT.FILE_TYPE"),
  TOO_LARGE("PERSON.IMPORT.TOO_LARGE"),
  TOO_MANY_ROWS("PERSON.IMPORT.TOO_MANY_ROWS"),
  HEADER("PERSON.IMPORT.HEADER"),
  EMPTY("PERSON.IMPORT.EMPTY"),
  DUPLICATE_IN_FILE("PERSON.IMPORT.DUPLICATE_IN_FILE"),
  OTHER_ORGANISATION("PERSON.IMPORT.OTHER_ORGANISATION"),
  TOO_LONG("PERSON.IMPORT.TOO_LONG");

  private final String code;

  ImportProblem(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
