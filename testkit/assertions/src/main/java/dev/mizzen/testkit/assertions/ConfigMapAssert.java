package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Assertions on a ConfigMap's entries. */
public class ConfigMapAssert extends AbstractKubernetesObjectAssert<ConfigMapAssert, V1ConfigMap> {

  /** An assert on {@code actual}. */
  public ConfigMapAssert(V1ConfigMap actual) {
    super(actual, ConfigMapAssert.class);
  }

  private Map<String, String> data() {
    return actual.getData() == null ? Map.of() : actual.getData();
  }

  /** Asserts the entry {@code key=value} in {@code data}. */
  public ConfigMapAssert hasEntry(String key, String value) {
    requireActual();
    if (!data().containsKey(key)) {
      failAt(location().field("data"), "expected an entry " + quote(key) + ", but found only " + data().keySet());
    } else if (!Objects.equals(value, data().get(key))) {
      failAt(location().field("data").key(key), "expected " + quote(value) + ", but was " + quote(data().get(key)));
    }
    return myself;
  }

  /** Asserts {@code data} has every one of {@code keys}. */
  public ConfigMapAssert containsKeys(String... keys) {
    requireActual();
    List<String> missing = new ArrayList<>();
    for (String key : keys) {
      if (!data().containsKey(key)) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      failAt(location().field("data"), "expected the keys " + List.of(keys) + ", but " + missing
          + " are missing (found " + data().keySet() + ")");
    }
    return myself;
  }

  /** Asserts {@code immutable: true}. */
  public ConfigMapAssert isImmutable() {
    requireActual();
    if (!Boolean.TRUE.equals(actual.getImmutable())) {
      failAt(location().field("immutable"),
          "expected true, but was " + (actual.getImmutable() == null ? "unset" : "false"));
    }
    return myself;
  }
}
