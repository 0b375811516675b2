package dev.mizzen.strategies.rollout.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the engine keeps in the cluster about one rollout, so that another process can take over
 * at the same step: the Deployment to apply at the end, the stable and new revisions, the step
 * and when it started, and the requests of {@code promote}, {@code pause}, {@code resume} and
 * {@code abort} from any process. Stored as the {@code data} of a ConfigMap (see
 * {@link StateStore}), never on the Deployment: the Deployment controller copies a Deployment's
 * annotations onto its ReplicaSets, from where {@code rollout undo} would bring them back.
 *
 * @param config the user's Deployment (JSON), applied unchanged at the end
 * @param configHash identifies {@code config}: the same rollout resumes, another one supersedes
 * @param stableHash {@code pod-template-hash} of the revision serving before the rollout
 * @param revisionHash {@code pod-template-hash} of the new revision, "" until the controller made it
 * @param step index into the strategy's steps; equal to their number while finishing
 * @param phase what the engine is doing
 * @param reason why it aborts (phase {@link Phase#ABORTING}), else ""
 * @param paused whether a person paused it
 * @param promoteRequest "", {@code step} (skip the current step) or {@code full} (skip all)
 * @param abortRequest "" or the reason a person gave for aborting
 */
public record RolloutRecord(String config, String configHash, String stableHash, String revisionHash,
                            int step, Instant stepStartedAt, Instant startedAt, Phase phase, String reason,
                            boolean deadlineExceeded, boolean paused, String promoteRequest, String abortRequest,
                            String holder) {

  /** What the engine is doing. */
  public enum Phase {
    /** Walking the steps, the rollout held at the current batch. */
    STEPPING,
    /** The user's Deployment is applied as is; waiting for the controller to finish. */
    FINISHING,
    /** The stable template is applied back; waiting for the new pods to go. */
    ABORTING
  }

  public RolloutRecord {
    checkNotNull(config, "config");
    checkNotNull(configHash, "configHash");
    checkNotNull(stableHash, "stableHash");
    checkNotNull(revisionHash, "revisionHash");
    checkNotNull(stepStartedAt, "stepStartedAt");
    checkNotNull(startedAt, "startedAt");
    checkNotNull(phase, "phase");
    checkNotNull(reason, "reason");
    checkNotNull(promoteRequest, "promoteRequest");
    checkNotNull(abortRequest, "abortRequest");
    checkNotNull(holder, "holder");
  }

  public static RolloutRecord start(String config, String configHash, String stableHash, Instant now, String holder,
                                    boolean anySteps) {
    return new RolloutRecord(config, configHash, stableHash, "", 0, now, now,
        anySteps ? Phase.STEPPING : Phase.FINISHING, "", false, false, "", "", holder);
  }

  public RolloutRecord atStep(int step, Instant now, boolean finishing) {
    return new RolloutRecord(config, configHash, stableHash, revisionHash, step, now, startedAt,
        finishing ? Phase.FINISHING : Phase.STEPPING, reason, deadlineExceeded, paused, "", abortRequest, holder);
  }

  public RolloutRecord withRevision(String hash) {
    return new RolloutRecord(config, configHash, stableHash, hash, step, stepStartedAt, startedAt, phase, reason,
        deadlineExceeded, paused, promoteRequest, abortRequest, holder);
  }

  public RolloutRecord aborting(String why, boolean deadline) {
    return new RolloutRecord(config, configHash, stableHash, revisionHash, step, stepStartedAt, startedAt,
        Phase.ABORTING, why, deadline, paused, "", "", holder);
  }

  public RolloutRecord pausedAs(boolean pause, Instant now) {
    // Resuming restarts the step's clock: a pause does not eat into a step's time.
    return new RolloutRecord(config, configHash, stableHash, revisionHash, step, pause ? stepStartedAt : now,
        startedAt, phase, reason, deadlineExceeded, pause, promoteRequest, abortRequest, holder);
  }

  public RolloutRecord requesting(String promote, String abort) {
    return new RolloutRecord(config, configHash, stableHash, revisionHash, step, stepStartedAt, startedAt, phase,
        reason, deadlineExceeded, paused, promote, abort, holder);
  }

  public RolloutRecord heldBy(String identity) {
    return new RolloutRecord(config, configHash, stableHash, revisionHash, step, stepStartedAt, startedAt, phase,
        reason, deadlineExceeded, paused, promoteRequest, abortRequest, identity);
  }

  /** As ConfigMap data, one readable key per field. */
  public Map<String, String> toData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("phase", phase.name());
    data.put("step", String.valueOf(step));
    data.put("stepStartedAt", stepStartedAt.toString());
    data.put("startedAt", startedAt.toString());
    data.put("stableHash", stableHash);
    data.put("revisionHash", revisionHash);
    data.put("reason", reason);
    data.put("deadlineExceeded", String.valueOf(deadlineExceeded));
    data.put("paused", String.valueOf(paused));
    data.put("promoteRequest", promoteRequest);
    data.put("abortRequest", abortRequest);
    data.put("holder", holder);
    data.put("configHash", configHash);
    data.put("config", config);
    return data;
  }

  /** Reads {@link #toData()} back; a missing key reads as its empty value. */
  public static RolloutRecord fromData(Map<String, String> data) {
    return new RolloutRecord(data.getOrDefault("config", "{}"), data.getOrDefault("configHash", ""),
        data.getOrDefault("stableHash", ""), data.getOrDefault("revisionHash", ""),
        Integer.parseInt(data.getOrDefault("step", "0")),
        Instant.parse(data.getOrDefault("stepStartedAt", Instant.EPOCH.toString())),
        Instant.parse(data.getOrDefault("startedAt", Instant.EPOCH.toString())),
        Phase.valueOf(data.getOrDefault("phase", Phase.STEPPING.name())), data.getOrDefault("reason", ""),
        Boolean.parseBoolean(data.get("deadlineExceeded")), Boolean.parseBoolean(data.get("paused")),
        data.getOrDefault("promoteRequest", ""), data.getOrDefault("abortRequest", ""),
        data.getOrDefault("holder", ""));
  }
}
