package dev.mizzen.examples.apps;

import static dev.mizzen.dsl.identity.PodSecurityLevel.RESTRICTED;

import dev.mizzen.dsl.app.App;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.identity.Namespace;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.preset.GpuWorkload;
import dev.mizzen.dsl.preset.Presets;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.Job;
import java.time.Duration;

/**
 * A GPU training Job and its weekly run: two workers of one GPU each on the GPU pool (its taint
 * tolerated, the pool required, by the GPU preset), reading the dataset from a read-only claim
 * and writing checkpoints to another, with a deadline, retries and a time to live; the weekly
 * CronJob is made from the same Job rather than written twice.
 */
public final class GpuTraining {
  private GpuTraining() {}

  /** The training app in namespace {@code namespace}, built and validated. */
  public static App app(String namespace) {
    GpuWorkload gpu = Presets.gpus(1);
    PersistentVolumeClaim datasets = PersistentVolumeClaim.named("datasets").size(Storage.gibibytes(200))
        .accessMode(PersistentVolumeClaim.AccessMode.READ_ONLY_MANY).storageClass("standard").build();
    PersistentVolumeClaim checkpoints = PersistentVolumeClaim.named("checkpoints").size(Storage.gibibytes(100))
        .accessMode(PersistentVolumeClaim.AccessMode.READ_WRITE_MANY).storageClass("standard").build();
    Job train = Job.named("train")
        .label("team", "ml")
        .completions(2)
        .parallelism(2)
        .backoffLimit(1)
        .activeDeadline(Duration.ofHours(12))
        .ttlAfterFinished(Duration.ofDays(1))
        .pod(PodTemplate.container(Container.named("trainer").image("ghcr.io/acme/train:2.3.0")
                .args("--data=/data", "--checkpoints=/checkpoints", "--epochs=20")
                .env(Env.literal("NCCL_DEBUG", "WARN"))
                .resources(gpu.resources(Cpu.cores(4), Memory.gibibytes(16)).limits(Memory.gibibytes(24)))
                .security(ContainerSecurity.restricted().readOnlyRootFilesystem(true))
                .mount("data", "/data")
                .mount("checkpoints", "/checkpoints")
                .mount("tmp", "/tmp"))
            .volume(Volume.persistentVolumeClaim("data", datasets))
            .volume(Volume.persistentVolumeClaim("checkpoints", checkpoints))
            .volume(Volume.emptyDir("tmp"))
            .placement(gpu.placement()))
        .build();
    return App.named("training").namespace(namespace).add(
        Namespace.named(namespace).podSecurity(RESTRICTED).build(),
        datasets, checkpoints, train,
        CronJob.named("train-weekly").schedule("0 2 * * 0")
            .concurrencyPolicy(CronJob.ConcurrencyPolicy.FORBID)
            .startingDeadline(Duration.ofHours(2))
            .job(train)
            .build())
        .build();
  }
}
