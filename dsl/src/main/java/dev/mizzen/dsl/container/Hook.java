package dev.mizzen.dsl.container;

import dev.mizzen.dsl.probe.Exec;
import dev.mizzen.dsl.probe.HttpGet;
import io.kubernetes.client.openapi.models.V1LifecycleHandler;
import io.kubernetes.client.openapi.models.V1SleepAction;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A lifecycle hook (postStart or preStop): exactly one action, by construction.
 *
 * <pre>{@code
 * Hook.sleep(Duration.ofSeconds(5))         // let endpoints catch up before SIGTERM
 * Hook.exec("nginx", "-s", "quit")
 * Hook.httpGet("/shutdown", "http")
 * }</pre>
 */
@Value.Immutable(builder = false)
public abstract class Hook {

  /** The command to run, for exec hooks. */
  @Value.Parameter
  public abstract Optional<Exec> execAction();

  /** The request to send, for HTTP hooks. */
  @Value.Parameter
  public abstract Optional<HttpGet> httpGetAction();

  /** How long to pause, for sleep hooks. */
  @Value.Parameter
  public abstract Optional<Duration> sleepDuration();

  /** Runs {@code command} in the container. */
  public static Hook exec(String... command) {
    return ImmutableHook.of(Optional.of(Exec.of(command)), Optional.empty(), Optional.empty());
  }

  /** GETs {@code path} on the container port named {@code portName}. */
  public static Hook httpGet(String path, String portName) {
    return httpGet(HttpGet.of(path, portName));
  }

  /** GETs {@code path} on port {@code port}. */
  public static Hook httpGet(String path, int port) {
    return httpGet(HttpGet.of(path, port));
  }

  /** Sends {@code action}'s request. */
  public static Hook httpGet(HttpGet.Builder action) {
    return ImmutableHook.of(Optional.empty(), Optional.of(action.build()), Optional.empty());
  }

  /** Pauses for {@code duration} (whole seconds, within the pod's termination grace period). */
  public static Hook sleep(Duration duration) {
    return ImmutableHook.of(Optional.empty(), Optional.empty(), Optional.of(duration));
  }

  /** The client-java model. A fresh object each call. */
  public V1LifecycleHandler toV1LifecycleHandler() {
    V1LifecycleHandler rendered = new V1LifecycleHandler();
    execAction().ifPresent(e -> rendered.setExec(e.toV1ExecAction()));
    httpGetAction().ifPresent(h -> rendered.setHttpGet(h.toV1HTTPGetAction()));
    sleepDuration().ifPresent(d -> rendered.setSleep(new V1SleepAction().seconds(d.getSeconds())));
    return rendered;
  }
}
