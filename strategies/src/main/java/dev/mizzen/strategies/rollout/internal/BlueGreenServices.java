package dev.mizzen.strategies.rollout.internal;

import dev.mizzen.strategies.rollout.BlueGreen;
import dev.mizzen.strategies.rollout.Rollout;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A blue/green's Services and where each is pinned: the active one on the stable revision until
 * the switch, then on the new one (and back on the stable one at an abort); the preview one on the
 * new revision; both released, as the user applied them, at the end. Applies go through
 * {@link ServicePins}; where each Service is pinned is read once and then remembered, so a pass
 * costs no request unless a pin changes.
 */
final class BlueGreenServices {
  /** What a call changed, for the rollout's timeline and Events. */
  record Change(String what, String reason, boolean warning) {}

  private final BlueGreen blueGreen;
  private final Rollout rollout;
  private final ServicePins pins;
  /** The revision each Service is pinned to, as last read or set; absent: read it. */
  private final Map<String, String> pinned = new HashMap<>();

  BlueGreenServices(ApiClient client, String fieldManager, Rollout rollout, BlueGreen blueGreen) {
    this.blueGreen = blueGreen;
    this.rollout = rollout;
    this.pins = new ServicePins(client, rollout.namespace(), fieldManager);
  }

  /** The Services the strategy switches that the rollout was not given, as {@code Service/name}. */
  List<String> missing() {
    return services().stream().filter(service -> rollout.service(service).isEmpty())
        .map(service -> "Service/" + service).toList();
  }

  /** Before any new pod exists: users keep reaching the stable pods only. */
  Change pinActiveToStable(String stableHash) throws ApiException {
    pin(blueGreen.activeService(), stableHash);
    return new Change("pinned Service/" + blueGreen.activeService() + " to the stable revision " + stableHash,
        "RolloutPinned", false);
  }

  /**
   * Keeps the Services where they belong while the new revision {@code revisionHash} runs next to
   * {@code stableHash}: the active one on the new revision once {@code switched}, on the stable one
   * before; the preview one on the new one. Returns what it changed (the pass then looks again).
   */
  List<Change> keepPinned(String stableHash, String revisionHash, boolean switched) throws ApiException {
    List<Change> changes = new ArrayList<>();
    String active = switched ? revisionHash : stableHash;
    if (!active.equals(pinned(blueGreen.activeService()))) {
      pin(blueGreen.activeService(), active);
      changes.add(new Change((switched ? "switched" : "pinned") + " Service/" + blueGreen.activeService()
          + " to revision " + active, switched ? "RolloutSwitched" : "RolloutPinned", false));
    }
    if (blueGreen.previewService().isPresent()) {
      String preview = blueGreen.previewService().get();
      if (!revisionHash.equals(pinned(preview))) {
        pin(preview, revisionHash);
        changes.add(new Change("pinned preview Service/" + preview + " to the new revision " + revisionHash,
            "RolloutPinned", false));
      }
    }
    return changes;
  }

  /**
   * An abort's instant rollback: the active Service back on the stable pods, which never went away,
   * before anything else. Reads where it is pinned first: another process may have switched it.
   */
  List<Change> switchBack(String stableHash) throws ApiException {
    pinned.remove(blueGreen.activeService());
    if (stableHash.equals(pinned(blueGreen.activeService()))) {
      return List.of();
    }
    pin(blueGreen.activeService(), stableHash);
    return List.of(new Change("switched Service/" + blueGreen.activeService() + " back to the stable revision "
        + stableHash, "RolloutSwitchedBack", true));
  }

  /** The Services' selectors back as the user applied them: the rollout is over. */
  Change release() throws ApiException {
    for (String service : services()) {
      pins.release(config(service));
      pinned.put(service, "");
    }
    return new Change("released " + services().stream().map(s -> "Service/" + s).toList()
        + ": their selectors are as applied", "RolloutReleased", false);
  }

  /** Forgets where the Services are pinned (another process may have changed them): read them again. */
  void forget() {
    pinned.clear();
  }

  private void pin(String service, String hash) throws ApiException {
    pins.pin(config(service), hash);
    pinned.put(service, hash);
  }

  private String pinned(String service) throws ApiException {
    String known = pinned.get(service);
    if (known == null) {
      V1Service live = pins.read(service);
      known = live == null ? "" : ServicePins.pinnedTo(live);
      pinned.put(service, known);
    }
    return known;
  }

  private V1Service config(String service) {
    return rollout.service(service).orElseThrow();
  }

  private List<String> services() {
    List<String> services = new ArrayList<>();
    services.add(blueGreen.activeService());
    blueGreen.previewService().ifPresent(services::add);
    return services;
  }
}
