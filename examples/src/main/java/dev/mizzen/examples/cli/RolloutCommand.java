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
 * {@code rollout status|promote|pause|resume|abort DEPLOYMENT [-n NAMESPACE] [--kubeconfig FILE]}
 * ({@code status} also takes kubectl's {@code statefulset/NAME} and {@code daemonset/NAME}):
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
        + " [-n NAMESPACE] [--kubeconfig FILE]   look at or control a rollout (status also takes statefulset/NAME,"
        + " daemonset/NAME)";
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
    // kubectl's TYPE/NAME: deployment/web, statefulset/db (sts), daemonset/agent (ds); a bare name is a Deployment.
    String kind = "Deployment";
    int slash = deployment.indexOf('/');
    if (slash >= 0) {
      kind = switch (deployment.substring(0, slash).toLowerCase(java.util.Locale.ROOT)) {
        case "deployment", "deployments", "deploy" -> "Deployment";
        case "statefulset", "statefulsets", "sts" -> "StatefulSet";
        case "daemonset", "daemonsets", "ds" -> "DaemonSet";
        default -> throw new UsageException("rollout " + action + " takes a Deployment, statefulset/NAME or"
            + " daemonset/NAME, was " + deployment);
      };
      deployment = deployment.substring(slash + 1);
    }
    if (!kind.equals("Deployment") && !action.equals("status")) {
      throw new UsageException("rollout " + action + " is for the engine's rollouts of Deployments; a " + kind
          + " rolls out with its own controller: use rollout status " + kind.toLowerCase(java.util.Locale.ROOT) + "/"
          + deployment);
    }
    ApiClient client = kubeconfig == null ? Config.defaultClient() : Config.fromConfig(kubeconfig);
    String ref = kind + "/" + namespace + "/" + deployment;
    try (Rollouts rollouts = Rollouts.using(client)) {
      switch (action) {
        case "status" -> {
          RolloutStatus status = RolloutStatus.using(client);
          return switch (kind) {
            case "StatefulSet" -> status(Optional.empty(), status.statefulSet(namespace, deployment).now(), ref, out);
            case "DaemonSet" -> status(Optional.empty(), status.daemonSet(namespace, deployment).now(), ref, out);
            default -> status(rollouts.status(namespace, deployment), status.deployment(namespace, deployment).now(),
                ref, out);
          };
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
