package dev.mizzen.strategies.rollout.internal;

import static dev.mizzen.strategies.rollout.internal.RolloutDriver.human;

import dev.mizzen.strategies.analysis.PodHealth;
import dev.mizzen.strategies.apply.ServerSideApply;
import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.RolloutVerdict;
import dev.mizzen.strategies.rollout.RolloutVerdicts;
import dev.mizzen.strategies.rollout.TimelineEntry;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ControllerRevision;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rolls a StatefulSet or DaemonSet out with its own controller's strategy: applies it (server-side
 * apply under the user's field manager, nothing held), follows it to {@code kubectl rollout
 * status}'s verdict ({@link RolloutVerdicts}, a StatefulSet's partition respected) through the
 * namespace's informers, and when the rollout's deadline passes first, applies the previous
 * template back and waits until the old revision serves again.
 *
 * <p>A StatefulSet does not replace a pod that is not Ready by itself (with the default
 * {@code OrderedReady} pod management it waits for it forever), so going back also deletes the
 * new revision's pods that are not Ready, as Kubernetes' "forced rollback" asks; the controller
 * recreates them at the old revision. A DaemonSet replaces unavailable pods itself.
 *
 * <p>No state is kept in the cluster and no Lease is held: the controller drives the rollout,
 * so a process that dies leaves it going on as applied; only the deadline's rollback is lost.
 */
public final class WorkloadDriver extends PassDriver {
  private static final String REVISION_LABEL = "controller-revision-hash";

  private final NamespaceCache cache;
  private final boolean statefulSet;
  private final Set<String> deletedPods = new HashSet<>();
  /** One for both applies: it discovers the API's resources once. */
  private final ServerSideApply applier;

  // Touched only by passes, which run one at a time.
  private boolean applied;
  private Instant startedAt;
  private long appliedGeneration;
  private V1PodTemplateSpec ours;
  private V1PodTemplateSpec previous;
  private boolean rollingBack;
  private String badRevision = "";
  private String lastMessage = "";

  public WorkloadDriver(EngineContext engine, NamespaceCache cache, Rollout rollout) {
    super(engine, rollout);
    this.cache = cache;
    this.statefulSet = rollout.kind().equals("StatefulSet");
    this.applier = ServerSideApply.using(engine.client()).fieldManager(engine.fieldManager()).force(false);
  }

  @Override
  protected boolean begun() {
    return applied;
  }

  @Override
  protected String where() {
    return applied ? "; the " + rollout.kind() + " controller goes on with what was applied" : "";
  }

  @Override
  protected void reconcile() throws ApiException {
    if (superseded) {
      finish(new RolloutOutcome.Superseded(revision(live()), 1, timeline));
      return;
    }
    if (!applied) {
      begin();
      return;
    }
    KubernetesObject live = live();
    if (live == null || generation(live) < appliedGeneration) {
      return; // our apply is not in the cache yet: the informer wakes us when it is
    }
    if (!Templates.equalIgnoringHash(template(live), rollingBack ? previous : ours)) {
      note("the pod template of " + ref + " was changed by another writer: this rollout is superseded, and the "
          + rollout.kind() + " controller rolls the new template out", "RolloutSuperseded", true);
      finish(new RolloutOutcome.Superseded(revision(live), 1, timeline));
      return;
    }
    RolloutVerdict verdict = statefulSet ? RolloutVerdicts.of((V1StatefulSet) live) : RolloutVerdicts.of((V1DaemonSet) live);
    if (!verdict.message().equals(lastMessage)) {
      lastMessage = verdict.message();
      note(verdict.message(), "RolloutProgressing", false);
    }
    if (rollingBack) {
      if (verdict.isDone()) {
        note("rolled back: the previous revision " + revision(live) + " serves again", "RolloutAborted", true);
        finish(new RolloutOutcome.DeadlineExceeded(badRevision, rollout.deadline(), 1, timeline));
      } else if (statefulSet) {
        deleteBrokenPods(live);
      }
      return;
    }
    if (verdict.isDone()) {
      String revision = revision(live);
      note("promoted: " + verdict.message() + " (revision " + revision + ")", "RolloutCompleted", false);
      finish(new RolloutOutcome.Promoted(revision, timeline));
    } else if (verdict instanceof RolloutVerdict.Failed failed) {
      finish(new RolloutOutcome.Aborted(revision(live), failed.message(), 1, timeline));
    } else if (Instant.now().isBefore(startedAt.plus(rollout.deadline()))) {
      wakeAt(startedAt.plus(rollout.deadline()));
    } else {
      rollBack(live);
    }
  }

  /** Applies the workload as given; remembers the template it replaces, for the deadline's rollback. */
  private void begin() throws ApiException {
    KubernetesObject live = live();
    previous = live == null ? null : template(live);
    KubernetesObject stored = apply(JSON.deserialize(rollout.objectJson(), type()));
    ours = template(stored);
    appliedGeneration = generation(stored);
    startedAt = Instant.now();
    applied = true;
    note("applied " + ref + " as given: the " + rollout.kind() + " controller rolls it out with its own strategy"
        + strategy(stored) + "; deadline " + human(rollout.deadline()), "RolloutStarted", false);
    wake(); // an apply that changes nothing brings no watch event
  }

