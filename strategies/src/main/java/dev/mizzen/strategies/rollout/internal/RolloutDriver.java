package dev.mizzen.strategies.rollout.internal;

import com.google.common.hash.Hashing;
import dev.mizzen.strategies.analysis.Check;
import dev.mizzen.strategies.analysis.CheckContext;
import dev.mizzen.strategies.analysis.CheckResult;
import dev.mizzen.strategies.analysis.PodHealth;
import dev.mizzen.strategies.apply.ApplyConflictException;
import dev.mizzen.strategies.apply.ApplyException;
import dev.mizzen.strategies.rollout.BlueGreen;
import dev.mizzen.strategies.rollout.Canary;
import dev.mizzen.strategies.rollout.CanaryStep;
import dev.mizzen.strategies.rollout.Rollout;
import dev.mizzen.strategies.rollout.RolloutException;
import dev.mizzen.strategies.rollout.RolloutOutcome;
import dev.mizzen.strategies.rollout.RolloutProgress;
import dev.mizzen.strategies.rollout.RolloutVerdict;
import dev.mizzen.strategies.rollout.RolloutVerdicts;
import dev.mizzen.strategies.rollout.TimelineEntry;
import dev.mizzen.strategies.rollout.internal.RolloutRecord.Phase;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives one rollout of one Deployment. Nothing here blocks or sleeps: each {@linkplain #wake()
 * pass} looks at the shared caches, decides, makes at most one write, and returns; the next pass
 * comes with the next change the informers see, or at a time the step asked for. All state that
 * matters is in the cluster ({@link RolloutRecord}), written only while this process holds the
 * rollout's Lease, so a pass can always start from what the cluster says.
 */
public final class RolloutDriver extends PassDriver {
  /** Consecutive failed passes (API errors) after which the rollout gives up, held where it is. */

  private final Canary canary;
  private final BlueGreen blueGreen;
  /** The steps walked: a canary's own, or those of a blue/green (see {@link BlueGreen#steps()}). */
  private final List<CanaryStep> steps;
  private final List<Check> backgroundChecks;
  private final Duration stepTimeout;
  private final Duration checkInterval;
  /** Index of the step on entering which a blue/green switches its active Service; -1 for others. */
  private final int switchStep;
  /** Blue/green only: its Services and their pins. */
  private final BlueGreenServices services;
  private final NamespaceCache cache;
  private final StateStore store;
  private final DeploymentApplier applier;
  private final String configHash;
  private final V1Deployment config;

  // Touched only inside pass(), which runs one at a time.
  private RolloutLease lease;
  private ScheduledFuture<?> renewals;
  private StateStore.Stored stored;
  private RolloutRecord record;
  private boolean stateless;
  private boolean begun;
  private V1PodTemplateSpec expectedTemplate;
  private long appliedGeneration;
  private Phase appliedFor;
  private int appliedStep = -1;
  private int appliedWant = -1;
  private Instant nextBackgroundCheck = Instant.EPOCH;
  private RolloutProgress lastProgress;
  private String lastWaiting = "";
  private int acquisitionsSeen;

  public RolloutDriver(EngineContext engine, NamespaceCache cache, Rollout rollout) {
    super(engine, rollout);
    this.canary = rollout.strategy() instanceof Canary c ? c : null;
    this.blueGreen = rollout.strategy() instanceof BlueGreen b ? b : null;
    if (canary != null) {
      steps = canary.steps();
      backgroundChecks = canary.backgroundChecks();
      stepTimeout = canary.stepTimeout();
      checkInterval = canary.checkInterval();
    } else if (blueGreen != null) {
      steps = blueGreen.steps();
      backgroundChecks = List.of(PodHealth.defaults());
      stepTimeout = blueGreen.stepTimeout();
      checkInterval = blueGreen.checkInterval();
    } else {
      steps = List.of();
      backgroundChecks = List.of();
      stepTimeout = Duration.ofMinutes(10);
      checkInterval = Duration.ofSeconds(5);
    }
    this.switchStep = blueGreen == null ? -1 : steps.size() - 1;
    this.services = blueGreen == null ? null
        : new BlueGreenServices(engine.client(), engine.fieldManager(), rollout, blueGreen);
    this.cache = cache;
    this.store = new StateStore(engine.client(), rollout.namespace(), rollout.name());
    this.applier = new DeploymentApplier(engine.client(), engine.fieldManager());
    this.config = rollout.deployment();
    this.configHash = Hashing.sha256().hashString(rollout.objectJson(), StandardCharsets.UTF_8).toString()
        .substring(0, 16);
  }

  @Override
  protected boolean begun() {
    return begun;
  }

  @Override
  protected String where() {
    if (record == null || stateless) {
      return "";
    }
    return ". The rollout is held at step " + (record.step() + 1) + " with the stable revision " + record.stableHash()
        + " serving; run it again to resume, or abort it (Rollouts.abort, mizzen rollout abort)";
  }

