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
    int code = run(Arrays.asList(args), System.out, System.err);
    System.out.flush();
    System.err.flush();
    // Not System.exit: since JDK 21 it logs the exit through System.Logger, whose first use looks
    // for a LoggerFinder on the class path and so reads the directory of the jar's 30,000 entries,
    // which nothing else in a command run from the AOT cache or CDS archive opens: about a tenth
    // of a cold render's CPU (docs/benchmarks.md). Neither Mizzen nor its libraries register
    // shutdown hooks for these commands, so there is nothing for halt to skip.
    Runtime.getRuntime().halt(code);
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
