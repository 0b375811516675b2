package dev.mizzen.scheduling;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.List;

/**
 * The first half of a {@link LabelSelectorRequirement} on a pod or namespace label:
 * {@code Label.key("tier").in("web", "api")}.
 */
public final class Label {
  private final String key;

  private Label(String key) {
    this.key = requireNonNull(key, "key");
  }

  /** The label {@code key}, for example {@code app.kubernetes.io/name}. */
  public static Label key(String key) {
    return new Label(key);
  }

  /** The label's value is one of {@code values}. */
  public LabelSelectorRequirement in(String... values) {
    return in(ImmutableList.copyOf(values));
  }

  /** The label's value is one of {@code values}. */
  public LabelSelectorRequirement in(Collection<String> values) {
    return LabelSelectorRequirement.of(key, LabelSelectorOperator.IN, values);
  }

  /** The label is absent or its value is none of {@code values}. */
  public LabelSelectorRequirement notIn(String... values) {
    return notIn(ImmutableList.copyOf(values));
  }

  /** The label is absent or its value is none of {@code values}. */
  public LabelSelectorRequirement notIn(Collection<String> values) {
    return LabelSelectorRequirement.of(key, LabelSelectorOperator.NOT_IN, values);
  }

  /** The label is present, whatever its value. */
  public LabelSelectorRequirement exists() {
    return LabelSelectorRequirement.of(key, LabelSelectorOperator.EXISTS, List.of());
  }

  /** The label is absent. */
  public LabelSelectorRequirement doesNotExist() {
    return LabelSelectorRequirement.of(key, LabelSelectorOperator.DOES_NOT_EXIST, List.of());
  }
}
