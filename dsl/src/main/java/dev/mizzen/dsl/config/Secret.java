package dev.mizzen.dsl.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A Secret: entries whose values are never printed by Mizzen.
 *
 * <pre>{@code
 * Secret credentials = Secret.opaque("api-credentials")
 *     .data("username", "shop")
 *     .data("password", passwordFromVault)
 *     .build();
 * Secret tls = Secret.tls("shop-tls", certificatePem, privateKeyPem).build();
 * String password = credentials.data().get("password").reveal();   // explicit
 * }</pre>
 *
 * <p>Values are {@link SecretValue}s: {@code toString()} of a Secret shows its keys and
 * {@code <redacted>} for each value, and validation messages name keys only. Every value, text
 * (as UTF-8) or bytes, renders base64-encoded under {@code data}, in the order added; never under
 * {@code stringData}, which the API server merges into {@code data} and then drops: under
 * server-side apply a key removed from {@code stringData} would stay in {@code data} for good.
 * The rendered {@code V1Secret} is a plain client-java object: it holds the values, and so does
 * any manifest written from it.
 */
@Value.Immutable
public abstract class Secret implements KubernetesResource {
  /** The API server's limit on the total size of a Secret's values. */
  public static final int MAX_SIZE = 1024 * 1024;

  /** Key of the certificate of a {@link Type#TLS} Secret. */
  public static final String TLS_CERT_KEY = "tls.crt";
  /** Key of the private key of a {@link Type#TLS} Secret. */
  public static final String TLS_KEY_KEY = "tls.key";
  /** Key of a {@link Type#DOCKER_CONFIG_JSON} Secret. */
  public static final String DOCKER_CONFIG_JSON_KEY = ".dockerconfigjson";
  /** Keys of a {@link Type#BASIC_AUTH} Secret. */
  public static final String USERNAME_KEY = "username";
  public static final String PASSWORD_KEY = "password";
  /** Key of a {@link Type#SSH_AUTH} Secret. */
  public static final String SSH_PRIVATE_KEY_KEY = "ssh-privatekey";

  /** The kinds of Secret the API server knows, each with the keys it requires. */
  public enum Type {
    /** Arbitrary entries. */
    OPAQUE("Opaque"),
    /** A TLS certificate and key: requires {@code tls.crt} and {@code tls.key}. */
    TLS("kubernetes.io/tls"),
    /** Registry credentials for image pulls: requires {@code .dockerconfigjson}, a JSON object. */
    DOCKER_CONFIG_JSON("kubernetes.io/dockerconfigjson"),
    /** Requires {@code username} or {@code password} (or both). */
    BASIC_AUTH("kubernetes.io/basic-auth"),
    /** Requires {@code ssh-privatekey}. */
    SSH_AUTH("kubernetes.io/ssh-auth");

    private final String value;

    Type(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses ({@code Opaque}, {@code kubernetes.io/tls}, ...). */
    public String value() {
      return value;
    }
  }

  /** Starts an Opaque Secret named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** Starts an Opaque Secret named {@code name}; the same as {@link #named(String)}. */
  public static Builder opaque(String name) {
    return named(name);
  }

  /** A {@code kubernetes.io/tls} Secret from a PEM certificate (chain) and its PEM private key. */
  public static Builder tls(String name, String certificatePem, String privateKeyPem) {
    return named(name).type(Type.TLS)
        .data(TLS_CERT_KEY, certificatePem)
        .data(TLS_KEY_KEY, privateKeyPem);
  }

  /** A {@code kubernetes.io/dockerconfigjson} Secret from the JSON text of a Docker config. */
  public static Builder dockerConfigJson(String name, String dockerConfigJson) {
    return named(name).type(Type.DOCKER_CONFIG_JSON).data(DOCKER_CONFIG_JSON_KEY, dockerConfigJson);
  }

