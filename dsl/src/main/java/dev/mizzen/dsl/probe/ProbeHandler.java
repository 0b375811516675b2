package dev.mizzen.dsl.probe;

import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.Set;

/** What a probe runs: exactly one of {@link HttpGet}, {@link TcpSocket}, {@link Exec} or {@link Grpc}. */
public sealed interface ProbeHandler permits HttpGet, TcpSocket, Exec, Grpc {

  /** Sets this handler's field ({@code httpGet}, {@code tcpSocket}, {@code exec} or {@code grpc}) on {@code probe}. */
  void applyTo(V1Probe probe);

  /**
   * Checks the handler; {@code atProbe} is positioned at the probe, and the handler adds its own
   * field ({@code httpGet.port}). {@code portNames} are the container's named ports.
   */
  void validateIn(Validation atProbe, Set<String> portNames);
}
