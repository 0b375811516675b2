package dev.mizzen.strategies.apply;

/** The API server refused an object: says which one, the HTTP status and the server's message. */
public class ApplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String object;
  private final int status;

  public ApplyException(String object, int status, String message) {
    super(object + ": " + (status > 0 ? "HTTP " + status + ": " : "") + message);
    this.object = object;
    this.status = status;
  }

  /** {@code Kind/namespace/name} of the refused object. */
  public String object() {
    return object;
  }

  /** The HTTP status (403 for admission, 422 for validation), or 0 when the server was not reached. */
  public int status() {
    return status;
  }
}
