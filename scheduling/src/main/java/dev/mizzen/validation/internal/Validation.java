package dev.mizzen.validation.internal;

import com.google.common.collect.ImmutableList;
import dev.mizzen.validation.InvalidSpecException;
import dev.mizzen.validation.ObjectRef;
import dev.mizzen.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one Kubernetes object while its fields are checked.
 *
 * <p>A {@code Validation} is positioned at a field path; {@link #field}, {@link #index} and
 * {@link #key} return children positioned deeper that add to the same list. Checks never
 * stop at the first problem: {@link #throwIfInvalid()} reports them all together.
 *
 * <pre>{@code
 * Validation v = Validation.of(ObjectRef.of("Deployment", "web"));
 * v.field("spec").field("replicas").check(replicas >= 0, "must be >= 0, was %s", replicas);
 * v.throwIfInvalid();
 * }</pre>
 */
public final class Validation {
  private final String object;
  private final String path;
  private final List<Problem> problems;

  private Validation(String object, String path, List<Problem> problems) {
    this.object = object;
    this.path = path;
    this.problems = problems;
  }

  /** Starts checking {@code object}; problems name it as {@code Kind/name} or {@code Kind/namespace/name}. */
  public static Validation of(ObjectRef object) {
    return of(object.toString());
  }

  /** Starts checking something that is not a Kubernetes object, named {@code subject} in problems (a fleet, say). */
  public static Validation of(String subject) {
    return new Validation(subject, "", new ArrayList<>());
  }

  /** The child at {@code path.name}; {@code name} may itself be dotted ({@code spec.template}). */
  public Validation field(String name) {
    return new Validation(object, path.isEmpty() ? name : path + "." + name, problems);
  }

  /** The list element at {@code path[index]}. */
  public Validation index(int index) {
    return new Validation(object, path + "[" + index + "]", problems);
  }

  /** The list element or map entry known by name, {@code path[name]}. */
  public Validation key(String name) {
    return new Validation(object, path + "[" + name + "]", problems);
  }

  /** Records a problem at this path; {@code format} follows {@link String#format}. */
  public void problem(String format, Object... args) {
    problems.add(new Problem(object, path, args.length == 0 ? format : String.format(format, args)));
  }

  /** Records a problem unless {@code condition} holds. Returns {@code condition}. */
  public boolean check(boolean condition, String format, Object... args) {
    if (!condition) {
      problem(format, args);
    }
    return condition;
  }

  /** Checks {@code value} lies in {@code min..max}: {@code must be 1..65535, was 70000}. */
  public boolean checkRange(long value, long min, long max) {
    return check(value >= min && value <= max, "must be %d..%d, was %d", min, max, value);
  }

  /** Checks {@code value >= min}: {@code must be >= 0, was -1}. */
  public boolean checkAtLeast(long value, long min) {
    return check(value >= min, "must be >= %d, was %d", min, value);
  }

  public String object() {
    return object;
  }

  public String path() {
    return path;
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** All problems recorded so far by this validation and every child. */
  public ImmutableList<Problem> problems() {
    return ImmutableList.copyOf(problems);
  }

  /** Throws one {@link InvalidSpecException} listing every problem, if there are any. */
  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
  }
}
