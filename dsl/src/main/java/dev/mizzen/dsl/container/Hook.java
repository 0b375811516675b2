package dev.mizzen.dsl.container;

import dev.mizzen.dsl.probe.Exec;
import dev.mizzen.dsl.probe.HttpGet;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1LifecycleHandler;
import io.kubernetes.client.openapi.models.V1SleepAction;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
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

  /**
   * Checks the action; {@code v} is positioned at the hook ({@code lifecycle.preStop}),
   * {@code portNames} are the container's named ports and {@code terminationGracePeriod} the
   * pod's, which a sleep must not exceed.
   */
  public void validate(Validation v, Set<String> portNames, Duration terminationGracePeriod) {
    execAction().ifPresent(e -> e.validate(v.field("exec")));
    httpGetAction().ifPresent(h -> h.validate(v.field("httpGet"), portNames));
    sleepDuration().ifPresent(d -> {
      Validation field = v.field("sleep");
      if (Seconds.check(field, d, 0, Seconds.INT64) && terminationGracePeriod.getNano() == 0) {
        field.check(d.compareTo(terminationGracePeriod) <= 0,
            "must be at most the pod's termination grace period (%s), was %s",
            Seconds.format(terminationGracePeriod), Seconds.format(d));
      }
    });
  }
}
