package dev.mizzen.dsl.probe;

/** The scheme of an HTTP GET probe or hook. */
public enum HttpScheme {
  /** Plain HTTP (the default). */
  HTTP,
  /** HTTPS; the kubelet does not verify the certificate. */
  HTTPS
}
