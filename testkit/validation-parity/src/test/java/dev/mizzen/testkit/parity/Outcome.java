package dev.mizzen.testkit.parity;

/** How the DSL's verdict on a spec compares with the API server's. */
enum Outcome {
  AGREE_ACCEPT,
  AGREE_REJECT,
  /** The DSL accepts what the API server refuses: always a failure. */
  FALSE_ACCEPT,
  /** The DSL refuses what the API server accepts, by no rule docs/validation.md marks as stricter: a failure. */
  FALSE_REJECT,
  /** The DSL refuses what the API server accepts, by a rule docs/validation.md marks as stricter, with its reason. */
  DOCUMENTED_STRICTER,
  /** The server could not judge the object (or the generator failed): a failure of the run. */
  ERROR;

  boolean isFailure() {
    return this == FALSE_ACCEPT || this == FALSE_REJECT || this == ERROR;
  }
}
