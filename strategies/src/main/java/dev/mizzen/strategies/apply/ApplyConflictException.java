package dev.mizzen.strategies.apply;

import java.util.List;

/**
 * Server-side apply refused an object because some of its fields are owned by other field
 * managers (HTTP 409). Nothing was changed. Either leave those fields out of the object, so
 * their owners keep them (an HPA's replicas, say), or apply with
 * {@link ServerSideApply#force(boolean) force(true)} to take them over.
 */
public final class ApplyConflictException extends ApplyException {
  private static final long serialVersionUID = 1L;

  private final List<FieldConflict> conflicts;

  ApplyConflictException(String object, List<FieldConflict> conflicts, String serverMessage) {
    super(object, 409, describe(conflicts, serverMessage));
    this.conflicts = List.copyOf(conflicts);
  }

  /** Each conflicting field with its owner, in the server's order. */
  public List<FieldConflict> conflicts() {
    return conflicts;
  }

  private static String describe(List<FieldConflict> conflicts, String serverMessage) {
    StringBuilder message = new StringBuilder();
    if (conflicts.isEmpty()) {
      message.append(serverMessage);
    } else {
      message.append(conflicts.size() == 1 ? "1 field is" : conflicts.size() + " fields are")
          .append(" owned by another field manager: ");
      for (int i = 0; i < conflicts.size(); i++) {
        message.append(i == 0 ? "" : ", ").append(conflicts.get(i));
      }
    }
    return message.append(". Nothing was changed. Leave these fields out of the object so their owner keeps"
        + " them, or apply with force(true) to take them over (kubectl apply --server-side --force-conflicts)")
        .toString();
  }
}
