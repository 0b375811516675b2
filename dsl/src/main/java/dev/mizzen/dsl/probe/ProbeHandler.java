package dev.mizzen.dsl.probe;

import io.kubernetes.client.openapi.models.V1Probe;

/** What a probe runs: exactly one of {@link HttpGet}, {@link TcpSocket}, {@link Exec} or {@link Grpc}. */
public sealed interface ProbeHandler permits HttpGet, TcpSocket, Exec, Grpc {

  /** Sets this handler's field ({@code httpGet}, {@code tcpSocket}, {@code exec} or {@code grpc}) on {@code probe}. */
  void applyTo(V1Probe probe);
}
