package dev.mizzen.strategies.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.StatefulSet;
import org.junit.jupiter.api.Test;

class RolloutTest {
  private static final App SHOP = App.named("shop").namespace("shop").add(
      Deployment.named("web").pod(pod()).track("stateless").build(),
      StatefulSet.named("db").pod(pod()).build(),
      DaemonSet.named("agent").pod(pod()).build(),
      StatefulSet.named("web").pod(pod()).track("stateful").build()).build();

  @Test
  void anAppsWorkloadIsFoundByNameWhateverItsKind() {
    assertThat(Rollout.of(SHOP, "db").ref()).isEqualTo("StatefulSet/shop/db");
    assertThat(Rollout.of(SHOP, "agent").ref()).isEqualTo("DaemonSet/shop/agent");
  }

  @Test
  void twoWorkloadsOfOneNameAreAmbiguous() {
    assertThatIllegalArgumentException().isThrownBy(() -> Rollout.of(SHOP, "web"))
        .withMessage("App/shop has 2 workloads named \"web\" ([Deployment, StatefulSet]); roll one out with"
            + " Rollout.of(the rendered object)");
  }

  @Test
  void aMissingWorkloadIsNamedWithThoseThatExist() {
    assertThatIllegalArgumentException().isThrownBy(() -> Rollout.of(SHOP, "api"))
        .withMessage("App/shop has no Deployment, StatefulSet or DaemonSet named \"api\"; it has [Deployment/web,"
            + " StatefulSet/db, DaemonSet/agent, StatefulSet/web]");
  }

  @Test
  void aCanaryIsForDeploymentsOnlyAndTheMessageSaysWhatToDoInstead() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rollout.of(SHOP, "db").strategy(Canary.steps(CanaryStep.setWeight(50))))
        .withMessage("StatefulSet/shop/db: a Canary is for Deployments; a StatefulSet rolls out with its own strategy"
            + " (Strategy.asDeclared(); stage it with spec.updateStrategy.rollingUpdate.partition)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rollout.of(SHOP, "agent").strategy(BlueGreen.switching("web")))
        .withMessageStartingWith("DaemonSet/shop/agent: a BlueGreen is for Deployments;");
  }

  private static PodTemplate.Builder pod() {
    return PodTemplate.container(Container.named("main").image("ghcr.io/acme/app:1"));
  }
}
