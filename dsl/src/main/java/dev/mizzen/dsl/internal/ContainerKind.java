package dev.mizzen.dsl.internal;

/** Where a container sits in its pod; the API server's rules differ between them. */
public enum ContainerKind {
  /** An app container ({@code spec.containers}). */
  APP("containers"),
  /** An init container that runs to completion before the app containers start. */
  INIT("initContainers"),
  /** A native sidecar: an init container with {@code restartPolicy: Always} that keeps running. */
  SIDECAR("initContainers");

  private final String field;

  ContainerKind(String field) {
    this.field = field;
  }

  /** The pod spec list it lives in: {@code containers} or {@code initContainers}. */
  public String field() {
    return field;
  }
}
