package dev.mizzen.dsl.identity;

/** The verbs RBAC rules grant; other verbs may be given as strings. */
public enum Verb {
  GET("get"),
  LIST("list"),
  WATCH("watch"),
  CREATE("create"),
  UPDATE("update"),
  PATCH("patch"),
  DELETE("delete"),
  DELETE_COLLECTION("deletecollection"),
  /** Binding a role (creating RoleBindings to it) without holding its permissions. */
  BIND("bind"),
  /** Creating or updating roles with permissions the user does not hold. */
  ESCALATE("escalate"),
  /** Acting as another user, group or ServiceAccount. */
  IMPERSONATE("impersonate"),
  /** Every verb. */
  ALL("*");

  private final String value;

  Verb(String value) {
    this.value = value;
  }

  /** The verb as RBAC writes it ({@code get}, {@code deletecollection}, {@code *}). */
  public String value() {
    return value;
  }

  /** {@code get}, {@code list} and {@code watch}: reading. */
  public static Verb[] read() {
    return new Verb[] {GET, LIST, WATCH};
  }
}
