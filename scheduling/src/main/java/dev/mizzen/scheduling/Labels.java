package dev.mizzen.scheduling;

import dev.mizzen.validation.Names;
import dev.mizzen.validation.Validation;
import java.util.List;
import java.util.Map;

/** Checks of label maps and label-key lists shared by the placement values. */
final class Labels {
  private Labels() {}

  /** Each key a qualified name and each value a label value; problems land at {@code [key]}. */
  static void validate(Validation labels, Map<String, String> values) {
    values.forEach((key, value) -> {
      Validation entry = labels.key(key);
      Names.checkQualifiedName(entry, key);
      Names.checkLabelValue(entry, value);
    });
  }

  /** Each key a qualified name; problems land at {@code [index]}. */
  static void validateKeys(Validation keys, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      Names.checkQualifiedName(keys.index(i), values.get(i));
    }
  }

  /** A topology key: present and a qualified name (node label keys are). */
  static void validateTopologyKey(Validation topologyKey, String key) {
    if (topologyKey.check(!key.isEmpty(),
        "must not be empty: name a node label such as topology.kubernetes.io/zone")) {
      Names.checkQualifiedName(topologyKey, key);
    }
  }
}
