package dev.mizzen.testkit.parity;

import dev.mizzen.dsl.render.Manifests;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a real API server: each object is created with {@code dryRun=All} (validated and admitted,
 * never stored) and strict field validation (an unknown field is a mistake of the catalogue).
 * A StatefulSet is also sent as a Deployment with its selector and pod template, since the
 * server validates a StatefulSet's pod template only when the controller creates its pods; and
 * its claim templates are also sent as the claims the controller creates, for the same reason.
 */
final class ApiServerJudge {
  private final ApiClient client;
  private final String namespace;

  ApiServerJudge(ApiClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** The server's verdict on the object the DSL built, or, when it refused, on the hand-made one. */
  ServerVerdict judge(Spec spec, DslVerdict dsl) {
    Map<String, Object> tree = dsl.built()
        .map(built -> Manifests.tree(built.render()))
        .orElseGet(() -> spec.raw().tree());
    ServerVerdict verdict = create(spec.kind().collectionPath(namespace), tree);
    if (spec.kind() == Kind.STATEFUL_SET) {
      verdict = verdict.and(create(Kind.DEPLOYMENT.collectionPath(namespace), asDeployment(tree)));
      for (Map<String, Object> claim : claims(tree)) {
        verdict = verdict.and(create("/api/v1/namespaces/" + namespace + "/persistentvolumeclaims", claim));
      }
    }
    return verdict;
  }

  /**
   * The Deployment {@code web-template} with the StatefulSet's selector and pod template, and the
   * volume the controller adds to each pod for each claim template.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asDeployment(Map<String, Object> statefulSet) {
    Map<String, Object> spec = (Map<String, Object>) statefulSet.getOrDefault("spec", Map.of());
    Map<String, Object> deploymentSpec = new LinkedHashMap<>();
    deploymentSpec.put("selector", RawObject.copy(spec.get("selector")));
    Map<String, Object> template = (Map<String, Object>) RawObject.copy(spec.get("template"));
    deploymentSpec.put("template", template);
    // The volumes the controller adds to each pod for the claim templates, as in pod web-0.
    if (spec.get("volumeClaimTemplates") instanceof List<?> claims && template != null) {
      for (Object claim : claims) {
        Object name = ((Map<String, Object>) ((Map<String, Object>) claim).getOrDefault("metadata", Map.of())).get("name");
        RawObject.list(RawObject.map(template, "spec"), "volumes").add(RawObject.of("name", name,
            "persistentVolumeClaim", RawObject.of("claimName", name + "-" + ((Map<String, Object>) statefulSet.get("metadata")).get("name") + "-0")));
      }
    }
    return RawObject.of("apiVersion", "apps/v1", "kind", "Deployment",
        "metadata", RawObject.of("name", "web-template"), "spec", deploymentSpec);
  }

  /** The claims the controller creates for pod {@code <name>-0} from the claim templates. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> claims(Map<String, Object> statefulSet) {
    Map<String, Object> spec = (Map<String, Object>) statefulSet.getOrDefault("spec", Map.of());
    Object setName = ((Map<String, Object>) statefulSet.getOrDefault("metadata", Map.of())).get("name");
    List<Map<String, Object>> claims = new java.util.ArrayList<>();
    if (spec.get("volumeClaimTemplates") instanceof List<?> templates) {
      for (Object template : templates) {
        Map<String, Object> claim = (Map<String, Object>) RawObject.copy(template);
        Map<String, Object> metadata = RawObject.map(claim, "metadata");
        metadata.put("name", metadata.get("name") + "-" + setName + "-0");
        claims.add(RawObject.of("apiVersion", "v1", "kind", "PersistentVolumeClaim", "metadata", metadata,
            "spec", claim.get("spec")));
      }
    }
    return claims;
  }

  private ServerVerdict create(String collectionPath, Map<String, Object> tree) {
    Map<String, Object> body = (Map<String, Object>) RawObject.copy(tree);
    RawObject.map(body, "metadata").put("namespace", namespace);
    try {
      var call = client.buildCall(null, collectionPath, "POST",
          List.of(new Pair("dryRun", "All"), new Pair("fieldValidation", "Strict")), List.of(), body,
          new LinkedHashMap<>(Map.of("Content-Type", "application/json", "Accept", "application/json")),
          new LinkedHashMap<>(), new LinkedHashMap<>(), new String[] {"BearerToken"}, null);
      client.execute(call);
      return new ServerVerdict(201, "");
    } catch (ApiException e) {
      String message = e.getResponseBody() == null ? String.valueOf(e.getMessage()) : statusMessage(e.getResponseBody());
      return new ServerVerdict(e.getCode(), message);
    }
  }

  /** The {@code message} of a Status body, or the body. */
  private static String statusMessage(String body) {
    try {
      var json = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
      return json.has("message") ? json.get("message").getAsString() : body;
    } catch (RuntimeException notJson) {
      return body;
    }
  }
}
