package dev.mizzen.testkit.policy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.ApiResponse;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;

/**
 * Requests whose JSON body leaves out empty lists and maps (but keeps empty objects such as
 * {@code emptyDir: {}}).
 *
 * <p>client-java 25 models start with empty collections and send them as {@code []} and
 * {@code {}}; the API server then takes, for example, {@code overhead: {}} for a set Pod
 * Overhead and rejects the pod before PodSecurity admission looks at it. client-java's Gson is
 * global, so this uses its own copy instead of changing it.
 */
final class CompactRequests {
  private static final Gson COMPACT = JSON.getGson().newBuilder().registerTypeAdapterFactory(new OmitEmpty()).create();

  private CompactRequests() {}

  /** Sends {@code body} with {@code method} to {@code path}, optionally as a server-side dry run. */
  static <T> ApiResponse<T> send(ApiClient client, String method, String path, Object body, boolean dryRun, Type type)
      throws ApiException {
    JsonElement tree = COMPACT.toJsonTree(body);
    List<Pair> query = new ArrayList<>();
    if (dryRun) {
      query.add(new Pair("dryRun", "All"));
    }
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    headers.put("Content-Type", "application/json");
    Call call = client.buildCall(client.getBasePath(), path, method, query, new ArrayList<>(), tree, headers,
        new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"}, null);
    return client.execute(call, type);
  }

  /** The JSON text of {@code body} as {@link #send} sends it. */
  static String json(Object body) {
    return JSON.getGson().toJson(COMPACT.toJsonTree(body));
  }

  /** Writes empty collections as null, which the final (non-null-serializing) writer leaves out. */
  private static final class OmitEmpty implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<?> raw = type.getRawType();
      if (!Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
        return null;
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          if (value == null || (value instanceof Collection && ((Collection<?>) value).isEmpty())
              || (value instanceof Map && ((Map<?, ?>) value).isEmpty())) {
            out.nullValue();
          } else {
            delegate.write(out, value);
          }
        }

        @Override
        public T read(JsonReader in) throws IOException {
          return delegate.read(in);
        }
      };
    }
  }
}
