package dev.mizzen.strategies.apply;

import dev.mizzen.dsl.render.Manifests;
import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.Discovery;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mizzen.strategies.rollout.internal.JsonDiff;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.ApiResponse;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;

/**
 * Server-side apply of client-java objects with a field manager ({@code mizzen} by default).
 * Resources are found through the API server's discovery (once per instance), so every
 * built-in kind works. Bodies are Mizzen's JSON: no null or empty fields, so the manager owns
 * only what the objects say.
 *
 * <p>Fields another manager owns (the replicas an autoscaler set, a label a person edited) are
 * not taken over unless {@link #force(boolean) force(true)} says so: the API server's conflict
 * becomes an {@link ApplyConflictException} listing each field and its manager.
 *
 * <p>The API server's warnings ({@code Warning} headers: Pod Security {@code warn}-mode messages,
 * deprecations) come back with {@link #applyWithWarnings(List)} as {@link ApiWarning}s, and are
 * printed with the {@link #progress(PrintStream) progress}.
 *
 * <pre>{@code
 * ServerSideApply.using(apiClient).apply(app.objects());
 * ApplyResult result = ServerSideApply.using(apiClient).applyWithWarnings(app.objects());
 * result.warnings().forEach(System.err::println);                 // Deployment/shop/web: would violate ...
 * ServerSideApply.using(apiClient).dryRun(true).apply(objects);   // admission and validation, nothing stored
 * }</pre>
 */
public final class ServerSideApply {
  /** The default field manager. */
  public static final String FIELD_MANAGER = "mizzen";

  private final ApiClient client;
  private final String fieldManager;
  private final boolean force;
  private final boolean dryRun;
  private final PrintStream progress;
  /** What discovery found, once per client: shared with the copies the options make. */
  private final AtomicReference<Map<String, Discovery.APIResource>> resources;

  private ServerSideApply(ApiClient client, String fieldManager, boolean force, boolean dryRun, PrintStream progress,
                          AtomicReference<Map<String, Discovery.APIResource>> resources) {
    this.client = client;
    this.fieldManager = fieldManager;
    this.force = force;
    this.dryRun = dryRun;
    this.progress = progress;
    this.resources = resources;
  }

  /**
   * Applies with {@code client} and field manager {@value #FIELD_MANAGER}, leaving fields other
   * managers own to them ({@code force(false)}).
   */
  public static ServerSideApply using(ApiClient client) {
    return new ServerSideApply(client, FIELD_MANAGER, false, false, null, new AtomicReference<>());
  }

  public ServerSideApply fieldManager(String fieldManager) {
    return new ServerSideApply(client, fieldManager, force, dryRun, progress, resources);
  }

  /**
   * Whether to take ownership of fields another manager set, as {@code kubectl apply
   * --server-side --force-conflicts} does; false by default, so a conflict fails with an
   * {@link ApplyConflictException} instead of silently undoing, say, what an autoscaler chose.
   */
  public ServerSideApply force(boolean force) {
    return new ServerSideApply(client, fieldManager, force, dryRun, progress, resources);
  }

  /** Server-side dry run: validated and admitted, never stored. */
  public ServerSideApply dryRun(boolean dryRun) {
    return new ServerSideApply(client, fieldManager, force, dryRun, progress, resources);
  }

  /** Prints one line per applied object to {@code progress}, then each warning the server gave about it. */
  public ServerSideApply progress(PrintStream progress) {
    return new ServerSideApply(client, fieldManager, force, dryRun, progress, resources);
  }

  /**
   * Applies {@code objects} in order; returns what the API server stored (or would store). The
   * server's warnings go to {@link #progress(PrintStream) progress}, if set; {@link
   * #applyWithWarnings(List)} returns them too.
   *
   * @throws ApplyConflictException at the first object with fields another manager owns
   * @throws ApplyException at the first object the server refuses, naming it and quoting the server
   */
  public List<DynamicKubernetesObject> apply(List<? extends KubernetesObject> objects) {
    return applyWithWarnings(objects).objects();
  }

  /** Applies one object. */
  public DynamicKubernetesObject apply(KubernetesObject object) {
    return applyWithWarnings(List.of(object)).objects().get(0);
  }

  /**
   * Applies {@code objects} in order, as {@link #apply(List)}; returns what the API server stored
   * (or would store) and the warnings it gave ({@code Warning} headers: Pod Security
   * {@code warn}-mode messages, deprecations), each naming its object.
   *
   * @throws ApplyConflictException at the first object with fields another manager owns
   * @throws ApplyException at the first object the server refuses, naming it and quoting the server
   */
  public ApplyResult applyWithWarnings(List<? extends KubernetesObject> objects) {
    List<DynamicKubernetesObject> applied = new ArrayList<>(objects.size());
    List<ApiWarning> warnings = new ArrayList<>();
    for (KubernetesObject object : objects) {
      applied.add(applyOne(object, warnings));
    }
    return new ApplyResult(applied, warnings);
  }

