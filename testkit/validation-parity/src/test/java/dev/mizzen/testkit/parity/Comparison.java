package dev.mizzen.testkit.parity;

/** One spec judged by the DSL and by the API server, and how their verdicts compare. */
record Comparison(Spec spec, DslVerdict dsl, ServerVerdict server, Outcome outcome) {

  /** Judges {@code spec} both ways. */
  static Comparison of(Spec spec, ApiServerJudge judge) {
    DslVerdict dsl;
    try {
      dsl = spec.dslVerdict();
    } catch (RuntimeException generatorBug) {
      return new Comparison(spec, new DslVerdict(java.util.Optional.empty(), String.valueOf(generatorBug)),
          new ServerVerdict(0, "not sent"), Outcome.ERROR);
    }
    ServerVerdict server = judge.judge(spec, dsl);
    return new Comparison(spec, dsl, server, classify(spec, dsl, server));
  }

  static Outcome classify(Spec spec, DslVerdict dsl, ServerVerdict server) {
    if (server.broken()) {
      return Outcome.ERROR;
    }
    if (dsl.accepted()) {
      return server.accepted() ? Outcome.AGREE_ACCEPT : Outcome.FALSE_ACCEPT;
    }
    if (server.refused()) {
      return Outcome.AGREE_REJECT;
    }
    // The DSL refuses what the server accepts: documented only if the changes marked stricter
    // are the whole reason, that is, the DSL accepts the spec without them.
    boolean markedStricter = !spec.stricterRules().isEmpty()
        && spec.with(spec.lenientChanges()).dslVerdict().accepted();
    return markedStricter ? Outcome.DOCUMENTED_STRICTER : Outcome.FALSE_REJECT;
  }

  /** What a failure report says about this comparison. */
  String describe() {
    return outcome + " " + spec + "\n    DSL: " + (dsl.accepted() ? "accepted" : firstLine(dsl.message()))
        + "\n    API server: " + (server.accepted() ? "accepted" : server.code() + " " + abbreviate(server.message()));
  }

  private static String firstLine(String message) {
    String[] lines = message.split("\n");
    return abbreviate(lines.length > 1 ? lines[0] + " " + lines[1].strip() : lines[0]);
  }

  private static String abbreviate(String s) {
    return s.length() <= 400 ? s : s.substring(0, 400) + "...";
  }
}
