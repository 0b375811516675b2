package dev.mizzen.strategies.apply;

/**
 * A field the applied object sets that another field manager owns, as the API server reports it
 * in a server-side apply conflict.
 *
 * @param field the field path in the server's notation, e.g. {@code .spec.replicas}
 * @param manager the field manager that owns it, e.g. {@code kube-controller-manager}
 */
public record FieldConflict(String field, String manager) {

  @Override
  public String toString() {
    return field + " (owned by " + manager + ")";
  }
}
