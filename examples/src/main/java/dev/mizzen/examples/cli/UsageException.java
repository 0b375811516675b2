package dev.mizzen.examples.cli;

/** Bad command-line usage: reported with the usage text and exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
