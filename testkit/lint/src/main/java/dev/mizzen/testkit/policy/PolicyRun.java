package dev.mizzen.testkit.policy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@link Policy#check} call: runs every rule on every object, marks the findings of rules
 * the object is exempt from as exempted, then sorts the findings.
 *
 * <p>Cost: O(objects x rules) rule calls, each looking at one object; cross-object rules share
 * indexes built once ({@link RuleContext#shared}); then O(F log F) to sort F findings.
 */
final class PolicyRun {
  /**
   * By object, rule, path, then message. Written out rather than composed with
   * {@code Comparator.comparing}, whose lambdas inside the JDK a cold {@code lint} links at run time.
   */
  private static final Comparator<Finding> ORDER = (a, b) -> {
    int order = a.object().compareTo(b.object());
    if (order == 0) {
      order = a.ruleId().compareTo(b.ruleId());
    }
    if (order == 0) {
      order = a.path().compareTo(b.path());
    }
    return order != 0 ? order : a.message().compareTo(b.message());
  };

  private final Policy policy;
  private final List<KubernetesObject> objects;
  private final Map<Object, Object> shared = new IdentityHashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  PolicyRun(Policy policy, List<KubernetesObject> objects) {
    this.policy = policy;
    this.objects = Collections.unmodifiableList(objects);
  }

  List<Finding> run() {
    RuleContext context = new RuleContext(this);
    List<Rule> rules = policy.rules();
    Map<String, Exemption> exempt = new HashMap<>();
    for (KubernetesObject object : objects) {
      Objects.requireNonNull(object, "objects must not contain null");
      context.reset(object);
      exempt.clear();
      readExemptions(context, object.getMetadata(), exempt);
      for (Rule rule : rules) {
        context.rule(rule, exempt.isEmpty() ? null : exempt.get(rule.id()));
        rule.check(context);
      }
    }
    findings.sort(ORDER);
    return findings;
  }

  private void readExemptions(RuleContext context, V1ObjectMeta metadata, Map<String, Exemption> exempt) {
    Map<String, String> annotations = metadata == null ? null : metadata.getAnnotations();
    if (annotations == null || annotations.isEmpty()) {
      return;
    }
    for (Map.Entry<String, String> annotation : annotations.entrySet()) {
      String key = annotation.getKey();
      if (key == null || !key.startsWith(Policy.EXEMPTION_PREFIX)) {
        continue;
      }
      String ruleId = key.substring(Policy.EXEMPTION_PREFIX.length());
      String path = "metadata.annotations[" + key + "]";
      if (!policy.rulesById().containsKey(ruleId) && !Policies.isBuiltIn(ruleId)) {
        context.report(Exemptions.UNKNOWN_RULE, path, "exempts from \"" + ruleId + "\", which is no rule of policy \""
            + policy.name() + "\" nor a built-in rule; check the spelling (rule ids are case-sensitive)");
      }
      String reason = annotation.getValue();
      if (reason == null || reason.isBlank()) {
        context.report(Exemptions.MISSING_REASON, path, "exemption from \"" + ruleId
            + "\" has no reason, so it does not apply; write why the object needs it as the annotation value");
      } else {
        exempt.put(ruleId, Exemption.of(path, reason.strip()));
      }
    }
  }

  List<KubernetesObject> objects() {
    return objects;
  }

  @SuppressWarnings("unchecked")
  <T> T shared(Function<? super List<KubernetesObject>, T> factory) {
    Object value = shared.get(factory);
    if (value == null && !shared.containsKey(factory)) {
      value = factory.apply(objects);
      shared.put(factory, value);
    }
    return (T) value;
  }

  void add(Finding finding) {
    findings.add(finding);
  }
}
