package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.map;
import static dev.mizzen.testkit.parity.RawObject.of;

import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.DaemonSet;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.DeploymentStrategy;
import dev.mizzen.dsl.workload.Job;
import dev.mizzen.dsl.workload.JobSettings;
import dev.mizzen.dsl.workload.StatefulSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Changes to the workload fields around the pod template: replicas, strategies, Job and CronJob settings. */
final class WorkloadChanges {
  private WorkloadChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(new ChangeSource("workload.replicas", EnumSet.of(Kind.DEPLOYMENT, Kind.STATEFUL_SET), r -> {
      int replicas = Edges.int32(r);
      return Change.of("workload.replicas", "replicas " + replicas,
          d -> {
            if (d.kind() == Kind.DEPLOYMENT) {
              d.on(Deployment.Builder.class, b -> b.replicas(replicas));
            } else {
              d.on(StatefulSet.Builder.class, b -> b.replicas(replicas));
            }
          },
          raw -> raw.spec().put("replicas", replicas));
    }));
    all.add(new ChangeSource("workload.history", EnumSet.of(Kind.DEPLOYMENT, Kind.DAEMON_SET), r -> {
      int limit = Edges.int32(r);
      return Change.of("workload.history", "revisionHistoryLimit " + limit,
          d -> {
            if (d.kind() == Kind.DEPLOYMENT) {
              d.on(Deployment.Builder.class, b -> b.revisionHistoryLimit(limit));
            } else {
              d.on(DaemonSet.Builder.class, b -> b.revisionHistoryLimit(limit));
            }
          },
          raw -> raw.spec().put("revisionHistoryLimit", limit));
    }));
    all.add(new ChangeSource("deployment.timing", EnumSet.of(Kind.DEPLOYMENT), r -> {
      Long minReady = pick(r, null, -1L, 0L, 10L, 599L, 600L, 2147483648L);
      Long deadline = pick(r, null, 0L, 10L, 600L, 2147483647L);
      return Change.of("deployment.timing", "minReady " + minReady + "s progressDeadline " + deadline + "s",
          d -> d.on(Deployment.Builder.class, b -> {
            if (minReady != null) {
              b.minReady(Duration.ofSeconds(minReady));
            }
            if (deadline != null) {
              b.progressDeadline(Duration.ofSeconds(deadline));
            }
          }),
          raw -> {
            if (minReady != null) {
              raw.spec().put("minReadySeconds", minReady);
            }
            if (deadline != null) {
              raw.spec().put("progressDeadlineSeconds", deadline);
            }
          });
    }));
    all.add(new ChangeSource("deployment.strategy", EnumSet.of(Kind.DEPLOYMENT), r -> {
      String surge = amount(r);
      String unavailable = amount(r);
      return Change.of("deployment.strategy", "rolling update maxSurge " + surge + " maxUnavailable " + unavailable,
          d -> d.on(Deployment.Builder.class, b -> b.strategy(DeploymentStrategy.rollingUpdate(
              Amount.parse(surge), Amount.parse(unavailable)))),
          raw -> raw.spec().put("strategy", of("type", "RollingUpdate", "rollingUpdate",
              of("maxSurge", intOrString(surge), "maxUnavailable", intOrString(unavailable)))));
    }));
    all.add(new ChangeSource("statefulset.update", EnumSet.of(Kind.STATEFUL_SET), r -> {
      Integer partition = pick(r, null, -1, 0, 3);
      String unavailable = pick(r, null, amount(r));
      boolean onDelete = r.nextInt(4) == 0;
      Integer start = pick(r, null, -1, 0, 5);
      String service = pick(r, null, "web", "Web", Edges.label(63), Edges.label(64), "web.x");
      return Change.of("statefulset.update", "partition " + partition + " maxUnavailable " + unavailable
              + (onDelete ? " OnDelete" : "") + " ordinals.start " + start + " serviceName " + service,
          d -> d.on(StatefulSet.Builder.class, b -> {
            if (partition != null) {
              b.partition(partition);
            }
            if (unavailable != null) {
              b.maxUnavailable(Amount.parse(unavailable));
            }
            if (onDelete) {
              b.onDelete(true);
            }
            if (start != null) {
              b.startOrdinal(start);
            }
            if (service != null) {
              b.serviceName(service);
            }
          }),
          raw -> {
            if (onDelete) {
              Map<String, Object> strategy = of("type", "OnDelete");
              if (partition != null || unavailable != null) {
                strategy.put("rollingUpdate", rolling(partition, unavailable));
              }
              raw.spec().put("updateStrategy", strategy);
            } else if (partition != null || unavailable != null) {
              raw.spec().put("updateStrategy", of("type", "RollingUpdate", "rollingUpdate", rolling(partition, unavailable)));
            }
            if (start != null) {
              raw.spec().put("ordinals", of("start", start));
            }
            if (service != null) {
              raw.spec().put("serviceName", service);
            }
          }).stricterWhen(unavailable != null && !onDelete && List.of("-1", "0", "0%", "101%", "-1%").contains(unavailable),
              StricterRule.STATEFUL_SET_MAX_UNAVAILABLE);
    }));
    all.add(new ChangeSource("daemonset.update", EnumSet.of(Kind.DAEMON_SET), r -> {
      String surge = pick(r, null, amount(r));
      String unavailable = pick(r, null, amount(r));
      boolean onDelete = r.nextInt(4) == 0;
      return Change.of("daemonset.update", "maxSurge " + surge + " maxUnavailable " + unavailable
              + (onDelete ? " OnDelete" : ""),
          d -> d.on(DaemonSet.Builder.class, b -> {
            if (surge != null) {
              b.maxSurge(Amount.parse(surge));
            }
            if (unavailable != null) {
              b.maxUnavailable(Amount.parse(unavailable));
            }
            if (onDelete) {
              b.onDelete(true);
            }
          }),
          raw -> {
            Map<String, Object> rolling = of();
            if (surge != null) {
              rolling.put("maxSurge", intOrString(surge));
            }
            if (unavailable != null) {
              rolling.put("maxUnavailable", intOrString(unavailable));
            }
            if (onDelete || !rolling.isEmpty()) {
              Map<String, Object> strategy = of("type", onDelete ? "OnDelete" : "RollingUpdate");
              if (!rolling.isEmpty()) {
                strategy.put("rollingUpdate", rolling);
              }
              raw.spec().put("updateStrategy", strategy);
            }
          }).stricterWhen(onDelete && (surge != null || unavailable != null), StricterRule.DAEMON_SET_ON_DELETE);
    }));
    all.add(new ChangeSource("job.settings", EnumSet.of(Kind.JOB, Kind.CRON_JOB), r -> {
      Integer backoff = pick(r, null, -1, 0, 6);
      Integer completions = pick(r, null, -1, 0, 1, 3, 100001);
      Integer parallelism = pick(r, null, -1, 0, 2, 100001);
      boolean indexed = r.nextBoolean();
      Integer perIndex = indexed ? pick(r, null, -1, 0, 2) : null;
      Integer maxFailed = indexed ? pick(r, null, -1, 0, 1, 4) : null;
      Long deadline = pick(r, null, -1L, 0L, 1L, 60L);
      Long ttl = pick(r, null, -1L, 0L, 100L, 2147483648L);
      return Change.of("job.settings", "backoffLimit " + backoff + " completions " + completions + " parallelism "
              + parallelism + (indexed ? " Indexed backoffLimitPerIndex " + perIndex + " maxFailedIndexes " + maxFailed : "")
              + " activeDeadline " + deadline + "s ttlAfterFinished " + ttl + "s",
          d -> {
            if (d.kind() == Kind.JOB) {
              d.on(Job.Builder.class, b -> {
                if (backoff != null) { b.backoffLimit(backoff); }
                if (completions != null) { b.completions(completions); }
                if (parallelism != null) { b.parallelism(parallelism); }
                if (indexed) { b.completionMode(JobSettings.CompletionMode.INDEXED); }
                if (perIndex != null) { b.backoffLimitPerIndex(perIndex); }
                if (maxFailed != null) { b.maxFailedIndexes(maxFailed); }
                if (deadline != null) { b.activeDeadline(Duration.ofSeconds(deadline)); }
                if (ttl != null) { b.ttlAfterFinished(Duration.ofSeconds(ttl)); }
              });
            } else {
              d.on(CronJob.Builder.class, b -> {
                if (backoff != null) { b.backoffLimit(backoff); }
                if (completions != null) { b.completions(completions); }
                if (parallelism != null) { b.parallelism(parallelism); }
                if (indexed) { b.completionMode(JobSettings.CompletionMode.INDEXED); }
                if (perIndex != null) { b.backoffLimitPerIndex(perIndex); }
                if (maxFailed != null) { b.maxFailedIndexes(maxFailed); }
                if (deadline != null) { b.activeDeadline(Duration.ofSeconds(deadline)); }
                if (ttl != null) { b.ttlAfterFinished(Duration.ofSeconds(ttl)); }
              });
            }
          },
          raw -> {
            Map<String, Object> spec = raw.kind() == Kind.JOB ? raw.spec() : map(map(raw.spec(), "jobTemplate"), "spec");
            if (backoff != null) { spec.put("backoffLimit", backoff); }
            if (completions != null) { spec.put("completions", completions); }
            if (parallelism != null) { spec.put("parallelism", parallelism); }
            if (indexed) { spec.put("completionMode", "Indexed"); }
            if (perIndex != null) { spec.put("backoffLimitPerIndex", perIndex); }
            if (maxFailed != null) { spec.put("maxFailedIndexes", maxFailed); }
            if (deadline != null) { spec.put("activeDeadlineSeconds", deadline); }
            if (ttl != null) { spec.put("ttlSecondsAfterFinished", ttl); }
          }).stricterWhen(deadline != null && deadline == 0L, StricterRule.JOB_ACTIVE_DEADLINE);
    }));
    all.add(new ChangeSource("cronjob.schedule", EnumSet.of(Kind.CRON_JOB), r -> {
      String schedule = pick(r, "*/5 * * * *", "0 0 * * *", "@hourly", "@every 1h", "@every 0s", "* * * *",
          "60 * * * *", "0 24 * * *", "*/0 * * * *", "1,,2 * * * *", "TZ=UTC 0 0 * * *", "CRON_TZ=UTC 0 0 * * *",
          "0 0 1 1 SUN", "0 0 ? * *", "", "5-1 * * * *", "@yearly", "@reboot");
      return Change.of("cronjob.schedule", "schedule '" + schedule + "'", d -> d.schedule(schedule),
          raw -> raw.spec().put("schedule", schedule))
          .stricterWhen(schedule.equals("1,,2 * * * *") || schedule.equals("@every 0s"), StricterRule.CRON_SCHEDULE);
    }));
    all.add(new ChangeSource("cronjob.settings", EnumSet.of(Kind.CRON_JOB), r -> {
      String zone = pick(r, null, "Europe/Berlin", "UTC", "Local", "", "EST", "Mars/Olympus", "../etc", "Etc/GMT+5",
          "America/Argentina/Buenos_Aires", "-x/y");
      Long deadline = pick(r, null, -1L, 0L, 100L);
      Integer successful = pick(r, null, -1, 0, 3);
      Integer failed = pick(r, null, -1, 0, 1);
      return Change.of("cronjob.settings", "timeZone " + zone + " startingDeadline " + deadline
              + "s history " + successful + "/" + failed,
          d -> d.on(CronJob.Builder.class, b -> {
            if (zone != null) { b.timeZone(zone); }
            if (deadline != null) { b.startingDeadline(Duration.ofSeconds(deadline)); }
            if (successful != null) { b.successfulJobsHistoryLimit(successful); }
            if (failed != null) { b.failedJobsHistoryLimit(failed); }
          }),
          raw -> {
            if (zone != null) { raw.spec().put("timeZone", zone); }
            if (deadline != null) { raw.spec().put("startingDeadlineSeconds", deadline); }
            if (successful != null) { raw.spec().put("successfulJobsHistoryLimit", successful); }
            if (failed != null) { raw.spec().put("failedJobsHistoryLimit", failed); }
          }).stricterWhen("EST".equals(zone), StricterRule.TIME_ZONE_GO_ONLY);
    }));
    return all;
  }

  private static Map<String, Object> rolling(Integer partition, String unavailable) {
    Map<String, Object> rolling = of();
    if (partition != null) {
      rolling.put("partition", partition);
    }
    if (unavailable != null) {
      rolling.put("maxUnavailable", intOrString(unavailable));
    }
    return rolling;
  }

  /** Counts and percentages around 0 and 100%. */
  static String amount(Random r) {
    return pick(r, "-1", "0", "1", "2", "0%", "1%", "25%", "100%", "101%", "-1%");
  }

  /** An amount as the API writes it: a number, or a string with {@code %}. */
  static Object intOrString(String amount) {
    return amount.endsWith("%") ? amount : Integer.parseInt(amount);
  }
}
