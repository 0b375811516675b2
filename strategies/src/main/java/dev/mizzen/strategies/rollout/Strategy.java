package dev.mizzen.strategies.rollout;

/**
 * How a new revision of a Deployment reaches all its replicas: {@link #asDeclared()} (the
 * Deployment's own RollingUpdate or Recreate, followed to completion), a {@link Canary} or a
 * {@link BlueGreen}.
 * None changes the strategy type the user declared.
 */
public sealed interface Strategy permits Strategy.AsDeclared, Canary, BlueGreen {

  /** The Deployment's own strategy, applied as is and followed like {@code kubectl rollout status}. */
  static AsDeclared asDeclared() {
    return new AsDeclared();
  }

  /** The Deployment controller rolls the revision its own way; the rollout waits for it. */
  record AsDeclared() implements Strategy {}
}
