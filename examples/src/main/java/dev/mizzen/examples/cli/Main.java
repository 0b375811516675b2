package dev.mizzen.examples.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The {@code mizzen} command line: {@code java -jar mizzen.jar <command> [args]}. */
public final class Main {
  private static final List<Command> COMMANDS = List.of(new DemoCommand(), new RenderCommand(), new LintCommand(),
      new ExplainCommand(), new ApplyCommand(false), new ApplyCommand(true), new RolloutCommand());

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs one command; returns its exit code. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      usage(args.isEmpty() ? err : out);
      return args.isEmpty() ? 2 : 0;
    }
    for (Command command : COMMANDS) {
      if (command.name().equals(args.get(0))) {
        try {
          return command.run(args.subList(1, args.size()), out, err);
        } catch (UsageException e) {
          err.println("mizzen: " + e.getMessage());
          usage(err);
          return 2;
        } catch (BadInputException e) {
          err.println("mizzen " + command.name() + ": " + e.getMessage());
          return 2;
        } catch (Exception e) {
          err.println("mizzen " + command.name() + ": " + e.getMessage());
          return 1;
        }
      }
    }
    err.println("mizzen: unknown command '" + args.get(0) + "'");
    usage(err);
    return 2;
  }

  private static void usage(PrintStream out) {
    out.println("usage: java -jar mizzen.jar <command> [args]");
    out.println("commands:");
    for (Command command : COMMANDS) {
      out.println("  " + command.summary());
    }
  }
}
