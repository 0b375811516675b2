package dev.mizzen.strategies.apply;

import static java.util.Objects.requireNonNull;

import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.List;

/**
 * What an apply gave back: the objects as the API server stored them (or, in a dry run, would
 * store them), in the order applied, and every warning it gave along the way.
 *
 * @param objects the stored objects, one per applied object, in order
 * @param warnings the server's warnings, in the order given, each naming its object; empty when none
 */
public record ApplyResult(List<DynamicKubernetesObject> objects, List<ApiWarning> warnings) {

  public ApplyResult {
    objects = List.copyOf(requireNonNull(objects, "objects"));
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
  }
}