  /**
   * A {@code kubernetes.io/dockerconfigjson} Secret with credentials for one registry
   * ({@code ghcr.io}, {@code https://index.docker.io/v1/}), for {@code imagePullSecrets}.
   */
  public static Builder dockerRegistry(String name, String server, String username, String password) {
    JsonObject credentials = new JsonObject();
    credentials.addProperty("username", username);
    credentials.addProperty("password", password);
    credentials.addProperty("auth", Base64.getEncoder().encodeToString(
        (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    JsonObject auths = new JsonObject();
    auths.add(server, credentials);
    JsonObject config = new JsonObject();
    config.add("auths", auths);
    return dockerConfigJson(name, config.toString());
  }

  /** A {@code kubernetes.io/basic-auth} Secret. */
  public static Builder basicAuth(String name, String username, String password) {
    return named(name).type(Type.BASIC_AUTH).data(USERNAME_KEY, username).data(PASSWORD_KEY, password);
  }

  /** A {@code kubernetes.io/ssh-auth} Secret from a PEM private key. */
  public static Builder sshAuth(String name, String privateKeyPem) {
    return named(name).type(Type.SSH_AUTH).data(SSH_PRIVATE_KEY_KEY, privateKeyPem);
  }

  /** The type; {@link Type#OPAQUE} unless told otherwise. */
  @Value.Default
  public Type type() {
    return Type.OPAQUE;
  }

  /** The entries, in the order they were added; each value prints as {@code <redacted>}. */
  public abstract Map<String, SecretValue> data();

  /** Whether the API server refuses changes to the data. Absent means mutable. */
  public abstract Optional<Boolean> immutable();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1Secret>> customizers();

  /** The keys, in order. */
  public final Set<String> keys() {
    return data().keySet();
  }

  @Override
  public final String apiVersion() {
    return "v1";
  }

  @Override
  public final String kind() {
    return "Secret";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    long size = 0;
    for (Map.Entry<String, SecretValue> entry : data().entrySet()) {
      Validation at = v.field("data").key(entry.getKey());
      Names.checkConfigKey(at, entry.getKey());
      size += entry.getValue().size();
    }
    v.field("data").check(size <= MAX_SIZE,
        "total size of the values must be at most %d bytes, was %d", MAX_SIZE, size);
    switch (type()) {
      case TLS -> {
        require(v, TLS_CERT_KEY);
        require(v, TLS_KEY_KEY);
      }
      case DOCKER_CONFIG_JSON -> {
        if (require(v, DOCKER_CONFIG_JSON_KEY)) {
          v.field("data").key(DOCKER_CONFIG_JSON_KEY).check(
              isJsonObject(data().get(DOCKER_CONFIG_JSON_KEY)),
              "must hold a JSON object (a Docker config.json); the value is not shown");
        }
      }
      case BASIC_AUTH -> v.field("data").check(
          data().containsKey(USERNAME_KEY) || data().containsKey(PASSWORD_KEY),
          "type %s requires key '%s' or '%s' (or both)", type().value(), USERNAME_KEY, PASSWORD_KEY);
      case SSH_AUTH -> require(v, SSH_PRIVATE_KEY_KEY);
      case OPAQUE -> { }
    }
    v.throwIfInvalid();
  }

  private boolean require(Validation v, String key) {
    return v.field("data").key(key).check(data().containsKey(key),
        "is required for type %s", type().value());
  }

  private static boolean isJsonObject(SecretValue value) {
    try {
      JsonElement parsed = JsonParser.parseString(value.reveal());
      return parsed.isJsonObject();
    } catch (RuntimeException e) { // never rethrown: Gson's messages may quote the value
      return false;
    }
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1Secret render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1Secret render(RenderContext context) {
    V1Secret rendered = new V1Secret()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context))
        .type(type().value());
    if (!data().isEmpty()) {
      Map<String, byte[]> bytes = new LinkedHashMap<>();
      data().forEach((key, value) -> bytes.put(key, value.revealBytes()));
      rendered.setData(bytes);
    }
    immutable().ifPresent(rendered::setImmutable);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link Secret}; {@code build()} reports every problem at once, naming keys only. */
  public static final class Builder extends ImmutableSecret.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Adds the text entry {@code key}, rendered as its UTF-8 bytes base64-encoded under {@code data}. */
    public Builder data(String key, String value) {
      return data(key, SecretValue.text(value));
    }

    /** Adds the binary entry {@code key}, rendered base64-encoded under {@code data}. */
    public Builder data(String key, byte[] value) {
      return data(key, SecretValue.bytes(value));
    }
  }
}
