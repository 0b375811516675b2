package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The relations between the objects of one check, computed once: which Services, PDBs,
 * NetworkPolicies and HPAs apply to which workloads, and which objects exist by kind and name.
 *
 * <p>Building it is linear in the objects plus the matches found: a selector with
 * {@code matchLabels} only looks at the workloads carrying its first label (a hash lookup);
 * a selector with only {@code matchExpressions} scans its namespace.
 */
final class WorkloadIndex {
  /** The factory to pass to {@code RuleContext.shared}. */
  static final Function<List<KubernetesObject>, WorkloadIndex> BUILD = WorkloadIndex::new;

  static final int INGRESS = 1;
  static final int EGRESS = 2;

  private final Map<String, Namespace> namespaces = new HashMap<>();
  private final Map<KubernetesObject, Workload> workloads = new IdentityHashMap<>();
  private final Map<Workload, List<V1Service>> servicesOf = new IdentityHashMap<>();
  private final Map<V1Service, List<Workload>> workloadsOfService = new IdentityHashMap<>();
  private final Map<Workload, List<V1PodDisruptionBudget>> budgetsOf = new IdentityHashMap<>();
  private final Map<V1PodDisruptionBudget, List<Workload>> workloadsOfBudget = new IdentityHashMap<>();
  private final Map<Workload, Integer> isolation = new IdentityHashMap<>();
  private final Map<V1NetworkPolicy, Integer> podsOfPolicy = new IdentityHashMap<>();
  private final Map<Workload, Autoscaler> autoscalerOf = new IdentityHashMap<>();

  private static final class Namespace {
    final List<Workload> workloads = new ArrayList<>();
    final Map<String, Map<String, List<Workload>>> byLabel = new HashMap<>();
    final Map<String, KubernetesObject> byKindAndName = new HashMap<>();
    final Map<String, V1Service> servicesByName = new HashMap<>();
  }

  private WorkloadIndex(List<KubernetesObject> objects) {
    List<V1Service> services = new ArrayList<>();
    List<V1PodDisruptionBudget> budgets = new ArrayList<>();
    List<V1NetworkPolicy> policies = new ArrayList<>();
    List<Autoscaler> autoscalers = new ArrayList<>();
    for (KubernetesObject object : objects) {
      ObjectRef id = ObjectRef.of(object);
      Namespace ns = namespace(id.namespace());
      ns.byKindAndName.putIfAbsent(id.kind() + "/" + id.name(), object);
      PodTemplate pod = PodTemplate.of(object).orElse(null);
      if (pod != null) {
        Workload workload = new Workload(object, pod);
        workloads.put(object, workload);
        ns.workloads.add(workload);
        pod.labels().forEach((key, value) -> ns.byLabel.computeIfAbsent(key, k -> new HashMap<>())
            .computeIfAbsent(value, v -> new ArrayList<>()).add(workload));
      } else if (object instanceof V1Service) {
        V1Service service = (V1Service) object;
        services.add(service);
        ns.servicesByName.putIfAbsent(ObjectRef.of(object).name(), service);
      } else if (object instanceof V1PodDisruptionBudget) {
        budgets.add((V1PodDisruptionBudget) object);
      } else if (object instanceof V1NetworkPolicy) {
        policies.add((V1NetworkPolicy) object);
      } else {
        Autoscaler autoscaler = Autoscaler.of(object);
        if (autoscaler != null) {
          autoscalers.add(autoscaler);
        }
      }
    }
    for (V1Service service : services) {
      Map<String, String> selector = serviceSelector(service);
      List<Workload> selected = new ArrayList<>();
      if (selector != null) {
        for (Workload w : candidates(ObjectRef.of(service).namespace(), selector)) {
          if (LabelSelector.matches(selector, w.labels())) {
            selected.add(w);
            servicesOf.computeIfAbsent(w, k -> new ArrayList<>()).add(service);
          }
        }
      }
      workloadsOfService.put(service, selected);
    }
    for (V1PodDisruptionBudget budget : budgets) {
      V1LabelSelector selector = budget.getSpec() == null ? null : budget.getSpec().getSelector();
      List<Workload> covered = new ArrayList<>();
      for (Workload w : candidates(ObjectRef.of(budget).namespace(), selector)) {
        if (LabelSelector.matches(selector, w.labels())) {
          covered.add(w);
          budgetsOf.computeIfAbsent(w, k -> new ArrayList<>()).add(budget);
        }
      }
      workloadsOfBudget.put(budget, covered);
    }
    for (V1NetworkPolicy policy : policies) {
      V1LabelSelector selector = policy.getSpec() == null ? null : policy.getSpec().getPodSelector();
      int directions = directions(policy);
      int count = 0;
      for (Workload w : candidates(ObjectRef.of(policy).namespace(), selector)) {
        if (LabelSelector.matches(selector, w.labels())) {
          count++;
          isolation.merge(w, directions, (a, b) -> a | b);
        }
      }
      podsOfPolicy.put(policy, count);
    }
    for (Autoscaler autoscaler : autoscalers) {
      KubernetesObject target = namespace(autoscaler.namespace).byKindAndName.get(autoscaler.targetKind + "/" + autoscaler.targetName);
      Workload workload = target == null ? null : workloads.get(target);
      if (workload != null) {
        autoscalerOf.putIfAbsent(workload, autoscaler);
      }
    }
  }

