package dev.mizzen.testkit.schema;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * A sequence read from YAML or JSON that remembers where each element starts (packed as
 * {@code line << 32 | column}, both 1-based). Filled once by the reader, then only read.
 */
final class PositionedList extends ArrayList<Object> {
  private static final long serialVersionUID = 1L;

  private final long position;
  private long[] positions = new long[4];

  PositionedList(long position) {
    this.position = position;
  }

  /** Where the sequence starts. */
  long position() {
    return position;
  }

  void append(Object element, long elementPosition) {
    int index = size();
    if (index == positions.length) {
      positions = Arrays.copyOf(positions, index * 2);
    }
    positions[index] = elementPosition;
    super.add(element);
  }

  /** Where element {@code index} starts, or the sequence's own position when out of range. */
  long position(int index) {
    return index >= 0 && index < size() ? positions[index] : position;
  }
}
