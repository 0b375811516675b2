package dev.mizzen.dsl.identity;

import static dev.mizzen.dsl.identity.NamespaceTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizzen.dsl.meta.RenderContext;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RbacTest {
  private static final RenderContext SHOP = RenderContext.of("shop", "shop");

  private static V1ObjectMeta shopMetadata(String name) {
    return new V1ObjectMeta()
        .name(name)
        .namespace("shop")
        .labels(Map.of(
            "app.kubernetes.io/name", name,
            "app.kubernetes.io/part-of", "shop",
            "app.kubernetes.io/managed-by", "mizzen"));
  }

  @Test
  void rendersARoleWithCoreAndGroupRules() {
    Role role = Role.named("deployer")
        .rule(PolicyRule.core("configmaps").verbs(Verb.GET, Verb.LIST, Verb.WATCH))
        .rule(PolicyRule.group("apps", "deployments", "deployments/scale").verbs(Verb.PATCH, Verb.UPDATE))
        .rule(PolicyRule.core("secrets").resourceNames("api-credentials").verbs(Verb.read()))
        .rule(PolicyRule.group("*", "*").verbs("*"))
        .build();

    assertThat(role.render(SHOP)).isEqualTo(new V1Role()
        .apiVersion("rbac.authorization.k8s.io/v1")
        .kind("Role")
        .metadata(shopMetadata("deployer"))
        .rules(List.of(
            new V1PolicyRule().apiGroups(List.of("")).resources(List.of("configmaps"))
                .verbs(List.of("get", "list", "watch")),
            new V1PolicyRule().apiGroups(List.of("apps")).resources(List.of("deployments", "deployments/scale"))
                .verbs(List.of("patch", "update")),
            new V1PolicyRule().apiGroups(List.of("")).resources(List.of("secrets"))
                .resourceNames(List.of("api-credentials")).verbs(List.of("get", "list", "watch")),
            new V1PolicyRule().apiGroups(List.of("*")).resources(List.of("*")).verbs(List.of("*")))));
  }

  @Test
  void rendersAClusterRoleWithUrlsWithoutANamespace() {
    ClusterRole role = ClusterRole.named("probe-reader")
        .rule(PolicyRule.urls("/healthz", "/metrics/*").verbs(Verb.GET))
        .rule(PolicyRule.core("nodes").verbs(Verb.LIST))
        .build();

    V1ClusterRole rendered = role.render(SHOP);
    assertThat(rendered.getMetadata().getNamespace()).isNull();
    assertThat(rendered.getKind()).isEqualTo("ClusterRole");
    assertThat(rendered.getRules()).containsExactly(
        new V1PolicyRule().nonResourceURLs(List.of("/healthz", "/metrics/*")).verbs(List.of("get")),
        new V1PolicyRule().apiGroups(List.of("")).resources(List.of("nodes")).verbs(List.of("list")));
  }

  @Test
  void rendersARoleBindingWithSubjectsInTheBindingsNamespace() {
    Role reader = Role.named("web-config-reader").rule(PolicyRule.core("configmaps").verbs(Verb.read())).build();
    RoleBinding binding = RoleBinding.named("web-config-reader")
        .role(reader)
        .serviceAccount("web")
        .serviceAccount(ServiceAccount.named("ci").namespace("tools").build())
        .subject(Subject.serviceAccount("robot", "robots"))
        .user("jane@example.com")
        .group("shop-admins")
        .build();

    assertThat(binding.render(SHOP)).isEqualTo(new V1RoleBinding()
        .apiVersion("rbac.authorization.k8s.io/v1")
        .kind("RoleBinding")
        .metadata(shopMetadata("web-config-reader"))
        .roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("Role").name("web-config-reader"))
        .subjects(List.of(
            new RbacV1Subject().kind("ServiceAccount").name("web").namespace("shop"),
            new RbacV1Subject().kind("ServiceAccount").name("ci").namespace("tools"),
            new RbacV1Subject().kind("ServiceAccount").name("robot").namespace("robots"),
            new RbacV1Subject().kind("User").name("jane@example.com").apiGroup("rbac.authorization.k8s.io"),
            new RbacV1Subject().kind("Group").name("shop-admins").apiGroup("rbac.authorization.k8s.io"))));
    assertThat(RoleBinding.named("b").namespace("other").role("r").serviceAccount("web").build()
        .render(SHOP).getSubjects().get(0).getNamespace()).isEqualTo("other");
    assertThat(RoleBinding.named("b").role("r").serviceAccount("web").build()
        .render().getSubjects().get(0).getNamespace()).isNull();
  }

  @Test
  void aRoleBindingMayGrantAClusterRoleInItsNamespace() {
    assertThat(RoleBinding.named("viewers").clusterRole("view").group("auditors").build().render().getRoleRef())
        .isEqualTo(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name("view"));
    ClusterRole custom = ClusterRole.named("custom").rule(PolicyRule.core("pods").verbs(Verb.GET)).build();
    assertThat(RoleBinding.named("b").clusterRole(custom).user("u").build().roleRef())
        .contains(RoleRef.clusterRole("custom"));
  }

  @Test
  void rendersAClusterRoleBinding() {
    V1ClusterRoleBinding rendered = ClusterRoleBinding.named("shop-viewers")
        .clusterRole("view")
        .serviceAccount("dashboard", "monitoring")
        .group("system:authenticated")
        .build()
        .render(SHOP);

    assertThat(rendered.getMetadata().getNamespace()).isNull();
    assertThat(rendered.getRoleRef())
        .isEqualTo(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name("view"));
    assertThat(rendered.getSubjects()).containsExactly(
        new RbacV1Subject().kind("ServiceAccount").name("dashboard").namespace("monitoring"),
        new RbacV1Subject().kind("Group").name("system:authenticated").apiGroup("rbac.authorization.k8s.io"));
  }

  @Test
  void reportsRuleProblems() {
    assertThat(problems(() -> Role.named("r")
        .rule(PolicyRule.core("configmaps"))
        .rule(PolicyRule.group("Apps", "Deployments", "").verbs("Get", "list"))
        .rule(PolicyRule.urls("/healthz").verbs(Verb.GET))
        .rule(PolicyRule.core("pods").resourceNames("").verbs(Verb.GET))
        .build())).containsExactly(
        "Role/r: rules[0].verbs: must contain at least one verb",
        "Role/r: rules[1].verbs[0]: must be '*' or lowercase letters (as get, list, watch), was 'Get'",
        "Role/r: rules[1].apiGroups[0]: must be \"\" (core), '*' or a DNS subdomain (as apps), was 'Apps'",
        "Role/r: rules[1].resources[0]: must be a lowercase resource, optionally with '/subresource' (as"
            + " deployments/scale), or '*', was 'Deployments'",
        "Role/r: rules[1].resources[1]: must be a lowercase resource, optionally with '/subresource' (as"
            + " deployments/scale), or '*', was ''",
        "Role/r: rules[2].nonResourceURLs: a Role cannot grant non-resource URLs; use a ClusterRole",
        "Role/r: rules[3].resourceNames[0]: must not be empty");
    assertThat(problems(() -> ClusterRole.named("c")
        .namespace("shop")
        .rule(PolicyRule.urls("healthz", "/a*b").verbs(Verb.GET).resourceNames("x"))
        .rule(PolicyRule.group("apps").verbs(Verb.GET))
        .build())).containsExactly(
        "ClusterRole/c: metadata.namespace: must not be set: ClusterRole is cluster-scoped",
        "ClusterRole/c: rules[0].nonResourceURLs: a rule cannot apply to both resources and non-resource URLs;"
            + " split it in two",
        "ClusterRole/c: rules[0].nonResourceURLs[0]: must start with '/' and have '*' only at the end, was 'healthz'",
        "ClusterRole/c: rules[0].nonResourceURLs[1]: must start with '/' and have '*' only at the end, was '/a*b'",
        "ClusterRole/c: rules[1].resources: a resource rule must name at least one resource");
  }

  @Test
  void reportsBindingProblems() {
    assertThat(problems(() -> RoleBinding.named("b").build())).containsExactly(
        "RoleBinding/b: roleRef: is required: call role(..) or clusterRole(..)",
        "RoleBinding/b: subjects: must have at least one subject");
    assertThat(problems(() -> RoleBinding.named("b").role("a/b").serviceAccount("Web").user("")
        .subject(Subject.serviceAccount("web", "Bad_NS")).build())).containsExactly(
        "RoleBinding/b: roleRef.name: must not be '.' or '..' or contain '/' or '%', was 'a/b'",
        "RoleBinding/b: subjects[0].name: must be a lowercase RFC 1123 subdomain (lowercase letters, digits,"
            + " '-' and '.', starting and ending with a letter or digit), was 'Web'",
        "RoleBinding/b: subjects[1].name: must not be empty",
        "RoleBinding/b: subjects[2].namespace: must be a lowercase RFC 1123 label (lowercase letters, digits"
            + " and '-', starting and ending with a letter or digit), was 'Bad_NS'");
    assertThat(problems(() -> ClusterRoleBinding.named("cb").namespace("shop")
        .roleRef(RoleRef.role("reader"))
        .serviceAccount(ServiceAccount.named("web").build())
        .build())).containsExactly(
        "ClusterRoleBinding/cb: metadata.namespace: must not be set: ClusterRoleBinding is cluster-scoped",
        "ClusterRoleBinding/cb: roleRef.kind: must be ClusterRole: a ClusterRoleBinding cannot grant a Role,"
            + " was Role",
        "ClusterRoleBinding/cb: subjects[0].namespace: is required for a ServiceAccount in a"
            + " ClusterRoleBinding: use serviceAccount(name, namespace)");
    assertThat(problems(() -> ClusterRoleBinding.named("cb").clusterRole("..").group("g").build()))
        .containsExactly("ClusterRoleBinding/cb: roleRef.name: must not be '.' or '..' or contain '/' or '%', was '..'");
  }

  @Test
  void ownRoleNamesAreDnsSubdomainsWhileReferencesMayUseColons() {
    assertThat(problems(() -> ClusterRole.named("acme:viewer").build())).containsExactly(
        "ClusterRole/acme:viewer: metadata.name: must be a lowercase RFC 1123 subdomain (lowercase letters,"
            + " digits, '-' and '.', starting and ending with a letter or digit), was 'acme:viewer'");
    assertThat(ClusterRoleBinding.named("nodes").clusterRole("system:node-proxier").group("g").build()
        .render().getRoleRef().getName()).isEqualTo("system:node-proxier");
  }

  @Test
  void customizersRunLast() {
    assertThat(Role.named("r").customize(r -> r.getMetadata().putAnnotationsItem("a", "b")).build()
        .render().getMetadata().getAnnotations()).containsEntry("a", "b");
    assertThat(RoleBinding.named("b").role("r").user("u").customize(b -> b.getSubjects().clear()).build()
        .render().getSubjects()).isEmpty();
  }
}
