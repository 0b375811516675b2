package dev.mizzen.dsl.app;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.validation.ObjectRef;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.ModelMapper;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Kubernetes object the DSL has no type for, given as a client-java object or a YAML document,
 * to add to an {@link App} with the others: a {@code ServiceMonitor}, a {@code PriorityClass}, a
 * {@code V1LimitRange}.
 *
 * <pre>{@code
 * App shop = App.named("shop").namespace("shop")
 *     .add(web, webService)
 *     .add(RawObject.fromYaml(serviceMonitorYaml).component("web"),
 *         RawObject.of(new V1LimitRange().apiVersion("v1").kind("LimitRange")...))
 *     .build();
 * }</pre>
 *
 * <p>It renders as the object was given, copied when added and again on every render, with the
 * App's recommended labels ({@code app.kubernetes.io/name}, {@code part-of}, {@code managed-by})
 * before its own labels, and in the App's namespace unless its kind is cluster-scoped: a built-in
 * cluster-scoped kind ({@code PriorityClass}, {@code StorageClass}, ...), or any kind marked
 * {@link Builder#clusterScoped()}. A client-java object renders as its own model class; a YAML
 * document as the model of its kind when client-java has one, otherwise as a
 * {@link DynamicKubernetesObject}.
 *
 * <p>{@link Builder#build()} checks what needs no schema: {@code apiVersion}, {@code kind} and
 * {@code metadata.name} are set; the name is a DNS-1123 subdomain; labels and annotations are
 * valid; no namespace on a cluster-scoped kind; nothing the API server sets ({@code status},
 * {@code metadata.uid}, {@code resourceVersion}, ...). {@code App.build()} checks that a namespace
 * it names is the App's. The fields of its kind are checked by the API server alone.
 */
public final class RawObject implements KubernetesResource {
  /** Built-in cluster-scoped kinds by API group ({@code ""} is the core group), which render without a namespace. */
  private static final ImmutableMap<String, ImmutableSet<String>> CLUSTER_SCOPED = ImmutableMap.<String,
          ImmutableSet<String>>builder()
      .put("", ImmutableSet.of("Namespace", "Node", "PersistentVolume", "ComponentStatus"))
      .put("rbac.authorization.k8s.io", ImmutableSet.of("ClusterRole", "ClusterRoleBinding"))
      .put("storage.k8s.io", ImmutableSet.of("StorageClass", "CSIDriver", "CSINode", "VolumeAttachment",
          "VolumeAttributesClass"))
      .put("apiextensions.k8s.io", ImmutableSet.of("CustomResourceDefinition"))
      .put("scheduling.k8s.io", ImmutableSet.of("PriorityClass"))
      .put("networking.k8s.io", ImmutableSet.of("IngressClass", "IPAddress", "ServiceCIDR"))
      .put("node.k8s.io", ImmutableSet.of("RuntimeClass"))
      .put("admissionregistration.k8s.io", ImmutableSet.of("ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
          "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding"))
      .put("apiregistration.k8s.io", ImmutableSet.of("APIService"))
      .put("certificates.k8s.io", ImmutableSet.of("CertificateSigningRequest", "ClusterTrustBundle"))
      .put("flowcontrol.apiserver.k8s.io", ImmutableSet.of("FlowSchema", "PriorityLevelConfiguration"))
      .put("resource.k8s.io", ImmutableSet.of("DeviceClass", "ResourceSlice"))
      .build();
  /** What the API server sets on a stored object, under {@code metadata}. */
  private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "generation",
      "creationTimestamp", "deletionTimestamp", "managedFields", "selfLink");

  private final JsonObject json;
  private final Class<? extends KubernetesObject> type;
  private final Optional<String> component;
  private final boolean clusterScoped;

  private RawObject(JsonObject json, Class<? extends KubernetesObject> type, Optional<String> component,
      boolean clusterScoped) {
    this.json = json;
    this.type = type;
    this.component = component;
    this.clusterScoped = clusterScoped;
  }

  /** Starts from a copy of {@code object}, which renders as its own class. */
  public static Builder of(KubernetesObject object) {
    requireNonNull(object, "object");
    return new Builder(JsonParser.parseString(Manifests.json(object)).getAsJsonObject(), object.getClass());
  }

  /**
   * Starts from {@code yaml}, one YAML document holding one Kubernetes object; it renders as
   * client-java's model of its kind, or a {@link DynamicKubernetesObject} when there is none.
   *
   * @throws IllegalArgumentException if {@code yaml} holds no document, several, or one that is
   *     not a mapping
   */
  public static Builder fromYaml(String yaml) {
    List<Object> documents = new ArrayList<>();
    new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml).forEach(document -> {
      if (document != null) {
        documents.add(document);
      }
    });
    if (documents.size() != 1) {
      throw new IllegalArgumentException("yaml must hold one document, a Kubernetes object, but holds "
          + documents.size() + (documents.size() > 1 ? ": add one RawObject per document" : ""));
    }
    if (!(documents.get(0) instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("yaml must hold one document, a Kubernetes object, but holds a "
          + (documents.get(0) instanceof List<?> ? "list" : documents.get(0).getClass().getSimpleName()));
    }
    JsonObject json = JsonParser.parseString(Manifests.treeJson(plain(documents.get(0)))).getAsJsonObject();
    return new Builder(json, modelOf(string(json, "apiVersion"), string(json, "kind")));
  }

  /** The YAML tree with timestamps as the API writes them (RFC 3339), so it is plain. */
  private static Object plain(Object yaml) {
    if (yaml instanceof Map<?, ?> map) {
      Map<String, Object> tree = new LinkedHashMap<>();
      map.forEach((key, value) -> tree.put(String.valueOf(key), plain(value)));
      return tree;
    }
    if (yaml instanceof List<?> list) {
      return list.stream().map(RawObject::plain).toList();
    }
    if (yaml instanceof Date date) {
      return DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
    }
    if (yaml instanceof byte[] bytes) {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
    return yaml;
  }

  /** client-java's model of {@code apiVersion} and {@code kind}, or {@link DynamicKubernetesObject}. */
  private static Class<? extends KubernetesObject> modelOf(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    Class<?> model = apiVersion.isEmpty() || kind.isEmpty() ? null : ModelMapper.preBuiltGetApiTypeClass(
        slash < 0 ? "" : apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    return model != null && KubernetesObject.class.isAssignableFrom(model)
        ? model.asSubclass(KubernetesObject.class) : DynamicKubernetesObject.class;
  }

  private static String string(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
  }

  private JsonObject metadata() {
    JsonElement metadata = json.get("metadata");
    return metadata != null && metadata.isJsonObject() ? metadata.getAsJsonObject() : new JsonObject();
  }

  private Map<String, String> stringMap(String field) {
    JsonElement map = metadata().get(field);
    Map<String, String> values = new LinkedHashMap<>();
    if (map != null && map.isJsonObject()) {
      map.getAsJsonObject().entrySet().forEach(e -> values.put(e.getKey(),
          e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
    }
    return values;
  }

  @Override
  public String apiVersion() {
    return string(json, "apiVersion");
  }

  @Override
  public String kind() {
    return string(json, "kind");
  }

  /** {@code metadata.name}. */
  @Override
  public String name() {
    return string(metadata(), "name");
  }

  /** {@code metadata.namespace} as given; absent renders in the App's (unless cluster-scoped). */
  @Override
  public Optional<String> namespace() {
    return Optional.of(string(metadata(), "namespace")).filter(namespace -> !namespace.isEmpty());
  }

  @Override
  public Optional<String> component() {
    return component;
  }

  /** {@code metadata.labels} as given, rendered after the recommended labels. */
  @Override
  public Map<String, String> labels() {
    return stringMap("labels");
  }

  /** {@code metadata.annotations} as given. */
  @Override
  public Map<String, String> annotations() {
    return stringMap("annotations");
  }

  /** Whether it renders without a namespace: a built-in cluster-scoped kind, or marked so. */
  public boolean clusterScoped() {
    String apiVersion = apiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return clusterScoped || CLUSTER_SCOPED.getOrDefault(group, ImmutableSet.of()).contains(kind());
  }

  /** The object's identity as problems name it; its kind from the model class when the object has none. */
  @Override
  public ObjectRef objectRef() {
    String kind = kind().isEmpty() && type != DynamicKubernetesObject.class
        ? ObjectRef.of(newModel()).kind() : kind();
    return ObjectRef.of(kind.isEmpty() ? "<no kind>" : kind, name());
  }

  private KubernetesObject newModel() {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  /**
   * A copy of the object with the recommended labels before its own, and the context's namespace
   * unless it is cluster-scoped or names its own.
   */
  @Override
  public KubernetesObject render(RenderContext context) {
    JsonObject copy = json.deepCopy();
    JsonObject metadata = copy.has("metadata") && copy.get("metadata").isJsonObject()
        ? copy.getAsJsonObject("metadata") : new JsonObject();
    copy.add("metadata", metadata);
    if (!clusterScoped()) {
      namespace().or(context::namespace).ifPresent(namespace -> metadata.addProperty("namespace", namespace));
    }
    JsonObject labels = new JsonObject();
    RecommendedLabels.of(componentName(), context).forEach(labels::addProperty);
    labels().forEach(labels::addProperty);
    metadata.add("labels", labels);
    if (type == DynamicKubernetesObject.class) {
      return new DynamicKubernetesObject(copy);
    }
    return JSON.getGson().fromJson(copy, type);
  }

  private void validate(Validation v) {
    v.field("apiVersion").check(!apiVersion().isEmpty(), "must be set, e.g. v1 or example.com/v1");
    v.field("kind").check(!kind().isEmpty(), "must be set, e.g. %s",
        type == DynamicKubernetesObject.class ? "ConfigMap" : ObjectRef.of(newModel()).kind());
    if (!v.field("metadata.name").check(!name().isEmpty(), "must be set: server-side apply needs a name")) {
      return;
    }
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    namespace().filter(namespace -> clusterScoped()).ifPresent(namespace -> v.field("metadata.namespace")
        .problem("must be unset: %s is cluster-scoped, was '%s'", kind(), namespace));
    for (String field : SERVER_METADATA) {
      v.field("metadata").field(field).check(!metadata().has(field),
          "is set by the API server: remove it (a copy of a live object carries it)");
    }
    v.field("status").check(!json.has("status"), "is set by the API server: remove it (a copy of a live object"
        + " carries it)");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawObject raw && raw.json.equals(json) && raw.type.equals(type)
        && raw.component.equals(component) && raw.clusterScoped == clusterScoped;
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "RawObject{" + objectRef() + "}";
  }

  /** Builds a {@link RawObject}; {@link #build()} reports every problem at once. */
  public static final class Builder implements KubernetesResource.Buildable {
    private final JsonObject json;
    private final Class<? extends KubernetesObject> type;
    private Optional<String> component = Optional.empty();
    private boolean clusterScoped;

    private Builder(JsonObject json, Class<? extends KubernetesObject> type) {
      this.json = json;
      this.type = type;
    }

    /** The component, rendered as {@code app.kubernetes.io/name}; the object's name by default. */
    public Builder component(String component) {
      this.component = Optional.of(requireNonNull(component, "component"));
      return this;
    }

    /**
     * Renders without a namespace: for a cluster-scoped kind Mizzen does not know as one (a
     * custom resource's), since without a schema it cannot tell.
     */
    public Builder clusterScoped() {
      this.clusterScoped = true;
      return this;
    }

    /**
     * The object.
     *
     * @throws dev.mizzen.validation.InvalidSpecException listing every problem found without a schema
     */
    @Override
    public RawObject build() {
      RawObject raw = new RawObject(json.deepCopy(), type, component, clusterScoped);
      Validation v = Validation.of(raw.objectRef());
      raw.validate(v);
      v.throwIfInvalid();
      return raw;
    }
  }
}
