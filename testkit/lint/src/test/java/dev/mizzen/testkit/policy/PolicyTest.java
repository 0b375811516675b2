package dev.mizzen.testkit.policy;

import static dev.mizzen.testkit.policy.TestPods.app;
import static dev.mizzen.testkit.policy.TestPods.baselineSpec;
import static dev.mizzen.testkit.policy.TestPods.deployment;
import static dev.mizzen.testkit.policy.TestPods.pod;
import static dev.mizzen.testkit.policy.TestPods.restrictedSpec;
import static dev.mizzen.testkit.policy.TestPods.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolicyTest {

  private static V1Pod privilegedPod(String name) {
    V1PodSpec spec = baselineSpec().hostPID(true);
    app(spec).securityContext(new io.kubernetes.client.openapi.models.V1SecurityContext().privileged(true));
    return pod(name, spec);
  }

  @Test
  void anExemptionWithAReasonExemptsThatRuleOnlyAndKeepsItsFindingsVisible() {
    V1Pod pod = privilegedPod("p");
    pod.getMetadata().putAnnotationsItem(Policy.exemptionAnnotation("privileged"), "the CNI agent configures the node");
    assertThat(Policy.exemptionAnnotation("privileged")).isEqualTo("policy.mizzen.dev/exempt.privileged");
    assertThat(ruleIds(Policies.baseline().check(pod))).containsExactly("hostNamespaces");
    assertThat(Policies.baseline().checkIncludingExempted(pod))
        .extracting(f -> f.ruleId() + " " + f.exemption().map(Exemption::toString).orElse("in force"))
        .containsExactly("hostNamespaces in force", "privileged metadata.annotations[policy.mizzen.dev/exempt.privileged]:"
            + " the CNI agent configures the node");
  }

  @Test
  void anExemptionWithABlankReasonDoesNotExemptAndIsReported() {
    V1Pod pod = privilegedPod("p");
    pod.getMetadata().putAnnotationsItem("policy.mizzen.dev/exempt.privileged", "  ");
    List<Finding> findings = Policies.baseline().check(pod);
    assertThat(ruleIds(findings)).containsExactly("exemption-reason", "hostNamespaces", "privileged");
    Finding missing = TestPods.of(findings, "exemption-reason").get(0);
    assertThat(missing.severity()).isEqualTo(Severity.ERROR);
    assertThat(missing.object()).isEqualTo("Pod/ns/p");
    assertThat(missing.path()).isEqualTo("metadata.annotations[policy.mizzen.dev/exempt.privileged]");
    assertThat(missing.message()).isEqualTo("exemption from \"privileged\" has no reason, so it does not apply;"
        + " write why the object needs it as the annotation value");
  }

  @Test
  void anExemptionFromAnUnknownRuleIsReported() {
    V1Pod pod = pod("p");
    pod.getMetadata().putAnnotationsItem("policy.mizzen.dev/exempt.Privileged", "typo");
    pod.getMetadata().putAnnotationsItem("policy.mizzen.dev/exempt.image-tag", "not checked by baseline, but a built-in rule");
    List<Finding> findings = Policies.baseline().check(pod);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("exemption-unknown-rule");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("metadata.annotations[policy.mizzen.dev/exempt.Privileged]");
      assertThat(f.message()).isEqualTo("exempts from \"Privileged\", which is no rule of policy \"baseline\" nor a built-in"
          + " rule; check the spelling (rule ids are case-sensitive)");
    });
  }

  @Test
  void theWorkloadsOwnAnnotationsExemptItNotItsTemplates() {
    V1PodSpec spec = restrictedSpec().hostNetwork(true);
    V1Deployment onTemplate = deployment("a", 2, spec);
    onTemplate.getSpec().getTemplate().getMetadata().putAnnotationsItem(Policy.exemptionAnnotation("hostNamespaces"), "reason");
    V1Deployment onObject = deployment("b", 2, spec);
    onObject.getMetadata().putAnnotationsItem(Policy.exemptionAnnotation("hostNamespaces"), "reason");
    assertThat(Policies.restricted().check(onTemplate, onObject)).extracting(Finding::object).containsExactly("Deployment/ns/a");
  }

  @Test
  void findingsAreSortedByObjectRuleAndPathWhateverTheInputOrder() {
    List<KubernetesObject> objects = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      objects.add(privilegedPod("p" + (char) ('a' + i)));
      objects.add(deployment("d" + i, 1, baselineSpec()));
    }
    List<Finding> expected = Policies.all().check(objects);
    Collections.shuffle(objects, new Random(42));
    assertThat(Policies.all().check(objects)).containsExactlyElementsOf(expected);
    List<Finding> sorted = new ArrayList<>(expected);
    sorted.sort(java.util.Comparator.comparing(Finding::object).thenComparing(Finding::ruleId).thenComparing(Finding::path)
        .thenComparing(Finding::message));
    assertThat(expected).containsExactlyElementsOf(sorted);
    assertThat(expected.get(0).object()).isEqualTo("Deployment/ns/d0");
  }

  @Test
  void objectReferencesOmitTheNamespaceOfClusterScopedObjects() {
    Rule named = Rule.of("named", Severity.INFO, "r", "f", c -> c.report("", c.kind() + " " + c.name()));
    Policy policy = Policy.of("p", List.of(named));
    List<Finding> findings = policy.check(new V1Namespace().metadata(new V1ObjectMeta().name("shop")),
        new V1ClusterRole().metadata(new V1ObjectMeta().name("reader")),
        new V1Pod().metadata(new V1ObjectMeta().generateName("job-").namespace("ns")));
    assertThat(findings).extracting(Finding::toString).containsExactly(
        "INFO named ClusterRole/reader: ClusterRole reader",
        "INFO named Namespace/shop: Namespace shop",
        "INFO named Pod/ns/job-*: Pod job-*");
  }

  @Test
  void findingToStringIsOneLine() {
    Finding finding = Finding.of("privileged", Severity.ERROR, "Pod/ns/p", "spec.hostPID", "must not");
    assertThat(finding).hasToString("ERROR privileged Pod/ns/p spec.hostPID: must not");
    assertThat(finding).isEqualTo(Finding.of("privileged", Severity.ERROR, "Pod/ns/p", "spec.hostPID", "must not"));
  }

  @Test
  void combiningPoliciesKeepsOneRulePerIdAndAppliesOverrides() {
    Policy both = Policies.baseline().and(Policies.restricted());
    assertThat(both.name()).isEqualTo("baseline+restricted");
    assertThat(both.ruleIds()).containsExactlyInAnyOrderElementsOf(Policies.restricted().ruleIds());
    assertThat(Policies.all().ruleIds()).hasSize(Policies.restricted().rules().size() + Policies.recommended().rules().size());
    assertThat(Policies.all().rule("capabilities_baseline")).isEmpty();
    assertThat(Policies.all().rule("capabilities_restricted")).isPresent();
  }

  @Test
  void withReplacesTheRuleOfTheSameIdInPlaceOrAddsIt() {
    Rule quiet = Rule.of("privileged", Severity.INFO, "Configured.", "Nothing.", context -> {});
    Rule extra = Rule.of("no-default-namespace", Severity.WARNING, "Shared.", "Set it.", context -> {});
    Policy changed = Policies.baseline().with(quiet, extra);
    assertThat(changed.name()).isEqualTo("baseline");
    assertThat(changed.ruleIds()).containsSubsequence(Policies.baseline().ruleIds()).endsWith("no-default-namespace")
        .hasSize(Policies.baseline().ruleIds().size() + 1);
    assertThat(changed.rule("privileged")).containsSame(quiet);
    assertThat(changed.ruleIds().indexOf("privileged")).isEqualTo(Policies.baseline().ruleIds().indexOf("privileged"));
    assertThat(ruleIds(changed.check(privilegedPod("p")))).containsExactly("hostNamespaces");
  }

  @Test
  void withoutRemovesRulesAndRejectsUnknownIds() {
    Policy lenient = Policies.restricted().without("runAsNonRoot", "seccompProfile_restricted");
    assertThat(lenient.ruleIds()).doesNotContain("runAsNonRoot", "seccompProfile_restricted").contains("runAsUser");
    assertThatThrownBy(() -> Policies.restricted().without("runAsRoot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ruleIds must be rules of policy \"restricted\", unknown: [runAsRoot]");
  }

  @Test
  void ruleIdsAreUniqueAndFitTheAnnotation() {
    Rule a = Rule.of("a", Severity.INFO, "r", "f", c -> {});
    assertThatThrownBy(() -> Policy.named("dup").rule(a).rule(Rule.of("a", Severity.ERROR, "r", "f", c -> {})).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rules of policy \"dup\" must have unique ids, \"a\" appears twice");
    assertThatThrownBy(() -> Rule.of("bad/id", Severity.INFO, "r", "f", c -> {}))
        .hasMessageContaining("was \"bad/id\"");
    assertThatThrownBy(() -> Rule.of("x".repeat(57), Severity.INFO, "r", "f", c -> {}))
        .hasMessageContaining("must be 1..56");
    assertThat(Rule.of("x".repeat(56), Severity.INFO, "r", "f", c -> {}).id()).hasSize(56);
  }

  @Test
  void builtInPoliciesByName() {
    assertThat(Policies.named("restricted")).isSameAs(Policies.restricted());
    assertThat(Policies.named("all")).isSameAs(Policies.all());
    assertThatThrownBy(() -> Policies.named("strict"))
        .hasMessage("policy must be baseline, restricted, recommended or all, was \"strict\"");
  }

  @Test
  void everyBuiltInRuleHasARationaleAndAFixOnOneLine() {
    assertThat(Policies.all().rules()).allSatisfy(rule -> {
      assertThat(rule.rationale()).isNotBlank().doesNotContain("\n").endsWith(".");
      assertThat(rule.fix()).isNotBlank().doesNotContain("\n").endsWith(".");
    });
  }

  @Test
  void sharedValuesAreComputedOncePerCheck() {
    int[] computed = {0};
    java.util.function.Function<List<KubernetesObject>, Integer> size = objects -> {
      computed[0]++;
      return objects.size();
    };
    Rule counting = Rule.of("count", Severity.INFO, "r", "f", c -> c.report("", "of " + c.shared(size)));
    List<Finding> findings = Policy.of("p", List.of(counting)).check(pod("a"), pod("b"), pod("c"));
    assertThat(findings).extracting(Finding::message).containsOnly("of 3");
    assertThat(computed[0]).isEqualTo(1);
  }

  @Test
  void aBuilderAddsRulesOneOrManyOrAPolicysRules() {
    Rule a = Rule.of("a", Severity.INFO, "a", "f", ctx -> { });
    Rule b = Rule.of("b", Severity.INFO, "b", "f", ctx -> { });
    Rule c = Rule.of("c", Severity.INFO, "c", "f", ctx -> { });
    Policy policy = Policy.named("p").rule(a).rulesOf(Policy.of("q", List.of(b))).rules(c).build();
    assertThat(policy.ruleIds()).containsExactly("a", "b", "c");
    assertThat(policy.and(Policy.of("r", List.of(Rule.of("d", Severity.INFO, "d", "f", ctx -> { })))).ruleIds())
        .containsExactly("a", "b", "c", "d");
  }
}
