package dev.mizzen.scheduling;

/** What the scheduler does when a topology spread constraint cannot be met. */
public enum WhenUnsatisfiable {
  /** Leave the pod pending rather than exceed the skew (a hard constraint). */
  DO_NOT_SCHEDULE("DoNotSchedule"),
  /** Schedule anyway, preferring placements that reduce the skew (a soft constraint). */
  SCHEDULE_ANYWAY("ScheduleAnyway");

  private final String apiValue;

  WhenUnsatisfiable(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The name the Kubernetes API uses ({@code DoNotSchedule}, {@code ScheduleAnyway}). */
  public String apiValue() {
    return apiValue;
  }
}
