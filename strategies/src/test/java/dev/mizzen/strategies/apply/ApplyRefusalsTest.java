package dev.mizzen.strategies.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.V1StatusCause;
import io.kubernetes.client.openapi.models.V1StatusDetails;
import org.junit.jupiter.api.Test;

/** The refusals below are the API server's own bodies (kube-apiserver 1.33), trimmed. */
class ApplyRefusalsTest {

  @Test
  void aConflictListsEachFieldWithItsManagerAndSaysHowToForce() {
    V1Status status = new V1Status().reason("Conflict").code(409)
        .message("Apply failed with 2 conflicts: conflict with \"autoscaler\" with subresource \"scale\" using apps/v1:"
            + " .spec.replicas\nconflict with \"kubectl-edit\" using apps/v1: .metadata.labels.tier")
        .details(new V1StatusDetails()
            .addCausesItem(new V1StatusCause().reason("FieldManagerConflict").field(".spec.replicas")
                .message("conflict with \"autoscaler\" with subresource \"scale\" using apps/v1"))
            .addCausesItem(new V1StatusCause().reason("FieldManagerConflict").field(".metadata.labels.tier")
                .message("conflict with \"kubectl-edit\" using apps/v1")));

    ApplyException e = ApplyRefusals.exception("Deployment/shop/web", 409, status);

    assertThat(e).isInstanceOfSatisfying(ApplyConflictException.class, conflict -> assertThat(conflict.conflicts())
        .containsExactly(new FieldConflict(".spec.replicas", "autoscaler"),
            new FieldConflict(".metadata.labels.tier", "kubectl-edit")));
    assertThat(e).hasMessage("Deployment/shop/web: HTTP 409: 2 fields are owned by another field manager:"
        + " .spec.replicas (owned by autoscaler), .metadata.labels.tier (owned by kubectl-edit). Nothing was changed."
        + " Leave these fields out of the object so their owner keeps them, or apply with force(true) to take them"
        + " over (kubectl apply --server-side --force-conflicts)");
  }

  @Test
  void aChangedSelectorSaysSelectorsCannotChangeAndWhatChangesThem() {
    V1Status status = new V1Status().reason("Invalid").code(422)
        .message("Deployment.apps \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable")
        .details(new V1StatusDetails().addCausesItem(new V1StatusCause().reason("FieldValueInvalid")
            .field("spec.selector").message("Invalid value: v1.LabelSelector{...}: field is immutable")));

    ApplyException e = ApplyRefusals.exception("Deployment/shop/web", 422, status);

    assertThat(e).isExactlyInstanceOf(ApplyException.class)
        .hasMessageStartingWith("Deployment/shop/web: HTTP 422: Deployment.apps \"web\" is invalid: spec.selector:")
        .hasMessageContaining("A workload's selector cannot change after it is created")
        .hasMessageContaining("app.kubernetes.io/part-of");
    assertThat(e.status()).isEqualTo(422);
  }

  @Test
  void aStatefulSetsFrozenSpecNamesItsSelector() {
    V1Status status = new V1Status().reason("Invalid").code(422)
        .message("StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other"
            + " than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy'"
            + " and 'minReadySeconds' are forbidden")
        .details(new V1StatusDetails().addCausesItem(new V1StatusCause().reason("FieldValueForbidden").field("spec")
            .message("Forbidden: updates to statefulset spec for fields other than 'replicas', ... are forbidden")));

    assertThat(ApplyRefusals.exception("StatefulSet/shop/db", 422, status))
        .hasMessageContaining("a StatefulSet keeps its selector");
  }

  @Test
  void anyOtherRefusalQuotesTheServer() {
    V1Status status = new V1Status().reason("Forbidden").code(403).message("pods \"x\" is forbidden: violates PodSecurity");

    assertThat(ApplyRefusals.exception("Pod/shop/x", 403, status))
        .isExactlyInstanceOf(ApplyException.class)
        .hasMessage("Pod/shop/x: HTTP 403: pods \"x\" is forbidden: violates PodSecurity");
    assertThat(ApplyRefusals.exception("Pod/shop/x", 500, null)).hasMessage("Pod/shop/x: HTTP 500: refused");
  }
}
