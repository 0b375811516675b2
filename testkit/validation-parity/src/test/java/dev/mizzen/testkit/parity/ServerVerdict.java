package dev.mizzen.testkit.parity;

/**
 * The API server's verdict on a create with {@code dryRun=All}.
 *
 * @param code the HTTP status: 201 accepted; 400 (undecodable) and 422 (invalid) refused; anything
 *     else is a failure of the run, not a verdict
 */
record ServerVerdict(int code, String message) {

  boolean accepted() {
    return code == 200 || code == 201;
  }

  boolean refused() {
    return (code == 400 || code == 422) && !message.contains("unknown field");
  }

  /** Neither: the object could not be judged (an unknown field means a mistake of the catalogue). */
  boolean broken() {
    return !accepted() && !refused();
  }

  /** Accepted only when both are. */
  ServerVerdict and(ServerVerdict other) {
    if (broken() || other.accepted()) {
      return this;
    }
    return accepted() ? other : this;
  }
}
