package dev.mizzen.testkit.parity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded specs: spec {@code i} of seed {@code s} is always the same, whatever ran before it. Each
 * is a base object with one to three changes from the {@link Catalogue}, at most one per slot;
 * most specs have one change, so that a disagreement is usually its own one-change reproduction.
 */
final class SpecGenerator {
  /** Kinds by weight: the workloads carry most rules (their pod templates). */
  private static final List<Kind> WEIGHTED = weighted();

  private final long seed;
  private final List<ChangeSource> catalogue;

  SpecGenerator(long seed, List<ChangeSource> catalogue) {
    this.seed = seed;
    this.catalogue = List.copyOf(catalogue);
  }

  Spec spec(int index) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
    Kind kind = WEIGHTED.get(random.nextInt(WEIGHTED.size()));
    List<ChangeSource> applicable = catalogue.stream().filter(s -> s.appliesTo(kind)).toList();
    int roll = random.nextInt(100);
    int wanted = roll < 55 ? 1 : roll < 85 ? 2 : 3;
    List<Change> changes = new ArrayList<>();
    Set<String> slots = new HashSet<>();
    for (int attempt = 0; changes.size() < wanted && attempt < 20; attempt++) {
      ChangeSource source = applicable.get(random.nextInt(applicable.size()));
      if (slots.add(source.slot())) {
        changes.add(source.draw(random));
      }
    }
    return new Spec(seed, index, kind, List.copyOf(changes));
  }

  private static List<Kind> weighted() {
    List<Kind> kinds = new ArrayList<>();
    add(kinds, Kind.DEPLOYMENT, 5);
    add(kinds, Kind.STATEFUL_SET, 4);
    add(kinds, Kind.DAEMON_SET, 2);
    add(kinds, Kind.JOB, 3);
    add(kinds, Kind.CRON_JOB, 3);
    add(kinds, Kind.SERVICE, 2);
    add(kinds, Kind.CONFIG_MAP, 1);
    add(kinds, Kind.SECRET, 1);
    add(kinds, Kind.POD_DISRUPTION_BUDGET, 1);
    add(kinds, Kind.NETWORK_POLICY, 1);
    add(kinds, Kind.INGRESS, 1);
    add(kinds, Kind.HORIZONTAL_POD_AUTOSCALER, 1);
    return List.copyOf(kinds);
  }

  private static void add(List<Kind> kinds, Kind kind, int weight) {
    for (int i = 0; i < weight; i++) {
      kinds.add(kind);
    }
  }
}
