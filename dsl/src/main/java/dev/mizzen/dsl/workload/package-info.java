/** Workloads: Deployment, StatefulSet, DaemonSet, Job and CronJob, each running a pod template. */
@MizzenStyle
package dev.mizzen.dsl.workload;

import dev.mizzen.style.MizzenStyle;
