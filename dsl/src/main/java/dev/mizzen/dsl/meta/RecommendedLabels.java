package dev.mizzen.dsl.meta;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kubernetes recommended labels Mizzen puts on every object, and the selectors derived
 * from them. A workload's selector and its pod template's labels come from the same methods,
 * so they always match. A workload's selector cannot change once it exists (apps/v1), so the
 * component and the App's name are part of its identity.
 */
public final class RecommendedLabels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  /** The keys above, which Mizzen sets itself. */
  public static final ImmutableSet<String> KEYS = ImmutableSet.of(NAME, PART_OF, MANAGED_BY);

  private RecommendedLabels() {}

  /** {@code app.kubernetes.io/name}, {@code part-of} (when known) and {@code managed-by}. */
  public static Map<String, String> of(String component, RenderContext context) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, component);
    context.partOf().ifPresent(partOf -> labels.put(PART_OF, partOf));
    labels.put(MANAGED_BY, context.managedBy());
    return labels;
  }

  /** The labels that select the pods of {@code component}: its name and, when known, part-of. */
  public static ImmutableMap<String, String> selector(String component, RenderContext context) {
    ImmutableMap.Builder<String, String> selector = ImmutableMap.builder();
    selector.put(NAME, component);
    context.partOf().ifPresent(partOf -> selector.put(PART_OF, partOf));
    return selector.build();
  }
}
