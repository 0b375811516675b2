package dev.mizzen.dsl.security;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A deliberate step away from Pod Security "restricted", with the reason for it. Mizzen records
 * every opt-out in an annotation on the pod template (and so on the workload's pods), one
 * {@code <what>: <reason>} line per opt-out, in the order they were given:
 *
 * <ul>
 *   <li>{@value #POD_ANNOTATION}: the pod's own opt-outs ({@link PodOptOut});
 *   <li>{@value #CONTAINER_ANNOTATION_PREFIX}{@code <container>}: a container's ({@link ContainerOptOut}).
 * </ul>
 *
 * <p>A container name is a DNS-1123 label of at most 63 characters, so it always fits the
 * name part of an annotation key.
 */
public sealed interface SecurityOptOut permits ContainerOptOut, PodOptOut {

  /** The annotation listing the pod-level opt-outs. */
  String POD_ANNOTATION = "security.mizzen.dev/opt-out";

  /** The prefix of the annotation listing one container's opt-outs; the container name follows. */
  String CONTAINER_ANNOTATION_PREFIX = "opt-out.security.mizzen.dev/";

  /** What is relaxed, as the annotation shows it: {@code privileged}, {@code capabilities SYS_ADMIN,NET_ADMIN}. */
  String what();

  /** Why, in one line. */
  String reason();

  /** The annotation key for the opt-outs of {@code container}: {@code opt-out.security.mizzen.dev/<container>}. */
  static String containerAnnotation(String container) {
    return CONTAINER_ANNOTATION_PREFIX + container;
  }

  /** Whether {@code key} is one of the annotation keys Mizzen writes opt-outs to. */
  static boolean isOptOutAnnotation(String key) {
    return key.equals(POD_ANNOTATION) || key.startsWith(CONTAINER_ANNOTATION_PREFIX);
  }

  /** The annotation value for {@code optOuts}: one {@code <what>: <reason>} line each, in order. */
  static String describe(List<? extends SecurityOptOut> optOuts) {
    return optOuts.stream().map(o -> o.what() + ": " + o.reason()).collect(Collectors.joining("\n"));
  }

}
