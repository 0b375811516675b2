package dev.mizzen.testkit.schema;

import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * A mapping read from YAML or JSON that remembers where each key and value starts. Positions
 * are packed as {@code line << 32 | column}, both 1-based. Filled once by the reader, then only
 * read.
 */
final class PositionedMap extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  private final long position;
  private String[] keys = new String[8];
  private long[] keyPositions = new long[8];
  private long[] valuePositions = new long[8];
  private int count;

  PositionedMap(long position) {
    super(16);
    this.position = position;
  }

  /** Where the mapping starts. */
  long position() {
    return position;
  }

  /** Adds an entry; returns the position of the key it replaces, or -1. */
  long append(String key, Object value, long keyPosition, long valuePosition) {
    int existing = containsKey(key) ? indexOf(key) : -1;
    long replaced = -1;
    if (existing >= 0) {
      replaced = keyPositions[existing];
      keyPositions[existing] = keyPosition;
      valuePositions[existing] = valuePosition;
    } else {
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
        keyPositions = Arrays.copyOf(keyPositions, count * 2);
        valuePositions = Arrays.copyOf(valuePositions, count * 2);
      }
      keys[count] = key;
      keyPositions[count] = keyPosition;
      valuePositions[count] = valuePosition;
      count++;
    }
    super.put(key, value);
    return replaced;
  }

  /** Where {@code key} starts, or the mapping's own position when it is absent. */
  long keyPosition(String key) {
    int index = indexOf(key);
    return index < 0 ? position : keyPositions[index];
  }

  /** Where the value of {@code key} starts, or the mapping's own position when it is absent. */
  long valuePosition(String key) {
    int index = indexOf(key);
    return index < 0 ? position : valuePositions[index];
  }

  private int indexOf(String key) {
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
