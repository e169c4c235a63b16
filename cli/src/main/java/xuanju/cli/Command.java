package xuanju.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the command line (命令). */
interface Command {
  /** The name typed after {@code ./xuanju}, e.g. {@code tally}. */
  String name();

  /** One line of Chinese help for {@code ./xuanju help}. */
  String summaryZh();

  /** Full usage text for {@code ./xuanju help NAME}. */
  String usage();

  /**
   * Runs the command.
   *
   * @return the exit status: 0 done, 2 bad input (after printing one clear error to {@code err})
   * @throws CliException for bad input; {@link Main} prints it and exits with status 2
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