  /**
   * Applies {@code object} with a request of its own rather than client-java's generic API, which
   * drops the response headers, and so the server's warnings; adds those to {@code warnings}.
   */
  private DynamicKubernetesObject applyOne(KubernetesObject object, List<ApiWarning> warnings) {
    String ref = ref(object);
    Discovery.APIResource resource = resource(object, ref);
    String[] groupVersion = splitApiVersion(object.getApiVersion());
    StringBuilder path = new StringBuilder(groupVersion[0].isEmpty() ? "/api/" : "/apis/" + groupVersion[0] + "/")
        .append(groupVersion[1]);
    if (Boolean.TRUE.equals(resource.getNamespaced())) {
      path.append("/namespaces/").append(client.escapeString(namespace(object, ref)));
    }
    path.append('/').append(resource.getResourcePlural())
        .append('/').append(client.escapeString(object.getMetadata().getName()));
    List<Pair> query = new ArrayList<>();
    query.add(new Pair("fieldManager", fieldManager));
    query.add(new Pair("force", String.valueOf(force)));
    if (dryRun) {
      query.add(new Pair("dryRun", "All"));
    }
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", V1Patch.PATCH_FORMAT_APPLY_YAML);
    headers.put("Accept", "application/json");
    ApiResponse<JsonElement> response;
    try {
      Call call = client.buildCall(null, path.toString(), "PATCH", query, new ArrayList<>(),
          Manifests.json(object).getBytes(StandardCharsets.UTF_8), headers, new HashMap<>(), new HashMap<>(),
          new String[] {"BearerToken"}, null);
      response = client.execute(call, JsonElement.class);
    } catch (ApiException e) {
      throw refusal(ref, e);
    }
    List<ApiWarning> found = new ArrayList<>();
    response.getHeaders().forEach((name, values) -> {
      if ("warning".equalsIgnoreCase(name)) {
        values.forEach(value -> found.add(ApiWarning.fromHeader(ref, value)));
      }
    });
    warnings.addAll(found);
    if (progress != null) {
      progress.println((dryRun ? "checked " : "applied ") + ref);
      found.forEach(warning -> progress.println("  warning: " + warning.text()));
    }
    return new DynamicKubernetesObject(response.getData().getAsJsonObject());
  }

  /**
   * What applying {@code object} would change in the cluster, one line per field by path
   * ({@code spec.replicas: 3 → 5}), from a server-side dry run of this apply compared with the
   * stored object, both without what the server manages (status, managedFields, resourceVersion,
   * generation, uid, creationTimestamp). {@code ["created"]} when there is no such object yet,
   * empty when nothing would change.
   */
  public List<String> diff(KubernetesObject object) {
    String ref = ref(object);
    Discovery.APIResource resource = resource(object, ref);
    String[] groupVersion = splitApiVersion(object.getApiVersion());
    DynamicKubernetesApi api = new DynamicKubernetesApi(groupVersion[0], groupVersion[1], resource.getResourcePlural(), client);
    String name = object.getMetadata().getName();
    KubernetesApiResponse<DynamicKubernetesObject> live = Boolean.TRUE.equals(resource.getNamespaced())
        ? api.get(namespace(object, ref), name) : api.get(name);
    if (!live.isSuccess()) {
      if (live.getHttpStatusCode() == 404) {
        return List.of("created");
      }
      throw ApplyRefusals.exception(ref, live.getHttpStatusCode(), live.getStatus());
    }
    DynamicKubernetesObject wouldBe = dryRun(true).apply(object);
    return JsonDiff.between(userFields(live.getObject().getRaw()), userFields(wouldBe.getRaw()), "");
  }

  /** The object without what the server manages, for a diff. */
  private static JsonObject userFields(JsonObject raw) {
    JsonObject copy = raw.deepCopy();
    copy.remove("status");
    JsonObject metadata = copy.getAsJsonObject("metadata");
    if (metadata != null) {
      for (String field : List.of("managedFields", "resourceVersion", "generation", "uid", "creationTimestamp")) {
        metadata.remove(field);
      }
    }
    return copy;
  }

  /** The exception for {@code refused}: the server's refusal, or its silence (status 0). */
  private static ApplyException refusal(String ref, ApiException refused) {
    try {
      return ApplyRefusals.exception(ref, refused);
    } catch (ApiException unanswered) {
      return new ApplyException(ref, 0, "no answer from the API server: " + unanswered.getMessage());
    }
  }

  private Discovery.APIResource resource(KubernetesObject object, String ref) {
    if (resources.get() == null) {
      try {
        Map<String, Discovery.APIResource> found = new HashMap<>();
        for (Discovery.APIResource resource : new Discovery(client).findAll()) {
          for (String version : resource.getVersions()) {
            String apiVersion = resource.getGroup().isEmpty() ? version : resource.getGroup() + "/" + version;
            found.put(apiVersion + "/" + resource.getKind(), resource);
          }
        }
        resources.set(found);
      } catch (ApiException e) {
        throw new ApplyException(ref, e.getCode(), "API discovery failed: " + e.getMessage());
      }
    }
    Discovery.APIResource resource = resources.get().get(object.getApiVersion() + "/" + object.getKind());
    if (resource == null) {
      throw new ApplyException(ref, 0, "the API server serves no " + object.getKind() + " in " + object.getApiVersion());
    }
    return resource;
  }

  private static String namespace(KubernetesObject object, String ref) {
    String namespace = object.getMetadata().getNamespace();
    if (namespace == null || namespace.isEmpty()) {
      throw new ApplyException(ref, 0, "a namespaced object needs metadata.namespace (render it in an App, or set namespace(...))");
    }
    return namespace;
  }

  private static String[] splitApiVersion(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? new String[] {"", apiVersion} : new String[] {apiVersion.substring(0, slash), apiVersion.substring(slash + 1)};
  }

  private static String ref(KubernetesObject object) {
    return ObjectRef.of(object).toString();
  }
}
