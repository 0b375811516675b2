package dev.mizzen.dsl.probe;

import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A command run inside the container (not in a shell: use {@code sh -c} for pipes); exit
 * status 0 is success.
 */
@Value.Immutable(builder = false)
public abstract non-sealed class Exec implements ProbeHandler {

  /** The command and its arguments. */
  @Value.Parameter
  public abstract List<String> command();

  /** Runs {@code command} ({@code Exec.of("pg_isready", "-U", "postgres")}). */
  public static Exec of(String... command) {
    return ImmutableExec.of(List.of(command));
  }

  /** Runs {@code command}. */
  public static Exec of(List<String> command) {
    return ImmutableExec.of(command);
  }

  /** The client-java model. A fresh object each call. */
  public V1ExecAction toV1ExecAction() {
    return new V1ExecAction().command(command().isEmpty() ? null : new ArrayList<>(command()));
  }

  @Override
  public void applyTo(V1Probe probe) {
    probe.setExec(toV1ExecAction());
  }
}
