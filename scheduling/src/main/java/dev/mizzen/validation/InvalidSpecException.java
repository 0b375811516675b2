package dev.mizzen.validation;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** Thrown by {@code build()}: lists every problem of the value at once, one per line. */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<Problem> problems;

  public InvalidSpecException(List<Problem> problems) {
    super(format(problems));
    this.problems = ImmutableList.copyOf(problems);
  }

  /** Every problem found, in the order the fields were checked. */
  public ImmutableList<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    text.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    for (Problem problem : problems) {
      text.append("\n  ").append(problem);
    }
    return text.toString();
  }
}
