package dev.mizzen.examples.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the {@code mizzen} command line. */
interface Command {

  /** The word that selects it: {@code render}. */
  String name();

  /** One line for the usage text. */
  String summary();

  /**
   * Runs with the arguments after the command's name.
   *
   * @return the process exit code: 0 success, 1 findings or failure, 2 bad usage or input
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

  /** The value of option {@code flag}, at {@code index} of {@code args}; a usage error when it is missing. */
  static String argument(List<String> args, int index, String flag) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException(flag + " needs a value");
    }
    return args.get(index);
  }
}
