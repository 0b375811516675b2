package dev.mizzen.dsl.app;

import static dev.mizzen.dsl.app.AppFixtures.deployment;
import static dev.mizzen.dsl.app.AppFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mizzen.dsl.config.ConfigMap;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressRule;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.validation.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** {@code App.Builder.add} of unbuilt builders: one exception for every object's problems and every reference. */
class AppOfBuildersTest {

  private static CronJob.Builder report(String schedule) {
    return CronJob.named("report").schedule(schedule)
        .pod(PodTemplate.container(Container.named("report").image("ghcr.io/acme/report:1.0.0")));
  }

  @Test
  void everyObjectsProblemsAndADanglingReferenceComeInOneException() {
    assertThat(problems(() -> App.named("shop").namespace("shop")
        .add(deployment("web", Port.http(8080)))
        .add(report("every night"))
        .add(Service.named("web").selecting("web").port(70000, "http"))
        .add(Ingress.named("web").rule(IngressRule.host("shop.example.com").prefix("/", "api", 80)))
        .build())).containsExactly(
        "CronJob/report: spec.schedule: must have 5 fields (minute hour day-of-month month day-of-week), found 2,"
            + " was 'every night'",
        "Service/web: spec.ports[0].port: must be 1..65535, was 70000",
        "Ingress/web: spec.rules[0].http.paths[0].backend.service.name: names Service 'api', which is not part of"
            + " the app in namespace 'shop'");
  }

  /** The example of docs/rendering.md ("Every problem of an App at once"). */
  @Test
  void theRenderingPagesExample() {
    Deployment web = deployment("web", Port.http(8080)).build();
    InvalidSpecException e = catchThrowableOfType(() -> App.named("shop").namespace("shop")
        .add(Namespace.named("shop").build(), ConfigMap.named("web-config").build())
        .add(Deployment.named("web").replicas(-1).pod(web.pod()),
            CronJob.named("report").schedule("every night").pod(web.pod()),
            Service.named("web").selecting("web").port(70000, "http"),
            Ingress.named("web").defaultBackend("api", 80))
        .build(), InvalidSpecException.class);

    assertThat(e).hasMessage("""
        4 problems
          Deployment/web: spec.replicas: must be >= 0, was -1
          CronJob/report: spec.schedule: must have 5 fields (minute hour day-of-month month day-of-week), found 2,\
         was 'every night'
          Service/web: spec.ports[0].port: must be 1..65535, was 70000
          Ingress/web: spec.defaultBackend.service.name: names Service 'api', which is not part of the app in\
         namespace 'shop'""");
  }

  /** The example of the README ("In 60 seconds"). */
  @Test
  void theReadmesExample() {
    assertThat(problems(() -> App.named("shop").namespace("shop")
        .add(deployment("web", Port.http(8080)).build())
        .add(Service.named("web").selecting("web").port(70000, "http"),
            Ingress.named("web").defaultBackend("api", 80))
        .build())).containsExactly(
        "Service/web: spec.ports[0].port: must be 1..65535, was 70000",
        "Ingress/web: spec.defaultBackend.service.name: names Service 'api', which is not part of the app in"
            + " namespace 'shop'");
  }

  @Test
  void aReferenceToAnObjectThatFailedToBuildIsNotReportedAsDangling() {
    assertThat(problems(() -> App.named("shop").namespace("shop")
        .add(deployment("web", Port.http(8080)))
        .add(Service.named("web").selecting("web").port(70000, "http"))
        .add(Ingress.named("web").rule(IngressRule.host("shop.example.com").prefix("/", "web", 80)))
        .add(StatefulSet.named("db").serviceName("web")
            .pod(PodTemplate.container(Container.named("db").image("ghcr.io/acme/db:1.0.0"))))
        .build())).containsExactly("Service/web: spec.ports[0].port: must be 1..65535, was 70000");
  }

  @Test
  void aSelectorIsNotReportedWhenAWorkloadFailedToBuild() {
    assertThat(problems(() -> App.named("shop").namespace("shop")
        .add(deployment("web", Port.http(70000)))
        .add(Service.named("web").selecting("web").port(80, "http"))
        .build())).singleElement().asString().startsWith("Deployment/web: spec.template.spec.containers[web]");
  }

  @Test
  void builtAndUnbuiltObjectsKeepTheOrderTheyWereAddedIn() {
    App app = App.named("shop").namespace("shop")
        .add(ConfigMap.named("first").build())
        .add(ConfigMap.named("second"), ConfigMap.named("third"))
        .add(ConfigMap.named("fourth").build(), ConfigMap.named("fifth").build())
        .build();

    assertThat(app.resources()).extracting(r -> r.name())
        .containsExactly("first", "second", "third", "fourth", "fifth");
  }

  @Test
  void anObjectMissingARequiredFieldIsReportedAtItsPlaceInTheApp() {
    assertThat(problems(() -> App.named("shop").namespace("shop")
        .add(ConfigMap.named("config"))
        .add(CronJob.named("report").schedule("@daily"))
        .build())).singleElement().asString()
        .startsWith("App/shop: resources[1]: cannot be built: ")
        .contains("pod");
  }

  @Test
  void theAppsOwnProblemsComeAfterTheObjectsAndBeforeTheReferences() {
    assertThat(problems(() -> App.named("shop").namespace("Shop")
        .add(report("nightly"))
        .add(Ingress.named("web").defaultBackend("api", 80))
        .build())).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly(
        "CronJob/report", "App/shop", "Ingress/web");
  }
}
