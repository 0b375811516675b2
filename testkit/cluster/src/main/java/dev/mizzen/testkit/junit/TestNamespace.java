package dev.mizzen.testkit.junit;

/** The namespace a {@link ClusterTest} runs in: created before, deleted after. */
public record TestNamespace(String name) {
  @Override
  public String toString() {
    return name;
  }
}
