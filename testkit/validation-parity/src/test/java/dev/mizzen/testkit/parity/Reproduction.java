package dev.mizzen.testkit.parity;

import java.util.List;

/**
 * The smallest change from the valid base that shows a failure again: each change of the spec
 * alone first, the whole spec if no single change does.
 */
final class Reproduction {
  private Reproduction() {}

  static Comparison of(Comparison failure, ApiServerJudge judge) {
    if (failure.spec().changes().size() > 1) {
      for (Change change : failure.spec().changes()) {
        Comparison single = Comparison.of(failure.spec().with(List.of(change)), judge);
        if (single.outcome() == failure.outcome()) {
          return single;
        }
      }
    }
    return failure;
  }
}
