package dev.mizzen.strategies.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link Check} may look at: the Deployment, the revision under test (its pod-template
 * hash and current pods), when that revision started, and an API client for anything else.
 *
 * @param revisionHash the {@code pod-template-hash} of the new revision
 * @param pods the new revision's pods as last seen, terminating ones excluded
 * @param revisionStartedAt when the rollout of this revision started (for time windows)
 */
public record CheckContext(ApiClient client, String namespace, String deployment, String revisionHash,
                           List<V1Pod> pods, Instant revisionStartedAt, Instant now) {
  public CheckContext {
    checkNotNull(client, "client");
    checkNotNull(namespace, "namespace");
    checkNotNull(deployment, "deployment");
    checkNotNull(revisionHash, "revisionHash");
    pods = ImmutableList.copyOf(pods);
    checkNotNull(revisionStartedAt, "revisionStartedAt");
    checkNotNull(now, "now");
  }
}