  private Namespace namespace(String name) {
    return namespaces.computeIfAbsent(name, n -> new Namespace());
  }

  private List<Workload> candidates(String namespace, V1LabelSelector selector) {
    Namespace ns = namespaces.get(namespace);
    if (ns == null || selector == null) {
      return List.of();
    }
    Map<String, String> matchLabels = selector.getMatchLabels();
    if (matchLabels != null && !matchLabels.isEmpty()) {
      return candidates(ns, matchLabels);
    }
    return ns.workloads;
  }

  private List<Workload> candidates(String namespace, Map<String, String> selector) {
    Namespace ns = namespaces.get(namespace);
    return ns == null ? List.of() : candidates(ns, selector);
  }

  private static List<Workload> candidates(Namespace ns, Map<String, String> labels) {
    Map.Entry<String, String> first = labels.entrySet().iterator().next();
    Map<String, List<Workload>> byValue = ns.byLabel.get(first.getKey());
    List<Workload> list = byValue == null ? null : byValue.get(first.getValue());
    return list == null ? List.of() : list;
  }

  /** The non-empty selector of a Service that selects pods, or null (no selector, ExternalName). */
  static Map<String, String> serviceSelector(V1Service service) {
    if (service.getSpec() == null || "ExternalName".equals(service.getSpec().getType())) {
      return null;
    }
    Map<String, String> selector = service.getSpec().getSelector();
    return selector == null || selector.isEmpty() ? null : selector;
  }

  /** {@link #INGRESS} and/or {@link #EGRESS}: what a policy isolates (policyTypes, or as the API server defaults them). */
  static int directions(V1NetworkPolicy policy) {
    if (policy.getSpec() == null) {
      return INGRESS;
    }
    List<String> types = policy.getSpec().getPolicyTypes();
    if (types == null || types.isEmpty()) {
      boolean egress = policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty();
      return INGRESS | (egress ? EGRESS : 0);
    }
    int result = 0;
    for (String type : types) {
      if ("Ingress".equals(type)) {
        result |= INGRESS;
      } else if ("Egress".equals(type)) {
        result |= EGRESS;
      }
    }
    return result;
  }

  /** The workload {@code object} is, or null if it is not pod-bearing. */
  Workload workload(KubernetesObject object) {
    return workloads.get(object);
  }

  /** The Services selecting the pods of {@code workload}. */
  List<V1Service> services(Workload workload) {
    return servicesOf.getOrDefault(workload, List.of());
  }

  /** The workloads whose pods {@code service} selects. */
  List<Workload> workloads(V1Service service) {
    return workloadsOfService.getOrDefault(service, List.of());
  }

  /** The PodDisruptionBudgets covering the pods of {@code workload}. */
  List<V1PodDisruptionBudget> budgets(Workload workload) {
    return budgetsOf.getOrDefault(workload, List.of());
  }

  /** The workloads whose pods {@code budget} covers. */
  List<Workload> workloads(V1PodDisruptionBudget budget) {
    return workloadsOfBudget.getOrDefault(budget, List.of());
  }

  /** {@link #INGRESS} | {@link #EGRESS}: the directions NetworkPolicies isolate the pods of {@code workload} in. */
  int isolation(Workload workload) {
    return isolation.getOrDefault(workload, 0);
  }

  /** How many workloads {@code policy} selects. */
  int workloadCount(V1NetworkPolicy policy) {
    return podsOfPolicy.getOrDefault(policy, 0);
  }

  /** The autoscaler whose target is {@code workload}, or null. */
  Autoscaler autoscaler(Workload workload) {
    return autoscalerOf.get(workload);
  }

  /** The object of {@code kind} named {@code name} in {@code namespace}, or null. */
  KubernetesObject find(String namespace, String kind, String name) {
    Namespace ns = namespaces.get(namespace);
    return ns == null ? null : ns.byKindAndName.get(kind + "/" + name);
  }

  /** The Service named {@code name} in {@code namespace}, or null. */
  V1Service service(String namespace, String name) {
    Namespace ns = namespaces.get(namespace);
    return ns == null ? null : ns.servicesByName.get(name);
  }

  /** Whether {@code namespace} holds any workload. */
  boolean hasWorkloads(String namespace) {
    Namespace ns = namespaces.get(namespace);
    return ns != null && !ns.workloads.isEmpty();
  }
}
