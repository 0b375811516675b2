package dev.mizzen.examples.cli;

/**
 * An input file that cannot be used (missing, not YAML, the wrong kinds of objects): reported
 * as {@code mizzen <command>: <message>}, without the usage text, with exit code 2.
 */
final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
