package dev.mizzen.testkit.parity;

import java.util.ArrayList;
import java.util.List;

/** Every source of changes, in a fixed order (the generator's draws depend on it). */
final class Catalogue {
  private Catalogue() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.addAll(ObjectChanges.all());
    all.addAll(PodChanges.all());
    all.addAll(TemplateChanges.all());
    all.addAll(WorkloadChanges.all());
    all.addAll(ServiceChanges.all());
    all.addAll(ConfigChanges.all());
    all.addAll(NetworkChanges.all());
    all.addAll(MoreChanges.all());
    all.addAll(AutoscalerChanges.all());
    return List.copyOf(all);
  }
}