  @Override
  protected void reconcile() throws ApiException {
    if (superseded) {
      finish(new RolloutOutcome.Superseded(revisionHash(), stepNumber(), timeline), false);
      return;
    }
    V1Deployment live = cache.deployment(rollout.name());
    if (!begun) {
      begin(live);
      return;
    }
    if (!stateless && !lease.isHeld()) {
      waiting("waiting for the Lease " + store.name() + ", held by " + lease.holder());
      wakeIn(engine.retryPeriod());
      return;
    }
    if (!stateless && lease.acquisitions() != acquisitionsSeen) {
      // The lease was lost and taken again: others may have driven the rollout meanwhile, even to its end.
      acquisitionsSeen = lease.acquisitions();
      if (!catchUp()) {
        return;
      }
    }
    if (live == null) {
      if (stateless) {
        finishing(null); // creating it: apply, then wait for the informer to see it
      } else {
        finish(new RolloutOutcome.Aborted(revisionHash(), ref + " was deleted during the rollout", stepNumber(),
            timeline), true);
      }
      return;
    }
    if (!stateless && !adoptRecord()) {
      return;
    }
    if (!stateless && record.phase() != Phase.ABORTING) {
      if (!record.abortRequest().isEmpty()) {
        beginAbort("aborted on request: " + record.abortRequest(), false);
        return;
      }
      if (Instant.now().isAfter(record.startedAt().plus(rollout.deadline()))) {
        beginAbort("the rollout's deadline of " + human(rollout.deadline()) + " passed", true);
        return;
      }
    }
    if (!stateless && pushedByAnotherWriter(live)) {
      supersedeWith(live);
      return;
    }
    Phase phase = stateless ? Phase.FINISHING : record.phase();
    switch (phase) {
      case STEPPING -> stepping(live);
      case FINISHING -> finishing(live);
      case ABORTING -> aborting(live);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Beginning: take the lease, find the stable revision, write the record, hold the first batch.

  private void begin(V1Deployment live) throws ApiException {
    if (live == null) {
      stateless = true;
      begun = true;
      record = RolloutRecord.start(rollout.objectJson(), configHash, "", Instant.now(), engine.identity(), false);
      note(0, ref + " does not exist yet: creating it as declared (a canary needs a stable revision to compare with)",
          "RolloutStarted", false);
      wake();
      return;
    }
    if (expectedTemplate == null) {
      expectedTemplate = applier.apply(config, true, true).getSpec().getTemplate();
    }
    Optional<StateStore.Stored> existing = store.read();
    if (existing.isEmpty() && Templates.equalIgnoringHash(expectedTemplate, live.getSpec().getTemplate())) {
      String current = Templates.replicaSetFor(live.getSpec().getTemplate(),
          cache.replicaSetsOf(live.getMetadata().getUid())).map(Templates::hashOf).orElse("");
      stateless = true;
      begun = true;
      record = RolloutRecord.start(rollout.objectJson(), configHash, current, Instant.now(), engine.identity(),
          false).withRevision(current);
      note(0, "the pod template is unchanged (revision " + blankAsUnknown(current)
          + "): applying the Deployment without steps", "RolloutStarted", false);
      wake();
      return;
    }
    if (lease == null) {
      lease = new RolloutLease(engine.client(), rollout.namespace(), store.name(), engine.identity(),
          engine.leaseDuration(), engine.renewDeadline(), owner(live));
    }
    if (!lease.tryAcquireOrRenew()) {
      waiting("waiting for the Lease " + store.name() + ", held by " + lease.holder());
      wakeIn(engine.retryPeriod());
      return;
    }
    acquisitionsSeen = lease.acquisitions();
    if (renewals == null) {
      long period = engine.retryPeriod().toMillis();
      renewals = engine.scheduler().scheduleWithFixedDelay(() -> {
        if (!lease.tryAcquireOrRenew()) {
          wake();
        }
      }, period, period, TimeUnit.MILLISECONDS);
    }
    existing = store.read(); // again: what was there before we held the lease may have changed
    if (existing.isPresent()) {
      RolloutRecord found = existing.get().record();
      stored = existing.get();
      if (found.configHash().equals(configHash)) {
        record = found;
        if (!write(found.heldBy(engine.identity()))) {
          return; // changed meanwhile: begin again from what is there
        }
        begun = true;
        note(stepNumber(), "resuming the rollout at step " + stepNumber() + " (" + found.phase().name().toLowerCase()
            + "), left by " + (found.holder().isEmpty() ? "an earlier process" : found.holder()), "RolloutResumed", false);
        wake();
        return;
      }
      if (!write(RolloutRecord.start(rollout.objectJson(), configHash, found.stableHash(), Instant.now(),
          engine.identity(), !steps.isEmpty()))) {
        return; // changed meanwhile: begin again from what is there
      }
      begun = true;
      note(0, "superseding the rollout of revision " + blankAsUnknown(found.revisionHash()) + " at step "
          + (found.step() + 1) + ": the new template starts at step 1; the stable revision " + found.stableHash()
          + " keeps serving", "RolloutSuperseding", false);
      wake();
      return;
    }

    if (Templates.equalIgnoringHash(expectedTemplate, live.getSpec().getTemplate())) {
      // Another process rolled this very template out while we waited for the lease.
      lease.release();
      stopRenewing();
      lease = null;
      renewals = null;
      wake(); // begin again: now the unchanged-template path
      return;
    }
    RolloutVerdict verdict = RolloutVerdicts.of(live);
    if (!verdict.isDone() && stepwise()) {
      throw new RolloutException(ref + " is still rolling out another revision (" + verdict.message()
          + "). A canary starts from a fully rolled-out stable revision: wait for it (RolloutStatus, kubectl"
          + " rollout status) or undo it first");
    }
    String stableHash = !verdict.isDone() ? "" : Templates.replicaSetFor(live.getSpec().getTemplate(),
        cache.replicaSetsOf(live.getMetadata().getUid())).map(Templates::hashOf).orElse("");
    if (stepwise()) {
      checkCanaryFits();
    }
    if (services != null && !services.missing().isEmpty()) {
      throw new RolloutException(ref + ": blue/green switches " + services.missing() + ", which the rollout was not"
          + " given; roll out from the App that holds them (Rollout.of(app, name)), or add them with"
          + " Rollout.services(...), so that they are applied as you apply them");
    }
    RolloutRecord first = RolloutRecord.start(rollout.objectJson(), configHash, stableHash, Instant.now(),
        engine.identity(), !steps.isEmpty());
    try {
      stored = store.create(first, owner(live));
    } catch (ApiException e) {
      if (e.getCode() == 409) {
        wake(); // another process wrote one meanwhile: begin again from it
        return;
      }
      throw e;
    }
    record = first;
    if (services != null) {
      note(0, services.pinActiveToStable(stableHash));
    }
    if (stepwise()) {
      int want = Gate.canaryPods(weightAt(0), replicas(live));
      try {
        // The first apply must not take fields from other managers silently, as a plain apply would not.
        appliedGeneration = generation(applier.apply(Gate.holding(config, want), false, false));
      } catch (ApplyException | ApiException e) {
        store.delete(stored.resourceVersion());
        stored = null;
        throw e;
      }
      appliedFor = Phase.STEPPING;
      appliedStep = 0;
      appliedWant = want;
    }
    begun = true;
    note(0, "started: stable revision " + blankAsUnknown(stableHash) + ", " + (steps.isEmpty()
        ? "the Deployment's own strategy" : steps.size() + " steps: " + java.util.stream.IntStream.range(0, steps.size())
            .mapToObj(this::describe).toList()),
        "RolloutStarted", false);
    if (!steps.isEmpty()) {
      note(1, "step 1: " + describe(0), "RolloutStep", false);
    }
    wake();
  }

  private boolean stepwise() {
    return canary != null || blueGreen != null;
  }

  private void checkCanaryFits() {
    var spec = config.getSpec();
    if (spec.getStrategy() != null && "Recreate".equals(spec.getStrategy().getType())) {
      throw new RolloutException(ref + ": spec.strategy.type: a canary grows the new revision next to the stable one,"
          + " which Recreate does not allow; use Strategy.asDeclared() for a Recreate Deployment, or RollingUpdate");
    }
    if (Boolean.TRUE.equals(spec.getPaused())) {
      throw new RolloutException(ref + ": spec.paused: a paused Deployment does not roll out; unpause it (leave"
          + " spec.paused unset) to run a canary");
    }
  }

  /**
   * After this process lost the lease and took it again: reads the record from the API server
   * (not the cache) before anything is written. Gone: the rollout ended elsewhere; another
   * template: superseded; otherwise go on from what is there. False to stop this pass.
   */
  private boolean catchUp() throws ApiException {
    Optional<StateStore.Stored> now = store.read();
    if (now.isEmpty()) {
      lease.release(); // taken again only to find the rollout over: let it go at once
      fail(new RolloutException(ref + ": this process lost its Lease for a while, and meanwhile the rollout was"
          + " ended by " + (lease.holder().isEmpty() ? "another process" : lease.holder()) + "; nothing was written"));
      return false;
    }
    if (!now.get().record().configHash().equals(configHash)) {
      finish(new RolloutOutcome.Superseded(revisionHash(), stepNumber(), timeline), false);
      return false;
    }
    stored = now.get();
    record = stored.record();
    appliedFor = null; // what this process applied before may have been changed since: apply again
    appliedWant = -1;
    if (services != null) {
      services.forget(); // and the Services may have been switched: read them again
    }
    note(stepNumber(), "took the Lease back: going on from step " + stepNumber() + " as the cluster records it",
        "RolloutResumed", false);
    wake();
    return false;
  }

  /** Takes in what others wrote to the record (requests, or a takeover); false to stop this pass. */
  private boolean adoptRecord() {
    V1ConfigMap seen = cache.state(store.name());
    if (seen == null) {
      return true; // the cache lags behind our own writes: ours is the latest
    }
    StateStore.Stored fromCache = StateStore.stored(seen);
    if (newer(fromCache.resourceVersion(), stored.resourceVersion())) {
      stored = fromCache;
      record = fromCache.record();
      if (!record.holder().equals(engine.identity()) || !record.configHash().equals(configHash)) {
        // Another process took the rollout over (our lease had lapsed), or a newer template superseded it.
        if (!record.configHash().equals(configHash)) {
          finish(new RolloutOutcome.Superseded(revisionHash(), stepNumber(), timeline), false);
        } else {
          fail(new RolloutException(ref + ": " + record.holder() + " took the rollout over while this process"
              + " could not renew its Lease; it goes on from there"));
        }
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the live pod template is one this rollout did not apply: another writer ({@code
   * kubectl set image}, {@code kubectl apply}) pushed a new revision since this process's last
   * apply, which the informer has seen.
   */
  private boolean pushedByAnotherWriter(V1Deployment live) {
    if (appliedFor == null || generation(live) < appliedGeneration) {
      return false; // nothing applied by this process yet, or our last write is not seen yet
    }
    V1PodTemplateSpec ours = expectedTemplate;
    if (appliedFor == Phase.ABORTING) {
      ours = cache.replicaSetsOf(live.getMetadata().getUid()).stream()
          .filter(rs -> Templates.hashOf(rs).equals(record.stableHash())).findFirst()
          .map(rs -> rs.getSpec().getTemplate()).orElse(null);
    }
    return ours != null && !Templates.equalIgnoringHash(live.getSpec().getTemplate(), ours);
  }

  /**
   * A new template pushed mid-rollout supersedes this one, as a new rollout started in this
   * engine would: the pushed template's rollout starts at step 1 with the same strategy, on the
   * user's Deployment (the held fields as the user applied them), its first batch gated before
   * the controller grows it further; the stable revision is untouched; this revision's pods go.
   */
  private void supersedeWith(V1Deployment live) {
    note(stepNumber(), "the pod template of " + ref + " was changed by another writer at step " + stepNumber()
        + ": this rollout is superseded, and the pushed template's rollout starts at step 1 with the same"
        + " strategy; the stable revision " + blankAsUnknown(record.stableHash()) + " keeps serving",
        "RolloutSuperseding", true);
    engine.start().accept(rollout.withDeployment(Gate.withTemplate(config, live.getSpec().getTemplate())));
  }

  // ---------------------------------------------------------------------------------------------
  // Stepping: hold the batch, measure, go on.

  private void stepping(V1Deployment live) throws ApiException {
    int replicas = replicas(live);
    int step = record.step();
    if (step >= steps.size()) {
      write(record.atStep(steps.size(), Instant.now(), true));
      wake();
      return;
    }
    int want = Gate.canaryPods(weightAt(step), replicas);
    if (appliedFor != Phase.STEPPING || appliedWant != want) {
      if (appliedFor == Phase.STEPPING && weightAt(appliedStep) == weightAt(step)) {
        note(stepNumber(), "replicas are now " + replicas + ": the batch is " + want + " new pods", "RolloutRescaled",
            false);
      }
      appliedGeneration = applyTakingBackHeldFields(Gate.holding(config, want));
      appliedFor = Phase.STEPPING;
      appliedStep = step;
      appliedWant = want;
      return;
    }
    // A step with the same batch as the one before needs no apply; the check below still sees drift.
    appliedStep = step;
    if (generation(live) < appliedGeneration || observedGeneration(live) < generation(live)) {
      return; // our last write is not seen yet; the informer wakes us when it is
    }
    List<String> deviations = Gate.deviations(live, want);
    if (!deviations.isEmpty()) {
      note(stepNumber(), "repairing drift: " + String.join("; ", deviations), "RolloutDriftRepaired", true);
      appliedGeneration = applyTakingBackHeldFields(Gate.holding(config, want));
      return;
    }

    List<V1ReplicaSet> replicaSets = cache.replicaSetsOf(live.getMetadata().getUid());
    Optional<V1ReplicaSet> newSet = Templates.replicaSetFor(expectedTemplate, replicaSets);
    if (newSet.isPresent() && record.revisionHash().isEmpty()) {
      write(record.withRevision(Templates.hashOf(newSet.get())));
    }
    List<V1Pod> pods = newSet.map(rs -> cache.podsOf(rs.getMetadata().getUid())).orElse(List.of());
    Duration minReady = Duration.ofSeconds(Objects.requireNonNullElse(config.getSpec().getMinReadySeconds(), 0));
    Instant now = Instant.now();
    int ready = 0;
    int readyLongEnough = 0;
    Instant nextCount = null;
    for (V1Pod pod : pods) {
      Instant since = readySince(pod);
      if (since != null) {
        ready++;
        Instant counts = since.plus(minReady);
        if (!counts.isAfter(now)) {
          readyLongEnough++;
        } else if (nextCount == null || counts.isBefore(nextCount)) {
          nextCount = counts;
        }
      }
    }
    progress(live, replicaSets, want, ready, readyLongEnough);
    if (blueGreen != null) {
      boolean switching = step >= switchStep;
      if (switching && readyLongEnough < replicas) {
        // The switch needs the whole new revision Ready: some pod went away since; wait for it again.
        waiting("switching: " + readyLongEnough + " of " + replicas + " new pods Ready");
        if (Duration.between(record.stepStartedAt(), Instant.now()).compareTo(stepTimeout) >= 0) {
          beginAbort("the new revision lost Ready pods before the switch (" + readyLongEnough + " of " + replicas
              + ")", false);
        }
        return;
      }
      if (!record.revisionHash().isEmpty()) {
        List<BlueGreenServices.Change> changes = services.keepPinned(record.stableHash(), record.revisionHash(),
            switching);
        if (!changes.isEmpty()) {
          changes.forEach(change -> note(stepNumber(), change));
          wake(); // the Services are not watched: look again now
          return;
        }
      }
    }

    if (!backgroundChecks.isEmpty() && newSet.isPresent() && !now.isBefore(nextBackgroundCheck)) {
      nextBackgroundCheck = now.plus(checkInterval);
      for (Check check : backgroundChecks) {
        CheckResult result = measure(check, live, pods);
        if (result.isFailing()) {
          beginAbort(check.name() + ": " + result.message(), false);
          return;
        }
      }
      wakeAt(nextBackgroundCheck);
    }
    if (record.paused()) {
      waiting("paused at step " + stepNumber() + " (" + steps.get(step).describe() + "); resume or promote to go on");
      return;
    }
    if (!record.promoteRequest().isEmpty()) {
      boolean full = "full".equals(record.promoteRequest());
      note(stepNumber(), full ? "promoted: skipping the remaining steps" : "promoted: skipping step " + stepNumber()
          + " (" + steps.get(step).describe() + ")", "RolloutPromoted", false);
      advance(full ? steps.size() : step + 1);
      return;
    }
    Duration elapsed = Duration.between(record.stepStartedAt(), now);
    CanaryStep current = steps.get(step);
    if (current instanceof CanaryStep.SetWeight weight) {
      if (readyLongEnough >= want) {
        note(stepNumber(), describe(step) + ": " + readyLongEnough + " of " + want + " new pods Ready"
            + (minReady.isZero() ? "" : " for " + human(minReady)) + ", " + replicas + " stable pods kept",
            "RolloutStep", false);
        advance(step + 1);
      } else if (elapsed.compareTo(stepTimeout) >= 0) {
        CheckResult health = PodHealth.defaults().evaluate(context(live, pods));
        beginAbort(describe(step) + ": only " + readyLongEnough + " of " + want + " new pods Ready after "
            + human(stepTimeout) + " (" + health.message() + ")", false);
      } else {
        waiting(describe(step) + ": " + readyLongEnough + " of " + want + " new pods Ready");
        wakeAt(nextCount != null && nextCount.isBefore(record.stepStartedAt().plus(stepTimeout))
            ? nextCount : record.stepStartedAt().plus(stepTimeout));
      }
    } else if (current instanceof CanaryStep.Pause pause) {
      if (elapsed.compareTo(pause.duration()) >= 0) {
        note(stepNumber(), describe(step) + ": done", "RolloutStep", false);
        advance(step + 1);
      } else {
        waiting(pause.describe() + ": " + human(pause.duration().minus(elapsed)) + " left");
        wakeAt(record.stepStartedAt().plus(pause.duration()));
      }
    } else if (current instanceof CanaryStep.PauseUntilPromoted) {
      waiting("paused until promoted (Rollouts.promote, mizzen rollout promote)");
    } else if (current instanceof CanaryStep.Analyse analyse) {
      analyse(live, pods, analyse, elapsed);
    }
  }

  private void analyse(V1Deployment live, List<V1Pod> pods, CanaryStep.Analyse analyse, Duration elapsed)
      throws ApiException {
    List<String> passed = new ArrayList<>();
    String pending = null;
    for (Check check : analyse.checks()) {
      CheckResult result = measure(check, live, pods);
      switch (result.outcome()) {
        case SUCCESS -> passed.add(check.name() + ": " + result.message());
        case FAILURE, ERROR -> {
          beginAbort(check.name() + ": " + result.outcome().name().toLowerCase() + ": " + result.message(), false);
          return;
        }
        case INCONCLUSIVE -> {
          note(stepNumber(), check.name() + " is inconclusive (" + result.message()
              + "): paused until promoted or aborted", "RolloutAnalysisInconclusive", true);
          write(record.pausedAs(true, Instant.now()));
          return;
        }
        case NO_DATA -> pending = check.name() + ": " + result.message();
      }
    }
    if (pending == null) {
      note(stepNumber(), analyse.describe() + ": " + String.join("; ", passed), "RolloutAnalysisSucceeded", false);
      advance(record.step() + 1);
    } else if (elapsed.compareTo(stepTimeout) >= 0) {
      beginAbort(analyse.describe() + ": still no data after " + human(stepTimeout) + " (" + pending + ")",
          false);
    } else {
      waiting(analyse.describe() + ": " + pending);
      wakeIn(checkInterval);
    }
  }

  /**
   * Applies without force, as the user's own apply would; where another writer took fields the
   * rollout holds (a {@code kubectl edit} of minReadySeconds), takes those back with force. A
   * conflict on any other field (say spec.replicas, set by the user and changed by someone else)
   * is not the engine's to decide: it stops the rollout, held where it is, with the conflict.
   */
  private long applyTakingBackHeldFields(V1Deployment desired) throws ApiException {
    if (!lease.isHeld()) {
      // This pass began with the lease; a process suspended since then must not write.
      throw new IllegalStateException("the Lease " + store.name() + " was not renewed in time; not applying");
    }
    // An apply that changes nothing brings no watch event: look again in any case.
    wake();
    try {
      return generation(applier.apply(desired, false, false));
    } catch (ApplyConflictException conflict) {
      if (!conflict.conflicts().stream().allMatch(c -> Gate.isHeldField(c.field()))) {
        throw conflict;
      }
      note(stepNumber(), "taking back from another writer: " + conflict.conflicts(), "RolloutDriftRepaired", true);
      return generation(applier.apply(desired, true, false));
    }
  }

  private CheckResult measure(Check check, V1Deployment live, List<V1Pod> pods) {
    try {
      return check.evaluate(context(live, pods));
    } catch (Exception e) {
      return CheckResult.error("the check threw " + e);
    }
  }

  private CheckContext context(V1Deployment live, List<V1Pod> pods) {
    return new CheckContext(engine.client(), rollout.namespace(), rollout.name(), revisionHash(), pods,
        record.startedAt(), Instant.now());
  }

  private void advance(int step) throws ApiException {
    boolean finishing = step >= steps.size();
    if (write(record.atStep(Math.min(step, steps.size()), Instant.now(), finishing))) {
      if (!finishing) {
        note(stepNumber(), "step " + stepNumber() + ": " + describe(record.step()), "RolloutStep", false);
      }
      wake();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Finishing: apply the user's Deployment as it is and let the controller complete.

  private void finishing(V1Deployment live) throws ApiException {
    if (appliedFor != Phase.FINISHING) {
      if (stateless) {
        wake(); // an apply that changes nothing brings no watch event
        appliedGeneration = generation(applier.apply(config, false, false));
      } else {
        appliedGeneration = applyTakingBackHeldFields(config);
      }
      appliedFor = Phase.FINISHING;
      note(stepNumber(), "applied " + ref + " as given: the Deployment controller finishes the rollout with its own"
          + " strategy", "RolloutFinishing", false);
      return;
    }
    if (live == null || generation(live) < appliedGeneration) {
      return;
    }
    List<V1ReplicaSet> replicaSets = cache.replicaSetsOf(live.getMetadata().getUid());
    Optional<V1ReplicaSet> current = Templates.replicaSetFor(live.getSpec().getTemplate(), replicaSets);
    progress(live, replicaSets, replicas(live), 0, 0);
    RolloutVerdict verdict = RolloutVerdicts.of(live);
    if (verdict.isDone()) {
      if (services != null) {
        note(stepNumber(), services.release());
      }
      String hash = current.map(Templates::hashOf).orElse(revisionHash());
      note(stepNumber(), "promoted: " + verdict.message() + " (revision " + hash + ")", "RolloutCompleted", false);
      finish(new RolloutOutcome.Promoted(hash, timeline), true);
    } else if (verdict instanceof RolloutVerdict.Failed failed) {
      if (stateless || record.stableHash().isEmpty()) {
        finish(new RolloutOutcome.Aborted(current.map(Templates::hashOf).orElse(""), failed.message(), stepNumber(),
            timeline), true);
      } else {
        beginAbort(failed.message(), false);
      }
    } else {
      waiting(verdict.message());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Aborting: the stable template back, the new pods gone.

  private void beginAbort(String reason, boolean deadline) throws ApiException {
    note(stepNumber(), "aborting: " + reason, deadline ? "RolloutDeadlineExceeded" : "RolloutAborting", true);
    write(record.aborting(reason, deadline));
    wake();
  }

  private void aborting(V1Deployment live) throws ApiException {
    List<V1ReplicaSet> replicaSets = cache.replicaSetsOf(live.getMetadata().getUid());
    Optional<V1ReplicaSet> stable = replicaSets.stream()
        .filter(rs -> Templates.hashOf(rs).equals(record.stableHash())).findFirst();
    if (stable.isEmpty()) {
      finish(abortOutcome(" (the stable ReplicaSet " + blankAsUnknown(record.stableHash())
          + " no longer exists, so the Deployment was left as it is)"), true);
      return;
    }
    if (appliedFor != Phase.ABORTING) {
      if (services != null) {
        services.switchBack(record.stableHash()).forEach(change -> note(stepNumber(), change));
      }
      appliedGeneration = applyTakingBackHeldFields(Gate.withTemplate(config, stable.get().getSpec().getTemplate()));
      appliedFor = Phase.ABORTING;
      note(stepNumber(), "applied the stable template (revision " + record.stableHash() + ") back", "RolloutAborting",
          true);
      return;
    }
    if (generation(live) < appliedGeneration) {
      return;
    }
    progress(live, replicaSets, replicas(live), 0, 0);
    RolloutVerdict verdict = RolloutVerdicts.of(live);
    boolean stableIsCurrent = Templates.equalIgnoringHash(live.getSpec().getTemplate(), stable.get().getSpec().getTemplate());
    // The Deployment's status may call it done a moment before the ReplicaSet controller has
    // deleted every new pod: an abort is over when the pods of other revisions are going too.
    long others = replicaSets.stream().filter(rs -> !Templates.hashOf(rs).equals(record.stableHash()))
        .mapToLong(rs -> cache.podsOf(rs.getMetadata().getUid()).size()).sum();
    if (verdict.isDone() && stableIsCurrent && others == 0) {
      if (services != null) {
        note(stepNumber(), services.release());
      }
      note(stepNumber(), "aborted: the stable revision " + record.stableHash() + " serves all "
          + replicas(live) + " replicas, the new pods are gone", "RolloutAborted", true);
      finish(abortOutcome(""), true);
    } else {
      waiting("aborting: " + verdict.message() + (others == 0 ? "" : "; " + others + " new pods still running"));
    }
  }

  private RolloutOutcome abortOutcome(String suffix) {
    return record.deadlineExceeded()
        ? new RolloutOutcome.DeadlineExceeded(revisionHash(), rollout.deadline(), stepNumber(), timeline)
        : new RolloutOutcome.Aborted(revisionHash(), record.reason() + suffix, stepNumber(), timeline);
  }

  // ---------------------------------------------------------------------------------------------
  // Ending, writing, telling.

  private void finish(RolloutOutcome result, boolean cleanUp) {
    if (cleanUp && !stateless && stored != null && lease != null && lease.isHeld()) {
      try {
        store.delete(stored.resourceVersion());
      } catch (ApiException e) {
        log.warn("{}: could not delete {} ({}); the Deployment owns it, so it goes with the Deployment", ref,
            store.name(), e.getMessage());
      }
      lease.release();
    }
    stopRenewing();
    outcome.complete(result);
  }

  @Override
  protected void fail(RolloutException e) {
    if (stored == null && lease != null) {
      lease.release(); // nothing was started: leave nothing behind
    }
    stopRenewing();
    super.fail(e);
  }

  private void stopRenewing() {
    if (renewals != null) {
      renewals.cancel(false);
    }
  }

  /** Writes {@code next} if this process still holds the lease; false (and a pass soon) if it could not. */
  private boolean write(RolloutRecord next) throws ApiException {
    if (stateless) {
      record = next;
      return true;
    }
    if (!lease.isHeld()) {
      wakeIn(engine.retryPeriod());
      return false;
    }
    try {
      stored = store.replace(next.heldBy(engine.identity()), stored.resourceVersion());
      record = stored.record();
      return true;
    } catch (ApiException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      stored = store.read().orElseThrow(() -> new RolloutException(ref + ": the rollout's state " + store.name()
          + " was deleted by someone else; the stable revision " + record.stableHash() + " serves, the Deployment"
          + " is held where it was; run the rollout again to go on"));
      record = stored.record();
      wake();
      return false;
    }
  }

  private void note(int step, BlueGreenServices.Change change) {
    note(step, change.what(), change.reason(), change.warning());
  }

  private void note(int step, String what, String reason, boolean warning) {
    record(new TimelineEntry(Instant.now(), step, what));
    lastWaiting = "";
    V1Deployment live = cache.deployment(rollout.name());
    if (live != null) {
      engine.events().emit(live, reason, what, warning);
    }
  }

  /** Logs a waiting state once, not at every pass. */
  private void waiting(String what) {
    if (!what.equals(lastWaiting)) {
      lastWaiting = what;
      log.debug("{} [step {}] {}", ref, stepNumber(), what);
    }
  }

  private void progress(V1Deployment live, List<V1ReplicaSet> replicaSets, int want, int canaryReady,
                        int canaryCounted) {
    V1ReplicaSet stable = record == null ? null : replicaSets.stream()
        .filter(rs -> Templates.hashOf(rs).equals(record.stableHash())).findFirst().orElse(null);
    V1ReplicaSet fresh = replicaSets.stream()
        .filter(rs -> expectedTemplate != null && Templates.equalIgnoringHash(rs.getSpec().getTemplate(), expectedTemplate))
        .findFirst().orElse(null);
    int step = stepNumber();
    RolloutProgress now = new RolloutProgress(step, steps.size(),
        record != null && record.phase() == Phase.STEPPING && record.step() < steps.size()
            ? steps.get(record.step()).describe() : record != null ? record.phase().name().toLowerCase() : "",
        replicas(live), want, ready(stable), available(stable),
        fresh == null ? canaryReady : Math.max(canaryReady, ready(fresh)), available(fresh));
    if (!now.equals(lastProgress)) {
      lastProgress = now;
      try {
        engine.listener().onProgress(rollout.namespace(), rollout.name(), now);
      } catch (RuntimeException e) {
        log.warn("{}: the rollout listener threw {}", ref, e.toString());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Small readings.

  /** What step {@code index} does, in the strategy's own words. */
  private String describe(int index) {
    CanaryStep step = steps.get(index);
    if (blueGreen == null) {
      return step.describe();
    }
    if (index == 0) {
      return "the whole new revision next to the stable one";
    }
    if (index == switchStep) {
      return "switch Service/" + blueGreen.activeService() + ", keep the stable pods "
          + human(blueGreen.scaleDownDelay()) + " for an instant rollback";
    }
    if (step instanceof CanaryStep.PauseUntilPromoted) {
      return "wait until promoted, then switch";
    }
    if (step instanceof CanaryStep.Pause pause) {
      return "switch in " + human(pause.duration());
    }
    return step.describe();
  }

  private int weightAt(int step) {
    int weight = 0;
    for (int i = 0; i <= step && i < steps.size(); i++) {
      if (steps.get(i) instanceof CanaryStep.SetWeight setWeight) {
        weight = setWeight.percent();
      }
    }
    return weight;
  }

  private int stepNumber() {
    return record == null ? 0 : record.step() + 1;
  }

  private String revisionHash() {
    return record == null ? "" : record.revisionHash();
  }

  private static int replicas(V1Deployment deployment) {
    return deployment == null ? 0 : Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
  }

  private static long generation(V1Deployment deployment) {
    return deployment == null || deployment.getMetadata().getGeneration() == null ? 0
        : deployment.getMetadata().getGeneration();
  }

  private static long observedGeneration(V1Deployment deployment) {
    return deployment.getStatus() == null || deployment.getStatus().getObservedGeneration() == null ? 0
        : deployment.getStatus().getObservedGeneration();
  }

  private static int ready(V1ReplicaSet replicaSet) {
    return replicaSet == null || replicaSet.getStatus() == null || replicaSet.getStatus().getReadyReplicas() == null
        ? 0 : replicaSet.getStatus().getReadyReplicas();
  }

  private static int available(V1ReplicaSet replicaSet) {
    return replicaSet == null || replicaSet.getStatus() == null || replicaSet.getStatus().getAvailableReplicas() == null
        ? 0 : replicaSet.getStatus().getAvailableReplicas();
  }

  /** When the pod last became Ready, or null if it is not Ready. */
  private static Instant readySince(V1Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return null;
    }
    for (V1PodCondition condition : pod.getStatus().getConditions()) {
      if ("Ready".equals(condition.getType()) && "True".equals(condition.getStatus())) {
        return condition.getLastTransitionTime() == null ? Instant.EPOCH : condition.getLastTransitionTime().toInstant();
      }
    }
    return null;
  }

  private static boolean newer(String candidate, String than) {
    try {
      return Long.parseLong(candidate) > Long.parseLong(than);
    } catch (NumberFormatException e) {
      return !candidate.equals(than);
    }
  }

  private static V1OwnerReference owner(V1Deployment live) {
    return new V1OwnerReference().apiVersion("apps/v1").kind("Deployment").name(live.getMetadata().getName())
        .uid(live.getMetadata().getUid());
  }

  private static String blankAsUnknown(String hash) {
    return hash.isEmpty() ? "(not created yet)" : hash;
  }

  static String human(Duration duration) {
    return duration.toString().substring(2).toLowerCase();
  }
}
