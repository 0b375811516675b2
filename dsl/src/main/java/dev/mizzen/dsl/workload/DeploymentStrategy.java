package dev.mizzen.dsl.workload;

import dev.mizzen.dsl.internal.Amounts;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1DeploymentStrategy;
import io.kubernetes.client.openapi.models.V1RollingUpdateDeployment;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a Deployment replaces its pods: a rolling update bounded by {@code maxSurge} and
 * {@code maxUnavailable}, or recreate (all old pods go before new ones start).
 *
 * <pre>{@code
 * DeploymentStrategy.rollingUpdate(Amount.percent(25), Amount.count(0))
 * DeploymentStrategy.recreate()
 * }</pre>
 */
@Value.Immutable
public abstract class DeploymentStrategy {

  /** The Kubernetes strategy types. */
  public enum Type {
    /** Replace pods a few at a time (Kubernetes' default). */
    ROLLING_UPDATE("RollingUpdate"),
    /** Stop every old pod, then start the new ones. */
    RECREATE("Recreate");

    private final String apiName;

    Type(String apiName) {
      this.apiName = apiName;
    }

    /** The name the API uses. */
    public String apiName() {
      return apiName;
    }
  }

  /** A rolling update: at most {@code maxSurge} extra pods, at most {@code maxUnavailable} missing ones. */
  public static DeploymentStrategy rollingUpdate(Amount maxSurge, Amount maxUnavailable) {
    return ImmutableDeploymentStrategy.builder().type(Type.ROLLING_UPDATE)
        .maxSurge(maxSurge).maxUnavailable(maxUnavailable).build();
  }

  /** Kubernetes' default: a rolling update with 25% surge and 25% unavailable. */
  public static DeploymentStrategy rollingUpdate() {
    return rollingUpdate(Amount.percent(25), Amount.percent(25));
  }

  /** Stop every old pod before starting new ones (for apps that must never run two versions). */
  public static DeploymentStrategy recreate() {
    return ImmutableDeploymentStrategy.builder().type(Type.RECREATE).build();
  }

  /** Rolling update or recreate. */
  public abstract Type type();

  /** Extra pods allowed above the desired count during a rolling update. */
  public abstract Optional<Amount> maxSurge();

  /** Pods allowed to be unavailable during a rolling update. */
  public abstract Optional<Amount> maxUnavailable();

  /**
   * Checks the API server's rules ({@code ValidateRollingUpdateDeployment}), {@code v}
   * positioned at {@code spec.strategy}: both amounts not negative, maxUnavailable at most 100%,
   * and not both zero (in any mix of counts and percentages). A recreate strategy has nothing to
   * check: it never renders a {@code rollingUpdate}.
   */
  void validate(Validation v) {
    if (type() != Type.ROLLING_UPDATE) {
      return;
    }
    Validation rolling = v.field("rollingUpdate");
    maxSurge().ifPresent(a -> Amounts.validate(rolling.field("maxSurge"), a));
    maxUnavailable().ifPresent(a -> {
      Amounts.validate(rolling.field("maxUnavailable"), a);
      Amounts.validateAtMost100Percent(rolling.field("maxUnavailable"), a);
    });
    boolean surgeZero = maxSurge().map(Amount::isZero).orElse(false);
    boolean unavailableZero = maxUnavailable().map(Amount::isZero).orElse(false);
    rolling.field("maxUnavailable").check(!(surgeZero && unavailableZero),
        "may not be 0 when maxSurge is 0: the rollout could never make progress");
  }

  /** The client-java strategy. */
  public V1DeploymentStrategy toV1() {
    V1DeploymentStrategy strategy = new V1DeploymentStrategy().type(type().apiName());
    if (type() == Type.ROLLING_UPDATE && (maxSurge().isPresent() || maxUnavailable().isPresent())) {
      V1RollingUpdateDeployment rolling = new V1RollingUpdateDeployment();
      maxSurge().ifPresent(a -> rolling.setMaxSurge(a.toIntOrString()));
      maxUnavailable().ifPresent(a -> rolling.setMaxUnavailable(a.toIntOrString()));
      strategy.setRollingUpdate(rolling);
    }
    return strategy;
  }
}
