package dev.mizzen.dsl.app;

import static dev.mizzen.dsl.app.AppFixtures.deployment;
import static dev.mizzen.dsl.app.AppFixtures.problems;
import static dev.mizzen.dsl.network.NetworkPolicyPeer.pods;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressBackend;
import dev.mizzen.dsl.network.IngressRule;
import dev.mizzen.dsl.network.NamespaceSelector;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyPeer;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import dev.mizzen.dsl.network.PodSelector;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.network.ServicePort;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.dsl.workload.VolumeClaimTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  private static final Deployment WEB = deployment("web", Port.http(8080)).build();
  private static final Deployment API = deployment("api", Port.http(9090)).build();
  private static final String NO_WEB_WORKLOAD = "its workloads: Deployment/api (component 'api')";

  private static App.Builder app(KubernetesResource... resources) {
    return App.named("shop").namespace("shop").add(resources);
  }

  private static StatefulSet db() {
    return db(StatefulSet.named("db"));
  }

  private static StatefulSet db(StatefulSet.Builder db) {
    return db.serviceName("db")
        .volumeClaimTemplate(VolumeClaimTemplate.named("data").size(Storage.gibibytes(10)))
        .pod(PodTemplate.container(Container.named("db").image("postgres:16.4")
            .port(Port.named("pg", 5432)).mount("data", "/var/lib/postgresql/data")))
        .build();
  }

  @Test
  void aConsistentAppPasses() {
    App app = app(
        WEB,
        Service.named("web").selecting("web").port(80, "http").build(),
        Ingress.named("web").rule(IngressRule.host("shop.example.com").prefix("/", "web", 80)).build(),
        HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web")).minReplicas(3).maxReplicas(10)
            .cpuUtilization(70).build(),
        PodDisruptionBudget.named("web").selecting("web").minAvailable(2).build(),
        API,
        Service.named("api").selecting("api").port(9090, "http").build(),
        NetworkPolicy.named("api").selecting("api")
            .ingressRule(NetworkPolicyRule.from(pods("web")).tcp(9090))
            .egressRule(NetworkPolicyRule.to(pods("db")))
            .egressRule(NetworkPolicyRule.to(pods("monitoring").inNamespace("monitoring")))
            .build(),
        db(),
        Service.headless("db").selecting("db").port(5432, "pg").build(),
        PodDisruptionBudget.named("everything").selecting(PodSelector.all()).maxUnavailable(1).build())
        .build();
    assertThat(app.objects()).hasSize(11);
  }

  @Test
  void aServiceMustSelectAWorkloadOfTheApp() {
    assertThat(problems(() -> app(API, Service.named("web").selecting("web").port(80, "http").build()).build()))
        .containsExactly("Service/web: spec.selector: selects the pods of component 'web', but no workload of the"
            + " app has such pods (" + NO_WEB_WORKLOAD + "): select a workload of the app, e.g. selecting(workload)");
  }

  @Test
  void extraSelectorLabelsMustBeOnThePodsToo() {
    Service canary = Service.named("web-canary").selecting(PodSelector.component("web").withLabel("track", "canary"))
        .port(80, "http").build();
    assertThat(problems(() -> app(WEB, canary).build())).containsExactly(
        "Service/web-canary: spec.selector: selects pods labelled app.kubernetes.io/name=web,"
            + " app.kubernetes.io/part-of=shop, track=canary, but no workload of the app has such pods (its"
            + " workloads: Deployment/web (component 'web')): select a workload of the app, e.g."
            + " selecting(workload)");
    Deployment canaryPods = Deployment.named("web-canary").component("web")
        .pod(PodTemplate.container(
            Container.named("web").image("ghcr.io/acme/web:1.5.0").port(Port.http(8080)))
            .label("track", "canary"))
        .build();
    assertThat(app(API, canaryPods, canary).build().resources()).hasSize(3);
    // A track is a selector label the pods carry too.
    assertThat(app(stable(), canary(), canary).build().resources()).hasSize(3);
  }

  private static Deployment stable() {
    return deployment("web", Port.http(8080)).track("stable").build();
  }

  private static Deployment canary() {
    return Deployment.named("web-canary").component("web").track("canary")
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.5.0")
            .port(Port.http(8080))))
        .build();
  }

  @Test
  void twoTracksOfOneComponentShareItsServiceWithoutOverlapping() {
    Service web = Service.named("web").selecting("web").port(80, "http").build();
    App app = app(stable(), canary(), web,
        Service.named("web-canary").selecting(PodSelector.component("web").withLabel("track", "canary"))
            .port(80, "http").build(),
        PodDisruptionBudget.named("web").selecting("web").maxUnavailable(1).build())
        .build();
    assertThat(app.objects()).hasSize(5);
  }

  @Test
  void workloadsWhoseSelectorsOverlapAreRefused() {
    String fix = ", so one could adopt the other's pods: give each a distinct track (track(\"stable\"),"
        + " track(\"canary\")) or selector label, or make them different components";
    // web's selector matches the canary's pods.
    assertThat(problems(() -> app(WEB, canary()).build())).containsExactly(
        "Deployment/web-canary: spec.selector: overlaps the selector of Deployment/web (app.kubernetes.io/name=web,"
            + " app.kubernetes.io/part-of=shop): no label key they share has different values" + fix);
    // Across kinds (web-set's selector equals web's); a later workload names each earlier one it overlaps.
    StatefulSet webSet = StatefulSet.named("web-set").component("web").pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/web:1.4.2"))).build();
    DaemonSet webAgent = DaemonSet.named("web-agent").component("web").selectorLabel("example.com/ring", "1")
        .pod(PodTemplate.container(Container.named("agent").image("ghcr.io/acme/agent:1.0.0"))).build();
    assertThat(problems(() -> app(WEB, webSet, webAgent).build())).containsExactly(
        "StatefulSet/web-set: spec.selector: overlaps the selector of Deployment/web (app.kubernetes.io/name=web,"
            + " app.kubernetes.io/part-of=shop): no label key they share has different values" + fix,
        "DaemonSet/web-agent: spec.selector: overlaps the selector of Deployment/web (app.kubernetes.io/name=web,"
            + " app.kubernetes.io/part-of=shop): no label key they share has different values" + fix,
        "DaemonSet/web-agent: spec.selector: overlaps the selector of StatefulSet/web-set"
            + " (app.kubernetes.io/name=web, app.kubernetes.io/part-of=shop): no label key they share has different"
            + " values" + fix);
    // Different keys overlap too: a pod could carry both.
    Deployment ring = deployment("web", Port.http(8080)).selectorLabel("example.com/ring", "1").build();
    assertThat(problems(() -> app(ring, canary()).build())).containsExactly(
        "Deployment/web-canary: spec.selector: overlaps the selector of Deployment/web (app.kubernetes.io/name=web,"
            + " app.kubernetes.io/part-of=shop, example.com/ring=1): no label key they share has different values"
            + fix);
    // An object added twice is a duplicate, not an overlap.
    assertThat(problems(() -> app(WEB, WEB).build())).containsExactly("App/shop: resources[Deployment/web]: is added"
        + " more than once in namespace 'shop': each kind and name must be unique");
  }

  @Test
  void selectorsOverlapOnlyInOneNamespaceAndNotWithJobs() {
    Deployment elsewhere = Deployment.named("web-canary").component("web").namespace("other")
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.5.0"))).build();
    CronJob report = CronJob.named("web-report").component("web").schedule("@daily").pod(PodTemplate.container(
        Container.named("report").image("ghcr.io/acme/report:1.0.0"))).build();
    assertThat(app(WEB, elsewhere, report).build().resources()).hasSize(3);
  }

  @Test
  void targetPortsByNameMustBeDeclaredWithTheSameProtocol() {
    Deployment dns = Deployment.named("dns").pod(PodTemplate.container(Container.named("dns")
        .image("ghcr.io/acme/dns:1.0.0").port(Port.named("dns", 53)).port(Port.named("metrics", 9153))))
        .build();
    assertThat(problems(() -> app(dns, Service.named("dns").selecting("dns")
        .port(ServicePort.udp(53).name("dns").targetPort("dns"))
        .port(80, "http")
        .port(9153, "metrics")
        .build()).build())).containsExactly(
        "Service/dns: spec.ports[0].targetPort: names port 'dns'/UDP, which no container of Deployment/dns declares"
            + " (its ports: dns:53/TCP, metrics:9153/TCP)",
        "Service/dns: spec.ports[1].targetPort: names port 'http'/TCP, which no container of Deployment/dns declares"
            + " (its ports: dns:53/TCP, metrics:9153/TCP)");
  }

  @Test
  void targetPortsByNumberMustBeDeclaredToo() {
    assertThat(problems(() -> app(WEB, Service.named("web").selecting("web")
        .port(ServicePort.tcp(80).name("web").targetPort(8081)).port(ServicePort.tcp(8080).name("direct")).build())
        .build())).containsExactly("Service/web: spec.ports[0].targetPort: is port 8081/TCP, which no container of"
        + " Deployment/web declares (its ports: http:8080/TCP)");
    Deployment bare = Deployment.named("bare").pod(PodTemplate.container(
        Container.named("bare").image("ghcr.io/acme/bare:1.0.0"))).build();
    assertThat(problems(() -> app(bare, Service.named("bare").selecting("bare").port(80).build()).build()))
        .containsExactly("Service/bare: spec.ports[0].targetPort: is port 80/TCP, which no container of"
            + " Deployment/bare declares (its ports: none)");
  }

  @Test
  void sidecarPortsCountAndInitContainerPortsDoNot() {
    Deployment web = Deployment.named("web").pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/web:1.4.2"))
        .initContainer(Container.named("setup").image("ghcr.io/acme/setup:1.0.0").port(Port.named("setup", 7000)))
        .sidecar(Container.named("proxy").image("ghcr.io/acme/proxy:2.1.0").port(Port.named("proxy", 15001))))
        .build();
    assertThat(problems(() -> app(web, Service.named("web").selecting("web").port(80, "proxy").port(7000, "setup")
        .build()).build())).containsExactly("Service/web: spec.ports[1].targetPort: names port 'setup'/TCP, which"
        + " no container of Deployment/web declares (its ports: proxy:15001/TCP)");
  }

  @Test
  void everySelectedWorkloadMustServeTheTargetPort() {
    Deployment canary = Deployment.named("web-canary").component("web").track("canary")
        .pod(PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.5.0")
            .port(Port.named("web", 8080))))
        .build();
    assertThat(problems(() -> app(stable(), canary, Service.named("web").selecting("web").port(80, "http").build())
        .build())).containsExactly("Service/web: spec.ports[0].targetPort: names port 'http'/TCP, which no container"
        + " of Deployment/web-canary declares (its ports: web:8080/TCP)");
  }

  @Test
  void selectorsOnlyReachWorkloadsInTheirNamespace() {
    Deployment elsewhere = deployment("web", Port.http(8080)).namespace("other").build();
    assertThat(problems(() -> app(elsewhere, Service.named("web").selecting("web").port(80, "http").build())
        .build())).containsExactly("Service/web: spec.selector: selects the pods of component 'web', but the app's"
        + " workloads with such pods are in another namespace (Deployment/web in 'other'), not 'shop'");
  }

  @Test
  void budgetsAndPoliciesMustSelectSomething() {
    assertThat(problems(() -> app(API,
        PodDisruptionBudget.named("web").selecting("web").minAvailable(1).build(),
        NetworkPolicy.named("web").selecting("web").isolateIngress().build(),
        NetworkPolicy.named("api").selecting("api")
            .ingressRule(NetworkPolicyRule.from(pods("api"), pods("web"), pods("web").inNamespace("other")))
            .egressRule(NetworkPolicyRule.to(NetworkPolicyPeer.ipBlock("10.0.0.0/8")))
            .egressRule(NetworkPolicyRule.to(pods("db")))
            .build(),
        NetworkPolicy.named("default-deny").selectingAllPods().isolateIngress().build())
        .build())).containsExactly(
        "PodDisruptionBudget/web: spec.selector: selects the pods of component 'web', but no workload of the app has"
            + " such pods (" + NO_WEB_WORKLOAD + "): select a workload of the app, e.g. selecting(workload)",
        "NetworkPolicy/web: spec.podSelector: selects the pods of component 'web', but no workload of the app has"
            + " such pods (" + NO_WEB_WORKLOAD + "): select a workload of the app, e.g. selecting(workload)",
        "NetworkPolicy/api: spec.ingress[0].from[1].podSelector: selects the pods of component 'web', but no workload"
            + " of the app has such pods (" + NO_WEB_WORKLOAD + "): select a workload of the app, e.g."
            + " selecting(workload)",
        "NetworkPolicy/api: spec.egress[1].to[0].podSelector: selects the pods of component 'db', but no workload of"
            + " the app has such pods (" + NO_WEB_WORKLOAD + "): select a workload of the app, e.g."
            + " selecting(workload)");
  }

  @Test
  void aPeerNamingThePolicysOwnNamespaceMustSelectAWorkloadOfTheApp() {
    Deployment worker = deployment("worker").namespace("jobs").build();
    String where = " in namespace 'shop', the policy's own, where only the app's pods match"
        + " (app.kubernetes.io/part-of=shop)";
    assertThat(problems(() -> app(WEB, API, worker,
        NetworkPolicy.named("api").selecting("api")
            .ingressRule(NetworkPolicyRule.from(
                pods("web").inNamespace("shop"),
                pods("prometheus").inNamespace("shop"),
                pods("prometheus").inNamespace("monitoring"),
                pods("prometheus").inNamespaces(NamespaceSelector.label("purpose", "monitoring")),
                pods("prometheus").inNamespaces(NamespaceSelector.all()),
                pods(PodSelector.label("app", "legacy")).inNamespace("shop"),
                pods("worker").inNamespace("shop"),
                pods("worker").inNamespace("jobs"),
                pods("worker")))
            .build())
        .build())).containsExactly(
        "NetworkPolicy/api: spec.ingress[0].from[1].podSelector: selects the pods of component 'prometheus'" + where
            + ", but no workload of the app has such pods (its workloads: Deployment/web (component 'web'),"
            + " Deployment/api (component 'api')): name a component of the app, or, for another app's pods, the"
            + " namespace they run in: inNamespace(\"<namespace>\")",
        "NetworkPolicy/api: spec.ingress[0].from[5].podSelector: selects pods labelled app=legacy in namespace 'shop',"
            + " the policy's own, but no workload of the app has such pods (its workloads: Deployment/web (component"
            + " 'web'), Deployment/api (component 'api')): name a component of the app, or, for another app's pods,"
            + " the namespace they run in: inNamespace(\"<namespace>\")",
        "NetworkPolicy/api: spec.ingress[0].from[6].podSelector: selects the pods of component 'worker'" + where
            + ", but the app's workloads with such pods are in another namespace (Deployment/worker in 'jobs'), not"
            + " 'shop': name their namespace, e.g. inNamespace(\"jobs\")",
        "NetworkPolicy/api: spec.ingress[0].from[8].podSelector: selects the pods of component 'worker', but the"
            + " app's workloads with such pods are in another namespace (Deployment/worker in 'jobs'), not 'shop':"
            + " name their namespace, e.g. inNamespace(\"jobs\")");
  }

  @Test
  void ingressBackendsMustBeServicesOfTheAppOnTheirPorts() {
    Service web = Service.named("web").selecting("web").port(80, "http").build();
    assertThat(problems(() -> app(WEB, web, Ingress.named("web")
        .defaultBackend(IngressBackend.service("fallback", 80))
        .rule(IngressRule.host("shop.example.com").prefix("/", "web", 8080)
            .prefix("/api", IngressBackend.service("web", "grpc"))
            .prefix("/ok", IngressBackend.service("web", "http")))
        .rule(IngressRule.host("www.example.com").prefix("/", "web", 80))
        .build()).build())).containsExactly(
        "Ingress/web: spec.defaultBackend.service.name: names Service 'fallback', which is not part of the app in"
            + " namespace 'shop'",
        "Ingress/web: spec.rules[0].http.paths[0].backend.service.port: is port 8080, which Service web does not"
            + " expose (its ports: http:80)",
        "Ingress/web: spec.rules[0].http.paths[1].backend.service.port: is port 'grpc', which Service web does not"
            + " expose (its ports: http:80)");
  }

  @Test
  void aClaimMountedAsAValueMustBeInThePodsNamespace() {
    PersistentVolumeClaim uploads = PersistentVolumeClaim.named("uploads").size(Storage.gibibytes(5)).build();
    PersistentVolumeClaim shared = PersistentVolumeClaim.named("shared").namespace("files")
        .size(Storage.gibibytes(5)).build();
    Deployment web = Deployment.named("web").pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/web:1.0.0").mount("uploads", "/uploads")
            .mount("shared", "/shared").mount("external", "/external"))
        .volume(Volume.persistentVolumeClaim("uploads", uploads))
        .volume(Volume.persistentVolumeClaim("shared", shared))
        .volume(Volume.persistentVolumeClaim("external", "made-elsewhere"))).build();
    assertThat(problems(() -> app(uploads, shared, web).build())).containsExactly(
        "Deployment/web: spec.template.spec.volumes[shared].persistentVolumeClaim.claimName: is"
            + " PersistentVolumeClaim/shared in namespace 'files', but the pods run in namespace 'shop': a pod"
            + " mounts only claims of its own namespace");
    // A claim without a namespace is in the App's, like the pods.
    Deployment other = Deployment.named("web").pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/web:1.0.0").mount("uploads", "/uploads"))
        .volume(Volume.persistentVolumeClaim("uploads", uploads))).build();
    assertThat(App.named("shop").namespace("other").add(uploads, other).build().objects()).hasSize(2);
  }

  @Test
  void anIngressOnlyReachesServicesInItsNamespace() {
    assertThat(problems(() -> app(WEB, Service.named("web").namespace("edge").selecting("web").port(80, "http")
        .build(), Ingress.named("web").rule(IngressRule.host("shop.example.com").prefix("/", "web", 80)).build())
        .build())).containsExactly(
        "Service/web: spec.selector: selects the pods of component 'web', but the app's workloads with such pods are"
            + " in another namespace (Deployment/web in 'shop'), not 'edge'",
        "Ingress/web: spec.rules[0].http.paths[0].backend.service.name: names Service 'web', which is not part of"
            + " the app in namespace 'shop'");
  }

  @Test
  void anAutoscalerScalesADeploymentOrStatefulSetOfTheApp() {
    DaemonSet agent = DaemonSet.named("agent").pod(PodTemplate.container(
        Container.named("agent").image("ghcr.io/acme/agent:1.0.0"))).build();
    assertThat(problems(() -> app(WEB, agent,
        HorizontalPodAutoscaler.named("api").scaling(ScaleTarget.deployment("api")).minReplicas(1).maxReplicas(3)
            .cpuUtilization(80).build(),
        HorizontalPodAutoscaler.named("agent").scaling(ScaleTarget.of(agent)).minReplicas(1).maxReplicas(3)
            .cpuUtilization(80).build(),
        HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.of("apps/v1beta2", "Deployment", "web"))
            .minReplicas(1).maxReplicas(3).cpuUtilization(80).build())
        .build())).containsExactly(
        "HorizontalPodAutoscaler/api: spec.scaleTargetRef: scales Deployment/api, which is not part of the app in"
            + " namespace 'shop'",
        "HorizontalPodAutoscaler/agent: spec.scaleTargetRef: scales DaemonSet/agent, which has no scale"
            + " subresource: scale a Deployment or a StatefulSet",
        "HorizontalPodAutoscaler/web: spec.scaleTargetRef.apiVersion: must be apps/v1, the apiVersion of"
            + " Deployment/web, was apps/v1beta2");
    assertThat(app(db(), Service.headless("db").selecting("db").port(5432, "pg").build(),
        HorizontalPodAutoscaler.named("db").scaling(ScaleTarget.statefulSet("db")).minReplicas(1).maxReplicas(3)
            .cpuUtilization(80).build()).build().resources()).hasSize(3);
  }

  @Test
  void aWorkloadAnAutoscalerScalesLeavesItsReplicasUnset() {
    StatefulSet db = db(StatefulSet.named("db").replicas(1));
    Deployment api = deployment("api", Port.http(9090)).replicas(2).build();
    assertThat(problems(() -> app(
        deployment("web", Port.http(8080)).replicas(5).build(),
        HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web")).minReplicas(3).maxReplicas(10)
            .cpuUtilization(70).build(),
        db, Service.headless("db").selecting("db").port(5432, "pg").build(),
        HorizontalPodAutoscaler.named("db-scaler").scaling(ScaleTarget.of(db)).minReplicas(2).maxReplicas(4)
            .cpuUtilization(80).build(),
        api)
        .build())).containsExactly(
        "Deployment/web: spec.replicas: must be unset, since HorizontalPodAutoscaler/web scales it: every apply would"
            + " set the count back to 5, whatever the autoscaler chose; drop replicas(5), and on create the"
            + " autoscaler's minReplicas (3) applies",
        "StatefulSet/db: spec.replicas: must be unset, since HorizontalPodAutoscaler/db-scaler scales it: every apply"
            + " would set the count back to 1, whatever the autoscaler chose; drop replicas(1), and on create the"
            + " autoscaler's minReplicas (2) applies");
    assertThat(app(WEB, HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web"))
        .minReplicas(3).maxReplicas(10).cpuUtilization(70).build(), api).build().resources()).hasSize(3);
  }

  @Test
  void aStatefulSetsGoverningServiceMustBeInTheApp() {
    assertThat(problems(() -> app(db()).build())).containsExactly(
        "StatefulSet/db: spec.serviceName: names Service 'db', which is not part of the app in namespace 'shop'");
  }

  @Test
  void podLabelsMustKeepTheAppsPartOf() {
    Deployment web = Deployment.named("web").pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/web:1.4.2"))
        .label("app.kubernetes.io/part-of", "legacy")).build();
    CronJob report = CronJob.named("report").schedule("@daily").pod(PodTemplate.container(
        Container.named("report").image("ghcr.io/acme/report:1.0.0"))
        .label("app.kubernetes.io/part-of", "legacy")).build();
    assertThat(problems(() -> app(web, report).build())).containsExactly(
        "Deployment/web: spec.template.metadata.labels[app.kubernetes.io/part-of]: must be the App's name 'shop',"
            + " which the workload's selector matches, was 'legacy': remove the pod label",
        "CronJob/report: spec.jobTemplate.spec.template.metadata.labels[app.kubernetes.io/part-of]: must be the"
            + " App's name 'shop', which the workload's selector matches, was 'legacy': remove the pod label");
    Deployment same = Deployment.named("web").pod(PodTemplate.container(
        Container.named("web").image("ghcr.io/acme/web:1.4.2"))
        .label("app.kubernetes.io/part-of", "shop")).build();
    assertThat(app(same).build().objects()).hasSize(1);
  }

  @Test
  void everyBrokenReferenceIsReportedAtOnceInTheOrderOfTheObjects() {
    List<String> problems = problems(() -> app(
        db(),
        Service.named("web").selecting("web").port(80, "http").build(),
        HorizontalPodAutoscaler.named("web").scaling(ScaleTarget.deployment("web")).minReplicas(1).maxReplicas(3)
            .cpuUtilization(80).build())
        .build());
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith("StatefulSet/db: spec.serviceName:");
    assertThat(problems.get(1)).startsWith("Service/web: spec.selector:");
    assertThat(problems.get(2)).startsWith("HorizontalPodAutoscaler/web: spec.scaleTargetRef:");
  }
}
