package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Assertions on a Secret's type and keys ({@code data} and {@code stringData} together). */
public class SecretAssert extends AbstractKubernetesObjectAssert<SecretAssert, V1Secret> {

  /** An assert on {@code actual}. */
  public SecretAssert(V1Secret actual) {
    super(actual, SecretAssert.class);
  }

  /**
   * The entries as text: {@code data} (decoded as UTF-8), then {@code stringData}, which wins as the
   * API server merges it.
   */
  private Map<String, String> entries() {
    Map<String, String> entries = new LinkedHashMap<>();
    if (actual.getData() != null) {
      actual.getData().forEach((k, v) -> entries.put(k, v == null ? null : new String(v, StandardCharsets.UTF_8)));
    }
    if (actual.getStringData() != null) {
      entries.putAll(actual.getStringData());
    }
    return entries;
  }

  /** Asserts the Secret type ({@code Opaque}, the API server's default when unset, {@code kubernetes.io/tls}, ...). */
  public SecretAssert hasType(String type) {
    requireActual();
    String found = actual.getType();
    if (!Objects.equals(type, found == null ? "Opaque" : found)) {
      failAt(location().field("type"), "expected " + quote(type) + ", but was "
          + (found == null ? "unset (the API server's default is \"Opaque\")" : quote(found)));
    }
    return myself;
  }

  /** Asserts the Secret has every one of {@code keys}; values are never printed. */
  public SecretAssert containsKeys(String... keys) {
    requireActual();
    Map<String, String> entries = entries();
    List<String> missing = new ArrayList<>();
    for (String key : keys) {
      if (!entries.containsKey(key)) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      failAt(location().field("data"), "expected the keys " + List.of(keys) + ", but " + missing
          + " are missing (found " + entries.keySet() + ")");
    }
    return myself;
  }

  /** Asserts the entry {@code key} has the text {@code value}; a mismatch does not print the secret value. */
  public SecretAssert hasEntry(String key, String value) {
    requireActual();
    Map<String, String> entries = entries();
    if (!entries.containsKey(key)) {
      failAt(location().field("data"), "expected an entry " + quote(key) + ", but found only " + entries.keySet());
    } else if (!Objects.equals(value, entries.get(key))) {
      failAt(location().field("data").key(key), "expected the given value, but it differs (values are not shown)");
    }
    return myself;
  }
}
