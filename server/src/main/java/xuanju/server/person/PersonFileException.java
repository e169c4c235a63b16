package xuanju.server.person;

/** A problem with an import file as a whole (文件级错误): type, size, header, no rows. */
class PersonFileException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient ImportProblem problem;

  PersonFileException(ImportProblem problem, String messageZh) {
    super(messageZh);
    this.problem = problem;
  }

  ImportProblem problem() {
    return problem;
  }
}
