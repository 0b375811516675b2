package dev.mizzen.dsl.container;

/** When the kubelet pulls a container's image. */
public enum ImagePullPolicy {
  /** On every container start. */
  ALWAYS("Always"),
  /** Only when the node does not have it. */
  IF_NOT_PRESENT("IfNotPresent"),
  /** Never: the image must already be on the node. */
  NEVER("Never");

  private final String value;

  ImagePullPolicy(String value) {
    this.value = value;
  }

  /** The API value: {@code Always}, {@code IfNotPresent}, {@code Never}. */
  public String value() {
    return value;
  }
}
