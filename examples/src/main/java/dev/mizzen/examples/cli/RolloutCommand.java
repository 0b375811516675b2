package dev.mizzen.examples.cli;

import dev.mizzen.strategies.rollout.RolloutException;
import dev.mizzen.strategies.rollout.RolloutState;
import dev.mizzen.strategies.rollout.RolloutStatus;
import dev.mizzen.strategies.rollout.RolloutVerdict;
import dev.mizzen.strategies.rollout.Rollouts;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code rollout status|promote|pause|resume|abort DEPLOYMENT [-n NAMESPACE] [--kubeconfig FILE]}:
 * looks at and controls a rollout that a process drives (this or another one). Requests are
 * written to the rollout's state in the cluster; the driving process acts on them.
 */
final class RolloutCommand implements Command {
  /** Exit code when the cluster cannot be read or the request cannot be written. */
  static final int FAILED = 5;

  @Override
  public String name() {
    return "rollout";
  }

  @Override
  public String summary() {
    return "rollout status|promote [--full]|pause|resume|abort --reason TEXT|undo [--to-revision N] DEPLOYMENT"
        + " [-n NAMESPACE] [--kubeconfig FILE]   look at or control a rollout";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    if (args.isEmpty()) {
      throw new UsageException("rollout needs an action: status, promote, pause, resume, abort or undo");
    }
    String action = args.get(0);
    String namespace = "default";
    String kubeconfig = null;
    String reason = null;
    String deployment = null;
    boolean full = false;
    long toRevision = 0;
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "-n", "--namespace" -> namespace = Command.argument(args, ++i, arg);
        case "--kubeconfig" -> kubeconfig = Command.argument(args, ++i, arg);
        case "--reason" -> reason = Command.argument(args, ++i, arg);
        case "--full" -> full = true;
        case "--to-revision" -> {
          String value = Command.argument(args, ++i, arg);
          try {
            toRevision = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new UsageException("--to-revision must be a revision number, was " + value);
          }
        }
        default -> {
          if (arg.startsWith("-") || deployment != null) {
            throw new UsageException("unknown argument for rollout " + action + ": " + arg);
          }
          deployment = arg;
        }
      }
    }
    if (deployment == null) {
      throw new UsageException("rollout " + action + " needs the Deployment's name");
    }
    ApiClient client = kubeconfig == null ? Config.defaultClient() : Config.fromConfig(kubeconfig);
    String ref = "Deployment/" + namespace + "/" + deployment;
    try (Rollouts rollouts = Rollouts.using(client)) {
      switch (action) {
        case "status" -> {
          return status(rollouts.status(namespace, deployment), RolloutStatus.using(client)
              .deployment(namespace, deployment).now(), ref, out);
        }
        case "promote" -> rollouts.promote(namespace, deployment, full);
        case "pause" -> rollouts.pause(namespace, deployment);
        case "resume" -> rollouts.resume(namespace, deployment);
        case "abort" -> {
          if (reason == null) {
            throw new UsageException("rollout abort needs --reason TEXT: it is recorded in the outcome and the events");
          }
          rollouts.abort(namespace, deployment, reason);
        }
        case "undo" -> {
          String hash = rollouts.undo(namespace, deployment, toRevision);
          out.println(ref + ": template of revision " + (toRevision == 0 ? "before the current one" : toRevision)
              + " (" + hash + ") put back; the Deployment controller rolls it out");
          return 0;
        }
        default -> throw new UsageException("unknown rollout action '" + action
            + "': use status, promote, pause, resume, abort or undo");
      }
      out.println(ref + ": " + action + (full ? " (all steps)" : "") + " requested; the process driving the rollout acts on it");
      return 0;
    } catch (RolloutException e) {
      err.println("mizzen rollout " + action + ": " + e.getMessage());
      return FAILED;
    }
  }

  /** Prints the recorded rollout, if any, and kubectl's verdict; exits 1 only when that verdict is a failure. */
  private static int status(Optional<RolloutState> state, RolloutVerdict verdict, String ref, PrintStream out) {
    if (state.isEmpty()) {
      out.println(ref + ": no rollout running");
    } else {
      RolloutState s = state.get();
      out.println(ref + ": rollout " + s.phase() + " at step " + s.step() + (s.paused() ? " (paused)" : "")
          + ", stable revision " + s.stableHash() + ", new revision "
          + (s.revisionHash().isEmpty() ? "(not created yet)" : s.revisionHash())
          + ", started " + s.startedAt() + ", driven by " + s.holder()
          + (s.abortReason().isEmpty() ? "" : "; aborting: " + s.abortReason()));
    }
    out.println(verdict.message());
    return verdict instanceof RolloutVerdict.Failed ? 1 : 0;
  }
}