  private void rollBack(KubernetesObject live) throws ApiException {
    badRevision = revision(live);
    if (previous == null || Templates.equalIgnoringHash(previous, ours)) {
      note("the deadline of " + human(rollout.deadline()) + " passed: " + lastMessage + "; there is no earlier template"
          + " to go back to, so " + ref + " is left as applied", "RolloutDeadlineExceeded", true);
      finish(new RolloutOutcome.DeadlineExceeded(badRevision, rollout.deadline(), 1, timeline));
      return;
    }
    note("the deadline of " + human(rollout.deadline()) + " passed (" + lastMessage + "): applying the previous"
        + " template back", "RolloutDeadlineExceeded", true);
    Object restored = JSON.deserialize(rollout.objectJson(), type());
    if (restored instanceof V1StatefulSet set) {
      set.getSpec().setTemplate(previous);
    } else {
      ((V1DaemonSet) restored).getSpec().setTemplate(previous);
    }
    KubernetesObject stored = apply(restored);
    appliedGeneration = generation(stored);
    rollingBack = true;
    wake();
  }

  /**
   * Deletes the pods of the revision being rolled back that are not Ready: the StatefulSet
   * controller waits for such a pod rather than replace it, and recreates it at the old revision.
   */
  private void deleteBrokenPods(KubernetesObject live) throws ApiException {
    for (V1Pod pod : cache.podsOf(live.getMetadata().getUid())) {
      String name = pod.getMetadata().getName();
      Map<String, String> labels = Objects.requireNonNullElse(pod.getMetadata().getLabels(), Map.of());
      if (badRevision.equals(labels.get(REVISION_LABEL)) && !PodHealth.isReady(pod.getStatus()) && deletedPods.add(name)) {
        note("deleting pod " + name + " of revision " + badRevision + ", which is not Ready: the StatefulSet controller"
            + " recreates it at the previous revision", "RolloutPodDeleted", true);
        try {
          new CoreV1Api(engine.client()).deleteNamespacedPod(name, rollout.namespace()).execute();
        } catch (ApiException e) {
          if (e.getCode() != 404) {
            deletedPods.remove(name);
            throw e;
          }
        }
      }
    }
  }

  private KubernetesObject apply(Object object) {
    return JSON.getGson().fromJson(applier.apply((KubernetesObject) object).getRaw(), type());
  }

  // ---------------------------------------------------------------------------------------------

  private KubernetesObject live() {
    return statefulSet ? cache.statefulSet(rollout.name()) : cache.daemonSet(rollout.name());
  }

  private Class<? extends KubernetesObject> type() {
    return statefulSet ? V1StatefulSet.class : V1DaemonSet.class;
  }

  private static V1PodTemplateSpec template(KubernetesObject object) {
    return object instanceof V1StatefulSet set ? set.getSpec().getTemplate() : ((V1DaemonSet) object).getSpec().getTemplate();
  }

  private static long generation(KubernetesObject object) {
    return Objects.requireNonNullElse(object.getMetadata().getGeneration(), 0L);
  }

  private String strategy(KubernetesObject stored) {
    if (stored instanceof V1StatefulSet set && set.getSpec().getUpdateStrategy() != null) {
      var rolling = set.getSpec().getUpdateStrategy().getRollingUpdate();
      return " (" + set.getSpec().getUpdateStrategy().getType()
          + (rolling != null && rolling.getPartition() != null && rolling.getPartition() > 0
              ? ", partition " + rolling.getPartition() : "") + ")";
    }
    if (stored instanceof V1DaemonSet set && set.getSpec().getUpdateStrategy() != null) {
      return " (" + set.getSpec().getUpdateStrategy().getType() + ")";
    }
    return "";
  }

  /**
   * The revision the workload rolls out, as its pods carry it in {@code controller-revision-hash}:
   * a StatefulSet's {@code status.updateRevision}; for a DaemonSet, the newest of its
   * ControllerRevisions (one read: a DaemonSet's status does not name it).
   */
  private String revision(KubernetesObject live) {
    if (live == null) {
      return "";
    }
    if (live instanceof V1StatefulSet set) {
      return set.getStatus() == null ? "" : Objects.requireNonNullElse(set.getStatus().getUpdateRevision(), "");
    }
    try {
      return new AppsV1Api(engine.client()).listNamespacedControllerRevision(rollout.namespace()).execute().getItems()
          .stream().filter(revision -> NamespaceCache.controller(revision).contains(live.getMetadata().getUid()))
          .max(java.util.Comparator.comparingLong(V1ControllerRevision::getRevision))
          .map(revision -> Objects.requireNonNullElse(revision.getMetadata().getLabels(), Map.<String, String>of())
              .getOrDefault(REVISION_LABEL, revision.getMetadata().getName()))
          .orElse("");
    } catch (ApiException e) {
      log.warn("{}: could not read its ControllerRevisions: HTTP {}", ref, e.getCode());
      return "";
    }
  }

  private void note(String what, String reason, boolean warning) {
    record(new TimelineEntry(Instant.now(), 1, what));
    KubernetesObject live = live();
    if (live != null) {
      engine.events().emit(rollout.kind(), live.getMetadata(), reason, what, warning);
    }
  }

  private void finish(RolloutOutcome result) {
    outcome.complete(result);
  }

}
