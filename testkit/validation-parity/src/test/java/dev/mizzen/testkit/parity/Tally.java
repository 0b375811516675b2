package dev.mizzen.testkit.parity;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts of outcomes, overall and per kind, and per stricter rule for the documented stricter ones. */
final class Tally {
  private final Map<Outcome, Integer> total = new EnumMap<>(Outcome.class);
  private final Map<Kind, Map<Outcome, Integer>> perKind = new EnumMap<>(Kind.class);
  private final Map<String, Integer> perStricterRule = new TreeMap<>();

  synchronized void add(Comparison c) {
    total.merge(c.outcome(), 1, Integer::sum);
    perKind.computeIfAbsent(c.spec().kind(), k -> new EnumMap<>(Outcome.class)).merge(c.outcome(), 1, Integer::sum);
    if (c.outcome() == Outcome.DOCUMENTED_STRICTER) {
      c.spec().stricterRules().forEach(rule -> perStricterRule.merge(rule.name(), 1, Integer::sum));
    }
  }

  synchronized int count(Outcome outcome) {
    return total.getOrDefault(outcome, 0);
  }

  synchronized int specs() {
    return total.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** A table of the counts: one row per kind, then the total. */
  synchronized String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-26s %8s %8s %8s %8s %8s %6s%n", "kind", "agreeAcc", "agreeRej", "falseAcc",
        "falseRej", "stricter", "error"));
    perKind.forEach((kind, counts) -> out.append(row(kind.name(), counts)));
    out.append(row("TOTAL", total));
    out.append("documented stricter by rule: ").append(perStricterRule).append('\n');
    return out.toString();
  }

  private static String row(String name, Map<Outcome, Integer> counts) {
    return String.format("%-26s %8d %8d %8d %8d %8d %6d%n", name, counts.getOrDefault(Outcome.AGREE_ACCEPT, 0),
        counts.getOrDefault(Outcome.AGREE_REJECT, 0), counts.getOrDefault(Outcome.FALSE_ACCEPT, 0),
        counts.getOrDefault(Outcome.FALSE_REJECT, 0), counts.getOrDefault(Outcome.DOCUMENTED_STRICTER, 0),
        counts.getOrDefault(Outcome.ERROR, 0));
  }
}
