package dev.mizzen.examples.cli;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.testkit.lint.Lint;
import dev.mizzen.testkit.lint.LintFinding;
import dev.mizzen.testkit.lint.LintReport;
import dev.mizzen.testkit.policy.Policies;
import dev.mizzen.testkit.policy.Policy;
import dev.mizzen.testkit.policy.Severity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lint [--policy baseline|restricted|recommended|all]... [--format text|json] [--verbose] FILE...}:
 * the strict schema check and policy checks of manifest files; {@code --verbose} also shows the
 * exempted findings, in their place, with the reason. Exit 0 without error-level findings in
 * force, 1 with some, 2 when an input cannot be read.
 */
final class LintCommand implements Command {

  @Override
  public String name() {
    return "lint";
  }

  @Override
  public String summary() {
    return "lint [--policy baseline|restricted|recommended|all]... [--format text|json] [--verbose] FILE...\n"
        + "      check manifests: schema (schema/*) and policies (default: all = restricted + recommended);\n"
        + "      --verbose also shows exempted findings (opt-outs, exemptions) with their reasons;\n"
        + "      exit 0 clean, 1 error-level findings, 2 unreadable input";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    List<String> policies = new ArrayList<>();
    String format = "text";
    boolean verbose = false;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--policy", "-p" -> policies.add(Command.argument(args, ++i, arg));
        case "--format", "-f" -> format = Command.argument(args, ++i, arg);
        case "--verbose", "-v" -> verbose = true;
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            throw new UsageException("unknown option for lint: " + arg);
          }
          files.add(Path.of(arg));
        }
      }
    }
    if (files.isEmpty()) {
      throw new UsageException("lint needs at least one FILE");
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was " + format);
    }
    Policy policy = null;
    for (String name : policies.isEmpty() ? List.of("all") : policies) {
      for (String part : name.split(",")) {
        Policy named;
        try {
          named = Policies.named(part.trim());
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
        policy = policy == null ? named : policy.and(named);
      }
    }

    LintReport report = Lint.with(policy).files(files);
    for (String problem : report.unreadable()) {
      err.println("mizzen lint: cannot read " + problem);
    }
    List<LintFinding> shown = verbose ? report.all() : report.findings();
    if (format.equals("json")) {
      out.print(json(shown));
    } else {
      shown.forEach(out::println);
    }
    out.flush();
    // Concatenated rather than printf: a Formatter's first use costs a cold lint about 2% of its CPU.
    err.println(report.objects() + " objects in " + files.size() + " files: "
        + report.count(Severity.ERROR) + " errors, " + report.count(Severity.WARNING) + " warnings, "
        + report.count(Severity.INFO) + " info, " + report.exempted().size() + " exempted"
        + (verbose || report.exempted().isEmpty() ? "" : " (--verbose shows them)"));
    return report.exitCode();
  }

  /**
   * A JSON array of objects with exactly the fields rule, severity, object, path, message, one
   * object per line; an exempted finding adds {@code exemption}: {@code {"annotation": ..., "reason": ...}}.
   */
  static String json(List<LintFinding> findings) {
    List<Map<String, Object>> tree = new ArrayList<>(findings.size());
    for (LintFinding finding : findings) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("rule", finding.rule());
      object.put("severity", finding.severity().label());
      object.put("object", finding.object());
      object.put("path", finding.path());
      object.put("message", finding.message());
      finding.exemption().ifPresent(e -> {
        Map<String, Object> exemption = new LinkedHashMap<>();
        exemption.put("annotation", e.annotation());
        exemption.put("reason", e.reason());
        object.put("exemption", exemption);
      });
      tree.add(object);
    }
    return Manifests.treeJson(tree, 1);
  }
}
