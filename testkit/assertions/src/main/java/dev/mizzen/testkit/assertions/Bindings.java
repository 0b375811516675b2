package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.util.List;

/** The checks RoleBindings and ClusterRoleBindings share: the role they bind and to whom. */
final class Bindings {
  private Bindings() {}

  static void checkRoleRef(AbstractMizzenAssert<?, ?> owner, V1RoleRef ref, String kind, String name) {
    if (ref == null || !kind.equals(ref.getKind()) || !name.equals(ref.getName())) {
      owner.failAt(owner.location().field("roleRef"), "expected " + kind + "/" + name + ", but was "
          + (ref == null ? "unset" : ref.getKind() + "/" + ref.getName()));
    }
  }

  static void checkSubject(AbstractMizzenAssert<?, ?> owner, List<RbacV1Subject> subjects, String kind, String name) {
    List<RbacV1Subject> list = subjects == null ? List.of() : subjects;
    if (list.stream().noneMatch(s -> kind.equals(s.getKind()) && name.equals(s.getName()))) {
      owner.failAt(owner.location().field("subjects"), "expected a subject " + kind + "/" + name + ", but found "
          + list.stream().map(s -> s.getKind() + "/" + s.getName()).toList());
    }
  }
}
