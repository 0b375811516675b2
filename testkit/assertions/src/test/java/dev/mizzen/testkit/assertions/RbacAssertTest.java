package dev.mizzen.testkit.assertions;

import static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizzen.dsl.identity.ClusterRole;
import dev.mizzen.dsl.identity.ClusterRoleBinding;
import dev.mizzen.dsl.identity.PolicyRule;
import dev.mizzen.dsl.identity.Verb;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacAssertTest {

  @Test
  void evaluatesRulesAsTheAuthorizerDoes() {
    assertThat(Shop.app()).role("web-config-reader")
        .allows("get", "configmaps").allows("list", "", "configmaps").allows("watch", "configmaps")
        .doesNotAllow("update", "configmaps").doesNotAllow("get", "secrets").doesNotAllow("get", "apps", "configmaps");

    V1Role role = new V1Role().kind("Role").metadata(new V1ObjectMeta().name("mixed").namespace("ns")).rules(List.of(
        new V1PolicyRule().apiGroups(List.of("apps")).resources(List.of("*")).verbs(List.of("get")),
        new V1PolicyRule().apiGroups(List.of("")).resources(List.of("*/log")).verbs(List.of("*")),
        new V1PolicyRule().apiGroups(List.of("*")).resources(List.of("leases")).verbs(List.of("update")),
        new V1PolicyRule().apiGroups(List.of("")).resources(List.of("secrets")).resourceNames(List.of("tls"))
            .verbs(List.of("get"))));
    assertThat(role).allows("get", "apps", "deployments").allows("get", "apps", "statefulsets/scale")
        .allows("delete", "pods/log").allows("update", "coordination.k8s.io", "leases")
        .doesNotAllow("get", "pods").doesNotAllow("list", "apps", "deployments")
        // A rule naming resources grants nothing to a request without a name.
        .doesNotAllow("get", "secrets");

    assertThatThrownBy(() -> assertThat(role).allows("list", "apps", "deployments"))
        .hasMessage("Role/ns/mixed: rules: expected to allow \"list\" on apps/deployments, but no rule does");
    assertThatThrownBy(() -> assertThat(role).doesNotAllow("get", "pods/log"))
        .hasMessage("Role/ns/mixed: rules: expected not to allow \"get\" on pods/log (core group), but a rule does");
  }

  @Test
  void clusterRolesAndBindings() {
    ClusterRole reader = ClusterRole.named("node-reader")
        .rule(PolicyRule.core("nodes").verbs(Verb.GET, Verb.LIST)).build();
    assertThat(reader).allows("list", "nodes").doesNotAllow("delete", "nodes");

    ClusterRoleBinding binding = ClusterRoleBinding.named("node-reader").clusterRole("node-reader")
        .serviceAccount("web", "shop").build();
    assertThat(binding).bindsClusterRole("node-reader").hasSubject("ServiceAccount", "web");
    assertThatThrownBy(() -> assertThat(binding).hasSubject("ServiceAccount", "api"))
        .hasMessage("ClusterRoleBinding/node-reader: subjects: expected a subject ServiceAccount/api,"
            + " but found [ServiceAccount/web]");
    assertThatThrownBy(() -> assertThat(Shop.app()).roleBinding("web-config-reader").bindsClusterRole("view"))
        .hasMessage("RoleBinding/shop/web-config-reader: roleRef: expected ClusterRole/view,"
            + " but was Role/web-config-reader");
    assertThat(Shop.app()).roleBinding("web-config-reader").hasSubject("ServiceAccount", "web");
  }
}
